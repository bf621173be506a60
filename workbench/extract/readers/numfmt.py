"""Render numbers as Excel shows them under a currency or percentage number format.

A spreadsheet invoice often holds a bare 15000 in the total's cell and shows
"$15,000.00" only through the cell's number format; read without the format,
the invoice names no currency at all. So cells whose format shows a currency
are read as displayed, and so are percentages (a tax rate of 8.25% is stored
as 0.0825, which an invoice reader would take for money). Other formats (dates
aside, which the readers already turn into dates) are left alone: their
display adds nothing a check needs, and rendering every cell would cost the
large workbooks dearly.

Only what decides the text is rendered: the section for the value's sign,
literal text, currency tags, decimals, thousands separators and scaling.
Padding (``_x``), fill (``*x``), colours and conditions take no characters.
Separators are written the en-US way whatever the writer's locale, as the
file stores them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

Renderer = Callable[[float], str]

# Excel's built-in formats are stored by id alone. In en-US these show "$";
# other locales write their own code for these ids into the file.
BUILTIN_FORMATS = {
    9: "0%",
    10: "0.00%",
    5: '"$"#,##0_);\\("$"#,##0\\)',
    6: '"$"#,##0_);[Red]\\("$"#,##0\\)',
    7: '"$"#,##0.00_);\\("$"#,##0.00\\)',
    8: '"$"#,##0.00_);[Red]\\("$"#,##0.00\\)',
    42: '_("$"* #,##0_);_("$"* \\(#,##0\\);_("$"* "-"_);_(@_)',
    44: '_("$"* #,##0.00_);_("$"* \\(#,##0.00\\);_("$"* "-"??_);_(@_)',
}

# Codes written as text in formats: "USD "#,##0.00, [$EUR] #,##0. A closed list,
# so that units such as "HRS" or "PCS" are not taken for currencies.
CURRENCY_CODES = frozenset(
    [
        "USD",
        "EUR",
        "GBP",
        "JPY",
        "CNY",
        "RMB",
        "CAD",
        "AUD",
        "NZD",
        "CHF",
        "SEK",
        "NOK",
        "DKK",
        "PLN",
        "CZK",
        "HUF",
        "RON",
        "BGN",
        "TRY",
        "RUB",
        "UAH",
        "INR",
        "IDR",
        "MYR",
        "SGD",
        "HKD",
        "TWD",
        "KRW",
        "THB",
        "PHP",
        "VND",
        "BRL",
        "MXN",
        "ARS",
        "CLP",
        "COP",
        "PEN",
        "ZAR",
        "AED",
        "SAR",
        "QAR",
        "KWD",
        "ILS",
        "EGP",
        "NGN",
        "KES",
    ]
)
_CODE = re.compile(r"(?<![A-Za-z])[A-Z]{3}(?![A-Za-z])")

_TOKEN = re.compile(
    r'"(?P<quoted>[^"]*)"?'  # literal text in quotes (an unclosed quote runs to the end)
    r"|\\(?P<escaped>.)"  # one literal character
    r"|[_*].?"  # padding to a character's width, or fill: no text
    r"|\[(?P<bracket>[^\]]*)\]?"  # [$€-407] currency, [Red] colour, [>=100] condition
    r"|(?P<digits>[0#?][0#?,.]*|\.[0#?][0#?,]*)"  # the number's placeholders
    r"|(?P<other>.)",
    re.DOTALL,
)
# Letters that make a section a date, time or scientific format, not a money one.
_NOT_MONEY = frozenset("dDmMyYhHsSeEbBgG/@")


def shown_renderer(code: str | None) -> Renderer | None:
    """A function giving a number's text under format ``code`` if that shows a currency or a %."""
    return _renderer(code) if code else None


@lru_cache(maxsize=256)
def _renderer(code: str) -> Renderer | None:
    # A fourth section formats text; numbers never use it.
    sections = [_Section.parse(text) for text in _split_sections(code)[:3]]
    first = sections[0]
    # A percentage is rendered too: a tax rate stored as 0.0825 is no amount of 0.08.
    if first is None or not (first.currency or first.percent) or not first.has_digits:
        return None
    return _Format(first, *sections[1:]).render


def _split_sections(code: str) -> list[str]:
    """The format's ';'-separated sections, ignoring ';' inside quotes, escapes or brackets."""
    sections, start = [], 0
    for match in _TOKEN.finditer(code):
        if match.group("other") == ";":
            sections.append(code[start : match.start()])
            start = match.end()
    sections.append(code[start:])
    return sections


def _shows_currency(literal: str) -> bool:
    return any(unicodedata.category(c) == "Sc" for c in literal) or any(
        code in CURRENCY_CODES for code in _CODE.findall(literal)
    )


class _Section:
    __slots__ = (
        "after",
        "before",
        "currency",
        "decimals",
        "grouped",
        "has_digits",
        "percent",
        "scale",
        "zero_blank",
    )

    def __init__(self) -> None:
        self.before = ""
        self.after = ""
        self.decimals = 0
        self.grouped = False
        self.scale = 1.0
        self.currency = False
        self.has_digits = False
        self.percent = False
        self.zero_blank = False  # only optional digits (# or ?): zero shows no digits

    @classmethod
    def parse(cls, text: str) -> _Section | None:
        """The section's parts; None for a section this module does not render."""
        section = cls()
        for match in _TOKEN.finditer(text):
            literal = None
            if (quoted := match.group("quoted")) is not None:
                literal = quoted
            elif (escaped := match.group("escaped")) is not None:
                literal = escaped
            elif (bracket := match.group("bracket")) is not None:
                if bracket.startswith("$"):  # [$-409] is a locale alone, [$€-407] a currency
                    literal = bracket[1:].partition("-")[0]
                    section.currency |= bool(literal)
            elif (digits := match.group("digits")) is not None:
                if section.has_digits:
                    return None  # digits split by text: not a money format
                section._number(digits)
            elif (other := match.group("other")) is not None:
                if other in _NOT_MONEY:
                    return None
                if other == "%":
                    section.scale *= 100
                    section.percent = True
                literal = other
            if literal:
                section.currency |= _shows_currency(literal)
                if section.has_digits:
                    section.after += literal
                else:
                    section.before += literal
        return section

    def _number(self, digits: str) -> None:
        self.has_digits = True
        whole, _, fraction = digits.partition(".")
        # Commas after the last digit placeholder divide by a thousand each.
        trailing = (
            len(fraction) - len(fraction.rstrip(","))
            if fraction
            else len(whole) - len(whole.rstrip(","))
        )
        self.scale /= 1000**trailing
        self.grouped = "," in whole.rstrip(",")
        self.decimals = sum(map(fraction.count, "0#?"))
        self.zero_blank = "0" not in digits

    def render(self, value: float) -> str:
        if not self.has_digits:
            return self.before
        value *= self.scale
        if self.zero_blank and round(value, self.decimals) == 0:
            number = ""
        elif self.grouped:
            number = f"{value:,.{self.decimals}f}"
        else:
            number = f"{value:.{self.decimals}f}"
        return self.before + number + self.after


class _Format:
    def __init__(
        self, positive: _Section, negative: _Section | None = None, zero: _Section | None = None
    ):
        self.positive, self.negative, self.zero = positive, negative, zero

    def render(self, value: float) -> str:
        if value < 0:
            if self.negative is not None:
                return self.negative.render(-value)  # the negative section shows its own sign
            return "-" + self.positive.render(-value)
        if value == 0 and self.zero is not None:
            return self.zero.render(0.0)
        return self.positive.render(value)
