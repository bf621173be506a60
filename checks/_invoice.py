"""Read an invoice as the invoice checks need it: money amounts, their currency and their labels.

Partners write amounts in many ways: "$15,000.00 USD", "USD 15,000", "US$ 7,500.00",
"15 000,00 USD", "12.000,00 USD", "15'000.00 CHF", "USD15000.00", "€ 717,97", "Rs 1939",
"¥1,650,000". This module finds them in a document's text segments (PDF pages, DOCX
paragraphs and table rows, PPTX slides, XLSX cells), decides which separator is the decimal
one, binds each amount to the currency written next to it (or, failing that, to the currency
its label or the document declares), and labels it with what it is:

- ``pretax``: "Subtotal", "Net amount", "Amount excl. VAT", "Total HT", "小計", "Nettobetrag" ...
- ``tax``: "VAT 20 %", "TVA", "GST", "Sales tax", "消費税", "USt." ...
- ``total``: "Total", "Grand total", "Total TTC", "Bruttosumme", "合計" ...
- ``due``: "Amount due", "Balance due", "Net à payer", "Zahlbetrag" ...
- ``discount``: "Discount", "Remise", "Rabatt", "Descuento", "値引き" ...
- ``withholding``: tax the payer withholds: "Withholding tax", "TDS", "Retención IRPF", "源泉徴収税" ...

A label is the text before the amount on the same line, the cell to its left in a table row
or a sheet row ("Sheet1!A5" / "Sheet1!B5"), or a line of its own just above the amount
("TOTAL TTC" then "104,90"). Nothing here assumes that a total equals subtotal plus tax.

Only the standard library: the checks import this module in their worker process.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from itertools import pairwise
from typing import Generic, TypeVar

__all__ = [
    "Amount",
    "InvoiceReading",
    "Line",
    "find_amounts",
    "format_money",
    "includes_tax",
    "invoice_number",
    "lines_of",
    "normalise",
    "parse_amount",
    "read_invoice",
]

# Read no more than this much text of one invoice (an invoice is a page or two).
MAX_CHARS = 400_000
# Longer lines are cut (a PDF page without line breaks); longer sheet rows are truncated.
MAX_LINE = 1_000
MAX_CELLS_PER_ROW = 64
CENT = Decimal("0.01")

# ---------------------------------------------------------------------------------------
# Currencies
# ---------------------------------------------------------------------------------------

# ISO 4217 codes recognised when written in capitals next to an amount or declared.
ISO_CODES = frozenset((
    "USD", "EUR", "GBP", "INR", "JPY", "CHF", "CAD", "AUD", "NZD", "SGD", "HKD", "CNY", "SEK", "NOK", "DKK",
    "ISK", "PLN", "CZK", "HUF", "RON", "BGN", "BRL", "MXN", "ARS", "CLP", "COP", "PEN", "ZAR", "AED", "SAR",
    "QAR", "KWD", "BHD", "OMR", "JOD", "ILS", "TRY", "KRW", "TWD", "THB", "MYR", "IDR", "PHP", "VND", "RUB",
    "UAH", "EGP", "NGN", "KES", "MAD", "XOF", "BAM", "JMD", "BSD", "KYD", "MUR", "LBP", "BND",
))  # fmt: skip
_DOLLAR_CODES = frozenset(
    {"USD", "CAD", "AUD", "NZD", "SGD", "HKD", "MXN", "TWD", "JMD", "BSD", "KYD", "BND"}
)
_KRONA_CODES = ("SEK", "NOK", "DKK", "ISK")
# Placeholders for symbols that several currencies share; the document resolves them.
DOLLAR, YEN, KRONA = "$", "¥", "kr"

_SYMBOLS = {
    "US$": "USD", "U.S.$": "USD", "USD$": "USD", "CA$": "CAD", "CAD$": "CAD", "C$": "CAD",
    "AU$": "AUD", "AUD$": "AUD", "A$": "AUD", "NZ$": "NZD", "S$": "SGD", "SG$": "SGD",
    "HK$": "HKD", "R$": "BRL", "MX$": "MXN", "NT$": "TWD", "$": DOLLAR,
    "€": "EUR", "£": "GBP", "₹": "INR", "₨": "INR", "¥": YEN, "円": "JPY", "元": "CNY",
    "₩": "KRW", "₺": "TRY", "₽": "RUB", "₪": "ILS", "฿": "THB", "₱": "PHP", "₫": "VND",
}  # fmt: skip
_WORDS = [
    (r"us[ -]?dollars?|u\.s\.\s?dollars?|dollars?\s+am[ée]ricains?|dollars?\s+des\s+[ée]tats[- ]unis"
     r"|us-dollar|米ドル|米国ドル", "USD"),
    (r"euros?", "EUR"),
    (r"pounds?\s+sterling|livres?\s+sterling|british\s+pounds?|sterling", "GBP"),
    (r"(?:indian\s+)?rupees?|roupies?", "INR"),
    (r"japanese\s+yen|yen|日本円", "JPY"),
    (r"swiss\s+francs?|francs?\s+suisses?|franken", "CHF"),
    (r"canadian\s+dollars?|dollars?\s+canadiens?", "CAD"),
    (r"australian\s+dollars?", "AUD"),
    (r"dollars?", DOLLAR),
]  # fmt: skip

_MARKER = re.compile(
    "|".join(
        [
            r"(?P<sym>(?<![A-Za-z])(?:U\.S\.|USD|CAD|AUD|US|CA|AU|NZ|SG|HK|MX|NT|[CASR])\$|[$€£₹₨¥円元₩₺₽₪฿₱₫])",
            r"(?P<rs>(?<![A-Za-z])Rs\.?(?![A-Za-z]))",
            r"(?P<chf>(?<![A-Za-z])S?Fr\.(?![A-Za-z]))",
            r"(?P<kr>(?<![A-Za-z])kr\.?(?![A-Za-z]))",
            r"(?P<zl>(?<![A-Za-z])z[łl](?![A-Za-z]))",
            r"(?P<code>(?<![A-Za-z])(?:" + "|".join(sorted(ISO_CODES)) + r"|RMB)(?![A-Za-z]))",
            r"(?P<word>(?i:(?<![A-Za-z])(?:" + "|".join(w for w, _ in _WORDS) + r")(?![A-Za-z])))",
        ]
    )
)
_WORD_CODES = [(re.compile(rf"(?i)^(?:{w})$"), code) for w, code in _WORDS]


def _marker_code(match: re.Match[str]) -> str:
    text = match.group()
    kind = match.lastgroup
    if kind == "sym":
        return _SYMBOLS.get(text, DOLLAR if text.endswith("$") else text)
    if kind == "rs":
        return "INR"
    if kind == "chf":
        return "CHF"
    if kind == "kr":
        return KRONA
    if kind == "zl":
        return "PLN"
    if kind == "code":
        return "CNY" if text == "RMB" else text
    for pattern, code in _WORD_CODES:
        if pattern.match(text):
            return code
    return text.upper()


@dataclass(frozen=True)
class _Marker:
    start: int
    end: int
    code: str


@functools.lru_cache(maxsize=4096)
def _markers(text: str) -> tuple[_Marker, ...]:
    # Cached: one reading asks for a line's markers several times, and the pattern tries every
    # currency name at every position.
    return tuple(_Marker(m.start(), m.end(), _marker_code(m)) for m in _MARKER.finditer(text))


# ---------------------------------------------------------------------------------------
# Numbers
# ---------------------------------------------------------------------------------------

# Tried in this order at every place a number starts; the first that fits wins.
_INDIAN = re.compile(r"\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d{1,2})?")  # 1,00,000.00
_SPACED = re.compile(r"\d{1,3}(?: \d{3})+(?:[.,]\d{1,2})?")  # 15 000,00 (spaces were NBSPs)
_GROUPED = re.compile(r"\d{1,3}(?P<g>[,.'’])\d{3}(?:(?P=g)\d{3})*(?:(?!(?P=g))[.,]\d{1,2})?")
_PLAIN = re.compile(r"\d+(?:[.,]\d+)?")
_CELL_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")  # a spreadsheet cell holding a number
_UNIT_AFTER = re.compile(
    r"\s*(?:%|‰|x\b|×|(?i:hours?|hrs?|h|days?|j|jours?|heures?|stunden|std|tage|weeks?|months?|"
    r"years?|units?|pcs|pce|stk|stück|items?|users?|seats?|licen[cs]es?|people|persons?|"
    r"attendees?|participants?|kg|g|l|m²|m2|km|gb|tb|mb|pages?)(?![A-Za-z]))"
)


# Numbers followed by these are rates and quantities, never amounts.
_MEASURE_AFTER = re.compile(
    r"\s?(?:%|‰|(?i:hours?|hrs?|days?|jours?|heures?|stunden|tage|weeks?|months?|years?|"
    r"people|persons?|attendees?|participants?|users?|seats?|licen[cs]es?|pages?)(?![A-Za-z]))"
)


@dataclass(frozen=True)
class _Number:
    start: int
    end: int
    value: Decimal
    raw: str
    shaped: bool  # written like money: two decimals or grouped thousands


def _to_decimal(digits: str) -> Decimal | None:
    try:
        return Decimal(digits)
    except InvalidOperation:
        return None


def _interpret(kind: str, raw: str) -> Decimal | None:
    """The value of ``raw``, matched by the pattern ``kind``."""
    if kind == "cell":
        return _to_decimal(raw)
    if kind == "indian":
        return _to_decimal(raw.replace(",", ""))
    if kind == "spaced":
        whole, decimals = (
            re.split(r"[.,]", raw, maxsplit=1) if re.search(r"[.,]", raw) else (raw, "")
        )
        return _to_decimal(whole.replace(" ", "") + ("." + decimals if decimals else ""))
    if kind == "grouped":
        group = next(c for c in raw if not c.isdigit())
        body = raw
        decimals = ""
        last = max(raw.rfind("."), raw.rfind(","))
        if last >= 0 and raw[last] != group:  # "15'000" has no decimal separator at all
            body, decimals = raw[:last], raw[last + 1 :]
        whole = body.replace(group, "")
        return _to_decimal(whole + ("." + decimals if decimals else ""))
    # plain: at most one separator, and (grouped having failed) it is a decimal point
    return _to_decimal(raw.replace(",", "."))


def _shaped(kind: str, raw: str) -> bool:
    if kind in ("indian", "spaced", "grouped"):
        return True
    return bool(re.search(r"[.,]\d{2}$", raw))


def _scan_numbers(
    text: str, markers: Sequence[_Marker], cells: Sequence[tuple[int, int]] = ()
) -> list[_Number]:
    """Every number in ``text`` that could be an amount, with its value."""
    marker_starts = {m.start for m in markers}
    marker_ends = {m.end for m in markers}
    cell_starts = {start: end for start, end in cells}
    found: list[_Number] = []
    position = 0
    length = len(text)
    while position < length:
        match = _DIGIT.search(text, position)
        if match is None:
            break
        start = match.start()
        previous = text[start - 1] if start else ""
        if previous and (
            previous.isdigit() or (previous in ".,'’" and start > 1 and text[start - 2].isdigit())
        ):
            position = _skip_digits(text, start)
            continue
        number = None
        if start in cell_starts:
            end = cell_starts[start]
            raw = text[start:end]
            if _CELL_NUMBER.fullmatch(raw):
                value = _to_decimal(raw)
                if value is not None:
                    number = _Number(start, end, value, raw, bool(re.search(r"\.\d{2}$", raw)))
        if number is None:
            for kind, pattern in (
                ("indian", _INDIAN),
                ("spaced", _SPACED),
                ("grouped", _GROUPED),
                ("plain", _PLAIN),
            ):
                candidate = pattern.match(text, start)
                if candidate is None:
                    continue
                end = candidate.end()
                raw = candidate.group()
                if kind == "grouped" and raw.split(candidate.group("g"))[0] == "0":
                    continue  # "0.025" is not a thousands grouping
                if not _bounded(text, start, end, marker_starts, marker_ends):
                    continue
                if kind == "spaced" and not (
                    re.search(r",\d{2}$", raw) or _adjacent_marker(text, start, end, markers)
                ):
                    continue  # "1 278.61" is a quantity and a price, not 1278.61
                value = _interpret(kind, raw)
                if value is not None:
                    number = _Number(start, end, value, raw, _shaped(kind, raw))
                break
        if number is None:
            position = _skip_digits(text, start)
            continue
        found.append(number)
        position = number.end
    return found


_DIGIT = re.compile(r"\d")
_LETTER = re.compile(r"[^\W\d_]")


def _skip_digits(text: str, start: int) -> int:
    end = start
    while end < len(text) and text[end].isdigit():
        end += 1
    return end


def _bounded(
    text: str, start: int, end: int, marker_starts: set[int], marker_ends: set[int]
) -> bool:
    """Whether text[start:end] stands alone as a number (not part of a date, code or word)."""
    before = text[start - 1] if start else ""
    if before:
        if before.isalnum() and start not in marker_ends:
            return False  # INV2026, DE30 ... but USD15000 is fine
        if before in "-/" and start > 1 and text[start - 2].isalnum():
            return False  # FRI-2026, ITW/2026, 2026-10-27
        if before in ":#№" and (before != ":" or (start > 1 and text[start - 2].isdigit())):
            return False  # times 14:32, "#17-02"
    after = text[end] if end < len(text) else ""
    if after:
        if after.isalnum() and end not in marker_starts:
            return False  # 250g, 2QE, 1939円 is fine
        following = text[end + 1] if end + 1 < len(text) else ""
        if after in ".,'’" and following.isdigit():
            return False
        if after in "-/:" and following.isalnum():
            return False  # dates, ranges, codes, times
    return not _MEASURE_AFTER.match(text, end)  # 15 %, 40 hours, 30 days


def _adjacent_marker(text: str, start: int, end: int, markers: Sequence[_Marker]) -> bool:
    return any(_gap(text, m.end, start) or _gap(text, end, m.start) for m in markers)


def _gap(text: str, left: int, right: int) -> bool:
    """Whether only a little space (and maybe a sign) separates positions left and right."""
    if right < left:
        return False
    between = text[left:right]
    return len(between) <= 4 and re.fullmatch(r"[ \t]*[-−]?[ \t]*", between) is not None


# ---------------------------------------------------------------------------------------
# Labels
# ---------------------------------------------------------------------------------------

_TAX_WORD = (
    r"(?:vat|tax(?:es)?|gst|btw|tva|mwst|ust|iva|sales\s+tax|consumption\s+tax|igv|ivu|消費税)"
)
# "inclusive of all taxes", "excluding applicable taxes".
_ANY = r"(?:(?:all|applicable|the|any)\s+)?"
# A label's word for the amount, then the tax word, then what the amount holds of it:
# "Total (tax exclusive)", "Amount - VAT not applicable", "Total (inclusive of all taxes)".
_TAX_FIRST = rf"\b(?:total|amount|price|sum|montant|betrag)\b[^\n]{{0,20}}?\b{_TAX_WORD}[\s-]*"
_TAX_FIRST_INCLUSIVE = rf"{_TAX_FIRST}(?:inclusive|included|incl\b\.?)"
# Words that make a number something other than money ("Total hours 40", "VAT No. 123").
_ID_LABEL = re.compile(
    r"(?i)(?:\b(?:vat|tva|tax|gst|ust|mwst|btw|iva|ein|trn|abn|uen)[\s./-]*"
    r"(?:id|no|nr|n°|number|num[ée]ro|reg(?:istration)?|intra\w*|identification)\b"
    r"|\bn[°o]\s*(?:de\s+)?(?:tva|vat)|\bgstin\b|\bp\.?\s?iva\b|\bust-?id|\btax\s*id\b|\btin\b"
    r"|\bsteuer-?nr|\bsiret\b|\bsiren\b|\biban\b|登録番号|\bclaim\b|\binvoice\s+(?:no|number|#)"
    # a document's title: "TAX INVOICE 00452" names the invoice, not a tax of 452
    r"|\b(?:tax|vat|gst)\s+invoice\b"
    # a VAT number after its country code: "VAT GB 123 4567 89", "TVA : FR 12 812345678"
    r"|\b(?:vat|tva|btw|iva|mwst|ust)\s*[:.]?\s*(?-i:[A-Z]{2})$)"
)
_NOT_MONEY = re.compile(
    r"(?i)\b(?:points?|hours?|hrs|heures?|stunden|qty|quantity|quantit[ée]|menge|units?|items?|"
    r"pages?|days?|jours?|tage|seats?|licen[cs]es?|users?|attendees?|participants?|odometer)\b|時間|数量"
)
_LABELS = [
    ("pretax", re.compile(
        r"(?i)sub[\s-]?total|subtota(?:al|le)|sous[\s-]?total|zwischensumme|小計|小计|税抜|税別|本体価格"
        r"|\bnet(?:to)?[\s-]*(?:amount|total|value|sum|price|betrag|summe|ht)\b(?!\s+(?:due|payable|to\s+pay))"
        r"|\btotal\s+net\b"
        r"|\bmontant\s+net\b|\bnettobetrag|\bnetto\b|\bsumme\s+netto\b|\bnet\s+(?:eur|usd)\b"
        rf"|\b(?:excl?(?:\.|uding|usive(?:\s+of)?|usief)?|exkl\.?|exklusive|without|w/o|before|pre|ohne|hors|sans|senza|sin|sem)[\s.-]*{_ANY}{_TAX_WORD}"
        # the tax word first: "Total (tax exclusive)", "Total - VAT not applicable"
        rf"|{_TAX_FIRST}(?:exclusive|excluded|excl\b\.?|free|exempt|not\s+(?:applicable|included|charged))"
        r"|\bpre[\s-]?tax\b|\b(?:total|montant|prix|base|sous-total)\s+(?:\(?(?:eur|usd|€|\$)\)?\s+)?h\.?t\.?(?![a-z])"
        r"|hors\s+tax|\btaxable\s+(?:amount|value|base)|\bbase\s+imponi(?:ble|bile)|\bimponibile\b"
        r"|\bimporte\s+neto\b|\bpre[\s-]?vat\b"
    )),
    ("total", re.compile(
        rf"(?i)\b(?:incl?(?:\.|uding|usive(?:\s+of)?|usief)?|with|inkl\.?|inklusive|avec|incluid[ao]s?)[\s.-]*{_ANY}{_TAX_WORD}"
        rf"|{_TAX_FIRST_INCLUSIVE}"
        r"|\bttc\b|税込|\bbrutto|\bgross\s+(?:amount|total)|\btotal\s+gross\b"
    )),
    # Tax the payer withholds and pays to the authorities: deducted from what is paid, it does
    # not change the pre-tax amount.
    ("withholding", re.compile(
        r"(?i)\bwithh[eo]ld(?:ing)?\b|\bwht\b|\bewt\b|\btds\b|\bretenci[óo]n|\birpf\b|\britenuta\b"
        r"|\breten[çc][ãa]o\b|\birrf\b|\bretenue\s+[àa]\s+la\s+source|\bquellensteuer|源泉"
    )),
    ("tax", re.compile(
        r"(?i)\b(?:vat|tva|gst|[cis]gst|hst|pst|qst|cst|mwst|ust|btw|iva|igv|ivu|tax(?:es)?|taxe|"
        r"sales\s+tax|umsatzsteuer|mehrwertsteuer|steuerbetrag|steuer|impuesto|imposta|imposto)\b"
        r"|消費税|税額|税金|増値税"
    )),
    # A reduction of the price: "Discount", "Less: discount"; not "Total after discount".
    ("discount", re.compile(
        r"(?i)^(?!.*\b(?:before|after|net\s+of|apr[eè]s|avant|nach|vor)\b)"
        r".*(?:\b(?:discount|rebate|remise|rabatt|nachlass|descuento|sconto|desconto)\b|値引|割引"
        # a credit the partner grants off the price ("Less: partner credit"), not a card's
        r"|^\W*less\W+(?:[^\W\d_]+\s+)?credit\b(?!\s+card))"
    )),
    ("due", re.compile(
        r"(?i)\b(?:amount|balance|total|sum)\s+(?:now\s+)?due\b|\bdue\s+payable\b|\bamount\s+payable\b"
        r"|\b(?:net\s+)?[àa]\s+payer\b|\bsolde\b|\bzahlbetrag\b|\brestbetrag\b|\bresidual\b"
        # Brazil's "valor líquido" is what is paid once the withheld taxes are off
        r"|\bvalor\s+l[ií]quido\b"
        r"|\bbalance\b|\bto\s+(?:be\s+)?pa(?:y|id)\b|\bpayable\b|お支払(?:い)?金額|ご?請求金額|請求額"
    )),
    ("total", re.compile(
        r"(?i)\btotal\b|\btotaal\b|\btotale\b|\bgesamt\w*|\bsumme\b|\bsomme\b|\brechnungsbetrag\b"
        r"|\bendbetrag\b|\binvoice\s+(?:amount|value)\b|\bimporte\s+total\b|\bvalor\s+total\b"
        r"|合計|総額|合计"
    )),
]  # fmt: skip
# A label written after its amount: "29.99 € TTC", "15,000.00 USD excl. VAT".
_SUFFIX_LABEL = re.compile(
    rf"(?i)^[\s(]*(?:(?P<pretax>h\.?t\.?(?![a-z])|net\b|excl?(?:\.|uding|usive)?[\s.-]*{_TAX_WORD}|before\s+tax|pre[\s-]?tax|\+\s*{_TAX_WORD})"
    rf"|(?P<total>t\.?t\.?c\.?(?![a-z])|incl?(?:\.|uding|usive)?[\s.-]*{_TAX_WORD}|gross\b))"
)


# A note or a label saying an amount includes the tax: "Total incl. VAT", "Total TTC",
# "ご請求金額（税込）", "VAT 20% included", "TVA 20 % incluse", "IVA incluido", "inkl. MwSt.".
_TAX_INCLUDED = re.compile(
    rf"(?i)\b(?:incl(?:\.|uding|usive(?:\s+of)?|usief)?|inkl\.?|inklusive|avec|incluid[ao]s?)[\s.-]*{_ANY}{_TAX_WORD}(?![a-z])"
    rf"|{_TAX_FIRST_INCLUSIVE}"
    r"|\bt\.?t\.?c\.?(?![a-z])|税込"
    rf"|(?<!\bno\s)(?<!\bno\ssales\s)\b{_TAX_WORD}\b[^\n]{{0,20}}?(?<!\bnot\s)(?<!\bnon\s)(?<!\bnicht\s)\b(?:included|inclus[ea]?|incluid[ao]|inbegriffen|enthalten|compris[e]?)\b"
)
# In a label, "gross" says so too ("Gross amount", "Bruttobetrag"); in prose it may not
# ("gross 30 days"). "with VAT" and "inc. VAT" label an amount; "Acme Inc. Tax ID" does not.
_GROSS_LABEL = re.compile(
    rf"(?i)\bgross\b|\bbrutto|\bbruto\b|\blordo\b|\b(?:with|inc\.?)[\s.-]*{_TAX_WORD}(?![a-z])"
)
# A statement that no tax is charged at all: "VAT: N/A", "TVA non applicable", "Tax: none", "非課税".
_TAX_NOT_CHARGED = re.compile(
    rf"(?i)\b{_TAX_WORD}\b[^\n]{{0,40}}?(?:\bn/?a\b|not\s+applicable|non\s+applicable|nicht\s+anwendbar"
    r"|no\s+aplica|\bnone\b|\bnil\b|\bzero\b|(?<![\d.,])0(?:[.,]0+)?\s*%)|非課税|不課税|免税"
)


def includes_tax(label: str) -> bool:
    """Whether ``label`` says its amount includes tax ("Total TTC", "Brutto", "合計（税込）")."""
    return bool(label) and bool(_TAX_INCLUDED.search(label) or _GROSS_LABEL.search(label))


@functools.lru_cache(maxsize=4096)
def classify_label(text: str) -> str | None:
    """The kind of amount ``text`` labels: pretax, tax, total, due, discount, withholding, or None."""
    if not text or _ID_LABEL.search(text):
        return None
    for kind, pattern in _LABELS:
        if pattern.search(text):
            return kind
    return None


# ---------------------------------------------------------------------------------------
# Lines: what the parser reads, with the location a reviewer finds them at
# ---------------------------------------------------------------------------------------


def normalise(text: str) -> str:
    """NFKC (full-width digits, no-break spaces) with tabs and line breaks kept."""
    text = text.replace("\u00a0", " ").replace("\u202f", " ").replace("\u2009", " ")
    return unicodedata.normalize("NFKC", text)


@dataclass(frozen=True)
class Line:
    """One line of a document: a PDF text line, a table row, a spreadsheet row.

    ``cells`` gives, for a spreadsheet row, each cell's span in ``text`` and its location;
    ``columns`` each cell's column number (A is 1). Blank cells are not in ``text``, so the
    n-th value of a row need not be in its sheet's n-th column: only ``columns`` says which.
    """

    location: str
    text: str  # normalised (what the parser reads)
    original: str  # as written (what evidence quotes)
    cells: tuple[tuple[int, int, str], ...] = ()
    columns: tuple[int, ...] = ()

    def location_at(self, position: int) -> str:
        for start, end, location in self.cells:
            if start <= position <= end:
                return location
        return self.location

    def column_at(self, position: int) -> int | None:
        """The sheet column of the cell holding text[position], or None off a sheet."""
        if not self.columns:
            return None
        for (start, end, _location), column in zip(self.cells, self.columns, strict=True):
            if start <= position <= end:
                return column
        return None

    @property
    def excerpt(self) -> str:
        return " ".join(self.original.replace("\t", " | ").split())

    def snippet(self, start: int, end: int, width: int = 70) -> str:
        """The text around text[start:end], on one line, for evidence."""
        text = self.text if len(self.original) != len(self.text) else self.original
        left, right = max(0, start - width), min(len(text), end + width)
        if left:
            left = text.find(" ", left, start) + 1 or left
        if right < len(text):
            right = text.rfind(" ", end, right) if text.rfind(" ", end, right) > 0 else right
        body = " ".join(text[left:right].replace("\t", " | ").split())
        return ("…" if left else "") + body + ("…" if right < len(text) else "")


_CELL_REF = re.compile(r"^(?P<sheet>.+)!(?P<col>[A-Z]{1,3})(?P<row>\d+)$")


def lines_of(segments: Iterable) -> list[Line]:
    """Split segments into lines; spreadsheet cells are joined back into their rows."""
    lines: list[Line] = []
    rows: dict[tuple[str, int], list[tuple[int, str, str]]] = {}
    order: list[tuple[str, int]] = []
    budget = MAX_CHARS
    for segment in segments:
        if budget <= 0:
            break
        text = segment.text[:budget]
        budget -= len(text)
        cell = _CELL_REF.match(segment.location)
        if cell:
            key = (cell.group("sheet"), int(cell.group("row")))
            if key not in rows:
                rows[key] = []
                order.append(key)
            rows[key].append((_column_number(cell.group("col")), segment.location, text))
            continue
        for raw in text.split("\n"):
            for piece in _pieces(raw):
                if piece.strip():
                    lines.append(Line(segment.location, normalise(piece), piece))
    for key in order:
        parts, cells, columns, position = [], [], [], 0
        for column, location, value in sorted(rows[key])[:MAX_CELLS_PER_ROW]:
            value = " ".join(normalise(value).split())
            if parts:
                position += 1  # the tab between cells
            cells.append((position, position + len(value), location))
            columns.append(column)
            parts.append(value)
            position += len(value)
        text = "\t".join(parts)
        lines.append(Line(cells[0][2], text, text, tuple(cells), tuple(columns)))
    return lines


def _pieces(text: str) -> list[str]:
    """``text`` cut at spaces into pieces of at most MAX_LINE characters."""
    pieces = []
    while len(text) > MAX_LINE:
        cut = text.rfind(" ", 0, MAX_LINE)
        cut = cut if cut > MAX_LINE // 2 else MAX_LINE
        pieces.append(text[:cut])
        text = text[cut:]
    pieces.append(text)
    return pieces


def _column_number(letters: str) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - 64
    return number


# ---------------------------------------------------------------------------------------
# Amounts
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Amount:
    """A money amount found on an invoice."""

    value: Decimal
    currency: str | None  # ISO code, or None when neither the amount nor the document says
    currency_source: str  # "written" next to it, "label", "document", "inferred", or ""
    kind: str | None  # "pretax", "tax", "total", "due", or None (a line item, a price ...)
    label: str  # the label text, as written ("Subtotal (pre-tax)")
    raw: str  # the amount as written ("$15,000.00 USD")
    location: str  # "page 1", "table 3 row 3", "Invoice!C16 / Invoice!D16" (label / amount)
    excerpt: str  # the line it is on
    # On an item row of a Net | VAT | Gross table: the kind of its column ("pretax", "tax",
    # "total"), else "".
    column: str = ""

    @property
    def cents(self) -> Decimal:
        return self.value.quantize(CENT, rounding=ROUND_HALF_UP)

    @property
    def stated_currency(self) -> str | None:
        """The currency, unless it was only guessed from an address."""
        return None if self.currency_source == "inferred" else self.currency

    def display(self) -> str:
        return format_money(self.value, self.stated_currency)


def format_money(value: Decimal, currency: str | None) -> str:
    """Write an amount for a message: $15,000.00 USD, 4,500.00 EUR, 4,000.00 (no currency shown)."""
    sign = "-" if value < 0 else ""
    number = f"{abs(value.quantize(CENT, rounding=ROUND_HALF_UP)):,.2f}"
    if currency == "USD":
        return f"{sign}${number} USD"
    if currency is None:
        return f"{sign}{number} (no currency shown)"
    return f"{sign}{number} {currency}"


@dataclass(frozen=True)
class _Found:
    """An amount found on one line, before the document's currency is known."""

    value: Decimal
    currency: str | None  # written next to it or in its label
    currency_source: str
    kind: str | None
    label: str
    raw: str
    location: str
    excerpt: str
    column: str = ""


