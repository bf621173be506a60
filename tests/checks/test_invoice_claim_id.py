"""invoice-claim-id: the invoice shows this claim's ID, on real documents."""

from __future__ import annotations

import pytest

from checks.invoice_claim_id import InvoiceClaimId
from tests.checks.test_invoice_parsing import pdf_document, sample_claims
from workbench.check_api import Status, overall_status
from workbench.testing import (
    ClaimBuilder,
    DocumentSpec,
    docx_document,
    pptx_document,
    raw_document,
    xlsx_document,
)

REPORT = docx_document("report.docx", ["Workshop report for Contoso Ltd"])
AMOUNT = "Total $5,000.00 USD"


@pytest.fixture
def claims(tmp_path):
    return ClaimBuilder(tmp_path)


def run(claims, invoice, claim_id="3000001"):
    documents = [REPORT] if invoice is None else [invoice, REPORT]
    claim = claims.view(documents=documents, claim_id=claim_id)
    results = InvoiceClaimId().run(claim, claims.context())
    return overall_status(r.status for r in results), results


def pdf(*lines):
    return pdf_document("invoice.pdf", ["FridayINC Inc.", "INVOICE INV-2026-001", *lines, AMOUNT])


@pytest.mark.parametrize(
    "line",
    ["Claim ID: 3000001", "Claim #3000001", "Engagement claim number 3000001", "CLAIM ID 3000001",
     "N° de demande : 3000001", "Reference: INV-3000001", "Incentive for claim 3000001 (Enable Frontline)"],
)  # fmt: skip
def test_claim_id_shown(claims, line):
    status, (result,) = run(claims, pdf(line))
    assert status == Status.PASS, result.message
    assert result.evidence[0].location == "page 1"
    assert "3000001" in result.evidence[0].excerpt


def test_labelled_occurrence_is_cited_first(claims):
    status, (result,) = run(claims, pdf("Workshop (3000001)", "Claim ID: 3000001"))
    assert status == Status.PASS
    assert "labelled" in result.message and result.evidence[0].excerpt == "Claim ID: 3000001"


def test_unlabelled_claim_id_passes_and_says_so(claims):
    status, (result,) = run(claims, pdf("Enable Frontline Workshop 3000001"))
    assert status == Status.PASS and "not labelled" in result.message


@pytest.mark.parametrize(
    "line",
    [
        "Order 930000012",
        "Account 30000011",
        "Reference 13000001",
        "Amount 3000001.50",
        "Total 3,000,001.00",
    ],
)
def test_claim_id_inside_a_longer_number_is_not_the_claim_id(claims, line):
    status, (result,) = run(claims, pdf(line))
    assert status == Status.FAIL, result.message


def test_missing_claim_id_fails(claims):
    status, (result,) = run(claims, pdf("Reference: workshop"))
    assert status == Status.FAIL
    assert (
        result.message
        == "The invoice does not show this claim's ID 3000001, nor any other claim ID."
    )


def test_another_claims_id_is_named(claims):
    status, (result,) = run(claims, pdf("Claim ID: 3000002"))
    assert status == Status.FAIL
    assert (
        "does not show this claim's ID 3000001; it shows claim ID 3000002 instead" in result.message
    )
    assert result.evidence[0].excerpt == "Claim ID: 3000002"


def test_claim_like_numbers_are_listed(claims):
    status, (result,) = run(claims, pdf("Project 3000010"))
    assert status == Status.FAIL and "3000010" in result.message


def test_docx_table_row(claims):
    invoice = docx_document(
        "invoice.docx",
        ["FridayINC Inc."],
        table=[["Invoice number", "INV-1"], ["Claim ID", "3000001"]],
        kind="invoice",
    )
    status, (result,) = run(claims, invoice)
    assert status == Status.PASS
    assert result.evidence[0].location == "table 1 row 2"
    assert "labelled" in result.message


def test_xlsx_cell(claims):
    invoice = xlsx_document(
        "invoice.xlsx", [["FridayINC Inc."], ["Claim ID", 3000001], [AMOUNT]], kind="invoice"
    )
    status, (result,) = run(claims, invoice)
    assert status == Status.PASS
    assert result.evidence[0].location == "Sheet!B2"


def test_pptx(claims):
    invoice = pptx_document(
        "invoice.pptx", [("Invoice", "Claim ID: 3000001\n" + AMOUNT)], kind="invoice"
    )
    status, (result,) = run(claims, invoice)
    assert status == Status.PASS and result.evidence[0].location == "slide 1"


