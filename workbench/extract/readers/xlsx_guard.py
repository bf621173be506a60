"""Whether calamine may read an .xlsx: bounds checked on the raw XML first.

calamine allocates a dense grid over the rectangle its cell references span,
and reserves room for the shared strings' ``uniqueCount`` when it opens the
workbook. A sheet holding only A1 and XFD1048576, or a uniqueCount of 2^31,
makes it request hundreds of GiB, and a failed Rust allocation aborts the
process. ``<dimension>`` can lie, so the checks look at every cell reference.
They are regular-expression scans that build no Python object per cell: about
a sixth of calamine's own parse. Whatever they cannot vouch for (references
spelled otherwise, prefixed cells, far cells) goes to the lxml path, which
visits only the cells present.
"""

from __future__ import annotations

import re

# calamine allocates height x width of the used rectangle; above this, lxml instead.
CALAMINE_MAX_AREA = 4_000_000
# calamine reserves 24 bytes per announced shared string when it opens the file.
MAX_UNIQUE_STRINGS = 2_000_000


def _cell_outside(ref: bytes) -> re.Pattern[bytes]:
    """A cell start tag that is not ``<c r="REF"`` followed only by s, t, cm, vm or ph.

    Then every cell has exactly the reference matched by ``ref``. Cells without
    a reference (calamine places them after their row's r, so they can reach row
    1048576), a second r attribute (calamine keeps the last), other quoting or
    blanks, or a reference calamine might read differently ("a1", "A0", "$A$1")
    all match; so do stray tags in comments, which only costs speed.
    """
    return re.compile(
        rb'<c(?=[\s/>])(?! r="' + ref + rb'"(?: (?:[st]|cm|vm|ph)="[^"]*+")*+\s*+/?>)'
    )


# Outside A1:Z99999 (26 x 99,999 cells) and outside A1:ZZ4999 (702 x 4,999 cells):
# two scans settle ordinary sheets; only wide and long ones pay for the exact count.
_OUTSIDE_NARROW = _cell_outside(rb"[A-Z][1-9][0-9]{0,4}")
_OUTSIDE_MEDIUM = _cell_outside(rb"[A-Z]{1,2}(?:[1-9][0-9]{0,2}|[1-4][0-9]{3})")
_OUTSIDE_PLAIN = _cell_outside(rb"[A-Z]{1,3}[1-9][0-9]{0,6}")
_CELL_REF = re.compile(rb'<c r="([A-Z]{1,3})([1-9][0-9]{0,6})"')
# A cell with a namespace prefix (<x:c>), which calamine reads by its local name;
# the literal ":c" is found much faster than the whole pattern.
_PREFIX_HINT = re.compile(rb":c[\s/>]")
_PREFIXED_CELL = re.compile(rb"<[^\s/>!?:<]+:c[\s/>]")

_UTF8_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
# The shared strings' root start tag after the prolog, with properly quoted attributes
# (an unquoted scan to ">" would stop inside a value such as a=">").
_SST_START = re.compile(
    rb"\A(?:\s|<\?.*?\?>|<!--.*?-->)*<(?:[^\s/>!?:<]+:)?sst"
    rb"((?:\s+[^\s=/>]+\s*=\s*(?:\"[^\"]*\"|'[^']*'))*)\s*/?>",
    re.S,
)
_ATTRIBUTE = re.compile(rb"([^\s=]+)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")


def sheet_fits(xml: bytes) -> bool:
    """Whether calamine's grid for this worksheet part stays within ``CALAMINE_MAX_AREA``."""
    if xml[:2] in _UTF16_BOMS or b"\x00" in xml[:64]:
        return False  # UTF-16 (or worse): the byte patterns below would see nothing
    if _PREFIX_HINT.search(xml) and _PREFIXED_CELL.search(xml):
        return False
    if _OUTSIDE_NARROW.search(xml) is None or _OUTSIDE_MEDIUM.search(xml) is None:
        return True
    if _OUTSIDE_PLAIN.search(xml) is not None:
        return False
    refs = _CELL_REF.findall(xml)
    if not refs:
        return True
    columns, rows = zip(*refs, strict=True)
    return max(map(int, rows)) * max(map(_column_number, set(columns))) <= CALAMINE_MAX_AREA


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + letter - 64
    return number


def shared_strings_fit(head: bytes) -> bool:
    """Whether the shared strings part starting with ``head`` announces a sane uniqueCount."""
    match = _SST_START.match(head.removeprefix(_UTF8_BOM))
    if match is None:
        return False  # root tag not found in the head (padding, UTF-16 ...): do not guess
    for name, double, single in _ATTRIBUTE.findall(match.group(1)):
        if name.rpartition(b":")[2] != b"uniqueCount":
            continue
        value = double or single
        if not value.isdigit() or int(value) > MAX_UNIQUE_STRINGS:
            return False
    return True
