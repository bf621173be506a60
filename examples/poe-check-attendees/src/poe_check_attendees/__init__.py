"""The POE of a workshop lists who attended: names with their titles."""

from __future__ import annotations

import re

from workbench.check_api import (
    Check,
    CheckContext,
    ClaimView,
    ExampleCase,
    Result,
    Severity,
    Status,
)
from workbench.testing import docx_document, pptx_document

HEADING = re.compile(r"\b(attendees?|participants?|attendance|participants|出席者|参加者)\b", re.I)
# "Susie Jones, IT Systems Administrator" or "Susie Jones - CTO": a name, then a title.
PERSON_WITH_TITLE = re.compile(
    r"\b[A-Z][a-zà-ÿ'-]+(?: [A-Z][a-zà-ÿ'-]+)+\s*[,–—-]\s*[A-Z][\w&/ .-]{2,}"
)
MIN_PEOPLE = 2


class AttendeeList(Check):
    id = "attendee-list"
    version = "1"
    title = "POE lists the attendees"
    description = (
        "A workshop's POE names at least two attendees with their titles, under a heading "
        "such as 'Attendees' or 'Participants'."
    )
    severity = Severity.ADVISORY
    reads_matches = False

    def applies_to(self, claim: ClaimView) -> bool:
        return "workshop" in claim.engagement.name.lower()

    def skip_reason(self, claim: ClaimView) -> str:
        return f"{claim.engagement.name} is not a workshop"

    def run(self, claim: ClaimView, context: CheckContext) -> Result:
        for document in claim.poe_documents:
            heading = document.search(HEADING)
            if heading is None:
                continue
            people = [
                match.group(0)
                for segment in document.segments
                for match in PERSON_WITH_TITLE.finditer(segment.text)
            ]
            if len(people) >= MIN_PEOPLE:
                return Result.passed(
                    f"{document.file_name} lists {len(people)} attendees with titles.",
                    evidence=[heading],
                )
            return Result.warning(
                f"{document.file_name} has an attendee heading but names {len(people)} "
                f"attendee(s) with a title (at least {MIN_PEOPLE} expected).",
                evidence=[heading],
            )
        return Result.warning("No POE document lists the workshop's attendees.")

    examples = (
        ExampleCase(
            "attendees with titles",
            lambda claims: claims.view(
                documents=[
                    docx_document("invoice.docx", ["Claim ID: 3000001"], kind="invoice"),
                    pptx_document(
                        "report.pptx",
                        [
                            (
                                "Attendees",
                                "Susie Jones, IT Systems Administrator\n"
                                "Marc Dubois, Store Operations Manager",
                            )
                        ],
                    ),
                ]
            ),
            Status.PASS,
        ),
        ExampleCase(
            "no attendee list",
            lambda claims: claims.view(
                documents=[docx_document("report.docx", ["Executive summary of the workshop."])]
            ),
            Status.WARN,
        ),
        ExampleCase(
            "not a workshop",
            lambda claims: claims.view(engagement_id="ammp-app-data-modernization-small"),
            Status.SKIP,
        ),
    )
