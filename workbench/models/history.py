"""What happened to a claim: the append-only history, comments and decisions."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import JSON, ForeignKey, String, Text, event
from sqlalchemy.orm import Mapped, mapped_column, relationship

from workbench.domain.enums import ActorKind, ClaimStatus, DecisionOutcome, Visibility
from workbench.models.base import Base, utcnow
from workbench.models.types import StrEnumType

if TYPE_CHECKING:
    from workbench.models.claim import Claim, Submittal
    from workbench.models.users import User


class HistoryEvent(Base):
    """One line of a claim's history: action, date, user (as Partner Center shows it)."""

    __tablename__ = "history_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id"), index=True)
    at: Mapped[datetime]
    action: Mapped[str] = mapped_column(String(80))
    from_status: Mapped[ClaimStatus | None] = mapped_column(StrEnumType(ClaimStatus))
    to_status: Mapped[ClaimStatus | None] = mapped_column(StrEnumType(ClaimStatus))
    actor_kind: Mapped[ActorKind] = mapped_column(StrEnumType(ActorKind, 20))
    actor_user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    actor_name: Mapped[str] = mapped_column(String(200))
    details: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    recorded_at: Mapped[datetime] = mapped_column(default=utcnow)

    claim: Mapped[Claim] = relationship(back_populates="history")


@event.listens_for(HistoryEvent, "before_update")
@event.listens_for(HistoryEvent, "before_delete")
def _history_is_append_only(mapper, connection, target: HistoryEvent) -> None:
    raise RuntimeError("claim history is append-only; record a new event instead")


class Comment(Base):
    """A comment on a claim: partner-visible, or an internal note of the review team."""

    __tablename__ = "comments"

    id: Mapped[int] = mapped_column(primary_key=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id"), index=True)
    at: Mapped[datetime]
    author_kind: Mapped[ActorKind] = mapped_column(StrEnumType(ActorKind, 20))
    author_user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    author_name: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)
    visibility: Mapped[Visibility] = mapped_column(StrEnumType(Visibility, 20))
    submittal_id: Mapped[int | None] = mapped_column(ForeignKey("submittals.id"))

    claim: Mapped[Claim] = relationship(back_populates="comments")
    submittal: Mapped[Submittal | None] = relationship()


class Decision(Base):
    """A reviewer's decision on one submittal, with the comment the partner reads."""

    __tablename__ = "decisions"

    id: Mapped[int] = mapped_column(primary_key=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id"), index=True)
    submittal_id: Mapped[int | None] = mapped_column(ForeignKey("submittals.id"))
    at: Mapped[datetime]
    reviewer_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    outcome: Mapped[DecisionOutcome] = mapped_column(StrEnumType(DecisionOutcome, 20))
    on_dispute: Mapped[bool] = mapped_column(default=False)
    comment_id: Mapped[int | None] = mapped_column(ForeignKey("comments.id"))
    # Approving while a check fails needs a reason, kept for the team lead's audit.
    override_reason: Mapped[str | None] = mapped_column(Text)

    claim: Mapped[Claim] = relationship(back_populates="decisions")
    reviewer: Mapped[User] = relationship()
    comment: Mapped[Comment | None] = relationship()
