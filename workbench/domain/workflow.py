"""The review-side state machine of a claim.

The table below is DOMAIN.md's transition table written as data; ``apply``
is the only code that changes a claim's status. Every move writes a history
event; an illegal one raises :class:`IllegalTransition` saying which move was
refused and why, so that callers can show it to a person unchanged.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy.orm import Session

from workbench.domain import deadlines
from workbench.domain.enums import ActorKind, ClaimStatus, Role
from workbench.models import Claim, HistoryEvent

S = ClaimStatus


class Event(StrEnum):
    SUBMIT = "submit"
    PICK_UP = "pick_up"
    APPROVE = "approve"
    REQUEST_ACTION = "request_action"
    REJECT = "reject"
    RESUBMIT = "resubmit"
    DISPUTE = "dispute"
    SUBMIT_DISPUTE = "submit_dispute"
    EXPIRE = "expire"

    @property
    def verb(self) -> str:
        return _VERBS[self]


_VERBS = {
    Event.SUBMIT: "submit",
    Event.PICK_UP: "pick up",
    Event.APPROVE: "approve",
    Event.REQUEST_ACTION: "request action on",
    Event.REJECT: "reject",
    Event.RESUBMIT: "resubmit",
    Event.DISPUTE: "dispute",
    Event.SUBMIT_DISPUTE: "submit the dispute of",
    Event.EXPIRE: "expire",
}


@dataclass(frozen=True)
class Actor:
    """Who moves the claim: the partner (through intake), a workbench user, or the system."""

    kind: ActorKind
    name: str
    user_id: int | None = None
    role: Role | None = None

    @classmethod
    def partner(cls, name: str = "Partner") -> Actor:
        return cls(ActorKind.PARTNER, name)

    @classmethod
    def system(cls) -> Actor:
        return cls(ActorKind.SYSTEM, "System")

    @classmethod
    def for_user(cls, user) -> Actor:
        return cls(ActorKind.REVIEWER, user.display_name, user.id, user.role)


class IllegalTransition(Exception):
    """A status change the process does not allow; the message says what to do instead."""

    def __init__(self, claim_id: str, status: ClaimStatus, event: Event, reason: str) -> None:
        self.claim_id = claim_id
        self.status = status
        self.event = event
        self.reason = reason
        super().__init__(
            f"Cannot {event.verb} claim {claim_id} while it is {status.value}: {reason}"
        )


# A guard returns None when the move may go ahead, or the reason it may not.
Guard = Callable[[Claim, datetime], "str | None"]


def _within_dispute_window(claim: Claim, at: datetime) -> str | None:
    if claim.rejected_at is None:
        return "the claim has no rejection to dispute"
    last_day = deadlines.dispute_deadline(claim.rejected_at)
    if deadlines.is_past(last_day, at):
        return (
            f"the 30-day dispute window closed on {last_day.isoformat()} "
            f"(rejected on {claim.rejected_at.date().isoformat()})"
        )
    return None


def _dispute_window_closed(claim: Claim, at: datetime) -> str | None:
    if claim.rejected_at is None:
        return "the claim has no rejection date"
    last_day = deadlines.dispute_deadline(claim.rejected_at)
    if not deadlines.is_past(last_day, at):
        return f"the dispute window is open until {last_day.isoformat()}"
    return None


def _before_action_required_deadline(claim: Claim, at: datetime) -> str | None:
    last_day = deadlines.action_required_deadline(
        claim.engagement.activity_type, claim.consent_date
    )
    if deadlines.is_past(last_day, at):
        return f"the post-submission deadline passed on {last_day.isoformat()}"
    return None


def _action_required_deadline_passed(claim: Claim, at: datetime) -> str | None:
    last_day = deadlines.action_required_deadline(
        claim.engagement.activity_type, claim.consent_date
    )
    if not deadlines.is_past(last_day, at):
        return f"the post-submission deadline is {last_day.isoformat()}"
    return None


@dataclass(frozen=True)
class Transition:
    """One row of the transition table.

    ``dispute`` restricts the row to claims that are (True) or are not (False)
    a dispute; None means either.
    """

    source: ClaimStatus
    event: Event
    target: ClaimStatus
    actor: ActorKind
    action: str
    dispute: bool | None = None
    needs_comment: bool = False
    guards: tuple[Guard, ...] = field(default=())


TRANSITIONS: tuple[Transition, ...] = (
    Transition(S.CONSENT_RECEIVED, Event.SUBMIT, S.SUBMITTED, ActorKind.PARTNER, "Submission"),
    Transition(S.SUBMITTED, Event.PICK_UP, S.UNDER_REVIEW, ActorKind.REVIEWER, "Set under review"),
    Transition(
        S.UNDER_REVIEW, Event.APPROVE, S.APPROVED, ActorKind.REVIEWER, "Approval", dispute=False
    ),
    Transition(
        S.UNDER_REVIEW, Event.APPROVE, S.APPROVED, ActorKind.REVIEWER, "Dispute approval",
        dispute=True,
    ),
    Transition(
        S.UNDER_REVIEW, Event.REQUEST_ACTION, S.ACTION_REQUIRED, ActorKind.REVIEWER,
        "Action required", dispute=False, needs_comment=True,
    ),
    Transition(
        S.UNDER_REVIEW, Event.REJECT, S.REJECTED, ActorKind.REVIEWER, "Rejection",
        dispute=False, needs_comment=True,
    ),
    Transition(
        S.UNDER_REVIEW, Event.REJECT, S.REJECTED_FINAL, ActorKind.REVIEWER,
        "Dispute rejection", dispute=True, needs_comment=True,
    ),
    Transition(
        S.ACTION_REQUIRED, Event.RESUBMIT, S.SUBMITTED, ActorKind.PARTNER, "Resubmission",
        guards=(_before_action_required_deadline,),
    ),
    Transition(
        S.ACTION_REQUIRED, Event.EXPIRE, S.POST_SUBMISSION_EXPIRED, ActorKind.SYSTEM,
        "Post submission claim expired", guards=(_action_required_deadline_passed,),
    ),
    Transition(
        S.REJECTED, Event.DISPUTE, S.DISPUTED, ActorKind.PARTNER, "Dispute",
        dispute=False, guards=(_within_dispute_window,),
    ),
    Transition(
        S.DISPUTED, Event.SUBMIT_DISPUTE, S.SUBMITTED, ActorKind.PARTNER, "Dispute submission",
        guards=(_within_dispute_window,),
    ),
    Transition(
        S.DISPUTED, Event.EXPIRE, S.DISPUTED_EXPIRED, ActorKind.SYSTEM,
        "Disputed claim expired", guards=(_dispute_window_closed,),
    ),
    Transition(
        S.REJECTED, Event.EXPIRE, S.REJECTED_FINAL, ActorKind.SYSTEM, "Rejection final",
        guards=(_dispute_window_closed,),
    ),
)  # fmt: skip


def transitions_from(status: ClaimStatus) -> list[Transition]:
    return [t for t in TRANSITIONS if t.source == status]


def find_transition(claim: Claim, event: Event) -> Transition:
    """Return the row that ``event`` takes from the claim's status, or raise."""
    for row in TRANSITIONS:
        if row.source != claim.status or row.event != event:
            continue
        if row.dispute is not None and row.dispute != claim.is_dispute:
            continue
        return row
    raise IllegalTransition(claim.claim_id, claim.status, event, _why_not(claim, event))