def test_full_width_digits(claims):
    invoice = docx_document("invoice.docx", ["クレームID：３０００００１"], kind="invoice")
    status, (_result,) = run(claims, invoice)
    assert status == Status.PASS


def test_no_invoice_skips(claims):
    status, _results = run(claims, None)
    assert status == Status.SKIP


def test_unreadable_invoice_is_an_error(claims):
    status, (result,) = run(
        claims, raw_document("invoice.pdf", b"%PDF-1.7\n1 0 obj <<", kind="invoice")
    )
    assert status == Status.ERROR and "Cannot read the invoice invoice.pdf" in result.message


def test_sample_bundles(tmp_path):
    builder = ClaimBuilder(tmp_path)
    for claim, expected in sample_claims(builder, "invoice-claim-id"):
        results = InvoiceClaimId().run(claim, builder.context())
        assert overall_status(r.status for r in results) == expected, (claim.claim_id, results)


@pytest.mark.parametrize(
    "line", ["Claim ID: 3 000 001", "Claim ID: 3\u00a0000\u00a0001", "Workshop for claim 3 000 001"]
)
def test_claim_id_in_groups_of_three_digits(claims, line):
    status, (result,) = run(claims, pdf(line))
    assert status == Status.PASS, result.message
    assert "3 000 001" in result.evidence[0].excerpt


def test_another_claims_id_in_groups_is_named_whole(claims):
    status, (result,) = run(claims, pdf("Claim ID: 3 000 002"))
    assert status == Status.FAIL
    assert "it shows claim ID 3 000 002 instead" in result.message


@pytest.mark.parametrize("line", ["Phone +44 20 3 000 001", "IBAN GB12 3 000 001 5"])
def test_groups_inside_a_longer_grouped_number_are_not_the_claim_id(claims, line):
    status, (result,) = run(claims, pdf(line))
    assert status == Status.FAIL, result.message


@pytest.mark.parametrize("line", ["Claim ID: 3,000,001", "Claim ID: 3.000.001"])
def test_claim_id_grouped_with_commas_or_dots(claims, line):
    status, (result,) = run(claims, pdf(line))
    assert status == Status.PASS, result.message


@pytest.mark.parametrize(
    "line",
    ["Total $3,000,001.00", "Claim ID: 3,000 001", "Contract value JPY 3,000,001",
     "Auftragswert 3.000.001 EUR"],
)  # fmt: skip
def test_an_amount_or_mixed_groups_are_not_the_claim_id(claims, line):
    status, (result,) = run(claims, pdf(line))
    assert status == Status.FAIL, result.message


def test_another_claims_id_grouped_with_commas_is_named_whole(claims):
    status, (result,) = run(claims, pdf("Claim ID: 3,000,002"))
    assert status == Status.FAIL
    assert "it shows claim ID 3,000,002 instead" in result.message


@pytest.mark.parametrize(
    ("inside", "beside"),
    [("Tel: 020-3000001", ["Tel: +1 425 555 0100, PO 3000001"]),
     ("Fax +31 (0)20 3000001", ["Phone +1 425 555 0100 | Engagement 3000001"]),
     ("Phone: +31 20 3000001", ["Phone: +31 20 3000001", "Claim ID: 3000001"]),
     ("Tel. +1 425-3000001", ["Tel. +1 425-555-0100", "Workshop 3000001"]),
     ("IBAN NL91 ABNA 3000001 00", ["Bank transfer reference: 3000001"]),
     ("Bank account 12-3000001-00", ["BANK REF: 3000001"]),
     ("Account no: 3000001-8", ["Account manager: Jo Park, PO 3000001"]),
     ("VAT reg no. GB 3000001 21", ["VAT reg no. GB 123 4567 21, claim 3000001"]),
     ("SIRET 3000001 00012", ["Bank: First Pacific, Claim ID: 3000001"]),
     ("Routing 121000358 Account 3000001", ["Routing 121000358 Account 3000001", "PO 3000001"]),
     ("Mobile: 06-3000001", ["Enable Frontline Mobile 3000001"])],
)  # fmt: skip
def test_claim_id_digits_ending_a_phone_or_account_number_are_not_the_claim_id(
    claims, inside, beside
):
    status, (result,) = run(claims, pdf(inside))
    assert status == Status.FAIL, result.message
    assert result.message == (
        "The invoice does not show this claim's ID 3000001: those digits appear only within "
        "another number (a phone, bank account or registration number)."
    )
    assert result.evidence[0].location == "page 1" and result.evidence[0].excerpt == inside
    # The claim ID beside such details, or on a line of its own, is still the claim ID.
    status, (result,) = run(claims, pdf(*beside))
    assert status == Status.PASS, result.message


