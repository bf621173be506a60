"""Hazards from issue 3, each built here with real libraries and refused or bounded.

Every test asserts the specific error code and a message a reviewer can act on,
and that the refusal is fast: the point is that the bomb is never inflated.
"""

from __future__ import annotations

import io
import json
import time
import zipfile

import pytest
from conftest import xlsx_bytes
from extract_builders import (
    deflated,
    document_xml,
    docx_with_document,
    docx_zip_bomb,
    link_workbook_part,
    nested_msg,
    pdf_with_nested_arrays,
    raw_zip,
    rewrite_zip,
    simple_msg,
    stored,
    zeros_member,
)

from workbench.extract import Limits, extract_bytes, extract_file
from workbench.extract.textclean import clean_text

GiB = 1024**3


def timed(function, *args, **kwargs):
    start = time.monotonic()
    result = function(*args, **kwargs)
    return result, time.monotonic() - start


# --- zip bombs and malformed packages ----------------------------------------------------


def test_docx_zip_bomb_is_refused_before_inflating(tmp_path):
    bomb = docx_zip_bomb(3 * GiB)
    assert len(bomb) < 4 * 1024 * 1024  # a few MB on disk ...
    path = tmp_path / "bomb.docx"
    path.write_bytes(bomb)
    result, seconds = timed(extract_file, path)
    assert result.error is not None and result.error.code == "too-large"
    assert "zip bomb" in result.error.message and "word/document.xml" in result.error.message
    assert seconds < 2


def test_pptx_zip_bomb_is_refused(make_pptx, tmp_path):
    deck = make_pptx().read_bytes()
    bomb = rewrite_zip(deck, {})
    # Append a 1 GiB member of zeros to a real presentation.
    members = [
        deflated(i.filename, zipfile.ZipFile(io.BytesIO(bomb)).read(i))
        for i in zipfile.ZipFile(io.BytesIO(bomb)).infolist()
    ]
    members.append(zeros_member("ppt/media/padding.xml", GiB))
    result, seconds = timed(extract_bytes, raw_zip(members), declared_name="deck.pptx")
    assert result.error.code == "too-large" and "zip bomb" in result.error.message
    assert seconds < 2


def test_high_compression_ratio_is_refused():
    member = zeros_member("word/media/blob.bin", 64 * 1024 * 1024)  # 64 MiB of zeros at ~1000:1
    data = docx_with_document(document_xml("<w:p><w:r><w:t>Hi</w:t></w:r></w:p>"), extra=[member])
    result = extract_bytes(data, declared_name="x.docx")
    assert result.error.code == "too-large" and "expands" in result.error.message


def test_too_many_zip_members_are_refused():
    extra = [stored(f"word/media/{i}.txt", b"x") for i in range(60)]
    data = docx_with_document(document_xml("<w:p/>"), extra=extra)
    result = extract_bytes(data, declared_name="x.docx", limits=Limits(max_zip_members=50))
    assert result.error.code == "too-large" and "members" in result.error.message


def test_overlapping_zip_entries_are_refused():
    """CVE-2024-0450: two central-directory entries share one local file's bytes."""
    body = document_xml("<w:p><w:r><w:t>Hello</w:t></w:r></w:p>").encode()
    members = [
        deflated("[Content_Types].xml", docx_with_document_types()),
        deflated("_rels/.rels", root_rels()),
        deflated("word/document.xml", body),
        {"name": "word/styles.xml", "same_as": 2},
    ]
    data = raw_zip(members)
    result = extract_bytes(data, declared_name="x.docx")
    assert result.error.code == "hostile"
    assert "overlap" in result.error.message


def test_duplicate_zip_entries_are_refused():
    body = document_xml("<w:p><w:r><w:t>Hello</w:t></w:r></w:p>")
    data = docx_with_document(body, extra=[deflated("word/document.xml", b"<w:document/>")])
    result = extract_bytes(data, declared_name="x.docx")
    assert result.error.code == "hostile" and "duplicate" in result.error.message


