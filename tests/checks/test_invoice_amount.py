"""invoice-amount: the invoice's pre-tax USD amount is the payout, on real documents."""

from __future__ import annotations

import pytest

from checks.invoice_amount import InvoiceAmount
from tests.checks.test_invoice_parsing import formatted_xlsx, pdf_document, sample_claims
from workbench.check_api import Status, overall_status
from workbench.testing import (
    ClaimBuilder,
    docx_document,
    pptx_document,
    raw_document,
    xlsx_document,
)

# AMMP App/Data Modernization (Small): market A $15,000, B $12,000, C $7,500.
AMMP = "ammp-app-data-modernization-small"
COUNTRY = {"A": "US", "B": "IT", "C": "BR"}
REPORT = docx_document("report.docx", ["Modernization report for Contoso Ltd"])


@pytest.fixture
def claims(tmp_path):
    return ClaimBuilder(tmp_path)


def run(claims, invoice, *, market="A", engagement=AMMP, **fields):
    documents = [REPORT] if invoice is None else [invoice, REPORT]
    claim = claims.view(
        documents=documents,
        engagement_id=engagement,
        partner={"country": COUNTRY[market]},
        **fields,
    )
    results = InvoiceAmount().run(claim, claims.context())
    return overall_status(r.status for r in results), results


def invoice_pdf(*lines):
    return pdf_document(
        "invoice.pdf", ["FridayINC Inc.", "INVOICE FRI-2026-0417", "Claim ID: 3000001", *lines]
    )


@pytest.mark.parametrize(
    ("market", "written"),
    [("A", "$15,000.00 USD"), ("A", "USD 15,000"), ("C", "US$ 7,500.00"), ("A", "15 000,00 USD"),
     ("B", "12.000,00 USD"), ("A", "15,000 USD"), ("A", "$15,000"), ("A", "USD15000.00"), ("B", "USD 12'000.00"),
     ("A", "USD 15'000"), ("A", "USD 15'000.–")],
)  # fmt: skip
def test_every_format_of_the_right_amount_passes(claims, market, written):
    status, (result,) = run(claims, invoice_pdf("Consulting services 1", f"Subtotal {written}", f"Total {written}"),
                            market=market)  # fmt: skip
    assert status == Status.PASS, result.message
    assert f"the market {market} rate for this engagement" in result.message
    assert result.evidence[0].location == "page 1"
    assert result.evidence[0].excerpt == f"Subtotal {written}"


def test_wrong_amount_fails_with_both_amounts_and_the_market(claims):
    status, (result,) = run(
        claims, invoice_pdf("Subtotal $12,000.00 USD", "Total due $12,000.00 USD")
    )
    assert status == Status.FAIL
    assert result.message.startswith("Invoice shows $12,000.00 USD")
    assert "the market A rate for this engagement is $15,000.00" in result.message
    assert (
        result.evidence[0].document == "invoice.pdf" and "12,000.00" in result.evidence[0].excerpt
    )


def test_another_markets_rate_fails(claims):
    status, (result,) = run(
        claims, invoice_pdf("Subtotal (pre-tax) USD 12,000", "Total due USD 12,000")
    )
    assert status == Status.FAIL and "$15,000.00" in result.message


def test_subtotal_right_and_total_with_vat_passes_citing_the_subtotal(claims):
    invoice = invoice_pdf(
        "Total HT 15 000,00 USD", "TVA 20 % 3 000,00 USD", "Total TTC 18 000,00 USD"
    )
    status, (result,) = run(claims, invoice)
    assert status == Status.PASS, result.message
    assert result.evidence[0].excerpt == "Total HT 15 000,00 USD"
    assert "$18,000.00 USD" in result.message  # the total is mentioned, and explained


def test_total_including_vat_is_not_the_pretax_amount(claims):
    invoice = invoice_pdf("Net amount $12,500.00", "VAT 20% $2,500.00", "Total $15,000.00")
    status, (result,) = run(claims, invoice)
    assert status == Status.FAIL
    assert "Invoice shows $12,500.00 USD" in result.message
    assert "total including tax" in result.message


def test_total_including_vat_without_a_subtotal_fails(claims):
    status, (result,) = run(claims, invoice_pdf("VAT 20% $2,500.00", "Total $15,000.00"))
    assert status == Status.FAIL
    assert "including $2,500.00 USD tax" in result.message and "$12,500.00 USD" in result.message


def test_total_less_vat_equal_to_the_rate_passes(claims):
    status, (result,) = run(claims, invoice_pdf("VAT 20% $3,000.00", "Total $18,000.00"))
    assert status == Status.PASS, result.message


def test_subtotal_right_but_total_is_not_subtotal_plus_tax_warns(claims):
    invoice = invoice_pdf(
        "Subtotal 15,000.00 USD", "Sales Tax 10% 1,500.00 USD", "GRAND TOTAL 57,380.00 USD"
    )
    status, (result,) = run(claims, invoice)
    assert status == Status.WARN
    assert "arithmetic" in result.message


@pytest.mark.parametrize(
    ("lines", "currency"),
    [(["Total HT 15 000,00 EUR", "Total TTC 15 000,00 EUR"], "EUR"),
     (["Subtotal € 15.000,00", "Total € 15.000,00"], "EUR"),
     (["Subtotal £15,000.00", "Total £15,000.00"], "GBP"),
     (["Currency: GBP", "Net amount 15,000.00", "Total 15,000.00"], "GBP"),
     (["Subtotal INR 15,000", "Total INR 15,000"], "INR"),
     (["Subtotal CA$ 15,000.00", "Total CA$ 15,000.00"], "CAD")],
)  # fmt: skip
def test_another_currency_fails(claims, lines, currency):
    status, (result,) = run(claims, invoice_pdf(*lines))
    assert status == Status.FAIL
    assert f"the invoice is in {currency}; invoices must be in USD" in result.message
    assert "$15,000.00" in result.message


def test_amount_without_a_currency_warns(claims):
    status, (result,) = run(claims, invoice_pdf("Subtotal 15,000.00", "Total 15,000.00"))
    assert status == Status.WARN
    assert "does not say which currency" in result.message


