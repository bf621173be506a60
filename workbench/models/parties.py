"""Partner locations and customers: the two sides of every claim."""

from __future__ import annotations

from sqlalchemy import String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from workbench.domain.enums import CustomerIdType
from workbench.models.base import Base
from workbench.models.types import StrEnumType


class PartnerLocation(Base):
    """A partner location (Partner ID); its country decides the market."""

    __tablename__ = "partner_locations"

    id: Mapped[int] = mapped_column(primary_key=True)
    partner_id: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(300))
    location: Mapped[str | None] = mapped_column(String(300))
    country: Mapped[str] = mapped_column(String(2))

    def __repr__(self) -> str:
        return f"<PartnerLocation {self.partner_id} {self.name!r}>"


class Customer(Base):
    """A customer, identified by one of its IDs (domain, TPID, tenant ...)."""

    __tablename__ = "customers"
    __table_args__ = (UniqueConstraint("id_type", "external_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    id_type: Mapped[CustomerIdType] = mapped_column(StrEnumType(CustomerIdType, 20))
    external_id: Mapped[str] = mapped_column(String(200))
    name: Mapped[str] = mapped_column(String(300))
    country: Mapped[str] = mapped_column(String(2))
    public_sector: Mapped[bool] = mapped_column(default=False)

    def __repr__(self) -> str:
        return f"<Customer {self.id_type}:{self.external_id}>"
