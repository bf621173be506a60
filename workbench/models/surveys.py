"""The partner and customer surveys, with the e-signature that ends each."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import JSON, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from workbench.domain.enums import SurveyRole, SurveyStatus
from workbench.models.base import Base
from workbench.models.types import StrEnumType

if TYPE_CHECKING:
    from workbench.models.claim import Claim


class Survey(Base):
    __tablename__ = "surveys"
    __table_args__ = (UniqueConstraint("claim_id", "role"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id"))
    role: Mapped[SurveyRole] = mapped_column(StrEnumType(SurveyRole, 20))
    status: Mapped[SurveyStatus] = mapped_column(StrEnumType(SurveyStatus, 20))
    completed_at: Mapped[datetime | None]
    responses: Mapped[list[Any]] = mapped_column(JSON, default=list)
    signature: Mapped[str | None] = mapped_column(String(1000))

    claim: Mapped[Claim] = relationship(back_populates="surveys")
