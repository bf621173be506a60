"""The bundle builders of workbench.testing, which tests and check authors rely on."""

from __future__ import annotations

import time

import pytest

from workbench.testing import docx_document, pptx_document, write_bundle, xlsx_document


@pytest.mark.parametrize(
    "spec",
    [
        docx_document("report.docx", ["Executive Summary"], table=[["Item", "Amount"]]),
        pptx_document("deck.pptx", [("Executive Summary", "Frontline workshop")]),
        xlsx_document("sheet.xlsx", [["Claim ID", "3000001"]]),
    ],
    ids=["docx", "pptx", "xlsx"],
)
def test_one_spec_is_one_file_whenever_it_is_written(spec, tmp_path, monkeypatch):
    # Office files record the time they were saved: a second rendering moments later would be
    # another file, and a test of "the same document in two claims" would pass or fail by the
    # clock.
    write_bundle(tmp_path / "a", documents=[spec])
    later = time.time() + 3600
    monkeypatch.setattr(time, "time", lambda: later)
    write_bundle(tmp_path / "b", documents=[spec])
    first, second = (tmp_path / name / spec.file_name for name in ("a", "b"))
    assert first.read_bytes() == second.read_bytes()
