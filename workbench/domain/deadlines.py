"""The claim deadlines, counted in calendar days after customer consent."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from workbench.domain.enums import ActivityType

# activity type -> (not submitted -> expired, in Action required -> expired)
DEADLINE_DAYS: dict[ActivityType, tuple[int, int]] = {
    ActivityType.ASSESSMENT: (60, 90),
    ActivityType.STANDARD: (90, 120),
    ActivityType.XS: (120, 150),
    ActivityType.SMALL: (120, 150),
    ActivityType.MEDIUM: (200, 230),
    ActivityType.LARGE: (260, 290),
    ActivityType.XL: (260, 290),
    ActivityType.XXL: (260, 290),
}

CONSENT_WINDOW_DAYS = 30
DISPUTE_WINDOW_DAYS = 30
DISPUTE_REVIEW_DAYS = 5


def submission_deadline(activity_type: ActivityType, consent_date: date) -> date:
    """Return the last day a claim can be submitted before it expires unsubmitted."""
    return consent_date + timedelta(days=DEADLINE_DAYS[ActivityType(activity_type)][0])


def action_required_deadline(activity_type: ActivityType, consent_date: date) -> date:
    """Return the last day a claim in Action required can be resubmitted."""
    return consent_date + timedelta(days=DEADLINE_DAYS[ActivityType(activity_type)][1])


def dispute_deadline(rejected_at: datetime) -> date:
    """Return the last day a rejection can be disputed (and the dispute submitted)."""
    return rejected_at.date() + timedelta(days=DISPUTE_WINDOW_DAYS)


def consent_deadline(created_on: date) -> date:
    """Return the last day the customer can consent to a claim created on ``created_on``."""
    return created_on + timedelta(days=CONSENT_WINDOW_DAYS)


def dispute_review_due(resubmitted_at: datetime) -> date:
    """Return the day by which a dispute must be reviewed."""
    return resubmitted_at.date() + timedelta(days=DISPUTE_REVIEW_DAYS)


def is_past(deadline: date, at: datetime) -> bool:
    """Return whether ``at`` falls after the whole of ``deadline`` (days end at UTC midnight)."""
    return at.date() > deadline
