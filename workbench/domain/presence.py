"""Who has a claim open: the claim page reports in while it is open."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.models import Claim, ClaimPresence, User

# A page reports every 30 s; after this long without a report it is closed.
STALE_AFTER = timedelta(seconds=90)


def touch(session: Session, claim: Claim, user: User, *, now: datetime) -> None:
    """Record that ``user`` has ``claim`` open (flush, never commit)."""
    presence = session.get(ClaimPresence, (claim.id, user.id))
    if presence is None:
        session.add(ClaimPresence(claim_id=claim.id, user_id=user.id, last_seen_at=now))
    else:
        presence.last_seen_at = now
    session.flush()


def others_viewing(session: Session, claim: Claim, user: User, *, now: datetime) -> list[User]:
    """The other users who have had ``claim`` open in the last moments."""
    return list(
        session.scalars(
            select(User)
            .join(ClaimPresence, ClaimPresence.user_id == User.id)
            .where(
                ClaimPresence.claim_id == claim.id,
                ClaimPresence.user_id != user.id,
                ClaimPresence.last_seen_at >= now - STALE_AFTER,
            )
            .order_by(User.display_name)
        )
    )
