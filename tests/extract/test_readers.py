"""Each reader on documents made with the real libraries, plus corpus files for the binary formats."""

from __future__ import annotations

import datetime
import io
import shutil

import pytest
from extract_builders import (
    Storage,
    add_recipients,
    attach,
    fill_message,
    simple_msg,
    write_compound_file,
)

from workbench.extract import Extraction, extract_bytes, extract_file


def texts(result: Extraction) -> dict[str, str]:
    assert result.ok, result.error
    return {segment.location: segment.text for segment in result.segments}


# --- DOCX ----------------------------------------------------------------------------------


def test_docx_paragraphs_tables_header_footer(make_docx):
    path = make_docx(
        paragraphs=["Proof of execution for Contoso", "", "Workshop delivered on 3 June"],
        table=[["Item", "Amount"], ["Workshop", "$15,000.00 USD"]],
        header="Fabrikam Consulting",
        footer="Confidential",
    )
    found = texts(extract_file(path))
    assert found["paragraph 1"] == "Proof of execution for Contoso"
    assert found["paragraph 3"] == "Workshop delivered on 3 June"
    assert found["table 1 row 2"] == "Workshop\t$15,000.00 USD"
    assert found["header"] == "Fabrikam Consulting"
    assert found["footer"] == "Confidential"


def test_docx_location_order_follows_the_document(make_docx):
    result = extract_file(make_docx(paragraphs=["before"], table=[["cell"]]))
    assert [s.location for s in result.segments] == ["paragraph 1", "table 1 row 1"]


def test_docx_row_keeps_its_empty_first_cells(make_docx):
    path = make_docx(table=[["", "Bill To:"], ["FridayINC Inc.", "Contoso Ltd"], ["", ""]])
    found = texts(extract_file(path))
    # The label stays in the second column, over the recipient's name; an empty row is none.
    assert found["table 1 row 1"] == "\tBill To:"
    assert found["table 1 row 2"] == "FridayINC Inc.\tContoso Ltd"
    assert "table 1 row 3" not in found


def _table_document(columns: int, rows: int, fill, merges=()):
    """A python-docx table: ``merges`` ((row, col), (row, col)) pairs are merged first, then
    ``fill`` ((row, col) -> text) writes the cells."""
    import docx

    document = docx.Document()
    table = document.add_table(rows=rows, cols=columns)
    for first, last in merges:
        table.cell(*first).merge(table.cell(*last))
    for (row, column), text in fill.items():
        table.cell(row, column).text = text
    return document, table


def test_docx_merged_cells_keep_their_columns_and_are_read_once(tmp_path):
    document, table = _table_document(
        3, 3,
        {(0, 0): "INVOICE", (0, 2): "Bill To:", (1, 0): "FridayINC Inc.", (1, 1): "Ref 7",
         (1, 2): "Contoso Ltd", (2, 1): "Due 30 days", (2, 2): "Seattle"},
        merges=[((0, 0), (0, 1)), ((1, 0), (2, 0))],
    )  # fmt: skip
    # python-docx gives a merged cell once for each column it covers; the reader, once.
    assert [c.text for c in table.rows[0].cells] == ["INVOICE", "INVOICE", "Bill To:"]
    assert [c.text for c in table.rows[2].cells] == ["FridayINC Inc.", "Due 30 days", "Seattle"]
    path = tmp_path / "merged.docx"
    document.save(path)
    found = texts(extract_file(path))
    assert found["table 1 row 1"] == "INVOICE\t\tBill To:"
    assert found["table 1 row 2"] == "FridayINC Inc.\tRef 7\tContoso Ltd"
    assert found["table 1 row 3"] == "\tDue 30 days\tSeattle"


