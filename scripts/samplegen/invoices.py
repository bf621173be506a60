"""Partner invoices as .pdf (reportlab), .docx (python-docx, amounts inside a table) and
.xlsx (openpyxl, amounts as numbers in cells)."""

from __future__ import annotations

import io

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt, RGBColor
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import cm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, TableStyle
from reportlab.platypus import Table as RLTable

from .model import Invoice
from .render import ACCENT, esc, normalize_ooxml, pdf_date_formatter, pdf_meta, pdf_styles


def _group(value: float, sep: str, dec: str, decimals: int = 2) -> str:
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\0").replace(".", dec).replace("\0", sep)


# The ways partners write the same amount.
MONEY_FORMATS = {
    "usd_suffix": lambda v: f"${_group(v, ',', '.')} USD",  # $15,000.00 USD
    "usd_prefix": lambda v: f"USD {_group(v, ',', '.', 0 if v == int(v) else 2)}",  # USD 15,000
    "usd_prefix_cents": lambda v: f"USD {_group(v, ',', '.')}",  # USD 4,000.00
    "us_dollar": lambda v: f"US$ {_group(v, ',', '.')}",  # US$ 7,500.00
    "fr": lambda v: f"{_group(v, ' ', ',')} USD",  # 15 000,00 USD
    "de": lambda v: f"{_group(v, '.', ',')} USD",  # 12.000,00 USD
    "eur_fr": lambda v: f"{_group(v, ' ', ',')} EUR",  # 4 500,00 EUR
}

XLSX_NUMBER_FORMATS = {
    "usd_suffix": '"$"#,##0.00" USD"',
    "usd_prefix": '"USD "#,##0',
    "usd_prefix_cents": '"USD "#,##0.00',
    "us_dollar": '"US$ "#,##0.00',
}

LABELS = {
    "en": {
        "title": "INVOICE",
        "number": "Invoice number",
        "date": "Invoice date",
        "due": "Due date",
        "bill_to": "Bill to",
        "claim": "Claim ID",
        "engagement": "Engagement",
        "customer": "Customer",
        "po": "Reference",
        "desc": "Description",
        "qty": "Qty",
        "unit": "Unit price",
        "amount": "Amount",
        "subtotal": "Subtotal (pre-tax)",
        "total": "Total due",
        "terms": "Payment terms",
        "from": "From",
        "details": "Engagement details",
    },
    "fr": {
        "title": "FACTURE",
        "number": "Facture n°",
        "date": "Date de facture",
        "due": "Échéance",
        "bill_to": "Facturé à",
        "claim": "Claim ID",
        "engagement": "Engagement",
        "customer": "Client final",
        "po": "Référence",
        "desc": "Désignation",
        "qty": "Qté",
        "unit": "Prix unitaire HT",
        "amount": "Montant HT",
        "subtotal": "Total HT",
        "total": "Total TTC",
        "terms": "Conditions de paiement",
        "from": "Émetteur",
        "details": "Détails de l'engagement",
    },
    "ja": {
        "title": "請求書 / INVOICE",
        "number": "請求書番号 (Invoice No.)",
        "date": "請求日 (Date)",
        "due": "お支払期限 (Due date)",
        "bill_to": "請求先 (Bill to)",
        "claim": "Claim ID",
        "engagement": "エンゲージメント (Engagement)",
        "customer": "顧客名 (Customer)",
        "po": "参照 (Reference)",
        "desc": "品目 (Description)",
        "qty": "数量",
        "unit": "単価 (Unit price)",
        "amount": "金額 (Amount)",
        "subtotal": "小計 (Subtotal, pre-tax)",
        "total": "合計 (Total)",
        "terms": "お支払条件 (Payment terms)",
        "from": "発行者 (From)",
        "details": "案件情報 (Engagement details)",
    },
}


def money(inv: Invoice, value: float) -> str:
    return MONEY_FORMATS[inv.money](value)


def _claim_line(inv: Invoice, lab: dict) -> str | None:
    if inv.claim_id is None:
        return None
    colon = " :" if inv.lang == "fr" else ":"
    return f"{lab['claim']}{colon} {inv.claim_id}"


def _meta_rows(inv: Invoice, lab: dict) -> list[tuple[str, str]]:
    rows = [
        (lab["number"], inv.number),
        (lab["date"], inv.issued.strftime("%Y-%m-%d")),
        (lab["due"], inv.due),
    ]
    if inv.po_reference:
        rows.append((lab["po"], inv.po_reference))
    return rows


def _detail_lines(inv: Invoice, lab: dict) -> list[str]:
    lines = []
    claim = _claim_line(inv, lab)
    if claim:
        lines.append(claim)
    lines += [f"{lab['engagement']}: {inv.engagement}", f"{lab['customer']}: {inv.customer}"]
    return lines


