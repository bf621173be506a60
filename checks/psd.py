"""A Public Sector Disclosure is among the POE documents where the customer needs one."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache
from typing import NamedTuple

from checks._parties import (
    alike_as_initials,
    is_acronym_of,
    name_words,
    place_words,
    same_public_body,
)
from workbench.check_api import (
    Check,
    CheckContext,
    ClaimView,
    CustomerView,
    DocumentView,
    Evidence,
    ExampleCase,
    Result,
    Status,
)
from workbench.domain.countries import COUNTRY_NAMES
from workbench.testing import docx_document, pptx_document

# Public-sector customers in these countries need a disclosure (DOMAIN, "Public Sector Disclosure").
PSD_COUNTRIES = ("IN", "PR", "US")

_W = r"[^\W\d_]+"  # a word, any script
# Japanese names for a public body: ministries, agencies, prefectures and municipalities.
_JA_PUBLIC = r"公共部門|公共機関|公的機関|官公庁|政府機関|地方公共団体|公共セクター|パブリックセクター|自治体"
# Phrases that title or name a disclosure document outright.
_TITLE = re.compile(
    r"public[\s-]+sector\s+(?:entity\s+|customer\s+|incentive\s+)?disclosure"
    r"|\bPSD\b\s+(?:form|template|acknowledg)"
    r"|disclosure\s+(?:form\s+|statement\s+|notice\s+)?(?:to|for)\s+(?:an?\s+|the\s+)?"
    rf"(?:{_W}\s+){{0,2}}?(?:public[\s-]+sector|government)"
    r"|government(?:al)?\s+(?:entity\s+|customer\s+)?disclosure"
    # "Partner Incentive Disclosure", "Microsoft Incentive Acknowledgement" as a slide's title
    r"|(?:partner|microsoft)\s+incentives?\s+(?:disclosure|acknowledge?ment)"
    rf"|(?:divulgation|d[ée]claration|notification)\W+(?:{_W}\W+){{0,5}}?secteur\s+public"
    rf"|secteur\s+public\W+(?:{_W}\W+){{0,4}}?(?:divulgation|d[ée]claration)"
    rf"|divulgaci[oó]n\W+(?:{_W}\W+){{0,4}}?sector\s+p[uú]blico"
    rf"|(?:{_JA_PUBLIC}).{{0,20}}?開示"
    rf"|開示.{{0,20}}?(?:{_JA_PUBLIC})",
    re.IGNORECASE,
)
# Words that, in the same sentence as the title phrase, make it a mention of a disclosure
# that is elsewhere, later or not needed ("PSD form pending signature", "Public Sector
# Disclosure: N/A"), not the disclosure itself.
_NOT_THERE = (
    r"\b(?:to|will|shall)\s+be\s+(?:signed|provided|uploaded|sent|submitted|completed"
    r"|obtained|collected)"
    r"|\bpending\b|\b(?:will|to)\s+follow|\bN/A\b|not\s+applicable|\bnot\s+(?:yet\s+)?"
    r"(?:required|needed|signed|provided|received|available|attached|included)"
    r"|\b(?:would|will|did|does|could|has|have)\s*n(?:o|['’])t\s+(?:yet\s+)?sign"
    r"|\bseparately\b|\b(?:later|awaiting|outstanding)\b|has\s+been\s+(?:asked|requested)"
    r"|[àa]\s+venir|en\s+attente|sans\s+objet|non\s+applicable|s[ée]par[ée]ment"
    r"|ult[ée]rieurement|後日|別途|未署名|署名待ち|予定|該当なし|対象外"
    r"|\b(?:declined|refused|missing|once\s+signed)\b|\bTB[CD]\b|\bsee\s+(?:the\s+)?attach"
    r"|\bno\s+(?:signed\s+)?(?:public[\s-]+sector|PSD\b)"
    r"|refus|manquant|non\s+(?:sign|fourni|re[çc]u)|未提出|未回収|依頼中"
)
# ... or that it is a topic: a checklist's item or empty box ("☐ Public Sector Disclosure"),
# an agenda item, "the PSD requirement".
_AGENDA = r"\b(?:overview|agenda|checklist)\b|☐"
_TOPIC = rf"\brequested\b|{_AGENDA}"
_MENTION = re.compile(rf"{_NOT_THERE}|{_TOPIC}|\brequirements?\b", re.IGNORECASE)
# A blank form's placeholders ("[Partner name] discloses to [Customer name]", "_____"),
# also in Spanish ("[Nombre del cliente]").
_BLANK_FORM = (
    r"\[[^\]\n]{0,30}\b(?:name|partner|customer|company|entity|nombre|socio|cliente|empresa"
    r"|entidad)\b[^\]\n]{0,30}\]|<\s*(?:partner|customer|company)[^>\n]{0,30}>|\{\{|_{5,}"
)
# Said in the sentence of a statement, these words make it spoken of, not made: a statement
# still to be signed, or signed later, declined, an agenda or checklist item, a request to
# sign, a rule that vendors must disclose, a blank form. Narrower than _MENTION: a real
# statement may say the workshop "will be provided at no cost", is "paid separately" or
# that the City "is not required to pay" or "may refuse the engagement".
_STATEMENT_MENTION = re.compile(
    r"\bpending\b|\b(?:to|will|shall)\s+be\s+(?:signed|uploaded|sent|submitted|countersigned)\b"
    r"|\bnot\s+(?:yet\s+)?(?:been\s+)?signed\b|\bunsigned\b|\bwill\s+sign\b|\bsign\s+and\s+return\b"
    r"|\b(?:would|will|did|does|could|has|have)\s*n(?:o|['’])t\s+(?:yet\s+)?(?:been\s+)?sign"
    r"|\b(?:declined|refused)\s+to\s+sign|\bawaiting\s+(?:the\s+)?(?:[^\W\d_]+\s+)?signature"
    r"|\brequires?\s+(?:every|each|all|any)\s+(?:vendors?|suppliers?|partners?|contractors?)\b"
    r"|\bN/A\b|\bTB[CD]\b|en\s+attente|non\s+sign|未署名|署名待ち|依頼中"
    rf"|{_AGENDA}|{_BLANK_FORM}",
    re.IGNORECASE,
)
# A statement needs a public-sector party (unless the claim's customer is named instead) ...
_PUBLIC = re.compile(
    r"public[\s-]+sector|government(?:al)?\s+(?:entity|agency|body|customer|organi[sz]ation)"
    r"|public\s+(?:official|entity|body|agency|authority)|state[\s-]+owned"
    # Letters name themselves: "a Government of India undertaking", "a state agency",
    # "the Municipality" (the claim's "Municipio Autónomo de Caguas").
    rf"|government\s+of\s+{_W}|\b(?:state|federal|county|city)\s+(?:agency|department|government)"
    r"|\bmunicipal(?:ity|idad)?\b|\bmunicipio\b|public\s+sector\s+undertaking"
    r"|secteur\s+public|(?:entit[ée]|organisme|[ée]tablissement)\s+publi[cq]|fonctionnaire"
    rf"|collectivit[ée]\s+territoriale|administration\s+publique|{_JA_PUBLIC}|公務員"
    # Puerto Rico's Spanish: "sector público", "entidad gubernamental", "agencia estatal".
    r"|sector\s+p[uú]blico|(?:entidad|agencia|organismo|instituci[oó]n)\s+(?:gubernamental"
    r"|p[uú]blic[ao]|estatal|federal)|gobierno\s+(?:de|municipal|estatal|federal)\b",
    re.IGNORECASE,
)
# ... a word that discloses it, informs of it or acknowledges it ...
_DISCLOSE = re.compile(
    # "inform" the verb, not a report's "Information" (or an "Office of Information Systems").
    r"disclos|divulg|acknowledg|\binform(?!ation)|notif|transparen|\bavis\b|reconna[iî]"
    r"|\bunderstands?\b|\bagrees?\b|\baware\b|\bconfirms?\b|\bd[ée]clar"
    r"|開示|確認|通知|告知",
    re.IGNORECASE,
)
# ... and what is disclosed: the partner's incentive from Microsoft. "Incentive" says it on
# its own; a payment, fee or funding only when Microsoft pays it (not "payment card data").
_INCENTIVE = re.compile(r"incentive|incitati|インセンティブ", re.IGNORECASE)
# Incentives that are not the partner's: staff schemes, tax breaks, residents' rebates, a
# product's ("Microsoft Viva incentives" are an HR feature). Matched on the words just before.
_OTHER_INCENTIVE = re.compile(
    r"\b(?:employees?|staff|workforce|workers?|personnel|tax|fiscal|viva|hr|recognition"
    r"|wellness|well-?being|retention|loyalty|attendance|energy|efficiency|rebate"
    r"|homeowners?|residents?|citizens?|students?)"
    r"(?:['’]s?)?\s+(?:[^\W\d_]+\s+)?$",
    re.IGNORECASE,
)
# ... and the words after: who receives it, or a French qualifier ("incitations fiscales").
_OTHER_BENEFICIARY = re.compile(
    r"\w*\W+(?:[^\W\d_]+\W+){0,4}?(?:to|for|available\s+to|aux?)\s+(?:its\s+|the\s+|all\s+"
    r"|local\s+|their\s+|les\s+)?(?:staff|employees|workers|residents|homeowners|citizens"
    r"|students|teachers|taxpayers|households|farmers|salari[ée]s|habitants|citoyens)\b"
    r"|\w*\s+(?:fiscales?|salariales?)\b",
    re.IGNORECASE,
)
_PAYMENT = re.compile(
    r"payment|funding|\bfunds\b|\bfees?\b|compensation|remuneration|paiement|r[ée]mun[ée]ration"
    r"|financement|\bvers[ée]"
    r"|報酬|支払|対価",
    re.IGNORECASE,
)
_MICROSOFT = re.compile(r"microsoft|マイクロソフト", re.IGNORECASE)
# A payment is Microsoft's when it comes from Microsoft ("an incentive payment from
# Microsoft", "Microsoft's funding"); "permit fees collected through the Microsoft Power
# Pages portal" are not. Japanese has no spaces to count words by: nearness there.
_FROM_MICROSOFT = re.compile(
    r"^\W{0,3}(?:[^\W\d_]+\W+){0,7}?(?:from|by|through|under|via|de|par)\s+"
    r"(?:(?:the|its|la|le)\s+)?(?:soci[ée]t[ée]\s+)?microsoft",
    re.IGNORECASE,
)
# ... but fees "billed by Microsoft" are the customer's to Microsoft.
_TO_MICROSOFT = re.compile(
    r"\b(?:bill|charg|invoic|collect|owed|due|payabl|factur)\w*\s", re.IGNORECASE
)


def _from_microsoft(text: str, end: int) -> bool:
    """Whether the words after text[:end] say it comes from Microsoft."""
    found = _FROM_MICROSOFT.match(text[end : end + 100])
    return found is not None and _TO_MICROSOFT.search(found[0]) is None


# Or Microsoft's words stand before it: "Microsoft's funding", "Microsoft provides FridayINC
# with funding".
_MICROSOFTS = re.compile(
    # up to three words between: "Microsoft Partner Program funding" (not licence fees, below)
    r"microsoft(?:['’]s)?\W+(?:[^\W\d_]+\W+){0,3}$"
    r"|microsoft\s+(?:(?:will|shall|also)\s+)?(?:provides?|gives?|grants?|offers?|awards?)\s+"
    r"(?:[^\W\d_]+\W+){0,4}$",
    re.IGNORECASE,
)
_JA_PAYMENT = re.compile(r"報酬|支払|対価")
# What a customer pays Microsoft for: "Microsoft Copilot Studio licence fees".
_WHAT_CUSTOMERS_PAY = re.compile(
    r"(?i)\b(?:licen[cs]es?|licensing|subscriptions?|seats?|consumption|usage|support|azure)\b"
)


# Letters from customers say it with a verb: "funded by Microsoft", "paid by Microsoft",
# "Microsoft compensates FridayINC". Only Microsoft as the payer counts: "the City pays for
# its Microsoft licences" is not a disclosure, nor is "Microsoft Finance" (Dynamics 365).
_PAID_BY_MICROSOFT = re.compile(
    r"\b(?:paid|funded|compensated|financed|reimbursed|sponsored|remunerated)\s+"
    r"(?:(?:directly|solely|entirely|fully|in\s+full)\s+)?by\s+microsoft"
    r"|\bmicrosoft[\s-]+(?:funded|sponsored|paid)\b"
    r"|\bmicrosoft\s+(?:corporation\s+|corp\.?\s+)?"
    r"(?:(?:will|shall|is\s+to|also|may|might|can|could|would)\s+)?"
    r"(?:pays?|funds?|compensates?|reimburses?|remunerates?|finances|sponsors?"
    r"|is\s+(?:paying|funding|compensating|financing|sponsoring))\b"
    r"|\b(?:pay[ée]e?s?|financ[ée]e?s?|r[ée]mun[ée]r[ée]e?s?|rembours[ée]e?s?)\s+par\s+microsoft"
    r"|\bmicrosoft\s+(?:verse|versera|paie|paiera|financera|r[ée]mun[èe]re)\b",
    re.IGNORECASE,
)
# Spanish, which the review does not read (DOMAIN: English, French, Japanese), but in which
# Puerto Rico's customers sign: a disclosure in it is one, to be asked for in a supported
# language, not "no disclosure". The incentive, or Microsoft paying it; not a tax break or a
# scheme for staff or residents.
_ES_INCENTIVE = re.compile(
    r"\bincentivos?\b(?!\s+(?:fiscal|tributari|para\s+(?:los\s+|sus\s+)?(?:emplead|residentes"
    r"|ciudadanos|estudiantes)))"
    r"|\b(?:pagad|financiad|remunerad|compensad)[oa]s?\s+(?:directamente\s+)?por\s+microsoft"
    r"|\bmicrosoft\s+(?:le\s+|les\s+)?(?:paga|pagar[áa]|compensa|compensar[áa]|financia"
    r"|financiar[áa]|remunera|remunerar[áa])\b",
    re.IGNORECASE,
)
_ES_DISCLOSE = re.compile(
    r"divulg|\breconoce|\binforma(?!ci)|notific|\bdeclara|\bconfirma|\bacepta|\bentiende"
    r"|\bconsciente|transparen",
    re.IGNORECASE,
)
# A Spanish statement spoken of, not made: pending, unsigned, to be signed or sent, not
# applicable, "no disclosure". Not a bare "no" or "ninguno": a real one says the Municipio
# "no asume ningún costo".
_ES_STATEMENT_MENTION = re.compile(
    r"\bpendiente|\bsin\s+firmar|\bno\s+(?:ha\s+sido\s+|fue\s+|est[áa]\s+|se\s+ha\s+)?firmad"
    r"|\bse\s+(?:firmar|enviar|entregar)[áa]|\bser[áa]\s+(?:firmad|enviad|entregad)"
    r"|\bfirmar[áa]n?\b|\bfirme\s+y\s+devuelva|\bpor\s+separado|\bno\s+aplica|\brechaz"
    r"|\bning[uú]n[ao]?\s+(?:divulgaci|declaraci|formulario)|\bexige\s+a\s+(?:todos|cada)"
    rf"|\bN/A\b|\bagenda\b|lista\s+de\s+verificaci|☐|{_BLANK_FORM}",
    re.IGNORECASE,
)


def _spanish_incentive_spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _ES_INCENTIVE.finditer(text)]


@dataclass(frozen=True)
class _Words:
    """One language's words for a statement: the incentive, the disclosing, a mere mention."""

    incentive_spans: Callable[[str], list[tuple[int, int]]]
    disclose: re.Pattern[str]
    mention: re.Pattern[str]


