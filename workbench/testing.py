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
from datetime import UTC, datetime
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
    "submitted_by": {"name": "Omar Haddad", "email": "ohaddad@fridayinc.com"},
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


def _rendered_once(render: Callable[[Path], None]) -> Callable[[Path], None]:
    """``render``, run on the first write only; later writes copy its bytes.

    Office files carry the time they were saved in their zip entries, to two
    seconds: a spec rendered again for a second bundle would be the same file
    or another one depending on the clock. One spec is one file.
    """
    rendered: list[bytes] = []

    def write(path: Path) -> None:
        if rendered:
            path.write_bytes(rendered[0])
            return
        render(path)
        rendered.append(path.read_bytes())

    return write


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

    return DocumentSpec(file_name, kind, _rendered_once(write))


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

    return DocumentSpec(file_name, kind, _rendered_once(write))


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

    return DocumentSpec(file_name, kind, _rendered_once(write))


def raw_document(file_name: str, data: bytes, *, kind: str = "poe") -> DocumentSpec:
    """A document with exactly these bytes (for malformed or mislabeled files)."""
    return DocumentSpec(file_name, kind, lambda path: path.write_bytes(data))


def invoice_docx(
    lines: Sequence[str], *, amount: str = "$5,000.00 USD", file_name: str = "invoice.docx"
) -> DocumentSpec:
    """An invoice as partners write them: header lines, then a table with the amount."""
    return docx_document(
        file_name,
        list(lines),
        table=[["Description", "Amount"], ["Enable Frontline Workshop", amount]],
        kind="invoice",
    )


def default_documents(claim_id: str = "3000001") -> list[DocumentSpec]:
    return [
        invoice_docx(
            [
                "INVOICE INV-2026-001",
                f"Claim ID: {claim_id}",
                "FridayINC Inc.",
                "Bill to: Contoso Ltd",
            ]
        ),
        pptx_document(
            "workshop-report.pptx",
            [
                ("Executive Summary", "Contoso Ltd frontline workshop delivered by FridayINC."),
                (
                    "Frontline Scenarios",
                    "Shift scheduling, task management and Teams walkie-talkie.",
                ),
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


class ClaimBuilder:
    """Build the :class:`~workbench.check_api.ClaimView` a check sees, without a database.

    Documents are written by the real libraries, validated as a bundle, and
    read by the real extraction code, so a check tested with this behaves as it
    will on a partner's upload::

        def test_flags_eur(tmp_path):
            claims = ClaimBuilder(tmp_path)
            claim = claims.view(documents=[docx_document("inv.docx", ["EUR 5.000,00"], kind="invoice")])
            assert InvoiceAmount().run(claim, claims.context()).status == "fail"
    """

    def __init__(self, folder: Path, catalog_path: Path | None = None) -> None:
        from workbench.domain.catalog import default_catalog_path, read_catalog

        self.folder = Path(folder)
        self._catalog = {e["id"]: e for e in read_catalog(catalog_path or default_catalog_path())}
        self._count = 0

    def context(self, **settings: Any):
        from workbench.check_api import CheckContext
        from workbench.models.base import utcnow

        return CheckContext(now=utcnow(), settings=settings)

    def view(
        self,
        *,
        documents: Sequence[DocumentSpec] | None = None,
        matches: dict[str, Sequence[Any]] | None = None,
        status: str = "Submitted",
        **fields: Any,
    ):
        """Return a claim view; ``matches`` maps a file name to DocumentMatch objects."""
        from decimal import Decimal

        from workbench import check_api as api
        from workbench.domain.bundle import read_bundle
        from workbench.domain.markets import market_for_country
        from workbench.extract import extract_file

        self._count += 1
        folder = write_bundle(self.folder / f"claim-{self._count}", documents=documents, **fields)
        bundle = read_bundle(folder, max_document_bytes=50 * 1024 * 1024)
        entry = self._catalog[bundle.engagement_id]

        def money(rates):
            return None if rates is None else {k: Decimal(v) for k, v in rates.items()}

        submitted = bundle.submitted_at or datetime.now(UTC)
        return api.ClaimView(
            claim_id=bundle.claim_id,
            claim_name=bundle.claim_name,
            status=status,
            is_dispute=bundle.is_dispute,
            created_on=bundle.created_on,
            consent_date=bundle.consent_date,
            first_submitted_at=submitted,
            submitted_at=submitted,
            partner=api.PartnerView(
                partner_id=bundle.partner["partner_id"],
                name=bundle.partner["name"],
                location=bundle.partner["location"],
                country=bundle.partner["country"],
                market=market_for_country(bundle.partner["country"]).value,
                contact_name=bundle.partner["contact_name"],
                contact_email=bundle.partner["contact_email"],
            ),
            customer=api.CustomerView(
                name=bundle.customer["name"],
                id_type=bundle.customer["id_type"].value,
                id=bundle.customer["id"],
                country=bundle.customer["country"],
                public_sector=bundle.customer["public_sector"],
                contact_name=bundle.customer["contact_name"],
                contact_email=bundle.customer["contact_email"],
                contact_title=bundle.customer["contact_title"],
                domain_mismatch_reason=bundle.customer["domain_mismatch_reason"],
            ),
            engagement=api.EngagementView(
                id=entry["id"],
                name=entry["name"],
                solution_area=entry["solution_area"],
                payout_type=entry["payout_type"],
                activity_type=entry["activity_type"],
                rates_usd=money(entry["rates_usd"]),
                hourly_rates_usd=money(entry["hourly_rates_usd"]),
                customer_survey_required=entry["customer_survey_required"],
                required_sections=tuple(entry["poe_template"]["required_sections"]),
            ),
            deal_size_usd=bundle.deal_size_usd,
            requested_hours=bundle.requested_hours,
            proposed_payout_usd=bundle.proposed_payout_usd,
            documents=tuple(
                api.DocumentView(
                    file_name=doc.file_name,
                    kind=doc.kind.value,
                    sha256=doc.sha256,
                    size=doc.size,
                    content_type=doc.sniffed.kind,
                    version=1,
                    extraction=extract_file(doc.path),
                    matches=tuple((matches or {}).get(doc.file_name, ())),
                )
                for doc in bundle.documents
            ),
            surveys=tuple(
                api.SurveyView(
                    role=s.role.value,
                    status=s.status.value,
                    completed_at=s.completed_at,
                    responses=tuple(s.responses),
                    signature=s.signature,
                )
                for s in bundle.surveys
            ),
        )
