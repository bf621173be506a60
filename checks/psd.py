"""A Public Sector Disclosure is among the POE documents where the customer needs one."""

from __future__ import annotations

import re
from dataclasses import dataclass

from workbench.check_api import (
    Check,
    CheckContext,
    ClaimView,
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
# Phrases that title or name a disclosure document outright.
_TITLE = re.compile(
    r"public[\s-]+sector\s+(?:entity\s+|customer\s+)?disclosure"
    r"|\bPSD\b\s+(?:form|template|acknowledg)"
    r"|disclosure\s+(?:form\s+|statement\s+|notice\s+)?(?:to|for)\s+(?:an?\s+|the\s+)?"
    rf"(?:{_W}\s+){{0,2}}?(?:public[\s-]+sector|government)"
    r"|government(?:al)?\s+(?:entity\s+|customer\s+)?disclosure"
    rf"|(?:divulgation|d[ée]claration|notification)\W+(?:{_W}\W+){{0,5}}?secteur\s+public"
    rf"|secteur\s+public\W+(?:{_W}\W+){{0,4}}?(?:divulgation|d[ée]claration)"
    rf"|divulgaci[oó]n\W+(?:{_W}\W+){{0,4}}?sector\s+p[uú]blico"
    r"|(?:公共部門|公共機関|公的機関|官公庁|政府機関|地方公共団体).{0,20}?開示"
    r"|開示.{0,20}?(?:公共部門|公共機関|公的機関|官公庁|政府機関|地方公共団体)",
    re.IGNORECASE,
)
# Otherwise: a public-sector term and a disclosure term close together, in a document
# that also speaks of the incentive or payment being disclosed.
_PUBLIC = re.compile(
    r"public[\s-]+sector|government(?:al)?\s+(?:entity|agency|body|customer|organi[sz]ation)"
    r"|public\s+(?:official|entity|body|agency|authority)|state[\s-]+owned"
    r"|secteur\s+public|(?:entit[ée]|organisme|[ée]tablissement)\s+publi[cq]|fonctionnaire"
    r"|collectivit[ée]\s+territoriale|administration\s+publique"
    r"|公共部門|公共機関|公的機関|官公庁|政府機関|地方公共団体|公務員",
    re.IGNORECASE,
)
_DISCLOSE = re.compile(r"disclos|divulg|開示", re.IGNORECASE)
_PAYMENT = re.compile(
    r"incentive|payment|funding|fee|compensation|incitati|paiement|r[ée]mun[ée]ration"
    r"|financement|インセンティブ|報酬|支払",
    re.IGNORECASE,
)
_NAMED_LIKE_PSD = re.compile(r"psd|disclos|divulg|開示", re.IGNORECASE)
# How far apart (in characters) the two terms may be to count as one statement.
NEAR = 250


# A disclosure is a page or two; in a longer document the title phrase counts when it heads
# the document or stands next to the disclosure itself (a signed PSD appended to a report),
# not when a report merely mentions that a disclosure was signed.
SHORT_DOCUMENT = 5000
HEADING_CHARS = 300


@dataclass(frozen=True)
class Finding:
    document: DocumentView
    evidence: Evidence
    mention_only: bool = False  # the phrase occurs, but the document is not a disclosure


def _states_disclosure(text: str, start: int, end: int) -> bool:
    """Whether a disclosure statement (disclose + payment) stands around text[start:end]."""
    around = text[max(0, start - 2 * NEAR) : start] + " " + text[end : end + 2 * NEAR]
    return bool(_DISCLOSE.search(around) and _PAYMENT.search(around))


def find_disclosure(document: DocumentView) -> Finding | None:
    """Return where ``document`` reads as a Public Sector Disclosure, or None."""
    short = len(document.text) <= SHORT_DOCUMENT
    offset = 0
    mention: Finding | None = None
    segments = document.segments
    for index, segment in enumerate(segments):
        match = _TITLE.search(segment.text)
        if match:
            evidence = _evidence(document, segment, match.start(), match.end())
            heading = offset + match.start() < HEADING_CHARS
            # The statement may follow in the next paragraph, under the heading.
            window = " ".join(s.text for s in segments[index : index + 2])
            if short or heading or _states_disclosure(window, match.start(), match.end()):
                return Finding(document, evidence)
            mention = mention or Finding(document, evidence, mention_only=True)
        offset += len(segment.text) + 1
    if not short or not _PAYMENT.search(document.text):
        return mention
    for index, segment in enumerate(segments):
        # A statement may run over a heading and the paragraph under it.
        window = " ".join(s.text for s in segments[index : index + 2])
        for public in _PUBLIC.finditer(window):
            lo, hi = max(0, public.start() - NEAR), public.end() + NEAR
            if _DISCLOSE.search(window[lo:hi]):
                where, start = segment, public.start()
                if start > len(segment.text):  # the term is in the next segment
                    where, start = segments[index + 1], start - len(segment.text) - 1
                return Finding(document, _evidence(document, where, start, start + len(public[0])))
    return mention


def _evidence(document: DocumentView, segment, start: int, end: int) -> Evidence:
    """The matched words with some context, on one line."""
    left = max(0, start - 60)
    snippet = " ".join(segment.text[left : end + 120].split())
    return document.evidence(segment, ("…" if left else "") + snippet)


def required(claim: ClaimView) -> bool:
    return claim.customer.public_sector and claim.customer.country.upper() in PSD_COUNTRIES


class PublicSectorDisclosure(Check):
    id = "psd"
    version = "1"
    title = "Public Sector Disclosure present"
    description = (
        "A public-sector customer in India, Puerto Rico or the United States needs a Public "
        "Sector Disclosure among the POE documents. It is recognised by what it says (English "
        "or French), never by its file name; other claims skip this check."
    )

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
        for document in claim.poe_documents:
            found = find_disclosure(document)
            if found and found.mention_only:
                mentions.append(found)
            elif found:
                return Result.passed(
                    f"{who}; the Public Sector Disclosure is {document.file_name} "
                    f"({found.evidence.location}).",
                    evidence=[found.evidence],
                )
        for document in claim.invoices:
            found = find_disclosure(document)
            if found and not found.mention_only:
                return Result.warning(
                    f"{who}; a Public Sector Disclosure was found in {document.file_name}, which "
                    "was uploaded as the invoice: confirm it, and that the invoice is separate.",
                    evidence=[found.evidence],
                )
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
            lambda c: c.view(
                customer={"public_sector": True, "name": "City of Riverton"},
                documents=[
                    pptx_document("report.pptx", [("Executive Summary", "Workshop delivered.")]),
                    docx_document(
                        "acknowledgement.docx",
                        [
                            "Public Sector Disclosure",
                            "FridayINC discloses to the City of Riverton, a government entity, "
                            "that Microsoft pays FridayINC an incentive for this engagement.",
                        ],
                    ),
                ],
            ),
            Status.PASS,
        ),
        ExampleCase(
            "US public-sector customer without one",
            lambda c: c.view(customer={"public_sector": True, "name": "City of Riverton"}),
            Status.FAIL,
        ),
    )
