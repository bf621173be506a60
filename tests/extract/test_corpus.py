"""Every document of the shared corpus gives text or a specific typed error, in bounds.

The corpus (../shared/corpus) holds 407 third-party files: fuzzer crashes,
encrypted and rights-managed files, XML and decompression bombs, mislabeled and
legacy formats. Each one is read in the killable worker pool, the way uploads
are, and its outcome is checked against what MANIFEST.tsv's notes say it is.
"""

from __future__ import annotations

import json
import re
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from conftest import CORPUS, corpus_rows

from workbench.extract.model import ERROR_CODES

pytestmark = pytest.mark.slow  # reads the whole third-party corpus

ROWS = corpus_rows()
# Per-document wall clock in the pool (limits.time_seconds is 30 s there); all parse in seconds.
SLOW_SECONDS = 20
GENERIC = re.compile(r"something went wrong|traceback|unexpected error", re.IGNORECASE)


@pytest.fixture(scope="session")
def corpus_results(corpus, pool):
    """Read the whole corpus once, two documents at a time; path -> (extraction, seconds)."""

    def read(row):
        start = time.monotonic()
        result = pool.extract(corpus / row["path"])
        return row["path"], (result, time.monotonic() - start)

    with ThreadPoolExecutor(max_workers=pool.size) as executor:
        return dict(executor.map(read, ROWS))


def _passwords(corpus) -> dict:
    return json.loads((corpus / "PASSWORDS.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("row", ROWS or [None], ids=[r["path"] for r in ROWS] or ["no-corpus"])
def test_document_gives_text_or_typed_error(row, corpus, corpus_results):
    if row is None:
        pytest.skip(f"document corpus not found at {CORPUS}")
    result, seconds = corpus_results[row["path"]]
    notes = row["notes"]
    assert seconds < SLOW_SECONDS, f"took {seconds:.1f}s"
    if result.error is not None:
        assert result.error.code in ERROR_CODES
        assert result.error.code not in ("timeout", "crashed", "memory"), result.error.message
        assert result.error.message and not GENERIC.search(result.error.message)
    # The result is safe to store: JSON and PostgreSQL text (no NUL, no lone surrogates).
    encoded = json.dumps(result.to_dict(), ensure_ascii=False).encode("utf-8")
    assert b"\\u0000" not in encoded
    for segment in result.segments:
        assert "\x00" not in segment.text and segment.location

    password = _passwords(corpus).get(row["path"], {})
    if password.get("password") == "":
        assert result.ok, f"opens with an empty password, got {result.error}"
    elif notes.startswith("encrypted:") or "; encrypted:" in notes:
        assert result.error is not None and result.error.code == "encrypted", result.error
        assert result.error.message.startswith("encrypted")
    if re.search(r"legacy Word (2\.0|6\.0|95)|unsupported legacy format: PowerPoint", notes):
        assert result.error is not None and result.error.code == "unsupported-legacy"
        assert re.search(r"Word|PowerPoint", result.error.message)
    if "entity-expansion bomb" in notes or "XML bomb" in notes:
        assert result.error is not None and result.error.code == "hostile"
    if "mislabeled" in notes and result.ok and row["extension"] in ("doc", "ppt"):
        assert any("but extension is" in warning for warning in result.warnings), result.warnings


def test_corpus_outcomes_are_mostly_text(corpus_results):
    """A summary guard: most of the corpus reads, and the errors are the expected kinds."""
    counts: dict[str, int] = {}
    for result, _seconds in corpus_results.values():
        key = "text" if result.ok else result.error.code
        counts[key] = counts.get(key, 0) + 1
    assert counts.get("text", 0) >= 290, counts
    assert counts.get("encrypted", 0) >= 60, counts
    assert not {"timeout", "crashed", "memory"} & set(counts), counts


def _label(notes: str) -> str | None:
    match = re.search(r"language=([A-Za-z+/-]+)", notes)
    return match.group(1) if match else None


def test_language_accuracy_on_corpus_labels(corpus_results):
    """Document language agrees with the corpus labels for en/fr/ja (>= 100 chars, not mixed)."""
    checked = right = 0
    wrong = []
    for row in ROWS:
        label = _label(row["notes"])
        if label not in ("en", "fr", "ja"):
            continue
        result, _seconds = corpus_results[row["path"]]
        if not result.ok or len(result.text) < 100:
            continue
        checked += 1
        if result.language == label:
            right += 1
        else:
            wrong.append((row["path"], label, result.language))
    assert checked >= 80
    accuracy = right / checked
    print(f"language accuracy on corpus labels: {right}/{checked} = {accuracy:.1%}")
    assert accuracy >= 0.93, wrong


def test_unsupported_languages_are_not_called_supported(corpus_results):
    """German, Russian, Chinese ... documents must not pass as English, French or Japanese.

    The few that do are invoices whose labels and boilerplate are English
    (ZUGFeRD samples labelled "de"), a spreadsheet of mostly English headers
    labelled "de", and kreuzberg/non_ascii_text.pdf, whose text layer is a
    shifted cipher that no detector can read.
    """
    checked = confused = 0
    for row in ROWS:
        label = _label(row["notes"])
        if not label or label in ("en", "fr", "ja", "la") or "+" in label or "/" in label:
            continue
        result, _seconds = corpus_results[row["path"]]
        if not result.ok or len(result.text) < 100:
            continue
        checked += 1
        confused += result.language in ("en", "fr", "ja")
    assert checked >= 50
    assert confused / checked <= 0.10, f"{confused} of {checked}"
