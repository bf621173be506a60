"""The invoice shows the engagement claim ID it is for."""

from __future__ import annotations

import re

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

# "Claim ID: 3100001", "Claim #3100001", "N° de demande : 3100001", "クレームID: 3100001"
_LABEL = re.compile(
    r"(?i)(?:\b(?:engagement\s+)?claim\s*(?:id|no\.?|nr\.?|number|num\.?|#|n°|ref(?:erence)?)?"
    r"|\bn[°o]\s*(?:de\s+)?(?:la\s+)?(?:demande|r[ée]clamation)|\bid(?:entifiant)?\s+de\s+(?:la\s+)?demande"
    r"|クレーム\s*(?:id|番号)?|申請\s*(?:id|番号)|請求\s*id)"
    r"[\s:：#.\-–]*$"
)
_LABELLED_VALUE = re.compile(
    r"(?i)(?:\b(?:engagement\s+)?claim\s*(?:id|no\.?|nr\.?|number|num\.?|#|n°|ref(?:erence)?)"
    r"|\bn[°o]\s*(?:de\s+)?(?:la\s+)?(?:demande|r[ée]clamation)|クレーム\s*(?:id|番号)|申請\s*(?:id|番号))"
    r"[\s:：#.\-–]*(?P<value>(?:\d ){4,}\d(?! \d)"
    r"|[A-Z]{0,4}[-\s]?\d[\w\-]*(?:[ ,.]\d{3}(?![\w\-]))*(?:\.\d+(?![\w\-]))?)"
)

# What a number is when an invoice's contact, payment or company details label it: a phone,
# an account, a registration. The label, then only that number's pieces (digit groups, short
# capitals as in "NL91 ABNA", brackets, dots, dashes) up to the digits found: "Tel: 020-",
# "Fax +31 (0)20 ", "IBAN NL91 ABNA ", "VAT reg no. GB ". An international phone number
# ("+31 20 ...") needs no label. Words that also name products ("Frontline Mobile") count
# only as a label, with a colon or a point after them.
_OTHER_NUMBER = re.compile(
    r"(?:(?:(?i:\b(?:tel(?:ephone)?|t[ée]l[ée]phone|phone|fax|account|acct|a/c|konto"
    r"|compte|routing|sort\s*code|swift|iban|tax\s*id|reg(?:istration)?|company\s+(?:no|number)"
    r"|ust-?id(?:nr)?|p\.?\s?iva|(?:mobile|mob|cell|bank)(?=\s*[:.])))"
    r"|\b(?:BIC|VAT|TVA|EIN|TIN|ABN|GST(?:IN)?|SIRET|SIREN|KvK|KVK|DUNS))\b"
    r"[^\w\n]*(?:(?i:no|nr|number|num)\b\.?[^\w\n]*)?|電話[^\w\n]*|(?<!\w)\+(?=\d))"
    r"(?:(?!REF\b)[A-Z0-9]{1,6}[ \-./()+]{1,3})*$"
)


class InvoiceClaimId(Check):
    id = "invoice-claim-id"
    version = "7"
    title = "Invoice shows the claim ID"
    description = (
        "The invoice shows this claim's engagement claim ID, as a number of its own (not part of "
        "a longer number), labelled or not, its digits together, in groups of three "
        "(3 100 001; 3,100,001 where labelled as the claim ID) or one by one (3 1 0 0 0 0 1), "
        "and not the end of a phone, bank account or registration number (Tel: 020-3100001); "
        "labelled, also as a decimal number (3100001.0); the evidence says where."
    )
    severity = Severity.BLOCKING
    reads_matches = False

    def run(self, claim: ClaimView, context: CheckContext) -> list[Result]:
        if not claim.invoices:
            return [Result.skipped("No invoice uploaded (the completeness check reports it).")]
        return [_check_invoice(document, claim.claim_id) for document in claim.invoices]

    examples = (
        ExampleCase(
            "claim ID labelled on the invoice",
            lambda claims: _example(claims, "Claim ID: 3000001"),
            Status.PASS,
        ),
        ExampleCase(
            "no claim ID", lambda claims: _example(claims, "Reference: workshop"), Status.FAIL
        ),
        ExampleCase(
            "claim ID only inside a longer number",
            lambda claims: _example(claims, "Order 930000012"),
            Status.FAIL,
        ),
    )


def _example(claims, line):
    from workbench.testing import docx_document, invoice_docx

    invoice = invoice_docx(["INVOICE INV-2026-001", line, "FridayINC Inc."])
    report = docx_document("report.docx", ["Workshop report for Contoso Ltd"])
    return claims.view(documents=[invoice, report])


def _occurrences(claim_id: str) -> re.Pattern[str]:
    """The claim ID standing alone: not inside a longer number, an amount or a date.

    A numeric ID may be written in groups of three digits ("3 100 001"), as people
    write long numbers; grouped, it must not continue another group ("12 3 100 001").
    A PDF that places each digit on its own (a form's one-box-per-digit field, spaced
    lettering) reads as "3 1 0 0 0 0 1": that too, where no other spaced digit adjoins it.
    """
    written = re.escape(claim_id)
    grouped = _in_groups(claim_id)
    if grouped:
        alternatives = (
            written,
            rf"(?<!\d[ ,.])(?:{grouped})(?![ ,.]\d)",
            rf"(?<!\d )(?:{' '.join(claim_id)})(?! \d)",
        )
        written = f"(?:{'|'.join(alternatives)})"
    # "3100001.0": the ID gone through a spreadsheet as a decimal number. With its point it
    # reads as an amount, so it counts only where labelled (see _check_invoice).
    return re.compile(rf"(?<!\d)(?<!\d[.,]){written}(?:\.0+(?!\d))?(?!\d)(?![.,]\d)")


