"""The extraction value: JSON round trip, text, ok, and the package's public face."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

import workbench.extract as extract
from workbench.extract import READER_VERSION, Extraction, ExtractionError, Limits, Segment
from workbench.extract.model import ExtractionFailed


def test_round_trip_through_json():
    original = Extraction(
        kind="pdf",
        segments=(Segment("page 1", "Bonjour", "fr"), Segment("page 2", "12", None)),
        language="fr",
        languages={"fr": 1.0},
        error=None,
        reader="pypdfium2",
        reader_version=READER_VERSION,
        warnings=("one page could not be read",),
    )
    restored = Extraction.from_dict(json.loads(json.dumps(original.to_dict())))
    assert restored == original
    assert restored.text == "Bonjour\n12" and restored.ok


def test_word_hashes_travel_beside_the_json(make_docx):
    from workbench.extract import extract_file
    from workbench.extract.words import word_hashes

    read = extract_file(make_docx(paragraphs=["Délivré: the ＡＢＣ workshop, 北斗 team"]))
    assert read.word_hashes == word_hashes(read.text)
    assert len(read.word_hashes) == 4 * 7  # délivré the abc workshop 北 斗 team
    assert "word_hashes" not in read.to_dict()
    restored = Extraction.from_dict(json.loads(json.dumps(read.to_dict())), read.word_hashes)
    assert restored == read
    assert extract_file(make_docx(paragraphs=["x y"]), index_words=False).word_hashes == b""


@pytest.mark.parametrize(
    "segments",
    [
        (),
        (Segment("", "", None),),
        (Segment("Sheet1!A1", "Total", "en"), Segment("Sheet1!B1", "", None)),
        tuple(
            Segment(f"Sheet1!A{i}", f"cell {i} é 北", "en" if i % 3 else None) for i in range(500)
        ),
        # A NUL can only come from a name inside the file, in a location: sent as rows.
        (Segment("'Sheet\x00'!A1", "x", None), Segment("Sheet2!A1", "y", "fr")),
        (Segment("page 1", "x\x00y", None),),
    ],
)
def test_pickle_round_trip_to_and_from_worker_processes(segments):
    import pickle

    original = Extraction(
        kind="xlsx",
        segments=segments,
        language="en",
        languages={"en": 1.0},
        error=ExtractionError("corrupt", "half read"),
        reader="python-calamine",
        reader_version=READER_VERSION,
        warnings=("w",),
        word_hashes=b"\x01\x02\x03\x04",
    )
    restored = pickle.loads(pickle.dumps(original, protocol=pickle.HIGHEST_PROTOCOL))
    assert restored == original
    assert restored.word_hashes == original.word_hashes
    assert all(type(segment) is Segment for segment in restored.segments)
    from workbench.extract.model import _pack_segments

    has_nul = any("\x00" in s.location + s.text for s in segments)
    if segments:  # the fast form, unless a NUL would split wrongly
        assert _pack_segments(segments)[0] == ("rows" if has_nul else "columns")


def test_failed_extraction():
    failed = Extraction.failed("docx", "encrypted", "encrypted: password required")
    assert not failed.ok and failed.text == ""
    assert Extraction.from_dict(failed.to_dict()).error == ExtractionError(
        "encrypted", "encrypted: password required"
    )


def test_values_are_frozen():
    segment = Segment("page 1", "text")
    with pytest.raises(AttributeError):
        segment.text = "changed"


def test_unknown_error_codes_are_refused():
    with pytest.raises(ValueError):
        ExtractionFailed("oops", "not a code")


def test_limits_round_trip():
    limits = Limits(max_pages=3, time_seconds=1.5)
    assert Limits.from_dict(limits.to_dict()) == limits


def test_public_api():
    for name in (
        "extract_file",
        "extract_isolated",
        "ExtractionPool",
        "detect_language",
        "READER_VERSION",
        "Limits",
        "Extraction",
        "Segment",
        "ExtractionError",
        "sniff_file",
        "sniff_bytes",
        "extension_of",
        "Sniffed",
        "ALLOWED_EXTENSIONS",
    ):
        assert hasattr(extract, name), name
    assert READER_VERSION and isinstance(READER_VERSION, str)


def test_no_flask_or_sqlalchemy_in_extraction():
    """The extraction layer runs in workers and the CLI: it must not pull in the web stack."""
    package = Path(extract.__file__).parent
    web_import = re.compile(
        r"^\s*(import|from)\s+(flask|sqlalchemy|werkzeug)\b", re.MULTILINE | re.IGNORECASE
    )
    for source in package.rglob("*.py"):
        assert not web_import.search(source.read_text(encoding="utf-8")), source
    code = (
        "import sys, workbench.extract, workbench.extract.isolation, workbench.extract.core; "
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('flask', 'sqlalchemy', 'werkzeug')); "
        "print(','.join(bad))"
    )
    root = Path(extract.__file__).parents[2]
    output = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=root, check=True
    )
    assert output.stdout.strip() == ""


def test_text_is_joined_once_and_stays_out_of_pickles():
    import pickle

    extraction = Extraction(
        kind="xlsx", segments=(Segment("Sheet1!A1", "one"), Segment("Sheet1!B1", "two", "en"))
    )
    assert extraction.text == "one\ntwo"
    assert extraction.text is extraction.text
    restored = pickle.loads(pickle.dumps(extraction))
    assert "text" not in vars(restored) and restored.text == "one\ntwo"
    assert restored == extraction