# The words that make a page part of a disclosure (its title, the disclosing, the incentive);
# a report's "information" or "public sector" alone do not.
DISCLOSURE_WORDS = re.compile(
    "|".join(
        f"(?:{p.pattern})"
        for p in (
            _TITLE,
            _INCENTIVE,
            _PAID_BY_MICROSOFT,
            _ES_INCENTIVE,
            re.compile("disclos|divulg|開示"),
        )
    ),
    re.IGNORECASE,
)
_NAMED_LIKE_PSD = re.compile(r"psd|disclos|divulg|開示", re.IGNORECASE)
# How far apart (in characters) the terms may be to count as one statement.
NEAR = 250
# A PSD appended to a report may put "Customer:", "Partner:" and "Date:" lines between its
# heading and the statement: look this many segments on from the heading.
FOLLOWING_SEGMENTS = 6


# A disclosure is a page or two; in a longer document the title phrase counts when it heads
# the document or stands next to the disclosure itself (a signed PSD appended to a report),
# not when a report merely mentions that a disclosure was signed.
SHORT_DOCUMENT = 5000
HEADING_CHARS = 300

# A signature with a name after it ("Signed: Jane Doe", "Acknowledged by: ...", "/s/ Jane Doe",
# a table's "Signature" column over a row of names), not a blank line ("Signature: ____").
_SIGNED = re.compile(
    r"(?:\bsigned(?:\s+by)?|\bsignature|\backnowledged(?:\s+and\s+agreed)?(?:\s+by)?"
    r"|\baccepted\s+by|\bsign[ée]e?(?:\s+par)?|\bfirm(?:a|ado)(?:\s+por)?|署名)\s*[:：]\s*[^\W\d_]"
    r"|/s/\s*[^\W\d_]"
    # a table's header row over a row of names, not of blanks
    r"|\bsignature\b[^\n]*\n(?=[^\n]*\t)(?![^\n]*_{3})[^\W\d_]",
    re.IGNORECASE,
)
# A signed acknowledgement may call its signer "the customer" and name the City only in the
# signature: the claim says the customer is the public body.
_THE_CUSTOMER = re.compile(r"\b(?:the|our)\s+customer\b|\bel\s+cliente\b", re.IGNORECASE)

