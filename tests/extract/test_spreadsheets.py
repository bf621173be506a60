"""Spreadsheets read by calamine give what xlrd and the lxml walk give, and its hazards stay outside.

calamine (Rust) reads .xls and .xlsx many times faster than xlrd and lxml, but
allocates whatever the file makes it allocate, and a failed Rust allocation
aborts the process. Workbooks here are written by xlwt and openpyxl, then
patched byte by byte where no library writes what an attacker would. Hazards
are read in the worker pool: if a guard ever let one through, the test would
see "crashed" instead of losing the whole test run.
"""

from __future__ import annotations

import datetime
import io
import struct
import time
import zipfile

import pytest
from conftest import corpus_rows, xlsx_bytes
from extract_builders import link_workbook_part, rewrite_zip

from workbench.extract import Limits, extract_bytes, extract_file
from workbench.extract.readers import biff_formats, xls, xlsx
from workbench.extract.readers.calamine import CalamineFailed

xlwt = pytest.importorskip("xlwt", reason="xlwt (test extra) writes the .xls files")

CALAMINE = "python-calamine"


def pairs(result) -> list[tuple[str, str]]:
    assert result.ok, result.error
    return [(segment.location, segment.text) for segment in result.segments]


# --- .xls written by xlwt, patched at the record level ------------------------------------


def xls_workbook(sheets: dict[str, dict[tuple[int, int], object]], *, dates_1904=False):
    """An xlwt workbook; values may be (value, number format) pairs."""
    book = xlwt.Workbook()
    book.dates_1904 = dates_1904
    for name, cells in sheets.items():
        sheet = book.add_sheet(name)
        for (row, col), value in cells.items():
            if isinstance(value, tuple):
                sheet.write(row, col, value[0], xlwt.easyxf(num_format_str=value[1]))
            else:
                sheet.write(row, col, value)
    return book


def xls_bytes(stream: bytes) -> bytes:
    """An OLE container around a BIFF8 workbook stream, as xlwt saves it."""
    from xlwt import CompoundDoc

    buffer = io.BytesIO()
    CompoundDoc.XlsDoc().save(buffer, stream)
    return buffer.getvalue()


def records(stream: bytes):
    pos = 0
    while pos + 4 <= len(stream):
        typ, size = struct.unpack_from("<HH", stream, pos)
        yield pos, typ, size
        pos += 4 + size


def patch_dimensions(stream: bytearray, first_row, end_row, first_col, end_col) -> None:
    for pos, typ, _size in records(stream):
        if typ == 0x0200:
            struct.pack_into("<IIHH", stream, pos + 4, first_row, end_row, first_col, end_col)


def insert_before_last_eof(stream: bytearray, extra: bytes) -> bytearray:
    last_eof = max(pos for pos, typ, _size in records(stream) if typ == 0x000A)
    return stream[:last_eof] + extra + stream[last_eof:]


def read_both(path_or_data, monkeypatch, **kwargs):
    """(calamine's reading, xlrd's reading) of the same workbook."""
    reader = extract_file if not isinstance(path_or_data, bytes) else extract_bytes
    if isinstance(path_or_data, bytes):
        kwargs.setdefault("declared_name", "book.xls")
    fast = reader(path_or_data, languages=False, **kwargs)
    with monkeypatch.context() as patch:
        patch.setattr(xls, "python_calamine", None)
        slow = reader(path_or_data, languages=False, **kwargs)
    return fast, slow


MIXED_CELLS = {
    (2, 1): "Invoice",
    (2, 2): "  padded text  ",
    (3, 1): 15000,
    (3, 2): 0.1 + 0.2,
    (3, 3): -3.25,
    (3, 4): 1e20,
    (3, 5): True,
    (4, 1): (datetime.date(2024, 6, 3), "YYYY-MM-DD"),
    (4, 2): (datetime.datetime(2024, 6, 3, 12, 30, 15), "YYYY-MM-DD hh:mm:ss"),
    (4, 3): (0.52084, "hh:mm"),
    (4, 4): (1.5, "[h]:mm:ss"),
    (4, 5): (59.5, "DD.MM.YYYY"),
    (4, 6): (3e6, "YYYY-MM-DD"),
    (5, 1): "Résumé 東京 \u00a0non-breaking",
    (5, 2): "two\nlines",
    (6, 3): xlwt.Formula("1+2"),
}


