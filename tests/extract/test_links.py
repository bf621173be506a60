"""mailto: links whose address the text does not show, in every format that links.

A link's target is an external relationship of the part that holds it, or a PDF
annotation: no part of the text. Each document here is written by the library a
partner's tool would use, with the link made the way that library makes one.
"""

from __future__ import annotations

import json
import pickle

import pytest
from extract_builders import add_hyperlink

from workbench.extract import Extraction, Segment, extract_file

CUSTOMER = "mailto:jane.doe@contoso.com"


def test_docx_mailto_links_of_paragraphs_tables_and_headers(tmp_path):
    import docx

    document = docx.Document()
    add_hyperlink(document.add_paragraph("Contact: "), CUSTOMER, "Email ", "Jane")
    # The address shown as the link's text hides nothing; web links are no addresses.
    add_hyperlink(document.add_paragraph("Or "), "mailto:sam@contoso.com", "sam@contoso.com")
    add_hyperlink(document.add_paragraph("See "), "https://contoso.com/team", "our team")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Owner"
    add_hyperlink(table.cell(0, 1).paragraphs[0], "mailto:raj@contoso.com?subject=POE", "Raj")
    header = document.sections[0].header.paragraphs[0]
    add_hyperlink(header, "mailto:ops@fabrikam.com", "Write to us")
    path = tmp_path / "report.docx"
    document.save(path)

    result = extract_file(path)
    assert result.ok, result.error
    assert result.links == (
        Segment("paragraph 1 (link)", "Email Jane <mailto:jane.doe@contoso.com>"),
        Segment("table 1 row 1 (link)", "Raj <mailto:raj@contoso.com>"),
        Segment("header (link)", "Write to us <mailto:ops@fabrikam.com>"),
    )
    # The text is what the document shows: links add nothing to it or to its words.
    assert result.segments[0] == Segment("paragraph 1", "Contact: Email Jane", "en")
    assert "jane.doe" not in result.text and "mailto" not in result.text


def test_pptx_mailto_links_of_slides_tables_and_notes(tmp_path):
    import pptx
    from pptx.util import Inches

    deck = pptx.Presentation()
    slide = deck.slides.add_slide(deck.slide_layouts[1])
    slide.shapes.title.text = "Workshop contacts"
    run = slide.placeholders[1].text_frame.paragraphs[0].add_run()
    run.text = "Jane Doe"
    run.hyperlink.address = CUSTOMER
    table = slide.shapes.add_table(1, 2, Inches(1), Inches(5), Inches(6), Inches(1)).table
    table.cell(0, 0).text = "Sponsor"
    sponsor = table.cell(0, 1).text_frame.paragraphs[0].add_run()
    sponsor.text = "Raj"
    sponsor.hyperlink.address = "mailto:raj@contoso.com"
    notes = slide.notes_slide.notes_text_frame.paragraphs[0].add_run()
    notes.text = "Follow up with Lee"
    notes.hyperlink.address = "mailto:lee@contoso.com"
    path = tmp_path / "findings.pptx"
    deck.save(path)

    result = extract_file(path)
    assert result.ok, result.error
    assert result.links == (
        Segment("slide 1 (link)", "Jane Doe <mailto:jane.doe@contoso.com>"),
        Segment("slide 1 table 1 row 1 (link)", "Raj <mailto:raj@contoso.com>"),
        Segment("slide 1 notes (link)", "Follow up with Lee <mailto:lee@contoso.com>"),
    )
    assert "mailto" not in result.text


@pytest.mark.parametrize("calamine", [True, False])
def test_xlsx_mailto_link_of_a_cell(tmp_path, monkeypatch, calamine):
    import openpyxl

    from workbench.extract.readers import xlsx

    if not calamine:
        monkeypatch.setattr(xlsx, "python_calamine", None)
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Attendees"
    sheet["A1"], sheet["B2"], sheet["B3"] = "Name", "Jane Doe", "sam@contoso.com"
    sheet["B2"].hyperlink = CUSTOMER
    sheet["B3"].hyperlink = "mailto:sam@contoso.com"
    path = tmp_path / "attendees.xlsx"
    book.save(path)

    result = extract_file(path)
    assert result.ok, result.error
    assert result.links == (
        Segment("Attendees!B2 (link)", "Jane Doe <mailto:jane.doe@contoso.com>"),
    )


@pytest.mark.parametrize("reader", ["pdfium", "pypdf"])
def test_pdf_mailto_link_annotation(tmp_path, monkeypatch, reader):
    from reportlab.pdfgen import canvas

    monkeypatch.setenv("WORKBENCH_PDF_READER", reader)
    path = tmp_path / "report.pdf"
    pdf = canvas.Canvas(str(path))
    pdf.drawString(72, 700, "Customer contact:")
    pdf.drawString(72, 680, "Email Jane")
    pdf.linkURL(CUSTOMER, (70, 676, 140, 692), relative=0)
    pdf.drawString(72, 660, "sam@contoso.com")
    pdf.linkURL("mailto:sam@contoso.com", (70, 656, 180, 672), relative=0)
    pdf.linkURL("https://contoso.com", (70, 640, 180, 652), relative=0)
    pdf.showPage()
    pdf.save()

    result = extract_file(path)
    assert result.ok, result.error
    # PDFium gives the text under the link; pypdf has only the link.
    text = "Email Jane <mailto:jane.doe@contoso.com>" if reader == "pdfium" else CUSTOMER
    assert result.links == (Segment("page 1 (link)", text),)


def test_links_from_the_corpus(corpus):
    """A deck whose link carries another address than the one it shows."""
    result = extract_file(
        corpus / "apache-poi/slideshow/au.asn.aes.www_conferences_2011_presentations"
        "_Fri_20Room4Level4_20930_20Maloney.pptx"
    )
    assert result.links == (
        Segment("slide 27 (link)", "Emily.Verstege@artd.com.au <mailto:xx.xx@artd.com.au>"),
    )


def test_links_travel_with_the_extraction(tmp_path, pool):
    import docx

    document = docx.Document()
    add_hyperlink(document.add_paragraph(), CUSTOMER, "Email Jane")
    path = tmp_path / "report.docx"
    document.save(path)
    read = extract_file(path)
    assert read.links
    assert Extraction.from_dict(json.loads(json.dumps(read.to_dict())), read.word_hashes) == read
    assert pickle.loads(pickle.dumps(read, protocol=pickle.HIGHEST_PROTOCOL)) == read
    # From a worker, through the unpickler that admits an extraction and nothing else.
    assert pool.extract(path).links == read.links


@pytest.mark.parametrize(
    ("target", "addresses"),
    [
        ("mailto:jane@contoso.com", ["jane@contoso.com"]),
        (
            "MAILTO: Jane.Doe@contoso.co.uk?subject=Hi%20bob@fabrikam.com",
            ["Jane.Doe@contoso.co.uk"],
        ),
        (
            "mailto:a@contoso.com,b%40contoso.com?cc=c@contoso.com&bcc=d@contoso.com&body=e@x.com",
            ["a@contoso.com", "b@contoso.com", "c@contoso.com", "d@contoso.com"],
        ),
        ("mailto:?to=jane@contoso.com", ["jane@contoso.com"]),
        ("https://contoso.com/jane@contoso.com", []),
        ("mailto:", []),
    ],
)
def test_mailto_addresses(target, addresses):
    from workbench.extract.readers.base import mailto_addresses

    assert mailto_addresses(target) == addresses