# A local public body by its name, as disclosures write it: the kind before the place ("City
# of Shelbyville", "Municipio Autónomo de Caguas", "Ville de Riverton") or after it ("Maricopa
# County", "Springfield City Council", "Lakewood Unified School District"). Capitals tell where
# the place ends ("the City of Riverton acknowledges"). States and countries are left out:
# a disclosure names them as where the customer is ("the laws of the State of Texas").
_CAP = r"[A-ZÀ-ÖØ-Þ][\w'’.-]*"
_SPACE = r"[ \u00a0]+"  # not a tab: a table's next cell is another name
_PUBLIC_BODY = re.compile(
    r"\b(?i:(?:city|town|village|borough|township|county|parish|municipality)\s+of\s+"
    r"|(?:municipio(?:\s+aut[oó]nomo)?|ciudad|ville|commune)\s+(?:de\s+|d['’]\s*))"
    rf"{_CAP}(?:{_SPACE}{_CAP}){{0,2}}"
    rf"|\b{_CAP}(?:{_SPACE}{_CAP})?{_SPACE}"
    rf"(?i:(?:county|parish|township|borough)\b(?:{_SPACE}(?:council|government|commission)\b)?"
    rf"|(?:city|town){_SPACE}(?:council|government)\b"
    rf"|(?:(?:unified|independent|community|consolidated|public){_SPACE})?school{_SPACE}district\b"
    rf"|public{_SPACE}schools\b)"
)
# Capitalised words a name after its place may start with that are not the place: a title's
# ("Disclosure To Maricopa County") or a sentence's first word.
_NOT_A_PLACE = frozenset(
    {"the", "to", "for", "from", "by", "and", "of", "at", "in", "on", "with", "this", "our", "re",
     "dear", "disclosure", "notice", "statement", "acknowledgement", "acknowledgment", "sector",
     "customer", "partner"}
)  # fmt: skip
# Lines that say whom the disclosure is for or who signs it: "Customer: ...", a form's
# "Public sector customer | ..." or "Organization | ..." row, "To: ...".
_PARTY_LINE = re.compile(
    r"\s*(?:(?:public[\s-]+sector\s+)?(?:customer|client|entity|agency|organi[sz]ation)"
    r"(?:\s+name)?|to|for|attn)\s*[:：\t]",
    re.IGNORECASE,
)
_WORD = re.compile(r"\S+")
# Words that make a body the place where the customer is, not the customer.
_WHERE = re.compile(r"\b(?:in|within|near|across|throughout|serving)\s+(?:the\s+)?$", re.IGNORECASE)
# An acronym the customer may go by in its own letter ("LUSD", "PRDE").
_ACRONYM = re.compile(r"\b[A-Z]{3,}\b")


