"""Reading invoices: amounts, currencies, labels and invoice numbers, from real documents.

Also the helpers the other invoice tests share: ``pdf_document`` (a real PDF made with
reportlab) and ``sample_claims`` (the claim views of the sample bundles in sample_poe/).
"""

from __future__ import annotations

import functools
import hashlib
import json
from decimal import Decimal
from pathlib import Path

import pytest

from checks._invoice import (
    Line,
    classify_label,
    column_currencies,
    column_kinds,
    find_amounts,
    includes_tax,
    invoice_number,
    parse_amount,
    read_invoice,
)
from workbench.extract import extract_file
from workbench.testing import DocumentSpec, docx_document, pptx_document, xlsx_document

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO.parent / "shared" / "corpus"
SAMPLES = REPO / "sample_poe"


# ---------------------------------------------------------------------------------------
# Helpers shared by the invoice check tests
# ---------------------------------------------------------------------------------------


def pdf_document(
    file_name: str, lines: list[str], *, kind: str = "invoice", japanese: bool = False
) -> DocumentSpec:
    """A PDF with one text line per entry of ``lines``, written by reportlab."""
    pytest.importorskip("reportlab")

    def write(path: Path) -> None:
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.cidfonts import UnicodeCIDFont
        from reportlab.pdfgen import canvas

        page = canvas.Canvas(str(path))
        font = "Helvetica"
        if japanese:
            pdfmetrics.registerFont(UnicodeCIDFont("HeiseiKakuGo-W5"))
            font = "HeiseiKakuGo-W5"
        page.setFont(font, 10)
        y = 800
        for line in lines:
            page.drawString(50, y, line)
            y -= 14
        page.save()

    return DocumentSpec(file_name, kind, write)


def read_spec(tmp_path: Path, spec: DocumentSpec):
    """Write ``spec`` and read it back as the checks would."""
    path = tmp_path / spec.file_name
    spec.write(path)
    extraction = extract_file(path)
    assert extraction.ok, extraction.error
    return extraction


