"""pii-visible: customer e-mail addresses in POE documents are blurred."""

from __future__ import annotations

import json

import pytest

from checks.pii_visible import PiiVisible, blurred, mask
from tests.extract.extract_builders import add_hyperlink, simple_msg
from workbench.check_api import Severity, Status, overall_status
from workbench.engine.sandbox import run_check_here
from workbench.testing import (
    ClaimBuilder,
    docx_document,
    pptx_document,
    raw_document,
    xlsx_document,
)


@pytest.fixture
def claims(tmp_path):
    return ClaimBuilder(tmp_path)


def run(claims, *documents, **fields):
    claim = claims.view(documents=list(documents), **fields)
    results = run_check_here(PiiVisible(), claim, claims.context())
    return overall_status(r["status"] for r in results), results


def test_is_advisory():
    assert PiiVisible.severity == Severity.ADVISORY


def test_readable_customer_address_warns_without_repeating_it(claims):
    report = docx_document(
        "report.docx",
        ["Workshop report", "Customer contact: Susie Jones, susie.jones@contoso.com, IT"],
    )
    status, results = run(claims, report)
    assert status == Status.WARN
    result = results[0]
    assert "report.docx" in result["message"]
    assert "1 customer address(es) (s****s@contoso.com)" in result["message"]
    assert "susie.jones@" not in json.dumps(results)
    assert result["evidence"] == [
        {
            "document": "report.docx",
            "location": "paragraph 2",
            "excerpt": "Customer contact: Susie Jones, s****s@contoso.com, IT",
        }
    ]


def test_address_in_a_spreadsheet_cell_is_located(claims):
    sheet = xlsx_document(
        "attendees.xlsx",
        [
            ["Name", "Title", "E-mail"],
            ["Susie Jones", "IT Systems Administrator", "sjones@contoso.com"],
        ],
    )
    status, results = run(claims, sheet)
    assert status == Status.WARN
    assert results[0]["evidence"][0]["location"].endswith("!C2")


@pytest.mark.parametrize(
    "address",
    [
        "s****@contoso.com",
        "s***s@contoso.com",
        "[redacted]@contoso.com",
        "xxxxx@contoso.com",
        "●●●●@contoso.com",
    ],
)
def test_blurred_addresses_pass(claims, address):
    deck = pptx_document("deck.pptx", [("Attendees", f"Susie Jones (IT Administrator), {address}")])
    status, results = run(claims, deck)
    assert status == Status.PASS
    assert "1 blurred address(es) found" in results[0]["message"]


def test_partner_and_microsoft_addresses_are_not_customer_pii(claims):
    report = docx_document(
        "report.docx",
        ["Delivered by Priya Kaur (pkaur@fridayinc.com) and j.blake@eu.fridayinc.com, "
         "with Microsoft's partner manager anna.berg@microsoft.com."],
    )  # fmt: skip
    status, _ = run(claims, report)
    assert status == Status.PASS


def test_other_outside_addresses_are_flagged_separately(claims):
    report = docx_document("report.docx", ["Facilitator from the reseller: tom@adatum.com"])
    status, results = run(claims, report)
    assert status == Status.WARN
    assert "1 other address(es) outside the partner (t***@adatum.com)" in results[0]["message"]


def test_customer_domain_from_the_contact_email(claims):
    report = docx_document("report.docx", ["Owner: rohan.mehta@proseware.in"])
    status, results = run(
        claims,
        report,
        customer={"id_type": "tpid", "id": "12345678", "contact_email": "rohan.mehta@proseware.in"},
    )
    assert status == Status.WARN
    assert "1 customer address(es)" in results[0]["message"]


def test_invoices_are_not_searched(claims):
    invoice = docx_document("invoice.docx", ["Invoice", "Bill to ap@contoso.com"], kind="invoice")
    report = docx_document("report.docx", ["Workshop report without addresses."])
    status, _ = run(claims, invoice, report)
    assert status == Status.PASS


def test_unreadable_poe_document_is_an_error(claims):
    status, results = run(claims, raw_document("notes.docx", b"PK\x03\x04 truncated"))
    assert status == Status.ERROR
    assert results[0]["message"].startswith("Could not look for e-mail addresses in notes.docx:")