def test_docx_invoice_with_the_amount_in_a_table(claims):
    invoice = docx_document(
        "invoice.docx",
        ["FridayINC Inc.", "Claim ID: 3000001"],
        table=[["Description", "Amount"], ["AMMP modernization", "$15,000.00 USD"],
               ["Subtotal (pre-tax)", "$15,000.00 USD"], ["Total due", "$15,000.00 USD"]],
        kind="invoice",
    )  # fmt: skip
    status, (result,) = run(claims, invoice)
    assert status == Status.PASS
    assert result.evidence[0].location == "table 1 row 3"


def test_docx_invoice_with_an_unlabelled_amount(claims):
    invoice = docx_document(
        "invoice.docx",
        ["FridayINC Inc."],
        table=[["Description", "Amount"], ["AMMP modernization", "$15,000.00 USD"]],
        kind="invoice",
    )
    status, (result,) = run(claims, invoice)
    assert status == Status.PASS, result.message
    assert result.evidence[0].location == "table 1 row 2"


def test_xlsx_invoice_with_numbers_in_cells(claims):
    invoice = xlsx_document(
        "invoice.xlsx",
        [["Falcon Cloud Services FZ-LLC"], ["Description", "Amount"], ["AMMP modernization", 12000],
         ["Subtotal (pre-tax)", 12000], ["Total due (USD)", 12000], ["All amounts are in US dollars (USD)."]],
        kind="invoice",
    )  # fmt: skip
    status, (result,) = run(claims, invoice, market="B")
    assert status == Status.PASS, result.message
    assert result.evidence[0].location == "Sheet!A4 / Sheet!B4"
    assert "market B" in result.message


def test_xlsx_invoice_with_the_wrong_number(claims):
    invoice = xlsx_document(
        "invoice.xlsx", [["Subtotal (USD)", 7500], ["Total (USD)", 7500]], kind="invoice"
    )
    status, (result,) = run(claims, invoice, market="B")
    assert status == Status.FAIL
    assert "$7,500.00 USD" in result.message and "$12,000.00" in result.message
    assert result.evidence[0].location == "Sheet!A1 / Sheet!B1"


def test_pptx_invoice(claims):
    invoice = pptx_document(
        "invoice.pptx",
        [("Invoice INV-9", "Claim ID: 3000001\nSubtotal: USD 7,500.00\nTotal: USD 7,500.00")],
        kind="invoice",
    )
    status, (result,) = run(claims, invoice, market="C")
    assert status == Status.PASS, result.message
    assert result.evidence[0].location == "slide 1"


def test_japanese_invoice(claims):
    invoice = pdf_document(
        "請求書.pdf",
        [
            "請求書",
            "Claim ID: 3000001",
            "小計 (税抜) USD 15,000",
            "消費税 USD 1,500",
            "合計 USD 16,500",
        ],
        japanese=True,
    )
    status, (result,) = run(claims, invoice)
    assert status == Status.PASS, result.message
    assert "小計" in result.evidence[0].excerpt


VARIABLE = {
    "engagement": "pre-sales-variable-envisioning-workshop",
    "requested_hours": 10,
    "proposed_payout_usd": 1630,
}


def test_variable_payout_compares_with_the_proposed_payout(claims):
    status, (result,) = run(
        claims, invoice_pdf("Subtotal $1,630.00 USD", "Total $1,630.00 USD"), **VARIABLE
    )
    assert status == Status.PASS, result.message
    assert "the proposed payout for this claim ($1,630.00)" in result.message


def test_variable_payout_wrong_amount(claims):
    status, (result,) = run(
        claims, invoice_pdf("Subtotal $1,750.00 USD", "Total $1,750.00 USD"), **VARIABLE
    )
    assert status == Status.FAIL
    assert result.message == (
        'Invoice shows $1,750.00 USD ("Subtotal"); the proposed payout for this claim is $1,630.00.'
    )


def test_no_invoice_skips(claims):
    status, (_result,) = run(claims, None)
    assert status == Status.SKIP


def test_unreadable_invoice_is_an_error_naming_the_reason(claims):
    status, (result,) = run(
        claims, raw_document("invoice.pdf", b"%PDF-1.7\n1 0 obj <<", kind="invoice")
    )
    assert status == Status.ERROR
    assert "Cannot read the invoice invoice.pdf" in result.message
    assert "corrupt" in result.message.lower()


def test_invoice_without_any_amount_fails(claims):
    status, (result,) = run(claims, invoice_pdf("Thank you for your business."))
    assert status == Status.FAIL
    assert "No amount found" in result.message


def test_sample_bundles(tmp_path):
    builder = ClaimBuilder(tmp_path)
    for claim, expected in sample_claims(builder, "invoice-amount"):
        results = InvoiceAmount().run(claim, builder.context())
        assert overall_status(r.status for r in results) == expected, (claim.claim_id, results)


def test_total_marked_excluding_vat_is_the_pretax_amount(claims):
    status, (result,) = run(claims, invoice_pdf("Total: $15,000.00 (excl. VAT)"))
    assert status == Status.PASS, result.message


@pytest.mark.parametrize(
    "note",
    ["VAT reverse charge applies (Art. 44 and 196, Directive 2006/112/EC).",
     "VAT Reverse charge (s.8 VATA 1994)",
     "Autoliquidation – TVA due par le preneur, article 283-2 du CGI et article 196 de la directive",
     "VAT: Section 7(2) reverse charge", "Sales tax: exempt, certificate 1042"],
)  # fmt: skip
def test_legal_references_on_a_tax_line_are_not_tax(claims, note):
    status, (result,) = run(claims, invoice_pdf(note, "Total $15,000.00"))
    assert status == Status.PASS, result.message
    assert result.message.startswith('Invoice shows $15,000.00 USD before tax ("Total")')
    assert "tax," not in result.message and "including" not in result.message


def test_a_bare_tax_amount_still_counts(claims):
    invoice = pdf_document(
        "invoice.pdf", ["FridayINC Inc.", "All amounts in USD", "VAT 20% 3000", "Total 18000"]
    )
    status, (result,) = run(claims, invoice)
    assert status == Status.PASS, result.message
    assert "including $3,000.00 USD tax" in result.message


