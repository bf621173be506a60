"""survey-signature: each completed survey's e-signature has a full name, company and title."""

from __future__ import annotations

import pytest

from checks.survey_signature import SurveySignature, missing_parts, parse_signature, same_person
from workbench.check_api import Status, overall_status
from workbench.engine.sandbox import run_check_here
from workbench.testing import ClaimBuilder

PARTNER_OK = {"status": "completed", "signature": "Priya Kaur, FridayINC, Delivery Lead"}
CUSTOMER_OK = {
    "status": "completed",
    "signature": "Susie Jones, Contoso Ltd, IT Systems Administrator",
}


@pytest.fixture
def claims(tmp_path):
    return ClaimBuilder(tmp_path)


def run(claims, customer=None, partner=None, customer_fields=None):
    surveys = {"customer": customer or CUSTOMER_OK, "partner": partner or PARTNER_OK}
    claim = claims.view(surveys=surveys, customer=customer_fields or {})
    results = run_check_here(SurveySignature(), claim, claims.context())
    return overall_status(r["status"] for r in results), results


def by_message(results, text):
    return next(r for r in results if text in r["message"])


@pytest.mark.parametrize(
    "signature",
    [
        "Susie Jones, Contoso Ltd, IT Systems Administrator",
        "Susie Jones - Contoso Ltd - IT Systems Administrator",
        "Susie Jones | Contoso Ltd | IT Systems Administrator",
        "Susie Jones; Contoso Ltd; IT Systems Administrator",
        "Susie Jones\nContoso Ltd\nIT Systems Administrator",
        "Susie Jones, Contoso, Ltd., IT Systems Administrator",
        "Susie Jones Contoso Ltd IT Systems Administrator",
        "Susie Jones, IT Systems Administrator, Contoso Ltd",
    ],
    ids=["comma", "dash", "pipe", "semicolon", "newline", "suffix-after-comma", "spaces", "order"],
)
def test_signature_parts_are_found_whatever_the_separator(signature):
    parsed = parse_signature(signature, "Contoso Ltd")
    assert parsed.name == "Susie Jones"
    assert parsed.company.rstrip(".") in ("Contoso Ltd", "Contoso, Ltd")
    assert parsed.title == "IT Systems Administrator"
    assert missing_parts(parsed) == []


@pytest.mark.parametrize(
    ("signature", "missing"),
    [
        ("Susie Jones, Contoso Ltd", ["the title"]),
        ("Susie Jones, IT Manager", ["the company name"]),
        ("Susie Jones", ["the company name", "the title"]),
        ("Contoso Ltd, IT Manager", ["the full name"]),
        ("Susie, Contoso Ltd, IT Manager", ["a full name ('Susie' is not a first and last name)"]),
        (
            "Susie Jones, Fabrikam",
            ["the company name or the title (only 'Fabrikam' follows the name)"],
        ),
        # A courtesy title or an initial is not a first or last name.
        ("Mr. Jones, Contoso Ltd, CIO", ["a full name ('Mr. Jones' is not a first and last name)"]),
        ("Dr Jones, Contoso Ltd, CIO", ["a full name ('Dr Jones' is not a first and last name)"]),
        ("Susie J., Contoso Ltd, CIO", ["a full name ('Susie J.' is not a first and last name)"]),
        # "Cloud Services" continues the title; it is not a company.
        ("Susie Jones, Director, Cloud Services", ["the company name"]),
        ("Susie Jones, VP, Store Operations", ["the company name"]),
        # Labels name the parts; a label with nothing after it is not a value.
        ("Name: Susie Jones\nCompany: Contoso Ltd", ["the title"]),
        ("Name: Susie Jones\nCompany:\nTitle: IT Systems Administrator", ["the company name"]),
        ("Full Name: Susie Jones, Company Name: Contoso Ltd, Title:", ["the title"]),
        (
            "Name: Susie\nCompany: Contoso Ltd\nTitle: CIO",
            ["a full name ('Susie' is not a first and last name)"],
        ),
    ],
)
def test_missing_parts_are_named(signature, missing):
    assert missing_parts(parse_signature(signature, "Contoso Ltd")) == missing


