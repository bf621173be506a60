"""invoice-partner-name: the invoice names the partner company, on real documents."""

from __future__ import annotations

import pytest

from checks.invoice_partner_name import InvoicePartnerName, normalise_company
from tests.checks.test_invoice_parsing import pdf_document, sample_claims
from workbench.check_api import Status, overall_status
from workbench.testing import (
    ClaimBuilder,
    docx_document,
    pptx_document,
    raw_document,
    xlsx_document,
)

REPORT = docx_document("report.docx", ["Workshop report for Contoso Ltd"])
BODY = ["INVOICE INV-2026-001", "Bill to: Microsoft Corporation", "Customer: Contoso Ltd", "Claim ID: 3000001",
        "Total $5,000.00 USD"]  # fmt: skip


@pytest.fixture
def claims(tmp_path):
    return ClaimBuilder(tmp_path)


def run(claims, invoice, partner="FridayINC"):
    documents = [REPORT] if invoice is None else [invoice, REPORT]
    claim = claims.view(documents=documents, partner={"name": partner})
    results = InvoicePartnerName().run(claim, claims.context())
    return overall_status(r.status for r in results), results


def pdf(issuer, japanese=False):
    return pdf_document("invoice.pdf", [issuer, *BODY], japanese=japanese)


@pytest.mark.parametrize(
    ("partner", "written"),
    [("FridayINC", "FridayINC Inc."), ("FridayINC", "FRIDAYINC, INC."), ("FridayINC", "fridayinc llc"),
     ("FridayINC", "Friday Inc"), ("FridayINC", "FridaylNC Inc."), ("FridayINC Inc.", "FridayINC"),
     ("Lumière Conseil", "LUMIERE CONSEIL S.A.S."), ("Lumière Conseil SAS", "Lumiere-Conseil"),
     ("Sakura Digital Solutions", "Sakura Digital Solutions K.K."),
     ("Sakura Digital Solutions", "Sakura Digita1 So1utions Co., Ltd."),
     ("Indus Techworks", "Indus Techworks Pvt. Ltd."), ("Indus Techworks Private Limited", "INDUS TECHWORKS"),
     ("Nordlicht IT", "Nordlicht IT GmbH"), ("Adriatica Digitale", "Adriatica Digitale S.r.l."),
     ("Merlion Systems", "Merlion Systems Pte. Ltd."), ("Falcon Cloud Services", "Falcon Cloud Services FZ-LLC"),
     ("Smith & Jones", "Smith and Jones Ltd"), ("Ipê Tecnologia", "IPE TECNOLOGIA LTDA"),
     ("Bluestem Consulting", "Bluestem  Consulting, L.L.C."), ("Kreuzberg Data", "Kreuzberg Data AG")],
)  # fmt: skip
def test_name_variants_pass(claims, partner, written):
    status, (result,) = run(claims, pdf(written), partner)
    assert status == Status.PASS, result.message
    assert result.evidence[0].excerpt == " ".join(written.split())
    assert result.evidence[0].location == "page 1"


@pytest.mark.parametrize(
    ("partner", "written"),
    [("Falcon Cloud Services", "Falcon Cloud Solutions LLC"), ("Contoso Consulting", "Contoso Ltd"),
     ("Northwind Traders", "Northwind Trading Co."), ("Fabrikam", "Fabrikan Inc."), ("Adatum", "Datum Corp"),
     ("FridayINC", "Saturday Inc.")],
)  # fmt: skip
def test_another_company_fails(claims, partner, written):
    status, (result,) = run(claims, pdf(written), partner)
    assert status == Status.FAIL, result.message
    assert f"does not name the partner {partner}" in result.message


def test_fail_message_names_the_companies_seen(claims):
    status, (result,) = run(claims, pdf("Desert Stack Technologies LLC"), "Falcon Cloud Services")
    assert status == Status.FAIL
    assert result.message == (
        "The invoice does not name the partner Falcon Cloud Services; companies named on it: "
        "Desert Stack Technologies LLC, Microsoft Corporation, Contoso Ltd."
    )
    assert result.evidence[0].excerpt == "Desert Stack Technologies LLC"


def test_small_misreadings_pass_and_say_how_close(claims):
    status, (result,) = run(claims, pdf("Falcon Clowd Servics"), "Falcon Cloud Services")
    assert status == Status.PASS
    assert "% match" in result.message


