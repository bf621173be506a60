"""Engagements: what partners can claim for, and what each pays."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import JSON, String
from sqlalchemy.orm import Mapped, mapped_column

from workbench.domain.enums import ActivityType, PayoutType, SolutionArea
from workbench.models.base import Base, utcnow
from workbench.models.types import StrEnumType


class Engagement(Base):
    __tablename__ = "engagements"

    id: Mapped[str] = mapped_column(String(120), primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    solution_area: Mapped[SolutionArea] = mapped_column(StrEnumType(SolutionArea))
    payout_type: Mapped[PayoutType] = mapped_column(StrEnumType(PayoutType, 20))
    activity_type: Mapped[ActivityType] = mapped_column(StrEnumType(ActivityType, 20))
    # {"A": 15000, "B": 12000, "C": 7500}; money is kept as strings so JSON
    # never rounds it through a float.
    rates_usd: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    hourly_rates_usd: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    customer_survey_required: Mapped[bool] = mapped_column(default=True)
    # {"required_sections": [...], "example_files": [...]} as in the catalog file.
    poe_template: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    def rate_for_market(self, market: str) -> Decimal | None:
        """Return the fixed payout for ``market``, or None for variable payout."""
        if self.rates_usd is None:
            return None
        value = self.rates_usd.get(market)
        return None if value is None else Decimal(str(value))

    def hourly_rate_for_market(self, market: str) -> Decimal | None:
        if self.hourly_rates_usd is None:
            return None
        value = self.hourly_rates_usd.get(market)
        return None if value is None else Decimal(str(value))

    @property
    def required_sections(self) -> list[str]:
        return list(self.poe_template.get("required_sections", []))

    @property
    def example_files(self) -> list[str]:
        return list(self.poe_template.get("example_files", []))

    @property
    def example_blobs(self) -> list[dict[str, Any]]:
        """Template examples as stored at catalog load: file name, sha256, size."""
        return list(self.poe_template.get("example_blobs", []))

    def __repr__(self) -> str:
        return f"<Engagement {self.id}>"