def sample_claims(builder, check_id: str) -> list:
    """(claim view, expected status of ``check_id``) for every sample bundle.

    The views carry the document matches the engine would find: exact copies by hash,
    near copies by the engine's own similarity measure.
    """
    from workbench.check_api import DocumentMatch
    from workbench.engine import similarity
    from workbench.testing import raw_document

    try:
        expected = json.loads((SAMPLES / "EXPECTED.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        pytest.skip(f"sample bundles not found at {SAMPLES}")
    folders = sorted(
        p for p in SAMPLES.iterdir() if (p / "claim.json").is_file() and p.name[0].isdigit()
    )
    bundles, documents = [], []
    for folder in folders:
        data = json.loads((folder / "claim.json").read_text(encoding="utf-8"))
        customer = data["customer"]
        domain = customer["id"] if customer["id_type"] == "domain" else None
        masks = similarity.mask_terms(customer["name"], domain, data["partner"]["name"])
        for entry in data["documents"]:
            path = folder / entry["file"]
            documents.append(
                (data["claim_id"], entry["file"], entry["kind"], hashlib.sha256(path.read_bytes()).hexdigest(),
                 similarity.shingles(extract_file(path).text, masks))
            )  # fmt: skip
        bundles.append((folder, data))
    views = []
    for folder, data in bundles:
        matches: dict[str, list] = {}
        for claim_id, name, _kind, digest, grams in documents:
            if claim_id != data["claim_id"]:
                continue
            for other_id, other_name, other_kind, other_digest, other_grams in documents:
                if other_id == claim_id:
                    continue
                same = digest == other_digest
                score = 1.0 if same else similarity.jaccard(grams, other_grams)
                if same or score >= similarity.NEAR_COPY:
                    matches.setdefault(name, []).append(
                        DocumentMatch(other_id, other_name, other_kind, score, same)
                    )
        specs = [
            raw_document(d["file"], (folder / d["file"]).read_bytes(), kind=d["kind"])
            for d in data["documents"]
        ]
        fields = {k: v for k, v in data.items() if k != "documents"}
        view = builder.view(documents=specs, matches=matches, **fields)
        views.append((view, expected[data["claim_id"]]["checks"][check_id]))
    return views


# ---------------------------------------------------------------------------------------
# Amounts in the formats partners use
# ---------------------------------------------------------------------------------------

FORMATS = [
    ("$15,000.00 USD", "15000.00", "USD"),
    ("USD 15,000", "15000", "USD"),
    ("US$ 7,500.00", "7500.00", "USD"),
    ("15 000,00 USD", "15000.00", "USD"),
    ("15\u00a0000,00 USD", "15000.00", "USD"),
    ("15\u202f000,00\u00a0USD", "15000.00", "USD"),
    ("12.000,00 USD", "12000.00", "USD"),
    ("15,000 USD", "15000", "USD"),
    ("$15,000", "15000", "USD"),
    ("USD15000.00", "15000.00", "USD"),
    ("15000USD", "15000", "USD"),
    ("U.S.$ 1,630.00", "1630.00", "USD"),
    ("１５，０００ USD", "15000", "USD"),
    ("15'000.00 CHF", "15000.00", "CHF"),
    ("CHF 15’000.00", "15000.00", "CHF"),
    ("USD 15'000", "15000", "USD"),
    ("USD 15’000.–", "15000", "USD"),
    ("1'630 CHF", "1630", "CHF"),
    ("€ 4.500,00", "4500.00", "EUR"),
    ("4 500,00 EUR", "4500.00", "EUR"),
    ("4,500.00 €", "4500.00", "EUR"),
    ("EUR 4.500", "4500", "EUR"),
    ("£7,500.00", "7500.00", "GBP"),
    ("GBP 7,500", "7500", "GBP"),
    ("₹1,25,000.00", "125000.00", "INR"),
    ("INR 125000", "125000", "INR"),
    ("Rs. 1,939", "1939", "INR"),
    ("Rs 1939", "1939", "INR"),
    ("¥1,650,000", "1650000", "JPY"),
    ("1,650,000円", "1650000", "JPY"),
    ("JPY 1,650,000", "1650000", "JPY"),
    ("CA$ 5,000.00", "5000.00", "CAD"),
    ("A$5,000", "5000", "AUD"),
    ("R$ 7.500,00", "7500.00", "BRL"),
    ("-233,47 €", "-233.47", "EUR"),
    ("$-50.00", "-50.00", "USD"),
    ("1,00,000 INR", "100000", "INR"),
    ("15,000 euros", "15000", "EUR"),
]


@pytest.mark.parametrize(("text", "value", "currency"), FORMATS, ids=[f[0] for f in FORMATS])
def test_amount_formats(text, value, currency):
    assert parse_amount(text) == (Decimal(value), currency)


@pytest.mark.parametrize(
    "text",
    ["Invoice date: 2026-10-27", "EIN 88-4417392", "VAT 20 %", "40 hours", "Claim ID: 3100001",
     "Due date: Net 30", "INV-2026-0417", "14:32:18", "03/20/2023"],
)  # fmt: skip
def test_numbers_that_are_not_amounts(text):
    assert parse_amount(text) is None


def test_decimal_and_thousands_separators():
    cases = {
        "1,234.56": "1234.56", "1.234,56": "1234.56", "1 234,56": "1234.56", "1'234.56": "1234.56",
        "12.000": "12000", "12,000": "12000", "1021,91": "1021.91", "2000,00": "2000.00",
        "29.99": "29.99", "0.025": "0.025", "1,234,567.89": "1234567.89", "1.234.567,89": "1234567.89",
    }  # fmt: skip
    for text, value in cases.items():
        assert parse_amount(f"USD {text}") == (Decimal(value), "USD"), text


def test_a_quantity_and_a_price_are_not_one_spaced_number():
    # "1 278.61" is quantity 1 and price 278.61, not 1278.61 (spaces group thousands only
    # with a decimal comma or a currency right next to the number).
    values = [v for v, _c, _r in find_amounts("Total 1 278.61 40.39 319.00")]
    assert Decimal("1278.61") not in values and Decimal("319.00") in values


@pytest.mark.parametrize(
    ("label", "kind"),
    [("Subtotal", "pretax"), ("Sub-total (pre-tax)", "pretax"), ("Net amount", "pretax"),
     ("Amount excl. VAT", "pretax"), ("Total before tax", "pretax"), ("Montant HT", "pretax"),
     ("Total HT", "pretax"), ("小計", "pretax"), ("Nettobetrag", "pretax"), ("Summe netto", "pretax"),
     ("Rechnungssumme ohne USt.", "pretax"), ("Exclusief BTW", "pretax"), ("Net total", "pretax"),
     ("VAT 20%", "tax"), ("TVA 20 %", "tax"), ("GST 18%", "tax"), ("Sales tax", "tax"),
     ("消費税 (10%)", "tax"), ("USt. (19 %)", "tax"), ("Total taxes", "tax"), ("Total TVA", "tax"),
     ("Total", "total"), ("Grand total", "total"), ("Total TTC", "total"), ("合計", "total"),
     ("Total incl. VAT", "total"), ("Bruttosumme", "total"), ("Rechnungsbetrag", "total"),
     ("Amount due", "due"), ("Balance due", "due"), ("Net à payer", "due"), ("Zahlbetrag", "due"),
     ("Total due", "due"), ("VAT No.", None), ("N° TVA intra", None), ("Claim ID", None),
     ("Description", None), ("Net amount due", "due"), ("Net amount payable", "due"),
     ("Discount", "discount"), ("Less: discount (5%)", "discount"), ("Remise", "discount"),
     ("Rabatt 3 %", "discount"), ("Descuento", "discount"), ("値引き", "discount"),
     ("Total after discount", "total"), ("Subtotal before discount", "pretax"),
     ("Less: partner credit", "discount"), ("Less: credit card fee", None),
     ("Withholding tax 2%", "withholding"), ("Tax withheld", "withholding"), ("TDS @ 10%", "withholding"),
     ("WHT", "withholding"), ("Retención IRPF 15%", "withholding"), ("Ritenuta d'acconto", "withholding"),
     ("源泉徴収税", "withholding"), ("VAT GB", None), ("TVA : FR", None),
     ("Total (tax exclusive)", "pretax"), ("Total - VAT not applicable", "pretax"),
     ("Amount excluding applicable taxes", "pretax"), ("Total (inclusive of all taxes)", "total"),
     ("Total (tax included)", "total"), ("Total amount (GST inclusive)", "total")],
)  # fmt: skip
def test_labels(label, kind):
    assert classify_label(label) == kind


# ---------------------------------------------------------------------------------------
# Labelled amounts in real documents
# ---------------------------------------------------------------------------------------


def _labelled(reading) -> dict[str, list[tuple[Decimal, str | None]]]:
    found: dict[str, list] = {}
    for amount in reading.amounts:
        if amount.kind:
            found.setdefault(amount.kind, []).append((amount.value, amount.currency))
    return found


def test_pdf_lines_with_vat(tmp_path):
    extraction = read_spec(
        tmp_path,
        pdf_document(
            "facture.pdf",
            ["Lumiere Conseil SAS", "Facture n° LC-2026-118", "1 15 000,00 USD 15 000,00 USD",
             "Total HT 15 000,00 USD", "TVA 20 % 3 000,00 USD", "Total TTC 18 000,00 USD"],
        ),
    )  # fmt: skip
    reading = read_invoice(extraction.segments)
    labelled = _labelled(reading)
    assert labelled["pretax"] == [(Decimal("15000.00"), "USD")]
    assert labelled["tax"] == [(Decimal("3000.00"), "USD")]
    assert labelled["total"] == [(Decimal("18000.00"), "USD")]
    subtotal = reading.pretax[0]
    assert subtotal.location == "page 1" and subtotal.excerpt == "Total HT 15 000,00 USD"


@pytest.mark.parametrize(
    "note",
    ["VAT reverse charge applies (Art. 44 and 196, Directive 2006/112/EC).", "VAT Reverse charge (s.8 VATA 1994)",
     "TVA : autoliquidation, article 283-2 du CGI et article 196 de la directive", "VAT: Art. 196(1)",
     "USt.: Steuerschuldnerschaft des Leistungsempfängers, § 13b UStG", "GST exempt 2026"],
)  # fmt: skip
def test_legal_references_on_a_tax_line_are_not_amounts(tmp_path, note):
    extraction = read_spec(
        tmp_path,
        pdf_document("inv.pdf", ["Invoice INV-7", note, "Total $15,000.00", "VAT 20% 3000"]),
    )
    labelled = _labelled(read_invoice(extraction.segments))
    assert labelled["total"] == [(Decimal("15000.00"), "USD")]
    assert labelled["tax"] == [(Decimal("3000"), "USD")]  # a bare tax amount still counts


def test_label_on_the_line_above_its_amount(tmp_path):
    extraction = read_spec(
        tmp_path,
        pdf_document("inv.pdf", ["Currency: EUR", "TOTAL HT", "100,00", "TOTAL TTC", "120,00"]),
    )
    labelled = _labelled(read_invoice(extraction.segments))
    assert labelled["pretax"] == [(Decimal("100.00"), "EUR")]
    assert labelled["total"] == [(Decimal("120.00"), "EUR")]


def test_japanese_pdf(tmp_path):
    extraction = read_spec(
        tmp_path,
        pdf_document(
            "請求書.pdf",
            ["請求書番号: SDS-2026-1022", "小計 (Subtotal, pre-tax)", "USD 6,000", "消費税 USD 0", "合計 USD 6,000",
             "金額はすべて米ドル（USD）建てです。"],
            japanese=True,
        ),
    )  # fmt: skip
    reading = read_invoice(extraction.segments)
    assert reading.currency == "USD" and reading.currency_source == "declared"
    labelled = _labelled(reading)
    assert labelled["pretax"] == [(Decimal("6000"), "USD")]
    assert labelled["total"] == [(Decimal("6000"), "USD")]
    assert invoice_number(extraction.segments).value == "SDS-2026-1022"


def test_docx_table_row(tmp_path):
    extraction = read_spec(
        tmp_path,
        docx_document(
            "invoice.docx",
            ["FridayINC Inc.", "INVOICE"],
            table=[["Description", "Amount"], ["Enable Frontline Workshop", "$5,000.00 USD"],
                   ["Subtotal (pre-tax)", "$5,000.00 USD"], ["Total due", "$5,000.00 USD"]],
        ),
    )  # fmt: skip
    reading = read_invoice(extraction.segments)
    (subtotal,) = reading.pretax
    assert (subtotal.value, subtotal.currency, subtotal.location) == (
        Decimal("5000.00"),
        "USD",
        "table 1 row 3",
    )
    assert subtotal.label == "Subtotal (pre-tax)"
    assert [a.location for a in reading.totals] == ["table 1 row 4"]


def test_docx_no_break_spaces(tmp_path):
    extraction = read_spec(
        tmp_path,
        docx_document("inv.docx", ["Montant HT\u00a0: 15\u202f000,00\u00a0USD"], kind="invoice"),
    )
    (subtotal,) = read_invoice(extraction.segments).pretax
    assert (subtotal.value, subtotal.currency) == (Decimal("15000.00"), "USD")


def test_xlsx_label_and_number_cells(tmp_path):
    extraction = read_spec(
        tmp_path,
        xlsx_document(
            "invoice.xlsx",
            [["Indus Techworks Private Limited", None, None, "INVOICE"],
             ["Description", "Qty", "Unit price", "Amount"],
             ["Envisioning workshop", 10, 163, 1630],
             [None, None, "Subtotal (pre-tax)", 1630],
             [None, None, "Total due (USD)", 1630.5],
             ["All amounts are in US dollars (USD)."]],
        ),
    )  # fmt: skip
    reading = read_invoice(extraction.segments)
    (subtotal,) = reading.pretax
    assert (subtotal.value, subtotal.currency) == (Decimal("1630"), "USD")
    assert subtotal.location == "Sheet!C4 / Sheet!D4"
    (total,) = reading.totals
    assert (total.value, total.currency, total.currency_source) == (
        Decimal("1630.5"),
        "USD",
        "label",
    )
    # The line item's bare numbers (quantity 10, price 163) are not amounts.
    assert Decimal("10") not in [a.value for a in reading.amounts]


def test_pptx_slide(tmp_path):
    extraction = read_spec(
        tmp_path,
        pptx_document(
            "invoice.pptx",
            [("Invoice INV-77", "Claim ID: 3000001\nTotal (excl. VAT): USD 1,630.00")],
        ),
    )
    (subtotal,) = read_invoice(extraction.segments).pretax
    assert (subtotal.value, subtotal.currency, subtotal.location) == (
        Decimal("1630.00"),
        "USD",
        "slide 1",
    )


def test_declared_currency_applies_to_bare_amounts(tmp_path):
    extraction = read_spec(
        tmp_path,
        pdf_document(
            "re.pdf", ["Währung: EUR", "Rechnungssumme ohne USt. 473,00", "Bruttosumme 529,87"]
        ),
    )
    reading = read_invoice(extraction.segments)
    assert reading.currency == "EUR"
    assert _labelled(reading) == {
        "pretax": [(Decimal("473.00"), "EUR")],
        "total": [(Decimal("529.87"), "EUR")],
    }


def test_dollar_sign_follows_a_declared_dollar(tmp_path):
    extraction = read_spec(
        tmp_path, pdf_document("inv.pdf", ["Currency: CAD", "Subtotal $5,000.00"])
    )
    assert read_invoice(extraction.segments).pretax[0].currency == "CAD"


@pytest.mark.parametrize(
    ("line", "currency"),
    [("Total HT 4 500,00 EUR", "EUR"), ("Subtotal £3,000.00", "GBP"), ("Subtotal € 4.500,00", "EUR"),
     ("Net amount GBP 3,000", "GBP"), ("Subtotal INR 1,25,000.00", "INR"), ("Subtotal Rs. 1,25,000", "INR")],
)  # fmt: skip
def test_other_currencies_are_never_usd(tmp_path, line, currency):
    extraction = read_spec(
        tmp_path, pdf_document("inv.pdf", ["Bill to: Microsoft Corporation", line])
    )
    reading = read_invoice(extraction.segments)
    assert reading.pretax[0].currency == currency
    assert all(a.currency != "USD" for a in reading.amounts)


@pytest.mark.parametrize(
    ("header", "source"),
    [("Description Line Total (USD)", "declared"), ("Description Rate [USD]", "declared"),
     ("Payment in USD within 30 days", "amounts")],
)  # fmt: skip
def test_a_bank_accounts_currency_is_not_the_invoices(tmp_path, header, source):
    extraction = read_spec(
        tmp_path,
        pdf_document(
            "inv.pdf",
            [header, "App modernization assessment 15,000.00", "Subtotal 15,000.00",
             "Total 15,000.00", "Bank: Deutsche Bank, EUR account, IBAN DE89 3704 0044 0532 0130 00"],
        ),
    )  # fmt: skip
    reading = read_invoice(extraction.segments)
    assert (reading.currency, reading.currency_source) == ("USD", source)


def test_no_currency_is_not_taken_for_usd(tmp_path):
    extraction = read_spec(
        tmp_path,
        pdf_document("inv.pdf", ["Redmond, WA 98052, United States", "Subtotal 15,000.00"]),
    )
    (subtotal,) = read_invoice(extraction.segments).pretax
    # Guessed from the address, but a check must not treat a guess as a stated currency.
    assert subtotal.currency == "USD" and subtotal.currency_source == "inferred"
    assert subtotal.stated_currency is None


@pytest.mark.parametrize(
    ("lines", "number"),
    [(["Invoice No.: INV-2026-001"], "INV-2026-001"), (["Invoice #: 42183017"], "42183017"),
     (["Facture n° F-2026-118"], "F-2026-118"), (["Rechnungsnummer: R0005532486"], "R0005532486"),
     (["Invoice INV/2023/03/0008"], "INV/2023/03/0008"), (["Invoice date: 2026-10-01"], None),
     (["Inv. No. 7781"], "7781"), (["Inv No: A-77"], "A-77"), (["Fattura n. 12/2026"], "12/2026"),
     (["No. factura: F-001"], "F-001"), (["Invoice Number", "INV-0042"], "INV-0042"),
     (["Invoice No.:", "2026-0042"], "2026-0042"), (["INVOICE", "# INV-000042"], "INV-000042"),
     (["TAX INVOICE", "No. 4471"], "4471"), (["Invoice number", "2026-10-27"], None),
     (["Invoice No.", "Claim ID: 3000001"], None), (["INVOICE", "INV-000042 is due in 30 days"], None),
     (["Payments must quote the invoice number. 5. Bank charges are the payer's."], None),
     # a row of column titles, the values under it (Xero's PDF layout)
     (["Invoice Date Invoice Number Reference", "20 Oct 2026 INV-0042 Claim 3000001"], "INV-0042"),
     (["Date Invoice No. Due date", "2026-10-20 2026/117A 2026-11-19"], "2026/117A"),
     (["Invoice Date Invoice Number Reference", "20 Oct 2026 4471 Claim 3000001"], None)],
)  # fmt: skip
def test_invoice_numbers(tmp_path, lines, number):
    extraction = read_spec(tmp_path, pdf_document("inv.pdf", lines))
    found = invoice_number(extraction.segments)
    assert (found.value if found else None) == number


def test_invoice_number_in_cells(tmp_path):
    extraction = read_spec(
        tmp_path,
        xlsx_document(
            "inv.xlsx", [["Falcon Cloud Services"], [None, "Invoice number", "FCS-26-0931"]]
        ),
    )
    found = invoice_number(extraction.segments)
    assert (found.value, found.location) == ("FCS-26-0931", "Sheet!C2")


# ---------------------------------------------------------------------------------------
# The labelled invoices of the shared corpus
# ---------------------------------------------------------------------------------------

# The visible text of this PDF totals 1.589,80 EUR; the 119.00 of the oracle comes from the
# Factur-X XML embedded in it, which says something else than the page.
VISIBLE_TEXT_DISAGREES = {"zugferd-corpus/ok/acme_invoice-42_ZUGFeRD.pdf"}


def _corpus_expectations() -> dict:
    path = CORPUS / "INVOICES_EXPECTED.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}


CORPUS_INVOICES = _corpus_expectations()


@functools.cache
def _corpus_reading(path: str):
    extraction = extract_file(CORPUS / path)
    assert extraction.ok, extraction.error
    return read_invoice(extraction.segments)


def _corpus_hits(path: str, expected: dict) -> list:
    values = {
        Decimal(str(expected[k])).quantize(Decimal("0.01"))
        for k in ("amount", "due")
        if expected.get(k) is not None
    }
    # A credit note (type 381) states as positive what the page prints as negative.
    values |= {-v for v in values}
    return [a for a in _corpus_reading(path).totals if a.cents in values]


@pytest.mark.parametrize("path", sorted(CORPUS_INVOICES) or ["no-corpus"])
def test_corpus_invoice(path):
    if not CORPUS_INVOICES:
        pytest.skip(f"document corpus not found at {CORPUS}")
    expected = CORPUS_INVOICES[path]
    if path in VISIBLE_TEXT_DISAGREES:
        pytest.xfail("the expected total is in the embedded XML, not on the page")
    reading = _corpus_reading(path)
    assert reading.currency == expected["currency"], [
        (a.value, a.currency) for a in reading.amounts
    ]
    if expected.get("amount") is None:
        return
    hits = _corpus_hits(path, expected)
    assert hits, f"no labelled total or due amount of {expected['amount']} {expected['currency']}"
    assert {a.currency for a in hits} == {expected["currency"]}


def test_corpus_accuracy_and_no_foreign_total_read_as_usd():
    if not CORPUS_INVOICES:
        pytest.skip(f"document corpus not found at {CORPUS}")
    right = 0
    for path, expected in CORPUS_INVOICES.items():
        reading = _corpus_reading(path)
        hits = _corpus_hits(path, expected)
        amount_ok = expected.get("amount") is None or bool(hits)
        right += reading.currency == expected["currency"] and amount_ok
        if expected["currency"] != "USD":
            assert all(a.currency != "USD" for a in reading.totals), path
        else:
            assert amount_ok, path
    assert right >= len(CORPUS_INVOICES) - len(VISIBLE_TEXT_DISAGREES)


@pytest.mark.parametrize(
    ("line", "kind"),
    [("Total: $15,000.00 (excl. VAT)", "pretax"), ("Invoice total: USD 15,000.00 + VAT", "pretax"),
     ("Total 15 000,00 USD HT", "pretax"), ("Prélèvement le 05/07 29.99 € TTC", "total"),
     ("Total: $18,000.00 incl. VAT", "total")],
)  # fmt: skip
def test_label_written_after_the_amount(tmp_path, line, kind):
    extraction = read_spec(tmp_path, pdf_document("inv.pdf", [line]))
    (amount,) = [a for a in read_invoice(extraction.segments).amounts if a.kind]
    assert amount.kind == kind


# ---------------------------------------------------------------------------------------
# What is not an amount, or not the amount its line seems to label
# ---------------------------------------------------------------------------------------


def test_a_vat_number_after_its_country_code_is_not_tax(tmp_path):
    extraction = read_spec(
        tmp_path,
        pdf_document(
            "inv.pdf",
            ["Thames Digital Partners Ltd", "VAT GB 123 4567 89", "TVA : FR 12 812345678",
             "Subtotal $15,000.00", "VAT 20% $3,000.00", "Total $18,000.00"],
        ),
    )  # fmt: skip
    assert _labelled(read_invoice(extraction.segments))["tax"] == [(Decimal("3000.00"), "USD")]


def test_the_number_of_a_clause_is_not_an_amount(tmp_path):
    terms = "5. The amount due must reach our account. 6. This invoice is governed by English law."
    extraction = read_spec(tmp_path, pdf_document("inv.pdf", ["Services $7,500.00", terms]))
    reading = read_invoice(extraction.segments)
    assert [a.value for a in reading.amounts] == [Decimal("7500.00")]


def test_an_exempt_tax_column_does_not_make_the_amount_tax(tmp_path):
    extraction = read_spec(
        tmp_path,
        docx_document(
            "invoice.docx", ["FridayINC Inc."], kind="invoice",
            table=[["Description", "Tax", "Amount"], ["Consulting", "Tax: Exempt", "$7,500.00 USD"]],
        ),
    )  # fmt: skip
    (amount,) = read_invoice(extraction.segments).amounts
    assert (amount.value, amount.kind) == (Decimal("7500.00"), None)


@pytest.mark.parametrize(
    ("line", "amounts"),
    [("Remise commerciale 1,00% sur 100,00 EUR", [("100.00", None)]),
     ("Discount 10% of $8,000.00 -$800.00", [("8000.00", None), ("-800.00", "discount")]),
     ("Withholding tax 2% on $7,500.00", [("7500.00", None)]),
     ("Withholding tax 2% on $7,500.00: $150.00", [("7500.00", None), ("150.00", "withholding")]),
     ("Discount (10%) -$800.00", [("-800.00", "discount")])],
)  # fmt: skip
def test_the_amount_a_rate_is_taken_of_is_not_the_discount(tmp_path, line, amounts):
    extraction = read_spec(tmp_path, pdf_document("inv.pdf", [line]))
    reading = read_invoice(extraction.segments)
    assert [(str(a.value), a.kind) for a in reading.amounts] == amounts


# ---------------------------------------------------------------------------------------
# Currencies a table header gives its amount columns
# ---------------------------------------------------------------------------------------


def test_currency_columns_of_a_table(tmp_path):
    extraction = read_spec(
        tmp_path,
        docx_document(
            "invoice.docx", ["Indus Techworks Private Limited", "TAX INVOICE"], kind="invoice",
            table=[["Description", "Amount (USD)", "Amount (INR)"],
                   ["Envisioning workshop", "7,500.00", "6,22,500.00"],
                   ["Subtotal", "7,500.00", "6,22,500.00"],
                   ["IGST 18%", "1,350.00", "1,12,050.00"],
                   ["Total", "8,850.00", "7,34,550.00"]],
        ),
    )  # fmt: skip
    labelled = _labelled(read_invoice(extraction.segments))
    assert labelled == {
        "pretax": [(Decimal("7500.00"), "USD"), (Decimal("622500.00"), "INR")],
        "tax": [(Decimal("1350.00"), "USD"), (Decimal("112050.00"), "INR")],
        "total": [(Decimal("8850.00"), "USD"), (Decimal("734550.00"), "INR")],
    }


def test_currency_columns_of_pdf_lines(tmp_path):
    extraction = read_spec(
        tmp_path,
        pdf_document(
            "invoice.pdf",
            ["Description Qty Amount (USD) Amount (INR)", "Envisioning workshop 1 7,500.00 6,22,500.00",
             "Subtotal 7,500.00 6,22,500.00", "Total 7,500.00 6,22,500.00"],
        ),
    )  # fmt: skip
    (subtotal_usd, subtotal_inr) = read_invoice(extraction.segments).pretax
    assert (subtotal_usd.value, subtotal_usd.currency) == (Decimal("7500.00"), "USD")
    assert (subtotal_inr.value, subtotal_inr.currency) == (Decimal("622500.00"), "INR")


def formatted_xlsx(file_name: str, rows: list[list], number_format: str) -> DocumentSpec:
    """A sheet of ``rows`` whose number cells carry ``number_format`` ('#,##0.00'), as
    accounting software writes them: the cell holds 7500, the format shows 7,500.00."""

    def write(path: Path) -> None:
        import openpyxl

        book = openpyxl.Workbook()
        sheet = book.active
        for row in rows:
            sheet.append(row)
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, int | float):
                    cell.number_format = number_format
        book.save(path)

    return DocumentSpec(file_name, "invoice", write)


@pytest.mark.parametrize(
    ("number_format", "usd", "inr"),
    [("#,##0.00", 7500.0, 622500.0), ("#,##0", 15000, 1245000)],
    ids=["two-decimals", "integer"],
)  # fmt: skip
def test_currency_columns_of_a_sheet_with_formatted_numbers(tmp_path, number_format, usd, inr):
    extraction = read_spec(
        tmp_path,
        formatted_xlsx(
            "invoice.xlsx",
            [["Indus Techworks Private Limited"], ["Description", "Amount (USD)", "Amount (INR)"],
             ["Envisioning workshop", usd, inr], ["Subtotal", usd, inr], ["Total", usd, inr]],
            number_format,
        ),
    )  # fmt: skip
    reading = read_invoice(extraction.segments)
    assert _labelled(reading) == {
        "pretax": [(Decimal(usd), "USD"), (Decimal(inr), "INR")],
        "total": [(Decimal(usd), "USD"), (Decimal(inr), "INR")],
    }
    (item_usd, item_inr) = reading.amounts[:2]
    assert (item_usd.kind, item_usd.currency, item_usd.location) == (
        None, "USD", "Sheet!A3 / Sheet!B3"
    )  # fmt: skip
    assert (item_inr.currency, item_inr.location) == ("INR", "Sheet!A3 / Sheet!C3")


@pytest.mark.parametrize(
    "header",
    ["Payment in USD or EUR", "(EUR) als auch in der Buchwährung (GBP) ausgegeben.",
     "Amount (USD)\tAmount (USD)"],
)  # fmt: skip
def test_lines_that_declare_no_currency_columns(header):
    assert column_currencies(Line("page 1", header, header)) == ()


@pytest.mark.parametrize(
    ("header", "codes"),
    [("Description\tAmount (USD)\tAmount (INR)", ("USD", "INR")), ("Item\tUSD\tEUR", ("USD", "EUR")),
     ("Description Amount [EUR] Amount [GBP]", ("EUR", "GBP"))],
)  # fmt: skip
def test_lines_that_declare_currency_columns(header, codes):
    assert column_currencies(Line("table 1 row 1", header, header)) == codes


# ---------------------------------------------------------------------------------------
# Tax columns a table header names: Net | VAT | Gross
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "titles"),
    [("Description\tNet\tVAT 20%\tGross", [("pretax", "Net"), ("tax", "VAT 20%"), ("total", "Gross")]),
     ("Beschreibung\tNetto\tUSt. 19 %\tBrutto", [("pretax", "Netto"), ("tax", "USt. 19 %"), ("total", "Brutto")]),
     ("Description Amount ex VAT VAT Amount inc VAT",
      [("pretax", "Amount ex VAT"), ("tax", "VAT"), ("total", "Amount inc VAT")]),
     ("Désignation\tMontant HT\tTVA\tMontant TTC", [("pretax", "Montant HT"), ("tax", "TVA"), ("total", "Montant TTC")]),
     ("Concepto\tBase imponible\tImporte IVA\tTotal",
      [("pretax", "Base imponible"), ("tax", "Importe IVA"), ("total", "Total")]),
     ("品名\t税抜金額\t消費税\t税込金額", [("pretax", "税抜金額"), ("tax", "消費税"), ("total", "税込金額")]),
     ("Item\tNet price\tVAT rate\tVAT amount\tGross price",
      [("pretax", "Net price"), ("tax", "VAT amount"), ("total", "Gross price")]),
     ("Bezeichnung\tNettobetrag\tMwSt.-Satz\tMwSt.\tBruttobetrag",
      [("pretax", "Nettobetrag"), ("tax", "MwSt."), ("total", "Bruttobetrag")]),
     ("Description\tQty\tUnit price\tAmount\tVAT\tTotal", [("pretax", "Amount"), ("tax", "VAT"), ("total", "Total")])],
)  # fmt: skip
def test_lines_that_name_tax_columns(header, titles):
    assert list(column_kinds(Line("table 1 row 1", header, header))) == titles


