"""invoice-unique: the same invoice is not used on another claim."""

from __future__ import annotations

import pytest

from checks.invoice_unique import InvoiceUnique
from tests.checks.test_invoice_parsing import pdf_document, sample_claims
from workbench.check_api import DocumentMatch, Status, overall_status
from workbench.testing import ClaimBuilder, docx_document, raw_document, xlsx_document

REPORT = docx_document("report.docx", ["Workshop report for Contoso Ltd"])


@pytest.fixture
def claims(tmp_path):
    return ClaimBuilder(tmp_path)


def invoice(*lines, name="invoice.pdf"):
    return pdf_document(
        name, ["FridayINC Inc.", *lines, "Claim ID: 3000001", "Total $5,000.00 USD"]
    )


def run(claims, document, matches=(), **settings):
    claim = claims.view(documents=[document, REPORT], matches={document.file_name: list(matches)})
    results = InvoiceUnique().run(claim, claims.context(**settings))
    return overall_status(r.status for r in results), results


def test_invoice_used_only_here_passes_with_its_number(claims):
    status, (result,) = run(claims, invoice("Invoice No.: INV-2026-001"))
    assert status == Status.PASS
    assert result.message == "Invoice INV-2026-001 (invoice.pdf) is not used on any other claim."
    assert result.evidence[0].location == "page 1" and "INV-2026-001" in result.evidence[0].excerpt


def test_same_file_on_another_claim_fails_naming_it(claims):
    match = DocumentMatch("3000042", "INV-2026-001.pdf", "invoice", 1.0, True)
    status, (result,) = run(claims, invoice("Invoice No.: INV-2026-001"), [match])
    assert status == Status.FAIL
    assert result.message == (
        "Invoice INV-2026-001 (invoice.pdf) was also uploaded on claim 3000042 "
        "(INV-2026-001.pdf, the very same file)."
    )
    other = result.evidence[-1]
    assert (other.document, other.location, other.excerpt) == (
        "INV-2026-001.pdf",
        "claim 3000042",
        "identical file",
    )


def test_same_invoice_with_small_edits_fails(claims):
    match = DocumentMatch("3000042", "old-invoice.pdf", "invoice", 0.96, False)
    status, (result,) = run(claims, invoice("Facture n° F-2026-118"), [match])
    assert status == Status.FAIL
    assert (
        "Invoice F-2026-118" in result.message
        and "claim 3000042 (old-invoice.pdf, 96% the same text)" in result.message
    )


def test_another_invoice_from_the_same_template_passes(claims):
    match = DocumentMatch("3000042", "INV-2026-007.pdf", "invoice", 0.81, False)
    status, _results = run(claims, invoice("Invoice No.: INV-2026-001"), [match])
    assert status == Status.PASS


def test_threshold_is_a_setting(claims):
    match = DocumentMatch("3000042", "INV-2026-007.pdf", "invoice", 0.81, False)
    status, _results = run(
        claims, invoice("Invoice No.: INV-2026-001"), [match], invoice_unique_similarity=0.8
    )
    assert status == Status.FAIL


@pytest.mark.parametrize(
    "match",
    [DocumentMatch("3000042", "report.pdf", "poe", 1.0, True),
     DocumentMatch(None, "example.pdf", "template", 1.0, True, "template")],
)  # fmt: skip
def test_matches_that_are_not_another_claims_invoice_pass(claims, match):
    status, _results = run(claims, invoice("Invoice No.: INV-2026-001"), [match])
    assert status == Status.PASS


def test_several_claims(claims):
    matches = [DocumentMatch("3000042", "a.pdf", "invoice", 0.95, False),
               DocumentMatch("3000077", "b.pdf", "invoice", 1.0, True)]  # fmt: skip
    status, (result,) = run(claims, invoice(), matches)
    assert status == Status.FAIL
    assert result.message == (
        "The invoice invoice.pdf was also uploaded on claim 3000077 (b.pdf, the very same file); "
        "claim 3000042 (a.pdf, 95% the same text)."
    )


@pytest.mark.parametrize(
    ("document", "number"),
    [(docx_document("inv.docx", ["FridayINC"], table=[["Invoice number", "FRI-2026-0431"]], kind="invoice"),
      "FRI-2026-0431"),
     (xlsx_document("inv.xlsx", [["Invoice number", "FCS-26-0931"]], kind="invoice"), "FCS-26-0931")],
)  # fmt: skip
def test_invoice_number_from_tables_and_cells(claims, document, number):
    status, (result,) = run(claims, document)
    assert status == Status.PASS and f"Invoice {number} " in result.message


def test_japanese_invoice_number(claims):
    document = pdf_document("inv.pdf", ["請求書番号 (Invoice No.): SDS-2026-1022"], japanese=True)
    _status, (result,) = run(claims, document)
    assert "Invoice SDS-2026-1022" in result.message


def test_unreadable_invoice(claims):
    broken = raw_document("invoice.pdf", b"%PDF-1.7\n1 0 obj <<", kind="invoice")
    status, (result,) = run(claims, broken)
    assert status == Status.ERROR and "near copies could not be looked for" in result.message
    status, _results = run(
        claims, broken, [DocumentMatch("3000042", "invoice.pdf", "invoice", 1.0, True)]
    )
    assert status == Status.FAIL


def test_no_invoice_skips(claims):
    claim = claims.view(documents=[REPORT])
    (result,) = InvoiceUnique().run(claim, claims.context())
    assert result.status == Status.SKIP


