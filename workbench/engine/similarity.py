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
import re
import unicodedata
import zlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from sqlalchemy import insert, select, tuple_
from sqlalchemy.orm import Session, selectinload

from workbench.models import Claim, SignatureBand, TextSignature

NUM_PERM = 128
BANDS = 32
ROWS = NUM_PERM // BANDS
SHINGLE_WORDS = 3
# Below this many shingles a text is too short to call a copy (a title slide, a stub).
MIN_SHINGLES = 12
NEAR_COPY = 0.8
SEED = 20261125

_TOKEN = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]|[^\W_]+")
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
MASK = "\x00party"


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
        lowered = unicodedata.normalize("NFKC", name).casefold()
        for token in _TOKEN.findall(lowered.replace(".", " ")):
            if len(token) >= 3 and token not in _LEGAL_SUFFIXES and not token.isdigit():
                terms.add(token)
    return tuple(sorted(terms))


def tokens(text: str, masked: Iterable[str] = ()) -> list[str]:
    masked = set(masked)
    lowered = unicodedata.normalize("NFKC", text).casefold()
    return [MASK if token in masked else token for token in _TOKEN.findall(lowered)]


def shingles(text: str, masked: Iterable[str] = ()) -> frozenset[int]:
    """The set of 32-bit hashes of the text's word 3-grams (CRC32: fast, stable everywhere)."""
    words = tokens(text, masked)
    return frozenset(
        zlib.crc32(" ".join(words[i : i + SHINGLE_WORDS]).encode())
        for i in range(len(words) - SHINGLE_WORDS + 1)
    )


# Universal hashing (a * x + b) mod p, one (a, b) per permutation, as MinHash libraries do;
# numpy evaluates all permutations for a block of shingles at once.
_PRIME = np.uint64((1 << 61) - 1)
_MAX32 = np.uint64(0xFFFFFFFF)
_generator = np.random.RandomState(SEED)
_A = _generator.randint(1, (1 << 61) - 1, size=NUM_PERM, dtype=np.uint64)
_B = _generator.randint(0, (1 << 61) - 1, size=NUM_PERM, dtype=np.uint64)
_BLOCK = 4096


def minhash(grams: frozenset[int]) -> tuple[int, ...]:
    values = np.fromiter(grams, dtype=np.uint64, count=len(grams))
    minima = np.full(NUM_PERM, _MAX32, dtype=np.uint64)
    with np.errstate(over="ignore"):  # uint64 wrap-around is part of the hash
        for start in range(0, len(values), _BLOCK):
            block = values[start : start + _BLOCK, None]
            hashed = ((block * _A + _B) % _PRIME) & _MAX32
            np.minimum(minima, hashed.min(axis=0), out=minima)
    return tuple(int(v) for v in minima)


def fingerprint(text: str, masked: Iterable[str] = ()) -> TextFingerprint | None:
    """Return the text's fingerprint, or None when it is too short to compare."""
    grams = shingles(text, masked)
    if len(grams) < MIN_SHINGLES:
        return None
    return TextFingerprint(minhash(grams))


def jaccard(a: frozenset[int], b: frozenset[int]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def index(
    session: Session,
    fp: TextFingerprint,
    *,
    sha256: str,
    reader_version: str,
    kind: str,
    label: str,
    claim_pk: int | None = None,
    document_version_id: int | None = None,
    engagement_id: str | None = None,
    shingle_count: int = 0,
) -> TextSignature:
    """Store a signature and its bands (flushed, not committed)."""
    signature = TextSignature(
        sha256=sha256,
        reader_version=reader_version,
        kind=kind,
        label=label,
        claim_id=claim_pk,
        document_version_id=document_version_id,
        engagement_id=engagement_id,
        minhash=list(fp.hashvalues),
        shingle_count=shingle_count,
    )
    session.add(signature)
    session.flush()
    # One multi-row INSERT: the unit of work is slow for dozens of tiny rows.
    session.execute(
        insert(SignatureBand),
        [
            {"signature_id": signature.id, "band": band, "bucket": bucket}
            for band, bucket in enumerate(fp.bands())
        ],
    )
    return signature


def candidates(
    session: Session, fp: TextFingerprint, *, reader_version: str, exclude_claim_pk: int | None
) -> list[TextSignature]:
    """Signatures sharing at least one band bucket with ``fp``, in one indexed query."""
    pairs = list(enumerate(fp.bands()))
    query = (
        select(TextSignature)
        .where(
            TextSignature.id.in_(
                select(SignatureBand.signature_id).where(
                    tuple_(SignatureBand.band, SignatureBand.bucket).in_(pairs)
                )
            ),
            TextSignature.reader_version == reader_version,
        )
        .options(selectinload(TextSignature.claim).selectinload(Claim.customer))
    )
    if exclude_claim_pk is not None:
        query = query.where(
            (TextSignature.claim_id.is_(None)) | (TextSignature.claim_id != exclude_claim_pk)
        )
    return list(session.scalars(query))


@dataclass(frozen=True)
class NearCopy:
    signature: TextSignature
    similarity: float


def near_copies(
    session: Session,
    text: str,
    fp: TextFingerprint,
    *,
    masked: Sequence[str],
    reader_version: str,
    exclude_claim_pk: int | None,
    text_of: Callable[[str], str],
    masks_of: Callable[[TextSignature], Sequence[str]],
    threshold: float = NEAR_COPY,
) -> list[NearCopy]:
    """Indexed documents whose text is at least ``threshold`` similar to ``text`` (exact Jaccard).

    The pair is compared with both claims' parties masked: a copy that still
    carries the other claim's customer name is as much a copy as one that
    replaced it.
    """
    found = []
    for signature in candidates(
        session, fp, reader_version=reader_version, exclude_claim_pk=exclude_claim_pk
    ):
        both = set(masked) | set(masks_of(signature))
        similarity = jaccard(shingles(text, both), shingles(text_of(signature.sha256), both))
        if similarity >= threshold:
            found.append(NearCopy(signature, similarity))
    return sorted(found, key=lambda n: (-n.similarity, n.signature.id))