@pytest.mark.parametrize(
    "header",
    ["Description\tAmount\tVAT", "Description\tQty\tRate\tAmount", "Prices are net of VAT, total due in 30 days",
     "Description\tAmount (USD)\tAmount (INR)", "Description\tTotal excl. VAT\tVAT\tTotal excl. VAT"],
)  # fmt: skip
def test_lines_that_name_no_tax_columns(header):
    assert column_kinds(Line("table 1 row 1", header, header)) == ()


def test_the_totals_row_of_a_net_vat_gross_table(tmp_path):
    extraction = read_spec(
        tmp_path,
        docx_document(
            "invoice.docx", ["Thames Digital Partners Ltd", "All amounts in USD"], kind="invoice",
            table=[["Description", "Net", "VAT 20%", "Gross"],
                   ["AMMP App Modernization", "12,500.00", "2,500.00", "15,000.00"],
                   ["Total", "12,500.00", "2,500.00", "15,000.00"]],
        ),
    )  # fmt: skip
    reading = read_invoice(extraction.segments)
    assert [(a.kind, a.label, str(a.value)) for a in reading.amounts if a.kind] == [
        ("pretax", "Total (Net)", "12500.00"), ("tax", "Total (VAT 20%)", "2500.00"),
        ("total", "Total (Gross)", "15000.00"),
    ]  # fmt: skip
    # The line above it is an item: its amounts keep no label.
    assert [a.kind for a in reading.amounts[:3]] == [None, None, None]