@pytest.mark.parametrize("dates_1904", [False, True])
def test_xls_calamine_reads_what_xlrd_reads(tmp_path, monkeypatch, dates_1904):
    book = xls_workbook(
        {"Budget": MIXED_CELLS, "Notes sheet": {(0, 0): "Thank you"}}, dates_1904=dates_1904
    )
    path = tmp_path / "mixed.xls"
    book.save(str(path))
    fast, slow = read_both(path, monkeypatch)
    assert fast.reader.startswith(CALAMINE) and slow.reader.startswith("xlrd")
    assert pairs(fast) == pairs(slow)
    found = dict(pairs(fast))
    assert found["Budget!B3"] == "Invoice" and found["Budget!B4"] == "15000"
    assert found["'Notes sheet'!A1"] == "Thank you"
    assert fast.warnings == slow.warnings == ()


def test_xls_corpus_workbooks_read_the_same_with_calamine_and_xlrd(corpus, monkeypatch):
    compared = 0
    for row in corpus_rows():
        if row["extension"] != "xls":
            continue
        fast, slow = read_both(corpus / row["path"], monkeypatch)
        if not fast.reader.startswith(CALAMINE) or not slow.ok:
            continue  # read by xlrd anyway, or only calamine can read it
        assert pairs(fast) == pairs(slow), row["path"]
        compared += 1
    assert compared >= 20


@pytest.mark.parametrize("limits", [Limits(max_cells=7), Limits(max_chars=40)])
def test_xls_cell_and_character_limits_stop_where_xlrd_stops(monkeypatch, limits):
    cells = {(row, col): f"cell {row}-{col}" for row in range(6) for col in range(3)}
    stream = xls_workbook({"Data": cells}).get_biff_data()
    fast, slow = read_both(xls_bytes(stream), monkeypatch, limits=limits)
    assert fast.reader.startswith(CALAMINE)
    assert pairs(fast) == pairs(slow)
    assert fast.warnings == slow.warnings


def test_xls_falls_back_to_xlrd_when_calamine_fails(tmp_path, monkeypatch):
    path = tmp_path / "book.xls"
    xls_workbook({"S": {(0, 0): "kept", (1, 1): 42}}).save(str(path))

    def fail(_data):
        raise CalamineFailed("unreadable")

    monkeypatch.setattr(xls, "_calamine_sheets", fail)
    result = extract_file(path)
    assert result.reader.startswith("xlrd")
    assert pairs(result) == [("S!A1", "kept"), ("S!B2", "42")]


def test_xls_calamine_panic_falls_back_to_xlrd():
    """A Rust panic reaches Python as PanicException, a BaseException: it must not escape."""
    stream = bytearray(xls_workbook({"S": {(0, 0): "kept"}}).get_biff_data())
    merged = struct.pack("<HHH", 0x00E5, 2, 100)  # MERGECELLS: 100 ranges announced, none there
    data = xls_bytes(bytes(insert_before_last_eof(stream, merged)))
    result = extract_bytes(data, declared_name="book.xls")
    assert result.reader.startswith("xlrd")
    assert pairs(result) == [("S!A1", "kept")]


