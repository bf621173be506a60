"""Build claim bundles with real documents in a few lines, for tests and check authors.

    folder = write_bundle(tmp_path / "b1", claim_id="3000001", documents=[
        docx_document("findings.docx", ["Executive Summary", "Contoso workshop ..."]),
        xlsx_document("invoice.xlsx", [["Claim ID", "3000001"], ["Total", "$5,000.00 USD"]],
                      kind="invoice"),
    ])

Every document is made by the real library for its format, so a bundle built
here goes through the same sniffing and reading as a partner's upload.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

DEFAULT_CLAIM: dict[str, Any] = {
    "claim_id": "3000001",
    "claim_name": "Contoso - Enable Frontline",
    "engagement_id": "enable-frontline-workshop",
    "status": "Submitted",
    "created_at": "2026-09-01",
    "consent_date": "2026-09-10",
    "submitted_at": "2026-10-20T10:37:00Z",
    "partner": {
        "partner_id": "5272302",
        "name": "FridayINC",
        "location": "FridayINC, US, Las Vegas",
        "country": "US",
        "contact_name": "Priya Kaur",
        "contact_email": "pkaur@fridayinc.com",
    },
    "customer": {
        "name": "Contoso Ltd",
        "id_type": "domain",
        "id": "contoso.com",
        "country": "US",
        "public_sector": False,
        "contact_name": "Susie Jones",
        "contact_email": "susie@contoso.com",
        "contact_title": "IT Systems Administrator",
        "domain_mismatch_reason": None,
    },
    "deal_size_usd": 5000,
    "requested_hours": None,
    "proposed_payout_usd": None,
    "documents": [],
    "surveys": {
        "customer": {
            "status": "completed",
            "completed_at": "2026-10-19T09:00:00Z",
            "responses": [{"question": "How useful was the workshop?", "answer": "Very"}],
            "signature": "Susie Jones, Contoso Ltd, IT Systems Administrator",
        },
        "partner": {
            "status": "completed",
            "completed_at": "2026-10-19T11:00:00Z",
            "responses": [],
            "signature": "Priya Kaur, FridayINC, Delivery Lead",
        },
    },
    "comments": [],
}


@dataclass(frozen=True)
class DocumentSpec:
    """A document to write into a bundle: its name, section, and how to make it."""

    file_name: str
    kind: str
    write: Callable[[Path], None]


def docx_document(
    file_name: str, paragraphs: Sequence[str], *, kind: str = "poe",
    table: Sequence[Sequence[str]] | None = None,
) -> DocumentSpec:  # fmt: skip
    def write(path: Path) -> None:
        import docx

        document = docx.Document()
        for text in paragraphs:
            document.add_paragraph(text)
        if table:
            grid = document.add_table(rows=len(table), cols=len(table[0]))
            for r, row in enumerate(table):
                for c, value in enumerate(row):
                    grid.cell(r, c).text = value
        document.save(path)

    return DocumentSpec(file_name, kind, write)


def pptx_document(
    file_name: str, slides: Sequence[tuple[str, str]], *, kind: str = "poe"
) -> DocumentSpec:
    def write(path: Path) -> None:
        import pptx

        deck = pptx.Presentation()
        layout = deck.slide_layouts[1]
        for title, body in slides:
            slide = deck.slides.add_slide(layout)
            slide.shapes.title.text = title
            slide.placeholders[1].text = body
        deck.save(path)

    return DocumentSpec(file_name, kind, write)


def xlsx_document(
    file_name: str, rows: Sequence[Sequence[Any]], *, kind: str = "poe"
) -> DocumentSpec:
    def write(path: Path) -> None:
        import openpyxl

        workbook = openpyxl.Workbook()
        sheet = workbook.active
        for row in rows:
            sheet.append(list(row))
        workbook.save(path)

    return DocumentSpec(file_name, kind, write)


def raw_document(file_name: str, data: bytes, *, kind: str = "poe") -> DocumentSpec:
    """A document with exactly these bytes (for malformed or mislabeled files)."""
    return DocumentSpec(file_name, kind, lambda path: path.write_bytes(data))


def default_documents(claim_id: str = "3000001") -> list[DocumentSpec]:
    return [
        docx_document(
            "invoice.docx",
            ["INVOICE INV-2026-001", f"Claim ID: {claim_id}", "FridayINC Inc.", "Bill to: Contoso Ltd"],
            table=[["Description", "Amount"], ["Enable Frontline Workshop", "$5,000.00 USD"]],
            kind="invoice",
        ),
        pptx_document(
            "workshop-report.pptx",
            [
                ("Executive Summary", "Contoso Ltd frontline workshop delivered by FridayINC."),
                ("Frontline Scenarios", "Shift scheduling, task management and Teams walkie-talkie."),
                ("Envisioning Session", "Held on 2026-10-02 with the store operations team."),
                ("Next Steps", "Pilot Teams Shifts in three stores by December."),
            ],
        ),
    ]


def write_bundle(
    folder: Path,
    *,
    documents: Sequence[DocumentSpec] | None = None,
    **fields: Any,
) -> Path:
    """Write a bundle folder: claim.json from DEFAULT_CLAIM with ``fields`` merged in.

    Nested dicts (``partner``, ``customer``, ``surveys``) are merged key by key,
    so ``customer={"public_sector": True}`` changes just that key.
    """
    claim = copy.deepcopy(DEFAULT_CLAIM)
    for key, value in fields.items():
        if isinstance(value, dict) and isinstance(claim.get(key), dict):
            claim[key] = {**claim[key], **value}
        else:
            claim[key] = value
    specs = list(documents) if documents is not None else default_documents(claim["claim_id"])
    folder.mkdir(parents=True, exist_ok=True)
    for spec in specs:
        spec.write(folder / spec.file_name)
    claim["documents"] = [{"file": s.file_name, "kind": s.kind} for s in specs]
    (folder / "claim.json").write_text(json.dumps(claim, indent=2), encoding="utf-8")
    return folder