def test_japanese_signature():
    parsed = parse_signature("小林 誠、北斗精機株式会社、情報システム部 部長", "北斗精機株式会社")
    assert (parsed.name, parsed.company, parsed.title) == (
        "小林 誠",
        "北斗精機株式会社",
        "情報システム部 部長",
    )
    assert missing_parts(parse_signature("小林誠 北斗精機株式会社 部長", "北斗精機株式会社")) == []


@pytest.mark.parametrize(
    ("signature", "name", "company", "title"),
    [
        ("Susie Jones (CIO, Contoso)", "Susie Jones", "Contoso", "CIO"),
        ("Susie Jones (CIO), Contoso Ltd", "Susie Jones", "Contoso Ltd", "CIO"),
        ("Susie Jones, Contoso (UK) Ltd, CIO", "Susie Jones", "Contoso (UK) Ltd", "CIO"),
        ("Name: Susie Jones, Company: Contoso Ltd, CIO", "Susie Jones", "Contoso Ltd", "CIO"),
        (
            "Name: Susie Jones\nCompany: Contoso Ltd\nTitle: CIO",
            "Susie Jones",
            "Contoso Ltd",
            "CIO",
        ),
        ("/s/ Susie Jones, Contoso Ltd, CIO", "Susie Jones", "Contoso Ltd", "CIO"),
        ("Jones, Susie, Contoso Ltd, IT Manager", "Jones, Susie", "Contoso Ltd", "IT Manager"),
        ("Dean Thomas, Contoso Ltd, Teacher", "Dean Thomas", "Contoso Ltd", "Teacher"),
        ("Dr. Susie Jones, Contoso Ltd, CIO", "Dr. Susie Jones", "Contoso Ltd", "CIO"),
    ],
)
def test_brackets_labels_and_name_forms(signature, name, company, title):
    parsed = parse_signature(signature, "Contoso (UK) Ltd" if "UK" in signature else "Contoso Ltd")
    assert (parsed.name, parsed.company, parsed.title) == (name, company, title)
    assert missing_parts(parsed) == []


HOKUTO = "北斗精機株式会社 (Hokuto Seiki Co., Ltd.)"


@pytest.mark.parametrize(
    ("signature", "customer", "name", "company", "title"),
    [
        (
            "山田 太郎\u3000北斗精機株式会社\u3000情報システム部 部長",
            HOKUTO,
            "山田 太郎",
            "北斗精機株式会社",
            "情報システム部 部長",
        ),
        (  # business-card order: company, title, name
            "北斗精機株式会社\u3000情報システム部 部長\u3000山田 太郎",
            HOKUTO,
            "山田 太郎",
            "北斗精機株式会社",
            "情報システム部 部長",
        ),
        (
            "情報システム部 部長 山田 太郎（北斗精機株式会社）",
            HOKUTO,
            "山田 太郎",
            "北斗精機株式会社",
            "情報システム部 部長",
        ),
        (
            "北斗精機(株) 情報システム部 部長 山田太郎",
            HOKUTO,
            "山田太郎",
            "北斗精機(株)",
            "情報システム部 部長",
        ),
        (
            "渡辺 健\u3000株式会社みなと物流\u3000情報システム部 部長",
            "株式会社みなと物流 (Minato Logistics Co., Ltd.)",
            "渡辺 健",
            "株式会社みなと物流",
            "情報システム部 部長",
        ),
        ("Taro Yamada, Hokuto Seiki Co., Ltd., IT Manager", HOKUTO, "Taro Yamada",
         "Hokuto Seiki Co., Ltd.", "IT Manager"),
    ],
)  # fmt: skip
def test_japanese_signatures_separated_by_spaces(claims, signature, customer, name, company, title):
    parsed = parse_signature(signature, customer)
    assert (parsed.name, parsed.company, parsed.title) == (name, company, title)
    status, results = run(
        claims,
        customer={"status": "completed", "signature": signature},
        customer_fields={"name": customer},
    )
    assert status == Status.PASS
    assert (
        results[0]["message"]
        == f"Customer survey signed by {name} ({title}) for {company.rstrip('.')}."
    )