def test_each_address_listed_once(claims):
    report = docx_document("report.docx", ["susie@contoso.com", "again susie@contoso.com"])
    _, results = run(claims, report)
    assert results[0]["message"].count("s****e@contoso.com") == 1


def test_masking_and_blur_detection():
    assert mask("susie.jones") == "s****s"
    assert mask("al") == "a***"
    assert blurred("s****") and blurred("[redacted]") and blurred("xxxx")
    assert not blurred("susie") and not blurred("x.chen")


@pytest.mark.parametrize(
    "local", ["x.xxxx", "xxxxx.xxxxx", "sxxxx", "s.xxxxx", "s.....", "s_____", "s-----"]
)
def test_blur_styles_count_as_blurred(claims, local):
    assert blurred(local)
    report = docx_document("report.docx", [f"Attendee: Susie Jones, {local}@contoso.com"])
    status, results = run(claims, report)
    assert status == Status.PASS
    assert "(1 blurred address(es) found)" in results[0]["message"]


@pytest.mark.parametrize("local", ["sam", "alex", "maxx", "x.chen", "s.jones", "sx.lee"])
def test_short_or_real_local_parts_are_not_blurred(local):
    assert not blurred(local)


def test_full_width_at_sign_is_an_address(claims):
    report = docx_document("report.docx", ["お客様担当者：山田 太郎（yamada.taro＠contoso.com）"])
    status, results = run(claims, report)
    assert status == Status.WARN
    assert "1 customer address(es) (y****o@contoso.com)" in results[0]["message"]
    assert "yamada.taro" not in json.dumps(results, ensure_ascii=False)


def test_image_file_names_are_not_addresses(claims):
    report = docx_document(
        "report.docx", ["Assets moved: logo@2x.png, hero-banner@3x.jpg and icons@2x.svg."]
    )
    status, results = run(claims, report)
    assert status == Status.PASS
    assert (
        results[0]["message"] == "No readable customer e-mail addresses in the 1 POE document(s)."
    )


def test_partner_on_free_mail_does_not_hide_other_addresses_there(claims):
    report = docx_document(
        "report.docx",
        ["Attendee: susie.jones.contoso@gmail.com", "Delivered by fridayinc.sales@gmail.com"],
    )
    status, results = run(claims, report, partner={"contact_email": "fridayinc.sales@gmail.com"})
    assert status == Status.WARN
    assert "1 other address(es) outside the partner (s****o@gmail.com)" in results[0]["message"]


@pytest.mark.parametrize("example", PiiVisible.examples, ids=lambda e: e.name)
def test_examples(claims, example):
    results = run_check_here(PiiVisible(), example.build(claims), claims.context())
    assert overall_status(r["status"] for r in results) == example.expected


def test_same_address_in_two_documents_is_counted_once_and_cited_twice(claims):
    report = docx_document("report.docx", ["Owner: susie@contoso.com"])
    deck = pptx_document("deck.pptx", [("Contacts", "susie@contoso.com and sam@contoso.com")])
    status, results = run(claims, report, deck)
    assert status == Status.WARN
    assert "2 customer address(es) (s****e@contoso.com, s***@contoso.com)" in results[0]["message"]
    assert [e["document"] for e in results[0]["evidence"]] == [
        "report.docx",
        "deck.pptx",
        "deck.pptx",
    ]


@pytest.mark.parametrize(
    ("line", "masked"),
    [
        ("Owner: susie @ contoso.com (IT)", "s****e@contoso.com"),  # as OCR spaces it
        ("Owner: susie@ contoso.com (IT)", "s****e@contoso.com"),  # broken at the line's end
        ("Owner: Susie Jones (susie.jones@contoso.com)", "s****s@contoso.com"),
    ],
)
def test_spaced_or_broken_address_is_still_an_address(claims, line, masked):
    status, results = run(claims, docx_document("report.docx", [line]))
    assert status == Status.WARN
    assert f"1 customer address(es) ({masked})" in results[0]["message"]


