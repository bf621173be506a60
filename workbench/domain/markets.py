"""Markets A, B and C: a partner location's country decides its payout rate."""

from __future__ import annotations

from enum import StrEnum

from workbench.domain.countries import COUNTRY_NAMES


class Market(StrEnum):
    A = "A"
    B = "B"
    C = "C"


# As the claims guide lists them (DOMAIN.md, "Markets").
MARKET_A = frozenset(
    {
        "AU", "AT", "BE", "CA", "DK", "FI", "FR", "DE", "IS", "IE", "LU", "NL", "NZ", "NO",
        "SE", "CH", "GB", "US", "JP",
    }
)  # fmt: skip
MARKET_B = frozenset(
    {
        "AE", "BS", "BH", "BA", "BN", "KY", "CI", "EE", "HK", "IT", "IL", "JO", "JM", "KW",
        "LB", "MU", "OM", "QA", "PR", "SA", "SN", "SG", "ES", "SI",
    }
)  # fmt: skip


class UnknownCountry(ValueError):
    """A country code that is not ISO 3166-1 alpha-2."""


def market_for_country(code: str) -> Market:
    """Return the market of a partner location in country ``code`` (ISO alpha-2).

    Market C is every other eligible country; eligibility itself is decided
    upstream, in Partner Center, before a claim can exist.
    """
    normalised = code.strip().upper()
    if normalised not in COUNTRY_NAMES:
        raise UnknownCountry(f"{code!r} is not an ISO 3166-1 alpha-2 country code")
    if normalised in MARKET_A:
        return Market.A
    if normalised in MARKET_B:
        return Market.B
    return Market.C
