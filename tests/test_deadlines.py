from datetime import UTC, date, datetime

import pytest

from workbench.domain import deadlines
from workbench.domain.enums import ActivityType

TABLE = [
    (ActivityType.ASSESSMENT, 60, 90),
    (ActivityType.STANDARD, 90, 120),
    (ActivityType.XS, 120, 150),
    (ActivityType.SMALL, 120, 150),
    (ActivityType.MEDIUM, 200, 230),
    (ActivityType.LARGE, 260, 290),
    (ActivityType.XL, 260, 290),
    (ActivityType.XXL, 260, 290),
]
CONSENT = date(2026, 1, 1)


@pytest.mark.parametrize(("activity", "submit_days", "action_days"), TABLE)
def test_deadlines_by_activity_type(activity, submit_days, action_days):
    assert (deadlines.submission_deadline(activity, CONSENT) - CONSENT).days == submit_days
    assert (deadlines.action_required_deadline(activity, CONSENT) - CONSENT).days == action_days


def test_every_activity_type_has_deadlines():
    assert set(deadlines.DEADLINE_DAYS) == set(ActivityType)


def test_dispute_window_is_30_days_inclusive():
    rejected = datetime(2026, 3, 1, 15, 0, tzinfo=UTC)
    last_day = deadlines.dispute_deadline(rejected)
    assert last_day == date(2026, 3, 31)
    assert not deadlines.is_past(last_day, datetime(2026, 3, 31, 23, 59, tzinfo=UTC))
    assert deadlines.is_past(last_day, datetime(2026, 4, 1, 0, 0, tzinfo=UTC))


def test_consent_and_dispute_review_windows():
    assert deadlines.consent_deadline(date(2026, 5, 20)) == date(2026, 6, 19)
    assert deadlines.dispute_review_due(datetime(2026, 5, 1, 9, tzinfo=UTC)) == date(2026, 5, 6)