def test_complete_signatures_pass(claims):
    status, results = run(claims)
    assert status == Status.PASS
    assert [r["message"] for r in results] == [
        "Customer survey signed by Susie Jones (IT Systems Administrator) for Contoso Ltd.",
        "Partner survey signed by Priya Kaur (Delivery Lead) for FridayINC.",
    ]
    assert results[0]["evidence"][0] == {
        "document": "customer survey",
        "location": "e-signature (last question)",
        "excerpt": CUSTOMER_OK["signature"],
    }


def test_incomplete_customer_signature_fails_with_the_consequence(claims):
    status, results = run(
        claims, customer={"status": "completed", "signature": "Susie Jones, Contoso Ltd"}
    )
    assert status == Status.FAIL
    result = by_message(results, "Customer survey")
    assert result["status"] == "fail"
    assert "lacks the title" in result["message"]
    assert "may get the claim rejected" in result["message"]


def test_incomplete_partner_signature_asks_for_a_retake(claims):
    status, results = run(
        claims, partner={"status": "completed", "signature": "Priya Kaur, Delivery Lead"}
    )
    assert status == Status.FAIL
    result = by_message(results, "Partner survey")
    assert "lacks the company name" in result["message"]
    assert "retake the partner survey" in result["message"]


def test_one_word_name_fails(claims):
    status, results = run(
        claims, customer={"status": "completed", "signature": "Susie, Contoso Ltd, CIO"}
    )
    assert status == Status.FAIL
    assert "'Susie' is not a first and last name" in results[0]["message"]


def test_completed_survey_without_signature_fails(claims):
    status, results = run(claims, customer={"status": "completed", "signature": None})
    assert status == Status.FAIL
    assert "e-signature (full name, company name, title) is empty" in results[0]["message"]


def test_company_written_differently_still_matches(claims):
    status, _ = run(
        claims,
        customer={"status": "completed", "signature": "Susie Jones, CONTOSO, Inc., CIO"},
        partner={"status": "completed", "signature": "Priya Kaur, Friday Inc, Delivery Lead"},
    )
    assert status == Status.PASS


@pytest.mark.parametrize(
    ("customer", "written"),
    [
        ("Lakewood Unified School District", "Lakewood USD"),
        ("City of Riverton – Department of Public Works", "Riverton DPW"),
        # Acronyms skip the small words: SBI, not SBOI.
        ("State Bank of India", "SBI"),
        ("Puerto Rico Department of Education", "PRDE"),
    ],
)
def test_company_abbreviated_as_people_do_still_matches(claims, customer, written):
    status, results = run(
        claims,
        customer={"status": "completed", "signature": f"Susie Jones, {written}, CIO"},
        customer_fields={"name": customer},
    )
    assert status == Status.PASS, results


def test_signature_for_another_company_warns(claims):
    status, results = run(
        claims, customer={"status": "completed", "signature": "Susie Jones, Fabrikam Inc, CIO"}
    )
    assert status == Status.WARN
    assert "but the claim's customer is Contoso Ltd" in results[0]["message"]


def test_customer_survey_signed_for_the_partner_warns(claims):
    status, results = run(
        claims, customer={"status": "completed", "signature": "Ann Lee, FridayINC, Consultant"}
    )
    assert status == Status.WARN
    assert "that is the partner, not the customer Contoso Ltd" in results[0]["message"]


@pytest.mark.parametrize(
    "signature",
    [
        "Susie Jones, Contoso Ltd (via FridayINC), CIO",
        "Susie Jones, FridayINC for Contoso Ltd, CIO",
        "Susie Jones, Contoso Ltd c/o FridayINC, CIO",
        "Jon Smith, Contoso Ltd, Consultant at FridayINC",
    ],
    ids=["via", "for", "care-of", "title-at-the-partner"],
)
def test_customer_signature_naming_the_partner_too_warns(claims, signature):
    status, results = run(claims, customer={"status": "completed", "signature": signature})
    assert status == Status.WARN
    assert "the signature names the partner too" in results[0]["message"]


