"""file-types: every document is an allowed type by its name and by its content."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from checks.file_types import FileTypes
from tests.extract.extract_builders import Storage, write_compound_file
from workbench.check_api import Status, overall_status
from workbench.engine.sandbox import run_check_here
from workbench.testing import (
    ClaimBuilder,
    docx_document,
    pptx_document,
    raw_document,
    xlsx_document,
)


@pytest.fixture
def claims(tmp_path):
    return ClaimBuilder(tmp_path)


def run(claims, claim):
    results = run_check_here(FileTypes(), claim, claims.context())
    return overall_status(r["status"] for r in results), results


def bytes_of(spec, tmp_path) -> bytes:
    path = tmp_path / f"made-{spec.file_name}"
    spec.write(path)
    return path.read_bytes()


def pdf_bytes(lines: list[str]) -> bytes:
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    for index, line in enumerate(lines):
        page.drawString(72, 720 - 16 * index, line)
    page.showPage()
    page.save()
    return buffer.getvalue()


def macro_enabled(xlsx: bytes) -> bytes:
    """The same workbook declared as a macro-enabled .xlsm, as Excel saves one."""
    source = zipfile.ZipFile(io.BytesIO(xlsx))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "[Content_Types].xml":
                data = data.replace(
                    b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
                    b"application/vnd.ms-excel.sheet.macroEnabled.main+xml",
                )
            target.writestr(item, data)
    return out.getvalue()


def encrypted_ooxml() -> bytes:
    """What Office writes for a password-protected .docx: an OLE container, not a zip."""
    root = Storage()
    root.stream("EncryptionInfo", b"\x04\x00\x04\x00\x40\x00\x00\x00" + b"\0" * 200)
    root.stream("EncryptedPackage", b"\x10\x27\0\0\0\0\0\0" + b"\x5a" * 5000)
    return write_compound_file(root)


def test_allowed_types_pass(claims, tmp_path):
    claim = claims.view(
        documents=[
            docx_document("invoice.docx", ["Invoice", "Claim ID: 3000001"], kind="invoice"),
            pptx_document("deck.pptx", [("Executive Summary", "Delivered.")]),
            xlsx_document("inventory.xlsx", [["Server", "OS"], ["srv-01", "Windows"]]),
            raw_document("REPORT.PDF", pdf_bytes(["Workshop report for Contoso Ltd"])),
        ]
    )
    status, results = run(claims, claim)
    assert status == Status.PASS
    assert "All 4 documents are allowed types" in results[0]["message"]
    assert {e["document"] for e in results[0]["evidence"]} == {
        "invoice.docx",
        "deck.pptx",
        "inventory.xlsx",
        "REPORT.PDF",
    }


def test_docx_saved_as_doc_fails_and_says_what_it_is(claims):
    claim = claims.view(
        documents=[
            docx_document("invoice.docx", ["Invoice"], kind="invoice"),
            docx_document("report.doc", ["Workshop report for Contoso"]),
        ]
    )
    status, results = run(claims, claim)
    assert status == Status.FAIL
    message = results[0]["message"]
    assert "report.doc is named .doc but it is really a Word document (.docx)" in message
    assert "rename it to .docx" in message
    assert "invoice.docx" not in message
    assert results[0]["evidence"] == [
        {
            "document": "report.doc",
            "location": "file type",
            "excerpt": "name .doc; content: a Word document (.docx)",
        }
    ]


def test_pdf_named_pptx_fails(claims):
    claim = claims.view(documents=[raw_document("findings.pptx", pdf_bytes(["Findings"]))])
    status, results = run(claims, claim)
    assert status == Status.FAIL
    assert "findings.pptx is named .pptx but it is really a PDF document" in results[0]["message"]
    assert "rename it to .pdf" in results[0]["message"]


def test_renamed_macro_enabled_workbook_fails(claims, tmp_path):
    xlsx = bytes_of(xlsx_document("book.xlsx", [["Device", "Ready"], ["pc-1", "yes"]]), tmp_path)
    claim = claims.view(documents=[raw_document("inventory.xlsx", macro_enabled(xlsx))])
    status, results = run(claims, claim)
    assert status == Status.FAIL
    assert "macro-enabled Excel workbook (.xlsm)" in results[0]["message"]
    assert "not an allowed type" in results[0]["message"]


def test_encrypted_office_file_fails(claims):
    claim = claims.view(documents=[raw_document("report.docx", encrypted_ooxml())])
    assert claim.documents[0].content_type == "encrypted-ooxml"
    status, results = run(claims, claim)
    assert status == Status.FAIL
    assert "password-protected (encrypted) Office document" in results[0]["message"]
    assert "without a password" in results[0]["message"]


@pytest.mark.parametrize(
    ("data", "what"),
    [
        (b"{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Arial;}} Workshop report}", "Rich Text Format"),
        (b"<!DOCTYPE html><html><body><p>Workshop report</p></body></html>", "an HTML page"),
        (b"\xffWPC\x10\x00\x00\x00\x01\x0a" + b"\0" * 64, "WordPerfect document"),
    ],
    ids=["rtf", "html", "wordperfect"],
)
def test_other_formats_named_doc_fail(claims, data, what):
    claim = claims.view(documents=[raw_document("report.doc", data)])
    status, results = run(claims, claim)
    assert status == Status.FAIL
    assert what in results[0]["message"]
    assert results[0]["evidence"][0]["document"] == "report.doc"


def test_every_bad_document_is_listed(claims):
    claim = claims.view(
        documents=[
            docx_document("a.doc", ["First"]),
            raw_document("b.xlsx", pdf_bytes(["Second"])),
            pptx_document("c.pptx", [("Fine", "Fine")]),
        ]
    )
    status, results = run(claims, claim)
    assert status == Status.FAIL
    assert results[0]["message"].startswith("2 documents are not an allowed file type")
    assert [e["document"] for e in results[0]["evidence"]] == ["a.doc", "b.xlsx"]


def test_damaged_file_of_the_right_type_is_not_this_checks_business(claims, tmp_path):
    docx = bytes_of(docx_document("x.docx", ["Workshop report"]), tmp_path)
    claim = claims.view(documents=[raw_document("report.docx", docx[: len(docx) // 2])])
    assert not claim.documents[0].readable
    status, _ = run(claims, claim)
    assert status == Status.PASS


@pytest.mark.parametrize("example", FileTypes.examples, ids=lambda e: e.name)
def test_examples(claims, example):
    status, _ = run(claims, example.build(claims))
    assert status == example.expected


# Encrypted 97-2003 files keep their format, so only reading them shows the password.
CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus"


def corpus_file(path: str) -> bytes:
    if not (CORPUS / path).is_file():
        pytest.skip(f"document corpus not found at {CORPUS.resolve()}")
    return (CORPUS / path).read_bytes()


@pytest.mark.parametrize(
    ("source", "name", "what"),
    [
        ("msoffcrypto-tool/rc4cryptoapi_password.doc", "Report.doc", "Word 97-2003"),
        ("msoffcrypto-tool/rc4cryptoapi_password.xls", "Inventory.xls", "Excel 97-2003"),
        ("msoffcrypto-tool/rc4cryptoapi_password.ppt", "Summary.ppt", "PowerPoint 97-2003"),
        ("msoffcrypto-tool/xor_password_123456789012345.xls", "Devices.xls", "Excel 97-2003"),
    ],
    ids=["doc-rc4", "xls-rc4", "ppt-rc4", "xls-xor"],
)
def test_encrypted_legacy_office_file_fails(claims, source, name, what):
    claim = claims.view(
        documents=[
            docx_document("invoice.docx", ["Invoice", "Claim ID: 3000001"], kind="invoice"),
            raw_document(name, corpus_file(source)),
        ]
    )
    assert claim.documents[1].extraction.error.code == "encrypted"
    status, results = run(claims, claim)
    assert status == Status.FAIL
    message = results[0]["message"]
    assert f"{name} is a{'n' if what[0] == 'E' else ''} {what}" in message
    assert "password-protected" in message and "upload it without a password" in message
    assert "invoice.docx" not in message
    assert results[0]["evidence"][0]["document"] == name
    assert results[0]["evidence"][0]["excerpt"].endswith(", password-protected")


def test_unencrypted_legacy_office_file_passes(claims):
    plain = corpus_file("msoffcrypto-tool/rc4cryptoapi_password_plain.doc")
    claim = claims.view(documents=[raw_document("Report.doc", plain)])
    assert claim.documents[0].readable
    status, _ = run(claims, claim)
    assert status == Status.PASS


def stored_in_zip(name: str, data: bytes, stub: bytes) -> bytes:
    """``data`` stored uncompressed in a zip behind ``stub`` (a self-extractor's code)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr(name, data)
    return stub + out.getvalue()


# "%PDF-1.7" within the first KiB that is not a PDF's header: text naming the format, and
# a PDF stored in an archive.
NOT_PDFS = [
    (
        "notes.pdf",
        b"Workshop notes\r\nThe export failed; the file began:\r\n%PDF-1.7\r\nPlease resend.\r\n",
    ),
    ("slides.pdf", stored_in_zip("slides.pdf", pdf_bytes(["Slides"]), b"SFX\x00\x01" * 40)),
]


@pytest.mark.parametrize(("name", "data"), NOT_PDFS, ids=["text", "zip-behind-a-stub"])
def test_a_file_that_only_mentions_a_pdf_header_is_not_a_pdf(claims, name, data):
    claim = claims.view(documents=[raw_document(name, data)])
    assert claim.documents[0].content_type == "unknown"
    status, results = run(claims, claim)
    assert status == Status.FAIL
    assert (
        f"{name} is named .pdf but it is really not a recognised document format"
        in (results[0]["message"])
    )


@pytest.mark.parametrize(
    "junk",
    [b"\xef\xbb\xbf", b"\x1b%-12345X@PJL JOB\r\n@PJL ENTER LANGUAGE=PDF\r\n", b"\r\n\r\n"],
    ids=["byte-order-mark", "pjl-job-header", "blank-lines"],
)
def test_a_pdf_behind_junk_that_readers_skip_is_a_pdf(claims, junk):
    claim = claims.view(documents=[raw_document("report.pdf", junk + pdf_bytes(["Report"]))])
    assert claim.documents[0].content_type == "pdf"
    assert claim.documents[0].readable
    status, _ = run(claims, claim)
    assert status == Status.PASS
