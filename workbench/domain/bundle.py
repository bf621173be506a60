"""Read and validate a claim bundle (CONTRACT section 1) without touching the database.

Everything that can be checked from the folder alone is checked here, before
any row or blob is written: a malformed bundle is refused whole, with a message
that names the file and the field.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from workbench.domain.blobs import sha256_file
from workbench.domain.countries import is_country_code
from workbench.domain.enums import (
    ClaimStatus,
    CustomerIdType,
    DocumentKind,
    SurveyRole,
    SurveyStatus,
)
from workbench.extract.sniff import ALLOWED_EXTENSIONS, Sniffed, extension_of, sniff_file

CLAIM_FILE = "claim.json"
# claim.json itself is small; a huge one is a mistake or an attack.
MAX_CLAIM_JSON_BYTES = 2 * 1024 * 1024


class BundleRejected(Exception):
    """A bundle that cannot be imported; nothing of it is kept."""

    def __init__(self, bundle: str, problem: str) -> None:
        self.bundle = bundle
        self.problem = problem
        super().__init__(f"{bundle}: {problem}")


@dataclass(frozen=True)
class BundleDocument:
    file_name: str
    kind: DocumentKind
    path: Path
    sha256: str
    size: int
    sniffed: Sniffed


@dataclass(frozen=True)
class BundleSurvey:
    role: SurveyRole
    status: SurveyStatus
    completed_at: datetime | None
    responses: list[Any]
    signature: str | None


@dataclass(frozen=True)
class BundleComment:
    author: str
    at: datetime
    body: str


@dataclass(frozen=True)
class Bundle:
    """A validated bundle: claim.json's fields, typed, and its documents, hashed."""

    name: str
    claim_id: str
    claim_name: str
    engagement_id: str
    is_dispute: bool
    created_on: date
    consent_date: date
    submitted_at: datetime | None
    partner: dict[str, Any]
    customer: dict[str, Any]
    deal_size_usd: Decimal | None
    requested_hours: Decimal | None
    proposed_payout_usd: Decimal | None
    submitted_by: dict[str, Any]
    documents: tuple[BundleDocument, ...]
    surveys: tuple[BundleSurvey, ...]
    comments: tuple[BundleComment, ...]
    fingerprint: str


def find_bundles(path: Path) -> list[Path]:
    """Return the bundle folders at ``path``: itself, or its sub-folders.

    A folder with a claim.json is a bundle; any other folder is a folder of
    bundles, whose sub-folders must each be one. Sub-folders whose names start
    with "." or "_" are skipped (``sample_poe/_followups`` holds bundles for
    later steps of the demo).
    """
    if not path.exists():
        raise BundleRejected(str(path), "no such file or folder")
    if not path.is_dir():
        raise BundleRejected(str(path), "a bundle is a folder holding claim.json")
    if (path / CLAIM_FILE).exists():
        return [path]
    children = sorted(
        child for child in path.iterdir()
        if child.is_dir() and not child.name.startswith((".", "_"))
    )  # fmt: skip
    if not children:
        raise BundleRejected(str(path), f"{CLAIM_FILE} is missing (and no bundle folders inside)")
    return children