def _bind_currencies(
    text: str, numbers: Sequence[_Number], markers: Sequence[_Marker]
) -> dict[int, list[_Marker]]:
    """Which currency markers belong to which number (index into ``numbers``).

    A marker right before a number is its prefix ("USD 15,000"), one right after it its
    suffix ("15 000,00 USD"). A marker between two numbers goes to the second when that
    one is written like money and the first is not ("Qty 1 € 399,00"), when the first
    already has a prefix ("USD 140.00 USD 5,600.00"), when it is a symbol written before
    amounts ("12 $10.00"), or when it sits closer to the second.
    """
    bound: dict[int, list[_Marker]] = {i: [] for i in range(len(numbers))}
    claimed: set[int] = set()
    for index, number in enumerate(numbers):
        prefix = None
        for j, marker in enumerate(markers):
            if j not in claimed and _gap(text, marker.end, number.start):
                prefix = j
        if prefix is not None:
            claimed.add(prefix)
            bound[index].append(markers[prefix])
        for j, marker in enumerate(markers):
            if j in claimed or not _gap(text, number.end, marker.start):
                continue
            following = next(
                (n for n in numbers[index + 1 :] if _gap(text, marker.end, n.start)), None
            )
            to_next = following is not None and (
                prefix is not None
                or (following.shaped and not number.shaped)
                or text[marker.start : marker.end] in _PREFIX_SYMBOLS
                or following.start - marker.end < marker.start - number.end
            )
            if not to_next:
                claimed.add(j)
                bound[index].append(marker)
            break
    return bound


