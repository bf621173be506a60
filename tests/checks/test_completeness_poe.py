"""completeness: the POE section must hold a POE report, not only the PSD or the invoice again."""

from __future__ import annotations

import pytest

from checks.completeness import Completeness
from workbench.check_api import Status
from workbench.engine.sandbox import run_check_here
from workbench.testing import ClaimBuilder, docx_document, invoice_docx, pptx_document

PUBLIC_US = {"public_sector": True, "name": "City of Riverton", "country": "US"}
INVOICE = invoice_docx(["INVOICE INV-2026-001", "Claim ID: 3000001", "FridayINC Inc."])
REPORT = pptx_document(
    "workshop-report.pptx",
    [
        ("Executive Summary", "The City of Riverton public works department held the workshop."),
        ("Next Steps", "Pilot Teams Shifts with two water crews in November."),
    ],
)
PSD = [
    "Public Sector Disclosure",
    "FridayINC discloses to the City of Riverton, a government entity, that Microsoft will pay "
    "FridayINC an incentive for delivering the Enable Frontline Workshop.",
    "Signed: Susie Jones, IT Director",
]
LONG_REPORT = [
    "Riverton Enable Frontline Workshop Report",
    *[
        f"Section {n}: the public works crews reviewed work orders, fleet checks and water "
        "distribution tasks with the workshop team, and agreed which of them move to Teams "
        "first, who owns each step, and how supervisors will follow the results each week."
        for n in range(1, 30)
    ],
]


@pytest.fixture
def claims(tmp_path):
    return ClaimBuilder(tmp_path)


def run(claims, claim):
    results = run_check_here(Completeness(), claim, claims.context())
    assert len(results) == 1
    return Status(results[0]["status"]), results[0]["message"]


def test_only_the_disclosure_in_the_poe_section_is_missing_the_poe(claims):
    claim = claims.view(customer=PUBLIC_US, documents=[INVOICE, docx_document("PSD.docx", PSD)])
    status, message = run(claims, claim)
    assert status == Status.FAIL
    assert message.startswith("Missing: POE documents (the POE section holds no POE report:")
    assert "PSD.docx is the Public Sector Disclosure" in message


def test_invoice_uploaded_again_as_the_only_poe_is_missing_the_poe(claims):
    again = INVOICE.__class__(INVOICE.file_name, "poe", INVOICE.write)
    claim = claims.view(documents=[INVOICE, again])
    assert claim.poe_documents[0].sha256 == claim.invoices[0].sha256
    status, message = run(claims, claim)
    assert status == Status.FAIL
    assert "invoice.docx is the invoice uploaded again" in message


def test_report_and_disclosure_pass_and_count_the_report(claims):
    claim = claims.view(
        customer=PUBLIC_US, documents=[INVOICE, REPORT, docx_document("PSD.docx", PSD)]
    )
    status, message = run(claims, claim)
    assert status == Status.PASS
    assert message.startswith("Invoice, 1 POE document(s)")


@pytest.mark.parametrize(
    "report",
    [
        docx_document("report.docx", [*LONG_REPORT, *PSD]),
        pptx_document(
            "report.pptx",
            [
                ("Executive Summary", "Frontline workshop delivered by FridayINC for the crews."),
                ("Findings", "Paper checklists slow the shift handover at both depots."),
                ("Next Steps", "Pilot Teams Shifts in three depots by December."),
                ("Public Sector Disclosure", PSD[1]),
            ],
        ),
    ],
    ids=["long-report-with-appendix", "short-deck-with-psd-slide"],
)
def test_report_that_carries_the_disclosure_is_a_report(claims, report):
    claim = claims.view(customer=PUBLIC_US, documents=[INVOICE, report])
    status, _ = run(claims, claim)
    assert status == Status.PASS


FINDINGS = [
    (
        "Executive Summary",
        "Frontline workshop delivered by FridayINC for the public works crews on 6 October, "
        "with the operations, HR and IT leads of the City.",
    ),
    (
        "Frontline Scenarios",
        "Shift scheduling for 40 crews, task management for depot inspections, and Teams "
        "walkie-talkie for the road crews.",
    ),
    ("Next Steps", "Pilot Teams Shifts in three depots by December, owner the operations manager."),
]


def test_deck_that_opens_with_the_disclosure_slide_and_goes_on_with_findings_is_a_report(claims):
    deck = pptx_document("poe.pptx", [("Public Sector Disclosure", PSD[1]), *FINDINGS])
    claim = claims.view(customer=PUBLIC_US, documents=[INVOICE, deck])
    status, message = run(claims, claim)
    assert status == Status.PASS
    assert message.startswith("Invoice, 1 POE document(s)")


def test_disclosure_with_a_signature_slide_is_still_only_the_disclosure(claims):
    form = pptx_document(
        "PSD.pptx",
        [
            ("Public Sector Disclosure", PSD[1]),
            ("Customer acknowledgement", "Name: Susie Jones   Title: IT Director   Date: 10/14"),
            ("Terms", "This disclosure is made under the partner's agreement with Microsoft."),
        ],
    )
    claim = claims.view(customer=PUBLIC_US, documents=[INVOICE, form])
    status, message = run(claims, claim)
    assert status == Status.FAIL
    assert "PSD.pptx is the Public Sector Disclosure" in message


def test_short_report_headed_with_a_disclosure_that_is_elsewhere_is_a_report(claims):
    report = docx_document(
        "report.docx",
        [
            "Public Sector Disclosure: see attached.",
            "Workshop delivered to 14 depot supervisors on 2 October.",
        ],
    )
    status, message = run(claims, claims.view(customer=PUBLIC_US, documents=[INVOICE, report]))
    assert status == Status.PASS, message


def test_a_word_report_that_opens_with_the_disclosure_is_the_report(claims):
    report = docx_document(
        "Riverton-POE.docx",
        [*PSD,
         "Executive Summary", "FridayINC delivered the workshop to the public works department.",
         "Frontline Scenarios", "Shift scheduling for 40 crews and depot inspection checklists.",
         "Envisioning Session", "The supervisors ranked the scenarios.",
         "Next Steps", "Pilot Teams Shifts in three depots by December."],
    )  # fmt: skip
    status, message = run(claims, claims.view(customer=PUBLIC_US, documents=[INVOICE, report]))
    assert status == Status.PASS, message


def test_a_word_disclosure_with_terms_after_its_statement_is_still_the_disclosure(claims):
    disclosure = docx_document(
        "PSD.docx",
        [*PSD,
         "The City confirms that accepting the engagement does not conflict with its "
         "procurement or ethics rules, and that it bears no cost for the workshop.",
         "Next steps: the City files this disclosure with its procurement office."],
    )  # fmt: skip
    status, message = run(claims, claims.view(customer=PUBLIC_US, documents=[INVOICE, disclosure]))
    assert status == Status.FAIL
    assert "PSD.docx is the Public Sector Disclosure" in message