def test_near_miss_is_shown(claims):
    invoice = pdf_document(
        "invoice.pdf", ["Desert Stack LLC", "Payment to Falkon Cloud Servers", *BODY]
    )
    status, (result,) = run(claims, invoice, "Falcon Cloud Services")
    assert status == Status.FAIL
    assert (
        "companies named on it: Desert Stack LLC, Microsoft Corporation, Contoso Ltd"
        in result.message
    )
    assert "closest text: “Payment to Falkon Cloud Servers” (86% alike)" in result.message


def test_japanese_invoice(claims):
    status, (result,) = run(claims, pdf("サクラデジタルソリューションズ株式会社 (Sakura Digital Solutions K.K.)", True),
                            "Sakura Digital Solutions")  # fmt: skip
    assert status == Status.PASS, result.message


def test_docx(claims):
    invoice = docx_document(
        "invoice.docx", BODY, table=[["From", "FridayINC Inc."]], kind="invoice"
    )
    status, (result,) = run(claims, invoice)
    assert status == Status.PASS and result.evidence[0].location == "table 1 row 1"


def test_xlsx(claims):
    invoice = xlsx_document(
        "invoice.xlsx", [["Invoice", "INV-1"], ["Issued by", "FridayINC, Inc."]], kind="invoice"
    )
    status, (result,) = run(claims, invoice)
    assert status == Status.PASS and result.evidence[0].location == "Sheet!A2"


def test_pptx(claims):
    invoice = pptx_document("invoice.pptx", [("FridayINC Inc.", "\n".join(BODY))], kind="invoice")
    status, (result,) = run(claims, invoice)
    assert status == Status.PASS and result.evidence[0].location == "slide 1"


def test_no_invoice_skips(claims):
    status, _results = run(claims, None)
    assert status == Status.SKIP


def test_unreadable_invoice_is_an_error(claims):
    status, (result,) = run(
        claims, raw_document("invoice.pdf", b"%PDF-1.7\n1 0 obj <<", kind="invoice")
    )
    assert status == Status.ERROR and "Cannot read the invoice invoice.pdf" in result.message


def test_normalise_company():
    assert normalise_company("Sakura Digital Solutions K.K.（株式会社") == [
        "sakura",
        "digital",
        "solutions",
    ]
    assert normalise_company("Lumière Conseil S.A.S.") == ["lumiere", "conseil"]
    assert normalise_company("Smith & Jones Pty Ltd") == ["smith", "and", "jones"]


def test_sample_bundles(tmp_path):
    builder = ClaimBuilder(tmp_path)
    for claim, expected in sample_claims(builder, "invoice-partner-name"):
        results = InvoicePartnerName().run(claim, builder.context())
        assert overall_status(r.status for r in results) == expected, (claim.claim_id, results)


SUBCONTRACTOR = ["Desert Stack Technologies LLC", "Office 2207, Al Khatem Tower, Abu Dhabi", "TAX INVOICE",
                 "Invoice No.: DST-5590"]  # fmt: skip


@pytest.mark.parametrize(
    ("lines", "excerpt"),
    [(["Bill To:", "Falcon Cloud Services FZ-LLC", "Dubai Internet City"], "Falcon Cloud Services FZ-LLC"),
     (["Bill To: Falcon Cloud Services FZ-LLC"], "Bill To: Falcon Cloud Services FZ-LLC"),
     (["Invoice to", "Attn: Accounts payable", "FALCON CLOUD SERVICES"], "FALCON CLOUD SERVICES"),
     (["Customer: Falcon Cloud Services"], "Customer: Falcon Cloud Services"),
     (["Bill To: Microsoft Corporation", "Services delivered as subcontractor to Falcon Cloud Services (prime partner)."],
      "Services delivered as subcontractor to Falcon Cloud Services (prime partner)."),
     (["Work performed on behalf of", "Falcon Cloud Services FZ-LLC"], "Falcon Cloud Services FZ-LLC")],
)  # fmt: skip
def test_partner_named_only_as_the_recipient_fails(claims, lines, excerpt):
    invoice = pdf_document(
        "invoice.pdf", [*SUBCONTRACTOR, *lines, "Claim ID: 3000001", "Total $5,000.00"]
    )
    status, (result,) = run(claims, invoice, "Falcon Cloud Services")
    assert status == Status.FAIL, result.message
    assert result.message == (
        "The invoice does not name the partner Falcon Cloud Services as its issuer: it names it only "
        f"as the recipient (“{excerpt}”); it is issued by Desert Stack Technologies LLC."
    )
    assert [e.excerpt for e in result.evidence] == [excerpt, "Desert Stack Technologies LLC"]