def test_docx_row_that_starts_late_keeps_its_columns(tmp_path):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    document, table = _table_document(
        2, 2, {(0, 1): "Bill To:", (1, 0): "FridayINC Inc.", (1, 1): "Contoso Ltd"}
    )
    # Word writes a row that skips its first grid column as w:gridBefore, without its cell.
    row = table.rows[0]._tr
    row.remove(row.tc_lst[0])
    grid_before = OxmlElement("w:gridBefore")
    grid_before.set(qn("w:val"), "1")
    row.get_or_add_trPr().append(grid_before)
    assert table.rows[0].grid_cols_before == 1  # as python-docx reads it
    path = tmp_path / "late.docx"
    document.save(path)
    assert texts(extract_file(path))["table 1 row 1"] == "\tBill To:"


def test_docx_cells_in_content_controls_and_absurd_spans(tmp_path):
    from docx.oxml import OxmlElement

    document, table = _table_document(
        3, 2,
        {(0, 0): "Name", (0, 1): "Signed", (0, 2): "Date",
         (1, 0): "Priya", (1, 1): "yes", (1, 2): "2026-10-19"},
    )  # fmt: skip
    # A content control around a cell (a form's field) holds the cell.
    row = table.rows[1]._tr
    cell = row.tc_lst[1]
    sdt, content = OxmlElement("w:sdt"), OxmlElement("w:sdtContent")
    cell.addprevious(sdt)
    content.append(cell)
    sdt.append(content)
    # A span of a hundred million columns is cut to the 63 a Word table may have.
    first = table.rows[0]._tr.tc_lst[0]
    first.grid_span = 100_000_000
    path = tmp_path / "form.docx"
    document.save(path)
    found = texts(extract_file(path))
    assert found["table 1 row 2"] == "Priya\tyes\t2026-10-19"
    assert found["table 1 row 1"] == "Name" + "\t" * 63 + "Signed\tDate"


def test_docx_named_doc_is_read_with_a_warning(make_docx, tmp_path):
    path = make_docx()
    renamed = tmp_path / "report.doc"
    shutil.copy(path, renamed)
    result = extract_file(renamed)
    assert result.ok and result.kind == "docx"
    assert "file content is DOCX but extension is .doc" in result.warnings


def test_declared_name_is_what_the_extension_check_uses(make_docx):
    result = extract_file(make_docx(name="upload.bin"), declared_name="poe.docx")
    assert result.warnings == ()


# --- PPTX ----------------------------------------------------------------------------------


def test_pptx_slides_tables_and_notes(make_pptx):
    path = make_pptx(
        slides=[
            ("Landing Zone", "Hub and spoke network"),
            ("Application Compatibility Assessment", "42 apps"),
        ],
        table=[["Customer", "Contoso"], ["Date", "2024-06-03"]],
        notes="Presenter: Priya Kaur",
    )
    found = texts(extract_file(path))
    assert found["slide 1"] == "Landing Zone\nHub and spoke network"
    assert found["slide 1 table 1 row 1"] == "Customer\tContoso"
    assert found["slide 1 notes"] == "Presenter: Priya Kaur"
    assert found["slide 2"].startswith("Application Compatibility Assessment")


def test_pptx_table_row_keeps_its_empty_first_cells(make_pptx):
    path = make_pptx(table=[["", "Bill To:"], ["FridayINC Inc.", "Contoso Ltd"]])
    found = texts(extract_file(path))
    assert found["slide 1 table 1 row 1"] == "\tBill To:"


def test_pptx_slide_order_is_presentation_order_not_part_names(make_pptx):
    import pptx

    path = make_pptx(slides=[("First", "a"), ("Second", "b"), ("Third", "c")])
    deck = pptx.Presentation(path)
    ids = deck.slides._sldIdLst
    ids.insert(0, ids[2])  # move the third slide to the front
    deck.save(path)
    result = extract_file(path)
    assert [s.text.split("\n")[0] for s in result.segments] == ["Third", "First", "Second"]


# --- XLSX / XLS ----------------------------------------------------------------------------


