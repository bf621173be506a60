"""The decision service: the one door every decision goes through.

Pages, keyboard shortcuts, any bulk action and the API call
:func:`decide_claim`; it applies the rules that sit above the state machine
(approving over a failed blocking check needs a recorded reason), then
:func:`workbench.domain.decisions.decide` writes the status change, history,
comment, decision and notification in the caller's transaction.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.domain import decisions
from workbench.domain.enums import CheckStatus, DecisionOutcome
from workbench.models import CheckResult, Claim, Decision, User


class DecisionRefused(Exception):
    """A decision the review rules do not allow as asked; the message says what is missing."""


def current_results(session: Session, claim: Claim) -> list[CheckResult]:
    """The claim's latest result rows of every check, by check id."""
    return list(
        session.scalars(
            select(CheckResult)
            .where(CheckResult.claim_id == claim.id, CheckResult.current.is_(True))
            .order_by(CheckResult.check_id, CheckResult.id)
        )
    )


def blocking_failures(results: list[CheckResult]) -> list[CheckResult]:
    return [
        r
        for r in results
        if r.severity == "blocking" and r.status in (CheckStatus.FAIL, CheckStatus.ERROR)
    ]


def decide_claim(
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
    """Decide ``claim`` under the review rules; flush, never commit."""
    outcome = DecisionOutcome(outcome)
    override_reason = (override_reason or "").strip() or None
    if outcome == DecisionOutcome.APPROVE:
        failing = blocking_failures(current_results(session, claim))
        if failing and override_reason is None:
            names = ", ".join(sorted({r.check_id for r in failing}))
            raise DecisionRefused(
                f"Approving while blocking checks fail ({names}) needs an override reason; "
                "it is recorded for the team lead's audit."
            )
    elif outcome in (DecisionOutcome.REQUEST_ACTION, DecisionOutcome.REJECT) and not (
        comment and comment.strip()
    ):
        raise DecisionRefused("Write a comment for the partner saying why.")
    return decisions.decide(
        session, claim, outcome, reviewer, at=at, comment=comment,
        override_reason=override_reason, expected_version=expected_version, signature=signature,
    )  # fmt: skip
