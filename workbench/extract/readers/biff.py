"""What calamine will allocate and compute for an .xls, bounded from an exact walk of its records.

calamine parses every sheet when it opens a workbook and keeps, for each, a
dense grid over the rectangle its cells span: a sheet holding only A1 and
IV65536 costs 16 M cells (512 MiB), and a cell at column 65535 (the field is
16 bits) makes it request hundreds of GiB and abort the process. It also
reserves room for as many cells as each sheet's DIMENSIONS record announces
(which can lie, in either direction), and its formula decompiler is quadratic
in the length of a formula and in the spaces that PtgAttrSpace tokens insert.
So the records are walked here the way calamine walks them, and calamine only
reads workbooks whose real cells, announced sizes and formulas stay within
bounds; everything else, and everything that is not a plain BIFF8 workbook
whose text calamine renders as xlrd does (Excel 5/95 files, other code pages,
encrypted files), is left to xlrd.

The walk goes through every record once: runs of ordinary records are stepped
over in C (``biff_skip``) and only the records that need a look, and cells
outside a first generous box, are read in Python. It costs about half of
calamine's own read of the file: the price of not trusting DIMENSIONS.
"""

from __future__ import annotations

import re
import struct
from dataclasses import dataclass

from .biff_skip import skipper

# Cells over all sheets' grids (calamine holds every sheet at once, plus a copy
# of the one being converted, plus the Python list of its values).
AREA_BUDGET = 2_000_000
# The box within which cells are stepped over in C: 64 columns, and as many rows
# (a multiple of 256) as keep every sheet's box, for cells and formulas, in budget.
_BOX_COLUMNS = 64
_BOX_ROWS = (8192, 4096, 2048, 1024, 512, 256)
# Cells one DIMENSIONS record may make calamine reserve (40 bytes each).
MAX_RESERVED = 4_000_000
# Sum of squared formula lengths: calamine's decompiler may move a formula's text
# once per token, so its work grows with the square of the length (the corpus
# stays an order of magnitude below this).
MAX_FORMULA_WORK = 1 << 28
# Characters PtgAttrSpace tokens may insert, each with a memmove of the formula:
# 2,000 tokens of 255 spaces in one formula cost calamine 2 s.
MAX_INSERTED_SPACES = 16_384

_HEADER = struct.Struct("<HH").unpack_from
_ROW_COL = struct.Struct("<HH").unpack_from
_RECORD = struct.Struct("<HHHH").unpack_from
_U16 = struct.Struct("<H").unpack_from
_U32 = struct.Struct("<I").unpack_from
_DIMENSIONS_8 = struct.Struct("<IIHH").unpack_from
_DIMENSIONS_5 = struct.Struct("<HHHH").unpack_from

BOF, EOF, FILEPASS, CODEPAGE, DATEMODE, BOUNDSHEET = 0x0809, 0x000A, 0x002F, 0x0042, 0x0022, 0x0085
DIMENSIONS, FORMULA, STRING, MULRK = 0x0200, 0x0006, 0x0207, 0x00BD
BIFF8, WORKBOOK_GLOBALS, UTF16_CODEPAGE = 0x0600, 0x0005, 1200
# Records calamine turns into cells (LABEL, NUMBER, BOOLERR, RK, LABELSST, RSTRING,
# FORMULA), plus the BIFF2-4 cell records, which it ignores today but might not
# tomorrow. Blank cells (BLANK, MULBLANK) make no cell in calamine.
_CELLS = frozenset(
    {0x0204, 0x0203, 0x0205, 0x027E, 0x00FD, 0x00D6, FORMULA, 0x0001, 0x0002, 0x0003}
    | {0x0004, 0x0005, 0x0206, 0x0406}
)
# A PtgAttrSpace token: ptg 0x19, etpg 0x40 or 0x41, the space type, the count.
_GLOBALS_STOPS = frozenset({EOF, BOUNDSHEET, DATEMODE, CODEPAGE, FILEPASS})
_SHEET_STOPS = frozenset({EOF, DIMENSIONS})
_SPACE_TOKEN = re.compile(rb"\x19[\x40\x41].(.)", re.S)