def test_truncated_zip_is_corrupt_with_the_reason(make_docx):
    data = make_docx().read_bytes()
    result = extract_bytes(data[: len(data) // 2], declared_name="x.docx")
    assert result.error.code == "corrupt"
    assert result.error.message == "corrupt or truncated file (zip: central directory missing)"


def docx_with_document_types() -> bytes:
    from extract_builders import CONTENT_TYPES_DOCX

    return CONTENT_TYPES_DOCX.encode()


def root_rels() -> bytes:
    from extract_builders import ROOT_RELS_DOCX

    return ROOT_RELS_DOCX.encode()


# --- XML entity attacks -------------------------------------------------------------------

BILLION_LAUGHS = (
    '<!DOCTYPE w:document [<!ENTITY lol "lol">'
    + "".join(
        f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i > 1 else "&lol;" * 10}">'
        for i in range(1, 10)
    )
    + "]>"
)


def test_billion_laughs_in_docx_is_hostile():
    data = docx_with_document(
        document_xml("<w:p><w:r><w:t>&lol9;</w:t></w:r></w:p>", prolog=BILLION_LAUGHS)
    )
    result, seconds = timed(extract_bytes, data, declared_name="x.docx")
    assert result.error.code == "hostile" and "entity" in result.error.message
    assert seconds < 1


def test_xxe_in_xlsx_shared_strings_reads_no_local_file(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-VALUE")
    book = xlsx_bytes({"Sheet1": {"A1": "x"}})
    strings = (
        f'<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY xxe SYSTEM "file://{secret}">]>'
        '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1">'
        "<si><t>&xxe;</t></si></sst>"
    ).encode()
    data = rewrite_zip(book, {}, add={"xl/sharedStrings.xml": strings})
    data = link_workbook_part(data, "rIdS", "sharedStrings", "sharedStrings.xml")
    result = extract_bytes(data, declared_name="x.xlsx")
    assert result.error is not None and result.error.code == "hostile"
    assert "TOP-SECRET" not in json.dumps(result.to_dict())


def test_entity_bomb_in_worksheet_is_hostile():
    book = xlsx_bytes({"Sheet1": {"A1": "x"}})
    sheet = zipfile.ZipFile(io.BytesIO(book)).read("xl/worksheets/sheet1.xml").decode()
    sheet = BILLION_LAUGHS.replace("w:document", "worksheet") + sheet.replace(
        "<is><t>x</t></is>", "<is><t>&lol9;</t></is>"
    )
    result = extract_bytes(
        rewrite_zip(book, {"xl/worksheets/sheet1.xml": sheet.encode()}), declared_name="x.xlsx"
    )
    assert result.error.code == "hostile"


# --- spreadsheets that make readers iterate or allocate for ever ---------------------------


def test_xlsx_with_only_a1_and_xfd1048576_reads_two_cells(make_xlsx):
    path = make_xlsx(sheets={"Sheet1": {"A1": "first cell", "XFD1048576": "last cell"}})
    result, seconds = timed(extract_file, path)
    assert result.ok, result.error
    assert [(s.location, s.text) for s in result.segments] == [
        ("Sheet1!A1", "first cell"),
        ("Sheet1!XFD1048576", "last cell"),
    ]
    assert seconds < 5


def test_cell_limit_stops_a_huge_sheet(make_xlsx):
    path = make_xlsx(sheets={"Data": {f"A{row}": f"value {row}" for row in range(1, 2001)}})
    result = extract_file(path, limits=Limits(max_cells=100))
    assert result.ok and len(result.segments) == 100
    assert any("100 cells" in warning for warning in result.warnings)


# --- macro-enabled files under an innocent name -----------------------------------------------

MACRO_TYPES = {
    "xlsx": (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
        "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
        "xl/vbaProject.bin",
    ),
    "pptx": (
        "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml",
        "application/vnd.ms-powerpoint.presentation.macroEnabled.main+xml",
        "ppt/vbaProject.bin",
    ),
}


@pytest.mark.parametrize("extension", ["xlsx", "pptx"])
def test_macro_enabled_file_renamed_is_recognised(extension, make_xlsx, make_pptx):
    original = (make_xlsx() if extension == "xlsx" else make_pptx()).read_bytes()
    plain, macro, vba = MACRO_TYPES[extension]
    types = (
        zipfile.ZipFile(io.BytesIO(original))
        .read("[Content_Types].xml")
        .decode()
        .replace(plain, macro)
    )
    data = rewrite_zip(
        original, {"[Content_Types].xml": types.encode()}, add={vba: b"\xd0\xcf\x11\xe0 fake vba"}
    )
    result = extract_bytes(data, declared_name=f"innocent.{extension}")
    assert result.kind == {"xlsx": "xlsm", "pptx": "pptm"}[extension]
    assert result.ok and result.text
    assert any("macro-enabled" in warning for warning in result.warnings)
    assert f"but extension is .{extension}" in " ".join(result.warnings)


# --- PDFs that make parsers recurse ---------------------------------------------------------


def test_pdf_with_deeply_nested_arrays_reads_with_pdfium(tmp_path):
    path = tmp_path / "nested.pdf"
    path.write_bytes(pdf_with_nested_arrays(100_000, "Invoice 42"))
    result, seconds = timed(extract_file, path)
    assert result.ok and "Invoice 42" in result.text
    assert seconds < 5


def test_pdf_with_deeply_nested_arrays_is_a_clean_error_with_pypdf(tmp_path, monkeypatch):
    monkeypatch.setenv("WORKBENCH_PDF_READER", "pypdf")
    path = tmp_path / "nested.pdf"
    path.write_bytes(pdf_with_nested_arrays(100_000))
    result = extract_file(path)
    assert result.reader.startswith("pypdf")
    assert result.error is not None and result.error.code == "corrupt"
    assert "nested too deeply" in result.error.message


# --- text that databases and JSON reject ------------------------------------------------------


def test_clean_text_removes_nul_controls_and_lone_surrogates():
    assert clean_text("Total\x00 due\x07 \ud800now\udfff") == "Total due now"
    assert clean_text("emoji \ud83d\ude00 kept") == "emoji \U0001f600 kept"  # a real pair is joined
    assert clean_text("a\r\nb\rc\x0bd") == "a\nb\nc\nd"


def test_xlsx_cells_with_escaped_nul_and_surrogates_are_cleaned():
    book = xlsx_bytes({"Sheet1": {"A1": "placeholder one", "A2": "placeholder two"}})
    sheet = zipfile.ZipFile(io.BytesIO(book)).read("xl/worksheets/sheet1.xml").decode()
    sheet = sheet.replace("placeholder one", "Total_x0000_ due_xD800_ now").replace(
        "placeholder two", "a_x0007_b"
    )
    result = extract_bytes(
        rewrite_zip(book, {"xl/worksheets/sheet1.xml": sheet.encode()}), declared_name="x.xlsx"
    )
    assert result.ok
    encoded = json.dumps(result.to_dict(), ensure_ascii=False).encode(
        "utf-8"
    )  # would fail on a lone surrogate
    assert b"\\u0000" not in encoded and "\x00" not in result.text
    assert result.segments[0].text.startswith("Total due")


def test_msg_body_with_nul_and_unpaired_surrogate_is_cleaned():
    body = (
        "Invoice attached\x00 please pay".encode("utf-16-le")
        + b"\x00\xd8"
        + " thanks".encode("utf-16-le")
    )
    result = extract_bytes(
        simple_msg("Invoice", "", body_bytes=body + b"\0\0"), declared_name="m.msg"
    )
    assert result.ok, result.error
    body_text = next(s.text for s in result.segments if s.location == "email body")
    assert "\x00" not in body_text and "Invoice attached" in body_text
    body_text.encode("utf-8")  # no lone surrogate left


# --- e-mails nested inside e-mails --------------------------------------------------------------


def test_nested_msg_reads_down_to_the_depth_limit(make_pdf):
    pdf = make_pdf(pages=[["Invoice INV-7 total USD 15,000.00"]]).read_bytes()
    data = nested_msg(2, innermost_attachment=("invoice.pdf", pdf))
    result = extract_bytes(data, declared_name="outer.msg")
    assert result.ok, result.error
    locations = [s.location for s in result.segments]
    assert (
        "attachment level1.msg / attachment level2.msg / attachment invoice.pdf / page 1"
        in locations
    )
    assert "USD 15,000.00" in result.text


def test_nested_msg_beyond_the_depth_limit_is_cut_with_a_warning():
    result = extract_bytes(
        nested_msg(40), declared_name="deep.msg", limits=Limits(max_attachment_depth=3)
    )
    assert result.ok
    assert "level 3" in result.text and "level 4" not in result.text
    assert any("nested deeper than 3" in warning for warning in result.warnings)


def test_msg_nested_hundreds_deep_is_refused_quickly():
    result, seconds = timed(extract_bytes, nested_msg(400), declared_name="bomb.msg")
    assert result.error is not None and result.error.code == "too-large"
    assert "nested too deeply" in result.error.message
    assert seconds < 5


# --- the generic budget --------------------------------------------------------------------------


def test_character_budget_truncates_with_a_warning(make_docx):
    path = make_docx(paragraphs=["word " * 100] * 50)
    result = extract_file(path, limits=Limits(max_chars=1000))
    assert result.ok and len(result.text) <= 1000 + len(result.segments)
    assert any("cut at 1,000 characters" in warning for warning in result.warnings)


def test_cooperative_deadline_gives_timeout(make_pdf):
    path = make_pdf(pages=[["page text"]] * 20)
    result = extract_file(path, limits=Limits(time_seconds=0))
    assert result.error is not None and result.error.code == "timeout"


def test_file_size_limit(tmp_path):
    path = tmp_path / "big.pdf"
    path.write_bytes(b"%PDF-1.4\n" + b"0" * 5000)
    result = extract_file(path, limits=Limits(max_file_bytes=1000))
    assert result.error.code == "too-large" and "limit" in result.error.message


@pytest.mark.parametrize("compression", [zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED])
@pytest.mark.parametrize("padding", [0, 3000])
def test_dtd_in_an_xlsx_part_no_reader_of_ours_parses_is_hostile(compression, padding):
    """calamine parses parts we do not: their prologs are checked too, however stored."""
    book = zipfile.ZipFile(io.BytesIO(xlsx_bytes({"Sheet1": {"A1": "x"}})))
    part = (
        '<?xml version="1.0"?>' + "<!-- padding -->" * (padding // 16) + BILLION_LAUGHS
        + "<Properties>&lol9;</Properties>"
    ).encode()  # fmt: skip
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as target:
        for info in book.infolist():
            if info.filename != "docProps/app.xml":
                target.writestr(info.filename, book.read(info))
        target.writestr("docProps/app.xml", part)
    result = extract_bytes(buffer.getvalue(), declared_name="x.xlsx")
    assert result.error is not None and result.error.code == "hostile"
    assert "docProps/app.xml" in result.error.message
