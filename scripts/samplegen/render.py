"""Write a :class:`~samplegen.model.Report` as .docx (python-docx), .pptx (python-pptx) or
.pdf (reportlab), with every timestamp fixed so reruns give the same bytes."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import datetime
from pathlib import Path

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.shared import Cm, Pt, RGBColor
from pptx import Presentation
from pptx.dml.color import RGBColor as PptxRGB
from pptx.util import Emu, Inches
from pptx.util import Pt as PptxPt
from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (
    KeepTogether,
    ListFlowable,
    ListItem,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    TableStyle,
)
from reportlab.platypus import Table as RLTable

from .model import Bullets, Report, Table

ACCENT = (0x1F, 0x4E, 0x79)
JA_FONT_FILES = (
    "/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf",
    "/usr/share/fonts/truetype/fonts-japanese-gothic.ttf",
)
ZIP_EPOCH = (2026, 1, 1, 0, 0, 0)


# -- determinism ------------------------------------------------------------------------------


def _w3cdtf(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def normalize_ooxml(data: bytes, created: datetime, modified: datetime | None = None) -> bytes:
    """Rewrite an OOXML zip with fixed entry dates and fixed core-property dates.

    python-docx and python-pptx stamp zip entries with the current time, and openpyxl sets
    ``dcterms:modified`` to now on every save; both are replaced here.
    """
    modified = modified or created
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            blob = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                text = blob.decode("utf-8")
                for tag, moment in (("created", created), ("modified", modified)):
                    text = re.sub(
                        rf"(<dcterms:{tag}[^>]*>)[^<]*(</dcterms:{tag}>)",
                        rf"\g<1>{_w3cdtf(moment)}\g<2>",
                        text,
                    )
                blob = text.encode("utf-8")
            entry = zipfile.ZipInfo(info.filename, date_time=ZIP_EPOCH)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            dst.writestr(entry, blob)
    return out.getvalue()


# -- docx ----------------------------------------------------------------------------------------


def _set_docx_core(doc, report_title: str, author: str, when: datetime, lang: str) -> None:
    props = doc.core_properties
    props.title = report_title
    props.author = author
    props.last_modified_by = author
    props.created = when
    props.modified = when
    props.last_printed = when
    props.revision = 3
    props.language = {"en": "en-US", "fr": "fr-FR", "ja": "ja-JP", "de": "de-DE"}[lang]
    props.comments = ""
    props.keywords = ""
    props.subject = ""
    props.category = ""


def _docx_table(doc, tbl: Table, width_cm: float = 16.0):
    t = doc.add_table(rows=1, cols=len(tbl.header))
    t.style = "Light Grid Accent 1"
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, text in zip(t.rows[0].cells, tbl.header, strict=True):
        cell.text = text
    for row in tbl.rows:
        cells = t.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            cell.text = text
    if tbl.widths:
        total = sum(tbl.widths)
        for row in t.rows:
            for cell, w in zip(row.cells, tbl.widths, strict=True):
                cell.width = Cm(width_cm * w / total)
    return t


def report_to_docx(report: Report) -> bytes:
    """Return ``report`` as a Word document."""
    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.name = "Calibri"
    normal.font.size = Pt(10.5)
    if report.lang == "ja":
        rpr = normal.element.get_or_add_rPr()
        fonts = rpr.get_or_add_rFonts()
        fonts.set(
            "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}eastAsia", "Yu Gothic"
        )
    for s in doc.sections:
        s.left_margin = s.right_margin = Cm(2.2)
        header = s.header.paragraphs[0]
        header.text = f"{report.company} | {report.subtitle}"
        header.runs[0].font.size = Pt(8)
        header.runs[0].font.color.rgb = RGBColor(0x59, 0x59, 0x59)
        if report.footer:
            footer = s.footer.paragraphs[0]
            footer.text = report.footer
            footer.runs[0].font.size = Pt(8)
    doc.add_heading(report.title, level=0)
    sub = doc.add_paragraph()
    run = sub.add_run(report.subtitle)
    run.bold = True
    run.font.size = Pt(13)
    run.font.color.rgb = RGBColor(*ACCENT)
    facts = doc.add_table(rows=0, cols=2)
    facts.style = "Table Grid"
    for label, value in report.facts:
        cells = facts.add_row().cells
        cells[0].text = label
        cells[1].text = value
        cells[0].paragraphs[0].runs[0].bold = True
        cells[0].width = Cm(5)
        cells[1].width = Cm(11)
    for sec in report.sections:
        doc.add_heading(sec.title, level=1)
        for block in sec.blocks:
            if isinstance(block, str):
                doc.add_paragraph(block)
            elif isinstance(block, Bullets):
                for item in block.items:
                    doc.add_paragraph(item, style="List Bullet")
            else:
                _docx_table(doc, block)
                doc.add_paragraph()
    _set_docx_core(doc, report.title, report.author, report.when, report.lang)
    buf = io.BytesIO()
    doc.save(buf)
    return normalize_ooxml(buf.getvalue(), report.when)


# -- pptx ----------------------------------------------------------------------------------------

SLIDE_W, SLIDE_H = Inches(13.333), Inches(7.5)
MAX_SLIDE_CHARS = 900
MAX_SLIDE_LINES = 10
MAX_TABLE_ROWS = 9


def _style_title(shape, size: int = 30) -> None:
    for p in shape.text_frame.paragraphs:
        for r in p.runs:
            r.font.size = PptxPt(size)
            r.font.bold = True
            r.font.color.rgb = PptxRGB(*ACCENT)


def _text_slide(prs, title: str, lines: list[tuple[int, str]], footer: str) -> None:
    slide = prs.slides.add_slide(prs.slide_layouts[1])
    slide.shapes.title.text = title
    _style_title(slide.shapes.title)
    title_shape = slide.shapes.title
    title_shape.left, title_shape.top = Inches(0.6), Inches(0.35)
    title_shape.width, title_shape.height = SLIDE_W - Inches(1.2), Inches(1.0)
    body = slide.placeholders[1]
    body.left, body.top = Inches(0.6), Inches(1.45)
    body.width, body.height = SLIDE_W - Inches(1.2), SLIDE_H - Inches(2.2)
    tf = body.text_frame
    tf.word_wrap = True
    total = sum(len(t) for _, t in lines)
    size = 22 if total < 450 else 20 if total < 700 else 18
    for i, (level, text) in enumerate(lines):
        p = tf.paragraphs[0] if i == 0 else tf.add_paragraph()
        p.text = text
        p.level = level
        for r in p.runs:
            r.font.size = PptxPt(size - 2 * level)
    _footer(slide, footer)


def _footer(slide, footer: str) -> None:
    if not footer:
        return
    box = slide.shapes.add_textbox(
        Inches(0.6), SLIDE_H - Inches(0.55), SLIDE_W - Inches(1.2), Inches(0.35)
    )
    box.text_frame.text = footer
    for r in box.text_frame.paragraphs[0].runs:
        r.font.size = PptxPt(10)
        r.font.color.rgb = PptxRGB(0x59, 0x59, 0x59)


def _table_slide(prs, title: str, tbl: Table, footer: str) -> None:
    slide = prs.slides.add_slide(prs.slide_layouts[5])
    slide.shapes.title.text = title
    _style_title(slide.shapes.title)
    title_shape = slide.shapes.title
    title_shape.left, title_shape.top = Inches(0.6), Inches(0.35)
    title_shape.width, title_shape.height = SLIDE_W - Inches(1.2), Inches(1.0)
    rows = len(tbl.rows) + 1
    width = SLIDE_W - Inches(1.2)
    shape = slide.shapes.add_table(
        rows, len(tbl.header), Inches(0.6), Inches(1.5), width, Inches(0.4) * rows
    )
    grid = shape.table
    widths = tbl.widths or tuple(1 for _ in tbl.header)
    for col, w in zip(grid.columns, widths, strict=True):
        col.width = Emu(int(width * w / sum(widths)))
    for c, text in enumerate(tbl.header):
        grid.cell(0, c).text = text
    for r, row in enumerate(tbl.rows, start=1):
        for c, text in enumerate(row):
            grid.cell(r, c).text = text
    for r in range(rows):
        for c in range(len(tbl.header)):
            for p in grid.cell(r, c).text_frame.paragraphs:
                for run in p.runs:
                    run.font.size = PptxPt(13 if r else 14)
    _footer(slide, footer)


def report_to_pptx(report: Report) -> bytes:
    """Return ``report`` as a 16:9 deck: a title slide, then slides per section."""
    prs = Presentation()
    prs.slide_width, prs.slide_height = SLIDE_W, SLIDE_H
    cover = prs.slides.add_slide(prs.slide_layouts[0])
    cover.shapes.title.text = report.title
    cover.shapes.title.left, cover.shapes.title.width = Inches(0.8), SLIDE_W - Inches(1.6)
    cover.shapes.title.top, cover.shapes.title.height = Inches(1.3), Inches(2.4)
    _style_title(cover.shapes.title, 38)
    sub = cover.placeholders[1]
    sub.left, sub.width = Inches(0.8), SLIDE_W - Inches(1.6)
    sub.top, sub.height = Inches(4.0), Inches(2.6)
    tf = sub.text_frame
    tf.text = report.subtitle
    for label, value in report.facts:
        p = tf.add_paragraph()
        p.text = f"{label}: {value}"
    for i, p in enumerate(tf.paragraphs):
        for r in p.runs:
            r.font.size = PptxPt(20 if i == 0 else 14)
    for sec in report.sections:
        pending: list[tuple[int, str]] = []
        part = 0

        def flush(title: str = sec.title) -> None:
            nonlocal pending, part
            if pending:
                suffix = "" if part == 0 else " (cont.)"
                _text_slide(prs, title + suffix, pending, report.footer)
                pending = []
                part += 1

        for block in sec.blocks:
            if isinstance(block, Table):
                flush()
                for start in range(0, len(block.rows), MAX_TABLE_ROWS):
                    chunk = Table(
                        block.header, block.rows[start : start + MAX_TABLE_ROWS], block.widths
                    )
                    suffix = "" if part == 0 else " (cont.)"
                    _table_slide(prs, sec.title + suffix, chunk, report.footer)
                    part += 1
                continue
            lines = [(0, block)] if isinstance(block, str) else [(1, t) for t in block.items]
            for line in lines:
                used = sum(len(t) for _, t in pending)
                if pending and (
                    used + len(line[1]) > MAX_SLIDE_CHARS or len(pending) >= MAX_SLIDE_LINES
                ):
                    flush()
                pending.append(line)
        flush()
    props = prs.core_properties
    props.title = report.title
    props.author = report.author
    props.last_modified_by = report.author
    props.created = props.modified = props.last_printed = report.when
    props.revision = 4
    props.language = {"en": "en-US", "fr": "fr-FR", "ja": "ja-JP", "de": "de-DE"}[report.lang]
    buf = io.BytesIO()
    prs.save(buf)
    return normalize_ooxml(buf.getvalue(), report.when)


# -- pdf -----------------------------------------------------------------------------------------

_FONTS_READY: dict[str, str] = {}


def japanese_font() -> str:
    """Register and return the name of an embeddable Japanese TrueType font."""
    if "ja" not in _FONTS_READY:
        for path in JA_FONT_FILES:
            if Path(path).exists():
                pdfmetrics.registerFont(TTFont("IPAGothic", path))
                _FONTS_READY["ja"] = "IPAGothic"
                break
        else:
            raise SystemExit(
                "No Japanese TrueType font found; install Debian's fonts-ipafont-gothic "
                f"(looked for {', '.join(JA_FONT_FILES)})"
            )
    return _FONTS_READY["ja"]


def pdf_styles(lang: str) -> dict[str, ParagraphStyle]:
    base = getSampleStyleSheet()
    font, bold = "Helvetica", "Helvetica-Bold"
    extra = {}
    if lang == "ja":
        font = bold = japanese_font()
        extra = {"wordWrap": "CJK"}
    accent = colors.Color(*(c / 255 for c in ACCENT))
    return {
        "title": ParagraphStyle(
            "t",
            parent=base["Title"],
            fontName=bold,
            fontSize=20,
            leading=26,
            textColor=accent,
            alignment=TA_LEFT,
            **extra,
        ),
        "subtitle": ParagraphStyle(
            "s",
            parent=base["Normal"],
            fontName=bold,
            fontSize=12.5,
            leading=17,
            textColor=accent,
            spaceAfter=8,
            **extra,
        ),
        "h1": ParagraphStyle(
            "h1",
            parent=base["Heading2"],
            fontName=bold,
            fontSize=14,
            leading=19,
            textColor=accent,
            spaceBefore=12,
            spaceAfter=5,
            **extra,
        ),
        "body": ParagraphStyle(
            "b",
            parent=base["Normal"],
            fontName=font,
            fontSize=10,
            leading=14.5,
            spaceAfter=5,
            **extra,
        ),
        "cell": ParagraphStyle(
            "c", parent=base["Normal"], fontName=font, fontSize=8.8, leading=11.5, **extra
        ),
        "cellb": ParagraphStyle(
            "cb",
            parent=base["Normal"],
            fontName=bold,
            fontSize=8.8,
            leading=11.5,
            textColor=colors.white,
            **extra,
        ),
        "small": ParagraphStyle(
            "sm",
            parent=base["Normal"],
            fontName=font,
            fontSize=7.5,
            leading=9.5,
            textColor=colors.grey,
            **extra,
        ),
    }


def esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def pdf_table(tbl: Table, st: dict, width: float) -> RLTable:
    data = [[Paragraph(esc(h), st["cellb"]) for h in tbl.header]]
    data += [[Paragraph(esc(c), st["cell"]) for c in row] for row in tbl.rows]
    widths = tbl.widths or tuple(1 for _ in tbl.header)
    col_w = [width * w / sum(widths) for w in widths]
    t = RLTable(data, colWidths=col_w, repeatRows=1)
    t.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, 0), colors.Color(*(c / 255 for c in ACCENT))),
                ("GRID", (0, 0), (-1, -1), 0.4, colors.Color(0.7, 0.74, 0.8)),
                (
                    "ROWBACKGROUNDS",
                    (0, 1),
                    (-1, -1),
                    [colors.white, colors.Color(0.94, 0.96, 0.98)],
                ),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return t


def pdf_date_formatter(when: datetime):
    """A reportlab date formatter that always prints ``when`` (creation and modification)."""
    stamp = when.strftime("D:%Y%m%d%H%M%S+00'00'")
    return lambda *_: stamp


def pdf_meta(report_title: str, author: str, creator: str, subject: str) -> dict:
    """Document information for reportlab; ``invariant`` fixes the /ID (and, with
    :func:`pdf_date_formatter`, the dates) so the same input gives the same bytes."""
    return {
        "title": report_title,
        "author": author,
        "subject": subject,
        "creator": creator,
        "invariant": 1,
    }


def report_to_pdf(report: Report, slides: bool = False) -> bytes:
    """Return ``report`` as a PDF; ``slides`` lays it out one section per landscape page."""
    st = pdf_styles(report.lang)
    buf = io.BytesIO()
    pagesize = landscape(A4) if slides else A4
    doc = SimpleDocTemplate(
        buf,
        pagesize=pagesize,
        leftMargin=2 * cm,
        rightMargin=2 * cm,
        topMargin=2 * cm,
        bottomMargin=2 * cm,
        **pdf_meta(report.title, report.author, report.company, report.subtitle),
    )

    def decorate(canvas, doc_) -> None:
        canvas.setDateFormatter(pdf_date_formatter(report.when))
        canvas.saveState()
        canvas.setFont(st["small"].fontName, 7.5)
        canvas.setFillColor(colors.grey)
        canvas.drawString(2 * cm, pagesize[1] - 1.2 * cm, f"{report.company} | {report.subtitle}")
        canvas.drawRightString(pagesize[0] - 2 * cm, 1.2 * cm, f"{doc_.page}")
        if report.footer:
            canvas.drawString(2 * cm, 1.2 * cm, report.footer)
        canvas.restoreState()

    story = [
        Paragraph(esc(report.title), st["title"]),
        Paragraph(esc(report.subtitle), st["subtitle"]),
    ]
    facts = [
        [
            Paragraph(f"<b>{esc(k)}</b>" if report.lang != "ja" else esc(k), st["cell"]),
            Paragraph(esc(v), st["cell"]),
        ]
        for k, v in report.facts
    ]
    if facts:
        ft = RLTable(facts, colWidths=[5 * cm, doc.width - 5 * cm])
        ft.setStyle(
            TableStyle(
                [
                    ("GRID", (0, 0), (-1, -1), 0.4, colors.Color(0.7, 0.74, 0.8)),
                    ("BACKGROUND", (0, 0), (0, -1), colors.Color(0.93, 0.95, 0.98)),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ]
            )
        )
        story += [ft, Spacer(1, 8)]
    for i, sec in enumerate(report.sections):
        if slides and i:
            story.append(PageBreak())
        flow = [Paragraph(esc(sec.title), st["h1"])]
        for block in sec.blocks:
            if isinstance(block, str):
                flow.append(Paragraph(esc(block), st["body"]))
            elif isinstance(block, Bullets):
                flow.append(
                    ListFlowable(
                        [
                            ListItem(Paragraph(esc(t), st["body"]), leftIndent=12)
                            for t in block.items
                        ],
                        bulletType="bullet",
                        start="•",
                        leftIndent=12,
                        bulletFontName="Helvetica",
                    )
                )
            else:
                flow += [pdf_table(block, st, doc.width), Spacer(1, 6)]
        story.append(KeepTogether(flow[:2]))
        story.extend(flow[2:])
    doc.build(story, onFirstPage=decorate, onLaterPages=decorate)
    return buf.getvalue()