@dataclass(frozen=True)
class Workbook:
    """A BIFF8 workbook that calamine may read without risk.

    ``faithful`` is false when calamine would read its text differently from
    xlrd (another code page, an odd date mode) or not at all (encryption):
    then xlrd reads it, and calamine only gets it if xlrd fails.
    """

    datemode: int
    faithful: bool


class _Refused(Exception):
    """calamine must not read this workbook (or would not read it as xlrd does)."""


def survey(stream: bytes) -> Workbook | None:
    """The workbook if calamine may read it, else None (only xlrd reads it)."""
    try:
        workbook, positions, globals_end = _globals(stream)
        _check_sheets(stream, positions, globals_end)
        _check_spaces(stream)
    except (_Refused, struct.error):
        return None
    return workbook


def _globals(stream: bytes) -> tuple[Workbook, list[int], int]:
    """What the workbook globals say, the sheet offsets, and where the globals end."""
    typ, size = _HEADER(stream, 0)
    if typ != BOF or size < 4 or _ROW_COL(stream, 4) != (BIFF8, WORKBOOK_GLOBALS):
        raise _Refused("not BIFF8 workbook globals")  # Excel 5/95 and older: xlrd
    datemode, faithful, positions = 0, True, []
    skip = skipper(_GLOBALS_STOPS, frozenset(), 256, 256)
    pos, end = 4 + size, len(stream)
    while pos + 4 <= end:
        run = skip(stream, pos)
        if run:
            pos = run.end()
            if pos + 4 > end:
                break
        typ, size = _HEADER(stream, pos)
        data = pos + 4
        pos = data + size
        if typ == EOF:
            return Workbook(min(datemode, 1), faithful), positions, pos
        if typ == BOUNDSHEET:
            positions.append(_U32(stream, data)[0])
        elif typ == DATEMODE:
            datemode = _U16(stream, data)[0]
            faithful &= datemode <= 1  # calamine takes only 1 for 1904, xlrd any non-zero
        elif typ == CODEPAGE:
            # calamine decodes 8-bit strings with the code page, xlrd (rightly) as Latin-1.
            faithful &= _U16(stream, data)[0] == UTF16_CODEPAGE
        elif typ == FILEPASS:
            faithful = False  # encrypted: xlrd names it
    raise _Refused("workbook globals without an end")


def _check_sheets(stream: bytes, positions: list[int], globals_end: int) -> None:
    """Walk every sheet; refuse overlapping sheets and oversized grids.

    The first walk counts every cell stepped over in C as filling its whole box;
    only if that rough sum is over budget are the sheets walked again cell by
    cell, in Python, for their exact extent.
    """
    rows = _box_rows(len(positions))
    if rows and _sheets_area(stream, positions, globals_end, rows) <= AREA_BUDGET:
        return
    if _sheets_area(stream, positions, globals_end, 0) > AREA_BUDGET:
        raise _Refused("cells spread over too large a grid")


def _box_rows(sheets: int) -> int:
    """Rows of the box that keeps every sheet's cells and formulas within budget (0: none)."""
    for rows in _BOX_ROWS:
        if sheets * 2 * rows * _BOX_COLUMNS <= AREA_BUDGET:
            return rows
    return 0


def _sheets_area(stream: bytes, positions: list[int], globals_end: int, box_rows: int) -> int:
    """The cells of all grids calamine will build (or an upper bound when ``box_rows``)."""
    skip = skipper(_SHEET_STOPS, _CELLS, box_rows, _BOX_COLUMNS) if box_rows else None
    area = 0
    formula_work = 0
    previous_end = globals_end
    padded = stream + bytes(8)
    for start in positions:
        # calamine parses from each offset to the next EOF: sheets that overlap or
        # point backwards would be parsed (and walked) more than once.
        if start < previous_end:
            raise _Refused("sheets out of order or overlapping")
        sheet = _Sheet()
        previous_end = sheet.walk(stream, padded, start, skip)
        if sheet.skipped:
            sheet.rows += (0, box_rows - 1)
            sheet.cols += (0, _BOX_COLUMNS - 1)
            sheet.formula_rows += (0, box_rows - 1)
            sheet.formula_cols += (0, _BOX_COLUMNS - 1)
        area += sheet.area()
        formula_work += sheet.formula_work
        if formula_work > MAX_FORMULA_WORK:
            raise _Refused("formulas too long for calamine's decompiler")
    return area


