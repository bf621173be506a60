"""Run extractions in worker processes that can be killed.

A hung parser cannot be stopped from inside a thread, and a native library
that runs out of memory may abort the whole process. So documents are read in
a small pool of long-lived worker processes, each under RLIMIT_AS, and the
caller waits with a wall-clock deadline: a worker that misses it is killed and
replaced, and the caller gets an ``Extraction`` with error ``timeout``; one
that dies gets ``crashed`` (``memory`` when Python itself ran out). Workers are
started with "spawn" so the pool is safe to use from a threaded web server, and
are recycled after a number of documents so leaks in libraries cannot pile up.
A worker's answer is unpickled allowing nothing but an extraction's own classes
(``read_reply``): a reader subverted by a hostile document cannot run code here.
"""

from __future__ import annotations

import atexit
import contextlib
import io
import multiprocessing
import os
import pickle
import queue
import signal
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from .limits import Limits
from .model import Extraction, ExtractionError

# Time a worker gets on top of the document's own deadline to notice it and answer.
GRACE_SECONDS = 5.0
# Time allowed for a fresh worker to import the readers and say it is ready.
START_SECONDS = 60.0


def _worker_main(conn, memory_bytes: int) -> None:
    """Worker loop: receive (path, name, limits), answer with an ``Extraction``."""
    import resource

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides when workers stop
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    if memory_bytes:
        resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
    from .core import extract_file  # import the readers before saying we are ready
    from .language import detect_language

    detect_language("warm up the language model")
    conn.send("ready")
    while True:
        try:
            request = conn.recv()
        except (EOFError, OSError):
            return
        if request is None:
            return
        path, declared_name, limits = request
        try:
            result = extract_file(
                path, declared_name=declared_name, limits=Limits.from_dict(limits)
            )
        except MemoryError:
            result = Extraction.failed(
                "unknown", "memory", "ran out of memory while reading the document"
            )
        conn.send(result)  # pickled as columns of segments: see Extraction.__reduce__
        if result.error is not None and result.error.code == "memory":
            return  # the heap may be in a bad state: start afresh


class UnexpectedReply(Exception):
    """A reader worker answered with something other than an extraction."""


class _ReplyUnpickler(pickle.Unpickler):
    """Rebuilds an extraction and nothing else.

    Workers parse hostile documents with C libraries (lxml, zlib, calamine);
    were one exploited, an ordinary pickle from it would run code here, in the
    app, outside the worker's limits. An extraction's pickle names only these.
    """

    ALLOWED = frozenset(
        {
            ("workbench.extract.model", "_unpickle_extraction"),
            ("workbench.extract.model", "ExtractionError"),
        }
    )

    def find_class(self, module: str, name: str):
        if (module, name) not in self.ALLOWED:
            raise UnexpectedReply(f"it names {module}.{name}")
        return super().find_class(module, name)


def read_reply(data: bytes) -> Extraction:
    """The extraction a worker sent as ``data``; ``UnexpectedReply`` for anything else."""
    try:
        result = _ReplyUnpickler(io.BytesIO(data)).load()
    except UnexpectedReply:
        raise
    except Exception as exc:  # truncated or malformed: pickle raises a dozen types
        raise UnexpectedReply(f"unreadable: {type(exc).__name__}") from None
    if not isinstance(result, Extraction):
        raise UnexpectedReply(f"a {type(result).__name__}, not an extraction")
    return result


def _size_of(path) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0  # extract() reports the problem


class _Worker:
    def __init__(self, context, memory_bytes: int):
        self.conn, child = context.Pipe(duplex=True)
        self.process = context.Process(target=_worker_main, args=(child, memory_bytes), daemon=True)
        self.process.start()
        child.close()
        self.tasks = 0
        try:
            if not self.conn.poll(START_SECONDS):
                raise EOFError
            self.conn.recv()
        except (EOFError, OSError):
            self.kill()
            raise RuntimeError(
                f"extraction worker did not start (exit status {self.process.exitcode}); "
                "is the memory limit too low for the readers to load?"
            ) from None

    def alive(self) -> bool:
        return self.process.is_alive()

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)
        self.conn.close()

    def stop(self) -> None:
        with contextlib.suppress(OSError, ValueError):  # the worker may be gone already
            self.conn.send(None)
        self.process.join(2)
        self.kill()


