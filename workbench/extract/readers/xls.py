"""Excel 97-2003 workbooks (.xls), cells located "Sheet!B7".

python-calamine (Rust) reads them about 17x faster than xlrd, but it trusts
the file: it follows OLE sector chains without looking for loops, allocates a
dense grid over every sheet's cells and reserves whatever DIMENSIONS announces,
all at once when it opens the workbook, and a failed Rust allocation aborts
the process. So calamine only reads workbooks whose container (``cfb``) and
records (``biff``) have been checked to stay within bounds, and whose text it
renders as xlrd does (BIFF8 with the UTF-16 code page). xlrd, the reader the
issue names, reads everything else: Excel 5/95 (BIFF5) and the raw BIFF2-4
worksheet streams of Excel 2-4, with a warning that the format is legacy,
encrypted files (xlrd says they are), damaged ones, and whatever calamine
fails on. Where xlrd gives up on a damaged file, calamine gets a second try if
the checks allowed it. Rows are kept ragged (xlrd) or read as calamine's
checked grid, so a sheet with one far-away cell does not pad every row.
"""

from __future__ import annotations

import datetime
import io
from importlib import metadata

import xlrd

from ..model import ExtractionFailed
from . import calamine as _calamine
from .base import Collector
from .biff import Workbook, survey
from .biff_formats import rendered_cells
from .calamine import CalamineFailed, guarded
from .cells import CellSink, column_name, number_text, show_formats
from .cfb import workbook_stream
from .xlsx import _format, _prefix

# Tests set this to None to read everything with xlrd.
python_calamine = _calamine.python_calamine
# Looked up once: importlib.metadata reads the package's files, 1.6 ms a call.
_CALAMINE_READER = (
    f"python-calamine {metadata.version('python-calamine')}" if python_calamine else ""
)

_BIFF_NAMES = {
    20: "Excel 2.0",
    21: "Excel 2.1",
    30: "Excel 3.0",
    40: "Excel 4.0",
    45: "Excel 4.0 workbook",
    50: "Excel 5/95",
    70: "Excel 95",
}


def _open(data: bytes, ignore_corruption: bool):
    return xlrd.open_workbook(
        file_contents=data,
        logfile=io.StringIO(),  # xlrd prints warnings about odd records; they are not ours to show
        ragged_rows=True,
        ignore_workbook_corruption=ignore_corruption,
    )


def read_xls(data: bytes, out: Collector) -> None:
    workbook, stream = _checked(data)
    if workbook is not None and workbook.faithful:
        if _read_with_calamine(data, workbook, out, rendered_cells(stream)):
            return
        workbook = None  # calamine has had its try
    _read_with_xlrd(data, out, workbook)


def _checked(data: bytes) -> tuple[Workbook | None, bytes]:
    """The workbook if calamine may read it (see ``cfb`` and ``biff``), and its stream."""
    if python_calamine is None:
        return None, b""
    stream = workbook_stream(data)
    return (None, b"") if stream is None else (survey(stream), stream)


def _read_with_xlrd(data: bytes, out: Collector, second_opinion: Workbook | None) -> None:
    """Read with xlrd; where xlrd gives up on a damaged file, let calamine try if it may."""
    out.reader = f"xlrd {xlrd.__VERSION__}"
    try:
        try:
            book = _open(data, ignore_corruption=False)
        except (
            Exception
        ) as exc:  # xlrd raises XLRDError, CompDocError, AssertionError, IndexError ...
            if "corruption" not in str(exc).lower():
                raise
            book = _open(data, ignore_corruption=True)
            out.warn("the workbook's structure is damaged; the readable cells were read")
    except Exception as exc:
        text = (str(exc) or exc.__class__.__name__).splitlines()[0][:160]
        if "encrypted" in text.lower():
            raise ExtractionFailed("encrypted", "encrypted: password required") from None
        if isinstance(exc, MemoryError):
            raise
        if second_opinion is None or not _read_with_calamine(data, second_opinion, out, {}):
            raise ExtractionFailed(
                "corrupt", f"corrupt or unreadable Excel file ({text})"
            ) from None
        out.warn(f"xlrd could not read the file ({text}); cells read by calamine")
        return
    if book.biff_version and book.biff_version < 80:
        out.warn(f"legacy {_BIFF_NAMES.get(book.biff_version, 'pre-97 Excel')} format")
    cells_left = out.budget.limits.max_cells
    columns = [column_name(index) for index in range(256)]  # BIFF8 sheets have at most 256 columns
    stream = workbook_stream(data)
    money = rendered_cells(stream) if stream else {}
    try:
        for index in range(book.nsheets):
            out.check()
            if out.full or cells_left <= 0:
                break
            sheet = book.sheet_by_index(index)
            prefix = _prefix(sheet.name)
            shown = money.get(sheet.name, {})
            for row in range(sheet.nrows):
                if row & 0x3FF == 0:
                    out.check()
                types, values = sheet.row_types(row), sheet.row_values(row)
                for col, (kind, value) in enumerate(zip(types, values, strict=True)):
                    if shown and kind == xlrd.XL_CELL_NUMBER and (row, col) in shown:
                        text = shown[row, col](value)
                    else:
                        text = _value(kind, value, book.datemode)
                    if text:
                        name = columns[col] if col < 256 else column_name(col)
                        out.add(f"{prefix}{name}{row + 1}", text)
                        cells_left -= 1
                if out.full or cells_left <= 0:
                    break
    finally:
        book.release_resources()
    if cells_left <= 0:
        out.warn(f"only the first {out.budget.limits.max_cells:,} cells were read")