def test_the_totals_row_of_a_net_vat_gross_sheet(tmp_path):
    extraction = read_spec(
        tmp_path,
        xlsx_document(
            "invoice.xlsx",
            [["Currency", "USD"], ["Description", "Net", "VAT", "Gross"], ["AMMP", 12500, 2500, 15000],
             ["Total", 12500, 2500, 15000]],
            kind="invoice",
        ),
    )  # fmt: skip
    reading = read_invoice(extraction.segments)
    assert [(a.kind, str(a.value), a.location) for a in reading.amounts if a.kind] == [
        ("pretax", "12500", "Sheet!A4 / Sheet!B4"), ("tax", "2500", "Sheet!A4 / Sheet!C4"),
        ("total", "15000", "Sheet!A4 / Sheet!D4"),
    ]  # fmt: skip
    # The item row above it, as in a DOCX table: unlabelled amounts, each knowing its column.
    assert [(a.kind, str(a.value), a.column) for a in reading.amounts[:3]] == [
        (None, "12500", "pretax"), (None, "2500", "tax"), (None, "15000", "total")
    ]  # fmt: skip


# A sheet row leaves its blank cells out of its text: its values are matched with the
# header's columns by the column their cell is in, not by how many values come before.
def _sheet_amounts(tmp_path, rows):
    reading = read_invoice(
        read_spec(tmp_path, xlsx_document("invoice.xlsx", rows, kind="invoice")).segments
    )
    return [(a.kind, str(a.value), a.currency, a.location, a.column) for a in reading.amounts]


