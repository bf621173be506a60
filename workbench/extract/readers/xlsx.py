"""Excel workbooks (.xlsx, and macro-enabled .xlsm read the same way).

Every non-empty cell becomes a segment located "Sheet!B7"; the addresses of
mailto: hyperlinks that a cell does not show are its links ("Sheet!B7 (link)").

python-calamine (Rust) is the fast path, 14x faster than openpyxl read-only,
but it allocates the sheet's whole used rectangle: a sheet with just A1 and
XFD1048576 filled makes it request 512 GiB and abort the process (openpyxl
instead iterates the 17 billion empty cells for ever). So each sheet's cell
references are checked first (``xlsx_guard``: byte counts and C regex scans
over the XML), and only sheets whose rectangle is small go to calamine; the
others are streamed with lxml, visiting only the cells that are present. Shared
strings are bounded by the zip checks and the character budget
(poc-shared-strings.xlsx: 110 KB expanding to 3 M characters).
"""

from __future__ import annotations

import datetime
import io
import re

from lxml import etree

from ..model import ExtractionFailed
from ..package import Package
from ..xmlsafe import parse_xml, refuse_doctype, syntax_failure
from . import calamine as _calamine
from .base import Collector
from .calamine import CalamineFailed, guarded
from .cells import CellSink, column_name, number_text, show_formats
from .numfmt import Renderer
from .ooxml import R_ID, REL_NS, load_part, mailto_targets, main_part
from .xlsx_guard import shared_strings_fit, sheet_fits
from .xlsx_styles import rendered_styles, styled_cells

S = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
S_SHEET, S_SHEETS, S_SI, S_T, S_R, S_RPH = (
    f"{S}sheet",
    f"{S}sheets",
    f"{S}si",
    f"{S}t",
    f"{S}r",
    f"{S}rPh",
)
S_C, S_V, S_IS, S_ROW, S_HYPERLINK = f"{S}c", f"{S}v", f"{S}is", f"{S}row", f"{S}hyperlink"
# Parts smaller than this are parsed whole (faster); larger ones are streamed.
_STREAM_ABOVE = 8 * 1024 * 1024
# The shared strings' root tag is looked for in this much of the part.
_SST_HEAD = 64 * 1024
# ST_Xstring escapes characters XML cannot carry: "_x000D_" is a carriage return.
_XSTRING_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")


def _unescape(text: str) -> str:
    return _XSTRING_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text) if "_x" in text else text


# Tests set this to None to force the lxml path.
python_calamine = _calamine.python_calamine


def read_xlsx(data: bytes, out: Collector) -> None:
    out.reader = "xlsx-xml"
    with Package.open(io.BytesIO(data), out.budget.limits) as package:
        package.refuse_dtds()  # calamine parses parts too: check them all first
        main = main_part(package)
        workbook = load_part(package, main)
        rels = package.related(main)
        sheets = _sheet_parts(package, workbook, rels)
        styles = _rendered_styles(package, rels, out)
        allowed = python_calamine is not None and _calamine_may_open(package, main, rels)
        fast = _Calamine(data, allowed, styles)
        loaded: list[list[str]] = []

        def strings() -> list[str]:  # only the lxml path needs them; calamine reads its own
            if not loaded:
                loaded.append(_shared_strings(package, rels, out))
            return loaded[0]

        cells_left = out.budget.limits.max_cells
        for name, target in sheets:
            out.check()
            if out.full:
                continue
            xml = package.read(target)
            refuse_doctype(xml, target)
            start = len(out.segments)
            left = fast.read_sheet(name, xml, out, cells_left)
            if left is None:
                box = [cells_left]
                _read_sheet(xml, target, name, strings(), styles, out, box)
                left = box[0]
            cells_left = left
            links = mailto_targets(package, target)
            if links:
                _read_links(xml, target, name, links, out, start)
            if cells_left <= 0:
                out.warn(f"only the first {out.budget.limits.max_cells:,} cells were read")
                break