def test_section_subtotals_adding_up_to_the_total_pass(claims):
    invoice = invoice_pdf(
        "Phase 1 – Assessment 1 $7,500.00 $7,500.00", "Subtotal Phase 1 $7,500.00",
        "Phase 2 – Migration 1 $7,500.00 $7,500.00", "Subtotal Phase 2 $7,500.00",
        "Total (USD) $15,000.00",
    )  # fmt: skip
    status, (result,) = run(claims, invoice)
    assert status == Status.PASS, result.message
    assert "the sum of its subtotals ($7,500.00 USD + $7,500.00 USD)" in result.message
    assert [e.excerpt for e in result.evidence] == [
        "Total (USD) $15,000.00", "Subtotal Phase 1 $7,500.00", "Subtotal Phase 2 $7,500.00"
    ]  # fmt: skip


def test_section_subtotals_are_not_added_when_tax_is_charged_on_top(claims):
    invoice = invoice_pdf(
        "Subtotal Phase 1 $7,500.00", "Subtotal Phase 2 $7,500.00", "VAT 20% $3,000.00",
        "Total $15,000.00",
    )  # fmt: skip
    status, (result,) = run(claims, invoice)
    assert status == Status.FAIL, result.message


def test_section_subtotals_of_another_markets_rate_fail(claims):
    invoice = invoice_pdf(
        "Subtotal Phase 1 $6,000.00", "Subtotal Phase 2 $6,000.00", "Total (USD) $12,000.00"
    )
    status, (result,) = run(claims, invoice)
    assert status == Status.FAIL
    assert "the sum of its subtotals" in result.message and "$15,000.00" in result.message


def test_subtotal_less_the_discount_under_it_is_the_pretax_amount(claims):
    invoice = invoice_pdf(
        "Consulting services $8,000.00", "Subtotal $8,000.00", "Discount (6.25%) -$500.00",
        "Total $7,500.00",
    )  # fmt: skip
    status, (result,) = run(claims, invoice, market="C")
    assert status == Status.PASS, result.message
    assert result.message == (
        'Invoice shows $8,000.00 USD ("Subtotal") less a discount of $500.00 USD ("Discount (6.25%)"), '
        "so a pre-tax amount of $7,500.00 USD, the same as the market C rate for this engagement "
        "($7,500.00)."
    )
    assert [e.excerpt for e in result.evidence] == [
        "Subtotal $8,000.00", "Discount (6.25%) -$500.00"
    ]  # fmt: skip


def test_a_discount_above_the_subtotal_is_not_taken_off_again(claims):
    invoice = invoice_pdf(
        "Consulting services $8,000.00", "Loyalty discount -$500.00", "Subtotal $7,500.00",
        "Total $7,500.00",
    )  # fmt: skip
    status, (result,) = run(claims, invoice, market="C")
    assert status == Status.PASS, result.message
    assert result.message.startswith('Invoice shows $7,500.00 USD before tax ("Subtotal")')
    status, (result,) = run(claims, invoice, market="B")  # $12,000: neither 7,500 nor 7,000
    assert status == Status.FAIL and "$7,000.00" not in result.message


def test_a_discount_that_does_not_bring_the_subtotal_to_the_rate_fails(claims):
    invoice = invoice_pdf("Subtotal $8,000.00", "Discount -$400.00", "Total $7,600.00")
    status, (result,) = run(claims, invoice, market="C")
    assert status == Status.FAIL
    assert "less a discount of $400.00 USD" in result.message and "$7,600.00 USD" in result.message


@pytest.mark.parametrize(
    ("withheld", "due"),
    [("Withholding tax 2% -$150.00", "Net amount due $7,350.00"), ("TDS 10% $750.00", "Balance due $6,750.00")],
)  # fmt: skip
def test_amount_due_plus_the_tax_withheld_is_the_pretax_amount(claims, withheld, due):
    invoice = invoice_pdf("Professional services $7,500.00", withheld, due)
    status, (result,) = run(claims, invoice, market="C")
    assert status == Status.PASS, result.message
    label = due.rsplit(" ", 1)[0]
    assert f'("{label}") with tax withheld of' in result.message
    assert "so a pre-tax amount of $7,500.00 USD" in result.message
    assert [e.excerpt for e in result.evidence] == [due, withheld]


def test_net_amount_due_is_not_a_pretax_amount(claims):
    # "Net" is what is left to pay here, not the amount before tax.
    invoice = invoice_pdf("VAT 20% $1,250.00", "Net amount due $7,500.00")
    status, (result,) = run(claims, invoice, market="C")
    assert status == Status.FAIL
    assert "including $1,250.00 USD tax, so a pre-tax amount of $6,250.00 USD" in result.message


def test_total_net_of_withholding_is_explained(claims):
    invoice = invoice_pdf(
        "Base imponible 7.500,00 USD", "IVA 21% 1.575,00 USD", "Retención IRPF -15% -1.125,00 USD",
        "Total 7.950,00 USD",
    )  # fmt: skip
    status, (result,) = run(claims, invoice, market="C")
    assert status == Status.PASS, result.message
    assert result.message.endswith(
        "The total of $7,950.00 USD adds $1,575.00 USD tax less $1,125.00 USD withheld."
    )
    assert [e.excerpt for e in result.evidence] == [
        "Base imponible 7.500,00 USD", "Total 7.950,00 USD", "Retención IRPF -15% -1.125,00 USD"
    ]  # fmt: skip


def test_total_with_tax_and_no_withholding_says_no_withholding(claims):
    invoice = invoice_pdf(
        "Subtotal 7,500.00 USD", "VAT 20% 1,500.00 USD", "Withholding tax 5% -375.00 USD",
        "Total 9,000.00 USD", "Amount due 8,625.00 USD",
    )  # fmt: skip
    status, (result,) = run(claims, invoice, market="C")
    assert status == Status.PASS, result.message
    assert result.message.endswith("The total of $9,000.00 USD adds $1,500.00 USD tax.")


