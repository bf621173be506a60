"""survey-signature: signatures as e-signature tools and partners' customers abroad write them.

What the tools add (a "DocuSigned by:" mark, the signer's address, the time and IP of signing,
labelled fields) is none of the three parts; names, titles and companies in other languages
and of subsidiaries are read as what they are.
"""

from __future__ import annotations

import pytest

from checks.survey_signature import SurveySignature, missing_parts, parse_signature, same_person
from workbench.check_api import Status, overall_status
from workbench.engine.sandbox import run_check_here
from workbench.testing import ClaimBuilder

# (signature, the expected company, name, company, title); None: that part is missing.
CASES = {
    "docusign-mark": ("DocuSigned by: Susie Jones, Contoso Ltd, IT Director", "Contoso Ltd",
                      "Susie Jones", "Contoso Ltd", "IT Director"),
    "signed-by": ("Electronically signed by Susie Jones, Contoso Ltd, CIO", "Contoso Ltd",
                  "Susie Jones", "Contoso Ltd", "CIO"),
    "address-and-time": ("Susie Jones, Contoso Ltd, IT Director, susie@contoso.com, "
                         "2026-10-19 09:14:02 UTC", "Contoso Ltd",
                         "Susie Jones", "Contoso Ltd", "IT Director"),
    "ip-address": ("Susie Jones, Contoso Ltd, IT Director (IP 203.0.113.7)", "Contoso Ltd",
                   "Susie Jones", "Contoso Ltd", "IT Director"),
    "date-is-no-title": ("Susie Jones, Contoso Ltd, 19/10/2026", "Contoso Ltd",
                         "Susie Jones", "Contoso Ltd", None),
    "zone-is-no-title": ("Susie Jones, Contoso Ltd, CIO, 19 Oct 2026 09:14 CEST", "Contoso Ltd",
                         "Susie Jones", "Contoso Ltd", "CIO"),
    "signer-label": ("Signer name: Susie Jones, Company: Contoso Ltd, Title: CIO", "Contoso Ltd",
                     "Susie Jones", "Contoso Ltd", "CIO"),
    "two-letter-surname": ("Wei Li, Contoso Ltd, IT Manager", "Contoso Ltd",
                           "Wei Li", "Contoso Ltd", "IT Manager"),
    "surname-with-particles-first": ("van der Berg, Pieter, Contoso BV, IT Manager", "Contoso BV",
                                     "van der Berg, Pieter", "Contoso BV", "IT Manager"),
    "korean": ("김민준, 주식회사 콘토소, 팀장", "주식회사 콘토소", "김민준", "주식회사 콘토소", "팀장"),
    "subsidiary": ("Susie Jones, Contoso Pharma GmbH, IT Director", "Contoso",
                   "Susie Jones", "Contoso Pharma GmbH", "IT Director"),
    "branch": ("Susie Jones, Fabrikam Singapore Pte Ltd, CIO", "Fabrikam",
               "Susie Jones", "Fabrikam Singapore Pte Ltd", "CIO"),
    "branch-is-no-title": ("Susie Jones, Contoso Japan KK", "Contoso",
                           "Susie Jones", "Contoso Japan KK", None),
    # Guards: what the stripping and the longer company must leave alone.
    "month-names": ("May Chen, Contoso Ltd, IT Director", "Contoso Ltd",
                    "May Chen", "Contoso Ltd", "IT Director"),
    "title-after-a-time": ("Susie Jones, Contoso Ltd, 10:30 CIO", "Contoso Ltd",
                           "Susie Jones", "Contoso Ltd", "CIO"),
    "title-after-company": ("Susie Jones, Contoso Head of IT", "Contoso",
                            "Susie Jones", "Contoso", "Head of IT"),
    "title-at-company": ("Susie Jones, Head of IT at Contoso Ltd", "Contoso Ltd",
                         "Susie Jones", "Contoso Ltd", "Head of IT"),
}  # fmt: skip


@pytest.mark.parametrize(("text", "company", "name", "found", "title"), CASES.values(), ids=CASES)
def test_signature_parts(text, company, name, found, title):
    parsed = parse_signature(text, company)
    assert (parsed.name, parsed.company, parsed.title) == (name, found, title)
    assert missing_parts(parsed) == ([] if title else ["the title"])


# Written first, a title is placed by its words: in the usual order any third part would do.
@pytest.mark.parametrize(
    ("text", "company", "title"),
    [("IT-Leiter, Hans Müller, Contoso GmbH", "Contoso GmbH", "IT-Leiter"),
     ("Gerente de TI, María García, Contoso SA", "Contoso SA", "Gerente de TI"),
     ("Kierownik IT, Jan Kowalski, Contoso sp. z o.o.", "Contoso sp. z o.o.", "Kierownik IT"),
     ("IT经理, 王伟, 康托索有限公司", "康托索有限公司", "IT经理")],
    ids=["de", "es", "pl", "zh"],
)  # fmt: skip
def test_titles_in_the_languages_customers_sign_in(text, company, title):
    parsed = parse_signature(text, company)
    assert parsed.title == title
    assert missing_parts(parsed) == []


def test_a_courtesy_title_and_a_surname_with_particles_is_no_full_name():
    parsed = parse_signature("Mr. van der Berg, Contoso BV, IT Manager", "Contoso BV")
    assert missing_parts(parsed) == [
        "a full name ('Mr. van der Berg' is not a first and last name)"
    ]


def test_a_korean_name_is_one_person_with_or_without_the_space():
    assert same_person("김민준", "김 민준")
    assert not same_person("김민준", "김서연")


@pytest.fixture
def claims(tmp_path):
    return ClaimBuilder(tmp_path)


def run(claims, customer_signature):
    surveys = {
        "customer": {"status": "completed", "signature": customer_signature},
        "partner": {"status": "completed", "signature": "Priya Kaur, FridayINC, Delivery Lead"},
    }
    claim = claims.view(surveys=surveys)
    results = run_check_here(SurveySignature(), claim, claims.context())
    return overall_status(r["status"] for r in results), results


def test_an_e_signature_record_passes(claims):  # a guard: the record's extras are harmless
    status, results = run(
        claims,
        "DocuSigned by: Susie Jones, Contoso Ltd, IT Systems Administrator, susie@contoso.com, "
        "19 Oct 2026 09:14 CEST",
    )
    assert status == Status.PASS, [r["message"] for r in results]


def test_a_signing_date_in_place_of_the_title_fails_naming_the_title(claims):
    status, results = run(claims, "Susie Jones, Contoso Ltd, 19/10/2026")
    assert status == Status.FAIL
    assert any("the title" in r["message"] for r in results)


@pytest.mark.parametrize(
    ("signature", "name"),
    [
        ("First name: Susie\nLast name: Jones\nCompany: Contoso Ltd\nTitle: CIO", "Susie Jones"),
        ("Surname: Jones, Given name: Susie, Company: Contoso Ltd, Title: CIO", "Jones Susie"),
    ],
    ids=["first-last", "surname-given"],
)
def test_a_name_typed_in_two_labelled_fields_is_one_full_name(claims, signature, name):
    status, results = run(claims, signature)
    assert status == Status.PASS, [r["message"] for r in results]
    assert results[0]["message"] == f"Customer survey signed by {name} (CIO) for Contoso Ltd."


def test_a_given_name_alone_under_a_full_name_label_fails(claims):
    status, results = run(
        claims, "Prénom et nom : Jeanne, Entreprise : Contoso Ltd, Fonction : DSI"
    )
    assert status == Status.FAIL
    assert "'Jeanne' is not a first and last name" in results[0]["message"]