def test_xlsx_cells_with_sheet_locations(make_xlsx):
    path = make_xlsx(
        sheets={
            "Invoice": {
                "A1": "Invoice",
                "B7": 15000,
                "C7": 0.5,
                "D2": datetime.date(2024, 6, 3),
                "E1": True,
            },
            "Notes sheet": {"A1": "Thank you"},
        }
    )
    found = texts(extract_file(path))
    assert found["Invoice!A1"] == "Invoice"
    assert found["Invoice!B7"] == "15000"
    assert found["Invoice!C7"] == "0.5"
    assert found["Invoice!D2"].startswith("2024-06-03")
    assert found["Invoice!E1"] == "TRUE"
    assert found["'Notes sheet'!A1"] == "Thank you"


def test_xlsx_streaming_path_matches_calamine(make_xlsx, monkeypatch):
    from workbench.extract.readers import xlsx

    path = make_xlsx(sheets={"S": {"A1": "alpha", "C3": 12.25, "B2": "beta"}})
    fast = extract_file(path)
    monkeypatch.setattr(xlsx, "python_calamine", None)
    slow = extract_file(path)
    assert [(s.location, s.text) for s in fast.segments] == [
        (s.location, s.text) for s in slow.segments
    ]


def test_xls_written_by_xlwt(tmp_path):
    xlwt = pytest.importorskip("xlwt", reason="xlwt (test extra) writes the .xls")

    book = xlwt.Workbook()
    sheet = book.add_sheet("Budget")
    sheet.write(0, 0, "Total")
    sheet.write(0, 1, 7500)
    sheet.write(3, 2, "Résumé")
    path = tmp_path / "budget.xls"
    book.save(str(path))
    found = texts(extract_file(path))
    assert found == {"Budget!A1": "Total", "Budget!B1": "7500", "Budget!C4": "Résumé"}


# --- PDF -----------------------------------------------------------------------------------


@pytest.mark.parametrize("reader", ["pdfium", "pypdf"])
def test_pdf_pages(make_pdf, monkeypatch, reader):
    monkeypatch.setenv("WORKBENCH_PDF_READER", reader)
    path = make_pdf(pages=[["Invoice INV-2024-001", "Total: $15,000.00 USD"], ["Page two"]])
    result = extract_file(path)
    found = texts(result)
    assert "Total: $15,000.00 USD" in found["page 1"]
    assert found["page 2"] == "Page two"
    assert result.reader.startswith("pypdfium2" if reader == "pdfium" else "pypdf")


def test_pdf_page_limit_warns(make_pdf):
    from workbench.extract import Limits

    result = extract_file(make_pdf(pages=[["p"]] * 5), limits=Limits(max_pages=2))
    assert [s.location for s in result.segments] == ["page 1", "page 2"]
    assert "only the first 2 of 5 pages were read" in result.warnings


def _photographed_pdf(footer: str, body: list[str]) -> bytes:
    from PIL import Image
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.drawInlineImage(Image.new("L", (400, 500), 200), 30, 70, 535, 720)  # a scanned page
    for index, line in enumerate(body):
        page.drawString(40, 810 - 12 * index, line)
    page.drawString(72, 50, footer)
    page.showPage()
    page.drawString(72, 700, "A page of text only")
    page.showPage()
    page.save()
    return buffer.getvalue()


def test_pdf_pages_that_are_an_image_with_a_line_of_text_are_noted_as_scans():
    result = extract_bytes(_photographed_pdf("Confidential - Internal use only", []))
    assert texts(result)["page 1"] == "Confidential - Internal use only"
    assert result.scanned == ("page 1",)  # page 2 has no image
    assert "pages that are an image with little or no text (scanned?): 1" in result.warnings


def test_pdf_page_with_an_image_and_a_page_of_text_is_no_scan():
    body = ["The workshop covered the migration plan, the landing zone and the pilot."] * 4
    result = extract_bytes(_photographed_pdf("Footer", body))
    assert result.warnings == ()


def test_pdf_with_empty_user_password_opens(make_pdf, tmp_path):
    import pypdf

    source = make_pdf(pages=[["Copy protected but readable"]])
    writer = pypdf.PdfWriter(clone_from=str(source))
    writer.encrypt(user_password="", owner_password="owner-secret")
    path = tmp_path / "protected.pdf"
    with open(path, "wb") as handle:
        writer.write(handle)
    assert "Copy protected but readable" in extract_file(path).text