def test_partner_as_recipient_in_a_table_fails(claims):
    invoice = docx_document(
        "invoice.docx", ["INVOICE DST-5590", "Claim ID: 3000001"], kind="invoice",
        table=[["From", "Bill To"], ["Desert Stack Technologies LLC Abu Dhabi", "Falcon Cloud Services FZ-LLC Dubai"]],
    )  # fmt: skip
    status, (result,) = run(claims, invoice, "Falcon Cloud Services")
    assert status == Status.FAIL, result.message
    assert "only as the recipient" in result.message
    assert "issued by Desert Stack Technologies LLC" in result.message
    sheet = xlsx_document(
        "invoice.xlsx", [["Desert Stack Technologies LLC"], ["Sold to", "Falcon Cloud Services"]], kind="invoice"
    )  # fmt: skip
    status, (result,) = run(claims, sheet, "Falcon Cloud Services")
    assert status == Status.FAIL and "only as the recipient" in result.message


@pytest.mark.parametrize(
    "lines",
    [["Falcon Cloud Services FZ-LLC", "Bill To:", "Microsoft Corporation", "Azure PoC – delivered with our "
      "subcontractor Desert Stack Technologies LLC"],
     ["From: Falcon Cloud Services FZ-LLC Bill To: Microsoft Corporation"],
     ["From: Bill To:", "Falcon Cloud Services FZ-LLC Microsoft Corporation"],
     ["Bill To: Microsoft Corporation", "Remit to: Falcon Cloud Services FZ-LLC"],
     ["Bill To:", "Microsoft Corporation", "One Microsoft Way", "Invoice No.: FCS-1", "Falcon Cloud Services"]],
)  # fmt: skip
def test_partner_as_issuer_passes(claims, lines):
    invoice = pdf_document("invoice.pdf", [*lines, "Claim ID: 3000001", "Total $5,000.00"])
    status, (result,) = run(claims, invoice, "Falcon Cloud Services")
    assert status == Status.PASS, result.message


def test_partner_as_issuer_in_a_table_passes(claims):
    invoice = docx_document(
        "invoice.docx", ["INVOICE FCS-1", "Claim ID: 3000001"], kind="invoice",
        table=[["From", "Bill To"], ["Falcon Cloud Services FZ-LLC Dubai", "Microsoft Corporation Redmond"]],
    )  # fmt: skip
    status, (result,) = run(claims, invoice, "Falcon Cloud Services")
    assert status == Status.PASS, result.message
    assert result.evidence[0].location == "table 1 row 2"


@pytest.mark.parametrize(
    ("partner", "written"),
    [("Bluestem Consulting", "Bluestone Consulting LLC"), ("Merlion Systems", "Merlin Systems Pte. Ltd."),
     ("Smith & Jones", "Smith and Jonas Ltd"), ("Kreuzberg Data", "Kreuzburg Data AG")],
)  # fmt: skip
def test_a_similar_name_with_another_distinctive_word_fails(claims, partner, written):
    status, (result,) = run(claims, pdf(written), partner)
    assert status == Status.FAIL, result.message
    assert (
        f"does not name the partner {partner}; companies named on it: {written}" in result.message
    )


@pytest.mark.parametrize(
    ("partner", "written"),
    [("Merlion Systems", "Merlion Sytems Pte. Ltd."), ("Bluestem Consulting", "Bluestem Consultng LLC"),
     ("Nordlicht IT", "Nordlieht IT GmbH")],
)  # fmt: skip
def test_misreadings_of_generic_or_long_words_pass(claims, partner, written):
    status, (result,) = run(claims, pdf(written), partner)
    assert status == Status.PASS, result.message
    assert "% match" in result.message


def _two_columns(left: list[str], right: list[str]):
    """A PDF whose header has two columns: what the reader gives as one line per row."""
    pytest.importorskip("reportlab")
    from workbench.testing import DocumentSpec

    def write(path):
        from reportlab.pdfgen import canvas

        page = canvas.Canvas(str(path))
        page.setFont("Helvetica", 10)
        for row, (first, second) in enumerate(zip(left, right, strict=True)):
            page.drawString(50, 800 - 14 * row, first)
            page.drawString(350, 800 - 14 * row, second)
        page.save()

    return DocumentSpec("invoice.pdf", "invoice", write)


WRAPPED = {
    "alone": lambda: pdf_document("invoice.pdf", ["Thames Digital", "Partners Ltd", *BODY]),
    "left column": lambda: _two_columns(["Thames Digital", "Partners Ltd", "12 Bank Street"],
                                        ["INVOICE", "Invoice No.: TDP-7", "Date: 2026-01-01"]),
    "table": lambda: docx_document("invoice.docx", ["Claim ID: 3000001"], kind="invoice",
                                   table=[["Thames Digital", "INVOICE"], ["Partners Ltd", "No. TDP-7"]]),
}  # fmt: skip