@dataclass(frozen=True)
class Finding:
    document: DocumentView
    evidence: Evidence
    mention_only: bool = False  # the phrase occurs, but the document is not a disclosure
    offset: int = 0  # where the finding starts in the document's text (segments joined by \n)
    language: str | None = None  # a disclosure in a language the review does not read
    named_instead: NamedBody | None = None  # another public body, where the customer is not named


@dataclass(frozen=True)
class NamedBody:
    """A public body a disclosure names, where it does not name the claim's customer."""

    name: str
    evidence: Evidence
    as_party: bool  # named as the one disclosed to or signing, not only in passing


def _incentive_spans(text: str) -> list[tuple[int, int]]:
    """Where ``text`` speaks of the partner's incentive, or a payment by Microsoft."""
    spans = [
        (m.start(), m.end())
        for m in _INCENTIVE.finditer(text)
        if _from_microsoft(text, m.end())
        or not (
            _OTHER_INCENTIVE.search(text, max(0, m.start() - 40), m.start())
            or _OTHER_BENEFICIARY.match(text, m.end(), m.end() + 80)
        )
    ]
    for payment in _PAYMENT.finditer(text):
        start, end = payment.span()
        if _JA_PAYMENT.fullmatch(payment[0]):
            ours = _MICROSOFT.search(text, max(0, start - 40), end + 40) is not None
        else:
            before = _MICROSOFTS.search(text, max(0, start - 80), start)
            ours = _from_microsoft(text, end) or bool(
                before and not _WHAT_CUSTOMERS_PAY.search(before[0])
            )
        if ours:
            spans.append((start, end))
    spans.extend((m.start(), m.end()) for m in _PAID_BY_MICROSOFT.finditer(text))
    return sorted(spans)


