"""The near-duplicate index: word hashes, masking, and near copies found every time."""

from __future__ import annotations

import random

import numpy as np
import pytest

from workbench.engine import similarity
from workbench.extract.words import hash_word, word_hashes, words

READER = "test-reader"


def test_words_are_normalised_and_hashed_little_endian():
    assert words("Ｃｏｎｔｏｓｏ LTD, café-crème 北斗精機") == [
        "contoso", "ltd", "café", "crème", "北", "斗", "精", "機",
    ]  # fmt: skip
    hashes = word_hashes("Contoso contoso")
    assert hashes[:4] == hashes[4:] == hash_word("contoso").to_bytes(4, "little")


@pytest.mark.parametrize(
    "text",
    [
        "Délivré: the ＡＢＣ workshop, 北斗 team",
        "a_b c-d e.f 12,5 ½ Ⅻ ǅ ß ﬁne straße İstanbul — “quoted”…",
        "日本語のテキスト、カタカナ。한국어 text",
        "Contoso様向け Ｆａｂｒｉｋａｍ株式会社 x1の",
        "plain ascii only, with punctuation; and_underscores",
        "unpaired \ud800 surrogate",
        "",
    ],
)
def test_fast_word_hashes_are_the_words_hashed(text):
    assert word_hashes(text) == b"".join(hash_word(w).to_bytes(4, "little") for w in words(text))


def test_masking_makes_a_copy_with_another_customer_the_same():
    body = "{name} asked for a frontline workshop; {short} staff planned rosters in sheets " * 5
    ours = body.format(name="Contoso Ltd", short="Contoso")
    theirs = body.format(name="Fabrikam Ltd", short="Fabrikam")
    masks = similarity.mask_terms("Contoso Ltd", "Fabrikam Ltd")
    assert masks == ("contoso", "contoso ltd", "fabrikam", "fabrikam ltd")
    assert similarity.jaccard(similarity.shingles(ours), similarity.shingles(theirs)) < 0.8
    assert (
        similarity.jaccard(similarity.shingles(ours, masks), similarity.shingles(theirs, masks))
        == 1.0
    )


def _document(rng: random.Random, vocabulary: list[str], length: int = 400) -> list[str]:
    return [rng.choice(vocabulary) for _ in range(length)]


def _edited(rng: random.Random, text: list[str], edits: int) -> list[str]:
    copy = list(text)
    for position in rng.sample(range(len(copy)), edits):
        copy[position] = f"edit{rng.randrange(10**9)}"
    return copy


@pytest.fixture
def corpus():
    """100 originals and, for each, a near copy between 0.80 and 0.92 similar (exactly)."""
    rng = random.Random(7)
    vocabulary = [f"w{n}" for n in range(5000)]
    pairs = []
    while len(pairs) < 100:
        original = _document(rng, vocabulary)
        copy = _edited(rng, original, rng.randint(4, 16))
        score = similarity.jaccard(
            similarity.shingles(" ".join(original)), similarity.shingles(" ".join(copy))
        )
        if 0.8 <= score < 0.92:
            pairs.append((word_hashes(" ".join(original)), word_hashes(" ".join(copy)), score))
    return pairs


def test_every_near_copy_is_found_through_the_bands(session, corpus):
    """The LSH bands are tuned low and every candidate is compared exactly: recall is 100%."""
    stored = {}
    for n, (original, _copy, _score) in enumerate(corpus):
        digest = f"{n:064x}"
        stored[digest] = original
        fp = similarity.fingerprint_of(similarity.shingle_set(original))
        similarity.index(session, fp, sha256=digest, reader_version=READER, kind="poe",
                         label=f"original-{n}.pptx", shingle_count=0)  # fmt: skip
    found = 0
    for n, (_original, copy, score) in enumerate(corpus):
        fp = similarity.fingerprint_of(similarity.shingle_set(copy))
        # A lookup reads the documents sharing a bucket, not the whole index.
        candidates = similarity.candidates(
            session, {"copy": fp}, reader_version=READER, exclude_claim_pk=None
        )["copy"]
        assert len(candidates) < 5
        near = similarity.near_copies(
            copy, candidates, masked=(), words_of=stored.__getitem__, masks_of=lambda s: ()
        )
        assert [n.signature.label for n in near] == [f"original-{n}.pptx"]
        # Against another claim's document: the share of the shorter text, at least Jaccard's.
        shared = similarity.resemblance(
            similarity.shingle_set(copy), similarity.shingle_set(stored[f"{n:064x}"])
        )
        assert near[0].similarity == pytest.approx(shared) and shared >= score
        found += 1
    assert found == len(corpus)


def test_short_texts_get_no_fingerprint():
    assert similarity.fingerprint("Workshop report for Contoso Ltd, November") is None
    assert similarity.fingerprint(" ".join(f"word{n}" for n in range(40))) is not None


def test_one_lookup_answers_for_every_document_of_a_claim(session, corpus):
    ids = [
        similarity.index(session, similarity.fingerprint_of(similarity.shingle_set(original)),
                         sha256=f"{n:064x}", reader_version=READER, kind="poe",
                         label=f"original-{n}.pptx", shingle_count=0)
        for n, (original, _copy, _score) in enumerate(corpus[:3])
    ]  # fmt: skip
    copies = {
        n: similarity.fingerprint_of(similarity.shingle_set(c[1])) for n, c in enumerate(corpus[:3])
    }
    copies["same as 0"] = copies[0]
    found = similarity.candidates(session, copies, reader_version=READER, exclude_claim_pk=None)
    assert {key: [s.id for s in signatures] for key, signatures in found.items()} == {
        0: [ids[0]], 1: [ids[1]], 2: [ids[2]], "same as 0": [ids[0]],
    }  # fmt: skip
    assert (
        similarity.candidates(session, copies, reader_version="other", exclude_claim_pk=None)[0]
        == []
    )