def _totals(inv: Invoice, lab: dict) -> list[tuple[str, str]]:
    if inv.vat_rate:
        pct = f"{inv.vat_rate * 100:.0f} %" if inv.lang == "fr" else f"{inv.vat_rate * 100:.0f}%"
        return [
            (lab["subtotal"], money(inv, inv.subtotal)),
            (f"{inv.vat_label} {pct}", money(inv, inv.vat)),
            (lab["total"], money(inv, inv.total)),
        ]
    return [(lab["subtotal"], money(inv, inv.subtotal)), (lab["total"], money(inv, inv.total))]


def invoice_to_pdf(inv: Invoice) -> bytes:
    lab = LABELS[inv.lang]
    st = pdf_styles(inv.lang)
    buf = io.BytesIO()
    doc = SimpleDocTemplate(
        buf,
        pagesize=A4,
        leftMargin=2 * cm,
        rightMargin=2 * cm,
        topMargin=1.8 * cm,
        bottomMargin=2 * cm,
        **pdf_meta(f"Invoice {inv.number}", inv.seller, inv.seller, inv.engagement),
    )
    accent = colors.Color(*(c / 255 for c in ACCENT))
    grid = colors.Color(0.7, 0.74, 0.8)

    def p(text: str, style: str = "body") -> Paragraph:
        return Paragraph(esc(text), st[style])

    head = RLTable(
        [
            [
                [p(inv.seller, "subtitle")] + [p(x, "cell") for x in inv.seller_lines],
                [p(lab["title"], "title")]
                + [p(f"{k}: {v}", "cell") for k, v in _meta_rows(inv, lab)],
            ]
        ],
        colWidths=[doc.width * 0.55, doc.width * 0.45],
    )
    head.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    bill = RLTable(
        [
            [p(lab["bill_to"], "cellb"), p(lab["details"], "cellb")],
            [[p(x, "cell") for x in inv.bill_to], [p(x, "cell") for x in _detail_lines(inv, lab)]],
        ],
        colWidths=[doc.width / 2] * 2,
    )
    bill.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, 0), accent),
                ("BOX", (0, 0), (-1, -1), 0.4, grid),
                ("INNERGRID", (0, 0), (-1, -1), 0.4, grid),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    items = [
        [
            p(lab["desc"], "cellb"),
            p(lab["qty"], "cellb"),
            p(lab["unit"], "cellb"),
            p(lab["amount"], "cellb"),
        ]
    ]
    for line in inv.lines:
        items.append(
            [
                p(line.description, "cell"),
                p(line.quantity, "cell"),
                p(money(inv, line.unit_price), "cell"),
                p(money(inv, line.amount), "cell"),
            ]
        )
    for label, value in _totals(inv, lab):
        items.append(["", "", p(label, "cell"), p(value, "cell")])
    n_lines = len(inv.lines)
    t = RLTable(items, colWidths=[doc.width * w for w in (0.50, 0.10, 0.20, 0.20)])
    t.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, 0), accent),
                ("GRID", (0, 0), (-1, n_lines), 0.4, grid),
                ("LINEABOVE", (2, n_lines + 1), (-1, n_lines + 1), 0.8, accent),
                ("LINEABOVE", (2, -1), (-1, -1), 0.8, accent),
                ("BACKGROUND", (2, -1), (-1, -1), colors.Color(0.93, 0.95, 0.98)),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    story = [head, Spacer(1, 14), bill, Spacer(1, 14), t, Spacer(1, 10), p(inv.currency_note)]
    if inv.payment_terms:
        story += [Spacer(1, 8), p(lab["terms"], "h1")] + [p(x) for x in inv.payment_terms]
    story += [p(x) for x in inv.extra_notes]

    def decorate(canvas, _doc) -> None:
        canvas.setDateFormatter(pdf_date_formatter(inv.issued))

    doc.build(story, onFirstPage=decorate, onLaterPages=decorate)
    return buf.getvalue()


