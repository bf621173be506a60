"""psd: a Public Sector Disclosure is among the POE documents where the customer needs one."""

from __future__ import annotations

import io

import pytest

from checks.psd import PublicSectorDisclosure
from workbench.check_api import Status
from workbench.engine.sandbox import run_check_here
from workbench.testing import ClaimBuilder, docx_document, pptx_document, raw_document

PUBLIC_US = {"public_sector": True, "name": "City of Riverton", "country": "US"}
REPORT = pptx_document(
    "workshop-report.pptx",
    [
        ("Executive Summary", "The City of Riverton public works department held the workshop."),
        ("Next Steps", "Pilot Teams Shifts with two water crews in November."),
    ],
)
DISCLOSURE_EN = docx_document(
    "acknowledgement.docx",
    [
        "Public Sector Disclosure",
        "Disclosure of Microsoft incentive funding to a public sector customer",
        "FridayINC discloses to the City of Riverton, a government entity, that Microsoft will "
        "pay FridayINC an incentive payment for delivering this engagement. The City confirms "
        "that accepting the engagement does not conflict with its procurement or ethics rules.",
        "Signature: /s/ Angela Whitfield, Director of Public Works",
    ],
)
DISCLOSURE_FR = docx_document(
    "attestation.docx",
    [
        "Divulgation au client du secteur public",
        "Lumière Conseil informe la municipalité, entité publique, que Microsoft versera à "
        "Lumière Conseil une incitation financière pour la réalisation de cet atelier. La "
        "municipalité confirme que l'acceptation de cet atelier est conforme à ses règles en "
        "matière de marchés publics et d'éthique, et qu'elle n'en supporte aucun coût.",
    ],
)
# No title at all: the statement alone has to be recognised.
DISCLOSURE_PLAIN = docx_document(
    "city-letter.docx",
    [
        "Dear Commissioner Alvarez,",
        "As required for public sector entities, we disclose that Microsoft pays Bluestem "
        "Consulting a fee for the Copilot workshop delivered to the City of Riverton. The City is "
        "not charged for the workshop.",
        "Kind regards, Marcus Reed",
    ],
)


@pytest.fixture
def claims(tmp_path):
    return ClaimBuilder(tmp_path)


def run(claims, claim):
    results = run_check_here(PublicSectorDisclosure(), claim, claims.context())
    assert len(results) == 1
    return Status(results[0]["status"]), results[0]


def pdf(file_name: str, lines: list[str] | None, *, kind: str = "poe"):
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    if lines is None:
        page.rect(72, 400, 300, 200, fill=1)
    for index, line in enumerate(lines or []):
        page.drawString(72, 720 - 16 * index, line)
    page.showPage()
    page.save()
    return raw_document(file_name, buffer.getvalue(), kind=kind)


def test_commercial_customer_skips_and_says_why(claims):
    status, result = run(claims, claims.view())
    assert status == Status.SKIP
    assert "Contoso Ltd is a commercial customer" in result["message"]


@pytest.mark.parametrize(
    ("country", "name"), [("JP", "Japan"), ("FR", "France"), ("GB", "United Kingdom")]
)
def test_public_sector_outside_in_us_pr_skips(claims, country, name):
    claim = claims.view(customer={"public_sector": True, "country": country})
    status, result = run(claims, claim)
    assert status == Status.SKIP
    assert f"public-sector customer in {name}" in result["message"]
    assert "India, Puerto Rico and the United States" in result["message"]
    assert not PublicSectorDisclosure().applies_to(claim)


def test_disclosure_found_by_its_content(claims):
    claim = claims.view(customer=PUBLIC_US, documents=[REPORT, DISCLOSURE_EN])
    status, result = run(claims, claim)
    assert status == Status.PASS
    assert "the Public Sector Disclosure is acknowledgement.docx (paragraph 1)" in result["message"]
    assert result["evidence"] == [
        {
            "document": "acknowledgement.docx",
            "location": "paragraph 1",
            "excerpt": "Public Sector Disclosure",
        }
    ]


@pytest.mark.parametrize("country", ["IN", "PR"])
def test_french_disclosure_is_recognised(claims, country):
    customer = {**PUBLIC_US, "country": country}
    status, result = run(claims, claims.view(customer=customer, documents=[REPORT, DISCLOSURE_FR]))
    assert status == Status.PASS
    assert "attestation.docx" in result["message"]


def test_disclosure_without_a_title_is_recognised_by_what_it_says(claims):
    status, result = run(
        claims, claims.view(customer=PUBLIC_US, documents=[REPORT, DISCLOSURE_PLAIN])
    )
    assert status == Status.PASS
    assert result["evidence"][0]["document"] == "city-letter.docx"
    assert result["evidence"][0]["location"] == "paragraph 2"
    assert "public sector entities" in result["evidence"][0]["excerpt"]


def test_disclosure_in_a_pdf(claims):
    document = pdf(
        "PSD_signed.pdf",
        [
            "PUBLIC SECTOR DISCLOSURE",
            "Customer: City of Riverton, Wyoming",
            "Caribe Cloud Partners discloses the Microsoft incentive for this engagement.",
        ],
    )
    status, result = run(claims, claims.view(customer=PUBLIC_US, documents=[REPORT, document]))
    assert status == Status.PASS
    assert result["evidence"][0]["location"] == "page 1"


def test_missing_disclosure_fails(claims):
    status, result = run(claims, claims.view(customer=PUBLIC_US, documents=[REPORT]))
    assert status == Status.FAIL
    assert "City of Riverton is a public-sector customer in United States" in result["message"]
    assert "a Public Sector Disclosure is required" in result["message"]


def test_file_name_alone_is_not_a_disclosure(claims):
    named = docx_document("Public_Sector_Disclosure.docx", ["Workshop agenda", "09:00 Welcome"])
    status, result = run(claims, claims.view(customer=PUBLIC_US, documents=[REPORT, named]))
    assert status == Status.FAIL
    assert "Public_Sector_Disclosure.docx is named like a disclosure" in result["message"]


