"""deadline: first submitted within the activity type's window after customer consent."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime, timedelta

import pytest

from checks.deadline import Deadline
from workbench.check_api import Status, overall_status
from workbench.engine.sandbox import run_check_here
from workbench.testing import ClaimBuilder

CONSENT = date(2026, 9, 10)


@pytest.fixture
def claims(tmp_path):
    return ClaimBuilder(tmp_path)


def view(claims, *, days_after_consent: int, engagement_id="enable-frontline-workshop", **fields):
    submitted = datetime.combine(
        CONSENT + timedelta(days=days_after_consent), datetime.min.time(), UTC
    )
    fields.setdefault("created_at", (CONSENT - timedelta(days=5)).isoformat())
    return claims.view(
        engagement_id=engagement_id,
        consent_date=CONSENT.isoformat(),
        submitted_at=(submitted + timedelta(hours=23, minutes=59)).isoformat(),
        **fields,
    )


def run(claims, claim):
    results = run_check_here(Deadline(), claim, claims.context())
    return overall_status(r["status"] for r in results), results


@pytest.mark.parametrize(
    ("engagement_id", "window"),
    [
        ("nextgen-windows-workshop", 60),
        ("enable-frontline-workshop", 90),
        ("azure-migration-xs", 120),
        ("ammp-app-data-modernization-small", 120),
        ("ammp-app-data-modernization-medium", 200),
        ("ammp-infrastructure-migration-large", 260),
        ("ammp-infrastructure-migration-xl", 260),
        ("ammp-sap-migration-xxl", 260),
    ],
)
def test_window_per_activity_type(claims, engagement_id, window):
    on_time = view(claims, days_after_consent=window, engagement_id=engagement_id)
    status, results = run(claims, on_time)
    assert status == Status.PASS
    assert f"allows {window} days" in results[0]["message"]

    late = view(claims, days_after_consent=window + 1, engagement_id=engagement_id)
    status, results = run(claims, late)
    assert status == Status.FAIL
    deadline = (CONSENT + timedelta(days=window)).isoformat()
    assert f"within {window} days (by {deadline})" in results[0]["message"]
    assert "1 day late" in results[0]["message"]


def test_fail_message_cites_the_dates(claims):
    status, results = run(claims, view(claims, days_after_consent=100))
    assert status == Status.FAIL
    assert results[0]["message"] == (
        "First submitted on 2026-12-19, 100 days after customer consent on 2026-09-10; a standard "
        "engagement must be submitted within 90 days (by 2026-12-09), so the claim was 10 days late."
    )
    assert {e["location"]: e["excerpt"] for e in results[0]["evidence"]} == {
        "customer consent": "2026-09-10",
        "first submission": "2026-12-19",
        "submission deadline (90 days)": "2026-12-09",
    }


def test_late_consent_warns(claims):
    claim = view(claims, days_after_consent=20, created_at="2026-07-27")
    status, results = run(claims, claim)
    assert status == Status.WARN
    warning = results[1]
    assert warning["status"] == "warn"
    assert warning["message"] == (
        "Customer consent came on 2026-09-10, 45 days after the claim was created on 2026-07-27; "
        "consent must come within 30 days (by 2026-08-26)."
    )


def test_consent_on_the_thirtieth_day_is_fine(claims):
    status, _ = run(claims, view(claims, days_after_consent=20, created_at="2026-08-11"))
    assert status == Status.PASS


def test_late_submission_and_late_consent_both_reported(claims):
    status, results = run(claims, view(claims, days_after_consent=95, created_at="2026-07-01"))
    assert status == Status.FAIL
    assert [r["status"] for r in results] == ["fail", "warn"]


def test_submission_before_consent_warns(claims):
    claim = view(claims, days_after_consent=0, created_at="2026-09-01")
    claim = dataclasses.replace(
        claim,
        first_submitted_at=datetime(2026, 9, 5, tzinfo=UTC),
        submitted_at=datetime(2026, 9, 5, tzinfo=UTC),
    )
    status, results = run(claims, claim)
    assert status == Status.WARN
    assert "before customer consent" in results[0]["message"]


def test_first_submission_decides_not_the_resubmittal(claims):
    claim = view(claims, days_after_consent=110)  # resubmitted after Action required
    claim = dataclasses.replace(claim, first_submitted_at=datetime(2026, 10, 20, tzinfo=UTC))
    status, results = run(claims, claim)
    assert status == Status.PASS
    assert "First submitted on 2026-10-20" in results[0]["message"]


def test_resubmittal_after_the_action_required_window_warns(claims):
    claim = view(claims, days_after_consent=125)  # standard: 120 days in Action required
    claim = dataclasses.replace(claim, first_submitted_at=datetime(2026, 10, 20, tzinfo=UTC))
    status, results = run(claims, claim)
    assert status == Status.WARN
    assert "after the Action required deadline of 2027-01-08" in results[-1]["message"]


def test_dispute_resubmittal_is_not_held_to_the_action_required_window(claims):
    claim = view(claims, days_after_consent=125)
    claim = dataclasses.replace(
        claim, first_submitted_at=datetime(2026, 10, 20, tzinfo=UTC), is_dispute=True
    )
    status, _ = run(claims, claim)
    assert status == Status.PASS


def test_unknown_activity_type_is_an_error(claims):
    claim = view(claims, days_after_consent=10)
    claim = dataclasses.replace(
        claim, engagement=dataclasses.replace(claim.engagement, activity_type="mega")
    )
    status, results = run(claims, claim)
    assert status == Status.ERROR
    assert "Unknown activity type 'mega'" in results[0]["message"]


@pytest.mark.parametrize("example", Deadline.examples, ids=lambda e: e.name)
def test_examples(claims, example):
    status, _ = run(claims, example.build(claims))
    assert status == example.expected
