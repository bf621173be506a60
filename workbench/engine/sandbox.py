"""Run checks in a worker process that can be stopped.

An in-process timeout cannot stop a hung function, but a process can be
killed. The worker is long-lived (starting one per check would cost more than
the checks), receives the claim view once per claim, and runs checks one at a
time. Whatever a check does (raise, hang, exhaust memory, crash the process,
return garbage) comes back as data: a list of result dicts, or a failure
message that the runner records as an ``error`` result.
"""

from __future__ import annotations

import contextlib
import importlib
import multiprocessing
import resource
import threading
import traceback
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from workbench.check_api import CheckContext, ClaimView, Evidence, Result, Status

DEFAULT_MEMORY_BYTES = 2 * 1024**3
# What one check may return at most; more is a bug in the check, not evidence.
MAX_RESULTS = 200
MAX_EVIDENCE = 50
MAX_MESSAGE = 2000


@dataclass(frozen=True)
class Outcome:
    """What came back from running one check: results, or why there are none."""

    results: tuple[dict[str, Any], ...] = ()
    failure: str | None = None


class GarbageReturned(TypeError):
    pass


def normalise(returned: object) -> list[dict[str, Any]]:
    """Turn what ``run`` returned into plain result dicts, or raise GarbageReturned."""
    if isinstance(returned, Result):
        items: list[object] = [returned]
    elif isinstance(returned, Iterable) and not isinstance(returned, str | bytes | dict):
        items = list(returned)
    else:
        raise GarbageReturned(f"returned {type(returned).__name__}, not a Result or a list of them")
    if not items:
        raise GarbageReturned("returned no results")
    if len(items) > MAX_RESULTS:
        raise GarbageReturned(f"returned {len(items)} results (at most {MAX_RESULTS})")
    out = []
    for item in items:
        if not isinstance(item, Result):
            raise GarbageReturned(f"returned a {type(item).__name__} among its results")
        if not isinstance(item.message, str) or not item.message.strip():
            raise GarbageReturned("returned a result without a message")
        evidence = list(item.evidence)
        if len(evidence) > MAX_EVIDENCE:
            evidence = evidence[:MAX_EVIDENCE]
        for piece in evidence:
            if not isinstance(piece, Evidence) or not all(
                isinstance(v, str) for v in (piece.document, piece.location, piece.excerpt)
            ):
                raise GarbageReturned("returned evidence that is not an Evidence of strings")
        out.append(
            {
                "status": Status(item.status).value,
                "message": item.message[:MAX_MESSAGE],
                "evidence": [e.to_dict() for e in evidence],
            }
        )
    return out


def run_check_here(check, claim: ClaimView, context: CheckContext) -> list[dict[str, Any]]:
    """Run one check in this process and normalise its results (exceptions propagate)."""
    if not check.applies_to(claim):
        return normalise(Result.skipped(check.skip_reason(claim)))
    return normalise(check.run(claim, context))


def _load(reference: str):
    module_name, _, attribute = reference.partition(":")
    obj = importlib.import_module(module_name)
    for part in attribute.split("."):
        obj = getattr(obj, part)
    return obj()


def _worker_main(conn, memory_bytes: int) -> None:
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
    instances: dict[str, Any] = {}
    claim: ClaimView | None = None
    while True:
        try:
            message = conn.recv()
        except EOFError:
            return
        if message is None:
            return
        if message[0] == "claim":
            claim = message[1]
            continue
        _, reference, context = message
        try:
            check = instances.get(reference)
            if check is None:
                check = instances[reference] = _load(reference)
            reply: tuple = ("ok", run_check_here(check, claim, context))
        except GarbageReturned as exc:
            reply = ("failed", f"returned garbage: {exc}")
        except MemoryError:
            reply = ("failed", "ran out of memory")
        except BaseException as exc:
            where = traceback.extract_tb(exc.__traceback__)[-1:]
            at = f" (at {where[0].filename.rsplit('/', 1)[-1]}:{where[0].lineno})" if where else ""
            reply = ("failed", f"raised {type(exc).__name__}: {exc}{at}")
        try:
            conn.send(reply)
        except Exception as exc:  # results that cannot be pickled
            conn.send(("failed", f"returned results that cannot be sent back ({exc})"))


class CheckSandbox:
    """A killable worker process for checks; replaced whenever it has to be stopped."""

    def __init__(self, *, memory_bytes: int = DEFAULT_MEMORY_BYTES) -> None:
        self.memory_bytes = memory_bytes
        # One worker, one pipe: web threads take turns (a run is milliseconds).
        self._lock = threading.RLock()
        self._context = multiprocessing.get_context("forkserver")
        self._process = None
        self._conn = None
        self._claim: ClaimView | None = None

    def _start(self) -> None:
        parent, child = self._context.Pipe()
        process = self._context.Process(
            target=_worker_main, args=(child, self.memory_bytes), daemon=True,
            name="workbench-check-worker",
        )  # fmt: skip
        process.start()
        child.close()
        self._process, self._conn = process, parent
        self._claim = None

    def _stop(self, kill: bool) -> None:
        if self._process is None:
            return
        if kill:
            self._process.kill()
        else:
            try:
                self._conn.send(None)
            except (OSError, BrokenPipeError):
                self._process.kill()
        self._process.join(5)
        if self._process.is_alive():
            self._process.kill()
            self._process.join(5)
        self._conn.close()
        self._process = self._conn = None
        self._claim = None

    def run(
        self, reference: str, claim: ClaimView, context: CheckContext, *, timeout: float
    ) -> Outcome:
        """Run the check at ``reference`` ("module:Class") on ``claim`` within ``timeout`` seconds."""
        with self._lock:
            return self._run(reference, claim, context, timeout)

    def _run(
        self, reference: str, claim: ClaimView, context: CheckContext, timeout: float
    ) -> Outcome:
        if self._process is None or not self._process.is_alive():
            self._stop(kill=True)
            self._start()
        try:
            if self._claim is not claim:
                self._conn.send(("claim", claim))
                self._claim = claim
            self._conn.send(("run", reference, context))
            if not self._conn.poll(timeout):
                self._stop(kill=True)
                return Outcome(failure=f"took longer than {timeout:g} s and was stopped")
            status, payload = self._conn.recv()
        except (EOFError, OSError, BrokenPipeError):
            process = self._process
            self._stop(kill=True)
            code = process.exitcode if process is not None else None
            return Outcome(failure=f"crashed its worker process (exit code {code})")
        if status == "ok":
            return Outcome(results=tuple(payload))
        return Outcome(failure=payload)

    def close(self) -> None:
        with self._lock:
            self._stop(kill=False)

    def __enter__(self) -> CheckSandbox:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