def _sheet_parts(package: Package, workbook, rels) -> list[tuple[str, str]]:
    """(name, part) of each sheet whose part exists, in workbook order."""
    targets = {rel_id: target for rel_id, _type, target in rels}
    sheets = workbook.find(S_SHEETS)
    found = []
    for sheet in [] if sheets is None else sheets.iterchildren(S_SHEET):
        target = targets.get(sheet.get(R_ID))
        if target and package.has(target):
            found.append((sheet.get("name") or "Sheet", target))
    return found


def _rendered_styles(package: Package, rels, out: Collector) -> dict[int, Renderer]:
    try:
        return rendered_styles(package, rels)
    except ExtractionFailed as exc:  # Excel shows the values without their formats too
        out.warn(f"number formats not read: {exc.error.message}")
        return {}


def _shared_strings(package: Package, rels, out: Collector) -> list[str]:
    for _id, rel_type, target in rels:
        if rel_type.endswith("/sharedStrings") and package.has(target):
            root = load_part(package, target)
            strings = []
            for item in root.iterchildren(S_SI):
                # Phonetic runs (rPh) repeat Japanese readings; they are not cell text.
                strings.append(
                    _unescape(
                        "".join(t.text or "" for t in item.iter(S_T) if t.getparent().tag != S_RPH)
                    )
                )
                if len(strings) % 65536 == 0:
                    out.check()
            return strings
    return []


def _read_links(xml: bytes, part: str, name: str, links, out: Collector, start: int) -> None:
    """Add the mailto: hyperlinks of a sheet, located at their cell; ``start`` is where the
    sheet's cells begin in ``out.segments``."""
    located = out.prefix + _prefix(name)
    cells = {segment.location: segment.text for segment in out.segments[start:]}
    for hyperlink in _elements(xml, part, S_HYPERLINK):
        target = links.get(hyperlink.get(R_ID))
        ref = hyperlink.get("ref") or ""
        if target and ref:
            shown = cells.get(located + ref.split(":")[0], "")
            out.link(_prefix(name) + ref, [(target, hyperlink.get("display") or shown)], shown)


def _elements(data: bytes, part: str, tag: str = S_C):
    """Yield the cells (or ``tag`` elements) of a worksheet part, streaming large parts."""
    refuse_doctype(data, part)
    if len(data) <= _STREAM_ABOVE:
        yield from parse_xml(data, part).iter(tag)
        return
    events = etree.iterparse(
        io.BytesIO(data),
        events=("end",),
        tag=(tag, S_ROW),
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
    )
    try:
        for _event, element in events:
            if element.tag == tag:
                yield element
            else:
                element.clear(keep_tail=False)
                while element.getprevious() is not None:
                    del element.getparent()[0]
    except etree.XMLSyntaxError as exc:
        raise syntax_failure(exc, part) from None


def _styled(value: str, render: Renderer | None) -> str:
    if render is None:
        return value
    try:
        return render(float(value))
    except ValueError:  # not a number after all: show what the cell holds
        return value


def _prefix(name: str) -> str:
    return f"'{name}'!" if any(c in name for c in " !'-") else f"{name}!"


def _calamine_may_open(package: Package, main: str, rels) -> bool:
    """Whether calamine would see the workbook as we do, and opening it allocates little.

    calamine reads xl/workbook.xml, xl/sharedStrings.xml and the sheets' r:id
    relationships by fixed names, not through the package's relationships as we
    do, and takes any element named "sheet", in any namespace or mc:Fallback
    branch, for a sheet; a package laid out otherwise could make it read a sheet
    part that the size checks never saw. Such packages (no real writer makes
    them) are read with lxml alone.
    """
    if main != "xl/workbook.xml":
        return False
    sheets = list(parse_xml(package.read(main), main).iter("{*}sheet"))
    paths = _calamine_sheet_paths(package)
    if paths is None or not _sheets_named_plainly(sheets):
        return False
    ours = {rel_id: target for rel_id, _type, target in rels}
    for sheet in sheets:
        rel_id = sheet.get(R_ID) or ""
        if rel_id in paths and paths[rel_id] != ours.get(rel_id):
            return False
    return _shared_strings_head_fits(package)


