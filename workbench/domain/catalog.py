"""Load the engagement catalog (CONTRACT section 2) into the database."""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from workbench.domain.blobs import BlobStore
from workbench.domain.enums import ActivityType, PayoutType, SolutionArea
from workbench.domain.markets import Market
from workbench.models import Engagement

MARKETS = tuple(m.value for m in Market)


class CatalogInvalid(ValueError):
    """A catalog file that cannot be loaded; the message names the entry and field."""


@dataclass(frozen=True)
class CatalogLoad:
    created: tuple[str, ...]
    updated: tuple[str, ...]
    unchanged: tuple[str, ...]


def read_catalog(path: str | Path) -> list[dict[str, Any]]:
    """Read and validate a catalog file; return its engagements as plain dicts."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise CatalogInvalid(f"{path}: no such file") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise CatalogInvalid(f"{path}: not valid JSON ({exc})") from None
    if not isinstance(data, dict) or not isinstance(data.get("engagements"), list):
        raise CatalogInvalid(f'{path}: expected {{"engagements": [...]}}')
    seen: set[str] = set()
    entries = []
    for index, raw in enumerate(data["engagements"]):
        entry = _validate_entry(raw, f"{path.name}: engagements[{index}]")
        if entry["id"] in seen:
            raise CatalogInvalid(f"{path.name}: engagement id {entry['id']!r} appears twice")
        seen.add(entry["id"])
        entries.append(entry)
    return entries


def _validate_entry(raw: Any, where: str) -> dict[str, Any]:
    if not isinstance(raw, dict):
        raise CatalogInvalid(f"{where}: expected an object")

    def text(field: str) -> str:
        value = raw.get(field)
        if not isinstance(value, str) or not value.strip():
            raise CatalogInvalid(f"{where}.{field}: a non-empty string is required")
        return value.strip()

    def choice(field: str, enum) -> str:
        value = raw.get(field)
        allowed = [m.value for m in enum]
        if value not in allowed:
            raise CatalogInvalid(f"{where}.{field}: {value!r} is not one of {', '.join(allowed)}")
        return value

    entry_id = text("id")
    where = f"{where} ({entry_id})"
    payout_type = choice("payout_type", PayoutType)
    rates = _rates(raw.get("rates_usd"), f"{where}.rates_usd")
    hourly = _rates(raw.get("hourly_rates_usd"), f"{where}.hourly_rates_usd")
    if payout_type == PayoutType.FIXED and rates is None:
        raise CatalogInvalid(f"{where}.rates_usd: a fixed-payout engagement needs rates A, B, C")
    if payout_type == PayoutType.VARIABLE and hourly is None:
        raise CatalogInvalid(
            f"{where}.hourly_rates_usd: a variable-payout engagement needs hourly rates A, B, C"
        )
    survey = raw.get("customer_survey_required", True)
    if not isinstance(survey, bool):
        raise CatalogInvalid(f"{where}.customer_survey_required: true or false")
    template = raw.get("poe_template") or {}
    if not isinstance(template, dict):
        raise CatalogInvalid(f"{where}.poe_template: expected an object")
    for field in ("required_sections", "example_files"):
        values = template.get(field, [])
        if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
            raise CatalogInvalid(f"{where}.poe_template.{field}: expected a list of strings")
    return {
        "id": entry_id,
        "name": text("name"),
        "solution_area": choice("solution_area", SolutionArea),
        "payout_type": payout_type,
        "activity_type": choice("activity_type", ActivityType),
        "rates_usd": rates,
        "hourly_rates_usd": hourly,
        "customer_survey_required": survey,
        "poe_template": {
            "required_sections": list(template.get("required_sections", [])),
            "example_files": list(template.get("example_files", [])),
        },
    }


def _rates(value: Any, where: str) -> dict[str, str] | None:
    if value is None:
        return None
    if not isinstance(value, dict) or set(value) != set(MARKETS):
        raise CatalogInvalid(f"{where}: expected an object with exactly the markets A, B and C")
    rates = {}
    for market in MARKETS:
        amount = value[market]
        try:
            decimal = Decimal(str(amount))
        except InvalidOperation:
            raise CatalogInvalid(f"{where}.{market}: {amount!r} is not a number") from None
        if isinstance(amount, bool) or not decimal.is_finite() or decimal < 0:
            raise CatalogInvalid(f"{where}.{market}: {amount!r} is not a positive amount")
        rates[market] = str(decimal)
    return rates


def load_catalog(session: Session, path: str | Path, blobs: BlobStore) -> CatalogLoad:
    """Create or update engagements from a catalog file; flush, never commit.

    Template example files (paths relative to the catalog file) are copied into
    the blob store and recorded by hash, so the duplicate check can compare POE
    with them wherever the catalog came from. Engagements missing from the file
    are kept: claims refer to them.
    """
    path = Path(path)
    created, updated, unchanged = [], [], []
    for entry in read_catalog(path):
        entry["poe_template"]["example_blobs"] = _store_examples(entry, path.parent, blobs)
        engagement = session.get(Engagement, entry["id"])
        if engagement is None:
            session.add(Engagement(**entry))
            created.append(entry["id"])
            continue
        changed = False
        for field, value in entry.items():
            current = getattr(engagement, field)
            if current != value:
                setattr(engagement, field, value)
                changed = True
        (updated if changed else unchanged).append(entry["id"])
    session.flush()
    return CatalogLoad(tuple(created), tuple(updated), tuple(unchanged))


def _store_examples(entry: dict[str, Any], base: Path, blobs: BlobStore) -> list[dict[str, Any]]:
    stored = []
    for name in entry["poe_template"]["example_files"]:
        example = (base / name).resolve()
        if not example.is_file():
            raise CatalogInvalid(
                f"engagement {entry['id']!r}: template example {name!r} not found at {example}"
            )
        blob = blobs.put_file(example)
        stored.append({"file": Path(name).name, "sha256": blob.sha256, "size": blob.size})
    return stored


def default_catalog_path() -> Path:
    return Path(__file__).resolve().parent.parent / "data" / "catalog.json"