def test_usd_column_of_a_two_currency_invoice(claims):
    invoice = docx_document(
        "invoice.docx", ["Indus Techworks Private Limited", "TAX INVOICE", "Claim ID: 3000001"],
        kind="invoice",
        table=[["Description", "Amount (USD)", "Amount (INR)"],
               ["AMMP modernization", "7,500.00", "6,22,500.00"],
               ["Subtotal", "7,500.00", "6,22,500.00"],
               ["Total", "7,500.00", "6,22,500.00"]],
    )  # fmt: skip
    status, (result,) = run(claims, invoice, market="C")
    assert status == Status.PASS, result.message
    assert result.message.startswith('Invoice shows $7,500.00 USD before tax ("Subtotal")')
    assert result.evidence[0].location == "table 1 row 3"


def test_a_clause_number_in_the_terms_is_not_the_amount_due(claims):
    terms = "5. The amount due must reach our account. 6. This invoice is governed by English law."
    status, (result,) = run(claims, invoice_pdf("Consulting services $7,500.00", terms), market="C")
    assert status == Status.PASS, result.message


def test_an_exempt_tax_cell_before_the_amount(claims):
    invoice = docx_document(
        "invoice.docx", ["FridayINC Inc.", "Claim ID: 3000001"], kind="invoice",
        table=[["Description", "Tax", "Amount"], ["AMMP modernization", "Tax: Exempt", "$7,500.00 USD"]],
    )  # fmt: skip
    status, (result,) = run(claims, invoice, market="C")
    assert status == Status.PASS, result.message
    assert result.message.startswith("Invoice shows $7,500.00 USD before tax, the same as")


# A Net | VAT | Gross table: the net column of its totals row is the pre-tax amount.
UK_HEADER = [
    "Thames Digital Partners Ltd",
    "Invoice No: TDP-00124",
    "Claim ID: 3000001",
    "All amounts in USD",
]


def test_the_gross_column_is_not_the_pretax_amount(claims):
    invoice = docx_document(
        "invoice.docx", UK_HEADER, kind="invoice",
        table=[["Description", "Net", "VAT 20%", "Gross"],
               ["AMMP App Modernization", "12,500.00", "2,500.00", "15,000.00"],
               ["Total", "12,500.00", "2,500.00", "15,000.00"]],
    )  # fmt: skip
    status, (result,) = run(claims, invoice)
    assert status == Status.FAIL, result.message
    assert result.message.startswith('Invoice shows $12,500.00 USD ("Total (Net)")')
    assert "the total including tax, $15,000.00 USD, is not the pre-tax amount" in result.message


def test_the_net_column_of_a_german_invoice_passes(claims):
    invoice = docx_document(
        "rechnung.docx", ["Lucerna Digital GmbH", "Rechnung Nr. 2026-0816", "Claim ID: 3000001", "Währung: USD"],
        kind="invoice",
        table=[["Beschreibung", "Netto", "USt. 19 %", "Brutto"],
               ["AMMP App Modernisierung", "15.000,00", "2.850,00", "17.850,00"],
               ["Summe", "15.000,00", "2.850,00", "17.850,00"]],
    )  # fmt: skip
    status, (result,) = run(claims, invoice)
    assert status == Status.PASS, result.message
    assert result.message.startswith('Invoice shows $15,000.00 USD before tax ("Summe (Netto)")')
    assert result.message.endswith("The total of $17,850.00 USD adds $2,850.00 USD tax.")
    assert result.evidence[0].location == "table 1 row 3"


def test_the_ex_vat_column_of_pdf_lines_passes(claims):
    invoice = pdf_document(
        "invoice.pdf",
        [*UK_HEADER[:3], "Description Amount ex VAT VAT Amount inc VAT",
         "AMMP App Modernization $15,000.00 $3,000.00 $18,000.00", "Total $15,000.00 $3,000.00 $18,000.00"],
    )  # fmt: skip
    status, (result,) = run(claims, invoice)
    assert status == Status.PASS, result.message
    assert 'before tax ("Total (Amount ex VAT)")' in result.message


def test_the_gross_column_of_a_sheet_is_not_the_pretax_amount(claims):
    invoice = xlsx_document(
        "invoice.xlsx",
        [["Thames Digital Partners Ltd"], ["Claim ID", "3000001"], ["Currency", "USD"],
         ["Description", "Net", "VAT", "Gross"], ["AMMP App Modernization", 12500, 2500, 15000],
         ["Total", 12500, 2500, 15000]],
        kind="invoice",
    )  # fmt: skip
    status, (result,) = run(claims, invoice)
    assert status == Status.FAIL, result.message
    assert result.message.startswith('Invoice shows $12,500.00 USD ("Total (Net)")')


# An amount labelled as including tax, with no tax amount listed, is not shown to be pre-tax.
@pytest.mark.parametrize(
    ("lines", "japanese"),
    [(["Consulting services", "Total incl. VAT: $15,000.00 USD"], False),
     (["Prestation de conseil AMMP", "Total TTC 15 000,00 USD"], False),
     (["消費税率 10%", "ご請求金額（税込） USD 15,000.00"], True)],
)  # fmt: skip
def test_a_tax_inclusive_total_without_the_tax_warns(claims, lines, japanese):
    invoice = pdf_document("invoice.pdf", ["Claim ID: 3000001", *lines], japanese=japanese)
    status, (result,) = run(claims, invoice)
    assert status == Status.WARN, result.message
    assert "that amount is labelled as including tax and the invoice lists no tax amount" in (
        result.message
    )
    assert "not shown to be the pre-tax amount" in result.message


def test_a_total_under_a_note_that_vat_is_included_warns(claims):
    invoice = invoice_pdf("Consulting services (VAT at 20% included)", "Total $15,000.00")
    status, (result,) = run(claims, invoice)
    assert status == Status.WARN, result.message
    assert 'the invoice says tax is included ("Consulting services (VAT at 20% included)")' in (
        result.message
    )


@pytest.mark.parametrize(
    "no_tax",
    ["VAT: N/A", "VAT 0% $0.00", "TVA non applicable, art. 293 B du CGI", "Sales tax: exempt"],
)
def test_a_tax_inclusive_total_when_no_tax_is_charged_passes(claims, no_tax):
    status, (result,) = run(claims, invoice_pdf(no_tax, "Total incl. VAT $15,000.00 USD"))
    assert status == Status.PASS, result.message
    assert result.message.startswith('Invoice shows $15,000.00 USD before tax ("Total incl. VAT")')