class _Statement(NamedTuple):
    """Where a statement's first words are (start, end), and where its incentive ends."""

    start: int
    end: int
    last: int

    def shifted(self, by: int) -> _Statement:
        return _Statement(self.start + by, self.end + by, self.last + by)


def _statement(
    text: str, party: tuple[re.Pattern[str], ...] | None = None, words: _Words | None = None
) -> _Statement | None:
    """Where a disclosure statement starts in ``text`` (a span of its key words), or None.

    A statement discloses (or acknowledges) the incentive Microsoft pays the partner; with
    ``party`` it must also name a public-sector party or the customer nearby. ``words`` are
    English, French and Japanese ones unless given.
    """
    words = words or SUPPORTED
    for start, end in words.incentive_spans(text):
        lo, hi = max(0, start - NEAR), end + NEAR
        verb = words.disclose.search(text, lo, hi)
        if verb is None or _mention(text, start, end, words.mention):
            continue
        if party is not None and not any(
            p.search(text, max(0, start - 2 * NEAR), end + 2 * NEAR) for p in party
        ):
            continue
        # Point the reviewer at the statement's first words: what is disclosed, or who discloses.
        if verb.start() < start:
            return _Statement(verb.start(), verb.end(), end)
        return _Statement(start, end, end)
    return None


SUPPORTED = _Words(_incentive_spans, _DISCLOSE, _STATEMENT_MENTION)
SPANISH = _Words(_spanish_incentive_spans, _ES_DISCLOSE, _ES_STATEMENT_MENTION)


def _mention(text: str, start: int, end: int, words: re.Pattern[str] = _MENTION) -> bool:
    """Whether the sentence around text[start:end] says the disclosure is elsewhere or moot."""
    left = max(text.rfind(mark, max(0, start - 150), start) for mark in ".!?。\n")
    right = [i for mark in ".!?。\n" if (i := text.find(mark, end, end + 150)) >= 0]
    sentence = text[left + 1 : min(right, default=end + 150)]
    return bool(words.search(sentence))


def _party(customer: CustomerView | None) -> tuple[re.Pattern[str], ...]:
    """A public-sector word, or the claim's customer by name when the claim says it is public."""
    if customer is None or not customer.public_sector or not customer.name.strip():
        return (_PUBLIC,)
    # A pattern of its own: compiled into _PUBLIC's, the name cost milliseconds per claim.
    name = r"\s+".join(re.escape(word) for word in customer.name.split())
    return (_PUBLIC, re.compile(name, re.IGNORECASE))


# psd, completeness, duplicate-poe and poe-sections each ask of every POE document whether
# it is a disclosure; the answer is read once per document and customer in a worker.
_FOUND: dict[tuple, Finding | None] = {}
_FOUND_MAX = 256


def find_disclosure(document: DocumentView, customer: CustomerView | None = None) -> Finding | None:
    """Return where ``document`` reads as a Public Sector Disclosure, or None.

    ``customer`` (the claim's) lets a statement that names a public-sector customer stand
    without a public-sector word.
    """
    key = (
        document.file_name,
        document.sha256,
        document.extraction.reader_version,
        None if customer is None else (customer.name, customer.public_sector),
    )
    if key in _FOUND:
        found = _FOUND[key]
        # The same text and name: only the view object differs (another run of the claim).
        return None if found is None else replace(found, document=document)
    found = _find_disclosure(document, customer)
    if len(_FOUND) >= _FOUND_MAX:
        _FOUND.pop(next(iter(_FOUND)))
    _FOUND[key] = found
    return found


