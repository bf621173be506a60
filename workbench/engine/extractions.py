"""Read each document once: extractions cached by content hash and reader version."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from workbench.domain.blobs import BlobStore
from workbench.extract import READER_VERSION, Extraction, ExtractionPool
from workbench.models import StoredExtraction


def cached_extractions(
    session: Session, blobs: BlobStore, digests: Iterable[str], pool: ExtractionPool
) -> dict[str, Extraction]:
    """Return the extraction of every blob in ``digests``, reading only those never read.

    New extractions are stored (flushed, not committed) so that every later
    check run, claim or process reuses them.
    """
    wanted = sorted(set(digests))
    if not wanted:
        return {}
    rows = session.scalars(
        select(StoredExtraction).where(
            StoredExtraction.sha256.in_(wanted), StoredExtraction.reader_version == READER_VERSION
        )
    )
    found = {row.sha256: Extraction.from_dict(row.data) for row in rows}
    missing = [digest for digest in wanted if digest not in found]
    # One document per worker, in parallel.
    read = pool.extract_many([blobs.path_for(digest) for digest in missing])
    for digest, extraction in zip(missing, read, strict=True):
        found[digest] = extraction
        _store(session, digest, extraction)
    return found


def _store(session: Session, digest: str, extraction: Extraction) -> None:
    # Another process may have read the same content meanwhile; theirs is as good.
    try:
        with session.begin_nested():
            session.add(
                StoredExtraction(
                    sha256=digest, reader_version=READER_VERSION, data=extraction.to_dict()
                )
            )
    except IntegrityError:
        pass
