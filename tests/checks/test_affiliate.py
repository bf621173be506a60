"""affiliate: the customer is not the partner itself, an affiliate, or Microsoft."""

from __future__ import annotations

import pytest

from checks._parties import (
    clean_domain,
    company_similarity,
    contains_company,
    normalise_company,
    organisation_domain,
    same_organisation_domain,
)
from checks.affiliate import RULE, Affiliate
from workbench.check_api import Status
from workbench.engine.sandbox import run_check_here
from workbench.testing import ClaimBuilder


@pytest.fixture
def claims(tmp_path):
    return ClaimBuilder(tmp_path)


def run(claims, **fields):
    results = run_check_here(Affiliate(), claims.view(**fields), claims.context())
    assert len(results) == 1
    return Status(results[0]["status"]), results[0]


def test_unrelated_customer_passes(claims):
    status, result = run(claims)
    assert status == Status.PASS
    assert result["message"] == (
        "The customer Contoso Ltd, at contoso.com, is neither the partner FridayINC, at "
        "fridayinc.com, nor an affiliate of it, nor Microsoft."
    )


@pytest.mark.parametrize(
    "name", ["FridayINC Inc.", "fridayinc, inc", "Friday Inc", "FRIDAYINC LLC"]
)
def test_customer_is_the_partner_itself(claims, name):
    status, result = run(claims, customer={"name": name})
    assert status == Status.FAIL
    assert "is the partner FridayINC itself" in result["message"]
    assert result["message"].endswith(RULE)
    assert (
        "Partners are not eligible for incentives for activity connected to a customer that is a partner affiliate"
        in RULE
    )


@pytest.mark.parametrize(
    "domain", ["fridayinc.com", "labs.fridayinc.com", "https://www.FridayINC.com/"]
)
def test_customer_domain_is_the_partners(claims, domain):
    status, result = run(
        claims, customer={"name": "Friday Labs", "id": domain, "contact_email": "susie@contoso.com"}
    )
    assert status == Status.FAIL
    assert "is the partner's own" in result["message"]
    locations = {e["location"]: e["excerpt"] for e in result["evidence"]}
    assert locations["partner contact domain"] == "fridayinc.com"


def test_customer_contact_at_the_partners_domain_fails(claims):
    status, result = run(claims, customer={"contact_email": "susie@fridayinc.com"})
    assert status == Status.FAIL
    assert (
        "The customer contact's e-mail is at fridayinc.com, the partner's own domain"
        in result["message"]
    )


def test_contact_at_the_partners_domain_with_a_reason_warns(claims):
    status, result = run(
        claims,
        customer={
            "contact_email": "susie@fridayinc.com",
            "domain_mismatch_reason": "Contoso's IT is run by FridayINC staff on site",
        },
    )
    assert status == Status.WARN
    assert "Contoso's IT is run by FridayINC staff on site" in result["message"]


def test_domain_carrying_the_partners_name_fails(claims):
    status, result = run(
        claims,
        partner={"contact_email": "priya.kaur@gmail.com"},
        customer={
            "name": "Friday Ventures",
            "id": "fridayinc.net",
            "contact_email": "a@fridayinc.net",
        },
    )
    assert status == Status.FAIL
    assert "carries the partner's name" in result["message"]


@pytest.mark.parametrize(
    "customer",
    [
        {"name": "Microsoft Corporation"},
        {"name": "Microsoft Japan Co., Ltd."},
        {"name": "Redmond Campus Services", "id": "microsoft.com"},
        {
            "name": "Campus Services",
            "id_type": "tpid",
            "id": "123",
            "contact_email": "x@microsoft.com",
        },
    ],
)
def test_vendor_as_the_customer_fails(claims, customer):
    status, result = run(claims, customer=customer)
    assert status == Status.FAIL
    assert "Microsoft" in result["message"]
    assert result["message"].endswith(RULE)


def test_tenant_domain_is_not_microsoft(claims):
    status, _ = run(claims, customer={"id_type": "domain", "id": "contoso.onmicrosoft.com"})
    assert status == Status.PASS


def test_shared_free_mailbox_is_not_an_affiliation(claims):
    status, _ = run(
        claims,
        partner={"contact_email": "fridayinc.sales@gmail.com"},
        customer={"id_type": "tpid", "id": "998877", "contact_email": "contoso.it@gmail.com"},
    )
    assert status == Status.PASS