def _find_disclosure(document: DocumentView, customer: CustomerView | None) -> Finding | None:
    segments = document.segments
    starts: list[int] = []
    offset = 0
    for segment in segments:
        starts.append(offset)
        offset += len(segment.text) + 1
    text = "\n".join(s.text for s in segments)

    def at(position: int, length: int, mention_only: bool = False) -> Finding:
        index = bisect_right(starts, position) - 1
        segment, start = segments[index], position - starts[index]
        return Finding(
            document, _evidence(document, segment, start, start + length), mention_only, position
        )

    def disclosure(position: int, length: int, statement: _Statement, region: range) -> Finding:
        """The disclosure at ``position``, with its ``statement`` and its text ``region``."""
        found = at(position, length)
        first = bisect_right(starts, statement.start) - 1
        last = bisect_right(starts, statement.last) - 1
        # The segments of the statement: whom it is made to is named there.
        spoken = range(starts[first], starts[last] + len(segments[last].text))
        body = _named_instead(text, region, spoken, customer)
        if body is None:
            return found
        where, name, as_party = body
        return replace(
            found, named_instead=NamedBody(name, at(where, len(name)).evidence, as_party)
        )

    mention: Finding | None = None
    for index, segment in enumerate(segments):
        for match in _TITLE.finditer(segment.text):
            position = starts[index] + match.start()
            if _mention(segment.text, match.start(), match.end()):
                mention = mention or at(position, len(match[0]), mention_only=True)
                continue
            # The phrase is the disclosure's title only over what a disclosure says: a report
            # titled or headed "Public Sector Disclosure" that only says it was declined, is
            # missing or lists it as a topic is not one. A title heading the document governs
            # the whole page; elsewhere the statement stands before the phrase, or under it past
            # a few field lines.
            if position < HEADING_CHARS:
                stop = min(len(text), position + SHORT_DOCUMENT)
            else:
                after = index + FOLLOWING_SEGMENTS
                stop = starts[after] if after < len(segments) else len(text)
            lo = max(0, position - 2 * NEAR)
            statement = _statement(text[lo:stop])
            if statement is not None:
                return disclosure(position, len(match[0]), statement.shifted(lo), range(lo, stop))
            mention = mention or at(position, len(match[0]), mention_only=True)
    short = len(document.text) <= SHORT_DOCUMENT
    # Where the document is signed: looked for once, if a reading needs it, for both languages.
    signatures = cache(lambda: [(m.start(), m.end()) for m in _SIGNED.finditer(text)])
    found = _untitled_statement(text, starts, signatures, customer, SUPPORTED, short=short)
    if found is not None:
        statement, region = found
        return disclosure(statement.start, statement.end - statement.start, statement, region)
    # Only once no supported-language disclosure is there: a bilingual form is read in English.
    found = _untitled_statement(text, starts, signatures, customer, SPANISH, short=short)
    if found is not None:
        statement, _ = found
        return replace(at(statement.start, statement.end - statement.start), language="Spanish")
    return mention


def _untitled_statement(
    text: str,
    starts: list[int],
    signatures: Callable[[], list[tuple[int, int]]],
    customer: CustomerView | None,
    words: _Words,
    *,
    short: bool,
) -> tuple[_Statement, range] | None:
    """Where a statement stands that needs no title: on a short page, or signed; and the text
    of the disclosure it makes."""
    if short:
        # A page without the title can still be the disclosure: a letter in which the customer
        # acknowledges the incentive, or a notice that tells a public body about it.
        found = _statement(text, _party(customer), words)
        if found is not None:
            return found, range(len(text))
    return _signed_statement(text, starts, signatures, customer, words)


def _signed_statement(
    text: str,
    starts: list[int],
    signatures: Callable[[], list[tuple[int, int]]],
    customer: CustomerView | None,
    words: _Words,
) -> tuple[_Statement, range] | None:
    """Where a signed, untitled statement stands in ``text`` (segments starting at ``starts``,
    ``signatures()`` the spans of its signatures), and the text from it to the signature's end.

    A long report may end with the customer's acknowledgement and its signature, under no
    title: the signature, a few segments under the statement, tells it from a report that
    speaks of the incentive in passing.
    """
    party = (*_party(customer), _THE_CUSTOMER)
    for start, end in signatures():
        index = bisect_right(starts, start) - 1
        lo = starts[max(0, index - FOLLOWING_SEGMENTS)]
        found = _statement(text[lo:end], party, words)
        if found is not None:
            line_end = text.find("\n", end)
            return found.shifted(lo), range(lo, len(text) if line_end < 0 else line_end)
    return None


