"""No POE document is a copy of one in another claim or of a template example."""

from __future__ import annotations

import re
from itertools import islice

from checks.completeness import disclosure_only
from workbench.check_api import (
    Check,
    CheckContext,
    ClaimView,
    DocumentMatch,
    DocumentView,
    Evidence,
    ExampleCase,
    Result,
    Status,
)
from workbench.testing import pptx_document

# The engine reports near copies from this similarity on: the share of word 3-grams two
# texts have in common (Jaccard), or of the shorter text found in the other, if higher.
NEAR_COPY = 0.8
# A reused report with only its people, dates and figures changed keeps 85-90% of its text.
DEFAULT_FAIL_AT = 0.85
# A template example is boilerplate to replace with the customer's own content: any near
# copy of it fails (setting ``template_fail_at``).
DEFAULT_TEMPLATE_FAIL_AT = NEAR_COPY
# The engine compares documents of at least 12 distinct 3-word shingles; with fewer words
# than this there is nothing to compare, and no opinion to give.
MIN_WORDS = 14
# Below this many words a near copy is a warning, never a failure: a cover page or a
# sentence or two of summary reads the same for every customer once the names are masked
# ("Workshop report, <customer>, <date>"); a four-slide deck of one line a slide (40
# words and more) that matches another claim's is that claim's POE.
COPY_MIN_WORDS = 30
_TOKEN = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]|[^\W_]+")
# A claim in one of these statuses did not pay and never will. The guide lets a partner
# claim the same customer again for the engagement ("reclaim ... after a claim has expired,
# been cancelled, or been rejected"), and the new claim's POE is that of the same work.
CLOSED_UNPAID = frozenset(
    {
        "Rejected",
        "Rejected final",
        "Disputed claim expired",
        "Post submission claim expired",
        "Not submitted claim expired",
        "Cancelled",
        "Customer consent declined",
        "Customer consent expired",
    }
)
# Matches listed in a message; the evidence lists more.
SHOWN = 3
MAX_EVIDENCE = 10


def _percent(similarity: float) -> str:
    # Floor, so that 0.899 never reads as "90%" beside a threshold of 90%.
    return f"{int(similarity * 100 + 1e-9)}%"


def describe(match: DocumentMatch) -> str:
    """ "92% the same text as findings.pptx of claim 3100004" """
    if is_template(match):
        other = f"the template example {match.file_name}"
    else:
        other = f"{match.file_name} of claim {match.claim_id}"
    if match.identical_file:
        return f"the very same file as {other}"
    return f"{_percent(match.similarity)} the same text as {other}"


def relevant(match: DocumentMatch) -> bool:
    """POE documents and template examples count; another claim's invoice is not our business."""
    return match.source == "template" or match.kind in ("poe", "template")


def _setting(context: CheckContext, name: str, default: float) -> float:
    try:
        value = float(context.settings.get(name, default))
    except (TypeError, ValueError):
        return default
    return min(max(value, NEAR_COPY), 1.0)


def is_template(match: DocumentMatch) -> bool:
    return match.source == "template" or match.claim_id is None


def reclaimed(match: DocumentMatch, claim: ClaimView) -> bool:
    """Whether ``match`` is the POE of this customer's earlier, unpaid claim for this engagement."""
    return (
        match.claim_status in CLOSED_UNPAID
        and match.engagement_id == claim.engagement.id
        and match.customer_id is not None
        and match.customer_id.casefold() == claim.customer.id.casefold()
    )


def _words_up_to(document: DocumentView, limit: int) -> int:
    # Count only as far as needed: a long document's words need not all be listed.
    return sum(1 for _ in islice(_TOKEN.finditer(document.text), limit))


def _enough_text(document: DocumentView) -> bool:
    return _words_up_to(document, MIN_WORDS) >= MIN_WORDS