@pytest.mark.parametrize(
    "address",
    ["fridayinc.sales@gmail.com", " FridayINC.Sales@Gmail.com ", "fridayinc.sales@web.de"],
)
def test_customer_contact_on_the_partner_contacts_own_free_mailbox_fails(claims, address):
    status, result = run(
        claims,
        partner={"contact_email": address.strip().lower()},
        customer={"id_type": "tpid", "id": "998877", "contact_email": address},
    )
    assert status == Status.FAIL
    domain = address.strip().split("@")[1]
    assert result["message"] == (
        "The customer contact's e-mail is the partner contact's own mailbox "
        f"(FridayINC, at {domain.lower()}). {RULE}"
    )


def test_same_name_at_another_free_provider_is_not_the_same_mailbox(claims):
    status, _ = run(
        claims,
        partner={"contact_email": "fridayinc.sales@gmail.com"},
        customer={
            "id_type": "tpid",
            "id": "998877",
            "contact_email": "fridayinc.sales@outlook.com",
        },
    )
    assert status == Status.PASS


def test_partner_contacts_own_mailbox_with_a_reason_warns(claims):
    status, result = run(
        claims,
        partner={"contact_email": "fridayinc.sales@gmail.com"},
        customer={
            "contact_email": "fridayinc.sales@gmail.com",
            "domain_mismatch_reason": "The customer's IT manager has no company mailbox yet",
        },
    )
    assert status == Status.WARN
    assert result["message"].startswith(
        "The customer contact's e-mail is the partner contact's own mailbox (FridayINC, at "
        "gmail.com); the partner explained:"
    )


@pytest.mark.parametrize(
    "domain", ["hotmail.co.uk", "yahoo.co.uk", "wanadoo.fr", "uol.com.br", "outlook.jp", "web.de"]
)
def test_free_mail_in_any_country_is_not_an_affiliation(claims, domain):
    status, _ = run(
        claims,
        partner={"contact_email": f"fridayinc.sales@{domain}"},
        customer={"id_type": "tpid", "id": "998877", "contact_email": f"sunrise@{domain}"},
    )
    assert status == Status.PASS


def test_microsoft_written_in_japanese_is_the_vendor(claims):
    status, result = run(
        claims,
        customer={
            "name": "日本マイクロソフト株式会社",
            "id_type": "tpid",
            "id": "7654321",
            "contact_email": "taro.yamada@outlook.jp",
        },
    )
    assert status == Status.FAIL
    assert "is Microsoft" in result["message"]


def test_domain_sharing_only_a_word_with_a_glued_partner_name_passes(claims):
    # "FridayINC" is not "Friday": cutting the glued "inc" must not claim friday.co.uk.
    status, _ = run(
        claims,
        customer={
            "name": "Friday Media Ltd",
            "id": "friday.co.uk",
            "contact_email": "it@friday.co.uk",
        },
    )
    assert status == Status.PASS


def test_one_name_inside_the_other_warns(claims):
    status, result = run(
        claims, customer={"name": "FridayINC Consulting Services", "id": "fridaycs.com"}
    )
    assert status == Status.WARN
    assert "is the customer a partner affiliate?" in result["message"]


def test_names_are_normalised():
    assert normalise_company("Lucerna Arredamenti S.p.A.") == "lucerna arredamenti"
    assert normalise_company("北斗精機株式会社") == "北斗精機"
    # ㈲ (a yugen kaisha) reads "(有)" once NFKC has unfolded it, as (株) does for ㈱.
    for written in ("㈲山田商店", "(有)山田商店", "山田商店（有）", "有限会社山田商店"):
        assert normalise_company(written) == "山田商店", written
    assert normalise_company("Smith & Sons GmbH") == "smith sons"
    assert company_similarity("Wide World Importers LLC", "WWI") >= 90
    assert company_similarity("Contoso Ltd", "Fabrikam Inc") < 50
    assert contains_company("City of Riverton – Department of Public Works", "City of Riverton")
    assert not contains_company("Contoso", "Fabrikam")