@pytest.mark.parametrize(
    ("ours", "theirs"),
    [
        ("Contoso Retail Ltd.", "Northwind Traders Inc"),  # other length, other legal form
        ("Contoso Ltd", "Fabrikam Co., Ltd."),
        (
            "株式会社みなと物流",
            "北斗精機株式会社",
        ),  # one word a character; the form before or after
        ("北斗精機株式会社 (Hokuto Seiki Co., Ltd.)", "株式会社みなと物流 (Minato Logistics)"),
    ],
)
def test_each_mention_of_a_party_masks_to_one_word(ours, theirs):
    body = (
        "{name}様向けのワークショップ. The team of {name} met twice; {name} staff planned rosters. "
    )
    short = {name: name.split(" (")[0] for name in (ours, theirs)}
    a = (body * 4).format(name=short[ours])
    b = (body * 4).format(name=short[theirs])
    masks = similarity.mask_terms(ours, theirs)
    assert similarity.jaccard(similarity.shingles(a, masks), similarity.shingles(b, masks)) == 1.0


def test_a_party_named_at_either_end_of_a_text_is_masked():
    masks = similarity.mask_terms("Contoso Retail Ltd")
    for text in ("Contoso Retail Ltd", "report for Contoso Retail", "Contoso Retail Ltd wins"):
        masked = similarity._masked(similarity.words_array(word_hashes(text)), masks)
        assert masked.tolist().count(int(similarity._MASK_HASH)) == 1, text
    # A phrase's first word at the very end: masked as a word of the name, no phrase cut off.
    tail = similarity._masked(similarity.words_array(word_hashes("the team met contoso")), masks)
    expected = [hash_word(w) for w in ("the", "team", "met")] + [int(similarity._MASK_HASH)]
    assert tail.tolist() == expected


@pytest.mark.parametrize("seed", range(5))
def test_among_is_membership(seed):
    rng = np.random.default_rng(seed)
    sequence = rng.integers(0, 50, size=300, dtype=np.uint32)
    for size in (0, 1, 7, 49):
        values = np.unique(rng.integers(0, 50, size=size, dtype=np.uint32))
        assert similarity._among(sequence, values).tolist() == np.isin(sequence, values).tolist()


def test_resemblance_counts_what_the_shorter_text_shares():
    vocabulary = [f"w{n}" for n in range(3000)]
    rng = random.Random(3)
    original = similarity.shingles(" ".join(_document(rng, vocabulary, 300)))
    half = original[: len(original) // 2]  # a copy cut short (as shingle sets)
    assert similarity.jaccard(original, half) == pytest.approx(0.5, abs=0.01)
    assert similarity.resemblance(original, half) == 1.0
    # Against a template, only the share of our text counts: keeping the template's
    # guidance beside as much text of one's own is not a copy of it.
    own = similarity.shingles(" ".join(_document(rng, vocabulary, 300)))
    ours = np.union1d(own, half)
    assert similarity.resemblance(ours, original, template=True) == pytest.approx(
        len(half) / len(ours)
    )
    # A few sentences inside a long document are a quote: Jaccard decides.
    quote = original[: similarity.MIN_CONTAINED - 1]
    assert similarity.resemblance(original, quote) == similarity.jaccard(original, quote)


def test_each_run_of_numbers_is_one_word_whatever_its_value():
    ours = "On 2 October 2026 the 42 stores and $18,000 budget were agreed; TPID 12345678. " * 4
    theirs = "On 19 October 2027 the 7 stores and $950 budget were agreed; TPID 12345678. " * 4
    assert similarity.jaccard(similarity.shingles(ours), similarity.shingles(theirs)) == 1.0
    # Numbers of more than NUMBER_DIGITS digits are identifiers, compared as they are.
    other_id = theirs.replace("12345678", "87654321")
    assert similarity.jaccard(similarity.shingles(ours), similarity.shingles(other_id)) < 0.8


def test_figures_changed_in_prose_are_a_near_copy_but_not_against_an_invoice():
    from types import SimpleNamespace

    prose = " ".join(f"w{n}" for n in range(120))
    ours = word_hashes(f"{prose} on 2 October 2026 for $18,000 in 42 stores")
    theirs = word_hashes(f"{prose} on 19 October 2027 for $9,500 in 7 stores")

    def near(kind: str) -> list:
        signature = SimpleNamespace(sha256="x", claim_id=1, kind=kind, id=1)
        return similarity.near_copies(
            ours, [signature], masked=(), words_of=lambda _: theirs, masks_of=lambda _: ()
        )

    assert [n.similarity for n in near("poe")] == [1.0]
    # An invoice is its figures: two of one template differ in little else.
    as_they_are = similarity.resemblance(
        similarity.shingle_set(ours, figures=True), similarity.shingle_set(theirs, figures=True)
    )
    assert as_they_are < 0.95
    assert [n.similarity for n in near("invoice")] == [as_they_are]