# Symbols written before the amount in every convention that uses them.
_PREFIX_SYMBOLS = frozenset(
    {"$", "US$", "USD$", "£", "₹", "Rs", "Rs.", "¥", "R$", "A$", "C$", "CA$"}
)


def _resolve(codes: Sequence[str]) -> str | None:
    """One currency from the markers next to an amount: a code beats a shared symbol."""
    if not codes:
        return None
    specific = [c for c in codes if c not in (DOLLAR, YEN, KRONA)]
    return specific[0] if specific else codes[0]


def _label_text(fragment: str) -> tuple[str, int]:
    """The part of ``fragment`` (text before an amount) that can label it, and its offset.

    In a table or sheet row that is the nearest cell with words in it; on a text line,
    the end of the text since the previous amount.
    """
    offset = 0
    label = ""
    for piece in fragment.split("\t"):
        if _LETTER.search(piece):
            label, start = piece, offset
        offset += len(piece) + 1
    if not label:
        return "", 0
    stripped = label.rstrip(" :：-–|=*(")
    cut = max(0, len(stripped) - 60)
    text = stripped[cut:].lstrip(" :：-–|=*")
    return text, start + len(label) - len(label.lstrip(" :：-–|=*")) + cut


def _signed(text: str, number: _Number, markers: Sequence[_Marker]) -> Decimal:
    """Apply a minus sign written before the amount or between its currency and it."""
    left = min([number.start] + [m.start for m in markers if m.end <= number.start])
    if re.search(r"[-−]", text[left : number.start]):
        return -number.value
    before = text[:left].rstrip(" ")
    if before.endswith(("-", "−")) and not before[:-1][-1:].isalnum():
        return -number.value
    return number.value


