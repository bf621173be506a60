"""Document specs: how each file of a bundle is made and what its read-back must show."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from . import legacy
from .invoices import invoice_to_docx, invoice_to_pdf, invoice_to_xlsx, money
from .model import Invoice, Report, all_text
from .msg import Email, build_msg
from .render import report_to_docx, report_to_pdf, report_to_pptx

Registry = dict[tuple[str, str], bytes]


@dataclass
class Doc:
    file: str
    kind: str  # "invoice" or "poe"
    make: Callable[[Registry], bytes]
    content: str  # the real format: pdf docx pptx xlsx xls msg doc ppt
    lang: str | None  # language the text must be detected as
    expect: tuple[str, ...]  # strings the read-back must contain
    prose: bool = False  # a report: needs 150+ words (or 300+ CJK characters)
    invoice: Invoice | None = None
    source: str | None = None  # "claim_id/file" when the bytes are another claim's file
    near_copy_of: str | None = None  # "claim_id/file" or "template" for a near duplicate
    attachments: int = 0  # for .msg: how many attachments extract-msg must find
    note: str = ""


def report_expect(report: Report) -> tuple[str, ...]:
    return (report.title, report.subtitle, *(s.title for s in report.sections))


def report_doc(file: str, report: Report, fmt: str, kind: str = "poe") -> Doc:
    makers = {
        "docx": lambda reg: report_to_docx(report),
        "pptx": lambda reg: report_to_pptx(report),
        "pdf": lambda reg: report_to_pdf(report),
        "doc": lambda reg: legacy.docx_to_doc(report_to_docx(report)),
        "ppt": lambda reg: legacy.pptx_to_ppt(report_to_pptx(report)),
        # a deck "saved as PDF" from PowerPoint: exported by LibreOffice from the .pptx
        "pptx-pdf": lambda reg: legacy.fix_pdf_dates(
            legacy.convert(report_to_pptx(report), "pptx", "pdf"),
            report.when.strftime("D:%Y%m%d%H%M%S"),
            file,
        ),
    }
    content = "pdf" if fmt == "pptx-pdf" else fmt
    return Doc(file, kind, makers[fmt], content, report.lang, report_expect(report), prose=True)


def invoice_expect(inv: Invoice) -> tuple[str, ...]:
    out = [inv.seller, inv.number, money(inv, inv.subtotal), inv.customer]
    if inv.claim_id:
        out.append(f"{'Claim ID :' if inv.lang == 'fr' else 'Claim ID:'} {inv.claim_id}")
    return tuple(out)


def invoice_doc(file: str, inv: Invoice, fmt: str) -> Doc:
    makers = {"pdf": invoice_to_pdf, "docx": invoice_to_docx, "xlsx": invoice_to_xlsx}
    expect = invoice_expect(inv)
    if fmt == "xlsx":  # amounts are numbers in cells, not text
        expect = tuple(e for e in expect if e != money(inv, inv.subtotal))
    return Doc(file, "invoice", lambda reg: makers[fmt](inv), fmt, inv.lang, expect, invoice=inv)


def copy_doc(file: str, original: Doc, claim_id: str, kind: str | None = None) -> Doc:
    """The exact bytes of ``original`` (a file of claim ``claim_id``)."""
    return Doc(
        file,
        kind or original.kind,
        lambda reg: reg[(claim_id, original.file)],
        original.content,
        original.lang,
        original.expect,
        original.prose,
        original.invoice,
        source=f"{claim_id}/{original.file}",
    )


def msg_doc(file: str, mail: Email, lang: str = "en") -> Doc:
    expect = (mail.subject, mail.sender_name, *(a.filename for a in mail.attachments))
    return Doc(
        file,
        "poe",
        lambda reg: build_msg(mail),
        "msg",
        lang,
        expect,
        attachments=len(mail.attachments),
    )


@dataclass
class Sheet:
    name: str
    rows: list[list]
    widths: list[int] = field(default_factory=list)


def sheets_text(sheets: list[Sheet]) -> str:
    return "\n".join(str(v) for s in sheets for row in s.rows for v in row)


def xls_doc(file: str, sheets: list[Sheet], expect: tuple[str, ...]) -> Doc:
    def make(reg: Registry) -> bytes:
        return legacy.sheets_to_xls(
            [(s.name, s.rows) for s in sheets], {s.name: s.widths for s in sheets}
        )

    return Doc(file, "poe", make, "xls", "en", expect)


def xlsx_doc(file: str, sheets: list[Sheet], author: str, expect: tuple[str, ...], when) -> Doc:
    def make(reg: Registry) -> bytes:
        import io

        from openpyxl import Workbook
        from openpyxl.styles import Alignment, Font, PatternFill

        from .render import normalize_ooxml

        wb = Workbook()
        wb.remove(wb.active)
        for s in sheets:
            ws = wb.create_sheet(s.name)
            for r, row in enumerate(s.rows, start=1):
                for c, value in enumerate(row, start=1):
                    cell = ws.cell(r, c, value)
                    cell.alignment = Alignment(wrap_text=True, vertical="top")
                    if r == 1 and len(s.rows) > 1:
                        cell.font = Font(bold=True, color="FFFFFF")
                        cell.fill = PatternFill("solid", fgColor="1F4E79")
            for i, w in enumerate(s.widths):
                ws.column_dimensions[chr(ord("A") + i)].width = w
            if len(s.rows) > 1:
                ws.freeze_panes = "A2"
                ws.auto_filter.ref = ws.dimensions
        wb.properties.creator = author
        wb.properties.lastModifiedBy = author
        wb.properties.created = when.replace(tzinfo=None)
        buf = io.BytesIO()
        wb.save(buf)
        return normalize_ooxml(buf.getvalue(), when)

    return Doc(file, "poe", make, "xlsx", "en", expect)


__all__ = [
    "Doc",
    "Sheet",
    "all_text",
    "copy_doc",
    "invoice_doc",
    "msg_doc",
    "report_doc",
    "sheets_text",
    "xls_doc",
    "xlsx_doc",
]