@pytest.mark.parametrize("layout", sorted(WRAPPED))
def test_a_name_wrapped_over_two_lines_passes(claims, layout):
    invoice = WRAPPED[layout]()
    status, (result,) = run(claims, invoice, "Thames Digital Partners")
    assert status == Status.PASS, result.message
    assert result.message == "The invoice names the partner Thames Digital Partners (on two lines)."
    assert result.evidence[0].excerpt.startswith("Thames Digital")
    assert "/ Partners Ltd" in result.evidence[0].excerpt


@pytest.mark.parametrize(
    "lines",
    [["Desert Stack Technologies LLC", "Bill to:", "Thames Digital", "Partners Ltd"],
     ["Thames Digital", "Services Ltd"], ["Digital Partners", "Thames Ltd"]],
)  # fmt: skip
def test_two_lines_that_do_not_wrap_the_name_fail(claims, lines):
    status, (result,) = run(
        claims, pdf_document("invoice.pdf", [*lines, *BODY]), "Thames Digital Partners"
    )
    assert status == Status.FAIL, result.message


@pytest.mark.parametrize(
    ("partner", "written"),
    [("Acme Sdn Bhd", "ACME BERHAD"), ("Acme", "Acme Sdn. Bhd."), ("Praha Data s.r.o.", "Praha Data"),
     ("Volga Soft", "OOO Volga Soft"), ("Ankara Bulut", "Ankara Bulut Ltd. Şti.")],
)  # fmt: skip
def test_legal_forms_of_other_registers_are_tolerated(claims, partner, written):
    status, (result,) = run(claims, pdf(written), partner)
    assert status == Status.PASS, result.message


def test_korean_and_japanese_legal_forms_are_not_part_of_the_name():
    hanbit = normalise_company("한빛소프트")
    assert len(hanbit) == 1
    assert normalise_company("주식회사 한빛소프트") == normalise_company("㈜한빛소프트") == hanbit
    assert normalise_company("㈲ミナト物流") == normalise_company("ミナト物流")
    assert len(normalise_company("㈲ミナト物流")) == 1
    assert normalise_company("Thames Group Holdings") == ["thames", "group", "holdings"]


def test_a_partner_name_that_ends_in_a_period_ends_the_message_once(claims):
    status, (result,) = run(claims, pdf("Fabrikam Kft."), "Fabrikam Kft.")
    assert status == Status.PASS
    assert result.message == "The invoice names the partner Fabrikam Kft."


def _header(left: list[str], right: list[str]):
    """A two-column PDF header (``left`` and ``right`` padded to the same height)."""
    rows = max(len(left), len(right))
    return _two_columns(left + [""] * (rows - len(left)), right + [""] * (rows - len(right)))


ISSUER_COLUMN = ["FridayINC Inc.", "3960 Howard Hughes Pkwy", "Las Vegas, NV 89169"]


@pytest.mark.parametrize(
    ("left", "right"),
    [(["BILL TO", "Microsoft Corporation", "One Microsoft Way", "Claim ID: 3000001"], ISSUER_COLUMN),
     (["Bill To:", "Microsoft Corporation", "One Microsoft Way", "Redmond, WA 98052"], ["", *ISSUER_COLUMN])],
)  # fmt: skip
def test_issuer_beside_the_bill_to_block_passes(claims, left, right):
    status, (result,) = run(claims, _header(left, right))
    assert status == Status.PASS, result.message
    assert result.message == (
        "The invoice names the partner FridayINC in the column beside the recipient's block."
    )
    assert "FridayINC Inc." in result.evidence[0].excerpt


@pytest.mark.parametrize(
    "lines",
    [["INVOICE", "Bill to: FridayINC Inc.", "Attn: Accounts payable"],
     ["Desert Stack Technologies LLC", "BILL TO FridayINC Inc.", "Microsoft Corporation"],
     ["INVOICE", "Bill To: Ship To:", "Contoso Ltd FridayINC Inc."]],
)  # fmt: skip
def test_partner_as_recipient_is_not_taken_for_the_issuer_column(claims, lines):
    invoice = pdf_document("invoice.pdf", [*lines, "Claim ID: 3000001", "Total $5,000.00"])
    status, (result,) = run(claims, invoice)
    assert status == Status.FAIL, result.message
    assert "names it only as the recipient" in result.message