# A bare number that cites a law or a document, not money: "Art. 44 and 196", "s.8 VATA 1994",
# "article 196 de la directive", "§ 13b UStG", "Section 7(2)".
_REFERENCE_BEFORE = re.compile(
    r"(?i)(?:\b(?:art(?:icles?|ikel|[íi]culos?|icolo)?|sections?|sec|directives?|directiva|richtlinie"
    r"|para(?:graph)?s?|chapters?|clauses?|rules?|regulations?|reg)\.?|\bss?\.|§+)"
    r"\s*(?:\d+(?:\(\w{1,3}\))*\s*(?:,|and|et|und|e|y|&|/|or|ou)\s*)*(?:\d+(?:\(\w{1,3}\))*\()?$"
)
_REFERENCE_AFTER = re.compile(r"\(\w{1,3}\)")  # "196(1)"
_YEAR = re.compile(r"(?:19|20)\d{2}")
# A line saying no tax is charged: any bare number on it is a reference, never the tax.
_NO_TAX = re.compile(
    r"(?i)reverse[\s-]*charge|auto[\s-]?liquidation|\bexempt|\bexon[ée]r|steuerschuldnerschaft"
    r"|\bsteuerfrei|zero[\s-]?rated|\bnot\s+subject\s+to|\bnon\s+soumis|\besent[ei]\b|\bexent[ao]\b"
    r"|inversione\s+contabile|inversi[óo]n\s+del\s+sujeto|\bverlegd\b"
)


def _is_reference(text: str, number: _Number, kind: str | None) -> bool:
    """Whether a bare number (no currency, not written like money) cites a law or a year.

    On a tax line a year ("VATA 1994") and any bare number on a line that says no tax is
    charged ("Reverse charge", "Autoliquidation", "Exempt") are references too.
    """
    if _REFERENCE_BEFORE.search(text[max(0, number.start - 80) : number.start]):
        return True
    if _REFERENCE_AFTER.match(text, number.end):
        return True
    if kind != "tax":
        return False
    return _YEAR.fullmatch(number.raw) is not None or _NO_TAX.search(text) is not None


# A rate and the amount it is taken of: "Remise 1,00% sur", "Withholding tax 2% of". The amount
# after one is the base; the discount or the tax withheld is the amount after that, if any.
_RATE_BASE = re.compile(r"(?i)%\s*(?:on|of|sur|de|auf|von|su|sobre)$")

# "6. This invoice ...", "2) Late payments ...": the number of a clause, not an amount.
_LIST_NUMBER_AFTER = re.compile(r"[.)]\s+[^\W\d_]")


def _is_list_number(text: str, number: _Number) -> bool:
    return len(number.raw) <= 2 and _LIST_NUMBER_AFTER.match(text, number.end) is not None


# A currency a table header gives one column: "Amount (USD)", "[EUR]", "（円）".
_BRACKETED = re.compile(r"[(\[（]\s*$")
_CLOSING = re.compile(r"^\s*[)\]）]")
# Between two currency columns of a header stands a column title ("Amount", "Total amount"),
# not a sentence ("(EUR) als auch in der Buchwährung (GBP) ausgegeben").
MAX_TITLE_WORDS = 3
_WORD = re.compile(r"[^\W\d_]+")


def column_currencies(line: Line) -> tuple[str, ...]:
    """The currencies a table header line names, one per amount column, in order.

    "Description | Amount (USD) | Amount (INR)" gives (USD, INR): the rows under it show
    each amount in two currencies, the last two amounts of a row being USD then INR. A
    currency counts when it is in brackets or a header cell of its own, and the columns
    are a few words apart; "Payment in USD or EUR" names no columns.
    """
    return tuple(m.code for m in _currency_titles(line))


def _currency_titles(line: Line) -> list[_Marker]:
    """The currency markers of ``column_currencies``, where the header line has them."""
    text = line.text
    columns: list[_Marker] = []
    for marker in _markers(text):
        bracketed = _BRACKETED.search(text[: marker.start]) and _CLOSING.match(text[marker.end :])
        own_cell = "\t" in text and not (
            text[: marker.start].rsplit("\t", 1)[-1].strip()
            or text[marker.end :].split("\t", 1)[0].strip()
        )
        if bracketed or own_cell:
            columns.append(marker)
    codes = [m.code for m in columns]
    if len(codes) < 2 or len(set(codes)) != len(codes):
        return []
    for left, right in pairwise(columns):
        if len(_WORD.findall(text, left.end, right.start)) > MAX_TITLE_WORDS:
            return []
    return columns


