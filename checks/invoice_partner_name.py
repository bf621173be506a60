"""The invoice names the partner company that claims the incentive."""

from __future__ import annotations

import re
import unicodedata

from rapidfuzz import fuzz

from checks._invoice import Line, lines_of, unreadable_invoice
from workbench.check_api import (
    Check,
    CheckContext,
    ClaimView,
    DocumentView,
    Evidence,
    ExampleCase,
    Result,
    Severity,
    Status,
)

# Two names are the same company when their compact forms are this similar (0-100) ...
SAME_NAME = 90
# ... and names shorter than this (compact) must match exactly: one letter matters there.
SHORT_NAME = 8

# Legal forms and filler words that say nothing about who a company is.
LEGAL_WORDS = frozenset(
    ["inc", "incorporated", "ltd", "limited", "llc", "llp", "lp", "plc", "gmbh", "mbh", "ag", "kg", "se", "sa", "sas", "sasu", "sarl", "srl", "spa", "sl", "sau", "bv", "nv", "kk", "co", "corp", "corporation", "company", "cie", "pvt", "pte", "pty", "private", "oy", "ab", "asa", "aps", "ltda", "lda", "ulc", "fz", "fzllc", "fzco", "fze", "fzc", "dmcc", "wll", "bsc", "spc", "the"]
)  # fmt: skip
_CJK_LEGAL = ("株式会社", "有限会社", "合同会社", "(株)", "(有)")
# Letters OCR confuses, mapped to one of each group.
_OCR = str.maketrans({"0": "o", "1": "l", "i": "l", "|": "l", "5": "s", "8": "b"})
# Words that mark a company name in running text.
_NAME_BEFORE_MARK = re.compile(
    r"(?:^|[:|>]\s*|\b(?:to|by|from|for)\s+)"
    r"(?P<name>[A-ZÀ-Þ0-9][\w&'’.,\- ]{1,60}?\s(?=\S)(?:Inc\.?|Incorporated|LLC|L\.L\.C\.|LLP|Ltd\.?|Limited|"
    r"PLC|GmbH|AG|S\.?A\.?S?|SARL|S\.r\.l\.|S\.p\.A\.|SRL|SpA|B\.?V\.?|N\.V\.|K\.K\.|Co\.,? Ltd\.?|Corp\.?|"
    r"Corporation|Pvt\.? Ltd\.?|Pty\.? Ltd\.?|Pte\.? Ltd\.?|Private Limited|Ltda\.?|FZ-LLC|FZE|Group))(?![\w])"
)


def normalise_company(name: str) -> list[str]:
    """The words of a company name: no case, accents, punctuation or legal forms."""
    text = unicodedata.normalize("NFKC", name)
    for form in _CJK_LEGAL:
        text = text.replace(form, " ")
    text = "".join(
        ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch)
    )
    text = text.casefold().replace("&", " and ")
    text = re.sub(r"(?<=\b\w)\.(?=\w\b)", "", text)  # "s.a." -> "sa", "k.k." -> "kk"
    text = re.sub(r"[.'’`]", "", text)
    words = re.sub(r"[^\w]+", " ", text).split()
    kept = [w for w in words if w not in LEGAL_WORDS]
    return kept if kept else words


def _ocr(text: str) -> str:
    return text.translate(_OCR).replace("rn", "m").replace("vv", "w")


# Legal forms glued to the name ("FridayINC"), as _key sees them.
_GLUED = tuple(
    _ocr(s) for s in ("incorporated", "corporation", "limited", "gmbh", "corp", "inc", "ltd", "llc")
)


def _key(words: list[str]) -> str:
    """The compact form names are compared on: no spaces, OCR look-alikes merged."""
    text = _ocr("".join(words))
    for suffix in _GLUED:
        if text.endswith(suffix) and len(text) - len(suffix) >= 3:
            return text[: -len(suffix)]
    return text


def name_score(partner_words: list[str], line_words: list[str]) -> tuple[float, int, int]:
    """How well some run of ``line_words`` spells the partner's name (0-100), and where."""
    target = _key(partner_words)
    if not target or not line_words:
        return 0.0, 0, 0
    best = (0.0, 0, 0)
    size = len(partner_words)
    for length in range(max(1, size - 1), size + 2):
        for start in range(0, len(line_words) - length + 1):
            window = _key(line_words[start : start + length])
            if not window:
                continue
            if window == target:
                return 100.0, start, start + length
            if len(target) < SHORT_NAME:
                continue
            score = fuzz.ratio(target, window)
            if score > best[0]:
                best = (score, start, start + length)
    return best


