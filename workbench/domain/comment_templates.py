"""The review team's comment templates, filled from a claim's failed checks.

The text is what the partner reads. It starts from DOMAIN's wording, names
the documents concerned, and ends with the team's signature; the reviewer
edits it before deciding.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from workbench.domain.enums import DecisionOutcome

AFFILIATE = (
    "Partners are not eligible for incentives for activity connected to a customer that is a "
    "partner affiliate, or where the partner itself or the vendor is the end customer. "
    "The claim is rejected."
)
LANGUAGE = (
    "The POE review does not support documents in other languages. The following documentation "
    "is not in a supported language (English, French or Japanese): {documents}. Upload a version "
    "in a supported language, add comments (optional), and resubmit."
)
GENERIC = {
    "completeness": "Some required components of the proof of execution are missing: {messages}",
    "file-types": "Some documents are not in an allowed file type: {messages} Allowed types are "
    ".pdf, .ppt, .pptx, .doc, .docx, .msg, .xls and .xlsx.",
    "invoice-amount": "The invoice amount does not match the payout: {messages} Upload a corrected "
    "invoice showing the pre-tax amount in USD.",
    "invoice-claim-id": "The invoice must show the claim ID: {messages} Upload a corrected invoice.",
    "invoice-partner-name": "The invoice must name the partner company: {messages} Upload a "
    "corrected invoice.",
    # These two name only this claim's documents: the check messages cite other
    # partners' claims, which this partner must not see.
    "invoice-unique": "Each claim needs its own invoice; {documents} was already used on another "
    "claim. Upload the invoice issued for this claim.",
    "psd": "A Public Sector Disclosure is required for this public-sector customer and was not "
    "found among the documents. Upload the signed disclosure.",
    "survey-signature": "The survey e-signature must give the full name, company name and title: "
    "{messages}",
    "duplicate-poe": "The proof of execution must be specific to this customer and engagement; "
    "duplicated POE (from another claim, or the template's example) is not allowed. These "
    "documents duplicate existing POE: {documents}. Upload POE with this customer's own details.",
    "deadline": "{messages}",
}


@dataclass(frozen=True)
class FailedCheck:
    check_id: str
    message: str
    documents: tuple[str, ...]


@dataclass(frozen=True)
class Suggestion:
    outcome: DecisionOutcome
    comment: str


def suggest(failures: Iterable[FailedCheck], signature: str) -> Suggestion | None:
    """Suggest a decision and its comment from the failed checks, or None when none failed."""
    by_check: dict[str, list[FailedCheck]] = {}
    for failure in failures:
        by_check.setdefault(failure.check_id, []).append(failure)
    if not by_check:
        return None
    if "affiliate" in by_check:
        return Suggestion(DecisionOutcome.REJECT, f"{AFFILIATE}\n\n{signature}")
    paragraphs = []
    if "language" in by_check:
        documents = sorted({d for f in by_check.pop("language") for d in f.documents})
        paragraphs.append(LANGUAGE.format(documents=", ".join(documents) or "see the documents"))
    for check_id, items in sorted(by_check.items()):
        messages = " ".join(item.message for item in items)
        documents = ", ".join(sorted({d for item in items for d in item.documents})) or "see above"
        template = GENERIC.get(check_id, "{messages}")
        paragraphs.append(template.format(messages=messages, documents=documents))
    body = "\n\n".join(paragraphs)
    return Suggestion(DecisionOutcome.REQUEST_ACTION, f"{body}\n\n{signature}")