def test_a_blank_currency_cell_leaves_the_amount_in_its_column(tmp_path):
    amounts = _sheet_amounts(tmp_path, [
        ["Description", "Qty", "Currency", "Amount"], ["Assessment", 1, "USD", 7500],
        ["Migration", 1, None, 7500], ["Total", None, "USD", 15000],
    ])  # fmt: skip
    # The currency cell is the amount's, not the quantity's beside it; the quantity is none.
    assert amounts == [
        (None, "7500", "USD", "Sheet!A2 / Sheet!D2", ""), (None, "7500", "USD", "Sheet!A3 / Sheet!D3", ""),
        ("total", "15000", "USD", "Sheet!A4 / Sheet!D4", ""),
    ]  # fmt: skip


def test_a_blank_vat_cell_leaves_the_net_and_gross_in_their_columns(tmp_path):
    amounts = _sheet_amounts(tmp_path, [
        ["Currency", "USD"], ["Description", "Qty", "Net", "VAT", "Gross"],
        ["AMMP", 1, 15000, None, 15000], ["Total", None, 15000, None, 15000],
    ])  # fmt: skip
    assert amounts == [
        (None, "15000", "USD", "Sheet!A3 / Sheet!C3", "pretax"), (None, "15000", "USD", "Sheet!A3 / Sheet!E3", "total"),
        ("pretax", "15000", "USD", "Sheet!A4 / Sheet!C4", ""), ("total", "15000", "USD", "Sheet!A4 / Sheet!E4", ""),
    ]  # fmt: skip