def test_a_tax_inclusive_total_of_another_amount_still_fails(claims):
    status, (result,) = run(claims, invoice_pdf("Total TTC 12 000,00 USD"))
    assert status == Status.FAIL
    assert "$12,000.00 USD" in result.message and "$15,000.00" in result.message


# A subtotal is not the pre-tax amount when the invoice takes a discount off it ...
@pytest.mark.parametrize(
    "lines",
    [["Subtotal $15,000.00", "Discount (10%) -$1,500.00", "Total $13,500.00"],
     ["Subtotal $15,000.00", "Discount 10% -$1,500.00", "Subtotal after discount $13,500.00", "Total $13,500.00"]],
)  # fmt: skip
def test_a_subtotal_at_the_rate_with_a_discount_under_it_fails(claims, lines):
    status, (result,) = run(
        claims, invoice_pdf("AMMP App Modernization 1 $15,000.00 $15,000.00", *lines)
    )
    assert status == Status.FAIL, result.message
    assert "$13,500.00 USD" in result.message
    assert "the market A rate for this engagement is $15,000.00" in result.message


# ... or adds charges to it in the total.
def test_a_subtotal_at_the_rate_with_charges_after_it_fails(claims):
    invoice = invoice_pdf(
        "Professional services - AMMP Small $15,000.00", "Subtotal $15,000.00",
        "Travel & expenses (see attached receipts) $1,200.00", "Total $16,200.00",
    )  # fmt: skip
    status, (result,) = run(claims, invoice)
    assert status == Status.FAIL, result.message
    assert result.message == (
        'Invoice shows $15,000.00 USD ("Subtotal") plus $1,200.00 USD ("Travel & expenses (see '
        'attached receipts)") charged after it, so a pre-tax amount of $16,200.00 USD; the market A '
        "rate for this engagement is $15,000.00."
    )
    assert [e.excerpt for e in result.evidence] == [
        "Subtotal $15,000.00", "Travel & expenses (see attached receipts) $1,200.00", "Total $16,200.00"
    ]  # fmt: skip


def test_a_subtotal_and_charges_with_tax_on_top_that_make_the_rate_pass(claims):
    invoice = invoice_pdf(
        "Subtotal $6,300.00", "Travel $1,200.00", "VAT 20% $1,500.00", "Total $9,000.00"
    )
    status, (result,) = run(claims, invoice, market="C")
    assert status == Status.PASS, result.message
    assert "plus $1,200.00 USD" in result.message
    assert "so a pre-tax amount of $7,500.00 USD, the same as" in result.message


@pytest.mark.parametrize(
    ("tax_line", "listed"), [("Sales tax $0.00", "($0.00 USD)"), (None, "(none)")]
)
def test_a_total_that_is_not_the_subtotal_and_no_tax_warns(claims, tax_line, listed):
    lines = ["Subtotal $15,000.00", *([tax_line] if tax_line else []), "Total $17,500.00"]
    status, (result,) = run(claims, invoice_pdf(*lines))
    assert status == Status.WARN, result.message
    assert f"its total, $17,500.00 USD, is not that amount plus the tax it lists {listed}" in (
        result.message
    )


# A totals block drawn as a column of labels beside a column of amounts.
def test_a_column_of_labels_beside_a_column_of_amounts(claims):
    invoice = invoice_pdf("Subtotal", "Discount", "Total", "$16,000.00", "-$1,000.00", "$15,000.00")
    status, (result,) = run(claims, invoice)
    assert status == Status.PASS, result.message
    assert 'less a discount of $1,000.00 USD ("Discount")' in result.message


# A bare "$" on an Australian invoice is not shown to be US dollars.
def test_a_bare_dollar_with_gst_and_an_abn_warns(claims):
    invoice = pdf_document(
        "invoice.pdf",
        ["Southern Cross Cloud Pty Ltd", "ABN 51 824 753 556", "Level 5, 1 Martin Place, Sydney NSW 2000",
         "TAX INVOICE 00452", "Claim 3000001", "Subtotal $15,000.00", "GST 10% $1,500.00", "Total $16,500.00"],
    )  # fmt: skip
    status, (result,) = run(claims, invoice)
    assert status == Status.WARN, result.message
    assert "does not say which currency it is in" in result.message
    assert '"$" alone, and it shows "ABN 51 824 753 556"' in result.message


def test_an_australian_invoice_in_us_dollars_passes(claims):
    invoice = pdf_document(
        "invoice.pdf",
        ["Southern Cross Cloud Pty Ltd", "ABN 51 824 753 556", "All amounts in US dollars", "Subtotal $15,000.00",
         "GST 0% $0.00", "Total $15,000.00"],
    )  # fmt: skip
    status, (result,) = run(claims, invoice)
    assert status == Status.PASS, result.message


@pytest.mark.parametrize(
    "title", ["TAX INVOICE 00452", "Tax Invoice No. 00452", "VAT invoice 00452"]
)
def test_a_tax_invoice_title_is_not_a_tax_amount(claims, title):
    invoice = pdf_document(
        "invoice.pdf", [title, "FridayINC Inc.", "All amounts in USD", "Total $15,000.00"]
    )
    status, (result,) = run(claims, invoice)
    assert status == Status.PASS, result.message
    assert "tax," not in result.message and "452" not in result.message


def net_vat_gross_pdf(*rows):
    """A PDF invoice with a Net | VAT | Gross table of item ``rows`` and no totals row."""
    header = ["FridayINC Inc.", "All amounts in USD", "Description Net VAT Gross"]
    return pdf_document("invoice.pdf", [*header, *rows])


def test_item_rows_of_a_net_vat_gross_table_without_totals_add_up_their_net_column(claims):
    invoice = net_vat_gross_pdf(
        "Assessment 7,500.00 1,500.00 9,000.00", "Migration 7,500.00 1,500.00 9,000.00"
    )
    status, (result,) = run(claims, invoice)
    assert status == Status.PASS, result.message
    assert "net amounts ($7,500.00 USD + $7,500.00 USD) add up to $15,000.00 USD" in result.message
    assert [e.excerpt for e in result.evidence] == [
        "Assessment 7,500.00 1,500.00 9,000.00", "Migration 7,500.00 1,500.00 9,000.00"
    ]  # fmt: skip