def _value(kind: int, value, datemode: int) -> str:
    if kind == xlrd.XL_CELL_TEXT:
        return value
    if kind == xlrd.XL_CELL_NUMBER:
        return _format(float(value))
    if kind == xlrd.XL_CELL_DATE:
        try:
            return xlrd.xldate.xldate_as_datetime(value, datemode).isoformat()
        except (ValueError, OverflowError, xlrd.xldate.XLDateError):
            return _format(float(value))
    if kind == xlrd.XL_CELL_BOOLEAN:
        return "TRUE" if value else "FALSE"
    return ""


def _read_with_calamine(
    data: bytes, workbook: Workbook, out: Collector, money: dict[str, dict]
) -> bool:
    """Read the worksheets with calamine; False (and nothing added) if calamine fails.

    Every sheet is converted before any cell is added, so a failure halfway
    leaves the collector as it was for xlrd. ``money`` holds the cells to show
    under their currency formats (``biff_formats``).
    """
    try:
        sheets = _calamine_sheets(data)
    except CalamineFailed:
        return False
    sink = CellSink(out, out.budget.limits.max_cells)
    render = _renderer(workbook.datemode)
    for name, start, rows in sheets:
        out.check()
        if sink.done:
            break
        if rows:
            if money.get(name):
                show_formats(rows, start, money[name])
            sink.add_rows(rows, start[0], start[1], _prefix(name), render)
    if sink.cells_left <= 0:
        out.warn(f"only the first {out.budget.limits.max_cells:,} cells were read")
    out.reader = _CALAMINE_READER
    return True


def _calamine_sheets(data: bytes) -> list[tuple[str, tuple[int, int] | None, list]]:
    """(name, first cell, rows) of each worksheet; xlrd skips chart and macro sheets too."""
    book = guarded(python_calamine.CalamineWorkbook.from_filelike, io.BytesIO(data))
    worksheet = python_calamine.SheetTypeEnum.WorkSheet
    listed = guarded(lambda: book.sheets_metadata)
    if len({sheet.name for sheet in listed}) != len(listed):
        raise CalamineFailed("calamine keys sheets by name: a repeated name hides a sheet")
    sheets = []
    for sheet_metadata in listed:
        if sheet_metadata.typ != worksheet:
            continue
        sheet = guarded(book.get_sheet_by_name, sheet_metadata.name)
        start = guarded(lambda s=sheet: s.start)
        rows = guarded(sheet.to_python) if start is not None else []
        sheets.append((sheet_metadata.name, start, rows))
    return sheets


_EPOCHS = ("1899-12-31T", "1904-01-01T")  # what xlrd prints for a bare time of day
_DAY = datetime.timedelta(days=1)


def _renderer(datemode: int):
    """Render calamine's values as the xlrd path renders the same cells.

    calamine has already applied the number formats: a date-formatted cell
    comes as a date, datetime, time (serial below 1) or timedelta (duration
    formats); xlrd gives the serial number, which ``_value`` prints as an ISO
    datetime.
    """
    epoch = _EPOCHS[datemode]

    def render(value) -> str:
        kind = value.__class__
        if kind is int:  # RK integers: what xlrd's float prints
            return number_text(float(value))
        if kind is bool:
            return "TRUE" if value else "FALSE"
        if kind is datetime.datetime:
            return value.isoformat()
        if kind is datetime.date:
            return f"{value.isoformat()}T00:00:00"
        if kind is datetime.time:
            return epoch + value.isoformat()
        if kind is datetime.timedelta:
            return _value(xlrd.XL_CELL_DATE, value / _DAY, datemode)
        return _format(value)

    return render