def _named_instead(
    text: str, region: range, spoken: range, customer: CustomerView | None
) -> tuple[int, str, bool] | None:
    """A public body the disclosure in ``text[region]`` names where it does not name the
    claim's public-sector customer: where, its name, and whether it is named as the party
    (in the statement, ``text[spoken]``, a "Customer:" line or a signature).

    Only names of public bodies count, and only when none of them, no acronym and no spelling
    of the customer's name is there: a disclosure names the customer in its own way
    ("Springfield City Council", "LUSD") and may name others in passing (a county letterhead).
    """
    if customer is None or not customer.public_sector or not customer.name.strip():
        return None
    bodies = list(_public_bodies(text, region))
    if not bodies or any(same_public_body(name, customer.name) for _, name in bodies):
        return None
    if _names_customer(text[region.start : region.stop], customer.name):
        return None
    as_party = [(at, name) for at, name in bodies if _as_party(text, at, spoken)]
    at, name = (as_party or bodies)[0]
    return at, name, bool(as_party)


def _public_bodies(text: str, region: range) -> list[tuple[int, str]]:
    """Where ``text[region]`` names a local public body, and the name as written there."""
    bodies = []
    for match in _PUBLIC_BODY.finditer(text, region.start, region.stop):
        words = [w for w in _WORD.finditer(match[0]) if w[0].casefold() not in _NOT_A_PLACE]
        if not words:
            continue
        start = match.start() + words[0].start()
        name = " ".join(text[start : match.end()].split()).rstrip(".")
        name = name.removesuffix("'s").removesuffix("’s")
        if place_words(name):
            bodies.append((start, name))
    return bodies


def _names_customer(region: str, customer: str) -> bool:
    """Whether ``region`` names ``customer`` in words of its own: every word of its place
    ("Riverton" and "Works" for the City of Riverton Department of Public Works), or its
    acronym."""
    if set(place_words(customer)) <= name_words(region):
        return True
    return any(
        is_acronym_of(word, customer) or alike_as_initials(word, customer)
        for word in _ACRONYM.findall(region)
    )


def _as_party(text: str, at: int, spoken: range) -> bool:
    """Whether the name at ``at`` is in the statement (``text[spoken]``) or on a line that
    says whom the disclosure is for or who signs it; not where the customer is ("the City,
    in Fremont County, acknowledges")."""
    if _WHERE.search(text, max(0, at - 20), at):
        return False
    if at in spoken:
        return True
    # up to the name's first letter: a signature is a label and a name ("Signed: City of ...")
    line = text[text.rfind("\n", 0, at) + 1 : at + 1]
    return _PARTY_LINE.match(line) is not None or _SIGNED.search(line) is not None


def _evidence(document: DocumentView, segment, start: int, end: int) -> Evidence:
    """The matched words with some context, on one line."""
    left = max(0, start - 60)
    snippet = " ".join(segment.text[left : end + 120].split())
    return document.evidence(segment, ("…" if left else "") + snippet)


def _untranslated(who: str, found: list[Finding]) -> Result:
    """The disclosure is there, but in a language the review does not read (DOMAIN): the
    partner is asked for a version in one it does, not for a disclosure."""
    names = "; ".join(
        f"{f.document.file_name} ({f.evidence.location}) is in {f.language}" for f in found
    )
    return Result.failed(
        f"{who}; a Public Sector Disclosure was found, but not in a supported language: {names}. "
        "Ask the partner to upload a version in English, French or Japanese.",
        evidence=[f.evidence for f in found],
    )


def _for_another(who: str, customer: str, found: list[Finding]) -> Result:
    """The disclosures name another public body and not the customer, whom the claim needs
    one from: one made to or signed by that body fails; one that only names it is for the
    reviewer to confirm."""
    bodies = [(f, f.named_instead) for f in found if f.named_instead]
    named = "; ".join(
        f"{f.document.file_name} names {body.name} ({body.evidence.location})" for f, body in bodies
    )
    evidence = [e for f, body in bodies for e in (body.evidence, f.evidence)]
    if any(body.as_party for _, body in bodies):
        return Result.failed(
            f"{who}; the Public Sector Disclosure is made to another public body, not to "
            f"{customer}: {named}. Ask the partner to upload the PSD signed for {customer} "
            "(template: https://aka.ms/MCIEngagementsPSD).",
            evidence=evidence,
        )
    return Result.warning(
        f"{who}; the Public Sector Disclosure does not name {customer}, and names another "
        f"public body: {named}. Confirm that it is the disclosure made to {customer}.",
        evidence=evidence,
    )


def required(claim: ClaimView) -> bool:
    return claim.customer.public_sector and claim.customer.country.upper() in PSD_COUNTRIES


