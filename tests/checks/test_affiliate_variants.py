"""affiliate: customers alike the partner in some way but not the partner."""

from __future__ import annotations

import pytest

from checks.affiliate import Affiliate
from workbench.engine.sandbox import run_check_here
from workbench.testing import ClaimBuilder


@pytest.fixture
def claims(tmp_path):
    return ClaimBuilder(tmp_path)


def run(claims, partner, customer):
    claim = claims.view(partner=partner, customer=customer)
    [result] = run_check_here(Affiliate(), claim, claims.context())
    return result


def customer_at(name, domain):
    return {"name": name, "id": domain, "contact_email": f"it@{domain}"}


@pytest.mark.parametrize(
    ("partner", "customer"),
    [
        (("HCL Ltd", "hcl.com"), ("Hamilton City Library", "hamiltonlibrary.org")),
        (("CGI Inc", "cgi.com"), ("Carolina Gaming Institute", "cgi-carolina.org")),
        (("Wide World Importers", "wideworldimporters.com"), ("WWI", "wwi-holding.com")),
    ],
    ids=["partner-acronym", "acronym-in-the-customers-domain", "customer-acronym"],
)
def test_names_alike_only_as_initials_warn(claims, partner, customer):
    # Three initials are shared by many names: a coincidence as often as the partner itself.
    result = run(
        claims,
        {"name": partner[0], "contact_email": f"a@{partner[1]}"},
        customer_at(*customer),
    )
    assert result["status"] == "warn", result["message"]
    assert "alike only as initials" in result["message"]


def test_initials_on_the_partners_own_domain_still_fail(claims):
    result = run(
        claims,
        {"name": "HCL Ltd", "contact_email": "a@hcl.com"},
        customer_at("Hamilton City Library", "hcl.com"),
    )
    assert result["status"] == "fail", result["message"]