def test_sample_bundles(tmp_path):
    builder = ClaimBuilder(tmp_path)
    for claim, expected in sample_claims(builder, "invoice-unique"):
        results = InvoiceUnique().run(claim, builder.context())
        assert overall_status(r.status for r in results) == expected, (claim.claim_id, results)


def test_two_invoices_of_one_template_are_told_apart_by_their_numbers(runner, session, tmp_path):
    """Long common terms make them 90%+ alike; their numbers say they are two invoices."""
    import json
    from pathlib import Path

    from workbench.testing import default_documents, invoice_docx, write_bundle

    terms = (
        "Payment terms: 30 days net from the invoice date by bank transfer to the account below. "
        "Late payments bear interest at 1% a month. All services were delivered under the master "
        "services agreement between the parties and its data protection addendum. Bank: First "
        "Pacific Bank, account 001-2345-678, routing 121000358, SWIFT FPBKUS66. Questions about "
        "this invoice go to billing@fridayinc.com within 14 days of receipt."
    )

    def invoice(number: str, claim_id: str):
        return invoice_docx([f"INVOICE {number}", f"Claim ID: {claim_id}", "FridayINC Inc.",
                             "Bill to: Contoso Ltd", terms])  # fmt: skip

    repo = Path(__file__).resolve().parents[2]
    runner.invoke(args=["catalog", "load", str(repo / "workbench/data/catalog.json")])
    report = default_documents()[1]
    for name, number, claim_id in (("a", "FRI-2026-0701", "3200031"),
                                   ("b", "FRI-2026-0715", "3200032"),
                                   ("c", "fri/2026/0701", "3200033")):  # fmt: skip
        folder = write_bundle(
            tmp_path / name, claim_id=claim_id, documents=[invoice(number, claim_id), report]
        )
        assert runner.invoke(args=["import", str(folder)]).exit_code == 0

    def verdict(claim_id):
        result = runner.invoke(args=["checks", "run", claim_id, "--json"])
        results = json.loads(result.output)["results"]
        return [(r["status"], r["message"]) for r in results if r["check"] == "invoice-unique"]

    [(status, message)] = verdict("3200032")
    assert status == "pass", message
    [(status, message)] = verdict("3200033")  # the first invoice again, its claim ID edited
    assert status == "fail" and "also uploaded on claim 3200031" in message
    assert "3200032" not in message


@pytest.mark.parametrize(
    ("ours", "theirs", "number"),
    [(["Invoice Number", "INV-0042"], "Invoice Number\nINV-0043", "INV-0042"),
     (["INVOICE", "# INV-000042"], "INVOICE\n# INV-000043", "INV-000042"),
     (["Fattura n. 42/2026"], "Fattura n. 43/2026", "42/2026"),
     (["Invoice INV-42", "Payments must quote the invoice number. 5. Bank charges are the payer's."],
      "Invoice INV-43\nPayments must quote the invoice number. 5. Bank charges are the payer's.", "INV-42"),
     (["Invoice Date Invoice Number Reference", "20 Oct 2026 INV-0042 Claim 3000001"],
      "Invoice Date Invoice Number Reference\n3 Nov 2026 INV-0057 Claim 3000002", "INV-0042")],
    ids=["label above", "title above", "fattura", "not across a sentence", "column titles"],
)  # fmt: skip
def test_two_invoices_of_one_template_told_apart_by_numbers_written_as_partners_do(
    claims, ours, theirs, number
):
    from workbench.check_api import Segment

    match = DocumentMatch(
        "3000042", "other.pdf", "invoice", 0.95, False, segments=(Segment("page 1", theirs),)
    )
    status, (result,) = run(claims, invoice(*ours), [match])
    assert status == Status.PASS, result.message
    assert result.message == f"Invoice {number} (invoice.pdf) is not used on any other claim."


@pytest.mark.parametrize(
    ("ours", "number", "another", "same"),
    [(["Invoice No.: INV 2026 001"], "INV 2026 001", "Invoice No.: INV 2026 002",
      "Invoice No.: INV-2026-001"),
     (["INVOICE INV 042"], "INV 042", "INVOICE INV 043", "INVOICE INV 042"),
     (["Invoice number", "FRI 0042"], "FRI 0042", "Invoice number\nFRI 0043",
      "Invoice number\nFRI0042"),
     (["INVOICE 1"], "1", "INVOICE 2", "INVOICE 1"),
     (["Invoice No.: INV 001 20 Oct 2026"], "INV 001", "Invoice No.: INV 002 20 Oct 2026",
      "Invoice No.: INV 001 3 Nov 2026")],
    ids=["spaced, labelled", "spaced, after the title", "spaced, label above", "one digit",
         "spaced, then the date"],
)  # fmt: skip
def test_invoice_numbers_written_with_spaces_or_as_one_digit_tell_invoices_apart(
    claims, ours, number, another, same
):
    from workbench.check_api import Segment

    def match(text):
        return DocumentMatch(
            "3000042", "other.pdf", "invoice", 0.95, False, segments=(Segment("page 1", text),)
        )

    status, (result,) = run(claims, invoice(*ours), [match(another)])
    assert status == Status.PASS, result.message
    assert result.message == f"Invoice {number} (invoice.pdf) is not used on any other claim."
    # The same number, however it is written (or with the date changed), is the same invoice.
    status, (result,) = run(claims, invoice(*ours), [match(same)])
    assert status == Status.FAIL, result.message
    assert f"Invoice {number} (invoice.pdf) was also uploaded on claim 3000042" in result.message