def test_report_that_only_mentions_the_public_sector_is_not_a_disclosure(claims):
    report = docx_document(
        "report.docx",
        [
            "Executive Summary",
            "The City of Riverton is a public sector organisation with 164 field staff. The "
            "workshop covered shift planning and work orders; the pilot starts in November.",
        ],
    )
    status, _ = run(claims, claims.view(customer=PUBLIC_US, documents=[report]))
    assert status == Status.FAIL


def test_scanned_document_means_the_check_cannot_decide(claims):
    status, result = run(
        claims, claims.view(customer=PUBLIC_US, documents=[REPORT, pdf("signed.pdf", None)])
    )
    assert status == Status.ERROR
    assert "signed.pdf: no readable text" in result["message"]


def test_unreadable_document_means_the_check_cannot_decide(claims):
    broken = raw_document("psd.pdf", b"%PDF-1.4\n%broken")
    claim = claims.view(customer=PUBLIC_US, documents=[REPORT, broken])
    status, result = run(claims, claim)
    assert status == Status.ERROR
    assert f"psd.pdf: {claim.documents[1].unreadable_reason}" in result["message"]


def test_disclosure_uploaded_as_the_invoice_warns(claims):
    in_invoice = docx_document(
        "invoice-and-psd.docx",
        ["INVOICE", "Claim ID: 3000001", "Public Sector Disclosure", "We disclose the incentive."],
        kind="invoice",
    )
    status, result = run(claims, claims.view(customer=PUBLIC_US, documents=[in_invoice, REPORT]))
    assert status == Status.WARN
    assert "uploaded as the invoice" in result["message"]


@pytest.mark.parametrize("example", PublicSectorDisclosure.examples, ids=lambda e: e.name)
def test_examples(claims, example):
    status, _ = run(claims, example.build(claims))
    assert status == example.expected


LONG_REPORT = [
    "Executive Summary",
    *[
        f"Section {n}: the public works crews reviewed work orders, fleet checks and water "
        "distribution tasks with the workshop team, and agreed which of them move to Teams "
        "first, who owns each step, and how supervisors will follow the results each week."
        for n in range(1, 30)
    ],
]


def test_long_report_that_mentions_the_disclosure_is_not_one(claims):
    report = docx_document(
        "report.docx",
        [
            *LONG_REPORT[:10],
            "The Public Sector Disclosure was signed on 6 October.",
            *LONG_REPORT[10:],
        ],
    )
    status, result = run(claims, claims.view(customer=PUBLIC_US, documents=[report]))
    assert status == Status.FAIL
    assert "report.docx mentions a disclosure (paragraph 11) but is not one" in result["message"]


def test_disclosure_appended_to_a_long_report_is_found(claims):
    report = docx_document(
        "report.docx",
        [
            *LONG_REPORT,
            "Public Sector Disclosure",
            "FridayINC discloses to the City of Riverton that Microsoft pays FridayINC an "
            "incentive for this engagement.",
        ],
    )
    status, result = run(claims, claims.view(customer=PUBLIC_US, documents=[report]))
    assert status == Status.PASS
    assert result["evidence"][0]["location"] == f"paragraph {len(LONG_REPORT) + 1}"


# A short deck or report that names the disclosure as still to come, or not needed, is not it.
@pytest.mark.parametrize(
    "line",
    [
        "Public Sector Disclosure to be signed by the City and uploaded later.",
        "PSD form pending signature by the City clerk.",
        "Public Sector Disclosure: N/A",
        "Public Sector Disclosure - will follow once the City attorney has reviewed it.",
    ],
    ids=["to-be-signed", "pending", "n-a", "will-follow"],
)
def test_short_report_that_says_the_disclosure_is_elsewhere_is_not_one(claims, line):
    report = pptx_document(
        "workshop-report.pptx",
        [
            ("Executive Summary", "Frontline workshop delivered by FridayINC for the crews."),
            ("Next Steps", "Pilot Teams Shifts in three depots by December."),
            ("Open Items", line),
        ],
    )
    status, result = run(claims, claims.view(customer=PUBLIC_US, documents=[report]))
    assert status == Status.FAIL
    assert (
        "workshop-report.pptx mentions a disclosure (slide 3) but is not one" in result["message"]
    )


def test_na_right_under_the_report_title_is_not_a_disclosure(claims):
    report = docx_document(
        "Riverton_Report.docx",
        [
            "Riverton Enable Frontline Workshop Report",
            "Workshop delivered on 2026-10-02 to 14 depot supervisors.",
            "Public Sector Disclosure: N/A",
        ],
    )
    status, result = run(claims, claims.view(customer=PUBLIC_US, documents=[report]))
    assert status == Status.FAIL
    assert "Riverton_Report.docx mentions a disclosure (paragraph 3)" in result["message"]


def test_table_of_contents_listing_a_separate_disclosure_is_not_one(claims):
    report = docx_document(
        "report.docx",
        [
            "Riverton Enable Frontline Workshop Report",
            "Contents: 1 Findings; 2 Recommendations; 3 Public Sector Disclosure (signed "
            "separately)",
            *LONG_REPORT,
        ],
    )
    status, result = run(claims, claims.view(customer=PUBLIC_US, documents=[report]))
    assert status == Status.FAIL
    assert "report.docx mentions a disclosure (paragraph 2) but is not one" in result["message"]


def test_disclosure_of_payment_data_to_a_government_agency_is_not_a_psd(claims):
    deck = pptx_document(
        "Riverton_Sensitive_Data_Workshop.pptx",
        [
            (
                "Executive Summary",
                "Protect and Govern Sensitive Data workshop for the City of Riverton, a "
                "government agency with 1,200 employees.",
            ),
            (
                "Findings",
                "Risk of accidental disclosure of residents' personal data and payment card "
                "numbers in the utilities billing team's shared mailboxes.",
            ),
            ("Recommendations", "Deploy sensitivity labels and DLP policies for payment data."),
        ],
    )
    status, _ = run(claims, claims.view(customer=PUBLIC_US, documents=[deck]))
    assert status == Status.FAIL