@pytest.mark.parametrize(
    "line",
    [
        "All 240 users on @contoso.com were moved to the new tenant.",  # the domain, after a word
        "Examples for the template: admin@example.com, test.user@contoso.test.",  # reserved
        "Sign in as jo.bloggs@mail.example.org or sam@lab.example.net in the lab.",
        "Naming convention: firstname.lastname@contoso.com, shared boxes as alias@contoso.com.",
        "Clone with git@github.com:contoso/shifts-app.git and deploy to the VM.",
        "Connect with ssh -i key.pem azureuser@vm01.contoso.com to check the agent.",
        "Copy with scp build.zip deploy@vm01.contoso.com:/srv/app, then restart.",
        "Pipelines pull from https://contoso@dev.azure.com/contoso/Shifts/_git/app daily.",
    ],
    ids=[
        "word-before-at",
        "reserved",
        "reserved-subdomain",
        "placeholder",
        "git",
        "ssh",
        "scp",
        "https",
    ],
)
def test_text_that_is_no_ones_address_passes(claims, line):
    status, results = run(claims, docx_document("report.docx", [line]))
    assert status == Status.PASS
    assert results[0]["message"] == (
        "No readable customer e-mail addresses in the 1 POE document(s)."
    )


@pytest.mark.parametrize(
    ("line", "masked"),
    [
        # SSH named in prose: the address after it is hers, not a login.
        ("We set up SSH access for Susie Jones, susie.jones@contoso.com.", "s****s@contoso.com"),
        ("Owner susie@contoso.com: approves the rollout.", "s****e@contoso.com"),
        ("Owners: susie@contoso.com:sam@contoso.com", "s****e@contoso.com"),
        ("Attendee: test.user@contoso.com", "t****r@contoso.com"),  # only the domain is reserved
        ("Attendee: ann.lee@myexample.com", "a****e@myexample.com"),  # not example.com's
    ],
    ids=["ssh-in-prose", "colon-then-space", "colon-then-address", "test-local", "example-inside"],
)
def test_addresses_near_login_like_text_are_still_flagged(claims, line, masked):
    status, results = run(claims, docx_document("report.docx", [line]))
    assert status == Status.WARN
    assert masked in results[0]["message"]


def test_shared_mailboxes_are_not_a_persons_but_are_named(claims):
    report = docx_document(
        "report.docx",
        ["Escalations go to it-helpdesk@contoso.com or support@contoso.com; alerts come from "
         "no-reply@contoso.com and do.not.reply@contoso.com.", "Questions: info@contoso.com"],
    )  # fmt: skip
    deck = pptx_document("deck.pptx", [("Contacts", "s****@contoso.com, info@contoso.com")])
    status, results = run(claims, report, deck)
    assert status == Status.PASS
    assert results[0]["message"] == (
        "No readable customer e-mail addresses in the 2 POE document(s) (1 blurred address(es) "
        "found; 5 shared mailbox(es) left readable: do.not.reply@contoso.com, "
        "info@contoso.com, it-helpdesk@contoso.com, no-reply@contoso.com, support@contoso.com)."
    )


@pytest.mark.parametrize(
    "local",
    # Initials, a surname that is a word, a person's name beside a team's.
    ["ap", "ar", "is", "do", "no", "anh.do", "susie.support", "it.jones", "sales.susie"],
)
def test_a_persons_address_is_not_taken_for_a_shared_mailbox(claims, local):
    status, results = run(claims, docx_document("report.docx", [f"Owner: {local}@contoso.com"]))
    assert status == Status.WARN
    assert "1 customer address(es)" in results[0]["message"]


def test_shared_mailbox_beside_a_persons_address_still_warns_for_hers(claims):
    report = docx_document("report.docx", ["Contacts: susie@contoso.com, support@contoso.com"])
    status, results = run(claims, report)
    assert status == Status.WARN
    assert "1 customer address(es) (s****e@contoso.com)" in results[0]["message"]


@pytest.mark.parametrize(
    "domain",
    ["fridayinc.co.uk", "friday-inc.de", "mail.fridayinc.com.au", "fridayinc.onmicrosoft.com"],
)
def test_partners_domain_in_another_country_is_the_partners(claims, domain):
    report = docx_document("report.docx", [f"Delivered by Tom Hale (tom.hale@{domain})"])
    status, results = run(claims, report)
    assert status == Status.PASS
    assert results[0]["message"] == (
        "No readable customer e-mail addresses in the 1 POE document(s)."
    )