@pytest.mark.parametrize(
    "lines",
    [["To: Falcon Cloud Services FZ-LLC"], ["Prepared for: Falcon Cloud Services FZ-LLC"],
     ["Invoice for: Falcon Cloud Services FZ-LLC"], ["Billed to", "Falcon Cloud Services FZ-LLC"],
     ["Customer:", "Falcon Cloud Services FZ-LLC"], ["Doit : Falcon Cloud Services FZ-LLC"],
     ["Facturé à", "Falcon Cloud Services FZ-LLC"], ["Rechnungsempfänger:", "Falcon Cloud Services FZ-LLC"],
     ["An: Falcon Cloud Services FZ-LLC"], ["Facturar a: Falcon Cloud Services FZ-LLC"],
     ["Spett.le Falcon Cloud Services FZ-LLC"], ["TO", "Falcon Cloud Services FZ-LLC"],
     ["From: Desert Stack Technologies LLC To: Falcon Cloud Services FZ-LLC"]],
    ids=lambda lines: lines[0].split(" Falcon")[0],
)  # fmt: skip
def test_more_recipient_labels(claims, lines):
    invoice = pdf_document(
        "invoice.pdf", [*SUBCONTRACTOR, *lines, "Claim ID: 3000001", "Total $5,000.00"]
    )
    status, (result,) = run(claims, invoice, "Falcon Cloud Services")
    assert status == Status.FAIL, result.message
    assert "names it only as the recipient" in result.message
    assert "it is issued by Desert Stack Technologies LLC" in result.message


@pytest.mark.parametrize(
    "lines", [["Sakura Digital Solutions K.K. 御中", "東京都港区1-1"], ["請求先：", "Sakura Digital Solutions K.K."]]
)  # fmt: skip
def test_japanese_recipient_labels(claims, lines):
    invoice = pdf_document(
        "invoice.pdf",
        ["Desert Stack Technologies LLC", "請求書", *lines, "Claim ID: 3000001"],
        japanese=True,
    )
    status, (result,) = run(claims, invoice, "Sakura Digital Solutions")
    assert status == Status.FAIL, result.message
    assert "names it only as the recipient" in result.message


@pytest.mark.parametrize(
    "lines",
    [["Bill To: Microsoft Corporation", "Pay to: Falcon Cloud Services FZ-LLC"],
     ["Bill To: Microsoft Corporation", "Service from 1 Oct to 3 Oct", "Falcon Cloud Services FZ-LLC"],
     ["Bill To: Microsoft Corporation", "Payable to:", "Falcon Cloud Services FZ-LLC"],
     ["Prepared for Microsoft Corporation", "Prepared by: Falcon Cloud Services FZ-LLC"]],
)  # fmt: skip
def test_to_in_other_words_is_no_recipient_label(claims, lines):
    invoice = pdf_document("invoice.pdf", [*lines, "Claim ID: 3000001", "Total $5,000.00"])
    status, (result,) = run(claims, invoice, "Falcon Cloud Services")
    assert status == Status.PASS, result.message
    assert result.message == "The invoice names the partner Falcon Cloud Services."


def test_issuer_beside_the_bill_to_label_in_a_table(claims):
    def invoice(under_label):
        return docx_document(
            "invoice.docx", ["INVOICE 2026-0452", "Claim ID: 3000001"], kind="invoice",
            table=[["Bill To:", "FridayINC Inc."], [under_label, "3960 Howard Hughes Pkwy, Las Vegas NV"]],
        )  # fmt: skip

    status, (result,) = run(claims, invoice("Microsoft Corporation, One Microsoft Way"))
    assert status == Status.PASS, result.message
    assert "in the column beside the recipient's block" in result.message
    assert result.evidence[0].location == "table 1 row 1"
    status, (result,) = run(claims, invoice("Attn: Accounts payable"))
    assert status == Status.FAIL, result.message
    assert "names it only as the recipient" in result.message


# The payee of a payment block is the issuer, however the block is worded; the invoice's
# header is a logo (no text) here, so the block is where the partner is named.
@pytest.mark.parametrize(
    "lines",
    [
        ["Please remit payment to: FridayINC Inc."],
        ["Send payment to: FridayINC Inc."],
        ["Wire transfer to: FridayINC Inc., Account 000123456789"],
        ["Please make payment to:", "FridayINC Inc.", "IBAN US00 0000 0000 0000"],
    ],
    ids=["remit-payment-to", "send-payment-to", "wire-transfer-to", "label-on-its-own-line"],
)
def test_the_partner_as_the_payee_of_a_payment_block_passes(claims, lines):
    invoice = pdf_document(
        "invoice.pdf",
        ["INVOICE INV-2026-0417", "Claim ID: 3000001", "Bill To: Contoso Ltd",
         "Total USD 15,000.00", *lines],
    )  # fmt: skip
    status, (result,) = run(claims, invoice)
    assert status == Status.PASS, result.message