def _sheets_named_plainly(sheets: list) -> bool:
    """Unique non-empty names, and no second attribute calamine could take for r:id."""
    names = [sheet.get("name") or "" for sheet in sheets]
    if "" in names or len({name.casefold() for name in names}) != len(names):
        return False
    for sheet in sheets:
        if any(sheet.nsmap.get(prefix, REL_NS) != REL_NS for prefix in ("r", "relationships")):
            return False
        if sum(1 for key in sheet.attrib if key.rpartition("}")[2] == "id") != 1:
            return False
    return True


def _calamine_sheet_paths(package: Package) -> dict[str, str] | None:
    """Relationship id -> the part calamine opens for it; None if ids repeat."""
    rels_name = "xl/_rels/workbook.xml.rels"
    if not package.has(rels_name):
        return None
    paths = {}
    for rel in parse_xml(package.read(rels_name), rels_name):
        rel_id, target = rel.get("Id", ""), rel.get("Target", "")
        if rel_id in paths:
            return None
        paths[rel_id] = (
            target[1:]
            if target.startswith("/xl/")
            else (target if target.startswith("xl/") else f"xl/{target}")
        )
    return paths


def _shared_strings_head_fits(package: Package) -> bool:
    name = "xl/sharedStrings.xml"  # calamine's fixed name, matched exactly
    if name not in package.names():
        return True
    try:
        with package.archive.open(name) as member:
            head = member.read(_SST_HEAD)
    except Exception:  # a damaged member: let the lxml path report it
        return False
    return shared_strings_fit(head)


class _Calamine:
    """calamine for the sheets the guards let through, opened on first use."""

    def __init__(self, data: bytes, allowed: bool, styles: dict[int, Renderer]):
        self.data = data
        self.allowed = allowed
        self.styles = styles
        self.book = None

    def read_sheet(self, name: str, xml: bytes, out: Collector, cells_left: int) -> int | None:
        """Read one sheet, returning the cells left; None if the lxml path must read it."""
        if not self.allowed or not sheet_fits(xml):
            return None
        money = styled_cells(xml, self.styles)
        if money is None:
            return None
        try:
            if self.book is None:
                self.book = guarded(
                    python_calamine.CalamineWorkbook.from_filelike, io.BytesIO(self.data)
                )
            sheet = guarded(self.book.get_sheet_by_name, name)
            start = guarded(lambda: sheet.start)
            rows = guarded(sheet.to_python) if start is not None else []
        except CalamineFailed:
            if self.book is None:
                self.allowed = False  # calamine cannot open this workbook: lxml reads it all
            return None
        if money and rows:
            show_formats(rows, start, money)
        sink = CellSink(out, cells_left)
        if rows:
            sink.add_rows(rows, start[0], start[1], _prefix(name), _format)
        return sink.cells_left


def _format(value) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return number_text(value)
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    return str(value)


def _read_sheet(
    xml: bytes,
    part,
    name,
    strings,
    styles: dict[int, Renderer],
    out: Collector,
    cells_left: list[int],
) -> None:
    prefix = _prefix(name)
    row_number = column = 0
    current_row = None
    count = 0
    for cell in _elements(xml, part):
        ref = cell.get("r")
        if ref is None:  # references are optional: count positions instead
            row = cell.getparent()
            if row is not current_row:
                current_row, column = row, 0
                row_number = int(row.get("r") or row_number + 1) if row is not None else row_number
            column += 1
            ref = f"{column_name(column - 1)}{row_number}"
        kind = cell.get("t")
        if kind == "inlineStr":
            inline = cell.find(S_IS)
            value = (
                "" if inline is None else _unescape("".join(t.text or "" for t in inline.iter(S_T)))
            )
        else:
            v = cell.find(S_V)
            value = v.text if v is not None else None
            if not value:
                continue
            if kind == "s":
                try:
                    value = strings[int(value)]
                except (ValueError, IndexError):
                    continue
            elif kind == "b":
                value = "TRUE" if value == "1" else "FALSE"
            elif kind == "e":
                continue
            elif styles and (style := cell.get("s")) and kind in (None, "n"):
                value = _styled(value, styles.get(int(style) if style.isdigit() else -1))
        if value:
            out.add(prefix + ref, value)
        count += 1
        if count & 0x3FFF == 0:
            out.check()
            if out.full:
                return
        cells_left[0] -= 1
        if cells_left[0] <= 0:
            return
