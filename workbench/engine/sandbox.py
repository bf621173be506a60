"""Run checks in worker processes that can be stopped.

An in-process timeout cannot stop a hung function, but a process can be
killed. The workers are long-lived (starting one per check would cost more
than the checks); each receives a claim view with its share of the checks,
runs them one at a time and answers after each, so each check has its own
deadline. Whatever a check does (raise, hang, exhaust memory, crash the
process, return garbage) comes back as data: a list of result dicts, or a
failure message that the runner records as an ``error`` result.
"""

from __future__ import annotations

import contextlib
import importlib
import multiprocessing
import os
import pickle
import resource
import threading
import time
import traceback
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
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
    if not check.reads_matches:
        claim = claim.without_matches()
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
        # ("run", [(reference, context), ...], references), then the pickled claim view (sent
        # apart: it is pickled once for every worker). One reply per check, in order, as each
        # finishes, so the parent can time each check and stop a hung one.
        try:
            message = conn.recv()
            if message is None:
                return
            _, batch, references = message
            claim = pickle.loads(conn.recv_bytes())
        except EOFError:
            return
        _preload(instances, references)
        for reference, context in batch:
            started = time.perf_counter()
            status, payload = _run_in_worker(instances, reference, claim, context)
            spent = time.perf_counter() - started
            try:
                conn.send((status, payload, spent))
            except Exception as exc:  # results that cannot be pickled
                conn.send(("failed", f"returned results that cannot be sent back ({exc})", spent))


def _preload(instances: dict[str, Any], references: Iterable[str]) -> None:
    """Load the checks that have already run well elsewhere, so that whichever share
    this worker gets, no check's import is paid for within a claim's run."""
    for reference in references:
        if reference not in instances:
            with contextlib.suppress(Exception):  # the check reports it when it runs
                instances[reference] = _load(reference)