def test_a_title_holding_the_partner_name_is_no_partner(claims):  # a guard: whole pieces only
    surveys = {
        "customer": {
            "status": "completed",
            "signature": "Susie Jones, Contoso Ltd, Cloud Architect",
        },
        "partner": {"status": "completed", "signature": "Priya Kaur, Cloud, Delivery Lead"},
    }
    claim = claims.view(surveys=surveys, partner={"name": "Cloud"})
    results = run_check_here(SurveySignature(), claim, claims.context())
    assert results[0]["status"] == "pass", results[0]["message"]


def test_same_person_signing_both_surveys_warns(claims):
    status, results = run(
        claims,
        customer={"status": "completed", "signature": "priya kaur, Contoso Ltd, Delivery Lead"},
    )
    assert status == Status.WARN
    result = by_message(results, "same person")
    assert result["status"] == "warn"
    assert [e["document"] for e in result["evidence"]] == ["customer survey", "partner survey"]


def test_partner_contact_signing_the_customer_survey_warns(claims):
    status, results = run(
        claims,
        customer={"status": "completed", "signature": "Priya Kaur, Contoso Ltd, Project Lead"},
        partner={"status": "completed", "signature": "Jordan Blake, FridayINC, Consultant"},
    )
    assert status == Status.WARN
    assert "the partner's contact" in by_message(results, "partner's contact")["message"]


def test_surveys_not_completed_are_left_to_completeness(claims):
    status, results = run(
        claims, customer={"status": "sent", "signature": None}, partner={"status": "not_initiated"}
    )
    assert status == Status.SKIP
    assert "customer survey is not completed (sent)" in results[0]["message"]
    assert "completeness" in results[0]["message"]


def test_customer_survey_not_completed_partner_checked(claims):
    status, results = run(claims, customer={"status": "not_initiated", "signature": None})
    assert status == Status.PASS
    assert [r["status"] for r in results] == ["skip", "pass"]


def test_company_in_another_script_is_left_to_the_reviewer(claims):
    status, results = run(
        claims,
        customer={
            "status": "completed",
            "signature": "小林 誠、北斗精機株式会社、情報システム部 部長",
        },
        customer_fields={"name": "Hokuto Seiki Co., Ltd."},
    )
    assert status == Status.PASS
    assert "different scripts: compare by eye" in results[0]["message"]


def test_same_person_tolerates_case_and_accents():
    assert same_person("Élodie Berthelot", "elodie berthelot")
    assert same_person("Kaur Priya", "Priya Kaur")
    assert not same_person("Priya Kaur", "Jordan Blake")


def test_same_person_ignores_courtesy_titles_initials_and_spacing():
    assert same_person("Dr. Omar Haddad", "Omar Haddad")
    assert same_person("Omar K. Haddad", "Omar Haddad")
    assert same_person("佐藤陽翔", "佐藤 陽翔")
    assert same_person("Mohammed Al Rashid", "Mohammed Al-Rashid")
    # One letter apart is another person, not a typo to forgive.
    assert not same_person("Maria Garcia", "Mario Garcia")
    assert not same_person("Omar Haddad", "Haddad")


def test_doctor_title_does_not_hide_the_same_person(claims):
    status, results = run(
        claims,
        customer={"status": "completed", "signature": "Omar Haddad, Contoso Ltd, IT Manager"},
        partner={"status": "completed", "signature": "Dr. Omar Haddad, FridayINC, Architect"},
    )
    assert status == Status.WARN
    assert by_message(results, "same person")["status"] == "warn"


def test_similar_names_of_two_people_are_not_the_same_person(claims):
    status, results = run(
        claims,
        customer={"status": "completed", "signature": "Maria Garcia, Contoso Ltd, IT Manager"},
        partner={"status": "completed", "signature": "Mario Garcia, FridayINC, Delivery Lead"},
    )
    assert status == Status.PASS
    assert not any("same person" in r["message"] for r in results)


def test_title_without_company_fails_rather_than_naming_a_department(claims):
    status, results = run(
        claims,
        customer={"status": "completed", "signature": "Susie Jones, Director, Cloud Services"},
    )
    assert status == Status.FAIL
    assert "lacks the company name" in results[0]["message"]