@pytest.mark.parametrize(
    ("partner", "domain"),
    [
        ({}, "friday.co.uk"),  # a word of the partner's name, not its name
        ({"name": "ABC Ltd", "contact_email": "pkaur@abc.com"}, "abc.co.uk"),  # too short to tell
    ],
    ids=["word", "short"],
)
def test_a_domain_only_like_the_partners_is_still_outside_it(claims, partner, domain):
    report = docx_document("report.docx", [f"Facilitator: tom.hale@{domain}"])
    status, results = run(claims, report, partner=partner)
    assert status == Status.WARN
    assert f"1 other address(es) outside the partner (t****e@{domain})" in results[0]["message"]


def test_customer_on_a_domain_carrying_the_partners_name_is_still_the_customer(claims):
    report = docx_document("report.docx", ["Owner: susie@fridayinc.co.uk"])
    status, results = run(
        claims,
        report,
        customer={"id": "fridayinc.co.uk", "contact_email": "susie@fridayinc.co.uk"},
    )
    assert status == Status.WARN
    assert "1 customer address(es) (s****e@fridayinc.co.uk)" in results[0]["message"]


# qc.ca is Quebec's suffix, as co.uk is the UK's: a partner registered under it owns
# fridayinc.qc.ca, not every address in the province.
QUEBEC_PARTNER = {"contact_email": "pkaur@fridayinc.qc.ca"}


@pytest.mark.parametrize(
    ("customer", "address", "part"),
    [
        ({"id": "ville.qc.ca", "contact_email": "susie@ville.qc.ca"}, "susie@ville.qc.ca",
         "1 customer address(es) (s****e@ville.qc.ca)"),
        ({}, "jean.roy@autre.qc.ca", "1 other address(es) outside the partner (j****y@autre.qc.ca)"),
    ],
    ids=["customer", "other"],
)  # fmt: skip
def test_an_address_beside_the_partners_provincial_domain_is_not_the_partners(
    claims, customer, address, part
):
    report = docx_document("report.docx", [f"Owner: {address}"])
    status, results = run(claims, report, partner=QUEBEC_PARTNER, customer=customer)
    assert status == Status.WARN
    assert part in results[0]["message"]


@pytest.mark.parametrize("domain", ["fridayinc.qc.ca", "mail.fridayinc.qc.ca", "fridayinc.on.ca"])
def test_the_partners_own_provincial_domain_is_still_the_partners(claims, domain):
    report = docx_document("report.docx", [f"Delivered by Tom Hale (tom.hale@{domain})"])
    status, _ = run(claims, report, partner=QUEBEC_PARTNER)
    assert status == Status.PASS


def test_customer_recipients_of_an_email_poe_are_readable_addresses(claims):
    # Outlook shows the recipients' addresses; PR_DISPLAY_TO alone holds only their names.
    mail = simple_msg(
        "Workshop follow-up",
        "Thank you for attending the Frontline workshop on 12 March.",
        recipients=[
            (1, "Susie Jones", "susie.jones@contoso.com"),
            (2, "Sam Partner", "sam@fridayinc.com"),
        ],
    )
    status, results = run(claims, raw_document("follow-up.msg", mail))
    assert status == Status.WARN
    assert "1 customer address(es) (s****s@contoso.com)" in results[0]["message"]
    assert results[0]["evidence"] == [
        {
            "document": "follow-up.msg",
            "location": "email header",
            "excerpt": "To: Susie Jones <s****s@contoso.com> Cc: Sam Partner <s***@fridayinc.com>",
        }
    ]


@pytest.mark.parametrize(
    "written",
    [
        "susie.jones[at]contoso.com",
        "susie.jones (at) contoso (dot) com",
        "susie.jones{AT}contoso.com",
        "susie.jones at contoso dot com",
        "susie.jones AT contoso DOT com",
    ],
)
def test_address_with_the_at_sign_spelled_out_is_still_readable(claims, written):
    report = docx_document("report.docx", ["Workshop report", f"Customer contact: {written}"])
    status, results = run(claims, report)
    assert status == Status.WARN
    assert "1 customer address(es) (s****s@contoso.com)" in results[0]["message"]
    assert results[0]["evidence"][0]["excerpt"] == "Customer contact: s****s@contoso.com"


