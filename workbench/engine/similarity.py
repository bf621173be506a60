"""Find documents with the same or nearly the same text, across every claim.

Each indexed document gets a MinHash signature of its word shingles; the
signature is cut into LSH bands stored in the database, so a lookup reads the
few documents sharing a band bucket instead of scanning all of them. The bands
are tuned low (candidates from about 0.45 similarity) and every candidate is
then compared exactly, so near copies are found every time, not just usually.

Before shingling, each document's own parties (customer and partner names,
customer domain) are masked: a deck copied from another claim with only the
customer name changed then has the same text as its original.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

import numpy as np
from sqlalchemy import insert, select, tuple_
from sqlalchemy.orm import Session, selectinload

from workbench.extract.words import hash_word, word_hashes, words
from workbench.models import Claim, SignatureBand, TextSignature

K = TypeVar("K")

NUM_PERM = 128
BANDS = 32
ROWS = NUM_PERM // BANDS
SHINGLE_WORDS = 3
# Below this many shingles a text is too short to call a copy (a title slide, a stub).
MIN_SHINGLES = 12
NEAR_COPY = 0.8
SEED = 20261125

_LEGAL_SUFFIXES = frozenset(
    [
        "inc",
        "incorporated",
        "ltd",
        "limited",
        "llc",
        "llp",
        "plc",
        "gmbh",
        "ag",
        "sa",
        "sas",
        "sarl",
        "bv",
        "nv",
        "kk",
        "co",
        "corp",
        "corporation",
        "company",
        "pvt",
        "pty",
        "the",
        "and",
        "of",
    ]
)
# What a masked party name becomes; no word of a text can be this (the tokenizer drops NUL).
MASK = "\x00party"
_MASK_HASH = np.uint32(hash_word(MASK))


@dataclass(frozen=True)
class TextFingerprint:
    """A text's MinHash signature (NUM_PERM 32-bit minima)."""

    hashvalues: tuple[int, ...]

    def bands(self) -> list[str]:
        values = np.asarray(self.hashvalues, dtype=np.uint64)
        return [
            hashlib.blake2b(values[b * ROWS : (b + 1) * ROWS].tobytes(), digest_size=16).hexdigest()
            for b in range(BANDS)
        ]


def mask_terms(*names: str | None) -> tuple[str, ...]:
    """Words that identify a claim's parties, to be masked before comparing texts."""
    terms = set()
    for name in names:
        if not name:
            continue
        for token in words(name):
            if len(token) >= 3 and token not in _LEGAL_SUFFIXES and not token.isdigit():
                terms.add(token)
    return tuple(sorted(terms))


def words_array(hashes: bytes) -> np.ndarray:
    """The word hashes an extraction carries (``Extraction.word_hashes``) as an array."""
    return np.frombuffer(hashes, dtype="<u4")


# Three odd 64-bit constants: a shingle's hash depends on each word and on its position.
_POSITION = np.array(
    [0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9][:SHINGLE_WORDS], dtype=np.uint64
)
_MAX32 = np.uint64(0xFFFFFFFF)


def shingle_set(hashes: bytes | np.ndarray, masked: Iterable[str] = ()) -> np.ndarray:
    """The sorted, distinct 32-bit hashes of the word 3-grams, with ``masked`` words masked.

    All in numpy: masking, mixing and de-duplicating tens of thousands of words
    takes a millisecond, so it can be done per comparison with both claims' masks.
    """
    words = words_array(hashes) if isinstance(hashes, bytes) else hashes
    count = len(words) - SHINGLE_WORDS + 1
    if count <= 0:
        return np.empty(0, dtype=np.uint64)
    masked_hashes = np.fromiter(map(hash_word, masked), dtype=np.uint32)
    if len(masked_hashes):
        words = np.where(np.isin(words, masked_hashes), _MASK_HASH, words)
    words = words.astype(np.uint64)
    mixed = np.zeros(count, dtype=np.uint64)
    with np.errstate(over="ignore"):  # uint64 wrap-around is part of the hash
        for position in range(SHINGLE_WORDS):
            mixed ^= words[position : position + count] * _POSITION[position]
        # MurmurHash3's finaliser: every input bit reaches the low 32 bits kept.
        mixed ^= mixed >> np.uint64(33)
        mixed *= np.uint64(0xFF51AFD7ED558CCD)
        mixed ^= mixed >> np.uint64(33)
        mixed *= np.uint64(0xC4CEB9FE1A85EC53)
        mixed ^= mixed >> np.uint64(33)
    return np.unique(mixed & _MAX32)


def shingles(text: str, masked: Iterable[str] = ()) -> np.ndarray:
    """``shingle_set`` of a text (for callers that have text, not an extraction)."""
    return shingle_set(word_hashes(text), masked)


# Multiply-shift hashing, one odd 64-bit multiplier and an offset per permutation: the
# high 32 bits of (a * x + b) mod 2**64 are a universal hash of x without a slow modulo.
_generator = np.random.RandomState(SEED)
_A = _generator.randint(0, 1 << 62, size=NUM_PERM, dtype=np.uint64) * np.uint64(2) + np.uint64(1)
_B = _generator.randint(0, 1 << 62, size=NUM_PERM, dtype=np.uint64)
_BLOCK = 2048


