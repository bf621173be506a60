"""Fixtures for the extraction tests: the shared corpus, a worker pool, document makers."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from workbench.extract import ExtractionPool, Limits

CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus"


def corpus_rows() -> list[dict]:
    """MANIFEST.tsv rows, or [] when the corpus is not next to the repository."""
    manifest = CORPUS / "MANIFEST.tsv"
    if not manifest.is_file():
        return []
    with open(manifest, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


@pytest.fixture(scope="session")
def corpus() -> Path:
    if not (CORPUS / "MANIFEST.tsv").is_file():
        pytest.skip(f"document corpus not found at {CORPUS.resolve()}")
    return CORPUS.resolve()


@pytest.fixture(scope="session")
def pool():
    """Two killable workers shared by the whole session (they take a second to start)."""
    with ExtractionPool(2, limits=Limits(time_seconds=30)) as workers:
        yield workers


@pytest.fixture
def make_docx(tmp_path):
    """Write a .docx with python-docx: paragraphs, a table, a header and a footer."""
    import docx

    def make(name="doc.docx", paragraphs=("Hello world",), table=None, header=None, footer=None):
        document = docx.Document()
        for text in paragraphs:
            document.add_paragraph(text)
        if table:
            grid = document.add_table(rows=len(table), cols=len(table[0]))
            for r, row in enumerate(table):
                for c, value in enumerate(row):
                    grid.cell(r, c).text = value
        section = document.sections[0]
        if header:
            section.header.paragraphs[0].text = header
        if footer:
            section.footer.paragraphs[0].text = footer
        path = tmp_path / name
        document.save(path)
        return path

    return make


@pytest.fixture
def make_pptx(tmp_path):
    """Write a .pptx with python-pptx: one titled slide per entry, optional table and notes."""
    import pptx
    from pptx.util import Inches

    def make(name="deck.pptx", slides=(("Title", "Body"),), table=None, notes=None):
        deck = pptx.Presentation()
        for index, (title, body) in enumerate(slides):
            slide = deck.slides.add_slide(deck.slide_layouts[1])
            slide.shapes.title.text = title
            slide.placeholders[1].text = body
            if table and index == 0:
                shape = slide.shapes.add_table(
                    len(table), len(table[0]), Inches(1), Inches(4), Inches(6), Inches(1)
                )
                for r, row in enumerate(table):
                    for c, value in enumerate(row):
                        shape.table.cell(r, c).text = value
            if notes and index == 0:
                slide.notes_slide.notes_text_frame.text = notes
        path = tmp_path / name
        deck.save(path)
        return path

    return make


@pytest.fixture
def make_xlsx(tmp_path):
    """Write an .xlsx with openpyxl from {sheet: {cell: value}}."""
    import openpyxl

    def make(name="book.xlsx", sheets=None):
        book = openpyxl.Workbook()
        book.remove(book.active)
        for sheet_name, cells in (sheets or {"Sheet1": {"A1": "Hello"}}).items():
            sheet = book.create_sheet(sheet_name)
            for ref, value in cells.items():
                sheet[ref] = value
        path = tmp_path / name
        book.save(path)
        return path

    return make


@pytest.fixture
def make_pdf(tmp_path):
    """Write a PDF with reportlab, one page per list of lines."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    def make(name="doc.pdf", pages=(("Hello world",),)):
        path = tmp_path / name
        pdf = canvas.Canvas(str(path), pagesize=A4)
        for lines in pages:
            y = 800
            for line in lines:
                pdf.drawString(72, y, line)
                y -= 16
            pdf.showPage()
        pdf.save()
        return path

    return make


def xlsx_bytes(sheets: dict[str, dict[str, object]]) -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    book.remove(book.active)
    for sheet_name, cells in sheets.items():
        sheet = book.create_sheet(sheet_name)
        for ref, value in cells.items():
            sheet[ref] = value
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
