"""The claim was first submitted within its activity type's window after customer consent."""

from __future__ import annotations

from datetime import date

from workbench.check_api import (
    Check,
    CheckContext,
    ClaimView,
    Evidence,
    ExampleCase,
    Result,
    Status,
)
from workbench.domain.deadlines import (
    CONSENT_WINDOW_DAYS,
    DEADLINE_DAYS,
    action_required_deadline,
    consent_deadline,
    submission_deadline,
)
from workbench.domain.enums import ActivityType

ACTIVITY_LABELS = {
    "assessment": "an assessment",
    "standard": "a standard engagement",
    "xs": "an XS project",
    "small": "a small project",
    "medium": "a medium project",
    "large": "a large project",
    "xl": "an XL project",
    "xxl": "an XXL project",
}


def _day(value: date) -> str:
    return value.isoformat()


def _days(count: int) -> str:
    return f"{count} day" if count == 1 else f"{count} days"


def _record(location: str, value: date) -> Evidence:
    return Evidence("claim record", location, _day(value))


class Deadline(Check):
    id = "deadline"
    version = "1"
    title = "Submitted within the deadline"
    description = (
        "The claim was first submitted within the days its activity type allows after customer "
        "consent (60 for assessments, 90 standard, 120 XS/small, 200 medium, 260 large/XL/XXL), "
        "and the customer consented within 30 days of the claim's creation."
    )
    reads_matches = False

    def run(self, claim: ClaimView, context: CheckContext) -> list[Result]:
        try:
            activity = ActivityType(claim.engagement.activity_type)
        except ValueError:
            return [
                Result.error(
                    f"Unknown activity type {claim.engagement.activity_type!r} for "
                    f"{claim.engagement.name}: no deadline to compare with."
                )
            ]
        window = DEADLINE_DAYS[activity][0]
        label = ACTIVITY_LABELS.get(activity.value, activity.value)
        consent = claim.consent_date
        first = claim.first_submitted_at.date()
        deadline = submission_deadline(activity, consent)
        days = (first - consent).days
        evidence = [
            _record("customer consent", consent),
            _record("first submission", first),
            _record(f"submission deadline ({window} days)", deadline),
        ]
        results: list[Result] = []
        if first > deadline:
            results.append(
                Result.failed(
                    f"First submitted on {_day(first)}, {days} days after customer consent on "
                    f"{_day(consent)}; {label} must be submitted within {window} days (by "
                    f"{_day(deadline)}), so the claim was {_days((first - deadline).days)} late.",
                    evidence=evidence,
                )
            )
        elif first < consent:
            results.append(
                Result.warning(
                    f"First submitted on {_day(first)}, before customer consent on "
                    f"{_day(consent)}: check the claim's dates.",
                    evidence=evidence,
                )
            )
        else:
            results.append(
                Result.passed(
                    f"First submitted on {_day(first)}, {days} days after customer consent on "
                    f"{_day(consent)}; {label} allows {window} days (by {_day(deadline)}).",
                    evidence=evidence,
                )
            )
        latest_consent = consent_deadline(claim.created_on)
        if consent > latest_consent:
            results.append(
                Result.warning(
                    f"Customer consent came on {_day(consent)}, {(consent - claim.created_on).days} "
                    f"days after the claim was created on {_day(claim.created_on)}; consent must "
                    f"come within {CONSENT_WINDOW_DAYS} days (by {_day(latest_consent)}).",
                    evidence=[
                        _record("claim created", claim.created_on),
                        _record("customer consent", consent),
                    ],
                )
            )
        submitted = claim.submitted_at.date()
        resubmitted = claim.submitted_at > claim.first_submitted_at
        if resubmitted and not claim.is_dispute:
            last_day = action_required_deadline(activity, consent)
            if submitted > last_day:
                results.append(
                    Result.warning(
                        f"Resubmitted on {_day(submitted)}, after the Action required deadline "
                        f"of {_day(last_day)} ({DEADLINE_DAYS[activity][1]} days after consent "
                        f"on {_day(consent)}).",
                        evidence=[
                            _record("customer consent", consent),
                            _record("latest submission", submitted),
                        ],
                    )
                )
        return results

    examples = (
        ExampleCase(
            "standard engagement submitted 40 days after consent",
            lambda c: c.view(consent_date="2026-09-10", submitted_at="2026-10-20T10:00:00Z"),
            Status.PASS,
        ),
        ExampleCase(
            "standard engagement submitted 100 days after consent",
            lambda c: c.view(consent_date="2026-09-10", submitted_at="2026-12-19T10:00:00Z"),
            Status.FAIL,
        ),
        ExampleCase(
            "consent 45 days after the claim was created",
            lambda c: c.view(
                created_at="2026-07-27",
                consent_date="2026-09-10",
                submitted_at="2026-10-20T10:00:00Z",
            ),
            Status.WARN,
        ),
    )