# Disclosures without a title phrase: the customer named in the claim stands in for a
# public-sector word.
UNTITLED = {
    "letter": (
        "City of Riverton - Office of the IT Director",
        "Re: Enable Frontline Workshop - acknowledgement of Microsoft incentive payment",
        "The City of Riverton acknowledges that FridayINC will receive an incentive payment "
        "from Microsoft Corporation for delivering the workshop to the City.",
        "Susie Jones, IT Director, City of Riverton",
    ),
    "statement": (
        "Incentive Disclosure Statement",
        "To: City of Riverton (municipal government)",
        "FridayINC hereby discloses that it will receive an incentive payment from Microsoft "
        "for delivering the Enable Frontline Workshop to the City.",
        "Acknowledged by the customer: Susie Jones, IT Director",
    ),
    "notice": (
        "Notice to Government Customer",
        "FridayINC receives an incentive payment from Microsoft for delivering the Enable "
        "Frontline Workshop to the City of Riverton. The City is not charged for the workshop.",
        "Acknowledged: Susie Jones, IT Director, City of Riverton",
    ),
    "fr-avis": (
        "Avis de transparence – organisme public",
        "FridayINC informe la Ville de Riverton, organisme public, que Microsoft lui verse une "
        "rémunération pour l'atelier Enable Frontline.",
        "Signé : Susie Jones, Directrice informatique",
    ),
    # The customer's letter says it with a verb, not "incentive" or "payment".
    "letter-funded-by": (
        "MARICOPA COUNTY - Office of Enterprise Technology",
        "Re: Enable Frontline Workshop",
        "The City of Riverton acknowledges that the workshop delivered by FridayINC is funded by "
        "Microsoft, and that FridayINC is paid by Microsoft for its delivery, at no cost to the "
        "City.",
        "Susie Jones, Chief Information Officer",
    ),
    "letter-compensates": (
        "The City of Riverton has been informed that Microsoft compensates FridayINC Inc. for "
        "delivering the Enable Frontline Workshop, and that the City is not charged for it.",
        "Susie Jones, Deputy Director, IT Services",
    ),
    "ja-sector": (
        "公共セクター開示書",
        "FridayINC は、本ワークショップの実施に対してマイクロソフトから報酬を受領することを、"
        "リバートン市に開示します。",
    ),
    "ja-letter": (
        "インセンティブ受領に関する確認書",
        "リバートン市（地方自治体）は、FridayINC が本ワークショップの実施についてマイクロソフト"
        "から報酬を受領することを確認しました。",
    ),
}


@pytest.mark.parametrize("paragraphs", UNTITLED.values(), ids=UNTITLED.keys())
def test_disclosure_without_the_usual_title_is_recognised(claims, paragraphs):
    document = docx_document("disclosure.docx", list(paragraphs))
    status, result = run(claims, claims.view(customer=PUBLIC_US, documents=[REPORT, document]))
    assert status == Status.PASS
    assert "the Public Sector Disclosure is disclosure.docx" in result["message"]


def test_school_district_letter_names_the_customer_from_the_claim(claims):
    customer = {**PUBLIC_US, "name": "Lakewood Unified School District"}
    letter = docx_document(
        "ack.docx",
        [
            "Incentive Disclosure and Acknowledgement",
            "Lakewood Unified School District acknowledges that Bluestem Consulting has disclosed "
            "that it receives funding from Microsoft for the Copilot workshop.",
        ],
    )
    status, _ = run(claims, claims.view(customer=customer, documents=[REPORT, letter]))
    assert status == Status.PASS


def test_appendix_with_field_lines_before_the_statement_is_found(claims):
    report = docx_document(
        "report.docx",
        [
            *LONG_REPORT,
            "Appendix A - Public Sector Disclosure",
            "Customer: City of Riverton",
            "Partner: FridayINC Inc.",
            "Date: 14 October 2026",
            "FridayINC discloses to the City of Riverton that Microsoft pays FridayINC an "
            "incentive for this engagement. The City acknowledges this disclosure.",
        ],
    )
    status, result = run(claims, claims.view(customer=PUBLIC_US, documents=[report]))
    assert status == Status.PASS
    assert result["evidence"][0]["location"] == f"paragraph {len(LONG_REPORT) + 1}"


def test_public_sector_incentive_disclosure_appendix_is_found(claims):
    report = docx_document(
        "report.docx",
        [
            *LONG_REPORT,
            "Appendix A - Public Sector Incentive Disclosure",
            "FridayINC discloses to the City of Riverton, a public sector customer, that "
            "Microsoft pays FridayINC an incentive for this engagement.",
        ],
    )
    status, _ = run(claims, claims.view(customer=PUBLIC_US, documents=[report]))
    assert status == Status.PASS


def test_invoice_note_about_a_separate_disclosure_does_not_warn(claims):
    invoice = docx_document(
        "invoice.docx",
        ["INVOICE", "Claim ID: 3000001", "Note: Public Sector Disclosure provided separately"],
        kind="invoice",
    )
    status, _ = run(claims, claims.view(customer=PUBLIC_US, documents=[invoice, REPORT]))
    assert status == Status.FAIL


@pytest.mark.parametrize(
    "statement",
    [
        "We informed the City of Riverton that its Microsoft 365 G5 licences are paid by the "
        "City under its enterprise agreement, and that the City pays Microsoft for Copilot "
        "seats from its IT budget.",
        "We informed the City of Riverton's finance team that Microsoft Finance and "
        "Operations would replace its public sector ledger, and disclosed the migration "
        "risks to the City's auditors.",
    ],
    ids=["the-city-pays-microsoft", "microsoft-finance-the-product"],
)
def test_a_report_that_names_microsoft_with_a_payment_word_is_not_a_disclosure(claims, statement):
    report = docx_document("report.docx", ["Workshop summary", statement])
    status, _ = run(claims, claims.view(customer=PUBLIC_US, documents=[report]))
    assert status == Status.FAIL