def invoice_to_docx(inv: Invoice) -> bytes:
    lab = LABELS[inv.lang]
    doc = Document()
    doc.styles["Normal"].font.name = "Calibri"
    doc.styles["Normal"].font.size = Pt(10)
    for s in doc.sections:
        s.left_margin = s.right_margin = Cm(2)
    name = doc.add_paragraph()
    run = name.add_run(inv.seller)
    run.bold = True
    run.font.size = Pt(16)
    run.font.color.rgb = RGBColor(*ACCENT)
    for line in inv.seller_lines:
        doc.add_paragraph(line).paragraph_format.space_after = Pt(0)
    title = doc.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    trun = title.add_run(lab["title"])
    trun.bold = True
    trun.font.size = Pt(22)
    meta = doc.add_table(rows=0, cols=2)
    meta.style = "Table Grid"
    for k, v in _meta_rows(inv, lab):
        cells = meta.add_row().cells
        cells[0].text, cells[1].text = k, v
    doc.add_paragraph()
    parties = doc.add_table(rows=2, cols=2)
    parties.style = "Light Grid Accent 1"
    parties.cell(0, 0).text = lab["bill_to"]
    parties.cell(0, 1).text = lab["details"]
    parties.cell(1, 0).text = "\n".join(inv.bill_to)
    parties.cell(1, 1).text = "\n".join(_detail_lines(inv, lab))
    doc.add_paragraph()
    items = doc.add_table(rows=1, cols=4)
    items.style = "Light Grid Accent 1"
    for cell, text in zip(
        items.rows[0].cells, (lab["desc"], lab["qty"], lab["unit"], lab["amount"]), strict=True
    ):
        cell.text = text
    for line in inv.lines:
        cells = items.add_row().cells
        cells[0].text = line.description
        cells[1].text = line.quantity
        cells[2].text = money(inv, line.unit_price)
        cells[3].text = money(inv, line.amount)
    for label, value in _totals(inv, lab):
        cells = items.add_row().cells
        cells[2].text = label
        cells[3].text = value
        for c in (2, 3):
            cells[c].paragraphs[0].runs[0].bold = True
    for row in items.rows:
        for cell, width in zip(row.cells, (8.5, 1.5, 3.5, 3.5), strict=True):
            cell.width = Cm(width)
    doc.add_paragraph()
    doc.add_paragraph(inv.currency_note)
    if inv.payment_terms:
        doc.add_heading(lab["terms"], level=2)
        for line in inv.payment_terms:
            doc.add_paragraph(line)
    for line in inv.extra_notes:
        doc.add_paragraph(line)
    props = doc.core_properties
    props.title = f"Invoice {inv.number}"
    props.author = inv.seller
    props.last_modified_by = inv.seller
    props.created = props.modified = props.last_printed = inv.issued
    props.revision = 2
    buf = io.BytesIO()
    doc.save(buf)
    return normalize_ooxml(buf.getvalue(), inv.issued)


def invoice_to_xlsx(inv: Invoice) -> bytes:
    lab = LABELS[inv.lang]
    wb = Workbook()
    ws = wb.active
    ws.title = "Invoice"
    numfmt = XLSX_NUMBER_FORMATS[inv.money]
    bold = Font(bold=True)
    head_fill = PatternFill("solid", fgColor="{:02X}{:02X}{:02X}".format(*ACCENT))
    thin = Side(style="thin", color="A6B0C3")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    ws.column_dimensions["A"].width = 58
    for col in "BCD":
        ws.column_dimensions[col].width = 18
    ws["A1"] = inv.seller
    ws["A1"].font = Font(bold=True, size=16, color="1F4E79")
    row = 2
    for line in inv.seller_lines:
        ws.cell(row, 1, line)
        row += 1
    ws["D1"] = lab["title"]
    ws["D1"].font = Font(bold=True, size=18)
    ws["D1"].alignment = Alignment(horizontal="right")
    r = 2
    for k, v in _meta_rows(inv, lab):
        ws.cell(r, 3, k).font = bold
        ws.cell(r, 4, v)
        r += 1
    row = max(row, r) + 1
    ws.cell(row, 1, lab["bill_to"]).font = bold
    ws.cell(row, 3, lab["details"]).font = bold
    for i, line in enumerate(inv.bill_to):
        ws.cell(row + 1 + i, 1, line)
    for i, line in enumerate(_detail_lines(inv, lab)):
        ws.cell(row + 1 + i, 3, line)
    row += max(len(inv.bill_to), 3) + 2
    for col, text in enumerate((lab["desc"], lab["qty"], lab["unit"], lab["amount"]), start=1):
        c = ws.cell(row, col, text)
        c.font = Font(bold=True, color="FFFFFF")
        c.fill = head_fill
        c.border = box
    for line in inv.lines:
        row += 1
        ws.cell(row, 1, line.description).alignment = Alignment(wrap_text=True)
        ws.cell(
            row,
            2,
            float(line.quantity) if line.quantity.replace(".", "").isdigit() else line.quantity,
        )
        ws.cell(row, 3, line.unit_price).number_format = numfmt
        ws.cell(row, 4, line.amount).number_format = numfmt
        for col in range(1, 5):
            ws.cell(row, col).border = box
    row += 1
    ws.cell(row, 3, lab["subtotal"]).font = bold
    ws.cell(row, 4, inv.subtotal).number_format = numfmt
    row += 1
    ws.cell(row, 3, f"{lab['total']} (USD)").font = bold
    total = ws.cell(row, 4, inv.total)
    total.number_format = numfmt
    total.font = bold
    row += 2
    ws.cell(row, 1, inv.currency_note)
    if inv.payment_terms:
        row += 2
        ws.cell(row, 1, lab["terms"]).font = bold
        for line in inv.payment_terms:
            row += 1
            ws.cell(row, 1, line)
    for line in inv.extra_notes:
        row += 1
        ws.cell(row, 1, line)
    ws.print_area = f"A1:D{row}"
    wb.properties.title = f"Invoice {inv.number}"
    wb.properties.creator = inv.seller
    wb.properties.lastModifiedBy = inv.seller
    wb.properties.created = inv.issued.replace(tzinfo=None)
    buf = io.BytesIO()
    wb.save(buf)
    return normalize_ooxml(buf.getvalue(), inv.issued)
