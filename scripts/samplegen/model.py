"""The content model shared by every writer: a report is sections of paragraphs, bullets and
tables, so one piece of content can be written as .docx, .pptx or .pdf."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class Bullets:
    items: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...] | None = None  # relative column widths


Block = str | Bullets | Table


@dataclass(frozen=True)
class Section:
    title: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class Report:
    """A partner deliverable: title page facts, then the sections in order."""

    title: str
    subtitle: str
    facts: tuple[tuple[str, str], ...]  # label/value pairs under the title
    sections: tuple[Section, ...]
    author: str
    company: str
    when: datetime
    lang: str = "en"  # en, fr, ja, de
    footer: str = ""

    def words(self) -> list[str]:
        return all_text(self).split()


def bullets(*items: str) -> Bullets:
    return Bullets(tuple(items))


def table(header: list[str] | tuple[str, ...], rows, widths=None) -> Table:
    return Table(tuple(header), tuple(tuple(r) for r in rows), tuple(widths) if widths else None)


def section(title: str, *blocks: Block) -> Section:
    return Section(title, tuple(blocks))


def all_text(report: Report) -> str:
    parts = [report.title, report.subtitle, report.footer]
    parts += [f"{k} {v}" for k, v in report.facts]
    for sec in report.sections:
        parts.append(sec.title)
        for block in sec.blocks:
            if isinstance(block, str):
                parts.append(block)
            elif isinstance(block, Bullets):
                parts.extend(block.items)
            else:
                parts.extend(block.header)
                parts.extend(cell for row in block.rows for cell in row)
    return "\n".join(p for p in parts if p)


def replace_text(obj, old: str, new: str):
    """Return a copy of a model object with every ``old`` in its strings replaced by ``new``."""
    if isinstance(obj, str):
        return obj.replace(old, new)
    if isinstance(obj, tuple):
        return tuple(replace_text(x, old, new) for x in obj)
    if dataclasses.is_dataclass(obj):
        changes = {
            f.name: replace_text(getattr(obj, f.name), old, new) for f in dataclasses.fields(obj)
        }
        return dataclasses.replace(obj, **changes)
    return obj


@dataclass(frozen=True)
class InvoiceLine:
    description: str
    quantity: str
    unit_price: float
    amount: float


@dataclass(frozen=True)
class Invoice:
    """A partner's invoice to the incentive programme for one claim."""

    number: str
    issued: datetime
    due: str
    seller: str  # legal name as printed
    seller_lines: tuple[str, ...]
    bill_to: tuple[str, ...]
    claim_id: str | None
    engagement: str
    customer: str
    lines: tuple[InvoiceLine, ...]
    money: str  # key of samplegen.invoices.MONEY_FORMATS
    currency_note: str = "All amounts in US dollars (USD)."
    vat_rate: float | None = None  # e.g. 0.20 shows a subtotal, VAT and a total
    vat_label: str = "VAT"
    lang: str = "en"
    payment_terms: tuple[str, ...] = ()
    po_reference: str | None = None
    extra_notes: tuple[str, ...] = field(default=())

    @property
    def subtotal(self) -> float:
        return sum(line.amount for line in self.lines)

    @property
    def vat(self) -> float:
        return round(self.subtotal * (self.vat_rate or 0), 2)

    @property
    def total(self) -> float:
        return self.subtotal + self.vat