def _why_not(claim: Claim, event: Event) -> str:
    sources = sorted({t.source.value for t in TRANSITIONS if t.event == event})
    if event == Event.REQUEST_ACTION and claim.is_dispute and claim.status == S.UNDER_REVIEW:
        return "a dispute can only be approved or rejected"
    if event in (Event.APPROVE, Event.REQUEST_ACTION, Event.REJECT):
        if claim.status == S.SUBMITTED:
            return "pick the claim up (set it Under review) first"
        return "reviewers decide only claims that are Under review"
    if event == Event.PICK_UP:
        return "only Submitted claims can be picked up"
    if event == Event.DISPUTE and claim.is_dispute:
        return "a dispute that was rejected cannot be disputed again"
    if claim.status.is_final:
        return f"{claim.status.value} is final"
    return f"this is allowed only from {' or '.join(sources)}"


def apply(
    session: Session,
    claim: Claim,
    event: Event,
    *,
    actor: Actor,
    at: datetime,
    comment: str | None = None,
    details: dict[str, Any] | None = None,
) -> HistoryEvent:
    """Move ``claim`` by ``event`` and record it; flush, never commit.

    Raises :class:`IllegalTransition` when the table has no such move, the
    actor may not make it, a guard (deadline, dispute window) refuses it, or a
    required comment is missing.
    """
    row = find_transition(claim, event)
    if actor.kind != row.actor:
        raise IllegalTransition(
            claim.claim_id, claim.status, event,
            f"only the {row.actor.value} can do this, not the {actor.kind.value}",
        )  # fmt: skip
    if row.needs_comment and not (comment and comment.strip()):
        raise IllegalTransition(
            claim.claim_id, claim.status, event,
            "a comment for the partner saying why is required",
        )  # fmt: skip
    for guard in row.guards:
        reason = guard(claim, at)
        if reason is not None:
            raise IllegalTransition(claim.claim_id, claim.status, event, reason)

    source = claim.status
    claim.status = row.target
    _side_effects(claim, event, actor, at)
    entry = HistoryEvent(
        claim=claim,
        at=at,
        action=row.action,
        from_status=source,
        to_status=row.target,
        actor_kind=actor.kind,
        actor_user_id=actor.user_id,
        actor_name=actor.name,
        details=dict(details or {}),
    )
    session.add(entry)
    session.flush()
    return entry


def _side_effects(claim: Claim, event: Event, actor: Actor, at: datetime) -> None:
    if event == Event.PICK_UP:
        claim.assignee_id = actor.user_id
    elif event == Event.REJECT:
        claim.rejected_at = at
    elif event in (Event.RESUBMIT, Event.SUBMIT_DISPUTE):
        claim.submitted_at = at
        # A resubmittal goes back to the queue; whoever takes it next picks it up.
        claim.assignee_id = None
        claim.is_dispute = event == Event.SUBMIT_DISPUTE


def record(
    session: Session,
    claim: Claim,
    action: str,
    *,
    actor: Actor,
    at: datetime,
    details: dict[str, Any] | None = None,
) -> HistoryEvent:
    """Record an event that changes no status (e.g. "Document submission")."""
    entry = HistoryEvent(
        claim=claim,
        at=at,
        action=action,
        from_status=claim.status,
        to_status=claim.status,
        actor_kind=actor.kind,
        actor_user_id=actor.user_id,
        actor_name=actor.name,
        details=dict(details or {}),
    )
    session.add(entry)
    session.flush()
    return entry