class PublicSectorDisclosure(Check):
    id = "psd"
    version = "11"
    title = "Public Sector Disclosure present"
    description = (
        "A public-sector customer in India, Puerto Rico or the United States needs a Public "
        "Sector Disclosure among the POE documents. It is recognised by what it says (English, "
        "French or Japanese), never by its file name; a document that only mentions one (to "
        "follow, pending, declined, missing, N/A, an agenda or checklist item) is not one: its "
        "title counts only over a statement of the partner's incentive (a staff scheme, a tax "
        "break or a product's incentives are not it; a payment or fee counts when it comes "
        "from Microsoft), and a statement still to be signed, asked to be signed, required of "
        "vendors or left as a blank form is not one. Untitled, a statement counts in a short letter "
        "or, signed, under a long report. A disclosure in Spanish is one, but the partner is asked "
        "for a version in a supported language. A disclosure must be the customer's: one that "
        "names another city, county, municipality or school district and not the customer (in "
        "any spelling: 'Springfield City Council' is the City of Springfield) fails when it is "
        "made to or signed by that body, and warns when it only names it. Other claims skip "
        "this check."
    )
    reads_matches = False

    def applies_to(self, claim: ClaimView) -> bool:
        return required(claim)

    def skip_reason(self, claim: ClaimView) -> str:
        country = COUNTRY_NAMES.get(claim.customer.country.upper(), claim.customer.country)
        if not claim.customer.public_sector:
            return (
                f"Not required: {claim.customer.name} is a commercial customer "
                "(a disclosure is needed only for public-sector customers)."
            )
        return (
            f"Not required: {claim.customer.name} is a public-sector customer in {country}; "
            "a disclosure is needed only in India, Puerto Rico and the United States."
        )

    def run(self, claim: ClaimView, context: CheckContext) -> Result:
        if not required(claim):
            return Result.skipped(self.skip_reason(claim))
        country = COUNTRY_NAMES.get(claim.customer.country.upper(), claim.customer.country)
        who = f"{claim.customer.name} is a public-sector customer in {country}"
        mentions: list[Finding] = []
        untranslated: list[Finding] = []
        for_another: list[Finding] = []
        for document in claim.poe_documents:
            found = find_disclosure(document, claim.customer)
            if found and found.mention_only:
                mentions.append(found)
            elif found and found.language:
                untranslated.append(found)
            elif found and found.named_instead:
                for_another.append(found)
            elif found:
                return Result.passed(
                    f"{who}; the Public Sector Disclosure is {document.file_name} "
                    f"({found.evidence.location}).",
                    evidence=[found.evidence],
                )
        for document in claim.invoices:
            found = find_disclosure(document, claim.customer)
            if found and not found.mention_only:
                return Result.warning(
                    f"{who}; a Public Sector Disclosure was found in {document.file_name}, which "
                    "was uploaded as the invoice: confirm it, and that the invoice is separate.",
                    evidence=[found.evidence],
                )
        if for_another:
            return _for_another(who, claim.customer.name, for_another)
        if untranslated:
            return _untranslated(who, untranslated)
        unreadable = [d for d in claim.poe_documents if not d.readable]
        textless = [d for d in claim.poe_documents if d.readable and not d.text.strip()]
        if unreadable or textless:
            reasons = [f"{d.file_name}: {d.unreadable_reason}" for d in unreadable] + [
                f"{d.file_name}: no readable text (a scan?)" for d in textless
            ]
            return Result.error(
                f"{who} and needs a Public Sector Disclosure; none was found in the readable POE "
                f"documents, and these could not be read: {'; '.join(reasons)}. Open them to "
                "see whether one is the disclosure.",
                evidence=[Evidence(d.file_name, "", r) for d, r in zip(unreadable + textless, reasons, strict=True)],
            )  # fmt: skip
        named = [d for d in claim.poe_documents if _NAMED_LIKE_PSD.search(d.file_name)]
        note = ""
        if named:
            note = (
                f" {', '.join(d.file_name for d in named)} is named like a disclosure, but its "
                "text does not read as one."
            )
        for found in mentions:
            note += (
                f" {found.document.file_name} mentions a disclosure ({found.evidence.location}) "
                "but is not one."
            )
        return Result.failed(
            f"{who}, so a Public Sector Disclosure is required, and none of the POE documents "
            f"({', '.join(d.file_name for d in claim.poe_documents)}) is one.{note} Ask the "
            "partner to upload "
            "the signed PSD (template: https://aka.ms/MCIEngagementsPSD).",
            evidence=[f.evidence for f in mentions]
            + [Evidence(d.file_name, "POE document") for d in claim.poe_documents],
        )

    examples = (
        ExampleCase(
            "commercial customer: not required",
            lambda c: c.view(),
            Status.SKIP,
        ),
        ExampleCase(
            "US public-sector customer with a disclosure",
            lambda c: _disclosed_to(c, "the City of Riverton"),
            Status.PASS,
        ),
        ExampleCase(
            "US public-sector customer with another city's disclosure",
            lambda c: _disclosed_to(c, "the City of Shelbyville"),
            Status.FAIL,
        ),
        ExampleCase(
            "US public-sector customer without one",
            lambda c: c.view(customer={"public_sector": True, "name": "City of Riverton"}),
            Status.FAIL,
        ),
    )


def _disclosed_to(claims, body: str):
    """The City of Riverton's claim with a report and a disclosure made to ``body``."""
    return claims.view(
        customer={"public_sector": True, "name": "City of Riverton"},
        documents=[
            pptx_document("report.pptx", [("Executive Summary", "Workshop delivered.")]),
            docx_document(
                "acknowledgement.docx",
                [
                    "Public Sector Disclosure",
                    f"FridayINC discloses to {body}, a government entity, that Microsoft pays "
                    "FridayINC an incentive for this engagement.",
                ],
            ),
        ],
    )
