"""The state machine, walked row by row against DOMAIN.md's transition table."""

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select

from workbench.domain import decisions
from workbench.domain.enums import ActorKind, ClaimStatus, DecisionOutcome
from workbench.domain.expiry import expire_claims
from workbench.domain.workflow import TRANSITIONS, Actor, Event, IllegalTransition, apply
from workbench.models import Claim, Customer, Decision, HistoryEvent, PartnerLocation

S = ClaimStatus
NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
# A standard engagement: 90 days to submit, 120 in Action required.
RECENT_CONSENT = date(2026, 10, 1)


@pytest.fixture
def make_claim(session, catalog):
    partner = PartnerLocation(partner_id="5272302", name="FridayINC", country="US")
    customer = Customer(id_type="domain", external_id="contoso.com", name="Contoso", country="US")
    counter = iter(range(1, 1000))

    def make(status, *, is_dispute=False, consent=RECENT_CONSENT, rejected_at=None):
        claim = Claim(
            claim_id=f"30000{next(counter):02d}",
            claim_name="Contoso - Enable Frontline",
            engagement_id="enable-frontline-workshop",
            partner=partner,
            customer=customer,
            status=status,
            is_dispute=is_dispute,
            created_on=consent - timedelta(days=5),
            consent_date=consent,
            first_submitted_at=NOW - timedelta(days=10),
            submitted_at=NOW - timedelta(days=10),
            rejected_at=rejected_at,
        )
        session.add(claim)
        session.flush()
        return claim

    return make


@pytest.fixture
def reviewer(make_user):
    return make_user("rita", "reviewer", "Rita Reviewer")


def actor_for(kind, reviewer):
    return {
        ActorKind.PARTNER: Actor.partner("Priya Kaur"),
        ActorKind.REVIEWER: Actor.for_user(reviewer),
        ActorKind.SYSTEM: Actor.system(),
    }[kind]


# DOMAIN.md's table, written out independently of the code's table.
DOMAIN_TABLE = [
    (S.CONSENT_RECEIVED, Event.SUBMIT, S.SUBMITTED, ActorKind.PARTNER, False),
    (S.SUBMITTED, Event.PICK_UP, S.UNDER_REVIEW, ActorKind.REVIEWER, False),
    (S.UNDER_REVIEW, Event.APPROVE, S.APPROVED, ActorKind.REVIEWER, False),
    (S.UNDER_REVIEW, Event.REQUEST_ACTION, S.ACTION_REQUIRED, ActorKind.REVIEWER, False),
    (S.UNDER_REVIEW, Event.REJECT, S.REJECTED, ActorKind.REVIEWER, False),
    (S.ACTION_REQUIRED, Event.RESUBMIT, S.SUBMITTED, ActorKind.PARTNER, False),
    (S.ACTION_REQUIRED, Event.EXPIRE, S.POST_SUBMISSION_EXPIRED, ActorKind.SYSTEM, False),
    (S.REJECTED, Event.DISPUTE, S.DISPUTED, ActorKind.PARTNER, False),
    (S.DISPUTED, Event.SUBMIT_DISPUTE, S.SUBMITTED, ActorKind.PARTNER, False),
    (S.DISPUTED, Event.EXPIRE, S.DISPUTED_EXPIRED, ActorKind.SYSTEM, False),
    (S.REJECTED, Event.EXPIRE, S.REJECTED_FINAL, ActorKind.SYSTEM, False),
    (S.UNDER_REVIEW, Event.APPROVE, S.APPROVED, ActorKind.REVIEWER, True),
    (S.UNDER_REVIEW, Event.REJECT, S.REJECTED_FINAL, ActorKind.REVIEWER, True),
]


def setup_for(row_source, event, is_dispute):
    """Claim attributes under which the row's guards allow the move at NOW."""
    kwargs = {"is_dispute": is_dispute}
    if event == Event.EXPIRE and row_source == S.ACTION_REQUIRED:
        kwargs["consent"] = NOW.date() - timedelta(days=121)
    elif event == Event.EXPIRE:
        kwargs["rejected_at"] = NOW - timedelta(days=31)
    elif row_source in (S.REJECTED, S.DISPUTED):
        kwargs["rejected_at"] = NOW - timedelta(days=3)
    return kwargs


def test_the_code_table_is_the_domain_table():
    code_rows = {(t.source, t.event, t.target, t.actor, bool(t.dispute)) for t in TRANSITIONS}
    assert code_rows == set(DOMAIN_TABLE)


@pytest.mark.parametrize(
    ("source", "event", "target", "actor_kind", "is_dispute"),
    DOMAIN_TABLE,
    ids=[f"{r[0].value}-{r[1].value}{'-dispute' if r[4] else ''}" for r in DOMAIN_TABLE],
)
def test_each_row(session, make_claim, reviewer, source, event, target, actor_kind, is_dispute):
    claim = make_claim(source, **setup_for(source, event, is_dispute))
    actor = actor_for(actor_kind, reviewer)
    entry = apply(session, claim, event, actor=actor, at=NOW, comment="See the invoice amount.")
    assert claim.status == target
    assert (entry.from_status, entry.to_status) == (source, target)
    assert entry.actor_kind == actor_kind
    assert entry.actor_name == actor.name
    history = session.scalars(select(HistoryEvent).where(HistoryEvent.claim_id == claim.id)).all()
    assert [h.action for h in history] == [entry.action]