def test_phone_number_in_a_docx_footer_is_not_the_claim_id(claims):
    def invoice(footer):
        def write(path):
            import docx

            document = docx.Document()
            document.sections[0].footer.paragraphs[0].text = footer
            document.add_paragraph("INVOICE INV-2026-001")
            document.add_paragraph(AMOUNT)
            document.save(path)

        return DocumentSpec("invoice.docx", "invoice", write)

    status, (result,) = run(claims, invoice("FridayINC BV, Tel 020-3000001"))
    assert status == Status.FAIL, result.message
    assert result.evidence[0].location == "footer"
    status, (result,) = run(claims, invoice("FridayINC BV, Tel 020-5550100, claim 3000001"))
    assert status == Status.PASS, result.message


def test_account_cell_in_a_spreadsheet_is_not_the_claim_id(claims):
    def invoice(label):
        rows = [["FridayINC Inc."], [label, 3000001], [AMOUNT]]
        return xlsx_document("invoice.xlsx", rows, kind="invoice")

    status, (result,) = run(claims, invoice("Account"))
    assert status == Status.FAIL, result.message
    assert result.evidence[0].location == "Sheet!B2"
    status, _results = run(claims, invoice("Claim ID"))
    assert status == Status.PASS


def test_phone_number_and_another_claims_id_names_the_other_claim(claims):
    status, (result,) = run(claims, pdf("Tel: 020-3000001", "Claim ID: 3000002"))
    assert status == Status.FAIL
    assert "it shows claim ID 3000002 instead" in result.message
    assert "3000001 instead" not in result.message


def spaced_pdf(label, digits):
    """A PDF that places each digit of the claim ID on its own, as a one-box-per-digit form."""

    def write(path):
        from reportlab.pdfgen import canvas

        page = canvas.Canvas(str(path))
        page.setFont("Helvetica", 10)
        page.drawString(50, 800, "FridayINC Inc.")
        page.drawString(50, 786, label)
        for position, digit in enumerate(digits):
            page.drawString(110 + 9 * position, 786, digit)
        page.drawString(50, 772, AMOUNT)
        page.save()

    return DocumentSpec("invoice.pdf", "invoice", write)


def test_claim_id_with_each_digit_placed_apart(claims):
    status, (result,) = run(claims, spaced_pdf("Claim ID:", "3000001"))
    assert status == Status.PASS, result.message
    assert "labelled" in result.message and "3 0 0 0 0 0 1" in result.evidence[0].excerpt
    status, (result,) = run(claims, spaced_pdf("Claim ID:", "3000002"))
    assert status == Status.FAIL
    assert "it shows claim ID 3 0 0 0 0 0 2 instead" in result.message


@pytest.mark.parametrize("line", ["Workshop 3 0 0 0 0 0 1", "Reference: 3 0 0 0 0 0 1"])
def test_claim_id_spaced_digit_by_digit(claims, line):
    status, (result,) = run(claims, pdf(line))
    assert status == Status.PASS, result.message
    # Within a longer run of spaced digits, the same digits are not the claim ID.
    status, (result,) = run(claims, pdf(line.replace("3 0", "7 3 0", 1)))
    assert status == Status.FAIL, result.message


@pytest.mark.parametrize("value", ["3000001.0", "3000001.00"])
def test_labelled_claim_id_written_as_a_decimal_number(claims, value):
    invoice = xlsx_document(
        "invoice.xlsx", [["FridayINC Inc."], ["Claim ID", value], [AMOUNT]], kind="invoice"
    )
    status, (result,) = run(claims, invoice)
    assert status == Status.PASS, result.message
    assert result.evidence[0].location == "Sheet!B2" and value in result.evidence[0].excerpt
    # Unlabelled, a decimal number is an amount, not the claim ID.
    status, (result,) = run(claims, pdf(f"Enable Frontline Workshop {value}"))
    assert status == Status.FAIL, result.message


def test_labelled_claim_id_with_a_fraction_is_named_as_written(claims):
    status, (result,) = run(claims, pdf("Claim ID: 3000001.5"))
    assert status == Status.FAIL
    assert "it shows claim ID 3000001.5 instead" in result.message