@pytest.mark.parametrize(
    "line",
    [
        "Visit us at contoso dot com for the slides.",
        "The team met at Contoso dot matrix printer room.",
        "Arrived at 10 dot com time.",
    ],
)
def test_words_at_and_dot_in_a_sentence_are_no_address(claims, line):
    report = docx_document("report.docx", ["Workshop report", line])
    status, _ = run(claims, report)
    assert status == Status.PASS


def test_bracketed_at_that_is_not_an_address_is_ignored(claims):
    report = docx_document("report.docx", ["Workshop report", "Kick-off [at] 10:00, room (at) HQ."])
    status, _ = run(claims, report)
    assert status == Status.PASS


@pytest.mark.parametrize("address", ["susie.jones@c*****.com", "susie.jones@contoso.c**"])
def test_a_blurred_domain_beside_a_readable_name_warns(claims, address):
    deck = pptx_document("deck.pptx", [("Attendees", f"Susie Jones (IT Administrator), {address}")])
    status, results = run(claims, deck)
    assert status == Status.WARN
    assert "1 address(es) whose domain is blurred but whose name is not" in results[0]["message"]
    assert "susie.jones" not in results[0]["message"]  # the warning does not repeat it


def test_a_blurred_name_and_domain_count_as_blurred(claims):
    deck = pptx_document("deck.pptx", [("Attendees", "Susie Jones, s****@c*****.com")])
    status, results = run(claims, deck)
    assert status == Status.PASS
    assert "1 blurred address(es) found" in results[0]["message"]


def _linked_docx(*paragraphs: tuple[str, str, str]) -> bytes:
    """A report whose paragraphs are (text, link text, mailto: target), made by python-docx."""
    import io

    import docx

    document = docx.Document()
    document.add_paragraph("Workshop report")
    for text, shown, target in paragraphs:
        add_hyperlink(document.add_paragraph(text), target, shown)
    data = io.BytesIO()
    document.save(data)
    return data.getvalue()


def test_address_behind_a_mailto_link_is_readable(claims):
    report = _linked_docx(
        ("Customer sponsor: ", "Email Jane", "mailto:jane.doe@contoso.com"),
        ("Delivered by ", "Priya", "mailto:pkaur@fridayinc.com"),
    )
    status, results = run(claims, raw_document("report.docx", report))
    assert status == Status.WARN
    assert "1 customer address(es) (j****e@contoso.com)" in results[0]["message"]
    assert "fridayinc" not in results[0]["message"]
    assert results[0]["evidence"] == [
        {
            "document": "report.docx",
            "location": "paragraph 2 (link)",
            "excerpt": "Email Jane <mailto:j****e@contoso.com>",
        }
    ]


def test_blurred_address_linking_to_the_real_one_is_readable(claims):
    report = _linked_docx(("Contact: ", "s****@contoso.com", "mailto:susie@contoso.com"))
    status, results = run(claims, raw_document("report.docx", report))
    assert status == Status.WARN
    assert "1 customer address(es) (s****e@contoso.com)" in results[0]["message"]
    assert results[0]["evidence"][0]["location"] == "paragraph 2 (link)"


def test_address_behind_a_link_on_a_slide_is_readable(claims, tmp_path):
    import pptx

    deck = pptx.Presentation()
    slide = deck.slides.add_slide(deck.slide_layouts[1])
    slide.shapes.title.text = "Workshop attendees"
    run_ = slide.placeholders[1].text_frame.paragraphs[0].add_run()
    run_.text = "Susie Jones (IT)"
    run_.hyperlink.address = "mailto:susie.jones@contoso.com"
    path = tmp_path / "deck.pptx"
    deck.save(path)
    status, results = run(claims, raw_document("attendees.pptx", path.read_bytes()))
    assert status == Status.WARN
    assert results[0]["evidence"] == [
        {
            "document": "attendees.pptx",
            "location": "slide 1 (link)",
            "excerpt": "Susie Jones (IT) <mailto:s****s@contoso.com>",
        }
    ]