# A short report or deck titled or headed with the phrase, saying only that the disclosure was
# declined, is missing, was asked for or is a topic, is not the disclosure.
@pytest.mark.parametrize(
    "paragraphs",
    [
        ["Workshop Report", "The customer declined to sign the Public Sector Disclosure."],
        ["Public Sector Disclosure: see attached.", "Workshop delivered to 14 supervisors."],
        ["Public Sector Disclosure: missing", "Attendees: 14 supervisors."],
        ["Public Sector Disclosure - TBD", "Attendees: 14 supervisors."],
        ["Workshop Report", "No Public Sector Disclosure was obtained."],
        ["Public Sector Disclosure requested from the customer on 3 October."],
        ["We explained the Public Sector Disclosure requirement to the procurement office."],
        ["POE checklist", "☐ Public Sector Disclosure", "☑ Customer survey", "☑ Invoice"],
        ["Agenda", "1. Introductions", "2. Public Sector Disclosure overview", "3. Demo"],
    ],
    ids=[
        "declined", "see-attached", "missing", "tbd", "none-obtained", "requested",
        "requirement", "checklist", "agenda",
    ],
)  # fmt: skip
def test_report_headed_with_the_phrase_but_no_statement_is_not_a_disclosure(claims, paragraphs):
    report = docx_document("report.docx", paragraphs)
    status, result = run(claims, claims.view(customer=PUBLIC_US, documents=[report]))
    assert status == Status.FAIL
    assert "report.docx mentions a disclosure" in result["message"]


# Customers' own acknowledgement letters: the customer names itself as a public body in its own
# words, and acknowledges (or "understands and agrees") in its own verbs.
@pytest.mark.parametrize(
    ("customer", "paragraphs"),
    [
        (
            {"public_sector": True, "name": "State Bank of India", "country": "IN"},
            [
                "Subject: Acknowledgement of Microsoft incentive",
                "The Bank, a Government of India undertaking, acknowledges that FridayINC "
                "receives an incentive from Microsoft for the workshop delivered to the Bank.",
                "Rajesh Kumar, Deputy General Manager (IT)",
            ],
        ),
        (
            {"public_sector": True, "name": "Texas Department of Transportation", "country": "US"},
            [
                "Re: Enable Frontline Workshop",
                "The Texas DOT, a state agency, acknowledges that FridayINC receives an "
                "incentive from Microsoft for this workshop.",
                "Susie Jones, Deputy CIO",
            ],
        ),
        (
            {"public_sector": True, "name": "Municipio Autónomo de Caguas", "country": "PR"},
            [
                "Municipality of Caguas - Office of Information Systems",
                "The Municipality acknowledges that FridayINC receives an incentive payment "
                "from Microsoft for delivering the workshop.",
                "Luis Rivera, IT Director",
            ],
        ),
        (
            {"public_sector": True, "name": "Bank of Baroda", "country": "IN"},
            [
                "Bank of Baroda - IT Department, Mumbai",
                "Bank of Baroda understands and agrees that FridayINC is compensated by "
                "Microsoft for this engagement.",
                "Anil Mehta, Chief Manager IT",
            ],
        ),
    ],
    ids=["government-of-india-undertaking", "state-agency", "municipality", "understands-agrees"],
)
def test_customer_acknowledgement_letter_in_its_own_words_is_a_disclosure(
    claims, customer, paragraphs
):
    letter = docx_document("letter.docx", paragraphs)
    status, result = run(claims, claims.view(customer=customer, documents=[REPORT, letter]))
    assert status == Status.PASS, result["message"]
    assert "the Public Sector Disclosure is letter.docx (paragraph" in result["message"]


def test_office_of_information_is_not_a_verb_that_informs(claims):
    letter = docx_document(
        "letter.docx",
        [
            "Office of Information Technology, City of Riverton",
            "The workshop was paid for from the City's own budget; FridayINC invoiced the City "
            "for its fees, and Microsoft licences were renewed.",
        ],
    )
    status, _ = run(claims, claims.view(customer=PUBLIC_US, documents=[letter]))
    assert status == Status.FAIL


# Incentives that are not the partner's: a report about a staff scheme, a product feature or a
# tax break uses a disclosure's words ("inform", "incentive", a public body) without being one.
@pytest.mark.parametrize(
    "statement",
    [
        "We discussed how the agency can inform staff about Microsoft Viva incentives and "
        "recognition features for its public sector workforce.",
        "The county agreed to notify its employees of the new employee incentive programme "
        "for public sector staff who complete the Copilot training.",
        "The City acknowledged the state tax incentives available to it as a government "
        "agency that modernises its devices.",
        "La municipalité, entité publique, est informée des incitations fiscales pour la "
        "modernisation du secteur public.",
    ],
    ids=["viva-incentives", "employee-incentive", "tax-incentives", "incitations-fiscales"],
)
def test_a_report_about_other_incentives_is_not_a_disclosure(claims, statement):
    report = docx_document("report.docx", ["Workshop summary", statement])
    status, result = run(claims, claims.view(customer=PUBLIC_US, documents=[report]))
    assert status == Status.FAIL, result["message"]


def test_the_partners_incentive_beside_a_staff_scheme_is_still_a_disclosure(claims):
    letter = docx_document(
        "letter.docx",
        [
            "Public Sector Disclosure",
            "Beyond the employee incentive programme discussed in the workshop, FridayINC "
            "discloses to the City of Riverton, a government entity, that Microsoft pays "
            "FridayINC an incentive for delivering this engagement.",
        ],
    )
    status, result = run(claims, claims.view(customer=PUBLIC_US, documents=[letter]))
    assert status == Status.PASS, result["message"]