# The titles of a table's tax columns: what is before tax, the tax, and what includes it.
_LATIN_TAX = r"(?:vat|tva|gst|hst|mwst|ust|btw|iva|igv|tax(?:es)?|sales\s+tax)"
_AMOUNT_WORD = r"(?:(?:amount|total|price|value|montant|prix|betrag|importe|valor|summe)\s+)?"
_COLUMN_TITLE = re.compile(
    r"(?i)(?P<pretax>"
    rf"{_AMOUNT_WORD}\b(?:excl?(?:\.|uding|usive(?:\s+of)?)?|ex\.?|without|w/o|before|pre|ohne|hors|sans|sin|senza)[\s.-]*{_LATIN_TAX}\b\.?"
    r"|\bnet(?:to)?(?:[\s-]*(?:amount|value|price|total|betrag|preis|summe))?\b|\bnettobetrag\b|\bneto\b"
    r"|\b(?:montant\s+|prix\s+|total\s+)?h\.?t\.?(?![a-z])|\bbase\s+imponi(?:ble|bile)\b|\bimponibile\b"
    r"|\bpre[\s-]?tax\b|税抜(?:金額)?|税別(?:金額)?|小計)"
    r"|(?P<total>"
    rf"{_AMOUNT_WORD}\b(?:incl?(?:\.|uding|usive(?:\s+of)?)?|inkl\.?|inklusive|with|avec|con)[\s.-]*{_LATIN_TAX}\b\.?"
    r"|\bgross(?:\s+(?:amount|total|value))?\b|\bbrutto(?:betrag|summe)?\b|\bbruto\b|\blordo\b"
    r"|\b(?:montant\s+|prix\s+|total\s+)?t\.?t\.?c\.?(?![a-z])|\btotal\b|\bsumme\b|\bgesamt\w*|\btotale?\b"
    r"|税込(?:金額)?|合計|総額)"
    r"|(?P<tax>"
    rf"\b(?:(?:montant|importe|importo|valor)[ ]+(?:de[ ]+(?:la[ ]+)?|d')?)?{_LATIN_TAX}\b\.?(?:\s*\d{{1,2}}(?:[.,]\d{{1,2}})?\s*%)?"
    r"|\b(?:umsatz|mehrwert)?steuer(?:betrag)?\b"
    r"|\bimpuesto\b|\bimposta\b|\bimposto\b|消費税(?:額)?|税額)"
    # A title that says only "amount": before a tax column and a total, the amount before tax.
    r"|(?P<plain>\b(?:amount|betrag|montant|importe|valor|importo|price|preis|prix)\b|金額)"
)
_TITLE_TAIL = re.compile(r"(?i)amount|price|value|betrag|preis")
_PROSE = re.compile(r"[,;:]\s|[.!?]\s*$")
# The column of the tax rate, not an amount ("VAT rate", "VAT %", "USt.-Satz", "Taux TVA").
_RATE_AFTER = re.compile(r"(?i)[ .-]*(?:rate\b|%|satz\b|taux\b|tasa\b|aliquota\b|率)")
_RATE_BEFORE = re.compile(r"(?i)(?:\btaux|\btasa|\baliquota)[ ]*(?:de[ ]+|d')?$")


def column_kinds(line: Line) -> tuple[tuple[str, str], ...]:
    """The tax columns a table header line names, in order, as (kind, title).

    "Description | Net | VAT 20% | Gross" gives (pretax, "Net"), (tax, "VAT 20%"),
    (total, "Gross"): in the rows under it, the amount before tax is the net column, not
    the last amount of the row. A header names a pre-tax column, then a tax column, maybe
    then a column with the tax included; its titles stand a few words apart.
    """
    return tuple((kind, title) for kind, title, _start in _tax_titles(line))


def _tax_titles(line: Line) -> list[tuple[str, str, int]]:
    """The titles of ``column_kinds`` as (kind, title, where the title starts)."""
    text = line.text
    if _PROSE.search(text):
        return []  # "Prices are net of VAT, total due in 30 days" is a sentence
    titles = _column_titles(text)
    kinds = [kind for kind, _start, _end in titles]
    if "tax" not in kinds:
        return []
    # The columns that matter start just before the tax column: "Qty | Unit price | Amount |
    # VAT | Total" has the amount columns Amount, VAT, Total.
    first = kinds.index("tax") - 1
    if first < 0 or kinds[first] not in ("pretax", "plain"):
        return []
    titles, kinds = titles[first:], kinds[first:]
    if kinds[0] == "plain":
        if kinds[2:3] != ["total"]:
            return []  # "Amount | VAT" alone does not say the amount is before tax
        kinds[0] = "pretax"
    # Any other "amount" word is part of a title the reader could not join ("Montant EUR TTC").
    kept = [0] + [i for i in range(1, len(kinds)) if kinds[i] != "plain"]
    titles, kinds = [titles[i] for i in kept], [kinds[i] for i in kept]
    if len(set(kinds)) != len(kinds):
        return []
    for (_k, _s, left_end), (_k2, right_start, _e) in pairwise(titles):
        if len(_WORD.findall(text, left_end, right_start)) > MAX_TITLE_WORDS:
            return []
    return [
        (kind, " ".join(text[start:end].split()), start)
        for kind, (_k, start, end) in zip(kinds, titles, strict=True)
    ]


def _column_titles(text: str) -> list[tuple[str, int, int]]:
    """The column titles of a header line, as (kind, start, end), tax rate columns left out.

    A word such as "amount" right after a title is part of it ("VAT amount", "Gross price");
    "montant", "importe" come before theirs ("Montant HT Montant TVA").
    """
    titles: list[tuple[str, int, int]] = []
    for title in _COLUMN_TITLE.finditer(text):
        kind = title.lastgroup or ""
        if kind == "tax" and (
            _RATE_AFTER.match(text, title.end()) or _RATE_BEFORE.search(text, 0, title.start())
        ):
            continue
        if (
            kind == "plain"
            and _TITLE_TAIL.fullmatch(title.group())
            and titles
            and not text[titles[-1][2] : title.start()].strip(" ")
        ):
            titles[-1] = (titles[-1][0], titles[-1][1], title.end())
            continue
        titles.append((kind, title.start(), title.end()))
    return titles


_Column = TypeVar("_Column")  # a currency code, or a tax column's (kind, title)


@dataclass(frozen=True)
class _Columns(Generic[_Column]):
    """The amount columns a table header declared, in order, and the table it heads.

    ``at`` keys them by sheet column when the header is a sheet row with each title in a
    cell of its own; None otherwise (PDF lines, DOCX rows: only the order is known).
    """

    container: str
    titles: tuple[_Column, ...]
    at: dict[int, _Column] | None

    @classmethod
    def of(
        cls, line: Line, container: str, titles: Sequence[tuple[int, _Column]]
    ) -> _Columns[_Column]:
        """The columns whose ``titles`` (where each starts, title) head ``line``."""
        at: dict[int, _Column] | None = {} if line.columns else None
        for start, title in titles:
            column = line.column_at(start)
            if at is None or column is None or column in at:
                at = None  # two titles in one cell: their values are told apart by order
                break
            at[column] = title
        return cls(container, tuple(title for _start, title in titles), at)


def _money_positions(
    text: str, numbers: Sequence[_Number], bound: dict[int, list[_Marker]], own_currency: bool
) -> list[int]:
    """The numbers of a row that are amounts of its columns: written like money or filling a cell.

    ``own_currency`` says whether numbers written with a currency count too.
    """
    return [
        index
        for index, number in enumerate(numbers)
        if (own_currency or not bound[index])
        and (bound[index] or number.shaped
             or (text[number.start - 1 : number.start] in ("", "\t")
                 and text[number.end : number.end + 1] in ("", "\t")))
    ]  # fmt: skip


def _amounts_by_column(
    line: Line,
    text: str,
    numbers: Sequence[_Number],
    bound: dict[int, list[_Marker]],
    columns: _Columns[_Column] | None,
    *,
    own_currency: bool,
) -> dict[int, _Column]:
    """Pair the row's amounts with a header's columns (index -> column).

    On a sheet, an amount is in the column its cell is in: a blank cell (no VAT, no
    currency) leaves no trace in the row's text, and counting values would give the
    next column's title to the one before it. Elsewhere the row's last amounts are the
    columns', in order. ``own_currency`` says whether amounts written with a currency of
    their own count: the tax columns' amounts may carry one, the currency columns' may not.
    """
    if columns is None:
        return {}
    money = _money_positions(text, numbers, bound, own_currency=own_currency)
    if columns.at is not None and line.columns:
        in_cell: dict[int, int] = {}  # sheet column -> the last amount in its cell
        for index in money:
            column = line.column_at(numbers[index].start)
            if column in columns.at:
                in_cell[column] = index
        return {index: columns.at[column] for column, index in in_cell.items()}
    if len(money) < len(columns.titles):
        return {}
    return dict(zip(money[-len(columns.titles) :], columns.titles, strict=True))


# A sheet column whose cells name the currency of the row's amounts.
_CURRENCY_TITLE = re.compile(
    r"(?i)(?:currency|curr\.?|ccy|devise|monnaie|währung|moneda|moeda|valuta|divisa)"
    r"(?:\s+code)?|通貨"
)
# A sheet's header cell is a title: short, and with no number unless a tax rate ("VAT 20%").
MAX_SHEET_TITLE = 40