def read_bundle(folder: Path, *, max_document_bytes: int) -> Bundle:
    """Validate the bundle in ``folder`` and hash its documents."""
    name = folder.name
    claim_path = folder / CLAIM_FILE
    if not claim_path.is_file():
        raise BundleRejected(name, f"{CLAIM_FILE} is missing")
    if claim_path.stat().st_size > MAX_CLAIM_JSON_BYTES:
        raise BundleRejected(name, f"{CLAIM_FILE} is larger than {MAX_CLAIM_JSON_BYTES} bytes")
    raw_text = claim_path.read_bytes()
    try:
        data = json.loads(raw_text.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise BundleRejected(name, f"{CLAIM_FILE} is not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise BundleRejected(
            name,
            f"{CLAIM_FILE} is not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}",
        ) from None
    except RecursionError:
        raise BundleRejected(name, f"{CLAIM_FILE} is nested too deeply to be a claim") from None
    fields = _Fields(name, data)
    return fields.build(folder, max_document_bytes)


class _Fields:
    """Typed access to claim.json, raising BundleRejected that names the field."""

    def __init__(self, bundle: str, data: Any) -> None:
        if not isinstance(data, dict):
            raise BundleRejected(bundle, f"{CLAIM_FILE} must hold a JSON object")
        self.bundle = bundle
        self.data = data

    def fail(self, field: str, problem: str) -> BundleRejected:
        return BundleRejected(self.bundle, f"{CLAIM_FILE}: {field} {problem}")

    def _get(self, obj: dict, field: str, path: str, required: bool) -> Any:
        value = obj.get(field)
        if value is None and required:
            raise self.fail(path, "is required")
        return value

    def text(self, obj: dict, field: str, path: str, *, required: bool = True,
             max_len: int = 300) -> str | None:  # fmt: skip
        value = self._get(obj, field, path, required)
        if value is None:
            return None
        if not isinstance(value, str) or (required and not value.strip()):
            raise self.fail(path, "must be a non-empty string")
        if len(value) > max_len:
            raise self.fail(path, f"is longer than {max_len} characters")
        return value.strip()

    def identifier(self, obj: dict, field: str, path: str) -> str:
        value = obj.get(field)
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str) or not value.strip():
            raise self.fail(path, 'is required (a string such as "3042516")')
        value = value.strip()
        if len(value) > 40 or not all(c.isalnum() or c in "-_." for c in value):
            raise self.fail(path, f"{value!r} must be up to 40 letters, digits, '-', '_' or '.'")
        return value

    def day(self, obj: dict, field: str, path: str) -> date:
        value = self._get(obj, field, path, True)
        if isinstance(value, str):
            try:
                return date.fromisoformat(value)
            except ValueError:
                pass
            try:
                return datetime.fromisoformat(value).date()
            except ValueError:
                pass
        raise self.fail(path, f"{value!r} is not a date (YYYY-MM-DD)")

    def moment(self, obj: dict, field: str, path: str, *, required: bool) -> datetime | None:
        value = self._get(obj, field, path, required)
        if value is None:
            return None
        try:
            parsed = datetime.fromisoformat(value) if isinstance(value, str) else None
        except ValueError:
            parsed = None
        if parsed is None:
            raise self.fail(path, f"{value!r} is not an ISO 8601 date and time")
        if parsed.tzinfo is None:
            raise self.fail(path, f"{value!r} needs a time zone (e.g. 'Z' for UTC)")
        return parsed.astimezone(UTC)

    def amount(self, obj: dict, field: str, path: str) -> Decimal | None:
        value = obj.get(field)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float | str):
            raise self.fail(path, f"{value!r} is not a number")
        try:
            number = Decimal(str(value))
        except InvalidOperation:
            raise self.fail(path, f"{value!r} is not a number") from None
        if not number.is_finite() or number < 0:
            raise self.fail(path, f"{value!r} must be zero or more")
        if number != number.quantize(Decimal("0.01")):
            raise self.fail(path, f"{value!r} has more than two decimal places")
        return number

    def flag(self, obj: dict, field: str, path: str, default: bool = False) -> bool:
        value = obj.get(field, default)
        if value is None:
            return default
        if not isinstance(value, bool):
            raise self.fail(path, "must be true or false")
        return value

    def obj(self, obj: dict, field: str, path: str) -> dict:
        value = obj.get(field)
        if not isinstance(value, dict):
            raise self.fail(path, "must be an object")
        return value

    def country(self, obj: dict, field: str, path: str) -> str:
        value = self._get(obj, field, path, True)
        if not isinstance(value, str) or not is_country_code(value):
            raise self.fail(path, f"{value!r} is not an ISO 3166-1 alpha-2 code such as 'US'")
        return value

    def choice(self, obj: dict, field: str, path: str, enum) -> Any:
        value = obj.get(field)
        allowed = [m.value for m in enum]
        if value not in allowed:
            raise self.fail(path, f"{value!r} is not one of {', '.join(allowed)}")
        return enum(value)

    def build(self, folder: Path, max_document_bytes: int) -> Bundle:
        d = self.data
        status = d.get("status")
        if status != ClaimStatus.SUBMITTED.value:
            raise self.fail(
                "status",
                f"is {status!r}; only 'Submitted' bundles can be imported "
                '(a new submittal, a resubmittal, or a dispute with "is_dispute": true)',
            )
        partner_raw = self.obj(d, "partner", "partner")
        customer_raw = self.obj(d, "customer", "customer")
        partner = {
            "partner_id": self.identifier(partner_raw, "partner_id", "partner.partner_id"),
            "name": self.text(partner_raw, "name", "partner.name"),
            "location": self.text(partner_raw, "location", "partner.location", required=False),
            "country": self.country(partner_raw, "country", "partner.country"),
            "contact_name": self.text(
                partner_raw, "contact_name", "partner.contact_name", required=False, max_len=200
            ),
            "contact_email": self.text(
                partner_raw, "contact_email", "partner.contact_email", required=False, max_len=320
            ),
        }
        customer = {
            "name": self.text(customer_raw, "name", "customer.name"),
            "id_type": self.choice(customer_raw, "id_type", "customer.id_type", CustomerIdType),
            "id": self.text(customer_raw, "id", "customer.id", max_len=200),
            "country": self.country(customer_raw, "country", "customer.country"),
            "public_sector": self.flag(customer_raw, "public_sector", "customer.public_sector"),
            "contact_name": self.text(
                customer_raw, "contact_name", "customer.contact_name", required=False, max_len=200
            ),
            "contact_email": self.text(
                customer_raw, "contact_email", "customer.contact_email", required=False,
                max_len=320,
            ),
            "contact_title": self.text(
                customer_raw, "contact_title", "customer.contact_title", required=False,
                max_len=200,
            ),
            "domain_mismatch_reason": self.text(
                customer_raw, "domain_mismatch_reason", "customer.domain_mismatch_reason",
                required=False, max_len=1000,
            ),
        }  # fmt: skip
        created_on = self.day(d, "created_at", "created_at")
        consent_date = self.day(d, "consent_date", "consent_date")
        if consent_date < created_on:
            raise self.fail("consent_date", "is before the claim was created (created_at)")
        submitted_by_raw = d.get("submitted_by") or {}
        if not isinstance(submitted_by_raw, dict):
            raise self.fail("submitted_by", "must be an object with 'name' and 'email'")
        submitted_by = {
            "name": self.text(
                submitted_by_raw, "name", "submitted_by.name", required=False, max_len=200
            ),
            "email": self.text(
                submitted_by_raw, "email", "submitted_by.email", required=False, max_len=320
            ),
        }
        documents = self._documents(folder, max_document_bytes)
        surveys = self._surveys()
        comments = self._comments()
        return Bundle(
            name=self.bundle,
            claim_id=self.identifier(d, "claim_id", "claim_id"),
            claim_name=self.text(d, "claim_name", "claim_name") or "",
            engagement_id=self.text(d, "engagement_id", "engagement_id", max_len=120) or "",
            is_dispute=self.flag(d, "is_dispute", "is_dispute"),
            created_on=created_on,
            consent_date=consent_date,
            submitted_at=self.moment(d, "submitted_at", "submitted_at", required=False),
            partner=partner,
            customer=customer,
            deal_size_usd=self.amount(d, "deal_size_usd", "deal_size_usd"),
            requested_hours=self.amount(d, "requested_hours", "requested_hours"),
            proposed_payout_usd=self.amount(d, "proposed_payout_usd", "proposed_payout_usd"),
            submitted_by=submitted_by,
            documents=documents,
            surveys=surveys,
            comments=comments,
            fingerprint=_fingerprint(d, documents),
        )

    def _documents(self, folder: Path, max_bytes: int) -> tuple[BundleDocument, ...]:
        raw = self.data.get("documents")
        if not isinstance(raw, list) or not raw:
            raise self.fail("documents", "must list at least one document")
        seen: set[tuple[str, str]] = set()
        documents = []
        for index, entry in enumerate(raw):
            where = f"documents[{index}]"
            if not isinstance(entry, dict):
                raise self.fail(where, "must be an object with 'file' and 'kind'")
            file_name = self.text(entry, "file", f"{where}.file", max_len=255) or ""
            kind = self.choice(entry, "kind", f"{where}.kind", DocumentKind)
            if Path(file_name).name != file_name or file_name in (".", "..", CLAIM_FILE):
                raise BundleRejected(
                    self.bundle, f"{file_name!r}: a document must be a file name inside the bundle"
                )
            if (kind, file_name) in seen:
                raise BundleRejected(self.bundle, f"{file_name}: listed twice")
            seen.add((kind, file_name))
            extension = extension_of(file_name)
            if extension not in ALLOWED_EXTENSIONS:
                allowed = ", ".join(f".{e}" for e in sorted(ALLOWED_EXTENSIONS))
                shown = f".{extension}" if extension else "no extension"
                raise BundleRejected(
                    self.bundle,
                    f"{file_name}: file type {shown} is not allowed (allowed: {allowed})",
                )
            path = folder / file_name
            if path.is_symlink() or not path.is_file():
                raise BundleRejected(
                    self.bundle, f"{file_name}: listed in {CLAIM_FILE} but missing from the bundle"
                )
            size = path.stat().st_size
            if size > max_bytes:
                raise BundleRejected(
                    self.bundle,
                    f"{file_name}: {size:,} bytes is over the {max_bytes:,}-byte limit per document",
                )
            if size == 0:
                raise BundleRejected(self.bundle, f"{file_name}: the file is empty")
            sha, size = sha256_file(path)
            documents.append(BundleDocument(file_name, kind, path, sha, size, sniff_file(path)))
        return tuple(documents)

    def _surveys(self) -> tuple[BundleSurvey, ...]:
        raw = self.data.get("surveys") or {}
        if not isinstance(raw, dict):
            raise self.fail("surveys", "must be an object with 'customer' and 'partner'")
        surveys = []
        for role in SurveyRole:
            entry = raw.get(role.value)
            if entry is None:
                continue
            where = f"surveys.{role.value}"
            if not isinstance(entry, dict):
                raise self.fail(where, "must be an object")
            status = self.choice(entry, "status", f"{where}.status", SurveyStatus)
            responses = entry.get("responses") or []
            if not isinstance(responses, list):
                raise self.fail(f"{where}.responses", "must be a list")
            surveys.append(
                BundleSurvey(
                    role=role,
                    status=status,
                    completed_at=self.moment(
                        entry, "completed_at", f"{where}.completed_at", required=False
                    ),
                    responses=responses,
                    signature=self.text(
                        entry, "signature", f"{where}.signature", required=False, max_len=1000
                    ),
                )
            )
        return tuple(surveys)

    def _comments(self) -> tuple[BundleComment, ...]:
        raw = self.data.get("comments") or []
        if not isinstance(raw, list):
            raise self.fail("comments", "must be a list")
        comments = []
        for index, entry in enumerate(raw):
            where = f"comments[{index}]"
            if not isinstance(entry, dict):
                raise self.fail(where, "must be an object")
            comments.append(
                BundleComment(
                    author=self.text(entry, "author", f"{where}.author", max_len=200) or "",
                    at=self.moment(entry, "at", f"{where}.at", required=True),  # type: ignore[arg-type]
                    body=self.text(entry, "body", f"{where}.body", max_len=20000) or "",
                )
            )
        return tuple(comments)


def _fingerprint(data: dict[str, Any], documents: tuple[BundleDocument, ...]) -> str:
    canonical = json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    digest = hashlib.sha256(canonical.encode("utf-8"))
    for doc in documents:
        digest.update(f"\n{doc.kind}:{doc.file_name}:{doc.sha256}".encode())
    return digest.hexdigest()