class DuplicatePoe(Check):
    id = "duplicate-poe"
    version = "10"
    title = "POE is not copied"
    description = (
        "No POE document is the same as, or nearly the same as, a document of another claim or "
        "the engagement's template example: identical files, and near copies across formats "
        "(the same deck saved as PDF, with only the customer's name or its dates and figures "
        "changed, cut short or padded with pages of its own). A near copy of another claim's "
        "POE fails from the "
        "`fail_at` setting (default 0.85) and warns from 0.8; a near copy of a template example "
        "fails from 0.8 (`template_fail_at`). A document of fewer than 30 words is too short "
        "to call a copy: a near copy of it warns, and only an identical file fails. A Public "
        "Sector Disclosure is a standard form, so only an identical file counts as a copy of "
        "one; a report that carries a disclosure page is compared as a report. The POE of the "
        "same customer's earlier claim for the engagement, closed unpaid (expired, cancelled "
        "or rejected), is a reclaim: a warning, not a copy."
    )

    def run(self, claim: ClaimView, context: CheckContext) -> list[Result]:
        fail_at = _setting(context, "fail_at", DEFAULT_FAIL_AT)
        template_fail_at = _setting(context, "template_fail_at", DEFAULT_TEMPLATE_FAIL_AT)
        results: list[Result] = []
        compared: list[str] = []
        no_opinion: list[str] = []
        for document in claim.poe_documents:
            # Disclosures are one form filled in per customer: alike by design.
            standard_form = disclosure_only(document, claim, opening=False)
            matches = sorted(
                (
                    m
                    for m in document.matches
                    if relevant(m)
                    and m.similarity >= NEAR_COPY
                    and (m.identical_file or not standard_form)
                ),
                key=lambda m: (not m.identical_file, -m.similarity, m.claim_id or "", m.file_name),
            )
            if matches:
                results.append(self._copied(claim, document, matches, fail_at, template_fail_at))
            elif not document.readable:
                results.append(
                    Result.unreadable(
                        document,
                        f"Could not compare {document.file_name} with other claims",
                        note=" (identical files would still be found)",
                    )
                )
            elif not _enough_text(document):
                no_opinion.append(document.file_name)
            else:
                compared.append(document.file_name)
        if not results:
            note = f"; too little text to compare: {', '.join(no_opinion)}" if no_opinion else ""
            if not compared:
                return [
                    Result.skipped(
                        f"No POE document has enough text to compare ({', '.join(no_opinion)}), "
                        "and none is an identical copy of another claim's file."
                        if no_opinion
                        else "The claim has no POE documents to compare."
                    )
                ]
            return [
                Result.passed(
                    "No copies found: no document of another claim or template example matches "
                    f"{', '.join(compared)}{note}."
                )
            ]
        return results

    def _copied(
        self,
        claim: ClaimView,
        document: DocumentView,
        matches: list[DocumentMatch],
        fail_at: float,
        template_fail_at: float,
    ) -> Result:
        short = _words_up_to(document, COPY_MIN_WORDS) < COPY_MIN_WORDS

        def fails(match: DocumentMatch) -> bool:
            if reclaimed(match, claim):
                return False
            if match.identical_file:
                return True
            limit = template_fail_at if is_template(match) else fail_at
            return not short and match.similarity >= limit

        # Copies first, then the closest.
        matches = sorted(matches, key=lambda m: not fails(m))
        listed = "; ".join(describe(m) for m in matches[:SHOWN])
        more = f" (and {len(matches) - SHOWN} more)" if len(matches) > SHOWN else ""
        evidence = [
            Evidence(
                document.file_name,
                f"template example {m.file_name}" if is_template(m)
                else f"claim {m.claim_id}, {m.file_name}",
                "identical file (same bytes)" if m.identical_file
                else f"{_percent(m.similarity)} of the text is the same (customer and partner names masked)",
            )
            for m in matches[:MAX_EVIDENCE]
        ]  # fmt: skip
        if fails(matches[0]):
            return Result.failed(f"{document.file_name} is {listed}{more}.", evidence)
        if reclaimed(matches[0], claim):
            earlier = matches[0]
            return Result.warning(
                f"{document.file_name} is {listed}{more}. Claim {earlier.claim_id} was for the "
                f"same customer and engagement and is {earlier.claim_status}: a reclaim reuses "
                "the POE of the same work. Confirm that the earlier claim was not paid and "
                "that the POE is current.",
                evidence,
            )
        if short:
            return Result.warning(
                f"{document.file_name} is {listed}{more}, but it has fewer than "
                f"{COPY_MIN_WORDS} words: too short to call a copy (a cover page or a standard "
                "sentence reads the same in every claim); compare the two documents.",
                evidence,
            )
        return Result.warning(
            f"{document.file_name} is {listed}{more}: similar, below the {_percent(fail_at)} "
            "that counts as a copy; compare the two documents.",
            evidence,
        )

    examples = (
        ExampleCase("no matches in other claims", lambda c: c.view(), Status.PASS),
        ExampleCase(
            "the same deck as in another claim",
            lambda c: c.view(
                matches={
                    "workshop-report.pptx": [
                        DocumentMatch("3100004", "findings.pptx", "poe", 0.92, False)
                    ]
                }
            ),
            Status.FAIL,
        ),
        ExampleCase(
            "a deck 82% like another claim's",
            lambda c: c.view(
                documents=[
                    pptx_document(
                        "report.pptx",
                        [
                            (
                                "Executive Summary",
                                "Contoso Ltd frontline workshop delivered by "
                                "FridayINC for the store operations team, with shift scheduling, "
                                "task management and Teams walkie-talkie scenarios.",
                            )
                        ],
                    )
                ],
                matches={"report.pptx": [DocumentMatch("3100004", "deck.pdf", "poe", 0.82, False)]},
            ),
            Status.WARN,
        ),
    )