def _sheet_roles(line: Line) -> dict[int, str]:
    """What the columns of a sheet's header row hold, by sheet column: "amount", "currency"
    or "quantity"; {} when the row is not such a header.

    "Description | Qty | Currency | Amount": the rows under it hold a quantity in column
    B, the currency in C and the amount in D, each of which may be left blank. It takes
    two such columns, one of them an amount: "Currency | USD", "VAT | Exempt" are a label
    and its value.
    """
    if len(line.cells) < 2:
        return {}
    texts = [line.text[start:end] for start, end, _location in line.cells]
    # Most rows of a large sheet are data: turn them away before matching any title.
    if any(len(t) > MAX_SHEET_TITLE or (_DIGIT.search(t) and "%" not in t) for t in texts):
        return {}
    roles: dict[int, str] = {}
    for title, column in zip(texts, line.columns, strict=True):
        kinds = {kind for kind, _s, _e in _column_titles(title)}
        if _DIGIT.search(title) and kinds != {"tax"}:
            return {}
        if _CURRENCY_TITLE.fullmatch(title):
            roles[column] = "currency"
        elif _NOT_MONEY.search(title) and not kinds & {"plain", "pretax", "tax"}:
            roles[column] = "quantity"  # "Qty", "Hours", "Total hours"; not "Unit price"
        elif kinds:
            roles[column] = "amount"
    return roles if len(roles) > 1 and "amount" in roles.values() else {}


def _without_currency_cell(
    line: Line, markers: tuple[_Marker, ...], roles: dict[int, str]
) -> tuple[str, tuple[_Marker, ...], str | None]:
    """A sheet row's text with its currency column's cell blanked, the row's other currency
    markers, and the currency that cell names (None when it is blank).

    The "USD" of a currency column is the currency of the row's amount columns; left in
    the text it would go to the number next to it, the quantity in "Qty | Currency | Amount".
    A cell there holding more than a currency ("Total (USD)") is read as it is.
    """
    text, code = line.text, None
    for (start, end, _location), column in zip(line.cells, line.columns, strict=True):
        if roles.get(column) != "currency":
            continue
        for marker in markers:
            if marker.start == start and marker.end == end:
                code = marker.code
                markers = tuple(m for m in markers if m is not marker)
                text = text[:start] + " " * (end - start) + text[end:]
                break
    return text, markers, code


def _read_line(
    line: Line,
    pending: tuple[str, str] | None,
    columns: _Columns[str] | None = None,
    tax_columns: _Columns[tuple[str, str]] | None = None,
    roles: dict[int, str] | None = None,
) -> tuple[list[_Found], bool]:
    """The amounts on ``line``; ``pending`` is a label line just above (kind, text);
    ``columns`` the currencies of the amount columns a table header above declared;
    ``tax_columns`` the tax columns it declared (see ``column_kinds``); ``roles`` what the
    columns of a sheet's header row hold (see ``_sheet_roles``).

    Returns the amounts and whether the pending label was used.
    """
    text = line.text
    markers = _markers(text)
    row_currency = None
    if roles:
        text, markers, row_currency = _without_currency_cell(line, markers, roles)
    cells = [(start, end) for start, end, _loc in line.cells]
    numbers = _scan_numbers(text, markers, cells)
    if not numbers:
        return [], False
    bound = _bind_currencies(text, numbers, markers)
    column_code = _amounts_by_column(line, text, numbers, bound, columns, own_currency=False)
    column_kind = _amounts_by_column(line, text, numbers, bound, tax_columns, own_currency=True)
    role = [roles.get(line.column_at(n.start)) for n in numbers] if roles else [None] * len(numbers)
    # Split the line into runs: numbers with no words between them share one label.
    runs: list[tuple[int, str, list[int]]] = []
    previous_end = 0
    for index, number in enumerate(numbers):
        own = bound[index]
        left = min([number.start] + [m.start for m in own if m.end <= number.start])
        fragment = text[previous_end:left]
        if _LETTER.search(fragment) or not runs:
            runs.append((previous_end, fragment, [index]))
        else:
            runs[-1][2].append(index)
        previous_end = max([number.end] + [m.end for m in own if m.start >= number.end])
    found: list[_Found] = []
    used_pending = False
    for run_number, (fragment_start, fragment, members) in enumerate(runs):
        label, label_offset = _label_text(fragment)
        kind = classify_label(label)
        not_money = bool(label) and bool(_NOT_MONEY.search(label) or _ID_LABEL.search(label))
        label_location = None
        if (
            kind is None
            and run_number == 0
            and pending
            and not _LETTER.search(fragment)
            and any(bound[i] or numbers[i].shaped or role[i] == "amount" for i in members)
        ):
            kind, label = pending
            used_pending = True
        elif line.cells and label:
            label_location = line.location_at(fragment_start + label_offset)
        label_currency = _resolve([m.code for m in _markers(label)]) if label else None
        # A totals row of a Net | VAT | Gross table: each amount is what its column says.
        in_columns = {i: column_kind[i] for i in members if i in column_kind}
        # Off a sheet, a row short of an amount cannot say which column lacks it; on one the
        # cells say, but a label with a single amount still names that amount.
        whole = tax_columns is not None and len(in_columns) == len(tax_columns.titles)
        by_cell = tax_columns is not None and tax_columns.at is not None
        if not (whole or (by_cell and (kind is None or len(in_columns) > 1))):
            in_columns = {}
        # An item row of such a table: its amounts stay unlabelled, each knowing its column.
        item_columns = in_columns if kind is None else {}
        if kind not in ("pretax", "total", "due"):
            in_columns = {}
        accepted: list[tuple[int, Decimal, str | None, str]] = []
        for index in members:
            number = numbers[index]
            own = bound[index]
            currency = _resolve([m.code for m in own])
            source = "written" if currency else ""
            if currency is None and index in column_code:
                currency, source = column_code[index], "label"
            if currency is None and row_currency and role[index] == "amount":
                currency, source = row_currency, "written"
            if currency is None and label_currency:
                currency, source = label_currency, "label"
            tail = text[number.end :]
            is_unit = not own and _UNIT_AFTER.match(tail) is not None
            if is_unit or (not own and (not_money or role[index] == "quantity")):
                continue
            if not own and not number.shaped and _is_reference(text, number, kind):
                continue  # "VAT reverse charge (Art. 44 and 196)", "s.8 VATA 1994"
            if not own and not number.shaped and _is_list_number(text, number):
                continue  # "... must reach our account. 6. This invoice ..."
            labelled_last = kind is not None and index == members[-1]
            # A plain number filling a cell of a currency column, or of a sheet's column
            # titled as an amount, is that column's amount: a sheet stores 7,500.00 as 7500,
            # and the cell's format is not in its text.
            in_currency_column = index in column_code or role[index] == "amount"
            if own or number.shaped or labelled_last or index in in_columns or in_currency_column:
                accepted.append((index, _signed(text, number, own), currency, source))
        # The label names the last amount of the run; in a row of currency columns
        # ("Total | 7,500.00 | 6,22,500.00") or of amounts each written with its own
        # currency ("VAT USD 3,000.00 (GBP 2,370.00)"), the last amount in each currency.
        labelled = {len(accepted) - 1}
        if any(index in column_code for index, *_rest in accepted) or _in_several_currencies(
            accepted
        ):
            labelled = {position for position, (_i, _v, currency, _s) in enumerate(accepted)
                        if all(c != currency for _i2, _v2, c, _s2 in accepted[position + 1 :])}  # fmt: skip
        for position, (index, value, currency, source) in enumerate(accepted):
            number = numbers[index]
            own = bound[index]
            amount_kind = kind if position in labelled else None
            if in_columns:
                amount_kind = in_columns[index][0] if index in in_columns else None
            if amount_kind == "tax" and value and _NO_TAX.search(label):
                amount_kind = None  # a "Tax: Exempt" column before the line's amount
            if (
                amount_kind in ("discount", "withholding")
                and len(accepted) == 1
                and _RATE_BASE.search(label)
            ):
                amount_kind = None  # "Remise 1,00% sur 100,00 EUR": what the rate is taken of
            right = max([number.end] + [m.end for m in own if m.start >= number.end])
            suffix = _SUFFIX_LABEL.match(text[right : right + 24])
            amount_label = label if amount_kind is not None else ""
            if index in in_columns:
                amount_label = f"{label} ({in_columns[index][1]})"
            if suffix and suffix.group("pretax") and amount_kind in (None, "total", "due"):
                amount_kind = "pretax"  # "Total: $15,000.00 (excl. VAT)", "USD 15,000 + VAT"
            elif suffix and amount_kind is None:
                amount_kind = "total"  # "29.99 € TTC"
            else:
                suffix = None
            if suffix:
                written_after = suffix.group().strip(" (")
                amount_label = (
                    f"{amount_label} … {written_after}" if amount_label else written_after
                )
            start = min([number.start] + [m.start for m in own])
            end = max([number.end] + [m.end for m in own])
            location = line.location_at(number.start)
            if label_location and label_location != location:
                location = f"{label_location} / {location}"
            excerpt = line.excerpt
            if used_pending and amount_kind == kind and pending:
                excerpt = f"{pending[1]} {excerpt}"
            found.append(
                _Found(value, currency, source, amount_kind, amount_label,
                       line.original[start:end] if line.original == line.text else text[start:end],
                       location, excerpt,
                       item_columns[index][0] if index in item_columns else "")
            )  # fmt: skip
    return found, used_pending


def _in_several_currencies(accepted: Sequence[tuple[int, Decimal, str | None, str]]) -> bool:
    """Whether amounts written next to one another name different currencies ("USD", "GBP").

    A symbol several currencies share ("$", "¥") does not count: "$15,000 USD" is one.
    """
    written = {c for _i, _v, c, source in accepted if source == "written"}
    return len(written) > 1 and not written & {DOLLAR, YEN, KRONA}


