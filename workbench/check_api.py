"""The public API for check authors: the only workbench module a check imports.

A check is a class with a few declared attributes and a ``run`` method::

    from workbench.check_api import Check, ClaimView, CheckContext, Result, Evidence

    class AttendeeList(Check):
        id = "attendee-list"
        version = "1"
        title = "POE lists the attendees"
        description = "The workshop report names who attended, with their titles."

        def run(self, claim: ClaimView, context: CheckContext) -> Result:
            for document in claim.poe_documents:
                hit = document.search(r"attendees?")
                if hit:
                    return Result.passed("Attendees are listed.", evidence=[hit])
            return Result.failed("No POE document lists the attendees.")

and is registered under the entry point group ``workbench.checks``, with the
check id as the entry point name. Checks see frozen views of the claim, never
the database: they run in a worker process that can be stopped, their inputs
can be fingerprinted, and they cannot change anything.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any, ClassVar

from workbench.domain.enums import CheckStatus as Status
from workbench.extract.model import Extraction, Segment
from workbench.extract.sniff import extension_of

__all__ = [
    "Check",
    "CheckContext",
    "ClaimView",
    "CustomerView",
    "DocumentMatch",
    "DocumentView",
    "EngagementView",
    "Evidence",
    "ExampleCase",
    "PartnerView",
    "Result",
    "Severity",
    "Status",
    "SurveyView",
    "overall_status",
]

EXCERPT_CHARS = 300


class Severity(StrEnum):
    """How much a failing check weighs: blocking stops an approval without an override."""

    BLOCKING = "blocking"
    ADVISORY = "advisory"


@dataclass(frozen=True)
class Evidence:
    """Where a reviewer confirms a result: document, location in it, and the text there."""

    document: str
    location: str = ""
    excerpt: str = ""

    def __post_init__(self) -> None:
        if len(self.excerpt) > EXCERPT_CHARS:
            object.__setattr__(self, "excerpt", self.excerpt[: EXCERPT_CHARS - 1] + "…")

    def to_dict(self) -> dict[str, str]:
        return {"document": self.document, "location": self.location, "excerpt": self.excerpt}


@dataclass(frozen=True)
class Result:
    """One outcome of a check. A check may return several (e.g. one per document)."""

    status: Status
    message: str
    evidence: tuple[Evidence, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "status", Status(self.status))
        object.__setattr__(self, "evidence", tuple(self.evidence))

    @classmethod
    def passed(cls, message: str, evidence: Iterable[Evidence] = ()) -> Result:
        return cls(Status.PASS, message, tuple(evidence))

    @classmethod
    def failed(cls, message: str, evidence: Iterable[Evidence] = ()) -> Result:
        return cls(Status.FAIL, message, tuple(evidence))

    @classmethod
    def warning(cls, message: str, evidence: Iterable[Evidence] = ()) -> Result:
        return cls(Status.WARN, message, tuple(evidence))

    @classmethod
    def error(cls, message: str, evidence: Iterable[Evidence] = ()) -> Result:
        """The check could not decide (an unreadable document ...); say why."""
        return cls(Status.ERROR, message, tuple(evidence))

    @classmethod
    def skipped(cls, message: str) -> Result:
        """The check does not apply to this claim."""
        return cls(Status.SKIP, message)

    @classmethod
    def unreadable(
        cls, document: DocumentView, what: str | None = None, *, note: str = ""
    ) -> Result:
        """An ``error``: the check could not decide because ``document`` cannot be read.

        ``what`` leads the message (default "Could not read <file>"); the reason follows:
        "Could not read scan.pdf: encrypted: password required."
        """
        reason = document.unreadable_reason or "no readable text"
        lead = what or f"Could not read {document.file_name}"
        return cls.error(f"{lead}: {reason}{note}.", [Evidence(document.file_name, "", reason)])


# How results of one check add up, most serious first.
_STATUS_WEIGHT = {Status.FAIL: 4, Status.ERROR: 3, Status.WARN: 2, Status.PASS: 1, Status.SKIP: 0}


def overall_status(statuses: Iterable[Status | str]) -> Status:
    """Return the status that sums up several results of one check (fail beats error ...)."""
    ranked = [Status(s) for s in statuses]
    if not ranked:
        return Status.SKIP
    return max(ranked, key=_STATUS_WEIGHT.__getitem__)


@dataclass(frozen=True)
class DocumentMatch:
    """Another document with the same or nearly the same text (found by the engine)."""

    claim_id: str | None  # None for an engagement's template example
    file_name: str
    kind: str
    similarity: float  # 1.0 for identical text
    identical_file: bool  # the very same bytes
    source: str = "claim"  # "claim" or "template"
    # The other document's text, given where it is another claim's invoice: two invoices
    # from one template are alike, and only what they say (their numbers) tells them apart.
    segments: tuple[Segment, ...] = ()
    # The other claim's customer ID, engagement and status (None for a template example):
    # a POE reused by the same customer's claim for the same engagement is a reclaim when
    # the earlier claim was closed unpaid, a second claim for the same work when it was not.
    customer_id: str | None = None
    engagement_id: str | None = None
    claim_status: str | None = None


@dataclass(frozen=True)
class DocumentView:
    """A document of the claim as the checks see it: the current version, read once."""

    file_name: str
    kind: str  # "invoice" or "poe"
    sha256: str
    size: int
    content_type: str  # sniffed from the content: pdf, docx, ... or another kind
    version: int
    extraction: Extraction
    matches: tuple[DocumentMatch, ...] = ()

    @property
    def extension(self) -> str:
        return extension_of(self.file_name)

    @property
    def readable(self) -> bool:
        return self.extraction.ok

    @property
    def text(self) -> str:
        return self.extraction.text

    @property
    def segments(self) -> tuple[Segment, ...]:
        return self.extraction.segments

    @property
    def links(self) -> tuple[Segment, ...]:
        """The addresses behind mailto: links that the text does not show ("Email Jane"
        linking to jane@contoso.com), located "paragraph 12 (link)"; no part of ``text``."""
        return self.extraction.links

    @property
    def language(self) -> str | None:
        return self.extraction.language

    @property
    def scanned_pages(self) -> tuple[int, ...]:
        """The PDF pages that are an image with little or no text beside it (scans)."""
        own = (location.removeprefix("page ") for location in self.extraction.scanned)
        return tuple(int(page) for page in own if page.isdigit())

    @property
    def unreadable_reason(self) -> str | None:
        return None if self.extraction.error is None else self.extraction.error.message

    def evidence(self, segment: Segment | None = None, excerpt: str | None = None) -> Evidence:
        """Evidence pointing at ``segment`` of this document (or the document as a whole)."""
        if segment is None:
            return Evidence(self.file_name, "", excerpt or "")
        return Evidence(
            self.file_name, segment.location, excerpt if excerpt is not None else segment.text
        )

    def search(
        self, pattern: str | re.Pattern[str], *, flags: int = re.IGNORECASE
    ) -> Evidence | None:
        """Return evidence for the first segment matching ``pattern``, or None."""
        regex = re.compile(pattern, flags) if isinstance(pattern, str) else pattern
        for segment in self.segments:
            match = regex.search(segment.text)
            if match:
                return self.evidence(segment, _around(segment.text, match.start(), match.end()))
        return None


def _around(text: str, start: int, end: int, width: int = 80) -> str:
    """The matched text with some context, on one line."""
    left = max(0, start - width)
    right = min(len(text), end + width)
    snippet = " ".join(text[left:right].split())
    return ("…" if left else "") + snippet + ("…" if right < len(text) else "")


@dataclass(frozen=True)
class SurveyView:
    role: str  # "customer" or "partner"
    status: str  # "not_initiated", "sent" or "completed"
    completed_at: datetime | None
    responses: tuple[Mapping[str, Any], ...]
    signature: str | None

    @property
    def completed(self) -> bool:
        return self.status == "completed"


@dataclass(frozen=True)
class PartnerView:
    partner_id: str
    name: str
    location: str | None
    country: str
    market: str  # "A", "B" or "C"
    contact_name: str | None
    contact_email: str | None


@dataclass(frozen=True)
class CustomerView:
    name: str
    id_type: str
    id: str
    country: str
    public_sector: bool
    contact_name: str | None
    contact_email: str | None
    contact_title: str | None
    domain_mismatch_reason: str | None


@dataclass(frozen=True)
class EngagementView:
    id: str
    name: str
    solution_area: str
    payout_type: str  # "fixed" or "variable"
    activity_type: str
    rates_usd: Mapping[str, Decimal] | None
    hourly_rates_usd: Mapping[str, Decimal] | None
    customer_survey_required: bool
    required_sections: tuple[str, ...]


@dataclass(frozen=True)
class ClaimView:
    """Everything a check may read about one claim, frozen at the time of the run."""

    claim_id: str
    claim_name: str
    status: str
    is_dispute: bool
    created_on: date
    consent_date: date
    first_submitted_at: datetime
    submitted_at: datetime
    partner: PartnerView
    customer: CustomerView
    engagement: EngagementView
    deal_size_usd: Decimal | None
    requested_hours: Decimal | None
    proposed_payout_usd: Decimal | None
    documents: tuple[DocumentView, ...]
    surveys: tuple[SurveyView, ...]

    @property
    def invoices(self) -> tuple[DocumentView, ...]:
        return tuple(d for d in self.documents if d.kind == "invoice")

    @property
    def poe_documents(self) -> tuple[DocumentView, ...]:
        return tuple(d for d in self.documents if d.kind == "poe")

    def survey(self, role: str) -> SurveyView | None:
        return next((s for s in self.surveys if s.role == role), None)

    def without_matches(self) -> ClaimView:
        """This view with no document's matches: what a check that does not read them sees."""
        if not any(d.matches for d in self.documents):
            return self
        return replace(self, documents=tuple(replace(d, matches=()) for d in self.documents))

    @property
    def expected_payout_usd(self) -> Decimal | None:
        """The amount the invoice must show before tax: the market rate, or the proposed payout."""
        if self.engagement.payout_type == "variable":
            return self.proposed_payout_usd
        if self.engagement.rates_usd is None:
            return None
        return self.engagement.rates_usd.get(self.partner.market)