class _Worker:
    """One check worker process and the pipe to it."""

    def __init__(self, context, memory_bytes: int) -> None:
        parent, child = context.Pipe()
        self.process = context.Process(
            target=_worker_main, args=(child, memory_bytes), daemon=True,
            name="workbench-check-worker",
        )  # fmt: skip
        self.process.start()
        child.close()
        self.conn = parent

    def stop(self, kill: bool) -> None:
        if kill:
            self.process.kill()
        else:
            try:
                self.conn.send(None)
            except (OSError, BrokenPipeError):
                self.process.kill()
        self.process.join(5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join(5)
        self.conn.close()


# What a check never timed is assumed to cost when planning (seconds).
_UNTIMED = 0.001


class CheckSandbox:
    """Killable worker processes for checks; each is replaced whenever it has to be stopped.

    A claim's checks are shared out between the workers (by default one per core,
    at most two), so that a claim's checks take about the time of the slowest
    share rather than the sum. The share-out uses what each check took last time.
    """

    def __init__(self, *, memory_bytes: int = DEFAULT_MEMORY_BYTES, workers: int | None = None):
        self.memory_bytes = memory_bytes
        self.size = max(1, workers if workers is not None else min(2, os.cpu_count() or 1))
        # One run at a time: web threads take turns (a run is milliseconds).
        self._lock = threading.RLock()
        self._context = multiprocessing.get_context("forkserver")
        self._workers: list[_Worker | None] = [None] * self.size
        self._costs: dict[str, float] = {}
        # The checks that have run in a worker without stopping it, for new workers to load.
        self._loaded: dict[str, None] = {}
        self._collector = ThreadPoolExecutor(
            max_workers=max(1, self.size - 1), thread_name_prefix="workbench-check-collector"
        )

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
        """Run several checks on ``claim``, each as ``run`` would, outcomes in the given order.

        Each worker gets its share in one message. A check that hangs or kills its
        worker costs only its own result: the worker is replaced and the checks
        after it in that share run in the new one. ``meanwhile`` runs here once
        the workers have the claim, while the checks run there (the caller's
        database writes, say); each check's time limit counts from when the one
        before it in its share returns.
        """
        with self._lock:
            shares = self._plan(checks)
            # Pickled once for every worker (a 64k-cell workbook's view is megabytes).
            pickled = pickle.dumps(claim, pickle.HIGHEST_PROTOCOL) if shares else b""
            sent = [self._send(slot, pickled, share) for slot, share in enumerate(shares)]
            stopping = threading.Event()
            others = [
                self._collector.submit(self._finish, slot, pickled, share, sent[slot], stopping)
                for slot, share in enumerate(shares)
                if slot > 0
            ]
            try:
                if meanwhile is not None:
                    meanwhile()
            except BaseException:
                # Their answers to this claim would reach the next caller.
                stopping.set()
                for slot in range(len(shares)):
                    self._stop(slot, kill=True)
                for future in others:
                    future.exception()
                raise
            done = [self._finish(0, pickled, shares[0], sent[0], stopping)] if shares else []
            done += [future.result() for future in others]
        outcomes: dict[int, Outcome] = {}
        for share, share_outcomes in zip(shares, done, strict=True):
            outcomes.update(zip((index for index, _ in share), share_outcomes, strict=True))
        return [outcomes[index] for index in range(len(checks))]

    def _plan(self, checks) -> list[list[tuple[int, tuple[str, CheckContext, float]]]]:
        """Share ``checks`` out between the workers, longest first to the least loaded.

        Within a share the checks keep their given order (so checks that reuse
        one another's work, such as reading a disclosure, still find it in order).
        """
        shares: list[list[int]] = [[] for _ in range(min(self.size, len(checks)))]
        loads = [0.0] * len(shares)
        costs = [self._costs.get(reference, _UNTIMED) for reference, _, _ in checks]
        for index in sorted(range(len(checks)), key=lambda i: -costs[i]):
            lightest = loads.index(min(loads))
            shares[lightest].append(index)
            loads[lightest] += costs[index]
        return [[(index, checks[index]) for index in sorted(share)] for share in shares]

    def _send(self, slot: int, pickled: bytes, share) -> bool:
        worker = self._workers[slot]
        if worker is None or not worker.process.is_alive():
            self._stop(slot, kill=True)
            worker = self._workers[slot] = _Worker(self._context, self.memory_bytes)
        try:
            batch = [(reference, context) for _, (reference, context, _) in share]
            worker.conn.send(("run", batch, tuple(self._loaded)))
            worker.conn.send_bytes(pickled)
        except (EOFError, OSError):
            return False
        return True

    def _finish(self, slot: int, pickled: bytes, share, sent: bool, stopping) -> list[Outcome]:
        """The outcomes of ``share``, sending what is left to a new worker after a crash."""
        outcomes: list[Outcome] = []
        while True:
            rest = share[len(outcomes) :]
            outcomes.extend(self._collect(slot, rest) if sent else [self._crashed(slot)])
            if len(outcomes) == len(share):
                return outcomes
            if stopping.is_set():
                return outcomes + [Outcome(failure="was stopped")] * (len(share) - len(outcomes))
            sent = self._send(slot, pickled, share[len(outcomes) :])

    def _collect(self, slot: int, share) -> list[Outcome]:
        """The outcomes of ``share`` until they are done or one stops the worker (the last)."""
        conn = self._workers[slot].conn
        outcomes: list[Outcome] = []
        try:
            for _index, (reference, _context, timeout) in share:
                if not conn.poll(timeout):
                    self._stop(slot, kill=True)
                    self._costs[reference] = timeout
                    outcomes.append(
                        Outcome(failure=f"took longer than {timeout:g} s and was stopped")
                    )
                    return outcomes
                status, payload, spent = conn.recv()
                self._costs[reference] = spent
                if status == "ok":
                    self._loaded[reference] = None
                outcomes.append(
                    Outcome(results=tuple(payload)) if status == "ok" else Outcome(failure=payload)
                )
        except (EOFError, OSError):
            outcomes.append(self._crashed(slot))
        return outcomes

    def _crashed(self, slot: int) -> Outcome:
        worker = self._workers[slot]
        self._stop(slot, kill=True)
        code = worker.process.exitcode if worker is not None else None
        return Outcome(failure=f"crashed its worker process (exit code {code})")

    def _stop(self, slot: int, kill: bool) -> None:
        worker, self._workers[slot] = self._workers[slot], None
        if worker is not None:
            worker.stop(kill)

    def close(self) -> None:
        with self._lock:
            for slot in range(self.size):
                self._stop(slot, kill=False)

    def __enter__(self) -> CheckSandbox:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