@pytest.mark.parametrize(
    ("signature", "reason"),
    [
        ("Susie Jones, Contoso Ltd, N/A", "'N/A' is not a job title"),
        ("Susie Jones, Contoso Ltd, none", "'none' is not a job title"),
        ("Susie Jones, Contoso Ltd, TBD", "'TBD' is not a job title"),
        ("Susie Jones, Contoso Ltd, Not applicable", "'Not applicable' is not a job title"),
        ("Susie Jones, Contoso Ltd, xxx", "'xxx' is not a job title"),
        ("Susie Jones, Contoso Ltd, I agree", "'I agree' is not a job title"),
        ("Susie Jones, Contoso Ltd, Contoso Ltd", "'Contoso Ltd' is a company, not a job title"),
        ("Susie Jones, Fabrikam Inc, Contoso Ltd", "'Fabrikam Inc' is a company, not a job title"),
        ("Susie Jones, Contoso Ltd, Susie Jones", "'Susie Jones' is the name again"),
    ],
    ids=["n/a", "none", "tbd", "not-applicable", "xxx", "consent", "company-again",
         "another-company", "name-again"],
)  # fmt: skip
def test_a_placeholder_or_repeat_in_the_title_place_is_no_title(claims, signature, reason):
    status, results = run(claims, customer={"status": "completed", "signature": signature})
    assert status == Status.FAIL
    message = by_message(results, "Customer survey")["message"]
    assert f"lacks a title ({reason}" in message
    assert "may get the claim rejected" in message


@pytest.mark.parametrize(
    ("signature", "department"),
    [
        ("Susie Jones, Contoso Ltd, IT", "IT"),
        ("Susie Jones, Contoso Ltd, Sales", "Sales"),
        ("山田太郎\u3000北斗精機株式会社\u3000情報システム部", "情報システム部"),
    ],
    ids=["it", "sales", "japanese"],
)
def test_a_department_alone_is_no_title(claims, signature, department):
    status, results = run(
        claims,
        customer={"status": "completed", "signature": signature},
        customer_fields={"name": HOKUTO if "北斗" in signature else "Contoso Ltd"},
    )
    assert status == Status.FAIL
    assert f"'{department}' is a department, not a job title" in results[0]["message"]


@pytest.mark.parametrize(
    ("signature", "partial"),
    [
        ("山田、北斗精機株式会社、部長", "山田"),
        ("太郎\u3000北斗精機株式会社\u3000部長", "太郎"),
        ("森田、北斗精機株式会社、部長", "森田"),
        ("林田、北斗精機株式会社、部長", "林田"),
    ],
    ids=["surname", "given-name", "morita", "hayashida"],
)
def test_a_japanese_surname_or_given_name_alone_is_no_full_name(claims, signature, partial):
    status, results = run(
        claims,
        customer={"status": "completed", "signature": signature},
        customer_fields={"name": HOKUTO},
    )
    assert status == Status.FAIL
    assert f"'{partial}' is not a first and last name" in results[0]["message"]


def test_a_short_japanese_full_name_with_its_space_and_a_chinese_name_pass():
    # Guards: one character each side of the space is a full name; Chinese names have two.
    assert missing_parts(parse_signature("林 誠、北斗精機株式会社、部長", HOKUTO)) == []
    # Without the space: a common one-character family name and given name.
    assert missing_parts(parse_signature("林誠、北斗精機株式会社、部長", HOKUTO)) == []
    assert missing_parts(parse_signature("森健、北斗精機株式会社、部長", HOKUTO)) == []
    assert missing_parts(parse_signature("王伟, 康托索有限公司, IT经理", "康托索有限公司")) == []


@pytest.mark.parametrize(
    ("signature", "customer", "name", "company", "title"),
    [
        ("Raj Patel, Patel Ltd, Director", "Patel Ltd", "Raj Patel", "Patel Ltd", "Director"),
        ("Mario Rossi, Rossi Srl, Owner", "Rossi Srl", "Mario Rossi", "Rossi Srl", "Owner"),
        ("Raj Patel Patel Ltd Director", "Patel Ltd", "Raj Patel", "Patel Ltd", "Director"),
    ],
    ids=["patel", "rossi", "spaces"],
)
def test_a_surname_that_is_the_family_firm_stays_in_the_name(
    claims, signature, customer, name, company, title
):
    status, results = run(
        claims,
        customer={"status": "completed", "signature": signature},
        customer_fields={"name": customer},
    )
    assert status == Status.PASS
    assert results[0]["message"] == f"Customer survey signed by {name} ({title}) for {company}."