# An ordinary report for a public body: a payment word beside a Microsoft product and a
# common verb ("informed", "notify", "aware") is no statement that Microsoft pays the partner.
@pytest.mark.parametrize(
    "statement",
    [
        "Residents of the City of Riverton will be informed by text message when permit fees "
        "collected through the Microsoft Power Pages portal are due.",
        "Notify citizens of overdue parking payments with Microsoft Copilot Studio for the City "
        "of Riverton.",
        "The City of Riverton HR team is aware that employee compensation data must stay in the "
        "Microsoft 365 tenant in the US.",
        "The City of Riverton, a public sector body, wants to inform residents about the energy "
        "efficiency incentive available to homeowners, using a Copilot Studio agent.",
        "The City of Riverton asked us to review its employee incentive programme. We informed "
        "the HR team of options to disclose incentive payments to staff in Teams.",
        "The City of Riverton understands that the Copilot Studio licence fees are billed by "
        "Microsoft.",
    ],
    ids=[
        "permit-fees",
        "parking-payments",
        "compensation-data",
        "homeowners",
        "staff-payments",
        "billed-by-microsoft",
    ],
)
def test_a_report_with_payment_words_beside_microsoft_is_not_a_disclosure(claims, statement):
    report = docx_document("findings.docx", ["Executive Summary", statement])
    status, result = run(claims, claims.view(customer=PUBLIC_US, documents=[report]))
    assert status == Status.FAIL, result["message"]


# Headed with the phrase, saying in the next sentence that it is not there; an agenda or a
# checklist item; a blank form.
@pytest.mark.parametrize(
    "paragraphs",
    [
        ["Public Sector Disclosure",
         "The disclosure of the Microsoft incentive to FridayINC is pending the City's signature."],
        ["Public Sector Disclosure", "The City has not signed the disclosure of the Microsoft "
         "incentive yet; we expect it next week."],
        ["Public Sector Disclosure", "The signed disclosure of the Microsoft incentive will be "
         "uploaded tomorrow by the partner."],
        ["Public Sector Disclosure", "The City's legal team would not sign the disclosure of the "
         "Microsoft incentive to FridayINC."],
        ["Kickoff agenda", "09:00 Welcome",
         "09:15 Public Sector Disclosure of the Microsoft incentive (overview)", "10:00 Envisioning"],
        ["Microsoft Partner Incentives - POE checklist", "1. Invoice", "2. Customer survey",
         "3. Public Sector Disclosure (signed by the customer)"],
        ["Public Sector Disclosure", "[Partner name] discloses to [Customer name], a public sector "
         "entity, that Microsoft will pay [Partner name] an incentive for delivering [engagement].",
         "Customer signature: ____________", "Date: ________"],
    ],
    ids=["pending", "not-signed-yet", "will-be-uploaded", "would-not-sign", "agenda", "checklist",
         "blank-form"],
)  # fmt: skip
def test_a_disclosure_spoken_of_but_not_made_is_not_one(claims, paragraphs):
    document = docx_document("report.docx", paragraphs)
    status, result = run(claims, claims.view(customer=PUBLIC_US, documents=[document]))
    assert status == Status.FAIL, result["message"]


@pytest.mark.parametrize(
    "incentive", ["a performance incentive", "a partner sales incentive", "an incentive payment"]
)
def test_the_partners_incentive_from_microsoft_by_any_name_is_a_disclosure(claims, incentive):
    document = docx_document(
        "psd.docx",
        [
            "Public Sector Disclosure",
            f"FridayINC discloses to the City of Riverton that FridayINC may receive {incentive} "
            "from Microsoft for this engagement.",
        ],
    )
    status, result = run(claims, claims.view(customer=PUBLIC_US, documents=[document]))
    assert status == Status.PASS, result["message"]


@pytest.mark.parametrize(
    "statement",
    [
        "We disclose that FridayINC receives funding from Microsoft for the workshop delivered "
        "to the City of Riverton, a government entity.",
        "The City of Riverton, a public sector entity, acknowledges Microsoft's payment to "
        "FridayINC for this workshop.",
        "FridayINC informs the City of Riverton, a government entity, that Microsoft provides "
        "FridayINC with funding for this workshop.",
        "The City of Riverton, a government entity, is aware that the workshop fees are paid to "
        "FridayINC by Microsoft.",
    ],
    ids=["funding-from-microsoft", "microsofts-payment", "microsoft-provides", "paid-to-by"],
)
def test_a_payment_from_microsoft_is_the_partners_incentive(claims, statement):
    document = docx_document("letter.docx", ["Dear Ms Whitfield,", statement])
    status, result = run(claims, claims.view(customer=PUBLIC_US, documents=[document]))
    assert status == Status.PASS, result["message"]


# A real statement may say what else the letter says: its sentence is no mention for that.
@pytest.mark.parametrize(
    "ending",
    [", which will be provided at no cost to the City.", ", paid separately.",
     ", paid no later than 60 days after delivery.", ", as requested by the City.",
     "; the City is not required to pay anything.", "; the City may refuse the engagement."],
)  # fmt: skip
def test_a_statement_with_ordinary_words_in_its_sentence_is_a_disclosure(claims, ending):
    document = docx_document(
        "psd.docx",
        ["Public Sector Disclosure",
         "FridayINC discloses to the City of Riverton, a government entity, that Microsoft pays "
         f"FridayINC an incentive for this engagement{ending}"],
    )  # fmt: skip
    status, result = run(claims, claims.view(customer=PUBLIC_US, documents=[document]))
    assert status == Status.PASS, result["message"]


@pytest.mark.parametrize(
    "statement",
    ["Microsoft may pay FridayINC a fee for this workshop.",
     "it receives funding through the Microsoft AI Cloud Partner Program for this workshop.",
     "it receives funding from the Microsoft AI Cloud Partner Program for this workshop.",
     "this workshop is delivered with Microsoft Partner Program funding.",
     "it may receive a payment for the delivery of this workshop from Microsoft.",
     "it receives funds from Microsoft under its partner program.",
     "this is a Microsoft-funded engagement."],
)  # fmt: skip
def test_microsoft_as_the_payer_in_partners_words(claims, statement):
    document = docx_document(
        "psd.docx", ["Public Sector Disclosure", f"FridayINC discloses to the City of Riverton that {statement}"]
    )  # fmt: skip
    status, result = run(claims, claims.view(customer=PUBLIC_US, documents=[document]))
    assert status == Status.PASS, result["message"]


