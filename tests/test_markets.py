import pytest

from workbench.domain.countries import COUNTRY_NAMES
from workbench.domain.markets import MARKET_A, MARKET_B, Market, UnknownCountry, market_for_country

# DOMAIN.md's lists, by name, mapped to ISO codes here independently of the code under test.
MARKET_A_NAMES = {
    "Australia": "AU", "Austria": "AT", "Belgium": "BE", "Canada": "CA", "Denmark": "DK",
    "Finland": "FI", "France": "FR", "Germany": "DE", "Iceland": "IS", "Ireland": "IE",
    "Luxembourg": "LU", "Netherlands": "NL", "New Zealand": "NZ", "Norway": "NO",
    "Sweden": "SE", "Switzerland": "CH", "United Kingdom": "GB", "United States": "US",
    "Japan": "JP",
}  # fmt: skip
MARKET_B_NAMES = {
    "United Arab Emirates": "AE", "Bahamas": "BS", "Bahrain": "BH",
    "Bosnia and Herzegovina": "BA", "Brunei": "BN", "Cayman Islands": "KY",
    "Cote d'Ivoire": "CI", "Estonia": "EE", "Hong Kong SAR": "HK", "Italy": "IT",
    "Israel": "IL", "Jordan": "JO", "Jamaica": "JM", "Kuwait": "KW", "Lebanon": "LB",
    "Mauritius": "MU", "Oman": "OM", "Qatar": "QA", "Puerto Rico": "PR",
    "Saudi Arabia": "SA", "Senegal": "SN", "Singapore": "SG", "Spain": "ES", "Slovenia": "SI",
}  # fmt: skip


@pytest.mark.parametrize(("name", "code"), sorted(MARKET_A_NAMES.items()))
def test_market_a_countries(name, code):
    assert market_for_country(code) is Market.A


@pytest.mark.parametrize(("name", "code"), sorted(MARKET_B_NAMES.items()))
def test_market_b_countries(name, code):
    assert market_for_country(code) is Market.B


def test_the_lists_are_exactly_the_guides():
    assert set(MARKET_A_NAMES.values()) == MARKET_A
    assert set(MARKET_B_NAMES.values()) == MARKET_B


@pytest.mark.parametrize(
    "code", sorted(set(COUNTRY_NAMES) - set(MARKET_A_NAMES.values()) - set(MARKET_B_NAMES.values()))
)
def test_every_other_country_is_market_c(code):
    assert market_for_country(code) is Market.C


@pytest.mark.parametrize("code", ["IN", "BR", "MX", "CN", "PL", "ZA", "KR", "PT", "GR"])
def test_common_market_c_countries(code):
    assert market_for_country(code) is Market.C


def test_lower_case_is_accepted():
    assert market_for_country("jp") is Market.A


@pytest.mark.parametrize("code", ["USA", "UK", "", "XX", "Puerto Rico"])
def test_unknown_codes_are_refused(code):
    with pytest.raises(UnknownCountry, match="ISO 3166-1 alpha-2"):
        market_for_country(code)