def test_a_blank_usd_cell_leaves_the_quantity_out_of_the_usd_column(tmp_path):
    amounts = _sheet_amounts(tmp_path, [
        ["Description", "Qty", "Amount (USD)", "Amount (INR)"], ["Assessment", 1, 7500, 622500],
        ["Local travel (billed in INR)", 2, None, 41500],
    ])  # fmt: skip
    assert amounts == [
        (None, "7500", "USD", "Sheet!A2 / Sheet!C2", ""), (None, "622500", "INR", "Sheet!A2 / Sheet!D2", ""),
        (None, "41500", "INR", "Sheet!A3 / Sheet!D3", ""),
    ]  # fmt: skip


# ---------------------------------------------------------------------------------------
# A column of labels beside a column of amounts
# ---------------------------------------------------------------------------------------


def test_labels_stacked_above_their_amounts(tmp_path):
    extraction = read_spec(
        tmp_path,
        pdf_document(
            "invoice.pdf",
            ["FridayINC Inc.", "Subtotal", "Discount", "Total", "$16,000.00", "-$1,000.00", "$15,000.00"],
        ),
    )  # fmt: skip
    reading = read_invoice(extraction.segments)
    assert [(a.kind, str(a.value)) for a in reading.amounts] == [
        ("pretax", "16000.00"), ("discount", "-1000.00"), ("total", "15000.00")
    ]  # fmt: skip


