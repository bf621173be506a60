"""Read each document once: extractions cached by content hash and reader version."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from functools import partial

from sqlalchemy import select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from workbench.domain.blobs import BlobStore
from workbench.extract import READER_VERSION, Extraction, ExtractionPool
from workbench.extract.gcpause import collector_paused
from workbench.models import StoredExtraction


def cached_extractions(
    session: Session,
    blobs: BlobStore,
    digests: Iterable[str],
    pool: ExtractionPool,
    *,
    writes: list[Callable[[], object]] | None = None,
) -> dict[str, Extraction]:
    """Return the extraction of every blob in ``digests``, reading only those never read.

    New extractions are stored (not committed) so that every later check run,
    claim or process reuses them; with ``writes``, storing them is appended there.
    """
    return start_extractions(session, blobs, digests, pool, writes=writes).result()


class PendingExtractions:
    """Extractions being read in the pool; ``result()`` waits for them and stores the new ones.

    The caller's thread stays free meanwhile: its own database queries cost no
    time while the workers read.
    """

    def __init__(self, session, found, missing, future, writes) -> None:
        self._session, self._found, self._missing = session, found, missing
        self._future, self._writes = future, writes

    def result(self) -> dict[str, Extraction]:
        if self._future is None:
            return self._found
        read = self._future.result()
        self._future = None
        self._found.update(zip(self._missing, read, strict=True))
        new = {digest: self._found[digest] for digest in self._missing}
        if self._writes is None:
            _store(self._session, new)
        else:
            self._writes.append(partial(_store, self._session, new))
        return self._found


# One thread waits on the pool for each claim being read (the pool's own threads read).
_waiting = ThreadPoolExecutor(max_workers=4, thread_name_prefix="workbench-extraction-wait")


def start_extractions(
    session: Session,
    blobs: BlobStore,
    digests: Iterable[str],
    pool: ExtractionPool,
    *,
    writes: list[Callable[[], object]] | None = None,
) -> PendingExtractions:
    """Look up the cached extractions of ``digests`` and start reading the others."""
    wanted = sorted(set(digests))
    if not wanted:
        return PendingExtractions(session, {}, [], None, writes)
    query = select(
        StoredExtraction.sha256, StoredExtraction.data, StoredExtraction.word_hashes
    ).where(StoredExtraction.sha256.in_(wanted), StoredExtraction.reader_version == READER_VERSION)
    with collector_paused():  # JSON decoding makes a list per segment
        found = {
            digest: Extraction.from_dict(data, words or b"")
            for digest, data, words in session.execute(query)
        }
    missing = [digest for digest in wanted if digest not in found]
    if not missing:
        return PendingExtractions(session, found, [], None, writes)
    # One document per worker, in parallel.
    future = _waiting.submit(pool.extract_many, [blobs.path_for(digest) for digest in missing])
    return PendingExtractions(session, found, missing, future, writes)


def word_hashes_of(session: Session, digests: Iterable[str]) -> dict[str, bytes]:
    """The cached word hashes of ``digests`` (those read under this reader version)."""
    wanted = sorted(set(digests))
    if not wanted:
        return {}
    rows = session.execute(
        select(StoredExtraction.sha256, StoredExtraction.word_hashes).where(
            StoredExtraction.sha256.in_(wanted),
            StoredExtraction.reader_version == READER_VERSION,
        )
    )
    return {digest: words or b"" for digest, words in rows}


def _store(session: Session, extractions: dict[str, Extraction]) -> None:
    # Another process may have read the same content meanwhile; theirs is as good, so
    # rows that exist by now are left alone (one statement, no savepoint per row).
    with collector_paused():  # to_dict makes a list per segment
        rows = [
            {"sha256": digest, "reader_version": READER_VERSION, "data": extraction.to_dict(),
             "word_hashes": extraction.word_hashes}
            for digest, extraction in extractions.items()
        ]  # fmt: skip
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    session.execute(dialect.insert(StoredExtraction).on_conflict_do_nothing(), rows)