def test_pdf_with_a_password_is_encrypted(make_pdf, tmp_path):
    import pypdf

    writer = pypdf.PdfWriter(clone_from=str(make_pdf()))
    writer.encrypt(user_password="secret")
    buffer = io.BytesIO()
    writer.write(buffer)
    result = extract_bytes(buffer.getvalue(), declared_name="x.pdf")
    assert (
        result.error.code == "encrypted" and result.error.message == "encrypted: password required"
    )


# --- MSG -----------------------------------------------------------------------------------


def test_msg_subject_body_and_attachment(make_docx):
    attachment = make_docx(paragraphs=["Attendance list: 12 people"]).read_bytes()
    data = simple_msg(
        "POE for claim 3042516",
        "Please find the attendance list attached.",
        attachments=[
            ("attendance.docx", attachment),
            ("logo.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 20),
        ],
    )
    found = texts(extract_bytes(data, declared_name="mail.msg"))
    assert found["email subject"] == "POE for claim 3042516"
    assert found["email body"] == "Please find the attendance list attached."
    assert found["attachment attendance.docx / paragraph 1"] == "Attendance list: 12 people"
    assert not any("logo.png" in location for location in found)


def test_msg_header_gives_the_recipients_addresses_outlook_shows():
    # PR_DISPLAY_TO holds "Susie Jones; Ravi Patel": the addresses are in the recipients.
    data = simple_msg(
        "Workshop follow-up",
        "Thank you all for attending.",
        recipients=[
            (1, "Susie Jones", "susie.jones@contoso.com"),
            (
                1,
                "Ravi Patel",
                "/O=CONTOSO/OU=EXCHANGE ADMINISTRATIVE GROUP/CN=RECIPIENTS/CN=RPATEL",
            ),
            (2, "", "it-team@contoso.com"),
            (2, "'lee@fabrikam.com'", "lee@fabrikam.com"),
            (3, "Ann Lee", "ann.lee@fabrikam.com"),
        ],
    )
    found = texts(extract_bytes(data, declared_name="mail.msg"))
    assert found["email header"] == (
        "To: Susie Jones <susie.jones@contoso.com>; Ravi Patel\n"
        "Cc: it-team@contoso.com; lee@fabrikam.com\n"
        "Bcc: Ann Lee <ann.lee@fabrikam.com>"
    )


def test_msg_recipients_of_an_attached_message_are_read(make_docx):
    root = Storage()
    fill_message(root, "Fwd: attendance", "See below.", top=True, attachments=1)
    inner = attach(root, 0, filename="original.msg")
    fill_message(inner, "Attendance", "Twelve attended.", top=False, attachments=0, recipients=1)
    add_recipients(inner, [(1, "Susie Jones", "susie.jones@contoso.com")])
    found = texts(extract_bytes(write_compound_file(root), declared_name="mail.msg"))
    assert found["attachment original.msg / email header"] == (
        "To: Susie Jones <susie.jones@contoso.com>"
    )


def test_msg_with_more_recipients_than_read_keeps_every_name(monkeypatch):
    from workbench.extract.readers import msg

    monkeypatch.setattr(msg, "MAX_RECIPIENTS", 2)
    people = [(1, f"Person {n}", f"person{n}@contoso.com") for n in range(1, 4)]
    result = extract_bytes(
        simple_msg("All hands", "Hello", recipients=people), declared_name="m.msg"
    )
    assert texts(result)["email header"] == (
        "To: Person 1; Person 2; Person 3\n"
        "Addresses of the first 2 recipients: Person 1 <person1@contoso.com>; "
        "Person 2 <person2@contoso.com>"
    )
    assert result.warnings == ("only the first 2 of 3 recipients' addresses were read",)


def test_msg_recipient_addresses_from_the_corpus(corpus):
    # To: "Garrett, Amy C (PACE)" in PR_DISPLAY_TO; her address only in the recipient.
    header = texts(extract_file(corpus_file(corpus, "apache-poi/hsmf/53784_fails.msg")))
    assert (
        header["email header"].splitlines()[1] == "To: Garrett, Amy C (PACE) <garrettac@state.gov>"
    )
    many = extract_file(corpus_file(corpus, "apache-poi/hsmf/lots-of-recipients.msg"))
    assert (
        many.ok and "only the first 100 of 1,321 recipients' addresses were read" in many.warnings
    )
    assert "niranjansalian@yahoo.com" in texts(many)["email header"]


def test_msg_bad_attachment_is_a_warning_not_a_failure():
    data = simple_msg("Hello", "Body text here", attachments=[("broken.pdf", b"%PDF-1.4 garbage")])
    result = extract_bytes(data, declared_name="mail.msg")
    assert result.ok
    assert any(w.startswith("attachment broken.pdf: corrupt") for w in result.warnings)


# --- legacy binary formats from the corpus --------------------------------------------------


def corpus_file(corpus, relative):
    path = corpus / relative
    if not path.is_file():
        pytest.skip(f"{relative} not in the corpus")
    return path


def test_doc_piece_table_text(corpus):
    result = extract_file(corpus_file(corpus, "apache-poi/document/53446.doc"))
    assert result.ok and result.language == "en" and len(result.text) > 10_000
    assert result.segments[0].location == "paragraph 1"


def test_doc_cp1251_russian_is_not_mojibake(corpus):
    result = extract_file(corpus_file(corpus, "apache-poi/document/Bug47286.doc"))
    assert result.language == "ru"
    assert any("\u0400" <= ch <= "\u04ff" for ch in result.text)


def test_doc_legacy_and_encrypted(corpus):
    legacy = extract_file(corpus_file(corpus, "apache-poi/document/Word95.doc"))
    assert legacy.error.code == "unsupported-legacy" and "Word 6.0/95" in legacy.error.message
    word2 = extract_file(corpus_file(corpus, "apache-poi/document/word2.doc"))
    assert (
        word2.error.code == "unsupported-legacy" and "Word for Windows 2.0" in word2.error.message
    )
    encrypted = extract_file(corpus_file(corpus, "apache-poi/document/PasswordProtected.doc"))
    assert encrypted.error.message == "encrypted: password required"


def test_ppt_slides_in_order_with_text(corpus):
    result = extract_file(corpus_file(corpus, "kreuzberg/simple.ppt"))
    found = texts(result)
    assert found["slide 1"] == "Title Slide\nWith a subtitle"
    assert found["slide 2"].startswith("Things to think about")


def test_ppt_legacy_versions_are_named(corpus):
    assert (
        "PowerPoint 95"
        in extract_file(corpus_file(corpus, "apache-poi/slideshow/PPT95.ppt")).error.message
    )
    assert (
        "PowerPoint 4.0"
        in extract_file(corpus_file(corpus, "apache-poi/slideshow/pp40only.ppt")).error.message
    )


def test_msg_cp1251_is_decoded_from_the_locale(corpus):
    result = extract_file(corpus_file(corpus, "apache-poi/hsmf/ASCII_CP1251_LCID1049.msg"))
    assert "автоматически" in result.text


def test_encrypted_ooxml_in_ole_container(corpus):
    result = extract_file(corpus_file(corpus, "oletools/encrypted.docx"))
    assert (
        result.kind == "encrypted-ooxml" and result.error.message == "encrypted: password required"
    )


def test_unsupported_types_are_named(tmp_path):
    rtf = tmp_path / "letter.doc"
    rtf.write_bytes(rb"{\rtf1\ansi Hello}")
    result = extract_file(rtf)
    assert result.error.code == "unsupported-type"
    assert (
        result.error.message
        == "not an allowed document type: Rich Text Format document (named .doc)"
    )
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    assert extract_file(empty).error.message == "the file is empty (0 bytes)"
    text = tmp_path / "fake.pdf"
    text.write_text("just some text, no PDF here")
    assert (
        extract_file(text).error.message
        == "not a PDF file: content is not a recognised document format"
    )