def test_the_gross_column_of_item_rows_is_not_the_pretax_amount(claims):
    # Gross 9,000 + 6,000 is the rate; net 7,500 + 5,000 is not.
    invoice = net_vat_gross_pdf(
        "Assessment 7,500.00 1,500.00 9,000.00", "Migration 5,000.00 1,000.00 6,000.00"
    )
    status, (result,) = run(claims, invoice)
    assert status == Status.FAIL, result.message
    assert "add up to $12,500.00 USD before tax" in result.message


def test_item_rows_in_a_docx_net_vat_gross_table(claims):
    invoice = docx_document(
        "invoice.docx",
        ["FridayINC Inc.", "All amounts in USD"],
        kind="invoice",
        table=[["Description", "Net", "VAT", "Gross"],
               ["Assessment", "10,000.00", "2,000.00", "12,000.00"],
               ["Migration", "5,000.00", "1,000.00", "6,000.00"]],
    )  # fmt: skip
    status, (result,) = run(claims, invoice)
    assert status == Status.PASS, result.message
    assert "add up to $15,000.00 USD before tax" in result.message


# The tax word before the word that says what the total holds.
@pytest.mark.parametrize(
    ("line", "expected"),
    [("Total (tax exclusive): USD 15,000.00", Status.PASS),
     ("Total - VAT not applicable: USD 15,000.00", Status.PASS),
     ("Total (inclusive of all taxes): USD 15,000.00", Status.WARN)],
)  # fmt: skip
def test_a_total_labelled_with_its_tax_status_first(claims, line, expected):
    status, (result,) = run(claims, invoice_pdf("AMMP App Modernization (Small)", line))
    assert status == expected, result.message


def test_section_subtotals_with_vat_add_up_to_the_pretax_amount(claims):
    status, (result,) = run(
        claims,
        invoice_pdf("Phase 1 subtotal USD 7,500.00", "Phase 2 subtotal USD 7,500.00",
                    "VAT 20% USD 3,000.00", "Total USD 18,000.00"),
    )  # fmt: skip
    assert status == Status.PASS, result.message
    assert "including $3,000.00 USD tax, so a pre-tax amount of $15,000.00 USD" in result.message
    assert len(result.evidence) == 4  # the total, both subtotals and the tax


def test_section_subtotals_with_vat_that_do_not_add_up_fail(claims):
    status, (result,) = run(
        claims,
        invoice_pdf("Phase 1 subtotal USD 7,500.00", "Phase 2 subtotal USD 7,500.00",
                    "VAT 20% USD 3,000.00", "Total USD 19,000.00"),
    )  # fmt: skip
    assert status == Status.FAIL, result.message


def test_an_instalment_of_a_payment_schedule_is_not_the_invoice_amount(claims):
    status, (result,) = run(
        claims,
        invoice_pdf("AMMP App Modernization (Small) USD 15,000.00", "Total USD 15,000.00",
                    "Payment schedule:", "Deposit due on signing (50%) USD 7,500.00",
                    "Balance due on completion (50%) USD 7,500.00"),
        market="C",
    )  # fmt: skip
    assert status == Status.FAIL
    assert 'Invoice shows $15,000.00 USD ("Total")' in result.message


def test_the_balance_due_with_no_schedule_is_still_the_invoice_amount(claims):
    status, (result,) = run(claims, invoice_pdf("Consulting services", "Balance due USD 15,000.00"))
    assert status == Status.PASS, result.message


@pytest.mark.parametrize(
    "invoice",
    [
        docx_document(
            "invoice.docx",
            ["FridayINC Inc.", "INVOICE FRI-2026-0417", "Claim ID: 3000001"],
            kind="invoice",
            table=[["Description", "Amount"], ["AMMP App Modernization (Small)", "$15,000.00"],
                   ["Travel and expenses", "$2,000.00"], ["", "$17,000.00"]],
        ),
        invoice_pdf("AMMP App Modernization (Small)  $15,000.00", "Expenses  $2,000.00",
                    "Amount to be paid: $17,000.00"),
    ],
    ids=["docx-total-row-without-label", "amount-to-be-paid"],
)  # fmt: skip
def test_a_line_item_equal_to_the_rate_is_not_the_total_it_adds_up_to(claims, invoice):
    status, (result,) = run(claims, invoice)
    assert status == Status.FAIL
    assert "Invoice shows $17,000.00 USD" in result.message


def test_an_xlsx_tax_rate_stored_as_a_fraction_is_no_amount(claims):
    import io

    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    for row in [["FridayINC Inc."], ["INVOICE FRI-2026-0417"], ["Claim ID: 3000001"],
                ["Consulting", 15000], ["Tax rate", 0.0825], ["Sales tax", 1237.5],
                ["Total", 16237.5]]:  # fmt: skip
        sheet.append(row)
    for ref in ("B4", "B6", "B7"):
        sheet[ref].number_format = '"$"#,##0.00'
    sheet["B5"].number_format = "0.00%"
    buffer = io.BytesIO()
    book.save(buffer)
    status, (result,) = run(claims, raw_document("invoice.xlsx", buffer.getvalue(), kind="invoice"))
    assert status == Status.PASS, result.message
    assert "including $1,237.50 USD tax, so a pre-tax amount of $15,000.00 USD" in result.message


def test_a_balance_due_after_an_advance_is_not_the_invoice_amount(claims):
    status, (result,) = run(
        claims,
        invoice_pdf("Consulting services $20,000.00", "Total $20,000.00 USD",
                    "Less: advance received -$5,000.00", "Amount due $15,000.00 USD"),
    )  # fmt: skip
    assert status == Status.FAIL
    assert 'Invoice shows $20,000.00 USD ("Total")' in result.message