def find_amounts(text: str) -> list[tuple[Decimal, str | None, str]]:
    """The amounts written in ``text``: (value, currency written next to it or None, as written).

    Numbers that are not written like money (no currency, no two decimals, no grouping)
    are left out: quantities, years, postcodes.
    """
    found, _ = _read_line(Line("", normalise(text), text), None)
    return [
        (
            f.value,
            _resolve_symbol(f.currency, set()) if f.currency_source == "written" else None,
            f.raw,
        )
        for f in found
    ]


def parse_amount(text: str) -> tuple[Decimal, str | None] | None:
    """The first amount in ``text`` as (value, currency or None), e.g. "12.000,00 USD"."""
    amounts = find_amounts(text)
    if not amounts:
        return None
    value, currency, _raw = amounts[0]
    return value, currency


# ---------------------------------------------------------------------------------------
# The document
# ---------------------------------------------------------------------------------------

_DECLARATION = re.compile(
    r"(?i)(?:\b(?:invoice\s+)?currency|\bdevise|währung|\bmoneda|\bmoeda|\bvaluta|通貨"
    r"|\b(?:all\s+)?(?:amounts?|prices?|charges?|figures?|montants?|prix|beträge|preise|importi|importes)\b"
    # a column's title with its currency: "Line Total (USD)", "Rate [EUR]", "Fee USD"
    r"|\b(?:totals?|rates?|fees?|values?|costs?)\s*(?=[(\[]?\s*(?-i:[A-Z]{3})\b)"
    r"|金額)"
)
_US_ADDRESS = re.compile(
    r"\b(?:A[LKZR]|C[AOT]|D[EC]|FL|GA|HI|I[DLNA]|K[SY]|LA|M[EDAINSOT]|N[EVHJMYCD]|O[HKR]|PA|RI|"
    r"S[CD]|T[NX]|UT|V[TA]|W[AVIY]|PR)\s+\d{5}(?:-\d{4})?\b|\bUnited States\b|\bU\.?S\.?A\.?\b"
)


def _resolve_symbol(code: str | None, codes_seen: set[str]) -> str | None:
    """Turn a shared symbol ($, ¥, kr) into a currency, using what else the document says."""
    if code == DOLLAR:
        others = sorted(c for c in codes_seen if c in _DOLLAR_CODES and c != "USD")
        return "USD" if "USD" in codes_seen or not others else others[0]
    if code == YEN:
        return "CNY" if "CNY" in codes_seen and "JPY" not in codes_seen else "JPY"
    if code == KRONA:
        return next((c for c in _KRONA_CODES if c in codes_seen), "SEK")
    return code


@dataclass(frozen=True)
class InvoiceReading:
    """What an invoice says about money."""

    amounts: tuple[Amount, ...]
    currency: str | None  # the invoice's currency
    currency_source: str  # "declared", "amounts", "inferred", or ""
    currencies: tuple[str, ...]  # every currency written on it, most used first
    declaration: str = ""  # the line declaring the currency, if any
    dollar_doubt: str = ""  # a line making a bare "$" doubtful as USD ("ABN ...", "GST 10%")
    tax_included: str = ""  # a line saying an amount includes tax ("Total TTC", "VAT included")
    tax_not_charged: str = ""  # a line saying no tax is charged ("VAT: N/A", "Exempt")

    def of_kind(self, *kinds: str | None) -> list[Amount]:
        return [a for a in self.amounts if a.kind in kinds]

    @property
    def pretax(self) -> list[Amount]:
        return self.of_kind("pretax")

    @property
    def taxes(self) -> list[Amount]:
        return self.of_kind("tax")

    @property
    def totals(self) -> list[Amount]:
        return self.of_kind("total", "due")


def read_invoice(segments: Iterable) -> InvoiceReading:
    """Read the amounts of an invoice from its text segments (``DocumentView.segments``)."""
    lines = lines_of(segments)
    found: list[_Found] = []
    # A line that is only a label ("TOTAL TTC") labels the amount that starts the next line.
    pending: tuple[str, str] | None = None
    # The currency columns and tax columns a table header declared, for the table (or page)
    # it heads; on a sheet, what each column of its header row holds.
    columns: _Columns[str] | None = None
    tax_columns: _Columns[tuple[str, str]] | None = None
    roles: tuple[str, dict[int, str]] | None = None
    stacked = _stacked_labels(lines)
    for position, line in enumerate(lines):
        container = _container(line.location)
        if columns and columns.container != container:
            columns = None
        if tax_columns and tax_columns.container != container:
            tax_columns = None
        if roles and roles[0] != container:
            roles = None
        amounts, _used = _read_line(
            line, stacked.get(position, pending), columns, tax_columns, roles[1] if roles else None
        )
        if amounts:
            found.extend(amounts)
            pending = None
            continue
        header = _currency_titles(line)
        if header:
            columns = _Columns.of(line, container, [(m.start, m.code) for m in header])
        titles = _tax_titles(line)
        if titles:
            tax_columns = _Columns.of(line, container, [(at, (k, t)) for k, t, at in titles])
        if line.columns and (sheet_roles := _sheet_roles(line)):
            roles = (container, sheet_roles)
            pending = None  # column titles name the columns, not the next row's amounts
            continue
        kind = classify_label(line.text) if len(line.text) <= 60 else None
        if kind and pending and pending[0] == kind:
            # One label on two lines: "小計 (Subtotal," then "pre-tax)".
            pending = (kind, f"{pending[1]} {line.excerpt}")
        else:
            pending = (kind, line.excerpt) if kind else None
    codes_seen: Counter[str] = Counter()
    for f in found:
        if f.currency and f.currency_source == "written":
            codes_seen[f.currency] += 1
    all_codes: set[str] = set(codes_seen)
    declared, declaration = _declared_currency(lines)
    for line in lines:
        for marker in _markers(line.text):
            if marker.code in ISO_CODES:
                all_codes.add(marker.code)
    if declared:
        all_codes.add(declared)
    resolved: Counter[str] = Counter()
    for code, count in codes_seen.items():
        final = _resolve_symbol(code, all_codes)
        if final:
            resolved[final] += count
    if declared:
        currency, source = _resolve_symbol(declared, all_codes), "declared"
    elif resolved:
        currency, source = _main_currency(found, resolved, all_codes), "amounts"
    elif mentioned := _mentioned_currency(lines, all_codes - {DOLLAR, YEN, KRONA}):
        currency, source = mentioned, "amounts"
    elif any(_US_ADDRESS.search(line.text) for line in lines):
        currency, source = "USD", "inferred"
    else:
        currency, source = None, ""
    doubt = _dollar_doubt(lines, all_codes)
    amounts = []
    for f in found:
        if f.currency:
            code, how = _resolve_symbol(f.currency, all_codes), f.currency_source
            if doubt and f.currency == DOLLAR:
                how = "inferred"  # a bare $ on an Australian invoice is not shown to be USD
        elif currency:
            code, how = currency, "inferred" if source == "inferred" else "document"
            if doubt and code == "USD":
                how = "inferred"  # the document's USD came from a bare $ too
        else:
            code, how = None, ""
        amounts.append(
            Amount(f.value, code, how, f.kind, f.label, f.raw, f.location, f.excerpt, f.column)
        )
    return InvoiceReading(
        tuple(amounts), currency, source, tuple(c for c, _ in resolved.most_common()), declaration,
        dollar_doubt=doubt, tax_included=_first_line(lines, _TAX_INCLUDED),
        tax_not_charged=_first_line(lines, _TAX_NOT_CHARGED) or _first_line(lines, _NO_TAX),
    )  # fmt: skip


def _first_line(lines: Sequence[Line], pattern: re.Pattern[str]) -> str:
    """The first line ``pattern`` finds something on, as evidence, or ""."""
    return next((line.excerpt for line in lines if pattern.search(line.text)), "")


# What makes a bare "$" another country's dollar: its sales tax (GST, HST), its business
# numbers (ABN, ACN, NZBN) or an Australian address. "AUD", "CAD" written anywhere already
# do. Other countries' names are left out: the customer billed may well be there.
_NON_US_DOLLAR = re.compile(
    r"\b(?:GST|HST|ABN|ACN|NZBN)\b|\bAustralia\b"
    r"|\b(?:NSW|VIC|QLD|TAS|ACT|WA)\s+\d{4}(?!\d)"
)


def _dollar_doubt(lines: Sequence[Line], codes: set[str]) -> str:
    """The line that makes the invoice's bare "$" doubtful as US dollars, or "".

    "$" alone is read as USD unless the invoice names another dollar; an invoice that
    names no currency but charges GST or gives an Australian address may be in AUD.
    """
    if DOLLAR not in codes or any(c in _DOLLAR_CODES for c in codes):
        return ""  # "$" is the dollar named elsewhere, US or other
    return _first_line(lines, _NON_US_DOLLAR)


def _stacked_labels(lines: Sequence[Line]) -> dict[int, tuple[str, str]]:
    """Labels stacked in a column, their amounts in the next column: position -> (kind, label).

    A PDF whose totals block is a column of labels beside a column of amounts can read as
    "Subtotal / Discount / Total" then "$16,000.00 / -$1,000.00 / $15,000.00": the n-th
    label names the n-th amount, when as many amount lines follow as there are labels.
    """
    paired: dict[int, tuple[str, str]] = {}
    position = 0
    while position < len(lines):
        start = position
        labels = []
        while position < len(lines) and (kind := _label_only(lines[position])):
            labels.append((kind, lines[position].excerpt))
            position += 1
        end = position
        while end < len(lines) and _amount_only(lines[end]):
            end += 1
        if len(labels) >= 2 and end - position == len(labels):
            paired.update(zip(range(position, end), labels, strict=True))
        position = max(end, start + 1)
    return paired