@pytest.mark.parametrize(
    "text",
    ["Hi Angela, could you please sign and return the attached Public Sector Disclosure, which "
     "informs the City of Riverton that Microsoft pays FridayINC an incentive?",
     "The disclosure informing the City of Riverton that Microsoft pays FridayINC an incentive "
     "has not yet been signed by the City.",
     "The City of Riverton will sign the disclosure acknowledging that Microsoft pays FridayINC "
     "an incentive at the next council meeting.",
     "_______________ (Partner) discloses to _______________ (Customer), a public sector entity, "
     "that Microsoft pays it an incentive.",
     "The City of Riverton requires every vendor to disclose any incentive it receives from "
     "Microsoft."],
    ids=["sign-and-return", "not-yet-signed", "will-sign", "blank-lines", "vendor-policy"],
)  # fmt: skip
def test_a_disclosure_asked_for_or_required_is_not_made(claims, text):
    document = docx_document("note.docx", ["Workshop notes", text])
    status, result = run(claims, claims.view(customer=PUBLIC_US, documents=[document]))
    assert status == Status.FAIL, result["message"]


@pytest.mark.parametrize(
    ("customer", "text"),
    [({"public_sector": True, "name": "Bharat Heavy Electricals Limited", "country": "IN"},
      "We confirm that FridayINC may receive incentive from Microsoft for the workshop "
      "delivered to BHEL, a public sector undertaking."),
     ({"public_sector": True, "name": "Municipio Autónomo de Caguas", "country": "PR"},
      "FridayINC déclare que Microsoft lui verse une rémunération pour l'atelier réalisé pour "
      "le Municipio Autónomo de Caguas.")],
    ids=["confirm", "declare"],
)  # fmt: skip
def test_confirming_or_declaring_discloses(claims, customer, text):
    document = docx_document("letter.docx", ["Dear Sir or Madam,", text])
    status, result = run(claims, claims.view(customer=customer, documents=[document]))
    assert status == Status.PASS, result["message"]


@pytest.mark.parametrize(
    "title", ["Partner Incentive Disclosure", "Microsoft Incentive Acknowledgement"]
)
def test_a_disclosure_slide_under_its_own_title_at_the_end_of_a_long_deck(claims, title):
    body = " ".join(["The water crews discussed shift coverage and the handover of tasks."] * 12)
    slides = [(h, body) for h in ("Executive Summary", "Frontline Scenarios", "Envisioning Session",
                                  "Next Steps", "Attendees", "Appendix")]  # fmt: skip
    statement = (
        "FridayINC discloses to the City of Riverton, a government entity, that Microsoft pays "
        "FridayINC an incentive for this engagement. Acknowledged: Angela Whitfield, City Manager"
    )
    deck = pptx_document("report.pptx", [*slides, (title, statement)])
    claim = claims.view(customer=PUBLIC_US, documents=[deck])
    assert len(claim.poe_documents[0].text) > 5000
    status, result = run(claims, claim)
    assert status == Status.PASS, result["message"]


# The customer's acknowledgement appended to a long report under no title: its signature,
# a few paragraphs under the statement, tells it from a report that speaks of the incentive.
SIGNED_ACKNOWLEDGEMENTS = {
    "signed-line": (
        ["The customer acknowledges that Microsoft pays FridayINC an incentive for this "
         "engagement.", "Signed: Jane Doe, CIO, City of Riverton, 2026-10-12"],
        None,
    ),
    "signed-by-e-signature": (
        ["Customer acknowledgement: the City of Riverton acknowledges that Microsoft pays "
         "FridayINC an incentive for this engagement.", "Signed by: Jane Doe",
         "Signed on: 12 October 2026"],
        None,
    ),
    "signature-table": (
        ["The customer acknowledges that Microsoft pays FridayINC an incentive for this "
         "engagement and that the City is not charged for the workshop."],
        [["Name", "Title", "Signature", "Date"], ["Jane Doe", "CIO", "/s/ Jane Doe", "2026-10-12"]],
    ),
}  # fmt: skip


@pytest.mark.parametrize(
    ("paragraphs", "table"), SIGNED_ACKNOWLEDGEMENTS.values(), ids=SIGNED_ACKNOWLEDGEMENTS.keys()
)
def test_signed_acknowledgement_at_the_end_of_a_long_report_is_found(claims, paragraphs, table):
    report = docx_document("report.docx", [*LONG_REPORT, *paragraphs], table=table)
    claim = claims.view(customer=PUBLIC_US, documents=[report])
    assert len(claim.poe_documents[0].text) > 5000
    status, result = run(claims, claim)
    assert status == Status.PASS, result["message"]
    assert result["evidence"][0]["location"] == f"paragraph {len(LONG_REPORT) + 1}"


def test_signed_acknowledgement_by_the_customer_in_a_short_letter_is_found(claims):
    letter = docx_document(
        "ack.docx",
        [
            "The customer acknowledges that Microsoft pays FridayINC an incentive for this "
            "engagement.",
            "Signed: Jane Doe, CIO",
        ],
    )
    status, result = run(claims, claims.view(customer=PUBLIC_US, documents=[REPORT, letter]))
    assert status == Status.PASS, result["message"]