def test_history_actions_use_partner_center_wording(session, make_claim, reviewer):
    claim = make_claim(S.CONSENT_RECEIVED)
    apply(session, claim, Event.SUBMIT, actor=Actor.partner(), at=NOW)
    decisions.pick_up(session, claim, reviewer, at=NOW)
    decisions.decide(session, claim, DecisionOutcome.APPROVE, reviewer, at=NOW)
    assert [h.action for h in claim.history] == ["Submission", "Set under review", "Approval"]
    assert claim.assignee_id == reviewer.id


@pytest.mark.parametrize(
    ("status", "event", "actor_kind", "message"),
    [
        (S.SUBMITTED, Event.APPROVE, ActorKind.REVIEWER, "pick the claim up"),
        (S.SUBMITTED, Event.REJECT, ActorKind.REVIEWER, "pick the claim up"),
        (S.ACTION_REQUIRED, Event.APPROVE, ActorKind.REVIEWER, "only claims that are Under review"),
        (S.APPROVED, Event.REJECT, ActorKind.REVIEWER, "only claims that are Under review"),
        (S.UNDER_REVIEW, Event.PICK_UP, ActorKind.REVIEWER, "only Submitted claims"),
        (S.APPROVED, Event.RESUBMIT, ActorKind.PARTNER, "Approved is final"),
        (S.SUBMITTED, Event.RESUBMIT, ActorKind.PARTNER, "only from Action required"),
        (S.UNDER_REVIEW, Event.APPROVE, ActorKind.PARTNER, "only the reviewer can do this"),
        (S.SUBMITTED, Event.PICK_UP, ActorKind.SYSTEM, "only the reviewer can do this"),
        (S.ACTION_REQUIRED, Event.RESUBMIT, ActorKind.REVIEWER, "only the partner"),
        (S.REJECTED_FINAL, Event.DISPUTE, ActorKind.PARTNER, "Rejected final is final"),
    ],
)
def test_illegal_moves_say_why(session, make_claim, reviewer, status, event, actor_kind, message):
    claim = make_claim(status, rejected_at=NOW - timedelta(days=1))
    with pytest.raises(IllegalTransition) as refused:
        apply(session, claim, event, actor=actor_for(actor_kind, reviewer), at=NOW, comment="x")
    assert message in str(refused.value)
    assert f"claim {claim.claim_id}" in str(refused.value)
    assert claim.status == status
    assert session.scalars(select(HistoryEvent)).all() == []


@pytest.mark.parametrize("event", [Event.REQUEST_ACTION, Event.REJECT])
def test_request_action_and_reject_need_a_comment(session, make_claim, reviewer, event):
    claim = make_claim(S.UNDER_REVIEW)
    with pytest.raises(IllegalTransition, match="comment for the partner"):
        apply(session, claim, event, actor=Actor.for_user(reviewer), at=NOW, comment="   ")
    assert claim.status == S.UNDER_REVIEW


def test_a_dispute_cannot_get_action_required(session, make_claim, reviewer):
    claim = make_claim(S.UNDER_REVIEW, is_dispute=True)
    with pytest.raises(IllegalTransition, match="a dispute can only be approved or rejected"):
        apply(session, claim, Event.REQUEST_ACTION, actor=Actor.for_user(reviewer), at=NOW,
              comment="Please upload the invoice again.")  # fmt: skip


def test_rejected_dispute_is_final_and_cannot_be_disputed_again(session, make_claim, reviewer):
    claim = make_claim(S.UNDER_REVIEW, is_dispute=True, rejected_at=NOW - timedelta(days=2))
    decisions.decide(session, claim, DecisionOutcome.REJECT, reviewer, at=NOW,
                     comment="The dispute does not change the finding.")  # fmt: skip
    assert claim.status == S.REJECTED_FINAL
    with pytest.raises(IllegalTransition, match="final"):
        apply(session, claim, Event.DISPUTE, actor=Actor.partner(), at=NOW)


@pytest.mark.parametrize(
    ("days_after", "allowed"), [(0, True), (29, True), (30, True), (31, False)]
)
def test_dispute_window(session, make_claim, days_after, allowed):
    rejected_at = datetime(2026, 10, 1, 16, 0, tzinfo=UTC)
    claim = make_claim(S.REJECTED, rejected_at=rejected_at)
    at = rejected_at + timedelta(days=days_after)
    if allowed:
        apply(session, claim, Event.DISPUTE, actor=Actor.partner(), at=at)
        apply(session, claim, Event.SUBMIT_DISPUTE, actor=Actor.partner(), at=at)
        assert claim.status == S.SUBMITTED and claim.is_dispute
    else:
        with pytest.raises(IllegalTransition, match="30-day dispute window closed on 2026-10-31"):
            apply(session, claim, Event.DISPUTE, actor=Actor.partner(), at=at)