def test_a_line_ending_in_the_word_customer_opens_no_recipient_block(claims):
    invoice = pdf_document(
        "invoice.pdf",
        ["INVOICE INV-2026-0417", "Claim ID: 3000001", "Bill To: Contoso Ltd",
         "Total USD 15,000.00", "Thank you for being a valued customer",
         "FridayINC Inc. | 123 Main St | Las Vegas NV 89101"],
    )  # fmt: skip
    status, (result,) = run(claims, invoice)
    assert status == Status.PASS, result.message


def test_the_partner_only_under_a_payment_to_the_customer_still_fails(claims):
    invoice = pdf_document(
        "invoice.pdf",
        ["INVOICE INV-2026-0417", "Claim ID: 3000001", "Invoice to:", "FridayINC Inc.",
         "Total USD 15,000.00", "Please remit payment to: Contoso Ltd"],
    )  # fmt: skip
    status, (result,) = run(claims, invoice)
    assert status == Status.FAIL
    assert "only as the recipient" in result.message


# The recipient's name under the label has no legal form: the claim's customer ("Contoso
# Pharmaceuticals" for Contoso Ltd), Microsoft, or a name of organisation words.
RECIPIENT_WITHOUT_FORM = {
    "pdf, label left, issuer right": lambda name: _header(
        ["Bill To:", name, "One Contoso Way", "Claim ID: 3000001"], ISSUER_COLUMN
    ),
    "pdf, issuer right a row lower": lambda name: _header(
        ["Bill To:", name, "One Contoso Way", "Claim ID: 3000001"], ["", *ISSUER_COLUMN]
    ),
    "docx, label left, issuer right": lambda name: docx_document(
        "invoice.docx", ["INVOICE 2026-0452", "Claim ID: 3000001"], kind="invoice",
        table=[["Bill To:", "FridayINC Inc."], [name, "3960 Howard Hughes Pkwy, Las Vegas NV"]],
    ),
    "pdf, issuer left, heading beside the label": lambda name: _header(
        ["INVOICE", "FridayINC Inc.", "3960 Howard Hughes Pkwy", "Claim ID: 3000001"],
        ["Bill To:", name, "One Contoso Way"],
    ),
}  # fmt: skip


@pytest.mark.parametrize("name", ["Contoso Pharmaceuticals", "Microsoft", "Northwind Health"])
@pytest.mark.parametrize("layout", sorted(RECIPIENT_WITHOUT_FORM))
def test_issuer_beside_a_recipient_named_without_legal_form_passes(claims, layout, name):
    status, (result,) = run(claims, RECIPIENT_WITHOUT_FORM[layout](name))
    assert status == Status.PASS, result.message
    assert "in the column beside the recipient's block" in result.message


@pytest.mark.parametrize("under", ["Priya Kaur", "Finance Department", "Las Vegas City, NV"])
def test_partner_as_recipient_with_a_person_or_place_under_it_still_fails(claims, under):
    invoice = pdf_document(
        "invoice.pdf",
        ["Desert Stack Technologies", "INVOICE", "Bill To: FridayINC Inc.", under, "Claim ID: 3000001"],
    )  # fmt: skip
    status, (result,) = run(claims, invoice)
    assert status == Status.FAIL, result.message
    assert "names it only as the recipient" in result.message


@pytest.mark.parametrize(
    ("partner", "lines"),
    [("FridayINC", ["Friday Consulting LLC"]), ("FridayINC", ["Friday", "Consulting LLC"]),
     ("FridayINC", ["Desert Stack Technologies", "Payment due Friday"]),
     ("Datacorp", ["Data Solutions Ltd"])],
)  # fmt: skip
def test_the_stem_of_a_name_with_a_glued_legal_form_is_another_company(claims, partner, lines):
    status, (result,) = run(claims, pdf_document("invoice.pdf", [*lines, *BODY]), partner)
    assert status == Status.FAIL, result.message
    assert f"does not name the partner {partner};" in result.message


@pytest.mark.parametrize(
    ("partner", "lines"),
    [("FridayINC", ["Friday, Inc., Las Vegas NV"]), ("FridayINC", ["Friday", "Inc."]),
     ("FridayINC", ["Friday LLC"]), ("Datacorp", ["Data Corp."]), ("Datacorp", ["DATACORP"])],
)  # fmt: skip
def test_a_name_with_a_glued_legal_form_written_with_a_legal_form_passes(claims, partner, lines):
    status, (result,) = run(claims, pdf_document("invoice.pdf", [*lines, *BODY]), partner)
    assert status == Status.PASS, result.message


