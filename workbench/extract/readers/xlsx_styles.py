"""Which cells of a workbook show a currency or a percentage through their number format.

A cell's ``s`` attribute indexes the styles part's ``cellXfs``; each of those
names a number format, built in by id or written out in ``numFmts``. Only the
styles whose format shows a currency matter (``numfmt``), so a workbook
without any costs one small parse, and the sheets of one with some are
searched for just those style indexes, in C.
"""

from __future__ import annotations

import re

from ..package import Package
from .numfmt import BUILTIN_FORMATS, Renderer, shown_renderer
from .ooxml import load_part

S = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REF = re.compile(rb'\sr="([A-Z]{1,3})([0-9]{1,7})"')
_CELL_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?c\s")


def rendered_styles(package: Package, rels) -> dict[int, Renderer]:
    """Style index -> renderer, for the styles whose number format shows a currency or a %."""
    for _id, rel_type, target in rels:
        if rel_type.endswith("/styles") and package.has(target):
            return _from_styles(load_part(package, target))
    return {}


def _from_styles(root) -> dict[int, Renderer]:
    codes: dict[int, str] = dict(BUILTIN_FORMATS)
    formats = root.find(f"{S}numFmts")
    for item in () if formats is None else formats.iterchildren(f"{S}numFmt"):
        try:
            codes[int(item.get("numFmtId", ""))] = item.get("formatCode") or ""
        except ValueError:
            continue
    found: dict[int, Renderer] = {}
    cell_xfs = root.find(f"{S}cellXfs")
    for index, xf in enumerate(() if cell_xfs is None else cell_xfs.iterchildren(f"{S}xf")):
        try:
            renderer = shown_renderer(codes.get(int(xf.get("numFmtId") or 0)))
        except ValueError:
            continue
        if renderer is not None:
            found[index] = renderer
    return found


def styled_cells(xml: bytes, styles: dict[int, Renderer]) -> dict[tuple[int, int], Renderer] | None:
    """(row, column), both 0-based -> renderer, of the sheet's cells in ``styles``.

    None when such a cell has no reference to place it by (references are
    optional); the caller then reads the sheet cell by cell.
    """
    if not styles:
        return {}
    wanted = b"|".join(str(index).encode() for index in styles)
    found: dict[tuple[int, int], Renderer] = {}
    for match in re.finditer(rb'\ss="(' + wanted + rb')"', xml):
        start = xml.rfind(b"<", 0, match.start())
        tag = _CELL_TAG.match(xml, start)
        if tag is None:
            continue  # a row's or column's style, not a cell's
        end = xml.find(b">", start)
        ref = _REF.search(xml, start, end)
        if ref is None:
            return None
        found[(int(ref.group(2)) - 1, _column_index(ref.group(1)))] = styles[int(match.group(1))]
    return found


def _column_index(letters: bytes) -> int:
    index = 0
    for letter in letters:
        index = index * 26 + letter - 64
    return index - 1
