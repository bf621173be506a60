"""The expiry sweep: the system's own transitions, run daily or on demand."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.domain.enums import ClaimStatus
from workbench.domain.workflow import Actor, Event, IllegalTransition, apply
from workbench.models import Claim


@dataclass(frozen=True)
class Expired:
    claim_id: str
    from_status: ClaimStatus
    to_status: ClaimStatus


SWEPT_STATUSES = (ClaimStatus.ACTION_REQUIRED, ClaimStatus.REJECTED, ClaimStatus.DISPUTED)


def expire_claims(session: Session, as_of: datetime) -> list[Expired]:
    """Expire every claim whose deadline passed before ``as_of``; flush, never commit.

    The guards of the transition table decide whether a deadline has passed,
    so the sweep and the table cannot disagree.
    """
    claims = session.scalars(
        select(Claim).where(Claim.status.in_(SWEPT_STATUSES)).order_by(Claim.claim_id)
    )
    expired: list[Expired] = []
    for claim in claims:
        source = claim.status
        try:
            apply(session, claim, Event.EXPIRE, actor=Actor.system(), at=as_of)
        except IllegalTransition:
            continue
        expired.append(Expired(claim.claim_id, source, claim.status))
    return expired