class ExtractionPool:
    """A small pool of killable extraction workers.

    ``extract`` blocks until a worker is free and the document is read (or its
    deadline passes); it is thread-safe, and ``extract_many`` reads several
    documents in parallel, one per worker.
    """

    def __init__(
        self,
        workers: int = 2,
        *,
        limits: Limits | None = None,
        max_tasks_per_worker: int = 200,
        grace_seconds: float = GRACE_SECONDS,
    ):
        self.limits = limits or Limits()
        self.grace_seconds = grace_seconds
        self.size = max(1, workers)
        self.max_tasks = max_tasks_per_worker
        self._context = multiprocessing.get_context("spawn")
        self._idle: queue.Queue[_Worker | None] = queue.Queue()
        self._lock = threading.Lock()
        self._live: set[_Worker] = set()
        self._closed = False
        for _ in range(self.size):
            self._idle.put(None)  # a slot; the worker is started on first use

    def extract(
        self,
        path: str | os.PathLike,
        *,
        declared_name: str | None = None,
        limits: Limits | None = None,
    ) -> Extraction:
        """Read one document in a worker; never raises for a bad document."""
        if self._closed:
            raise RuntimeError("the extraction pool is closed")
        limits = limits or self.limits
        path = str(Path(path).resolve())
        worker = self._idle.get()
        try:
            if worker is None or not worker.alive():
                if worker is not None:
                    self._forget(worker)
                worker = _Worker(self._context, limits.memory_bytes)
                with self._lock:
                    self._live.add(worker)
            result, kept = self._run(worker, path, declared_name, limits)
            if kept is not None and kept.tasks >= self.max_tasks:
                kept.stop()  # recycle: libraries' leaks must not pile up
                kept = None
            if kept is None:
                self._forget(worker)
            worker = kept
            return result
        finally:
            self._idle.put(worker)

    def _forget(self, worker: _Worker) -> None:
        worker.kill()
        with self._lock:
            self._live.discard(worker)

    def _run(self, worker: _Worker, path: str, declared_name: str | None, limits: Limits):
        worker.tasks += 1
        try:
            worker.conn.send((path, declared_name, limits.to_dict()))
            ready = worker.conn.poll(limits.time_seconds + self.grace_seconds)
        except (OSError, ValueError, EOFError):
            ready = False
        if not ready:
            if worker.alive():
                worker.kill()
                return self._error(
                    "timeout",
                    f"reading took longer than {limits.time_seconds:g} seconds; the reader was stopped",
                ), None
            return self._crashed(worker, limits), None
        try:
            result = read_reply(worker.conn.recv_bytes())
        except (EOFError, OSError):
            return self._crashed(worker, limits), None
        except UnexpectedReply as exc:
            worker.kill()
            return self._error(
                "crashed", f"the reader process sent an unexpected answer ({exc})"
            ), None
        if not worker.alive() or (result.error is not None and result.error.code == "memory"):
            worker.kill()
            return result, None
        return result, worker

    def _crashed(self, worker: _Worker, limits: Limits) -> Extraction:
        worker.process.join(5)
        code = worker.process.exitcode
        worker.kill()
        how = (
            f"signal {signal.Signals(-code).name}"
            if code is not None and code < 0
            else f"exit status {code}"
        )
        memory_hint = (
            f"; likely out of memory (limit {limits.memory_bytes // 2**20:,} MiB)"
            if code in (-signal.SIGABRT, -signal.SIGKILL, -signal.SIGSEGV, -signal.SIGBUS)
            else ""
        )
        return self._error("crashed", f"the reader process crashed ({how}){memory_hint}")

    @staticmethod
    def _error(code: str, message: str) -> Extraction:
        from .core import READER_VERSION

        return Extraction(
            kind="unknown", error=ExtractionError(code, message), reader_version=READER_VERSION
        )

    def extract_many(self, paths, *, limits: Limits | None = None) -> list[Extraction]:
        """Read several documents in parallel (one per worker), results in input order.

        The largest files start first: a big document that started last would
        keep every other worker waiting for it.
        """
        paths = list(paths)
        order = sorted(range(len(paths)), key=lambda i: -_size_of(paths[i]))
        with ThreadPoolExecutor(max_workers=self.size) as executor:
            read = executor.map(lambda i: self.extract(paths[i], limits=limits), order)
            by_index = dict(zip(order, read, strict=True))
        return [by_index[i] for i in range(len(paths))]

    def worker_pids(self) -> list[int]:
        """Process ids of the workers started so far (for monitoring and tests)."""
        with self._lock:
            return sorted(worker.process.pid for worker in self._live)

    def close(self) -> None:
        """Stop every worker (waiting for those busy with a document)."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
        for _ in range(self.size):
            worker = self._idle.get()
            if worker is not None:
                worker.stop()
                self._forget(worker)

    def __enter__(self) -> ExtractionPool:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


_default_pool: ExtractionPool | None = None
_default_lock = threading.Lock()


def extract_isolated(
    path: str | os.PathLike, *, declared_name: str | None = None, limits: Limits | None = None
) -> Extraction:
    """Read one document in the process-wide default pool (started on first use)."""
    global _default_pool
    with _default_lock:
        if _default_pool is None:
            _default_pool = ExtractionPool(min(2, os.cpu_count() or 1))
            atexit.register(_default_pool.close)
    return _default_pool.extract(path, declared_name=declared_name, limits=limits)