def test_stacked_labels_and_fewer_amounts_keep_the_label_just_above(tmp_path):
    extraction = read_spec(
        tmp_path, pdf_document("invoice.pdf", ["Subtotal", "TOTAL TTC", "104,90 EUR"])
    )
    (amount,) = read_invoice(extraction.segments).amounts
    assert (amount.kind, amount.label) == ("total", "TOTAL TTC")


# ---------------------------------------------------------------------------------------
# What the invoice says about tax and about its dollar
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("label", "inclusive"),
    [("Total incl. VAT", True), ("Total TTC", True), ("ご請求金額(税込)", True), ("Bruttobetrag", True),
     ("Total (Gross)", True), ("Total IVA incluido", True), ("Total", False), ("Total HT", False),
     ("Subtotal excl. VAT", False), ("Net amount", False), ("Total (inclusive of all taxes)", True),
     ("Total (tax included)", True), ("Total (tax exclusive)", False)],
)  # fmt: skip
def test_labels_that_say_the_amount_includes_tax(label, inclusive):
    assert includes_tax(label) is inclusive


@pytest.mark.parametrize(
    ("lines", "included", "not_charged"),
    [(["Consulting services (VAT at 20% included)", "Total $15,000.00"], True, False),
     (["Prestation de conseil, TVA 20 % incluse", "Total 15 000,00 USD"], True, False),
     (["VAT: N/A", "Total incl. VAT $15,000.00"], True, True),
     (["TVA non applicable, art. 293 B du CGI", "Total 15 000,00 USD"], False, True),
     (["Acme Inc. Tax ID 12-3456789", "Payment: gross 30 days", "Total $15,000.00"], False, False)],
)  # fmt: skip
def test_what_the_invoice_says_about_tax(tmp_path, lines, included, not_charged):
    reading = read_invoice(read_spec(tmp_path, pdf_document("invoice.pdf", lines)).segments)
    assert bool(reading.tax_included) is included
    assert bool(reading.tax_not_charged) is not_charged


@pytest.mark.parametrize(
    ("lines", "doubt"),
    [(["Southern Cross Cloud Pty Ltd", "ABN 51 824 753 556", "Subtotal $15,000.00"], "ABN 51 824 753 556"),
     (["Level 5, 1 Martin Place, Sydney NSW 2000", "Total $15,000.00"], "Level 5, 1 Martin Place, Sydney NSW 2000"),
     (["GST 10% $1,500.00", "Total $16,500.00"], "GST 10% $1,500.00"),
     (["ABN 51 824 753 556", "Total $15,000.00 USD"], ""),
     (["ABN 51 824 753 556", "Total $15,000.00", "All prices in AUD"], ""),
     (["One Microsoft Way, Redmond, WA 98052", "Total $15,000.00"], "")],
)  # fmt: skip
def test_a_bare_dollar_on_an_australian_invoice_is_not_taken_for_usd(tmp_path, lines, doubt):
    reading = read_invoice(read_spec(tmp_path, pdf_document("invoice.pdf", lines)).segments)
    assert reading.dollar_doubt == doubt
    last = reading.amounts[-1]
    assert (last.stated_currency is None) is bool(doubt)