TITLED = {
    "pdf": lambda lines: pdf_document("invoice.pdf", lines),
    "docx": lambda lines: docx_document("invoice.docx", lines, kind="invoice"),
}


@pytest.mark.parametrize(
    "title", ["FridayINC - Invoice", "Invoice – FridayINC Inc.", "FridayINC Inc. | Tax Invoice INV-7"]
)  # fmt: skip
@pytest.mark.parametrize("kind", sorted(TITLED))
def test_a_title_line_under_the_recipient_ends_its_block(claims, kind, title):
    lines = ["Customer:", "Contoso Ltd", title, "Claim ID: 3000001", "Total $5,000.00 USD"]
    status, (result,) = run(claims, TITLED[kind](lines))
    assert status == Status.PASS, result.message
    assert result.evidence[0].excerpt == title


@pytest.mark.parametrize("under", ["Attn: Invoice processing", "invoices@fridayinc.com"])
def test_the_word_invoice_in_the_recipient_block_is_no_title(claims, under):
    invoice = pdf_document(
        "invoice.pdf",
        ["Desert Stack Technologies LLC", "Bill To:", under, "FridayINC Inc.", "Claim ID: 3000001"],
    )  # fmt: skip
    status, (result,) = run(claims, invoice)
    assert status == Status.FAIL, result.message
    assert "names it only as the recipient" in result.message


# A legal form ends a company's name: "Friday Inc" then "Consulting ..." is Friday Inc., not
# Friday Consulting LLC. Each layout also has the partner's own name, which still passes.
FRIDAY = "Friday Consulting LLC"
FORM_ENDS_THE_NAME = {
    "one line": lambda issuer: pdf_document("invoice.pdf", [f"{issuer} – Consulting services", *BODY]),
    "two lines": lambda issuer: pdf_document("invoice.pdf", [issuer, "Consulting services for Contoso", *BODY]),
    "left column": lambda issuer: _two_columns([issuer, "Consulting Dept"], ["INVOICE", "Invoice No.: 42"]),
    "docx": lambda issuer: docx_document("invoice.docx", [issuer, "Consulting", *BODY], kind="invoice"),
    "xlsx": lambda issuer: xlsx_document(
        "invoice.xlsx", [[issuer, "INVOICE"], ["Consulting services", "INV-1"], ["Bill to", "Microsoft Corporation"]],
        kind="invoice",
    ),
}  # fmt: skip


@pytest.mark.parametrize("layout", sorted(FORM_ENDS_THE_NAME))
def test_a_legal_form_ends_the_name_before_the_words_after_it(claims, layout):
    status, (result,) = run(claims, FORM_ENDS_THE_NAME[layout]("Friday Inc"), FRIDAY)
    assert status == Status.FAIL, result.message
    assert result.message.startswith(f"The invoice does not name the partner {FRIDAY}; companies")
    status, (result,) = run(claims, FORM_ENDS_THE_NAME[layout]("Friday Consulting"), FRIDAY)
    assert status == Status.PASS, result.message


def test_a_legal_form_inside_the_partners_own_name_is_part_of_it(claims):
    partner = "KPMG AG Wirtschaftsprüfungsgesellschaft"
    for written in (["KPMG AG Wirtschaftsprüfungsgesellschaft"], ["KPMG Wirtschaftsprüfungsgesellschaft"],
                    ["KPMG AG", "Wirtschaftsprüfungsgesellschaft"]):  # fmt: skip
        status, (result,) = run(claims, pdf_document("invoice.pdf", [*written, *BODY]), partner)
        assert status == Status.PASS, (written, result.message)
    invoice = pdf_document("invoice.pdf", ["KPMG GmbH Wirtschaftsprüfungsgesellschaft", *BODY])
    status, (result,) = run(claims, invoice, partner)
    assert status == Status.WARN, result.message