@dataclass(frozen=True)
class CheckContext:
    """What a check may use besides the claim: the time of the run and its settings."""

    now: datetime
    settings: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class ExampleCase:
    """A claim a check ships with, and the status it must give; the test suite runs these.

    ``build`` receives a :class:`workbench.testing.ClaimBuilder` and returns the
    claim view to check, so examples use real documents made by real libraries.
    """

    name: str
    build: Callable[[Any], ClaimView]
    expected: Status


class Check:
    """Base class of every check; subclasses set the attributes and implement ``run``."""

    id: ClassVar[str] = ""
    version: ClassVar[str] = "1"
    title: ClassVar[str] = ""
    description: ClassVar[str] = ""
    severity: ClassVar[Severity] = Severity.BLOCKING
    # Seconds one run may take before the engine stops it and records an error.
    timeout: ClassVar[float] = 20.0
    examples: ClassVar[Sequence[ExampleCase]] = ()
    # Whether ``run`` reads documents' ``matches`` (copies found in other claims). A check
    # that does not is shown none, and is not run again when only another claim changed.
    reads_matches: ClassVar[bool] = True

    def applies_to(self, claim: ClaimView) -> bool:
        """Return False to give a ``skip`` without running; the default is True."""
        return True

    def skip_reason(self, claim: ClaimView) -> str:
        return "does not apply to this claim"

    def run(self, claim: ClaimView, context: CheckContext) -> Result | Iterable[Result]:
        raise NotImplementedError
