"""survey-signature: signatures as e-signature tools and people really write them."""

from __future__ import annotations

import pytest

from checks.survey_signature import SurveySignature, missing_parts, parse_signature
from workbench.engine.sandbox import run_check_here
from workbench.testing import ClaimBuilder


@pytest.mark.parametrize(
    "signature",
    [
        "DocuSigned by:\nSusie Jones\n4F3A2B1C9D8E4F7A...\nSigner Name: Susie Jones\n"
        "Title: Head of Digital\nCompany: Contoso Ltd\nUsing IP Address: 203.0.113.7",
        "DocuSigned by:\nSusie Jones\nB1E7A0C8D2F3449\nTitle: Head of Digital\nCompany: Contoso Ltd",
        "S. Jones\nName: Susie Jones\nTitle: Head of Digital\nCompany: Contoso Ltd",
    ],
    ids=["docusign-stamp-and-fields", "docusign-stamp-without-name-field", "name-field-wins"],
)
def test_a_docusign_stamp_before_labelled_fields_gives_the_name(signature):
    # The stamp's signer ID is no part of the name, and a labelled name beats the stamp's.
    parsed = parse_signature(signature, "Contoso Ltd")
    assert (parsed.name, parsed.company, parsed.title) == (
        "Susie Jones",
        "Contoso Ltd",
        "Head of Digital",
    )
    assert missing_parts(parsed) == []


@pytest.fixture
def claims(tmp_path):
    return ClaimBuilder(tmp_path)


def customer_result(claims, signature, customer_name):
    surveys = {
        "customer": {"status": "completed", "signature": signature},
        "partner": {"status": "completed", "signature": "Priya Kaur, FridayINC, Delivery Lead"},
    }
    claim = claims.view(surveys=surveys, customer={"name": customer_name})
    results = run_check_here(SurveySignature(), claim, claims.context())
    return next(r for r in results if r["message"].startswith("Customer survey"))


@pytest.mark.parametrize(
    ("company", "customer_name"),
    [
        ("Contoso Pharma", "Contoso Pharmaceuticals Ltd"),
        ("Contoso Pharma GmbH", "Contoso Pharmaceuticals Ltd"),
        ("Contoso Intl", "Contoso International Ltd"),
        ("Contoso Mfg", "Contoso Manufacturing Inc"),
        ("Contoso Tech", "Contoso Technologies Ltd"),
    ],
)
def test_a_company_signed_with_words_cut_short_is_the_customer(claims, company, customer_name):
    result = customer_result(claims, f"Susie Jones, {company}, CIO", customer_name)
    assert result["status"] == "pass", result["message"]


@pytest.mark.parametrize(
    ("company", "customer_name"),
    [
        ("Fabrikam Pharma", "Contoso Pharmaceuticals Ltd"),
        ("Contoso Logistics", "Contoso Pharmaceuticals Ltd"),
        ("Contoso Sys", "Contoso Solutions Ltd"),
    ],
)
def test_another_company_cut_short_still_warns(claims, company, customer_name):
    result = customer_result(claims, f"Susie Jones, {company}, CIO", customer_name)
    assert result["status"] == "warn", result["message"]