def test_xls_calamine_second_opinion_when_xlrd_fails():
    """A workbook xlrd rejects is still read, by calamine, if the checks let it."""
    stream = bytearray(xls_workbook({"S": {(0, 0): "shared text"}}).get_biff_data())
    for pos, typ, _size in records(stream):
        if typ == 0x00FC:  # SST: a unique-string count xlrd asserts on
            struct.pack_into("<I", stream, pos + 8, 0x7FFFFFFF)
        if typ == 0x0042:  # CODEPAGE other than UTF-16: calamine is not the first choice
            struct.pack_into("<H", stream, pos + 4, 1252)
    result = extract_bytes(xls_bytes(bytes(stream)), declared_name="book.xls")
    assert result.reader.startswith(CALAMINE)
    assert pairs(result) == [("S!A1", "shared text")]
    assert any("xlrd could not read the file" in warning for warning in result.warnings)


# --- .xls hazards: read in the worker pool ------------------------------------------------


def pool_read(pool, tmp_path, data: bytes, name="hazard.xls"):
    path = tmp_path / name
    path.write_bytes(data)
    start = time.monotonic()
    result = pool.extract(path)
    assert time.monotonic() - start < 10
    assert result.error is None or result.error.code not in ("crashed", "memory", "timeout")
    return result


def test_xls_cell_at_row_65535_column_255_is_not_given_to_calamine(pool, tmp_path):
    """calamine would build a 16 M-cell grid (512 MiB) for these two cells."""
    stream = xls_workbook({"S": {(0, 0): "first", (65535, 255): "last"}}).get_biff_data()
    result = pool_read(pool, tmp_path, xls_bytes(stream))
    assert result.reader.startswith("xlrd")
    assert pairs(result) == [("S!A1", "first"), ("S!IV65536", "last")]


def test_xls_dimensions_cannot_hide_a_far_cell(pool, tmp_path):
    stream = bytearray(xls_workbook({"S": {(0, 0): "first", (65535, 255): "last"}}).get_biff_data())
    patch_dimensions(stream, 0, 2, 0, 2)  # claims A1:B2
    result = pool_read(pool, tmp_path, xls_bytes(bytes(stream)))
    assert result.reader.startswith("xlrd")
    assert pairs(result) == [("S!A1", "first"), ("S!IV65536", "last")]


def test_xls_dimensions_announcing_billions_of_cells(pool, tmp_path):
    """calamine reserves what DIMENSIONS announces: 2^32 rows x 256 columns would abort it."""
    stream = bytearray(xls_workbook({"S": {(0, 0): "only"}}).get_biff_data())
    patch_dimensions(stream, 0, 0xFFFFFFFF, 0, 256)
    result = pool_read(pool, tmp_path, xls_bytes(bytes(stream)))
    assert result.reader.startswith("xlrd") and pairs(result) == [("S!A1", "only")]


XLS_MONEY = {
    (0, 0): "Invoice INV-1042",
    (1, 0): "Workshop delivery",
    (1, 1): (12000, '"$"#,##0.00'),
    (2, 0): "Discount",
    (2, 1): (-500, '"$"#,##0.00_);\\("$"#,##0.00\\)'),
    (3, 0): "Total",
    (3, 1): (11500.5, "#,##0.00 [$€-407]"),
    (4, 0): "Hours",
    (4, 1): (40, "0.0"),
    (5, 0): "VAT rate",
    (5, 1): (0.2, "0%"),
}


def test_xls_currency_formats_are_read_as_shown_by_calamine_and_xlrd(monkeypatch):
    data = xls_bytes(xls_workbook({"Invoice": XLS_MONEY}).get_biff_data())
    fast, slow = read_both(data, monkeypatch)
    assert fast.reader.startswith(CALAMINE) and slow.reader.startswith("xlrd")
    assert pairs(fast) == pairs(slow)
    shown = dict(pairs(fast))
    assert shown["Invoice!B2"] == "$12,000.00"
    assert shown["Invoice!B3"] == "($500.00)"
    assert shown["Invoice!B4"] == "11,500.50 €"
    assert shown["Invoice!B5"] == "40"
    assert shown["Invoice!B6"] == "20%"  # a rate, not 0.2 of money


