"""Login sessions kept on the server.

The signed cookie holds only a random token; the session itself lives here,
so logging out (or changing a password) ends it for real: a copy of the
cookie taken earlier stops working at once.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from workbench.domain.users import validate_password
from workbench.models import User, UserSession, utcnow

# A session unused for this long is over, whatever the cookie says.
IDLE_LIMIT = timedelta(hours=12)
# Don't write last_seen_at on every request; this is precise enough for idling out.
TOUCH_EVERY = timedelta(minutes=5)


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def start_session(session: Session, user: User, *, user_agent: str | None = None) -> str:
    """Open a session for ``user`` and return its token (flush, never commit)."""
    token = secrets.token_urlsafe(32)
    session.add(
        UserSession(
            token_hash=_hash(token), user_id=user.id, user_agent=(user_agent or "")[:300] or None
        )
    )
    session.flush()
    return token


def active_session(
    session: Session, token: str, *, now: datetime | None = None
) -> UserSession | None:
    """Return the live session for ``token``, or None if it ended, idled out or its user is off."""
    now = now or utcnow()
    found = session.scalar(select(UserSession).where(UserSession.token_hash == _hash(token)))
    if found is None or found.revoked_at is not None:
        return None
    if now - found.last_seen_at > IDLE_LIMIT:
        return None
    user = session.get(User, found.user_id)
    if user is None or not user.active:
        return None
    if now - found.last_seen_at > TOUCH_EVERY:
        found.last_seen_at = now
    return found


def end_session(session: Session, token: str) -> None:
    session.execute(
        update(UserSession)
        .where(UserSession.token_hash == _hash(token), UserSession.revoked_at.is_(None))
        .values(revoked_at=utcnow())
    )


def end_all_sessions(session: Session, user: User) -> None:
    session.execute(
        update(UserSession)
        .where(UserSession.user_id == user.id, UserSession.revoked_at.is_(None))
        .values(revoked_at=utcnow())
    )


class WrongPassword(ValueError):
    pass


def change_password(session: Session, user: User, current: str, new: str) -> None:
    """Set a new password and end every session of the user (flush, never commit)."""
    if not user.check_password(current):
        raise WrongPassword("the current password is wrong")
    validate_password(new)
    user.set_password(new)
    end_all_sessions(session, user)
    session.flush()
