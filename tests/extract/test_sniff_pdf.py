"""A PDF is told by its header at the start, or after junk by its header and its end."""

from __future__ import annotations

import io
import zipfile

from reportlab.pdfgen import canvas

from workbench.extract.sniff import sniff_bytes
from workbench.testing import docx_document


def pdf_bytes(text: str) -> bytes:
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.drawString(72, 720, text)
    page.showPage()
    page.save()
    return buffer.getvalue()


def docx_bytes(tmp_path) -> bytes:
    path = tmp_path / "made.docx"
    docx_document("made.docx", ["Workshop report"]).write(path)
    return path.read_bytes()


MENTION = b"Converted by DocTool\r\n%PDF-1.7 compatible output\r\n"


def test_a_pdf_after_a_print_ticket_header_is_a_pdf():
    # Print servers put their job ticket first, as apache-tika's corpus file has it.
    ticket = b"%%DEBUT_INSTRUCTION_IMSP: DEBUT\r\n%%SK_GROUPE: TEST\r\n%%FIN_INSTRUCTION_IMSP\r\n"
    assert sniff_bytes(ticket + pdf_bytes("Report")).kind == "pdf"


def test_a_truncated_pdf_is_still_a_pdf():
    data = pdf_bytes("Report")
    assert sniff_bytes(data[: len(data) // 2]).kind == "pdf"


def test_text_naming_the_pdf_header_is_not_a_pdf():
    assert sniff_bytes(b"Release notes\n" + MENTION + b"Nothing else.\n").kind == "unknown"


def test_rtf_naming_the_pdf_header_is_rtf():
    assert sniff_bytes(b"{\\rtf1\\ansi Saved from %PDF-1.7 files}").kind == "rtf"


def test_a_docx_behind_a_line_naming_the_pdf_header_is_not_a_pdf(tmp_path):
    assert sniff_bytes(MENTION + docx_bytes(tmp_path)).kind != "pdf"


def test_a_pdf_stored_in_a_zip_behind_a_stub_is_not_a_pdf():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("slides.pdf", pdf_bytes("Slides"))
    assert sniff_bytes(b"MZ\x90\x00" * 16 + out.getvalue()).kind != "pdf"