def test_xls_currency_cells_written_as_one_mulrk_record(monkeypatch):
    """Excel writes a row of adjacent numbers as one MULRK record, one XF index per cell."""
    stream = bytearray(xls_workbook({"Invoice": XLS_MONEY}).get_biff_data())
    money_xf = min(biff_formats._globals(bytes(stream))[0])
    plain_xf = 15  # the default cell XF
    cells = [(money_xf, 250), (plain_xf, 3), (money_xf, 99)]
    body = struct.pack("<HH", 6, 2) + b"".join(
        struct.pack("<HI", xf, (value << 2) | 2) for xf, value in cells
    )
    mulrk = struct.pack("<HH", 0x00BD, len(body) + 2) + body + struct.pack("<H", 4)
    data = xls_bytes(bytes(insert_before_last_eof(stream, mulrk)))
    fast, slow = read_both(data, monkeypatch)
    assert pairs(fast) == pairs(slow)
    shown = dict(pairs(fast))
    assert (shown["Invoice!C7"], shown["Invoice!D7"], shown["Invoice!E7"]) == (
        "$250.00",
        "3",
        "$99.00",
    )


def test_xls_cell_records_calamine_ignores_do_not_count(tmp_path):
    """A formatted blank far away makes no cell in calamine's grid: calamine still reads."""
    stream = bytearray(xls_workbook({"S": {(0, 0): "only"}}).get_biff_data())
    blank = struct.pack("<HHHHH", 0x0201, 6, 65535, 255, 15)
    data = xls_bytes(bytes(insert_before_last_eof(stream, blank)))
    result = extract_bytes(data, declared_name="book.xls")
    assert result.reader.startswith(CALAMINE) and pairs(result) == [("S!A1", "only")]


def test_xls_formulas_calamine_would_take_seconds_to_decompile(pool, tmp_path):
    """Each PtgAttrSpace token makes calamine insert up to 255 spaces, one memmove each."""
    stream = bytearray(xls_workbook({"S": {(0, 0): "before"}}).get_biff_data())
    rgce = b"\x1e\x01\x00" + b"\x19\x40\x00\xff" * 2000
    body = struct.pack("<HHHdHIH", 5, 0, 15, 1.0, 0, 0, len(rgce)) + rgce
    formula = struct.pack("<HH", 0x0006, len(body)) + body
    result = pool_read(
        pool, tmp_path, xls_bytes(bytes(insert_before_last_eof(stream, formula * 5)))
    )
    assert result.reader.startswith("xlrd")
    assert ("S!A1", "before") in pairs(result)


def _container_patch(data: bytes, patch) -> bytes:
    """Apply ``patch(data, directory_offset, fat_offset, workbook_start)`` to an xlwt .xls."""
    import olefile

    ole = olefile.OleFileIO(data)
    workbook = next(e for e in ole.direntries if e is not None and e.name == "Workbook")
    directory = 512 * (ole.first_dir_sector + 1) + 128 * workbook.sid
    fat = 512 * (struct.unpack_from("<I", data, 76)[0] + 1)
    ole.close()
    patched = bytearray(data)
    patch(patched, directory, fat, workbook.isectStart, ole.first_dir_sector)
    return bytes(patched)


def test_xls_looping_workbook_chain_with_a_huge_size_is_refused(pool, tmp_path):
    """calamine follows the loop until 2 GiB: an abort, caught here before calamine runs."""
    data = xls_bytes(xls_workbook({"S": {(0, 0): "x"}}).get_biff_data())

    def loop(patched, directory, fat, start, _dir_sector):
        struct.pack_into("<I", patched, fat + 4 * start, start)
        struct.pack_into("<I", patched, directory + 120, 0x7FFFFFFF)

    result = pool_read(pool, tmp_path, _container_patch(data, loop))
    assert result.error is not None and result.error.code == "corrupt"


def test_xls_looping_directory_chain_is_refused(pool, tmp_path):
    data = xls_bytes(xls_workbook({"S": {(0, 0): "x"}}).get_biff_data())

    def loop(patched, _directory, fat, _start, dir_sector):
        struct.pack_into("<I", patched, fat + 4 * dir_sector, dir_sector)

    result = pool_read(pool, tmp_path, _container_patch(data, loop))
    assert result.error is not None and result.error.code == "corrupt"


