"""Reviewers' saved queue views, and who has which claim open right now."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from workbench.models.base import Base, utcnow
from workbench.models.users import User


class SavedView(Base):
    """A named queue filter (the query string of the queue URL), private or shared."""

    __tablename__ = "saved_views"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    shared: Mapped[bool] = mapped_column(default=False)
    query: Mapped[str] = mapped_column(String(2000))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    owner: Mapped[User] = relationship()


class ClaimPresence(Base):
    """A claim page open in a reviewer's browser, refreshed by the page while it is open."""

    __tablename__ = "claim_presence"

    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id"), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), primary_key=True)
    last_seen_at: Mapped[datetime] = mapped_column(default=utcnow)

    user: Mapped[User] = relationship()
