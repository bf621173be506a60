"""API tokens for the partner-side intake API (CONTRACT section 5).

A token is shown once, when it is created; the database keeps only its
sha256, so a leaked database holds no usable token. Functions here flush,
never commit: the caller owns the transaction.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.models import ApiToken, utcnow

TOKEN_PREFIX = "wbt_"
# Stored to tell tokens apart in listings: "wbt_" and the first 8 random characters.
SHOWN_PREFIX_LENGTH = 12
MAX_NAME_LENGTH = 120
# A presented token longer than this is not one of ours; do not even hash it.
MAX_PRESENTED_LENGTH = 200
# last_used_at moves at most this often, so busy clients do not write on every request.
TOUCH_INTERVAL = timedelta(minutes=1)


class TokenInvalid(Exception):
    """A token cannot be created or changed as asked; the message says why."""


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def create_token(session: Session, name: str) -> tuple[ApiToken, str]:
    """Create a token named ``name``; return the row and the plaintext (shown once)."""
    name = (name or "").strip()
    if not name:
        raise TokenInvalid("a token needs a name (who or what uses it)")
    if len(name) > MAX_NAME_LENGTH:
        raise TokenInvalid(f"the name is longer than {MAX_NAME_LENGTH} characters")
    plaintext = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken(
        name=name,
        token_hash=hash_token(plaintext),
        prefix=plaintext[:SHOWN_PREFIX_LENGTH],
        created_at=utcnow(),
    )
    session.add(token)
    session.flush()
    return token, plaintext


def authenticate(
    session: Session, presented: str | None, *, now: datetime | None = None
) -> ApiToken | None:
    """Return the live token ``presented`` stands for, or None (unknown or revoked)."""
    if not presented or len(presented) > MAX_PRESENTED_LENGTH:
        return None
    token = session.scalar(select(ApiToken).where(ApiToken.token_hash == hash_token(presented)))
    if token is None or token.revoked_at is not None:
        return None
    now = now or utcnow()
    if token.last_used_at is None or now - token.last_used_at >= TOUCH_INTERVAL:
        token.last_used_at = now
        session.flush()
    return token


def revoke(session: Session, token_id: int, *, now: datetime | None = None) -> ApiToken:
    """Revoke a token for good; revoking it again changes nothing."""
    token = session.get(ApiToken, token_id)
    if token is None:
        raise TokenInvalid(f"there is no API token with id {token_id}")
    if token.revoked_at is None:
        token.revoked_at = now or utcnow()
        session.flush()
    return token


def list_tokens(session: Session) -> list[ApiToken]:
    """Every token, revoked ones too, oldest first."""
    return list(session.scalars(select(ApiToken).order_by(ApiToken.id)))
