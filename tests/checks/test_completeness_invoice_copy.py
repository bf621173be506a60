"""completeness: the invoice again in the POE section, in another format, is no POE report."""

from __future__ import annotations

from checks.completeness import Completeness
from tests.checks.test_invoice_parsing import pdf_document
from workbench.check_api import Status
from workbench.engine.sandbox import run_check_here
from workbench.testing import ClaimBuilder, invoice_docx

LINES = ["INVOICE INV-2026-001", "Claim ID: 3000001", "FridayINC Inc.", "Bill to: Contoso Ltd"]


def test_the_invoices_pdf_as_the_only_poe_is_missing_the_poe(tmp_path):
    claims = ClaimBuilder(tmp_path)
    as_pdf = pdf_document(
        "invoice.pdf",
        [*LINES, "Description Amount", "Enable Frontline Workshop $5,000.00 USD"],
        kind="poe",
    )
    claim = claims.view(documents=[invoice_docx(LINES), as_pdf])
    (result,) = run_check_here(Completeness(), claim, claims.context())
    assert Status(result["status"]) == Status.FAIL
    assert "invoice.pdf is the invoice uploaded again" in result["message"]