def test_dispute_submission_after_the_window_is_refused(session, make_claim):
    claim = make_claim(S.DISPUTED, rejected_at=NOW - timedelta(days=31))
    with pytest.raises(IllegalTransition, match="dispute window closed"):
        apply(session, claim, Event.SUBMIT_DISPUTE, actor=Actor.partner(), at=NOW)


def test_resubmittal_after_the_post_submission_deadline_is_refused(session, make_claim):
    claim = make_claim(S.ACTION_REQUIRED, consent=NOW.date() - timedelta(days=121))
    with pytest.raises(IllegalTransition, match="post-submission deadline passed"):
        apply(session, claim, Event.RESUBMIT, actor=Actor.partner(), at=NOW)


def test_system_expiry_before_the_deadline_is_refused(session, make_claim):
    claim = make_claim(S.ACTION_REQUIRED, consent=NOW.date() - timedelta(days=100))
    with pytest.raises(IllegalTransition, match="post-submission deadline is"):
        apply(session, claim, Event.EXPIRE, actor=Actor.system(), at=NOW)


def test_resubmittal_returns_the_claim_to_the_queue_unassigned(session, make_claim, reviewer):
    claim = make_claim(S.UNDER_REVIEW)
    claim.assignee_id = reviewer.id
    decisions.decide(session, claim, DecisionOutcome.REQUEST_ACTION, reviewer, at=NOW,
                     comment="The invoice does not show the claim ID.")  # fmt: skip
    apply(session, claim, Event.RESUBMIT, actor=Actor.partner(), at=NOW + timedelta(days=1))
    assert claim.status == S.SUBMITTED
    assert claim.assignee_id is None
    assert claim.submitted_at == NOW + timedelta(days=1)


def test_decision_writes_comment_and_record(session, make_claim, reviewer):
    claim = make_claim(S.UNDER_REVIEW)
    decision = decisions.decide(
        session, claim, DecisionOutcome.REJECT, reviewer, at=NOW,
        comment="Partners are not eligible for activity with an affiliate.",
    )  # fmt: skip
    assert claim.status == S.REJECTED
    assert claim.rejected_at == NOW
    stored = session.scalars(select(Decision)).one()
    assert stored is decision
    assert decision.comment.visibility == "partner"
    assert decision.comment.body.startswith("Partners are not eligible")


def test_stale_decision_is_refused(session, make_claim, reviewer):
    claim = make_claim(S.UNDER_REVIEW)
    session.commit()
    seen_version = claim.version
    decisions.decide(session, claim, DecisionOutcome.APPROVE, reviewer, at=NOW,
                     expected_version=seen_version)  # fmt: skip
    session.commit()
    with pytest.raises(decisions.StaleClaim, match="changed since you opened it"):
        decisions.decide(session, claim, DecisionOutcome.APPROVE, reviewer, at=NOW,
                         expected_version=seen_version)  # fmt: skip


def test_history_is_append_only(session, make_claim):
    claim = make_claim(S.CONSENT_RECEIVED)
    entry = apply(session, claim, Event.SUBMIT, actor=Actor.partner(), at=NOW)
    session.commit()
    entry.action = "Something else"
    with pytest.raises(RuntimeError, match="append-only"):
        session.flush()
    session.rollback()
    with pytest.raises(RuntimeError, match="append-only"):
        session.delete(session.get(HistoryEvent, entry.id))
        session.flush()


def test_expiry_sweep(session, make_claim):
    old = NOW.date() - timedelta(days=200)
    expired_ar = make_claim(S.ACTION_REQUIRED, consent=old)
    live_ar = make_claim(S.ACTION_REQUIRED)
    old_rejection = make_claim(S.REJECTED, rejected_at=NOW - timedelta(days=31))
    fresh_rejection = make_claim(S.REJECTED, rejected_at=NOW - timedelta(days=30))
    stale_dispute = make_claim(S.DISPUTED, rejected_at=NOW - timedelta(days=40))
    untouched = make_claim(S.SUBMITTED, consent=old)

    expired = expire_claims(session, NOW)

    assert {(e.claim_id, e.to_status) for e in expired} == {
        (expired_ar.claim_id, S.POST_SUBMISSION_EXPIRED),
        (old_rejection.claim_id, S.REJECTED_FINAL),
        (stale_dispute.claim_id, S.DISPUTED_EXPIRED),
    }
    assert live_ar.status == S.ACTION_REQUIRED
    assert fresh_rejection.status == S.REJECTED
    assert untouched.status == S.SUBMITTED
    assert expired_ar.history[-1].actor_kind == ActorKind.SYSTEM
    assert expire_claims(session, NOW) == []
