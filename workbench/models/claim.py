"""The claim: one engagement delivered by one partner location to one customer."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from workbench.domain.enums import ClaimStatus, SubmittalKind
from workbench.models.base import Base, utcnow
from workbench.models.types import FixedDecimal, Money, StrEnumType

if TYPE_CHECKING:
    from workbench.models.catalog import Engagement
    from workbench.models.check_results import CheckResult
    from workbench.models.documents import Document, SubmittalDocument
    from workbench.models.history import Comment, Decision, HistoryEvent
    from workbench.models.parties import Customer, PartnerLocation
    from workbench.models.surveys import Survey
    from workbench.models.users import User


class Claim(Base):
    __tablename__ = "claims"
    __table_args__ = (Index("ix_claims_status_submitted_at", "status", "submitted_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    claim_id: Mapped[str] = mapped_column(String(40), unique=True)
    claim_name: Mapped[str] = mapped_column(String(300))
    engagement_id: Mapped[str] = mapped_column(ForeignKey("engagements.id"))
    partner_location_id: Mapped[int] = mapped_column(ForeignKey("partner_locations.id"))
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"))

    status: Mapped[ClaimStatus] = mapped_column(StrEnumType(ClaimStatus))
    is_dispute: Mapped[bool] = mapped_column(default=False)
    created_on: Mapped[date]
    consent_date: Mapped[date]
    first_submitted_at: Mapped[datetime]
    submitted_at: Mapped[datetime]
    # The latest rejection starts the 30-day dispute window.
    rejected_at: Mapped[datetime | None]

    deal_size_usd: Mapped[Decimal | None] = mapped_column(Money)
    requested_hours: Mapped[Decimal | None] = mapped_column(FixedDecimal(2))
    proposed_payout_usd: Mapped[Decimal | None] = mapped_column(Money)

    partner_contact_name: Mapped[str | None] = mapped_column(String(200))
    partner_contact_email: Mapped[str | None] = mapped_column(String(320))
    customer_contact_name: Mapped[str | None] = mapped_column(String(200))
    customer_contact_email: Mapped[str | None] = mapped_column(String(320))
    customer_contact_title: Mapped[str | None] = mapped_column(String(200))
    domain_mismatch_reason: Mapped[str | None] = mapped_column(String(1000))
    # The Partner Center user who added the customer (claim.json "submitted_by", optional):
    # status notifications go to them as well as to the partner contact.
    submitted_by_name: Mapped[str | None] = mapped_column(String(200))
    submitted_by_email: Mapped[str | None] = mapped_column(String(320))

    assignee_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    imported_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    # Optimistic locking: a decision made on a stale page is refused, not merged.
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}

    engagement: Mapped[Engagement] = relationship()
    partner: Mapped[PartnerLocation] = relationship()
    customer: Mapped[Customer] = relationship()
    assignee: Mapped[User | None] = relationship()
    submittals: Mapped[list[Submittal]] = relationship(
        back_populates="claim", order_by="Submittal.number", cascade="all, delete-orphan"
    )
    documents: Mapped[list[Document]] = relationship(
        back_populates="claim", order_by="Document.id", cascade="all, delete-orphan"
    )
    surveys: Mapped[list[Survey]] = relationship(
        back_populates="claim", order_by="Survey.role", cascade="all, delete-orphan"
    )
    history: Mapped[list[HistoryEvent]] = relationship(
        back_populates="claim", order_by="HistoryEvent.id", cascade="all, delete-orphan"
    )
    comments: Mapped[list[Comment]] = relationship(
        back_populates="claim", order_by="Comment.id", cascade="all, delete-orphan"
    )
    decisions: Mapped[list[Decision]] = relationship(
        back_populates="claim", order_by="Decision.id", cascade="all, delete-orphan"
    )
    check_results: Mapped[list[CheckResult]] = relationship(
        back_populates="claim", order_by="CheckResult.id", cascade="all, delete-orphan"
    )

    @property
    def latest_submittal(self) -> Submittal | None:
        return self.submittals[-1] if self.submittals else None

    def survey(self, role: str) -> Survey | None:
        return next((s for s in self.surveys if s.role == role), None)

    def __repr__(self) -> str:
        return f"<Claim {self.claim_id} {self.status.value}>"


class Submittal(Base):
    """One arrival of the claim's bundle: the first submission, a resubmittal or a dispute.

    The documents listed in the latest submittal are the claim's current POE;
    earlier submittals keep theirs on record.
    """

    __tablename__ = "submittals"
    __table_args__ = (UniqueConstraint("claim_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id"))
    number: Mapped[int]
    kind: Mapped[SubmittalKind] = mapped_column(StrEnumType(SubmittalKind, 20))
    submitted_at: Mapped[datetime]
    received_at: Mapped[datetime] = mapped_column(default=utcnow)
    source: Mapped[str] = mapped_column(String(40))
    # sha256 over the normalised claim.json and the documents' hashes: the same
    # bundle imported twice is recognised and changes nothing.
    fingerprint: Mapped[str] = mapped_column(String(64))

    claim: Mapped[Claim] = relationship(back_populates="submittals")
    entries: Mapped[list[SubmittalDocument]] = relationship(
        back_populates="submittal",
        order_by="SubmittalDocument.position",
        cascade="all, delete-orphan",
    )
