"""Each completed survey's e-signature has a full name, a company name and a title."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from rapidfuzz import fuzz

from checks._parties import LEGAL_SUFFIXES, company_similarity, contains_company, normalise_company
from workbench.check_api import (
    Check,
    CheckContext,
    ClaimView,
    Evidence,
    ExampleCase,
    Result,
    Status,
    SurveyView,
)

# People separate the three parts with commas mostly, but also these.
_SEPARATORS = re.compile(r"\s*(?:[,;|/\n\t、，；｜／]|\s[-–—]\s)\s*")
_TITLE_WORDS = re.compile(
    r"\b(?:manager|director|head|lead|leader|officer|chief|president|vp|svp|evp|vice|ceo|cto"
    r"|cio|cfo|coo|ciso|cdo|cmo|administrator|admin|engineer|architect|consultant|analyst"
    r"|specialist|coordinator|supervisor|owner|founder|partner|principal|executive|developer"
    r"|advisor|adviser|associate|assistant|secretary|treasurer|superintendent|commissioner"
    r"|chair|chairman|chairperson|dean|professor|mayor|clerk|representative|technician"
    r"|strategist|controller|accountant|evangelist|administrateur|administratrice|directeur"
    r"|directrice|responsable|chef|g[ée]rante?|ing[ée]nieure?|consultante|pr[ée]sidente?"
    r"|adjointe?|charg[ée]e?|dsi|dg|pdg|associ[ée]e?|architecte|analyste|technicienne?"
    r"|secr[ée]taire|maire)\b"
    r"|部長|課長|係長|主任|社長|取締役|代表|室長|本部長|マネージャー|マネジャー|リーダー|担当"
    r"|責任者|所長|次長|エンジニア|コンサルタント|役員|理事|局長|部門長|店長|専務|常務|会長",
    re.IGNORECASE,
)
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_CJK_LEGAL = re.compile(r"株式会社|有限会社|合同会社|（株）|\(株\)")
# Company names this close (0-100) are the same company typed differently.
SAME_COMPANY = 85
SAME_PERSON = 90

CONSEQUENCE = {
    "customer": "an incomplete customer signature may get the claim rejected",
    "partner": "ask the partner to retake the partner survey",
}


@dataclass(frozen=True)
class Signature:
    """The parts of an e-signature as typed; None for a part that is not there."""

    name: str | None
    company: str | None
    title: str | None
    parts: tuple[str, ...]
    ambiguous: str | None = None  # a part that may be the company or the title


def _words(text: str) -> list[str]:
    return [w for w in re.split(r"[\s\u3000]+", text.strip()) if w]


def _is_suffix_only(part: str) -> bool:
    words = re.sub(r"[.'’]", "", part).casefold().split()
    return bool(words) and all(w in LEGAL_SUFFIXES for w in words)


def _company_pattern(company: str) -> re.Pattern[str] | None:
    """A pattern finding ``company`` inside a longer string, legal suffixes included."""
    words = normalise_company(company).split()
    if not words:
        return None
    forms = sorted(LEGAL_SUFFIXES, key=len, reverse=True)
    dotted = "|".join(r"\.?".join(re.escape(ch) for ch in form) for form in forms)  # S.p.A.
    suffix = rf"(?:[\s,]*(?:{dotted})\b\.?)*"
    if _CJK.search(company):
        core = re.escape("".join(words))
        return re.compile(
            rf"(?:株式会社|有限会社|合同会社)?\s*{core}\s*(?:株式会社|有限会社|合同会社)?"
        )
    core = r"\W+".join(re.escape(w) for w in words)
    return re.compile(rf"\b{core}\b{suffix}", re.IGNORECASE)


def _split_on_company(parts: list[str], company: str | None) -> list[str]:
    """Cut "Susie Jones Contoso Ltd IT Administrator" around the company it names."""
    pattern = _company_pattern(company) if company else None
    if pattern is None:
        return parts
    out: list[str] = []
    for part in parts:
        match = pattern.search(part)
        if match and match.group(0).strip() != part.strip():
            pieces = [part[: match.start()], match.group(0), part[match.end() :]]
            out.extend(p.strip(" ,.-") for p in pieces if p.strip(" ,.-"))
        else:
            out.append(part)
    return out


def _is_expected(part: str, expected: str | None) -> bool:
    return bool(expected) and (
        company_similarity(part, expected) >= SAME_COMPANY or contains_company(part, expected)
    )


_LEGAL_FORMS = LEGAL_SUFFIXES - {"the", "and", "et", "und", "group", "company", "private"}


def _has_legal_form(part: str) -> bool:
    words = re.sub(r"[.'’]", "", part).casefold().split()
    return any(w in _LEGAL_FORMS for w in words) or bool(_CJK_LEGAL.search(part))


def parse_signature(text: str, expected_company: str | None = None) -> Signature:
    """Split an e-signature into name, company and title.

    The usual order is "name, company, title"; a part that is plainly the expected company
    or plainly a job title is placed by what it says, whatever its position.
    """
    merged: list[str] = []
    for part in _SEPARATORS.split(text.strip()):
        part = part.strip()
        if not part:
            continue
        if merged and _is_suffix_only(part):  # "Contoso, Inc." is one company
            merged[-1] = f"{merged[-1]}, {part}"
        else:
            merged.append(part)
    parts = _split_on_company(merged, expected_company)
    company_i = next((i for i, p in enumerate(parts) if _is_expected(p, expected_company)), None)
    if company_i is None:
        company_i = next((i for i, p in enumerate(parts) if i > 0 and _has_legal_form(p)), None)
    title_i = next(
        (i for i in reversed(range(len(parts))) if i != company_i and _TITLE_WORDS.search(parts[i])),
        None,
    )  # fmt: skip
    rest = [i for i in range(len(parts)) if i not in (company_i, title_i)]
    name_i = rest.pop(0) if rest else None
    ambiguous = None
    if company_i is None and rest:
        if title_i is not None or len(rest) >= 2:
            company_i = rest.pop(0)
        else:  # "Susie Jones, Fabrikam": a company or a title, nobody can tell
            ambiguous = parts[rest.pop(0)]
    title_parts = sorted(rest + ([title_i] if title_i is not None else []))
    return Signature(
        name=parts[name_i] if name_i is not None else None,
        company=parts[company_i] if company_i is not None else None,
        title=", ".join(parts[i] for i in title_parts) if title_parts else None,
        parts=tuple(parts),
        ambiguous=ambiguous,
    )


def _full_name(name: str) -> bool:
    if re.search(r"[\d@]", name):
        return False
    if _CJK.search(name):  # Japanese names are often written without a space
        return len(re.sub(r"\s", "", name)) >= 2
    return len([w for w in _words(name) if any(ch.isalpha() for ch in w)]) >= 2


def missing_parts(signature: Signature) -> list[str]:
    """What a reviewer would ask for, in words."""
    missing = []
    if signature.name is None:
        missing.append("the full name")
    elif not _full_name(signature.name):
        missing.append(f"a full name ('{signature.name}' is not a first and last name)")
    if signature.ambiguous is not None:
        missing.append(
            f"the company name or the title (only '{signature.ambiguous}' follows the name)"
        )
    else:
        if signature.company is None:
            missing.append("the company name")
        if signature.title is None:
            missing.append("the title")
    return missing


def _different_scripts(a: str, b: str) -> bool:
    return bool(_CJK.search(a)) != bool(_CJK.search(b)) and not (
        _LATIN.search(a) and _LATIN.search(b)
    )


def _person(name: str | None) -> str:
    if not name:
        return ""
    text = "".join(
        ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch)
    ).casefold()
    return " ".join(sorted(re.sub(r"[^\w\s]", " ", text).split()))


def same_person(a: str | None, b: str | None) -> bool:
    left, right = _person(a), _person(b)
    return bool(left and right) and fuzz.ratio(left, right) >= SAME_PERSON


class SurveySignature(Check):
    id = "survey-signature"
    version = "1"
    title = "Survey e-signatures complete"
    description = (
        "The last answer of each completed survey is the respondent's e-signature: a full name "
        "(two words or more), a company name and a title. The company is compared with the "
        "claim's customer (customer survey) or partner (partner survey), and one person signing "
        "both surveys is flagged."
    )

    def run(self, claim: ClaimView, context: CheckContext) -> list[Result]:
        results: list[Result] = []
        parsed: dict[str, Signature] = {}
        for role, expected in (("customer", claim.customer.name), ("partner", claim.partner.name)):
            survey = claim.survey(role)
            if survey is None or not survey.completed:
                state = "missing" if survey is None else survey.status.replace("_", " ")
                results.append(
                    Result.skipped(
                        f"The {role} survey is not completed ({state}): no signature to check "
                        "(the completeness check covers missing surveys)."
                    )
                )
                continue
            result, signature = self._check_one(claim, role, expected, survey)
            results.append(result)
            if signature is not None:
                parsed[role] = signature
        results.extend(self._same_people(claim, parsed))
        return results

    def _check_one(
        self, claim: ClaimView, role: str, expected: str, survey: SurveyView
    ) -> tuple[Result, Signature | None]:
        label = f"{role.capitalize()} survey"
        text = (survey.signature or "").strip()
        if not text:
            return (
                Result.failed(
                    f"{label} is completed but its e-signature (full name, company name, title) "
                    f"is empty; {CONSEQUENCE[role]}.",
                    evidence=[_evidence(role, "(empty)")],
                ),
                None,
            )
        signature = parse_signature(text, expected)
        missing = missing_parts(signature)
        if missing:
            return (
                Result.failed(
                    f"{label} e-signature '{text}' lacks {_join(missing)}; {CONSEQUENCE[role]}.",
                    evidence=[_evidence(role, text)],
                ),
                signature,
            )
        company = signature.company or ""
        described = (
            f"{label} signed by {signature.name} ({signature.title}) for {company.rstrip('.')}"
        )
        if role == "customer" and company_similarity(company, claim.partner.name) >= SAME_COMPANY:
            return (
                Result.warning(
                    f"{described}: that is the partner, not the customer {expected}. Was the "
                    "customer survey filled in by the partner?",
                    evidence=[_evidence(role, text)],
                ),
                signature,
            )
        if company_similarity(company, expected) >= SAME_COMPANY or contains_company(
            company, expected
        ):
            return Result.passed(f"{described}.", evidence=[_evidence(role, text)]), signature
        if _different_scripts(company, expected):
            return (
                Result.passed(
                    f"{described}; the claim's {role} is {expected} (different scripts: compare "
                    "by eye).",
                    evidence=[_evidence(role, text)],
                ),
                signature,
            )
        return (
            Result.warning(
                f"{described}, but the claim's {role} is {expected}: confirm the signer works for "
                f"the {role}.",
                evidence=[_evidence(role, text)],
            ),
            signature,
        )

    def _same_people(self, claim: ClaimView, parsed: dict[str, Signature]) -> list[Result]:
        customer, partner = parsed.get("customer"), parsed.get("partner")
        found = []
        if customer and partner and same_person(customer.name, partner.name):
            found.append(
                Result.warning(
                    f"The same person, {customer.name}, signed both the customer and the partner "
                    "survey: the customer survey must be answered by the customer.",
                    evidence=[
                        _evidence("customer", claim.survey("customer").signature or ""),
                        _evidence("partner", claim.survey("partner").signature or ""),
                    ],
                )
            )
        elif customer and same_person(customer.name, claim.partner.contact_name):
            found.append(
                Result.warning(
                    f"The customer survey is signed by {customer.name}, the partner's contact "
                    f"on this claim ({claim.partner.name}).",
                    evidence=[
                        _evidence("customer", claim.survey("customer").signature or ""),
                        Evidence(
                            "claim record", "partner contact", claim.partner.contact_name or ""
                        ),
                    ],
                )
            )
        return found

    examples = (
        ExampleCase("both signatures complete", lambda c: c.view(), Status.PASS),
        ExampleCase(
            "customer signature without a title",
            lambda c: c.view(
                surveys={
                    "customer": {"status": "completed", "signature": "Susie Jones, Contoso Ltd"},
                    "partner": {"status": "completed", "signature": "Priya Kaur, FridayINC, Lead"},
                }
            ),
            Status.FAIL,
        ),
        ExampleCase(
            "partner signed both surveys",
            lambda c: c.view(
                surveys={
                    "customer": {
                        "status": "completed",
                        "signature": "Priya Kaur, Contoso Ltd, Delivery Lead",
                    },
                    "partner": {
                        "status": "completed",
                        "signature": "Priya Kaur, FridayINC, Delivery Lead",
                    },
                }
            ),
            Status.WARN,
        ),
    )


def _evidence(role: str, signature: str) -> Evidence:
    return Evidence(f"{role} survey", "e-signature (last question)", signature)


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]
