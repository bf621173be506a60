"""Column types that behave the same on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

from sqlalchemy import BigInteger, DateTime
from sqlalchemy.types import TypeDecorator


class UTCDateTime(TypeDecorator[datetime]):
    """Store naive UTC, hand back aware UTC.

    SQLite keeps no time zone and PostgreSQL's ``timestamptz`` converts to the
    session's zone; storing naive UTC everywhere makes comparisons and deadline
    arithmetic identical on both.
    """

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError(f"naive datetime {value!r} given; use an aware UTC datetime")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC)


class FixedDecimal(TypeDecorator[Decimal]):
    """A decimal with a fixed number of places, stored as a scaled integer.

    Money must be exact, and SQLite has no exact decimal type (SQLAlchemy warns
    and goes through floats); an integer number of cents is exact everywhere.
    """

    impl = BigInteger
    cache_ok = True

    def __init__(self, places: int = 2) -> None:
        super().__init__()
        self.places = places
        self._scale = 10**places
        self._quantum = Decimal(1).scaleb(-places)

    def process_bind_param(self, value: Decimal | int | None, dialect) -> int | None:
        if value is None:
            return None
        scaled = Decimal(value) * self._scale
        if scaled != scaled.to_integral_value():
            raise ValueError(f"{value} has more than {self.places} decimal places")
        return int(scaled)

    def process_result_value(self, value: int | None, dialect) -> Decimal | None:
        if value is None:
            return None
        return (Decimal(value) / self._scale).quantize(self._quantum)


Money = FixedDecimal(2)


def StrEnumType(enum_cls, length: int = 40):
    """Store a StrEnum by its value in a plain VARCHAR.

    No native ENUM: adding a status later is then a code change, not an
    ALTER TYPE that PostgreSQL cannot run inside a transaction.
    """
    from sqlalchemy import Enum

    return Enum(
        enum_cls,
        native_enum=False,
        create_constraint=False,
        length=length,
        values_callable=lambda members: [member.value for member in members],
        validate_strings=True,
    )