def _label_only(line: Line) -> str | None:
    """The kind of amount a line labels, when the line is that label and nothing else."""
    if len(line.text) > 60 or _DIGIT.search(line.text):
        return None
    return classify_label(line.text)


def _amount_only(line: Line) -> bool:
    """Whether a line is one amount and nothing else ("-$1,000.00", "15 000,00 EUR")."""
    text = line.text
    for marker in reversed(_markers(text)):
        text = text[: marker.start] + text[marker.end :]
    return not _LETTER.search(text) and len(_scan_numbers(text, [])) == 1


def _container(location: str) -> str:
    """The table, sheet or page a line is in: "table 3 row 2" -> "table 3", "Sheet1!C5" -> "Sheet1"."""
    cell = _CELL_REF.match(location)
    if cell:
        return cell.group("sheet")
    return re.sub(r"\s+row\s+\d+$", "", location)


# Lines of payment details: a bank account's currency ("EUR account, IBAN DE89 ...") is not
# the invoice's.
_BANK_LINE = re.compile(r"(?i)\b(?:iban|swift|bic|bank|account|konto|compte|routing)\b")


def _declared_currency(lines: Sequence[Line]) -> tuple[str | None, str]:
    """A currency the document declares ("Währung: EUR", "All amounts are in US dollars")."""
    for line in lines:
        match = _DECLARATION.search(line.text)
        if not match or _BANK_LINE.search(line.text):
            continue
        window = line.text[match.start() : match.end() + 60]
        markers = [
            m for m in _markers(window) if m.code not in (DOLLAR,) or "dollar" in window.lower()
        ]
        numbers = re.search(r"\d", window[match.end() - match.start() :])
        if markers and not numbers:
            return markers[0].code, line.excerpt
    return None, ""


def _mentioned_currency(lines: Sequence[Line], codes: set[str]) -> str | None:
    """Of the currencies the invoice names with no amount, the one it names most outside its
    bank details, the first named on a tie; None if it names them only there (an account's
    currency says nothing of the invoice's)."""
    count: Counter[str] = Counter()
    first: dict[str, int] = {}
    for index, line in enumerate(lines):
        for marker in _markers(line.text):
            if marker.code in codes:
                first.setdefault(marker.code, index)
                count[marker.code] += 0 if _BANK_LINE.search(line.text) else 1
    if not codes or not any(count.values()):
        return None
    return min(codes, key=lambda code: (-count[code], first.get(code, len(lines)), code))


def _main_currency(found: Sequence[_Found], resolved: Counter[str], codes: set[str]) -> str:
    """The currency of the totals if they say one, else the one written most."""
    for f in reversed(found):
        if f.kind in ("total", "due", "pretax") and f.currency and f.currency_source == "written":
            return _resolve_symbol(f.currency, codes) or f.currency
    return resolved.most_common(1)[0][0]


# ---------------------------------------------------------------------------------------
# Invoice number
# ---------------------------------------------------------------------------------------

_INVOICE_LABEL = (
    r"(?:\binvoice\s*(?:no\.?|nr\.?|number|num\.?|#|n°|id)|\binv\.?\s*(?:no\.?|#)|\bfacture\s*(?:n[°o]|num[ée]ro)"
    r"|\bn[°o]\s*de\s*facture|\bnum[ée]ro\s+de\s+facture|請求書番号|請求番号|\brechnungs?-?\s*(?:nummer|nr\.?|no\.?)"
    r"|\bfactuurnummer|\bnumero\s+fattura|\bfatt?ura\s+n[°o]?\.?|\bn[úu]mero\s+de\s+factura|\bfactura\s+n[°o.]"
    r"|\bn[°o]\.?\s*(?:de\s+)?factura|\bbill\s+(?:no\.?|number))"
)
# A number some partners space out, "INV 001", "FRI 2026 0042": capitals, then one or two
# groups of 3-6 digits; a date ("INV 001 20 Oct") or a claim ID (7 digits) after it is not
# part of it.
_SPACED_NUMBER = r"(?-i:[A-Z]{1,5})(?: \d{3,6}){1,2}(?![\w\-/.])"
_NUMBER_VALUE = rf"(?P<value>[A-Z0-9][\w\-/.]*\d[\w\-/]*|\d[\w\-/.]*|{_SPACED_NUMBER})"
# The label, then the number on the same line; not across a sentence end ("... quoting the
# invoice number. 5. Bank charges ...").
_INVOICE_NUMBER = re.compile(
    rf"(?i){_INVOICE_LABEL}(?:(?!\.\s)[^\w\n]){{0,24}}?(?:\([^)\n]{{0,30}}\)[^\w\n]{{0,6}})?{_NUMBER_VALUE}"
)
# The label alone on its line, the number alone on the next (Xero, FreshBooks, Stripe).
_INVOICE_LABEL_ONLY = re.compile(rf"(?i)^\s*(?:tax\s+)?{_INVOICE_LABEL}[\s:：#.]*$")
_NUMBER_ALONE = re.compile(rf"(?i)^\s*(?:#|no\.?|n[°o]\.?|nr\.?)?\s*{_NUMBER_VALUE}\s*$")
_DATE = re.compile(r"^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}$")
_INVOICE_TITLE = re.compile(
    r"(?i)^\s*(?:invoice|facture|rechnung|請求書)\s+"
    rf"(?P<value>(?=[\w\-/]*\d)[A-Z0-9][\w\-/]*|{_SPACED_NUMBER})\s*$"
)
# The title alone, then the number marked on the next line ("INVOICE" / "# INV-000042").
_INVOICE_TITLE_ONLY = re.compile(
    r"(?i)^\s*(?:tax\s+|sales\s+|commercial\s+)?(?:invoice|facture|rechnung|factura|fattura|請求書)\s*$"
)
_NUMBER_MARKED = re.compile(rf"(?i)^\s*(?:#|no\.|n[°o]\.?|nr\.)\s*{_NUMBER_VALUE}\s*$")


@dataclass(frozen=True)
class InvoiceNumber:
    value: str
    location: str
    excerpt: str


def invoice_number(segments: Iterable) -> InvoiceNumber | None:
    """The invoice's own number ("Invoice No.: X", "Facture n° X", "請求書番号: X"), if written."""
    lines = lines_of(segments)
    # A labelled number anywhere wins over a number after the title.
    for inline, label, value in (
        (_INVOICE_NUMBER, _INVOICE_LABEL_ONLY, _NUMBER_ALONE),
        (_INVOICE_TITLE, _INVOICE_TITLE_ONLY, _NUMBER_MARKED),
    ):
        for index, line in enumerate(lines):
            match = inline.search(line.text)
            if match:
                return _number_at(line, match)
            below = _value_below(lines, index, label, value)
            if below:
                return below
    for index, line in enumerate(lines[:-1]):
        under = _value_in_row_below(line, lines[index + 1])
        if under:
            return under
    return None


# A row of column titles holding the label ("Invoice Date  Invoice Number  Reference"), and
# the row of values under it ("20 Oct 2026  INV-0042  Claim 3000001"): the number is the one
# value shaped like an invoice number, letters and digits together ("INV-0042", "2026/117A").
_INVOICE_COLUMN = re.compile(rf"(?i){_INVOICE_LABEL}(?![^\W_]*\d)")
_MIXED_NUMBER = re.compile(r"(?i)^(?=[\w\-/]*\d)(?=[\w\-/]*[a-z])[a-z0-9][\w\-/]*[a-z0-9]$")


def _value_in_row_below(line: Line, below: Line) -> InvoiceNumber | None:
    if not _INVOICE_COLUMN.search(line.text) or _INVOICE_LABEL_ONLY.match(line.text):
        return None
    values = [m for m in re.finditer(r"\S+", below.text) if _MIXED_NUMBER.match(m[0])]
    if len(values) != 1:
        return None
    found = values[0]
    return InvoiceNumber(
        found[0], below.location_at(found.start()), f"{line.excerpt} / {below.excerpt}"
    )


def _number_at(line: Line, match: re.Match[str]) -> InvoiceNumber:
    value = match.group("value").rstrip(".-/")
    excerpt = line.snippet(match.start(), match.start("value") + len(value), width=24)
    return InvoiceNumber(value, line.location_at(match.start("value")), excerpt)


def _value_below(
    lines: Sequence[Line], index: int, label: re.Pattern[str], value: re.Pattern[str]
) -> InvoiceNumber | None:
    """The number on the line after a line that is only its label (not a date)."""
    if index + 1 >= len(lines) or not label.match(lines[index].text):
        return None
    below = lines[index + 1]
    match = value.match(below.text)
    if match is None or _DATE.match(match.group("value")):
        return None
    number = _number_at(below, match)
    return InvoiceNumber(number.value, number.location, f"{lines[index].excerpt} {number.excerpt}")


def unreadable_invoice(document, look_for: str):
    """The error result for an invoice the checks cannot read, or None when it has text.

    ``look_for`` says what the reviewer should check by eye on a scanned invoice.
    """
    from workbench.check_api import Result

    name = document.file_name
    if not document.readable:
        return Result.unreadable(document, f"Cannot read the invoice {name}")
    if not any(ch.isalnum() for ch in document.text):
        return Result.error(
            f"The invoice {name} has no text to read (a scanned image?); {look_for} by eye."
        )
    return None
