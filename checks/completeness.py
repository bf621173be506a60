"""Every required component of the POE is there."""

from __future__ import annotations

import re
from collections.abc import Sequence

from checks._sections import find_headings, lowered, plain
from checks.psd import DISCLOSURE_WORDS, HEADING_CHARS, SHORT_DOCUMENT, find_disclosure
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
from workbench.testing import docx_document

# A disclosure opens with its title or statement, under at most a letterhead, a date and an
# addressee; a report that carries a PSD slide or appendix after its own content is a report.
DISCLOSURE_OPENING = 2 * HEADING_CHARS
_PROSE = re.compile(r".{40,}[.!?。]\s*$", re.DOTALL)


def _opens_with(document: DocumentView, offset: int) -> bool:
    """Whether ``offset`` (in the segments joined by newlines) is where the document opens."""
    before, position = [], 0
    for segment in document.segments:
        if position + len(segment.text) >= offset:
            break
        before.append(segment.text)
        position += len(segment.text) + 1
    # Heading lines are single, short and not sentences; slides and pages before it are content.
    return offset < DISCLOSURE_OPENING and not any(
        "\n" in text.strip() or _PROSE.match(text.strip()) for text in before
    )


_PAGE = re.compile(r"(?:^|/ )((?:page|slide) \d+)")
# A report page has more to say than a signature block ("Name: ___ Title: ___ Date: ___").
REPORT_PAGE_LETTERS = 200


def _report_pages_follow(document: DocumentView, offset: int) -> bool:
    """Whether pages or slides other than the disclosure's carry content of their own.

    A deck or PDF that opens with a PSD slide and goes on with the workshop's findings is the
    report, with the disclosure as its cover (both in one upload).
    """
    pages: dict[str, list[str]] = {}
    position, disclosure_page = 0, None
    for segment in document.segments:
        page = _PAGE.search(segment.location)
        if page is None:
            return False  # a Word document or a mail body: no pages to tell apart
        pages.setdefault(page[1], []).append(segment.text)
        if disclosure_page is None and position + len(segment.text) >= offset:
            disclosure_page = page[1]
        position += len(segment.text) + 1
    letters = sum(
        sum(map(str.isalpha, text))
        for page, texts in pages.items()
        # A page with the disclosure's own words is part of it (a signature page, terms).
        if page != disclosure_page and not DISCLOSURE_WORDS.search(text := "\n".join(texts))
    )
    return letters >= REPORT_PAGE_LETTERS


# A report, not a disclosure, when it names at least this many of its template's sections
# (a Word file has no pages to tell the disclosure's from the report's).
SECTIONS_OF_A_REPORT = 2


def _names_sections(document: DocumentView, sections: Sequence[str]) -> bool:
    lower = lowered(document.text)
    named = sum(
        1
        for section in sections
        if find_headings(document.text, section, limit=1, lower=lower, any_order=False)
    )
    return named >= min(SECTIONS_OF_A_REPORT, len(sections)) > 0


def disclosure_only(document: DocumentView, claim: ClaimView, *, opening: bool = True) -> bool:
    """Whether ``document`` is a Public Sector Disclosure and nothing more: not a report that
    carries one on a page, slide or paragraphs of its own.

    With ``opening``, the disclosure must open the document (under a letterhead); without,
    a short letter that leads up to its statement counts too.
    """
    if not document.readable or len(document.text) > SHORT_DOCUMENT:
        return False
    found = find_disclosure(document, claim.customer)
    return bool(
        found
        and not found.mention_only
        and (not opening or _opens_with(document, found.offset))
        and not _report_pages_follow(document, found.offset)
        and not _names_sections(document, claim.engagement.required_sections)
    )


def _is_an_invoice(document: DocumentView, claim: ClaimView) -> bool:
    """Whether ``document`` is one of the claim's invoices: the same file, or the same words
    in another format (the invoice's Word original beside its PDF)."""
    if any(document.sha256 == invoice.sha256 for invoice in claim.invoices):
        return True
    if not document.readable:
        return False
    # Only texts of about the same length can hold the same words: a 67k-cell workbook is
    # not compared word by word with a one-page invoice.
    alike = [i for i in claim.invoices if _similar_length(len(document.text), len(i.text))]
    if not alike:
        return False
    words = plain(document.text)
    return bool(words) and any(words == plain(invoice.text) for invoice in alike)


def _similar_length(a: int, b: int) -> bool:
    return min(a, b) * 2 >= max(a, b)


def not_a_report(document: DocumentView, claim: ClaimView) -> str | None:
    """Why a POE-section document is not a POE report (DOMAIN item 4), or None if it may be one."""
    if _is_an_invoice(document, claim):
        return "the invoice uploaded again"
    # An unreadable document may well be the report: the readability check reports on it.
    if disclosure_only(document, claim):
        return "the Public Sector Disclosure, which is required besides the POE, not part of it"
    return None


class Completeness(Check):
    id = "completeness"
    version = "10"
    title = "All POE components present"
    description = (
        "The claim has an invoice, at least one POE document, a completed partner survey, and a "
        "completed customer survey where the engagement requires one."
    )
    reads_matches = False

    def run(self, claim: ClaimView, context: CheckContext) -> Result:
        missing = []
        if not claim.invoices:
            missing.append("an invoice")
        others = [(d, why) for d in claim.poe_documents if (why := not_a_report(d, claim))]
        if not claim.poe_documents:
            missing.append("POE documents")
        elif len(others) == len(claim.poe_documents):
            # DOMAIN lists the POE documents and the PSD apart: a PSD or a second copy of the
            # invoice in the POE section leaves the claim without its POE.
            listed = "; ".join(f"{d.file_name} is {why}" for d, why in others)
            missing.append(f"POE documents (the POE section holds no POE report: {listed})")
        for role, required in (
            ("partner", True),
            ("customer", claim.engagement.customer_survey_required),
        ):
            survey = claim.survey(role)
            if required and (survey is None or not survey.completed):
                state = "missing" if survey is None else survey.status.replace("_", " ")
                missing.append(f"a completed {role} survey ({state})")
        present = [Evidence(d.file_name, d.kind) for d in claim.documents]
        if missing:
            return Result.failed(f"Missing: {', '.join(missing)}.", evidence=present)
        reports = len(claim.poe_documents) - len(others)
        message = f"Invoice, {reports} POE document(s) and the required surveys are present."
        if len(claim.invoices) > 1:
            names = ", ".join(d.file_name for d in claim.invoices)
            return Result.warning(
                f"{len(claim.invoices)} invoices uploaded ({names}); a claim takes one invoice.",
                evidence=[Evidence(d.file_name, "invoice") for d in claim.invoices],
            )
        return Result.passed(message, evidence=present)

    examples = (
        ExampleCase("complete bundle", lambda claims: claims.view(), Status.PASS),
        ExampleCase(
            "no invoice",
            lambda claims: claims.view(
                documents=[docx_document("report.docx", ["Workshop report"])]
            ),
            Status.FAIL,
        ),
        ExampleCase(
            "customer survey only sent",
            lambda claims: claims.view(surveys={"customer": {"status": "sent", "signature": None}}),
            Status.FAIL,
        ),
    )