# --- .xlsx ------------------------------------------------------------------------------------


def read_xlsx_both(data: bytes, monkeypatch):
    """(calamine path, lxml path) of one .xlsx."""
    fast = extract_bytes(data, declared_name="book.xlsx", languages=False)
    with monkeypatch.context() as patch:
        patch.setattr(xlsx, "python_calamine", None)
        slow = extract_bytes(data, declared_name="book.xlsx", languages=False)
    return fast, slow


def test_xlsx_sheet_starting_below_row_1_keeps_its_row_numbers(monkeypatch):
    data = xlsx_bytes({"S": {"B3": "third row", "C4": 4.5, "D4": "x"}})
    fast, slow = read_xlsx_both(data, monkeypatch)
    assert pairs(fast) == pairs(slow) == [("S!B3", "third row"), ("S!C4", "4.5"), ("S!D4", "x")]


def test_xlsx_cell_text_is_cleaned_the_same_on_both_paths(monkeypatch):
    data = xlsx_bytes(
        {
            "S": {
                "A1": "tab\tand\nline",
                "A2": " padded ",
                "A3": "x \n y",
                "A4": "a\u00a0b",
                "A5": " ",
            }
        }
    )
    sheet = zipfile.ZipFile(io.BytesIO(data)).read("xl/worksheets/sheet1.xml").decode()
    sheet = sheet.replace("padded", "pad_x0007_ded")  # a BEL character, escaped as Excel does
    fast, slow = read_xlsx_both(
        rewrite_zip(data, {"xl/worksheets/sheet1.xml": sheet.encode()}), monkeypatch
    )
    assert pairs(fast) == pairs(slow)
    assert dict(pairs(fast))["S!A2"] == "padded"


def _formatted_invoice() -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Invoice"
    for row in [
        ["Invoice INV-1042", None],
        ["Workshop delivery", 12000],
        ["Discount", -500],
        ["Total", 11500],
        ["Hours", 40],
        ["Reference", "N/A"],
    ]:
        sheet.append(row)
    for ref in ("B2", "B4", "B6"):
        sheet[ref].number_format = '"$"#,##0.00'
    sheet["B3"].number_format = openpyxl.styles.numbers.BUILTIN_FORMATS[7]  # stored by id alone
    sheet["B5"].number_format = "0.0"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_xlsx_currency_formats_are_read_as_shown_on_both_paths(monkeypatch):
    data = _formatted_invoice()
    styles = zipfile.ZipFile(io.BytesIO(data)).read("xl/styles.xml").decode()
    assert 'numFmtId="7"' in styles and 'numFmtId="7" formatCode' not in styles
    fast, slow = read_xlsx_both(data, monkeypatch)
    assert pairs(fast) == pairs(slow)
    shown = dict(pairs(fast))
    assert shown["Invoice!B2"] == "$12,000.00"
    assert shown["Invoice!B3"] == "($500.00)"
    assert shown["Invoice!B4"] == "$11,500.00"
    assert shown["Invoice!B5"] == "40"  # not a currency format: read as before
    assert shown["Invoice!B6"] == "N/A"  # text under a currency format stays text


def test_xlsx_percentages_are_read_as_shown_on_both_paths(monkeypatch):
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Invoice"
    for row in [["Tax rate", 0.0825], ["Discount %", 0.1], ["Share", 0.5]]:
        sheet.append(row)
    sheet["B1"].number_format = openpyxl.styles.numbers.BUILTIN_FORMATS[10]  # "0.00%", by id
    sheet["B2"].number_format = openpyxl.styles.numbers.BUILTIN_FORMATS[9]  # "0%", by id
    sheet["B3"].number_format = "0.0%"
    buffer = io.BytesIO()
    book.save(buffer)
    fast, slow = read_xlsx_both(buffer.getvalue(), monkeypatch)
    assert pairs(fast) == pairs(slow)
    shown = dict(pairs(fast))
    assert (shown["Invoice!B1"], shown["Invoice!B2"], shown["Invoice!B3"]) == (
        "8.25%",
        "10%",
        "50.0%",
    )