def test_a_family_firm_signature_without_a_title_still_fails(claims):
    status, results = run(
        claims,
        customer={"status": "completed", "signature": "Raj Patel, Patel Ltd"},
        customer_fields={"name": "Patel Ltd"},
    )
    assert status == Status.FAIL
    assert "lacks the title" in results[0]["message"]


@pytest.mark.parametrize(
    ("signature", "customer", "name", "title"),
    [
        ("James Dean, Contoso Ltd, Buyer", "Contoso Ltd", "James Dean", "Buyer"),
        ("Paul Nurse, Contoso Ltd, Sysadmin", "Contoso Ltd", "Paul Nurse", "Sysadmin"),
        ("Murray Head, Contoso Ltd, Buyer", "Contoso Ltd", "Murray Head", "Buyer"),
        ("Bruno Le Maire, Contoso SA, Acheteur", "Contoso SA", "Bruno Le Maire", "Acheteur"),
    ],
    ids=["dean", "nurse", "head", "le-maire"],
)
def test_a_surname_that_is_a_title_word_stays_the_name(claims, signature, customer, name, title):
    status, results = run(
        claims,
        customer={"status": "completed", "signature": signature},
        customer_fields={"name": customer},
    )
    assert status == Status.PASS
    assert results[0]["message"] == f"Customer survey signed by {name} ({title}) for {customer}."


def test_a_title_word_surname_without_a_title_lacks_the_title():
    assert missing_parts(parse_signature("James Dean, Contoso Ltd", "Contoso Ltd")) == ["the title"]


@pytest.mark.parametrize("example", SurveySignature.examples, ids=lambda e: e.name)
def test_examples(claims, example):
    results = run_check_here(SurveySignature(), example.build(claims), claims.context())
    assert overall_status(r["status"] for r in results) == example.expected


@pytest.mark.parametrize("title", ["SA", "SE"])
def test_a_title_acronym_after_the_legal_form_is_the_title(title):
    # Solutions Architect, Sales Engineer: after "Ltd" a bare SA or SE is no second legal form.
    parsed = parse_signature(f"Jane Smith, Contoso Ltd, {title}", "Contoso Ltd")
    assert (parsed.name, parsed.company, parsed.title) == ("Jane Smith", "Contoso Ltd", title)
    assert missing_parts(parsed) == []


def test_a_spanish_legal_form_after_a_comma_stays_the_company():
    parsed = parse_signature("Juan Pérez, Telefónica, S.A., Director", "Telefónica SA")
    assert (parsed.company, parsed.title) == ("Telefónica, S.A.", "Director")


# A title typed next to the name, with no separator between them.
@pytest.mark.parametrize(
    ("signature", "name", "title"),
    [
        ("Susie Jones IT Manager Contoso Ltd", "Susie Jones", "IT Manager"),
        ("Susie Jones CIO, Contoso Ltd", "Susie Jones", "CIO"),
        ("Susie Jones CIO Contoso Ltd", "Susie Jones", "CIO"),
        ("IT Manager Susie Jones, Contoso Ltd", "Susie Jones", "IT Manager"),
        ("Director Susie Jones, Contoso Ltd", "Susie Jones", "Director"),
        ("Sales Director Mark Hunter, Contoso Ltd", "Mark Hunter", "Sales Director"),
    ],
)
def test_a_title_typed_next_to_the_name_is_the_title(claims, signature, name, title):
    status, results = run(claims, customer={"status": "completed", "signature": signature})
    assert status == Status.PASS, results[0]["message"]
    assert results[0]["message"] == f"Customer survey signed by {name} ({title}) for Contoso Ltd."


