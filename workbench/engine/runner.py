"""Run every check on a claim and store the results.

A result row records the check's version and the fingerprint of everything it
read; a re-run whose fingerprint is unchanged reuses the stored rows instead of
running the check again. Plugins that failed to load give an ``error`` result
on every claim, so a broken check is visible rather than silently missing.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from functools import partial
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from workbench.check_api import CheckContext, ClaimView, Status
from workbench.domain.blobs import BlobStore
from workbench.domain.review import current_results
from workbench.engine.registry import Registry, discover
from workbench.engine.sandbox import CheckSandbox
from workbench.engine.snapshot import snapshot
from workbench.extract import READER_VERSION, ExtractionPool
from workbench.models import CheckResult, Claim, utcnow


def view_digest(view: ClaimView, *, matches: bool = True) -> str:
    """A digest of what checks can read, without hashing document text again.

    Documents are identified by content hash and reader version (their text
    follows from those), plus, with ``matches``, the matches found in other claims.
    """
    if not matches:
        view = view.without_matches()

    def plain(value: Any) -> Any:
        if hasattr(value, "__dataclass_fields__"):
            return {
                name: plain(getattr(value, name))
                for name in value.__dataclass_fields__
                if name != "extraction"
            }
        if isinstance(value, tuple | list):
            return [plain(v) for v in value]
        if isinstance(value, Mapping):
            return {str(k): plain(v) for k, v in sorted(value.items())}
        return value if isinstance(value, str | int | float | bool | type(None)) else str(value)

    payload = {"reader": READER_VERSION, "view": plain(view)}
    return hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()


def check_fingerprint(check_id: str, version: str, digest: str, settings: Mapping) -> str:
    material = json.dumps([check_id, version, digest, settings], sort_keys=True, default=str)
    return hashlib.sha256(material.encode()).hexdigest()


@dataclass
class RunSummary:
    claim_id: str
    ran: list[str] = field(default_factory=list)
    reused: list[str] = field(default_factory=list)


class Engine:
    """The engine of one process: its checks and its worker processes, started on first use."""

    def __init__(
        self,
        blobs: BlobStore,
        *,
        registry: Registry | None = None,
        settings: Mapping[str, Mapping[str, Any]] | None = None,
        severity_overrides: Mapping[str, str] | None = None,
        disabled: Iterable[str] = (),
        check_workers: int | None = None,
    ) -> None:
        self.blobs = blobs
        self._registry = registry
        self.settings = dict(settings or {})
        self.severity_overrides = dict(severity_overrides or {})
        self.disabled = tuple(disabled)
        self.check_workers = check_workers
        self._pool: ExtractionPool | None = None
        self._sandbox: CheckSandbox | None = None

    @property
    def registry(self) -> Registry:
        if self._registry is None:
            self._registry = discover(
                severity_overrides=self.severity_overrides, disabled=self.disabled
            )
        return self._registry

    @property
    def pool(self) -> ExtractionPool:
        if self._pool is None:
            self._pool = ExtractionPool()
        return self._pool

    @property
    def sandbox(self) -> CheckSandbox:
        if self._sandbox is None:
            self._sandbox = CheckSandbox(workers=self.check_workers)
        return self._sandbox

    def close(self) -> None:
        if self._pool is not None:
            self._pool.close()
            self._pool = None
        if self._sandbox is not None:
            self._sandbox.close()
            self._sandbox = None

    def view(
        self, session: Session, claim: Claim, writes: list[Callable[[], object]] | None = None
    ) -> ClaimView:
        return snapshot(session, claim, blobs=self.blobs, pool=self.pool, writes=writes)

    def evaluate(self, session: Session, claim: Claim, check_id: str) -> list[dict[str, Any]]:
        """Run one check on ``claim`` and return its results without storing them."""
        loaded = self.registry.get(check_id)
        if loaded is None:
            raise KeyError(check_id)
        context = CheckContext(utcnow(), self.settings.get(check_id, {}))
        outcome = self.sandbox.run(
            loaded.source.reference,
            self.view(session, claim),
            context,
            timeout=loaded.check.timeout,
        )
        if outcome.failure is not None:
            return [_error_result(f"{loaded.source.label} {outcome.failure}")]
        return list(outcome.results)

    def run(
        self,
        session: Session,
        claim: Claim,
        *,
        now: datetime | None = None,
        force: bool = False,
        only: Iterable[str] | None = None,
        related: bool = True,
    ) -> RunSummary:
        """Run the checks on ``claim``; store new results, reuse unchanged ones (flush only).

        With ``related``, claims whose documents match this claim's are checked
        again too: a new copy of their POE changes their duplicate verdict.
        """
        writes: list[Callable[[], object]] = []
        view = self.view(session, claim, writes)
        # A new copy in another claim changes only what the checks reading matches see.
        digests = {True: view_digest(view), False: view_digest(view, matches=False)}
        context_now = now or utcnow()
        wanted = set(only) if only is not None else None
        summary = RunSummary(claim.claim_id)
        submittal_id = claim.latest_submittal.id if claim.latest_submittal else None
        stored: dict[str, list[CheckResult]] = {}
        for row in current_results(session, claim):
            stored.setdefault(row.check_id, []).append(row)

        due = []
        for loaded in self.registry.checks:
            if wanted is not None and loaded.id not in wanted:
                continue
            settings = self.settings.get(loaded.id, {})
            digest = digests[loaded.check.reads_matches]
            fingerprint = check_fingerprint(loaded.id, loaded.version, digest, settings)
            current = stored.get(loaded.id, [])
            if not force and current and all(r.fingerprint == fingerprint for r in current):
                summary.reused.append(loaded.id)
                continue
            due.append((loaded, settings, fingerprint))
        # The cache and index rows are written while the checks run in the sandbox.
        outcomes = self.sandbox.run_many(view, [
            (loaded.source.reference, CheckContext(context_now, settings), loaded.check.timeout)
            for loaded, settings, _ in due
        ], meanwhile=partial(_run_all, writes))  # fmt: skip
        fresh: dict[str, list[dict[str, Any]]] = {}
        for (loaded, _settings, fingerprint), outcome in zip(due, outcomes, strict=True):
            if outcome.failure is not None:
                results = [_error_result(f"{loaded.source.label} {outcome.failure}")]
            else:
                results = list(outcome.results)
            fresh[loaded.id] = [
                {"check_id": loaded.id, "check_version": loaded.version,
                 "check_title": loaded.title, "severity": loaded.severity.value,
                 "status": Status(r["status"]), "message": r["message"],
                 "evidence": r["evidence"], "fingerprint": fingerprint}
                for r in results
            ]  # fmt: skip
            summary.ran.append(loaded.id)

        for failure in self.registry.failures:
            if wanted is not None and failure.check_id not in wanted:
                continue
            fingerprint = check_fingerprint(
                failure.check_id, "?", digests[True], {"failure": str(failure)}
            )
            current = stored.get(failure.check_id, [])
            if not force and current and all(r.fingerprint == fingerprint for r in current):
                summary.reused.append(failure.check_id)
                continue
            fresh[failure.check_id] = [
                {"check_id": failure.check_id, "check_version": failure.source.version,
                 "check_title": failure.check_id, "severity": "blocking", "status": Status.ERROR,
                 "message": str(failure), "evidence": [], "fingerprint": fingerprint}
            ]  # fmt: skip
            summary.ran.append(failure.check_id)
        _replace(session, claim, submittal_id, context_now, fresh, stored)
        session.flush()
        if related:
            for other in _matched_claims(session, view):
                self.run(session, other, now=now, only=only, related=False)
        return summary


def _run_all(calls: Iterable[Callable[[], object]]) -> None:
    for call in calls:
        call()


def _matched_claims(session: Session, view: ClaimView) -> list[Claim]:
    claim_ids = sorted(
        {m.claim_id for d in view.documents for m in d.matches if m.claim_id is not None}
    )
    if not claim_ids:
        return []
    return list(session.scalars(select(Claim).where(Claim.claim_id.in_(claim_ids))))


def _error_result(message: str) -> dict[str, Any]:
    return {"status": Status.ERROR.value, "message": message, "evidence": []}


def _replace(
    session: Session,
    claim: Claim,
    submittal_id: int | None,
    ran_at: datetime,
    fresh: Mapping[str, list[dict[str, Any]]],
    stored: Mapping[str, list[CheckResult]],
) -> None:
    """Mark the previous results of the checks in ``fresh`` superseded and add the new ones.

    History stays. One UPDATE and one multi-row INSERT for the whole run: the
    unit of work would cost more than the checks themselves.
    """
    if not fresh:
        return
    session.execute(
        update(CheckResult)
        .where(
            CheckResult.claim_id == claim.id,
            CheckResult.check_id.in_(sorted(fresh)),
            CheckResult.current.is_(True),
        )
        .values(current=False),
        execution_options={"synchronize_session": False},
    )
    for check_id in fresh:
        for row in stored.get(check_id, []):
            session.expire(row, ["current"])  # the UPDATE above did not touch loaded objects
    session.execute(
        insert(CheckResult),
        [
            {**row, "claim_id": claim.id, "submittal_id": submittal_id, "ran_at": ran_at}
            for rows in fresh.values()
            for row in rows
        ],
    )


def result_document(session: Session, claim: Claim) -> dict[str, Any]:
    """The check results document of CONTRACT section 4 for ``claim``'s current results."""
    rows = current_results(session, claim)
    return {
        "claim_id": claim.claim_id,
        "results": [
            {
                "check": row.check_id,
                "version": row.check_version,
                "status": row.status.value,
                "message": row.message,
                "evidence": list(row.evidence),
                "severity": row.severity,
                "title": row.check_title,
                "ran_at": row.ran_at.isoformat().replace("+00:00", "Z"),
            }
            for row in rows
        ],
    }
