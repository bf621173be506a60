"""Run checks in a worker process that can be stopped.

An in-process timeout cannot stop a hung function, but a process can be
killed. The worker is long-lived (starting one per check would cost more than
the checks); it receives a claim view with the checks to run on it, runs them
one at a time and answers after each, so each check has its own deadline. Whatever a check does (raise, hang, exhaust memory, crash the process,
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
from collections.abc import Callable, Iterable, Sequence
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


def _run_in_worker(instances: dict[str, Any], reference: str, claim, context) -> tuple:
    try:
        check = instances.get(reference)
        if check is None:
            check = instances[reference] = _load(reference)
        return ("ok", run_check_here(check, claim, context))
    except GarbageReturned as exc:
        return ("failed", f"returned garbage: {exc}")
    except MemoryError:
        return ("failed", "ran out of memory")
    except BaseException as exc:
        where = traceback.extract_tb(exc.__traceback__)[-1:]
        at = f" (at {where[0].filename.rsplit('/', 1)[-1]}:{where[0].lineno})" if where else ""
        return ("failed", f"raised {type(exc).__name__}: {exc}{at}")


def _worker_main(conn, memory_bytes: int) -> None:
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
    instances: dict[str, Any] = {}
    while True:
        try:
            message = conn.recv()
        except EOFError:
            return
        if message is None:
            return
        # ("run", claim, [(reference, context), ...]): one reply per check, in order, as
        # each finishes, so the parent can time each check and stop a hung one.
        _, claim, batch = message
        for reference, context in batch:
            reply = _run_in_worker(instances, reference, claim, context)
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

    def _start(self) -> None:
        parent, child = self._context.Pipe()
        process = self._context.Process(
            target=_worker_main, args=(child, self.memory_bytes), daemon=True,
            name="workbench-check-worker",
        )  # fmt: skip
        process.start()
        child.close()
        self._process, self._conn = process, parent

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

    def run(
        self, reference: str, claim: ClaimView, context: CheckContext, *, timeout: float
    ) -> Outcome:
        """Run the check at ``reference`` ("module:Class") on ``claim`` within ``timeout`` seconds."""
        return self.run_many(claim, [(reference, context, timeout)])[0]

    def run_many(
        self,
        claim: ClaimView,
        checks: Sequence[tuple[str, CheckContext, float]],
        *,
        meanwhile: Callable[[], None] | None = None,
    ) -> list[Outcome]:
        """Run several checks on ``claim``, each as ``run`` would, with one message to the worker.

        A check that hangs or kills the worker costs only its own result: the
        worker is replaced and the checks after it run in the new one.
        ``meanwhile`` runs here once the worker has the claim, while the checks
        run there (the caller's database writes, say); each check's time limit
        counts from when it returns.
        """
        outcomes: list[Outcome] = []
        with self._lock:
            while len(outcomes) < len(checks):
                rest = checks[len(outcomes) :]
                sent = self._send(claim, rest)
                if meanwhile is not None:
                    self._alongside(meanwhile)
                    meanwhile = None
                outcomes.extend(self._collect(rest) if sent else [self._crashed()])
            if meanwhile is not None:
                meanwhile()
        return outcomes

    def _send(self, claim: ClaimView, checks: Sequence[tuple[str, CheckContext, float]]) -> bool:
        if self._process is None or not self._process.is_alive():
            self._stop(kill=True)
            self._start()
        try:
            self._conn.send(("run", claim, [(ref, context) for ref, context, _ in checks]))
        except (EOFError, OSError):
            return False
        return True

    def _alongside(self, meanwhile: Callable[[], None]) -> None:
        try:
            meanwhile()
        except BaseException:
            self._stop(kill=True)  # its answers to this batch would reach the next caller
            raise

    def _collect(self, checks: Sequence[tuple[str, CheckContext, float]]) -> list[Outcome]:
        """The outcomes of ``checks`` until they are done or one stops the worker (the last)."""
        outcomes: list[Outcome] = []
        try:
            for _reference, _context, timeout in checks:
                if not self._conn.poll(timeout):
                    self._stop(kill=True)
                    outcomes.append(
                        Outcome(failure=f"took longer than {timeout:g} s and was stopped")
                    )
                    return outcomes
                status, payload = self._conn.recv()
                outcomes.append(
                    Outcome(results=tuple(payload)) if status == "ok" else Outcome(failure=payload)
                )
        except (EOFError, OSError):
            outcomes.append(self._crashed())
        return outcomes

    def _crashed(self) -> Outcome:
        process = self._process
        self._stop(kill=True)
        code = process.exitcode if process is not None else None
        return Outcome(failure=f"crashed its worker process (exit code {code})")

    def close(self) -> None:
        with self._lock:
            self._stop(kill=False)

    def __enter__(self) -> CheckSandbox:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