@pytest.mark.parametrize(
    ("signature", "missing"),
    [
        ("Senior Project Manager, Contoso Ltd", "lacks the full name"),
        ("James Dean, Contoso Ltd", "lacks the title"),
        ("Susie Jones Contoso Ltd", "lacks the title"),
    ],
)
def test_no_name_or_no_title_beside_the_other_still_fails(claims, signature, missing):
    status, results = run(claims, customer={"status": "completed", "signature": signature})
    assert status == Status.FAIL
    assert missing in results[0]["message"]


def test_the_vendor_is_no_title(claims):
    status, results = run(
        claims, customer={"status": "completed", "signature": "Susie Jones, Contoso Ltd, Microsoft"}
    )
    assert status == Status.FAIL
    assert "'Microsoft' is a company, not a job title" in results[0]["message"]


# What signing tools append is no title: the time and address it was signed from, a
# transaction or signature ID.
@pytest.mark.parametrize(
    "signature",
    [
        "Susie Jones, Contoso Ltd - signed 2026-10-19 09:14:02 UTC from 203.0.113.7",
        "Susie Jones, Contoso Ltd, Adobe Sign transaction ID: CBJCHBCAABAA2xK9PqR",
        "Susie Jones\nContoso Ltd\nSignature ID: 8D4E2A\nSigned: 10/19/2026 9:14:02 AM",
    ],
    ids=["signed-from", "transaction-id", "signature-id"],
)
def test_signing_metadata_is_no_title(claims, signature):
    status, results = run(claims, customer={"status": "completed", "signature": signature})
    assert status == Status.FAIL
    assert "lacks the title" in results[0]["message"]


def test_a_company_with_digits_in_its_name_is_not_metadata(claims):
    status, results = run(
        claims,
        customer={"status": "completed", "signature": "Susie Jones, Contoso365, IT Manager"},
        customer_fields={"name": "Contoso365"},
    )
    assert status == Status.PASS, results[0]["message"]


@pytest.mark.parametrize(
    "signature",
    [
        "Name: Susie Jones, Organization Name: Contoso Ltd, Title: CIO",
        "Name: Susie Jones | Business Name: Contoso Ltd | Role: Head of IT",
        "Name: Susie Jones, Company: Contoso Ltd, Designation: IT Manager",
    ],
    ids=["organization-name", "business-name", "designation"],
)
def test_labels_partners_forms_use(claims, signature):
    status, results = run(claims, customer={"status": "completed", "signature": signature})
    assert status == Status.PASS, results[0]["message"]


def test_a_title_for_a_company_other_than_the_partner_is_no_warning(claims):
    status, results = run(
        claims,
        customer={"status": "completed", "signature": "Jon Smith, Contoso Ltd, Director of IT"},
    )
    assert status == Status.PASS, results[0]["message"]


# Typed in capitals or in lower case, no capital tells the name from the title.
@pytest.mark.parametrize(
    ("signature", "name", "title", "company"),
    [("SUSIE JONES CIO, CONTOSO LTD", "SUSIE JONES", "CIO", "CONTOSO LTD"),
     ("susie jones cio, contoso ltd", "susie jones", "cio", "contoso ltd"),
     ("KEVIN DEAN, CONTOSO LTD, BUYER", "KEVIN DEAN", "BUYER", "CONTOSO LTD")],
)  # fmt: skip
def test_single_case_signatures_are_read_like_others(claims, signature, name, title, company):
    status, results = run(claims, customer={"status": "completed", "signature": signature})
    assert status == Status.PASS, results[0]["message"]
    assert results[0]["message"] == f"Customer survey signed by {name} ({title}) for {company}."


@pytest.mark.parametrize(
    ("signature", "missing"),
    [("SENIOR PROJECT MANAGER, CONTOSO LTD", "lacks the full name"),
     ("IT MANAGER CONTOSO LTD", "lacks the full name"),
     ("SUSIE JONES, CONTOSO LTD", "lacks the title")],
)  # fmt: skip
def test_single_case_signatures_missing_a_part_still_fail(claims, signature, missing):
    status, results = run(claims, customer={"status": "completed", "signature": signature})
    assert status == Status.FAIL
    assert missing in results[0]["message"]