def test_domains_are_compared_by_organisation():
    assert organisation_domain("mail.contoso.co.uk") == "contoso.co.uk"
    assert organisation_domain("eu.mail.contoso.com") == "contoso.com"
    assert organisation_domain("contoso.onmicrosoft.com") == "contoso.onmicrosoft.com"
    # Provinces and states are suffixes too: the owner is the label before them.
    assert organisation_domain("mail.ville.qc.ca") == "ville.qc.ca"
    assert organisation_domain("tbs-sct.gc.ca") == "tbs-sct.gc.ca"
    assert organisation_domain("ci.austin.tx.us") == "austin.tx.us"
    assert organisation_domain("www.lakewood.k12.co.us") == "lakewood.k12.co.us"
    assert not same_organisation_domain("ville.qc.ca", "fridayinc.qc.ca")
    assert same_organisation_domain("it.contoso.com", "contoso.com")
    assert not same_organisation_domain("gmail.com", "gmail.com")
    assert not same_organisation_domain("contoso.onmicrosoft.com", "fabrikam.onmicrosoft.com")
    assert clean_domain("https://www.Contoso.com/about") == "contoso.com"
    assert clean_domain("not a domain") is None


def test_customer_under_the_partners_provincial_suffix_is_not_the_partner(claims):
    # ville.qc.ca and fridayinc.qc.ca share Quebec's suffix, not an owner.
    status, result = run(
        claims,
        partner={"contact_email": "pkaur@fridayinc.qc.ca"},
        customer={"id": "ville.qc.ca", "contact_email": "susie@ville.qc.ca"},
    )
    assert status == Status.PASS, result["message"]


@pytest.mark.parametrize("example", Affiliate.examples, ids=lambda e: e.name)
def test_examples(claims, example):
    results = run_check_here(Affiliate(), example.build(claims), claims.context())
    assert Status(results[0]["status"]) == example.expected


@pytest.mark.parametrize(
    ("customer", "named"),
    [
        ({"name": "GitHub, Inc.", "id": "github.com", "contact_email": "a@github.com"}, "GitHub, Inc."),
        ({"name": "Contoso Ltd", "id": "linkedin.com", "contact_email": "a@contoso.com"}, "linkedin.com"),
        ({"name": "Nuance Communications", "id": "nuance-health.org", "contact_email": "a@nuance-health.org"}, "Nuance Communications"),
    ],
    ids=["github-by-name", "linkedin-by-domain", "nuance-communications"],
)  # fmt: skip
def test_company_microsoft_owns_warns(claims, customer, named):
    status, result = run(claims, customer=customer)
    assert status == Status.WARN
    assert f"The customer ({named}) is a company Microsoft owns" in result["message"]


def test_a_common_word_of_a_subsidiarys_name_alone_passes(claims):
    customer = {"name": "Nuance Design Studio", "id": "nuancedesign.fr", "contact_email": "a@nuancedesign.fr"}  # fmt: skip
    status, _ = run(claims, customer=customer)
    assert status == Status.PASS


@pytest.mark.parametrize(
    ("partner", "customer"),
    [
        ({"name": "FridayINC UK Ltd", "contact_email": "ann@fridayinc.co.uk"},
         {"name": "Friday Group Services", "id": "fridayinc.com", "contact_email": "ops@fridayinc.com"}),
        ({"name": "FridayINC Deutschland GmbH", "contact_email": "ann@fridayinc.de"},
         {"name": "Contoso Ltd", "id": "contoso.com", "contact_email": "ops@fridayinc.com"}),
    ],
    ids=["customer-id", "customer-contact"],
)  # fmt: skip
def test_the_partner_groups_domain_in_another_country_is_an_affiliate(claims, partner, customer):
    status, result = run(claims, partner=partner, customer=customer)
    assert status == Status.FAIL
    assert "is the partner's own name under another ending" in result["message"]


def test_a_company_named_like_a_mail_provider_on_its_own_domain_is_the_partner(claims):
    status, result = run(
        claims,
        partner={"name": "Orange Business", "contact_email": "ann@orange.com"},
        customer={"name": "Orange Bank", "id": "orange.com", "contact_email": "ops@orange.com"},
    )
    assert status == Status.FAIL
    assert "The customer's domain orange.com is the partner's own" in result["message"]


def test_two_mailboxes_at_one_free_mail_provider_are_no_affiliation(claims):
    status, result = run(
        claims,
        partner={"name": "FridayINC", "contact_email": "fridayinc@hotmail.co.uk"},
        customer={"name": "Contoso Ltd", "id": "contoso.com", "contact_email": "contoso.it@hotmail.com"},
    )  # fmt: skip
    assert status == Status.PASS, result["message"]
