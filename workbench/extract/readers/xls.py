"""Excel 97-2003 workbooks (.xls) with xlrd, cells located "Sheet!B7".

xlrd also reads Excel 5/95 (BIFF5) and the raw BIFF2-4 worksheet streams of
Excel 2-4; those are read with a warning that the format is legacy. Rows are
kept ragged so that a sheet with one far-away cell does not pad every row.
"""

from __future__ import annotations

import io
from importlib import metadata

import xlrd

from ..model import ExtractionFailed
from .base import Collector
from .xlsx import _format, _prefix, column_name

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
    """Read with xlrd; where xlrd gives up on a damaged file, let calamine try."""
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
        if not _read_with_calamine(data, out):
            raise ExtractionFailed(
                "corrupt", f"corrupt or unreadable Excel file ({text})"
            ) from None
        out.warn(f"xlrd could not read the file ({text}); cells read by calamine")
        return
    if book.biff_version and book.biff_version < 80:
        out.warn(f"legacy {_BIFF_NAMES.get(book.biff_version, 'pre-97 Excel')} format")
    cells_left = out.budget.limits.max_cells
    columns = [column_name(index) for index in range(256)]  # BIFF8 sheets have at most 256 columns
    try:
        for index in range(book.nsheets):
            out.check()
            if out.full or cells_left <= 0:
                break
            sheet = book.sheet_by_index(index)
            prefix = _prefix(sheet.name)
            for row in range(sheet.nrows):
                if row & 0x3FF == 0:
                    out.check()
                types, values = sheet.row_types(row), sheet.row_values(row)
                for col, (kind, value) in enumerate(zip(types, values, strict=True)):
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


def _read_with_calamine(data: bytes, out: Collector) -> bool:
    """Second opinion on a workbook xlrd rejected; False if calamine cannot read it either.

    An .xls sheet is at most 65,536 x 256 cells, so calamine's used rectangle is
    bounded (and the isolated worker's memory limit bounds it again).
    """
    from .xlsx import _read_sheet_calamine, python_calamine

    if python_calamine is None:
        return False
    try:
        workbook = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
        names = workbook.sheet_names
    except Exception:  # CalamineError and friends: calamine cannot read it either
        return False
    cells_left = [out.budget.limits.max_cells]
    start = len(out.segments)
    for name in names:
        out.check()
        if not _read_sheet_calamine(workbook, name, out, cells_left):
            del out.segments[start:]
            return False
    out.reader = f"python-calamine {metadata.version('python-calamine')}"
    return True