def test_xlsx_currency_cells_without_references_are_placed_by_position(monkeypatch):
    data = _formatted_invoice()
    for ref in ("A2", "B2", "A3", "B3", "A4", "B4"):
        data = _sheet_rewrite(data, f' r="{ref}"', "")
    fast, slow = read_xlsx_both(data, monkeypatch)
    assert pairs(fast) == pairs(slow)
    assert dict(pairs(fast))["Invoice!B4"] == "$11,500.00"


def _sheet_rewrite(data: bytes, old: str, new: str) -> bytes:
    sheet = zipfile.ZipFile(io.BytesIO(data)).read("xl/worksheets/sheet1.xml").decode()
    assert old in sheet
    return rewrite_zip(data, {"xl/worksheets/sheet1.xml": sheet.replace(old, new).encode()})


FAR_CELLS = {
    # A cell without r in row 1048576, after 16,000 empty ones: calamine places it
    # at column 16,000 of that row.
    "no reference": ('<row r="2"><c r="B2"', '<row r="1048576">' + "<c/>" * 16000 + "<c"),
    "lower case": ('r="B2"', 'r="xfd1048576"'),
    "line break before r": ('<c r="B2"', '<c\nr="XFD1048576"'),
    "eleven-digit row": ('r="B2"', 'r="B99999999999"'),
    "single quotes": ('<c r="B2"', "<c r='XFD1048576'"),
}


@pytest.mark.parametrize("case", sorted(FAR_CELLS))
def test_xlsx_far_cell_in_any_spelling_is_not_given_to_calamine(pool, tmp_path, case):
    old, new = FAR_CELLS[case]
    data = _sheet_rewrite(xlsx_bytes({"S": {"A1": "first", "B2": "second"}}), old, new)
    result = pool_read(pool, tmp_path, data, name="far.xlsx")
    assert result.ok and ("S!A1", "first") in pairs(result)
    assert len(result.segments) == 2


def test_xlsx_second_r_attribute_is_not_given_to_calamine(pool, tmp_path):
    """calamine keeps the last r; libxml2 refuses the duplicate attribute."""
    data = _sheet_rewrite(
        xlsx_bytes({"S": {"A1": "first", "B2": "second"}}), '<c r="B2"', '<c r="B2" r="XFD1048576"'
    )
    result = pool_read(pool, tmp_path, data, name="twice.xlsx")
    assert result.error is not None and result.error.code == "corrupt"


def test_xlsx_second_sheet_element_of_the_same_name_is_not_given_to_calamine(pool, tmp_path):
    """calamine takes any element named "sheet" for a sheet and opens the first of a name."""
    book = xlsx_bytes({"S": {"A1": "benign"}})
    source = zipfile.ZipFile(io.BytesIO(book))
    far = (
        source.read("xl/worksheets/sheet1.xml")
        .decode()
        .replace(
            "</sheetData>",
            '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>far</t></is></c></row></sheetData>',
        )
    )
    relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    workbook = (
        source.read("xl/workbook.xml")
        .decode()
        .replace(
            "<sheets>",
            f'<x:sheet xmlns:x="urn:x" xmlns:r="{relationships}" name="S" r:id="rId9"/><sheets>',
        )
    )
    data = rewrite_zip(
        book, {"xl/workbook.xml": workbook.encode()}, add={"xl/worksheets/far.xml": far.encode()}
    )
    data = link_workbook_part(data, "rId9", "worksheet", "worksheets/far.xml")
    result = pool_read(pool, tmp_path, data, name="decoy.xlsx")
    assert pairs(result) == [("S!A1", "benign")]