class _Sheet:
    """Rows and columns of one sheet's cells and formulas, gathered record by record."""

    def __init__(self) -> None:
        self.rows: list[int] = []
        self.cols: list[int] = []
        self.formula_rows: list[int] = []
        self.formula_cols: list[int] = []
        self.formula_work = 0
        self.skipped = False  # whether cells were stepped over in C (then: somewhere in the box)

    def walk(self, stream: bytes, padded: bytes, pos: int, skip) -> int:
        """Visit the records from ``pos`` to EOF; return the offset after EOF.

        ``skip`` steps over runs of records in C (cells only within its box);
        the others are read here. ``padded`` is the stream with 8 zero bytes
        appended, so that a record's header and the row and column that follow
        it come in one call. This loop can run once per record: it keeps to local names.
        """
        record, cells = _RECORD, _CELLS
        add_row, add_col = self.rows.append, self.cols.append
        add_formula_row, add_formula_col = self.formula_rows.append, self.formula_cols.append
        work = 0
        formula_row = formula_col = 0  # where calamine puts a STRING record's text
        end = len(stream)
        while pos + 4 <= end:
            if skip:
                run = skip(stream, pos)
                if run and run.end() > pos:
                    pos = run.end()
                    self.skipped = True
                    if pos + 4 > end:
                        break
            typ, size, row, col = record(padded, pos)
            data = pos + 4
            pos = data + size
            if typ in cells:
                add_row(row)
                add_col(col)
                if typ == FORMULA:
                    formula_row, formula_col = row, col
                    add_formula_row(row)
                    add_formula_col(col)
                    work += size * size
            elif typ == MULRK:
                self._multiple(padded, data, size, row, col)
            elif typ == STRING:
                add_row(formula_row)
                add_col(formula_col)
            elif typ == DIMENSIONS:
                _check_dimensions(padded, data, size)
            elif typ == EOF:
                self.formula_work = work
                return pos
        raise _Refused("sheet without an end")

    def _multiple(self, padded: bytes, data: int, size: int, row: int, first: int) -> None:
        """MULRK: cells from its first column to the last one, written at its end."""
        if size < 6:
            return  # calamine rejects it, and with it the workbook
        last = _U16(padded, data + size - 2)[0]
        self.rows += (row, row)
        self.cols += (min(first, last), max(first, last, first + (size - 6) // 6))

    def area(self) -> int:
        return _area(self.rows, self.cols) + _area(self.formula_rows, self.formula_cols)


def _area(rows: list[int], cols: list[int]) -> int:
    if not rows:
        return 0
    return (max(rows) - min(rows) + 1) * (max(cols) - min(cols) + 1)


def _check_dimensions(stream: bytes, data: int, size: int) -> None:
    """calamine reserves rows x columns as announced (u32 arithmetic that wraps)."""
    if size == 14:
        first_row, end_row, first_col, end_col = _DIMENSIONS_8(stream, data)
    elif size == 10:
        first_row, end_row, first_col, end_col = _DIMENSIONS_5(stream, data)
    else:
        return  # calamine rejects the workbook
    if end_row < 1 or end_col < 1:
        return
    rows = (end_row - 1 - first_row + 1) & 0xFFFFFFFF
    cols = (end_col - 1 - first_col + 1) & 0xFFFFFFFF
    if rows * cols > MAX_RESERVED:
        raise _Refused("DIMENSIONS announces a huge sheet")


def _check_spaces(stream: bytes) -> None:
    """Bound the characters PtgAttrSpace tokens insert (each token's count byte).

    Every "19 40" / "19 41" byte pair in the stream is counted, real tokens and
    stray pairs alike, so the bound holds without decoding any formula.
    """
    inserted = 0
    for match in _SPACE_TOKEN.finditer(stream):
        inserted += match.group(1)[0]
        if inserted > MAX_INSERTED_SPACES:
            raise _Refused("formulas that insert too many spaces")
