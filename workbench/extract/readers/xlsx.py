"""Excel workbooks (.xlsx, and macro-enabled .xlsm read the same way).

Every non-empty cell becomes a segment located "Sheet!B7".

python-calamine (Rust) is the fast path, 14x faster than openpyxl read-only,
but it allocates the sheet's whole used rectangle: a sheet with just A1 and
XFD1048576 filled makes it request 512 GiB and abort the process (openpyxl
instead iterates the 17 billion empty cells for ever). So each sheet's cell
references are scanned first (a C regex over the XML bytes), and only sheets
whose rectangle is small go to calamine; the others are streamed with lxml,
visiting only the cells that are present. Shared strings are bounded by the
zip checks and the character budget (poc-shared-strings.xlsx: 110 KB expanding
to 3 M characters).
"""

from __future__ import annotations

import datetime
import io
import re

from lxml import etree

from ..package import Package
from ..xmlsafe import parse_xml, refuse_doctype, syntax_failure
from .base import Collector
from .ooxml import R_ID, load_part, main_part

S = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
S_SHEET, S_SHEETS, S_SI, S_T, S_R, S_RPH = (
    f"{S}sheet",
    f"{S}sheets",
    f"{S}si",
    f"{S}t",
    f"{S}r",
    f"{S}rPh",
)
S_C, S_V, S_IS, S_ROW = f"{S}c", f"{S}v", f"{S}is", f"{S}row"
# Parts smaller than this are parsed whole (faster); larger ones are streamed.
_STREAM_ABOVE = 8 * 1024 * 1024
# calamine allocates rows x columns of its used rectangle; above this we stream instead.
CALAMINE_MAX_AREA = 4_000_000
# A cell reference attribute (row elements have r="7", without letters).
_CELL_REF = re.compile(rb' r="([A-Z]{1,3})([0-9]{1,7})"')
# ST_Xstring escapes characters XML cannot carry: "_x000D_" is a carriage return.
_XSTRING_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")


def _unescape(text: str) -> str:
    return _XSTRING_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text) if "_x" in text else text


try:
    import python_calamine
except ImportError:  # pragma: no cover - the lxml path reads everything alone
    python_calamine = None


def column_name(index: int) -> str:
    """0 -> 'A', 25 -> 'Z', 26 -> 'AA'."""
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


def read_xlsx(data: bytes, out: Collector) -> None:
    out.reader = "xlsx-xml"
    with Package.open(io.BytesIO(data), out.budget.limits) as package:
        package.refuse_dtds()  # calamine parses parts too: check them all first
        main = main_part(package)
        workbook = load_part(package, main)
        rels = package.related(main)
        targets = {rel_id: target for rel_id, _type, target in rels}
        loaded: list[list[str]] = []

        def strings() -> list[str]:  # only the lxml path needs them; calamine reads its own
            if not loaded:
                loaded.append(_shared_strings(package, rels, out))
            return loaded[0]

        sheets = workbook.find(S_SHEETS)
        cells_left = [out.budget.limits.max_cells]
        fast = None
        for sheet in [] if sheets is None else sheets.iterchildren(S_SHEET):
            out.check()
            target = targets.get(sheet.get(R_ID))
            if out.full or not target or not package.has(target):
                continue
            name = sheet.get("name") or "Sheet"
            xml = package.read(target)
            refuse_doctype(xml, target)
            done = False
            if python_calamine is not None and _fits_calamine(xml):
                if fast is None:
                    fast = _open_calamine(data)
                done = bool(fast) and _read_sheet_calamine(fast, name, out, cells_left)
            if not done:
                _read_sheet(xml, target, name, strings(), out, cells_left)
            if cells_left[0] <= 0:
                out.warn(f"only the first {out.budget.limits.max_cells:,} cells were read")
                break


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


def _cells(data: bytes, part: str):
    """Yield cell elements of a worksheet part, streaming large parts."""
    refuse_doctype(data, part)
    if len(data) <= _STREAM_ABOVE:
        yield from parse_xml(data, part).iter(S_C)
        return
    events = etree.iterparse(
        io.BytesIO(data),
        events=("end",),
        tag=(S_C, S_ROW),
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
    )
    try:
        for _event, element in events:
            if element.tag == S_C:
                yield element
            else:
                element.clear(keep_tail=False)
                while element.getprevious() is not None:
                    del element.getparent()[0]
    except etree.XMLSyntaxError as exc:
        raise syntax_failure(exc, part) from None


def _prefix(name: str) -> str:
    return f"'{name}'!" if any(c in name for c in " !'-") else f"{name}!"


def _column_index(letters: bytes) -> int:
    index = 0
    for letter in letters:
        index = index * 26 + letter - 64
    return index


def _fits_calamine(xml: bytes) -> bool:
    """Whether the sheet's used rectangle, from its cell references, is small enough.

    Cells without a reference are placed one after another, so they cannot
    stretch the rectangle beyond what the XML holds.
    """
    refs = _CELL_REF.findall(xml)
    if not refs:
        return True
    columns, rows = zip(*refs, strict=True)
    max_row = max(map(int, rows))
    max_col = max(map(_column_index, set(columns)))
    return max_row * max_col <= CALAMINE_MAX_AREA


def _open_calamine(data: bytes):
    try:
        return python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
    except Exception:  # calamine's errors are plain CalamineError subclasses: use the lxml path
        return False


def _format(value) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    return str(value)


def _read_sheet_calamine(workbook, name, out: Collector, cells_left: list[int]) -> bool:
    """Read one sheet with calamine; False if calamine cannot (the caller streams it)."""
    try:
        sheet = workbook.get_sheet_by_name(name)
        start = sheet.start
        rows = sheet.iter_rows()
    except Exception:
        return False
    if start is None:
        return True
    prefix = _prefix(name)
    first_row, first_col = start
    columns: list[str] = []
    add, add_plain = out.add, out.add_plain
    for row_index, row in enumerate(rows, start=first_row + 1):
        if row_index & 0xFFF == 0:
            out.check()
        for col_index, value in enumerate(row):
            if value == "" or value is None:
                continue
            while len(columns) <= col_index:
                columns.append(column_name(first_col + len(columns)))
            if value.__class__ is str:
                add(f"{prefix}{columns[col_index]}{row_index}", value)
            else:
                add_plain(f"{prefix}{columns[col_index]}{row_index}", _format(value))
            cells_left[0] -= 1
        if out.full or cells_left[0] <= 0:
            break
    return True


def _read_sheet(xml: bytes, part, name, strings, out: Collector, cells_left: list[int]) -> None:
    prefix = _prefix(name)
    row_number = column = 0
    current_row = None
    count = 0
    for cell in _cells(xml, part):
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
