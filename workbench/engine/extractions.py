"""Read each document once: extractions cached by content hash and reader version."""

from __future__ import annotations

from collections.abc import Callable, Iterable
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
    wanted = sorted(set(digests))
    if not wanted:
        return {}
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
        return found
    # One document per worker, in parallel.
    read = pool.extract_many([blobs.path_for(digest) for digest in missing])
    found.update(zip(missing, read, strict=True))
    new = {digest: found[digest] for digest in missing}
    if writes is None:
        _store(session, new)
    else:
        writes.append(partial(_store, session, new))
    return found


def word_hashes_of(session: Session, digests: Iterable[str]) -> dict[str, bytes]:
    """The cached word hashes of ``digests`` (those read under this reader version)."""
    rows = session.execute(
        select(StoredExtraction.sha256, StoredExtraction.word_hashes).where(
            StoredExtraction.sha256.in_(sorted(set(digests))),
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