def _in_groups(claim_id: str) -> str:
    """A pattern for the digits of ``claim_id`` in groups of three from the right, or ""."""
    if not claim_id.isdigit() or len(claim_id) <= 4:
        return ""
    head = len(claim_id) % 3 or 3
    groups = [claim_id[:head]] + [claim_id[i : i + 3] for i in range(head, len(claim_id), 3)]
    # Spaces (the reader turned no-break spaces into spaces), or one of "," and "." throughout.
    return "|".join(re.escape(sep).join(groups) for sep in (" ", ",", "."))


def _labelled(line: Line, start: int) -> bool:
    """Whether the text just before ``start`` (or the cell to its left) labels a claim ID."""
    before = line.text[:start]
    if _LABEL.search(before[-40:]):
        return True
    cells = before.split("\t")
    return len(cells) > 1 and not cells[-1].strip() and bool(_LABEL.search(cells[-2][-40:]))


def _inside_other_number(line: Line, start: int) -> bool:
    """Whether the digits at ``start`` end a phone, account or registration number."""
    return bool(_OTHER_NUMBER.search(line.text[max(0, start - 60) : start]))


def _check_invoice(document: DocumentView, claim_id: str) -> Result:
    name = document.file_name
    refused = unreadable_invoice(document, f"look for claim ID {claim_id}")
    if refused is not None:
        return refused
    lines = lines_of(document.segments)
    pattern = _occurrences(claim_id)
    found: list[tuple[bool, Line, int, int]] = []
    inside: list[tuple[Line, int, int]] = []
    for line in lines:
        for match in pattern.finditer(line.text):
            labelled = _labelled(line, match.start())
            if not labelled and _inside_other_number(line, match.start()):
                # "Tel: 020-3100001", "IBAN NL91 ABNA 3100001 00": the same digits, but the
                # end of the partner's phone or account number, not the claim ID.
                inside.append((line, match.start(), len(match.group())))
                continue
            # Grouped with commas or dots it is written as amounts are ("JPY 3,000,001"):
            # the claim ID only where a label says so.
            if labelled or not re.search(r"[.,]", match.group()):
                found.append((labelled, line, match.start(), len(match.group())))
    if found:
        found.sort(key=lambda item: not item[0])  # labelled first
        labelled, line, start, length = found[0]
        how = "labelled as the claim ID" if labelled else "not labelled"
        evidence = [Evidence(name, line.location_at(start), line.snippet(start, start + length))]
        return Result.passed(f"The invoice shows this claim's ID {claim_id} ({how}).", evidence)
    # The digits inside a phone or account number would be listed as a claim-like number.
    others = [
        other
        for other in _claim_like(lines, claim_id)
        if not any(ln is other[2] and st <= other[3] < st + n for ln, st, n in inside)
    ]
    if inside and not others:
        return Result.failed(
            f"The invoice does not show this claim's ID {claim_id}: those digits appear only "
            "within another number (a phone, bank account or registration number).",
            [
                Evidence(name, ln.location_at(st), ln.snippet(st, st + n, width=40))
                for ln, st, n in inside[:5]
            ],
        )
    if others:
        labelled = [v for v, is_labelled, _l, _s in others if is_labelled]
        numbers = [v for v, is_labelled, _l, _s in others if not is_labelled and v not in labelled]
        parts = []
        if labelled:
            parts.append("claim ID " + ", ".join(dict.fromkeys(labelled)))
        if numbers:
            parts.append("the claim-like number(s) " + ", ".join(dict.fromkeys(numbers)))
        shown = " and ".join(parts)
        evidence = [
            Evidence(
                name, line.location_at(start), line.snippet(start, start + len(value), width=40)
            )
            for value, _is_labelled, line, start in others[:5]
        ]
        return Result.failed(
            f"The invoice does not show this claim's ID {claim_id}; it shows {shown} instead.",
            evidence,
        )
    return Result.failed(
        f"The invoice does not show this claim's ID {claim_id}, nor any other claim ID.",
        [Evidence(name, "", "")],
    )


def _claim_like(lines: list[Line], claim_id: str) -> list[tuple[str, bool, Line, int]]:
    """Other claim IDs the invoice shows: labelled ones, then numbers shaped like claim IDs."""
    labelled: list[tuple[str, Line, int]] = []
    shaped: list[tuple[str, Line, int]] = []
    digits = len(claim_id) if claim_id.isdigit() else 7
    bare = re.compile(rf"(?<![\w\-/.,:#])[0-9]{{{digits}}}(?![\w\-/]|[.,:]\d)")
    for line in lines:
        for match in _LABELLED_VALUE.finditer(line.text):
            value = match.group("value").strip()
            labelled.append((value, line, match.start("value")))
        for match in bare.finditer(line.text):
            inside_labelled = any(
                ln is line and start <= match.start() < start + len(value)
                for value, ln, start in labelled
            )
            if not inside_labelled:
                shaped.append((match.group(), line, match.start()))
    return [(v, True, ln, st) for v, ln, st in labelled] + [
        (v, False, ln, st) for v, ln, st in shaped
    ]