# Under a long report, a statement still to be signed, a blank signature line, a signed
# report's other incentives or another customer's acknowledgement is no disclosure.
@pytest.mark.parametrize(
    "paragraphs",
    [
        ["The customer acknowledges that Microsoft pays FridayINC an incentive for this "
         "engagement.", "Customer signature: ____________", "Date: ________"],
        ["Next step: the customer will sign an acknowledgement that Microsoft pays FridayINC an "
         "incentive for this engagement.", "Signed: Priya Kaur, FridayINC"],
        ["The customer agreed to notify its employees of the new employee incentive programme.",
         "Signed: Jane Doe, CIO, City of Riverton"],
        ["The City of Shelbyville acknowledges that Microsoft pays FridayINC an incentive for "
         "this engagement.", "Signed: Bob Smith, CIO, City of Shelbyville"],
    ],
    ids=["blank-signature", "will-sign", "staff-incentive", "another-city"],
)  # fmt: skip
def test_a_long_reports_signed_lines_without_a_disclosure_are_not_one(claims, paragraphs):
    report = docx_document("report.docx", [*LONG_REPORT, *paragraphs])
    status, result = run(claims, claims.view(customer=PUBLIC_US, documents=[report]))
    assert status == Status.FAIL, result["message"]


PUBLIC_PR = {"public_sector": True, "name": "Municipio de Bayamón", "country": "PR"}
# Puerto Rico's customers sign in Spanish: the disclosure is there, in a language the review
# does not read, so the partner is asked for a translation, not for a disclosure. Their
# negations ("ningún costo", "no uno de los costos") do not make it a mention.
SPANISH = {
    "titled": ["Divulgación para el sector público",
               "FridayINC informa al Municipio de Bayamón, entidad gubernamental, que Microsoft "
               "paga a FridayINC un incentivo por este taller.",
               "Firmado: Luis Rivera, Director de Sistemas"],
    "reconoce": ["El Municipio de Bayamón reconoce que Microsoft paga un incentivo a FridayINC "
                 "por este compromiso.", "Firma: Luis Rivera"],
    "ninguno": ["Divulgación para el sector público",
                "El Municipio reconoce que Microsoft paga un incentivo a FridayINC por este "
                "taller, y que no asume ningún costo; ninguno de sus fondos se utiliza.",
                "Firma: Luis Rivera"],
    "no-uno": ["Divulgación para el sector público",
               "FridayINC divulga al Municipio de Bayamón que Microsoft paga a FridayINC un "
               "incentivo. No uno de los costos recae en el Municipio.", "Firma: Luis Rivera"],
    "end-of-long-report": [*LONG_REPORT,
                           "El cliente reconoce que Microsoft paga a FridayINC un incentivo por "
                           "este compromiso.", "Firmado: Luis Rivera, Director de Sistemas"],
}  # fmt: skip


@pytest.mark.parametrize("paragraphs", SPANISH.values(), ids=SPANISH.keys())
def test_a_spanish_disclosure_asks_for_a_supported_language(claims, paragraphs):
    document = docx_document("divulgacion.docx", paragraphs)
    status, result = run(claims, claims.view(customer=PUBLIC_PR, documents=[REPORT, document]))
    assert status == Status.FAIL
    assert "divulgacion.docx (paragraph" in result["message"]
    assert "is in Spanish" in result["message"]
    assert "upload a version in English, French or Japanese" in result["message"]
    assert result["evidence"][0]["document"] == "divulgacion.docx"


def test_an_english_disclosure_beside_a_spanish_one_passes(claims):
    spanish = docx_document("divulgacion.docx", SPANISH["titled"])
    english = docx_document(
        "psd.docx",
        ["Public Sector Disclosure",
         "FridayINC discloses to the Municipio de Bayamón, a government entity, that Microsoft "
         "pays FridayINC an incentive for this engagement.", "Signed: Luis Rivera"],
    )  # fmt: skip
    claim = claims.view(customer=PUBLIC_PR, documents=[REPORT, spanish, english])
    status, result = run(claims, claim)
    assert status == Status.PASS, result["message"]
    assert "the Public Sector Disclosure is psd.docx" in result["message"]


# Spanish that only speaks of a disclosure, or of other incentives, is no disclosure at all.
@pytest.mark.parametrize(
    "paragraphs",
    [
        ["Divulgación para el sector público", "El Municipio reconoce que Microsoft paga un "
         "incentivo a FridayINC por este taller (pendiente de firma)."],
        ["Divulgación para el sector público", "[Nombre del socio] informa a [Nombre del "
         "cliente], entidad gubernamental, que Microsoft paga un incentivo a [Nombre del socio].",
         "Firma: ________"],
        ["Informe del taller", "No se ha firmado ninguna divulgación del incentivo de Microsoft "
         "para el Municipio."],
        ["Próximos pasos", "El Municipio firmará la divulgación que reconoce que Microsoft paga "
         "un incentivo a FridayINC."],
        ["Resumen", "El Municipio de Bayamón fue informado de los incentivos fiscales para el "
         "sector público."],
        ["Resumen", "Informamos al Municipio de Bayamón sobre el incentivo para empleados del "
         "gobierno municipal."],
    ],
    ids=["pendiente", "blank-form", "ninguna-firmada", "firmara", "fiscales", "empleados"],
)  # fmt: skip
def test_spanish_that_speaks_of_a_disclosure_is_not_one(claims, paragraphs):
    document = docx_document("informe.docx", paragraphs)
    status, result = run(claims, claims.view(customer=PUBLIC_PR, documents=[document]))
    assert status == Status.FAIL
    assert "Spanish" not in result["message"]