def minhash(grams: np.ndarray) -> tuple[int, ...]:
    values = np.asarray(grams, dtype=np.uint64)
    lowest = np.full(NUM_PERM, np.iinfo(np.uint64).max, dtype=np.uint64)
    scratch = np.empty((_BLOCK, NUM_PERM), dtype=np.uint64)
    # In place, block by block: temporaries the size of the whole product are slower.
    for start in range(0, len(values), _BLOCK):
        block = values[start : start + _BLOCK, None]
        hashed = scratch[: len(block)]
        np.multiply(block, _A, out=hashed)  # uint64 wrap-around is part of the hash
        np.add(hashed, _B, out=hashed)
        np.minimum(lowest, hashed.min(axis=0), out=lowest)
    # Keeping the high 32 bits preserves order, so it is done once, on the minima.
    return tuple(int(v) for v in lowest >> np.uint64(32))


def fingerprint_of(grams: np.ndarray) -> TextFingerprint | None:
    """The fingerprint of a shingle set, or None when it is too short to compare."""
    if len(grams) < MIN_SHINGLES:
        return None
    return TextFingerprint(minhash(grams))


def fingerprint(text: str, masked: Iterable[str] = ()) -> TextFingerprint | None:
    return fingerprint_of(shingles(text, masked))


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """Exact Jaccard similarity of two shingle sets (sorted and distinct, as ``shingle_set``)."""
    if not len(a) or not len(b):
        return 0.0
    shared = len(np.intersect1d(a, b, assume_unique=True))
    return shared / (len(a) + len(b) - shared)


def index(session: Session, fp: TextFingerprint, **fields: Any) -> int:
    """Store one signature and its bands (not committed); return the signature's id.

    ``fields`` are TextSignature's columns: sha256, reader_version, kind, label,
    and claim_id with document_version_id, or engagement_id for a template.
    """
    return index_many(session, [(fp, fields)])[0]


def index_many(
    session: Session, entries: Sequence[tuple[TextFingerprint, dict[str, Any]]]
) -> list[int]:
    """Store several signatures with two statements, past the unit of work.

    The unit of work is slow for dozens of tiny rows (32 bands a document).
    Every entry's ``fields`` must name the same columns.
    """
    if not entries:
        return []
    ids = list(
        session.scalars(
            insert(TextSignature).returning(TextSignature.id, sort_by_parameter_order=True),
            [{**fields, "minhash": list(fp.hashvalues)} for fp, fields in entries],
        )
    )
    session.execute(
        insert(SignatureBand),
        [
            {"signature_id": signature_id, "band": band, "bucket": bucket}
            for signature_id, (fp, _fields) in zip(ids, entries, strict=True)
            for band, bucket in enumerate(fp.bands())
        ],
    )
    return ids


def candidates(
    session: Session,
    fingerprints: Mapping[K, TextFingerprint],
    *,
    reader_version: str,
    exclude_claim_pk: int | None,
) -> dict[K, list[TextSignature]]:
    """For each fingerprint, the signatures sharing at least one band bucket with it.

    One indexed query for all of them: a lookup reads the few documents in the
    same buckets, never the whole index.
    """
    wanted = {key: set(enumerate(fp.bands())) for key, fp in fingerprints.items()}
    found: dict[K, list[TextSignature]] = {key: [] for key in wanted}
    pairs = sorted(set().union(*wanted.values()))
    if not pairs:
        return found
    query = (
        select(TextSignature, SignatureBand.band, SignatureBand.bucket)
        .join(SignatureBand, SignatureBand.signature_id == TextSignature.id)
        .where(
            tuple_(SignatureBand.band, SignatureBand.bucket).in_(pairs),
            TextSignature.reader_version == reader_version,
        )
        .order_by(TextSignature.id)
        .options(selectinload(TextSignature.claim).selectinload(Claim.customer))
    )
    if exclude_claim_pk is not None:
        query = query.where(
            (TextSignature.claim_id.is_(None)) | (TextSignature.claim_id != exclude_claim_pk)
        )
    for signature, band, bucket in session.execute(query):
        for key, buckets in wanted.items():
            listed = found[key]
            if (band, bucket) in buckets and (not listed or listed[-1] is not signature):
                listed.append(signature)
    return found


@dataclass(frozen=True)
class NearCopy:
    signature: TextSignature
    similarity: float


def near_copies(
    hashes: bytes,
    candidates: Iterable[TextSignature],
    *,
    masked: Sequence[str],
    words_of: Callable[[str], bytes],
    masks_of: Callable[[TextSignature], Sequence[str]],
    threshold: float = NEAR_COPY,
) -> list[NearCopy]:
    """The ``candidates`` at least ``threshold`` similar (exact Jaccard) to the words ``hashes``.

    The pair is compared with both claims' parties masked: a copy that still
    carries the other claim's customer name is as much a copy as one that
    replaced it.
    """
    found = []
    for signature in candidates:
        both = set(masked) | set(masks_of(signature))
        similarity = jaccard(
            shingle_set(hashes, both), shingle_set(words_of(signature.sha256), both)
        )
        if similarity >= threshold:
            found.append(NearCopy(signature, similarity))
    return sorted(found, key=lambda n: (-n.similarity, n.signature.id))