# The partner's name under another legal form may be another company (a sister company, one
# in another country): the reviewer confirms. Either form left out, or the same form spelled
# otherwise, is the partner.
@pytest.mark.parametrize(
    ("partner", "other_form", "same_company"),
    [(FRIDAY, "Friday Consulting, Inc.", ["FRIDAY CONSULTING", "Friday Consulting L.L.C."]),
     ("Budapest Cloud Kft.", "Budapest Cloud Zrt.", ["BUDAPEST CLOUD KFT", "Budapest Cloud"]),
     ("Thames Digital Partners Limited", "Thames Digital Partners PLC", ["Thames Digital Partners Ltd"]),
     ("Sakura Digital Solutions K.K.", "Sakura Digital Solutions Inc.", ["Sakura Digital Solutions Co., Ltd."]),
     ("Indus Techworks Private Limited", "Indus Techworks LLP", ["Indus Techworks Pvt. Ltd."])],
)  # fmt: skip
def test_the_partners_name_under_another_legal_form_warns(
    claims, partner, other_form, same_company
):
    status, (result,) = run(claims, pdf(other_form), partner)
    assert status == Status.WARN, result.message
    assert result.message == (
        f"The invoice names the partner {partner} under another legal form (“{other_form}”): a "
        "company of that name with another legal form may be another company, such as a sister "
        "company; confirm that the partner issued the invoice."
    )
    assert result.evidence[0].excerpt == other_form
    for written in same_company:
        status, (result,) = run(claims, pdf(written), partner)
        assert status == Status.PASS, (written, result.message)


def test_the_partners_own_legal_form_further_down_passes(claims):
    invoice = pdf_document(
        "invoice.pdf", ["Friday Consulting, Inc.", "a subsidiary of", FRIDAY, *BODY]
    )
    status, (result,) = run(claims, invoice, FRIDAY)
    assert status == Status.PASS, result.message
    assert result.evidence[0].excerpt == FRIDAY


def test_billed_to_the_partner_by_its_name_under_another_legal_form_fails(claims):
    invoice = pdf_document(
        "invoice.pdf",
        ["Friday Consulting, Inc.", "INVOICE INV-2026-001", "Bill to: Friday Consulting LLC", "Claim ID: 3000001"],
    )  # fmt: skip
    status, (result,) = run(claims, invoice, FRIDAY)
    assert status == Status.FAIL, result.message
    assert result.message == (
        f"The invoice does not name the partner {FRIDAY} as its issuer: it names it only as the "
        f"recipient (“Bill to: {FRIDAY}”); it is issued by Friday Consulting, Inc.."
    )


def _invoice_with_header_table(header, merges=()) -> bytes:
    """An invoice made by python-docx whose header is a table of the issuer's and the
    recipient's blocks (``None`` for a column a merged cell covers), then its items."""
    import io

    import docx

    document = docx.Document()
    table = document.add_table(rows=len(header), cols=max(len(row) for row in header))
    for first, last in merges:
        table.cell(*first).merge(table.cell(*last))
    for r, row in enumerate(header):
        for c, text in enumerate(row):
            if text is not None:
                table.cell(r, c).text = text
    document.add_paragraph("Invoice No.: INV-2026-014")
    document.add_paragraph("Claim ID: 3000001")
    items = document.add_table(rows=2, cols=2)
    for r, row in enumerate(
        [["Description", "Amount"], ["Enable Frontline Workshop", "$5,000.00 USD"]]
    ):
        for c, text in enumerate(row):
            items.cell(r, c).text = text
    data = io.BytesIO()
    document.save(data)
    return data.getvalue()


@pytest.mark.parametrize(
    ("header", "merges"),
    [
        # "Bill To:" heads the second column, over an empty first cell.
        ([["", "Bill To:"], ["FridayINC Inc.", "Contoso Pharmaceuticals"],
          ["3960 Howard Hughes Pkwy, Las Vegas NV", "1 Contoso Way, Seattle WA"]], ()),
        # The title spans two columns, over the issuer's label and name.
        ([["INVOICE", None, "Bill To:"], ["From:", "FridayINC Inc.", "Contoso Pharmaceuticals"],
          ["", "3960 Howard Hughes Pkwy", "1 Contoso Way, Seattle WA"]], [((0, 0), (0, 1))]),
    ],
)  # fmt: skip
def test_bill_to_column_of_a_docx_header_table_is_the_recipients(claims, header, merges):
    from checks.invoice_amount import InvoiceAmount
    from checks.invoice_claim_id import InvoiceClaimId

    invoice = raw_document(
        "invoice.docx", _invoice_with_header_table(header, merges), kind="invoice"
    )
    claim = claims.view(documents=[invoice, REPORT], partner={"name": "FridayINC"})
    (result,) = InvoicePartnerName().run(claim, claims.context())
    assert result.status == Status.PASS, result.message
    assert result.message == "The invoice names the partner FridayINC."
    assert result.evidence[0].location == "table 1 row 2"
    # The other invoice checks read the same invoice as before.
    for check in (InvoiceAmount(), InvoiceClaimId()):
        assert [r.status for r in check.run(claim, claims.context())] == [Status.PASS]