def test_a_credit_taken_off_the_subtotal_is_a_discount(claims):
    status, (result,) = run(
        claims,
        invoice_pdf("Consulting services $16,000.00", "Subtotal $16,000.00 USD",
                    "Less: partner credit -$1,000.00", "Total $15,000.00 USD"),
    )  # fmt: skip
    assert status == Status.PASS, result.message
    assert "less a discount of $1,000.00 USD" in result.message


@pytest.mark.parametrize(
    ("lines", "market"),
    [(["Total exkl. MWST USD 15'000.00", "MWST 8.1% USD 1'215.00",
       "Total inkl. MWST USD 16'215.00"], "A"),
     (["Total: USD 15,000.00 (taxes not included)"], "A"),
     (["Consulting services", "Total $15,000.00", "No sales tax is included in this invoice."], "A"),
     (["Valor total USD 7,500.00", "Retenção IRRF 1,5% USD 112.50",
       "Valor líquido USD 7,387.50"], "C")],
    ids=["exkl-mwst", "taxes-not-included", "no-sales-tax-included", "valor-liquido"],
)  # fmt: skip
def test_tax_wordings_of_real_invoices(claims, lines, market):
    status, (result,) = run(claims, invoice_pdf(*lines), market=market)
    assert status == Status.PASS, result.message


def test_an_accounts_currency_is_no_declaration_of_the_invoices(claims):
    lines = ["Wire to: Citibank N.A., account currency EUR", "Invoice currency: USD",
             "Subtotal 15,000.00", "Total 15,000.00"]  # fmt: skip
    status, (result,) = run(claims, invoice_pdf(*lines))
    assert status == Status.PASS, result.message


def test_currencies_named_only_in_bank_details_leave_the_currency_unknown(claims):
    lines = ["Subtotal 15,000.00", "Total 15,000.00", "EUR account: IBAN DE89 3704 0044 0532 0130 00",
             "USD account: Citibank, account 4401923377"]  # fmt: skip
    status, (result,) = run(claims, invoice_pdf(*lines))
    assert status == Status.WARN
    assert "does not say which currency it is in" in result.message


# Item lines and no total: the invoice's amount is their sum, not the line equal to the rate.
TEN_THOUSAND = {**VARIABLE, "requested_hours": 62, "proposed_payout_usd": 10000}


@pytest.mark.parametrize(
    "invoice",
    [
        docx_document(
            "invoice.docx", ["FridayINC Inc.", "INVOICE FRI-2026-0417", "Claim ID: 3000001"],
            kind="invoice",
            table=[["Description", "Amount"], ["Envisioning workshop", "$5,000.00 USD"],
                   ["Follow-up architecture session", "$10,000.00 USD"]],
        ),
        invoice_pdf("Envisioning workshop 1 $5,000.00 $5,000.00",
                    "Follow-up architecture session 1 $10,000.00 $10,000.00"),
    ],
    ids=["docx-table", "pdf-lines-with-unit-prices"],
)  # fmt: skip
def test_a_line_item_equal_to_the_payout_with_no_total_does_not_pass(claims, invoice):
    status, (result,) = run(claims, invoice, **TEN_THOUSAND)
    assert status == Status.WARN, result.message
    assert result.message.startswith(
        "Invoice shows no total, and item lines whose amounts ($5,000.00 USD + $10,000.00 USD) "
        "add up to $15,000.00 USD before tax; the proposed payout for this claim is $10,000.00."
    )
    assert "One of its lines, $10,000.00 USD" in result.message


def test_item_lines_with_no_total_adding_up_to_the_rate_pass(claims):
    invoice = invoice_pdf("Assessment $7,500.00 USD", "Migration $7,500.00 USD")
    status, (result,) = run(claims, invoice)
    assert status == Status.PASS, result.message
    assert "item lines whose amounts ($7,500.00 USD + $7,500.00 USD) add up to" in result.message


def test_item_lines_with_no_total_and_none_equal_to_the_rate_fail(claims):
    invoice = invoice_pdf("Assessment $5,000.00 USD", "Migration $4,000.00 USD")
    status, (result,) = run(claims, invoice)
    assert status == Status.FAIL, result.message
    assert "add up to $9,000.00 USD" in result.message


def test_an_unlabelled_total_under_some_of_the_lines_is_the_invoice_amount(claims):
    invoice = invoice_pdf("$7,500.00", "Assessment 2 $2,500.00 $5,000.00",
                          "Report 1 $2,500.00 $2,500.00", "$7,500.00")  # fmt: skip
    status, (result,) = run(claims, invoice, market="C")
    assert status == Status.PASS, result.message
    assert result.evidence[-1].excerpt == "$7,500.00"


# A discount under section subtotals comes off their sum.
SECTIONS_LESS_DISCOUNT = (
    "Phase 1 subtotal 8,000.00 USD",
    "Phase 2 subtotal 4,000.00 USD",
    "Discount -2,000.00 USD",
)


@pytest.mark.parametrize(
    ("after", "total"),
    [((), ""), (("Total 10,000.00 USD",), " (the total, $10,000.00 USD, adds no tax)"),
     (("VAT 20% 2,000.00 USD", "Total 12,000.00 USD"),
      " (the total, $12,000.00 USD, adds $2,000.00 USD tax)")],
    ids=["no-total", "total", "vat-and-total"],
)  # fmt: skip
def test_section_subtotals_less_a_discount_are_the_pretax_amount(claims, after, total):
    status, (result,) = run(claims, invoice_pdf(*SECTIONS_LESS_DISCOUNT, *after), **TEN_THOUSAND)
    assert status == Status.PASS, result.message
    assert result.message.startswith(
        "Invoice shows subtotals $8,000.00 USD + $4,000.00 USD less a discount of $2,000.00 USD "
        f'("Discount"), so a pre-tax amount of $10,000.00 USD{total}, the same as'
    )
    assert [e.excerpt for e in result.evidence][:3] == list(SECTIONS_LESS_DISCOUNT)


def test_the_last_section_less_the_discount_is_not_the_pretax_amount(claims):
    status, (result,) = run(
        claims,
        invoice_pdf(*SECTIONS_LESS_DISCOUNT),
        **{**TEN_THOUSAND, "proposed_payout_usd": 2000},
    )
    assert status == Status.FAIL, result.message
    assert "so a pre-tax amount of $10,000.00 USD" in result.message


