"""Stored outcomes of automated checks; they outlive the plugin that made them."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import JSON, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from workbench.domain.enums import CheckStatus
from workbench.models.base import Base, utcnow
from workbench.models.types import StrEnumType

if TYPE_CHECKING:
    from workbench.models.claim import Claim


class CheckResult(Base):
    __tablename__ = "check_results"
    __table_args__ = (Index("ix_check_results_claim_check", "claim_id", "check_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id"))
    submittal_id: Mapped[int | None] = mapped_column(ForeignKey("submittals.id"))
    check_id: Mapped[str] = mapped_column(String(80))
    check_version: Mapped[str] = mapped_column(String(40))
    # Kept with the result so it still reads right after the plugin is gone.
    check_title: Mapped[str] = mapped_column(String(200), default="", server_default="")
    severity: Mapped[str] = mapped_column(String(20), default="blocking", server_default="blocking")
    status: Mapped[CheckStatus] = mapped_column(StrEnumType(CheckStatus, 10))
    message: Mapped[str] = mapped_column(Text)
    # [{"document": ..., "location": ..., "excerpt": ...}], as in the result document.
    evidence: Mapped[list[Any]] = mapped_column(JSON, default=list)
    # Hash of everything the check read (claim fields, documents, its version):
    # a re-run with the same fingerprint can reuse this row.
    fingerprint: Mapped[str] = mapped_column(String(64))
    ran_at: Mapped[datetime] = mapped_column(default=utcnow)
    # False once a newer run of the same check on the same claim replaced it.
    current: Mapped[bool] = mapped_column(default=True)

    claim: Mapped[Claim] = relationship(back_populates="check_results")