def test_xlsx_shared_strings_announcing_billions_are_not_given_to_calamine(pool, tmp_path):
    """calamine reserves 24 bytes per announced unique string when it opens the file."""
    book = xlsx_bytes({"S": {"A1": "x"}})
    strings = (
        '<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
        ' count="1" uniqueCount="2147483647"><si><t>shared</t></si></sst>'
    )
    sheet = zipfile.ZipFile(io.BytesIO(book)).read("xl/worksheets/sheet1.xml").decode()
    sheet = sheet.replace(
        '<c r="A1" t="inlineStr"><is><t>x</t></is></c>', '<c r="A1" t="s"><v>0</v></c>'
    )
    data = rewrite_zip(
        book,
        {"xl/worksheets/sheet1.xml": sheet.encode()},
        add={"xl/sharedStrings.xml": strings.encode()},
    )
    data = link_workbook_part(data, "rIdS", "sharedStrings", "sharedStrings.xml")
    result = pool_read(pool, tmp_path, data, name="strings.xlsx")
    assert pairs(result) == [("S!A1", "shared")]


# --- the bulk cell path against the cell-by-cell one ------------------------------------------


def _cell_by_cell(rows, out, cells_left):
    """What the readers did before: Collector.add per text cell, add_plain per number."""
    from workbench.extract.readers.cells import column_name, number_text

    for row_number, row in enumerate(rows, start=3):
        for col, value in enumerate(row):
            if value == "":
                continue
            location = f"S!{column_name(col + 1)}{row_number}"
            if isinstance(value, str):
                out.add(location, value)
            elif isinstance(value, float):
                out.add_plain(location, number_text(value))
            else:  # what the readers' render gives for ints, booleans and dates
                out.add_plain(location, str(value))
            cells_left -= 1
        if out.full or cells_left <= 0:
            break
    return cells_left


@pytest.mark.parametrize("seed", range(40))
def test_bulk_cells_match_cell_by_cell_adds(seed, monkeypatch):
    import random

    from workbench.extract.limits import Budget
    from workbench.extract.readers import cells
    from workbench.extract.readers.base import Collector
    from workbench.extract.readers.cells import CellSink

    rng = random.Random(seed)
    if seed % 2:  # blocks of a few rows: texts committed across block boundaries
        monkeypatch.setattr(cells, "BLOCK_ROWS", rng.randint(1, 3))
        monkeypatch.setattr(cells, "BLOCK_CELLS", rng.randint(1, 6))
    pieces = [
        "Total",
        " ",
        "\t",
        "\n",
        "\n\n\n",
        "\x00",
        "\x07",
        "\ud800",
        "é",
        "東京",
        "\u00a0",
        "x" * 30,
    ]
    rows = [
        [
            rng.choice(
                [
                    "",
                    12.0,
                    0.5,
                    -3.0,
                    -0.0,
                    1e15,
                    1e15 - 1,
                    1e16,
                    7,
                    True,
                    datetime.date(2024, 2, 29),
                ]
            )
            if rng.random() < 0.3
            else "".join(rng.choices(pieces, k=rng.randint(0, 4)))
            for _col in range(rng.randint(1, 5))
        ]
        for _row in range(rng.randint(1, 30))
    ]
    width = max(map(len, rows))
    rows = [row + [""] * (width - len(row)) for row in rows]  # calamine's rows are rectangular
    limits = Limits(max_chars=rng.randint(1, 400), max_cells=rng.randint(1, 80))
    cells_left = rng.randint(1, limits.max_cells)

    expected = Collector(Budget(limits))
    expected_left = _cell_by_cell(rows, expected, cells_left)
    actual = Collector(Budget(limits))
    sink = CellSink(actual, cells_left)
    sink.add_rows(rows, 2, 1, "S!", str)
    assert actual.segments == expected.segments
    assert (actual.budget.chars_left, actual.budget.truncated) == (
        expected.budget.chars_left,
        expected.budget.truncated,
    )
    assert sink.cells_left == expected_left
