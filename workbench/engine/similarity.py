"""Find documents with the same or nearly the same text, across every claim.

Each indexed document gets a MinHash signature of its word shingles; the
signature is cut into LSH bands stored in the database, so a lookup reads the
few documents sharing a band bucket instead of scanning all of them. The bands
are tuned low (candidates from about 0.45 Jaccard similarity) and every
candidate is then compared exactly, so near copies are found every time, not
just usually. The comparison also counts how much of the shorter text the
other holds (``resemblance``), so a copy cut short or padded is found as long
as it keeps about half of the other text or more (the bands' reach).

Before shingling, each document's own parties (customer and partner names,
customer domain) are masked, each mention as one word whatever the name's
length or legal form: a deck copied from another claim with only the customer
name changed then has the same text as its original. Numbers are compared the
same way, each run of them as one word whatever its value: a report reused
with its dates, counts and amounts changed has the same text as its original.
That holds only where the words around the figures are mostly the same text
with the figures as they are (``FIGURES_KEPT``): two tables or forms of figures
under the same labels are alike only in their labels.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any, TypeVar

import numpy as np
from sqlalchemy import insert, select, tuple_
from sqlalchemy.orm import Session, selectinload

from workbench.extract import READER_VERSION
from workbench.extract.words import hash_word, word_hashes, words
from workbench.models import Claim, SignatureBand, TextSignature

K = TypeVar("K")

NUM_PERM = 128
BANDS = 32
ROWS = NUM_PERM // BANDS
SHINGLE_WORDS = 3
# Below this many shingles a text is too short to call a copy (a title slide, a stub).
MIN_SHINGLES = 12
# Below this many shingles, a text found inside a longer one is a passage, not a copy.
MIN_CONTAINED = 50
NEAR_COPY = 0.8
# Figures that differ count as the same text only where this much of the text is the same
# with its figures as they are. A reused report keeps it (a number-dense deck with every
# date, count and amount changed: 0.7); two device inventories, or two readiness forms of
# "label: figure" lines, share their labels and little else (0.1-0.4), and are not copies.
FIGURES_KEPT = 0.5
SEED = 20261125
# Signatures hash the readers' words as this module shingles and masks them: a
# change to either makes stored signatures stale, so both are in their version.
SIGNATURE_VERSION = f"{READER_VERSION}/s3"

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
# What a number becomes. Words come here as hashes, so a number is told by its hash:
# every string of up to NUMBER_DIGITS digits, hashed once. That covers a report's
# dates, counts and amounts (a year, "18,000" as "18" and "000"); a longer number is
# an identifier (a TPID, a phone number) and is compared as it is.
NUMBER = "\x00number"
_NUMBER_HASH = np.uint32(hash_word(NUMBER))
NUMBER_DIGITS = 5


@cache
def _number_hashes() -> np.ndarray:
    """The sorted hashes of every number of up to NUMBER_DIGITS digits (built on first use:
    about 0.1 s, which a process that never compares texts should not pay)."""
    return np.unique(
        np.fromiter(
            (
                hash_word(f"{value:0{width}d}")
                for width in range(1, NUMBER_DIGITS + 1)
                for value in range(10**width)
            ),
            dtype=np.uint32,
        )
    )


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


# Japanese company forms, written before or after the name (株式会社みなと物流, 北斗精機株式会社).
_CJK_FORMS = ("株式会社", "有限会社", "合同会社", "合資会社", "合名会社")
_NAME_PARTS = re.compile(r"[()（）/|]")


def mask_terms(*names: str | None) -> tuple[str, ...]:
    """What identifies a claim's parties, to be masked before comparing texts.

    Each distinctive word of a name (3+ letters, not a legal form), and each
    name of several words as a whole phrase: a Japanese name is one word per
    character, too short to mask one by one, but found as a phrase, with its
    company form before or after it or without one. "A (B)" names A and B.
    """
    terms = set()
    for name in names:
        for part in _NAME_PARTS.split(name or ""):
            tokens = words(part)
            for token in tokens:
                if len(token) >= 3 and token not in _LEGAL_SUFFIXES and not token.isdigit():
                    terms.add(token)
            if len(tokens) > 1:
                terms.add(" ".join(tokens))
            bare = part.strip()
            for form in _CJK_FORMS:
                bare = bare.removeprefix(form).removesuffix(form).strip()
            if bare != part.strip() and len(words(bare)) > 1:
                for phrase in (
                    bare,
                    *(f + bare for f in _CJK_FORMS),
                    *(bare + f for f in _CJK_FORMS),
                ):
                    terms.add(" ".join(words(phrase)))
    return tuple(sorted(terms))


def words_array(hashes: bytes) -> np.ndarray:
    """The word hashes an extraction carries (``Extraction.word_hashes``) as an array."""
    return np.frombuffer(hashes, dtype="<u4")


# Three odd 64-bit constants: a shingle's hash depends on each word and on its position.
_POSITION = np.array(
    [0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9][:SHINGLE_WORDS], dtype=np.uint64
)
_MAX32 = np.uint64(0xFFFFFFFF)


def shingle_set(
    hashes: bytes | np.ndarray, masked: Iterable[str] = (), *, figures: bool = False
) -> np.ndarray:
    """The sorted, distinct 32-bit hashes of the word 3-grams, with ``masked`` parties masked,
    and each run of numbers as one word (with ``figures``, each number as it is).

    All in numpy: masking, mixing and de-duplicating tens of thousands of words
    takes a millisecond, so it can be done per comparison with both claims' masks.
    """
    words = words_array(hashes) if isinstance(hashes, bytes) else hashes
    masked = tuple(masked)
    if len(words) and masked:
        words = _masked(words, masked)
    if len(words) and not figures:
        words = _numbers_as_one(words)
    count = len(words) - SHINGLE_WORDS + 1
    if count <= 0:
        return np.empty(0, dtype=np.uint64)
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


# Legal forms that may follow a party's name, as word hashes.
_FORM_HASHES = np.array(
    sorted(hash_word(w) for w in _LEGAL_SUFFIXES - {"the", "and", "of"}), dtype=np.uint32
)


def _masked(sequence: np.ndarray, masked: Iterable[str]) -> np.ndarray:
    """The word hashes ``sequence`` with each mention of a party as one ``MASK`` word.

    A mention is a run of masked words with the legal forms that follow it:
    "Contoso Retail Ltd" and "Northwind Inc" both become one MASK, so a copy
    that swapped a customer's name for one of another length reads the same.
    """
    singles, phrases, firsts = _mask_words(tuple(sorted(set(masked))))
    hit = _among(sequence, singles)
    if phrases:
        # A phrase can only start where one of its first words stands: a few places, so
        # each is compared in Python rather than sliding every phrase along the text.
        for start in np.flatnonzero(_among(sequence, firsts)).tolist():
            for phrase in phrases:
                if tuple(sequence[start : start + len(phrase)].tolist()) == phrase:
                    hit[start : start + len(phrase)] = True
    if not hit.any():
        return sequence
    form = _among(sequence, _FORM_HASHES)
    for _ in range(3):  # "Co., Ltd.": a few forms in a row
        hit[1:] |= form[1:] & hit[:-1]
    first = hit.copy()
    first[1:] &= ~hit[:-1]  # the first word of each run stands for the run
    return np.where(hit, _MASK_HASH, sequence)[first | ~hit]


def _among(sequence: np.ndarray, values: np.ndarray) -> np.ndarray:
    """Which of ``sequence`` are in ``values`` (sorted, distinct): a binary search each, several
    times faster than ``np.isin`` on the few hundred words of a slide or a page."""
    if not len(values):
        return np.zeros(len(sequence), dtype=bool)
    at = np.searchsorted(values, sequence)
    at[at == len(values)] = 0
    return values[at] == sequence


@lru_cache(maxsize=1024)
def _mask_words(
    masked: tuple[str, ...],
) -> tuple[np.ndarray, tuple[tuple[int, ...], ...], np.ndarray]:
    """``masked``'s one-word terms as hashes, its phrases as tuples of hashes, and the phrases'
    first words (a claim's masks recur in every comparison it takes part in)."""
    singles: list[int] = []
    phrases: list[tuple[int, ...]] = []
    for term in masked:
        tokens = tuple(hash_word(w) for w in words(term))
        if len(tokens) == 1:
            singles.append(tokens[0])
        elif len(tokens) > 1:
            phrases.append(tokens)
    firsts = sorted({phrase[0] for phrase in phrases})
    return (
        np.array(sorted(set(singles)), dtype=np.uint32),
        tuple(phrases),
        np.array(firsts, dtype=np.uint32),
    )


def _numbers_as_one(sequence: np.ndarray) -> np.ndarray:
    """``sequence`` with each run of numbers ("2 October 2026" has two, "$18,000" one) as one
    ``NUMBER`` word."""
    number = _among(sequence, _number_hashes())
    if not number.any():
        return sequence
    first = number.copy()
    first[1:] &= ~number[:-1]
    return np.where(number, _NUMBER_HASH, sequence)[first | ~number]


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


def resemblance(ours: np.ndarray, theirs: np.ndarray, *, template: bool = False) -> float:
    """How much of one text the other holds, from 0 to 1.

    Jaccard similarity alone misses a copy cut short or padded with pages of
    its own: a deck cut to three of its five sections scores 0.6 against its
    original. So where it is higher, the share of the shorter text found in the
    other counts; against a template example, the share of ``ours`` (a report
    that keeps the template's guidance beside much content of its own is not
    a copy of it). A text of fewer than ``MIN_CONTAINED`` shingles is not
    judged by what it shares: a sentence or two inside a long document is a
    quote, not a copy.
    """
    if not len(ours) or not len(theirs):
        return 0.0
    shared = len(np.intersect1d(ours, theirs, assume_unique=True))
    jaccard = shared / (len(ours) + len(theirs) - shared)
    base = len(ours) if template else min(len(ours), len(theirs))
    return jaccard if base < MIN_CONTAINED else max(jaccard, shared / base)


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
    """The ``candidates`` whose ``resemblance`` to the words ``hashes`` is at least ``threshold``.

    The pair is compared with both claims' parties masked: a copy that still
    carries the other claim's customer name is as much a copy as one that
    replaced it; and its numbers as one word, unless too little of the text is
    the same with them as they are (``FIGURES_KEPT``) or the candidate is an
    invoice.
    """
    found = []
    # Candidates of one claim, or templates (no masks of their own), mask ours alike.
    ours: dict[tuple[frozenset[str], bool], np.ndarray] = {}

    def alike(theirs: bytes, both: frozenset[str], *, template: bool, figures: bool) -> float:
        if (both, figures) not in ours:
            ours[both, figures] = shingle_set(hashes, both, figures=figures)
        return resemblance(
            ours[both, figures], shingle_set(theirs, both, figures=figures), template=template
        )

    for signature in candidates:
        both = frozenset(masked).union(masks_of(signature))
        theirs = words_of(signature.sha256)
        template = signature.claim_id is None
        if signature.kind == "invoice":
            # An invoice is its figures: two of one partner's template differ in little else.
            similarity = alike(theirs, both, template=template, figures=True)
        else:
            similarity = alike(theirs, both, template=template, figures=False)
            if similarity >= threshold:
                as_they_are = alike(theirs, both, template=template, figures=True)
                if as_they_are < FIGURES_KEPT:
                    similarity = as_they_are
        if similarity >= threshold:
            found.append(NearCopy(signature, similarity))
    return sorted(found, key=lambda n: (-n.similarity, n.signature.id))