# The disclosure is the customer's: one made to another public body is not this claim's PSD.
SPRINGFIELD = {"public_sector": True, "name": "City of Springfield", "country": "US"}
STATEMENT = (
    "FridayINC discloses to {} that Microsoft pays FridayINC an incentive for this engagement."
)
MADE_TO_ANOTHER = {
    "disclosed-to": (
        ["Public Sector Disclosure", STATEMENT.format("the City of Shelbyville"),
         "Signed: Jane Doe, CIO"],
        "City of Shelbyville", "paragraph 2",
    ),
    "city-council": (
        ["Public Sector Disclosure", STATEMENT.format("the Shelbyville City Council"),
         "Signed: Jane Doe, CIO"],
        "Shelbyville City Council", "paragraph 2",
    ),
    "its-own-letter": (
        ["Dear Ms Whitfield,", "The City of Shelbyville, a government entity, acknowledges that "
         "Microsoft pays FridayINC an incentive for this engagement.", "Bob Smith, CIO"],
        "City of Shelbyville", "paragraph 2",
    ),
    "customer-field": (
        ["Public Sector Disclosure", "Customer: City of Shelbyville",
         STATEMENT.format("the customer"), "Signed: Jane Doe, CIO"],
        "City of Shelbyville", "paragraph 2",
    ),
    "signed-by": (
        ["Public Sector Disclosure", STATEMENT.format("the customer"),
         "Signed: Bob Smith, CIO, City of Shelbyville"],
        "City of Shelbyville", "paragraph 3",
    ),
    "county": (
        ["Public Sector Disclosure", STATEMENT.format("Maricopa County, a government entity,"),
         "Signed: Jane Doe, CIO"],
        "Maricopa County", "paragraph 2",
    ),
}  # fmt: skip


@pytest.mark.parametrize(
    ("paragraphs", "name", "location"), MADE_TO_ANOTHER.values(), ids=MADE_TO_ANOTHER.keys()
)
def test_a_disclosure_made_to_another_public_body_fails(claims, paragraphs, name, location):
    document = docx_document("psd.docx", paragraphs)
    status, result = run(claims, claims.view(customer=SPRINGFIELD, documents=[REPORT, document]))
    assert status == Status.FAIL, result["message"]
    assert f"psd.docx names {name} ({location})" in result["message"]
    assert "made to another public body, not to City of Springfield" in result["message"]
    assert "PSD signed for City of Springfield" in result["message"]
    evidence = result["evidence"][0]
    assert (evidence["document"], evidence["location"]) == ("psd.docx", location)
    assert name in evidence["excerpt"]


def test_another_municipios_disclosure_in_a_pdf_fails(claims):
    document = pdf(
        "PSD_signed.pdf",
        [
            "PUBLIC SECTOR DISCLOSURE",
            "Customer: MUNICIPIO DE BAYAMÓN, PUERTO RICO",
            "Caribe Cloud Partners discloses the Microsoft incentive for this engagement.",
        ],
    )
    customer = {"public_sector": True, "name": "Municipio Autónomo de Caguas", "country": "PR"}
    status, result = run(claims, claims.view(customer=customer, documents=[REPORT, document]))
    assert status == Status.FAIL, result["message"]
    assert "PSD_signed.pdf names MUNICIPIO DE BAYAMÓN (page 1)" in result["message"]
    assert "not to Municipio Autónomo de Caguas" in result["message"]
    assert result["evidence"][0]["location"] == "page 1"
    assert "MUNICIPIO DE BAYAMÓN" in result["evidence"][0]["excerpt"]


def test_a_disclosure_that_names_another_body_only_in_passing_warns(claims):
    document = docx_document(
        "psd.docx",
        [
            "MARICOPA COUNTY - Office of Enterprise Technology",
            "Public Sector Disclosure",
            STATEMENT.format("the City"),
            "Signed: Jane Doe, CIO",
        ],
    )
    status, result = run(claims, claims.view(customer=SPRINGFIELD, documents=[REPORT, document]))
    assert status == Status.WARN, result["message"]
    assert "does not name City of Springfield" in result["message"]
    assert "psd.docx names MARICOPA COUNTY (paragraph 1)" in result["message"]
    assert result["evidence"][0]["excerpt"].startswith("MARICOPA COUNTY")


def test_the_customers_disclosure_beside_another_bodys_passes(claims):
    another = docx_document(
        "shelbyville-psd.docx",
        ["Public Sector Disclosure", STATEMENT.format("the City of Shelbyville")],
    )
    ours = docx_document(
        "springfield-psd.docx",
        ["Public Sector Disclosure", STATEMENT.format("the City of Springfield")],
    )
    claim = claims.view(customer=SPRINGFIELD, documents=[REPORT, another, ours])
    status, result = run(claims, claim)
    assert status == Status.PASS, result["message"]
    assert "the Public Sector Disclosure is springfield-psd.docx" in result["message"]


# The customer as a disclosure writes it: in another form, its abbreviation or acronym, with a
# legal suffix, another case or punctuation. The same disclosure with another body's name fails.
SAME_CUSTOMER = [
    ("City of Springfield", "the Springfield City Council"),
    ("City of Springfield", "the CITY OF SPRINGFIELD, ILLINOIS"),
    ("City of Springfield", "the City of Springfield's IT office"),
    ("Springfield City Council", "the City of Springfield"),
    ("City of Riverton – Department of Public Works", "the City of Riverton"),
    ("Municipio Autónomo de Caguas", "the Municipality of Caguas"),
    ("County of Los Angeles", "Los Angeles County"),
    ("St. Louis County", "Saint Louis County"),
    ("Town of Mount Pleasant", "the Mt. Pleasant Town Council"),
    ("Lakewood Unified School District", "LUSD, in Jefferson County,"),
    ("Lakewood USD", "the Lakewood Unified School District"),
    ("Puerto Rico Department of Education", "PRDE, for its schools in the Municipio de Bayamón,"),
    ("City of Springfield", "the City of Springfield, in Sangamon County,"),
]


@pytest.mark.parametrize(
    ("customer", "as_written"), SAME_CUSTOMER, ids=[w for _, w in SAME_CUSTOMER]
)
def test_the_customer_named_in_its_own_way_passes_where_another_body_fails(
    claims, customer, as_written
):
    public = {"public_sector": True, "name": customer, "country": "US"}

    def status_with(name: str) -> Status:
        document = docx_document(
            "psd.docx", ["Public Sector Disclosure", STATEMENT.format(name), "Signed: Jane Doe"]
        )
        status, _ = run(claims, claims.view(customer=public, documents=[REPORT, document]))
        return status

    assert status_with(as_written) == Status.PASS
    assert status_with("the City of Shelbyville") == Status.FAIL