def test_section_subtotals_less_a_discount_and_a_total_that_is_not_that_fail(claims):
    lines = (*SECTIONS_LESS_DISCOUNT, "VAT 20% 2,000.00 USD", "Total 13,000.00 USD")
    status, (result,) = run(claims, invoice_pdf(*lines), **TEN_THOUSAND)
    assert status == Status.FAIL, result.message


@pytest.mark.parametrize(
    ("number_format", "market", "usd", "inr"),
    [("#,##0.00", "C", 7500.0, 622500.0), ("#,##0", "A", 15000, 1245000)],
    ids=["two-decimals", "integer"],
)  # fmt: skip
def test_usd_column_of_a_two_currency_sheet(claims, number_format, market, usd, inr):
    invoice = formatted_xlsx(
        "invoice.xlsx",
        [["Indus Techworks Private Limited"], ["TAX INVOICE"], ["Claim ID", "3000001"],
         ["Description", "Amount (USD)", "Amount (INR)"], ["AMMP modernization", usd, inr],
         ["Subtotal", usd, inr], ["Total", usd, inr]],
        number_format,
    )  # fmt: skip
    status, (result,) = run(claims, invoice, market=market)
    assert status == Status.PASS, result.message
    assert result.message.startswith(f'Invoice shows ${usd:,.2f} USD before tax ("Subtotal")')
    assert result.evidence[0].location == "Sheet!A6 / Sheet!B6"


def test_usd_column_of_a_two_currency_sheet_with_the_wrong_amount(claims):
    invoice = formatted_xlsx(
        "invoice.xlsx",
        [["Description", "Amount (USD)", "Amount (INR)"], ["AMMP modernization", 12000, 996000],
         ["Subtotal", 12000, 996000], ["Total", 12000, 996000]],
        "#,##0",
    )  # fmt: skip
    status, (result,) = run(claims, invoice)
    assert status == Status.FAIL, result.message
    assert result.message.startswith('Invoice shows $12,000.00 USD ("Subtotal")')


# A sheet row leaves its blank cells out: its amounts are read in the columns their cells are in.
def item_sheet(*items, header=("Description", "Qty", "Currency", "Amount")):
    top = [["FridayINC Inc."], ["INVOICE FRI-2026-0417"], ["Claim ID", "3000001"]]
    if "Currency" not in header:
        top[0].append("All amounts in USD")
    return xlsx_document("invoice.xlsx", [*top, list(header), *items], kind="invoice")


@pytest.mark.parametrize(
    "invoice",
    [item_sheet(["Assessment", 1, "USD", 7500], ["Migration", 1, None, 7500]),
     item_sheet(["Assessment", 1, "USD", 7500], ["Migration", 1, "USD", 7500]),
     item_sheet(["Assessment", "USD", 1, 7500], ["Migration", None, 1, 7500],
                header=("Description", "Currency", "Qty", "Amount"))],
    ids=["one-currency-cell-blank", "every-currency-cell-filled", "currency-before-qty"],
)  # fmt: skip
def test_sheet_item_rows_with_a_currency_column_add_up_their_amounts(claims, invoice):
    status, (result,) = run(claims, invoice)
    assert status == Status.PASS, result.message
    assert result.message == (
        "Invoice shows no total, and item lines whose amounts ($7,500.00 USD + $7,500.00 USD) "
        "add up to $15,000.00 USD before tax, the same as the market A rate for this engagement "
        "($15,000.00)."
    )
    assert [e.location for e in result.evidence] == ["Sheet!A5 / Sheet!D5", "Sheet!A6 / Sheet!D6"]


def test_sheet_item_rows_with_a_blank_currency_cell_of_another_markets_rate_fail(claims):
    invoice = item_sheet(["Assessment", 1, "USD", 6000], ["Migration", 1, None, 6000])
    status, (result,) = run(claims, invoice)
    assert status == Status.FAIL, result.message
    assert result.message == (
        "Invoice shows no total, and item lines whose amounts ($6,000.00 USD + $6,000.00 USD) "
        "add up to $12,000.00 USD before tax; the market A rate for this engagement is $15,000.00."
    )


def test_a_single_item_row_with_its_currency_in_a_column_of_its_own(claims):
    status, (result,) = run(
        claims, item_sheet(["AMMP App Modernization", 1, "USD", 12000]), market="B"
    )
    assert status == Status.PASS, result.message
    assert result.message.startswith(
        "Invoice shows $12,000.00 USD before tax, the same as the market B"
    )
    status, (result,) = run(
        claims, item_sheet(["AMMP App Modernization", 1, "USD", 15000]), market="B"
    )
    assert status == Status.FAIL, result.message
    assert result.message == (
        "Invoice shows $15,000.00 USD; the market B rate for this engagement is $12,000.00."
    )


NET_VAT_GROSS = ("Description", "Qty", "Net", "VAT", "Gross")


def test_sheet_item_rows_with_blank_vat_cells_add_up_their_net_column(claims):
    invoice = item_sheet(["Assessment", 1, 7500, None, 7500], ["Migration", 1, 7500, None, 7500],
                         header=NET_VAT_GROSS)  # fmt: skip
    status, (result,) = run(claims, invoice)
    assert status == Status.PASS, result.message
    assert "net amounts ($7,500.00 USD + $7,500.00 USD) add up to $15,000.00 USD" in result.message


def test_a_sheet_total_with_a_blank_vat_cell_is_read_in_its_net_column(claims):
    # Gross 15,000 is the rate; the net cell, two columns left of it, is not.
    invoice = item_sheet(["AMMP App Modernization", 1, 12500, None, 15000],
                         ["Total", None, 12500, None, 15000], header=NET_VAT_GROSS)  # fmt: skip
    status, (result,) = run(claims, invoice)
    assert status == Status.FAIL, result.message
    assert result.message == (
        'Invoice shows $12,500.00 USD ("Total (Net)"); the market A rate for this engagement is '
        "$15,000.00."
    )
    assert result.evidence[0].location == "Sheet!A6 / Sheet!C6"
