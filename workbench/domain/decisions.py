"""Reviewer actions: pick a claim up, and decide it.

Every path that decides a claim (CLI, demo, web pages, API) goes through
:func:`decide`, so the status change, its history, the partner-visible comment,
the decision record and the partner's notification (an outbox message) are
always written together, in the caller's transaction.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from workbench.domain.enums import ActorKind, DecisionOutcome, Visibility
from workbench.domain.notifications import record_status_notification
from workbench.domain.workflow import Actor, Event, apply
from workbench.models import Claim, Comment, Decision, User

_EVENT_FOR_OUTCOME = {
    DecisionOutcome.APPROVE: Event.APPROVE,
    DecisionOutcome.REQUEST_ACTION: Event.REQUEST_ACTION,
    DecisionOutcome.REJECT: Event.REJECT,
}


class StaleClaim(Exception):
    """The claim changed after the reviewer loaded it."""

    def __init__(self, claim_id: str) -> None:
        super().__init__(
            f"Claim {claim_id} changed since you opened it; reload it and decide again."
        )


def _check_version(claim: Claim, expected_version: int | None) -> None:
    if expected_version is not None and claim.version != expected_version:
        raise StaleClaim(claim.claim_id)


def pick_up(
    session: Session, claim: Claim, reviewer: User, *, at: datetime,
    expected_version: int | None = None,
) -> None:  # fmt: skip
    """Set a Submitted claim Under review, assigned to ``reviewer``."""
    _check_version(claim, expected_version)
    apply(session, claim, Event.PICK_UP, actor=Actor.for_user(reviewer), at=at)


def decide(
    session: Session,
    claim: Claim,
    outcome: DecisionOutcome,
    reviewer: User,
    *,
    at: datetime,
    comment: str | None = None,
    override_reason: str | None = None,
    expected_version: int | None = None,
    signature: str = "Workshops - POE Validation Team",
) -> Decision:
    """Approve, request action on, or reject a claim that is Under review.

    ``signature`` (the configured REVIEW_TEAM_SIGNATURE) signs the notification
    mail. Flushes, never commits.
    """
    _check_version(claim, expected_version)
    on_dispute = claim.is_dispute
    body = (comment or "").strip() or None
    apply(
        session, claim, _EVENT_FOR_OUTCOME[DecisionOutcome(outcome)],
        actor=Actor.for_user(reviewer), at=at, comment=body,
        details={"override_reason": override_reason} if override_reason else None,
    )  # fmt: skip
    partner_comment = None
    if body is not None:
        partner_comment = Comment(
            claim=claim,
            at=at,
            author_kind=ActorKind.REVIEWER,
            author_user_id=reviewer.id,
            author_name=reviewer.display_name,
            body=body,
            visibility=Visibility.PARTNER,
            submittal_id=claim.latest_submittal.id if claim.latest_submittal else None,
        )
        session.add(partner_comment)
    decision = Decision(
        claim=claim,
        submittal_id=claim.latest_submittal.id if claim.latest_submittal else None,
        at=at,
        reviewer_id=reviewer.id,
        outcome=DecisionOutcome(outcome),
        on_dispute=on_dispute,
        comment=partner_comment,
        override_reason=override_reason,
    )
    session.add(decision)
    session.flush()
    record_status_notification(session, claim, at=at, comment=body, signature=signature)
    return decision