class InvoicePartnerName(Check):
    id = "invoice-partner-name"
    version = "1"
    title = "Invoice names the partner"
    description = (
        "The invoice names the partner company of the claim. Case, accents, punctuation, legal "
        "forms (Inc, Ltd, GmbH, S.A., K.K. ...) and small misreadings are tolerated; another "
        "company's name is not."
    )
    severity = Severity.BLOCKING

    def run(self, claim: ClaimView, context: CheckContext) -> list[Result]:
        if not claim.invoices:
            return [Result.skipped("No invoice uploaded (the completeness check reports it).")]
        return [_check_invoice(document, claim.partner.name) for document in claim.invoices]

    examples = (
        ExampleCase(
            "partner named with its legal form",
            lambda claims: _example(claims, "FRIDAYINC, Inc."),
            Status.PASS,
        ),
        ExampleCase(
            "invoice issued by another company",
            lambda claims: _example(claims, "Desert Stack Technologies LLC"),
            Status.FAIL,
        ),
    )


def _example(claims, issuer):
    from workbench.testing import docx_document, invoice_docx

    invoice = invoice_docx(
        [issuer, "INVOICE INV-2026-001", "Claim ID: 3000001", "Bill to: Microsoft Corporation"]
    )
    report = docx_document("report.docx", ["Workshop report for Contoso Ltd"])
    return claims.view(documents=[invoice, report])


def _check_invoice(document: DocumentView, partner: str) -> Result:
    name = document.file_name
    refused = unreadable_invoice(document, f"look for {partner}")
    if refused is not None:
        return refused
    lines = lines_of(document.segments)
    partner_words = normalise_company(partner)
    best: tuple[float, Line | None] = (0.0, None)
    for line in lines:
        score, _start, _end = name_score(partner_words, normalise_company(line.text))
        if score >= SAME_NAME:
            how = "" if score == 100 else f" (a {score:.0f}% match)"
            return Result.passed(
                f"The invoice names the partner {partner}{how}.",
                [Evidence(name, line.location, line.excerpt)],
            )
        if score > best[0]:
            best = (score, line)
    seen = company_names(lines)
    message = f"The invoice does not name the partner {partner}"
    evidence = [Evidence(name, line.location, line.excerpt) for _company, line in seen[:5]]
    if seen:
        message += "; companies named on it: " + ", ".join(company for company, _line in seen[:6])
    if best[1] is not None and best[0] >= 75 and all(best[1] is not line for _c, line in seen[:5]):
        message += f"; closest text: “{best[1].excerpt[:80]}” ({best[0]:.0f}% alike)"
        evidence.append(Evidence(name, best[1].location, best[1].excerpt))
    return Result.failed(message + ".", evidence or [Evidence(name, "", "")])


def company_names(lines: list[Line]) -> list[tuple[str, Line]]:
    """Company-like names on the invoice (with a legal form), and the first line (the issuer)."""
    found: dict[str, tuple[str, Line]] = {}
    first = next((line for line in lines if re.search(r"[^\W\d_]{2}", line.text)), None)
    for line in lines:
        for cell in line.text.split("\t"):
            for match in _NAME_BEFORE_MARK.finditer(cell.strip()):
                company = " ".join(match.group("name").split()).strip(" ,")
                company = re.sub(
                    r"^(?:bill(?:ed)?\s+to|sold\s+by|customer|client|issued\s+by)\s*:?\s*",
                    "",
                    company,
                    flags=re.I,
                )
                key = " ".join(normalise_company(company))
                if key and key not in found:
                    found[key] = (company, line)
    names = list(found.values())
    if first is not None:
        issuer = " ".join(first.text.split())[:80]
        key = " ".join(normalise_company(issuer))
        if (
            key
            and key not in found
            and issuer.casefold() not in ("invoice", "facture", "rechnung", "請求書")
        ):
            names.insert(0, (issuer, first))
    return names
