"""The committed sample bundles: they import cleanly, and the demo shows every review status."""

import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from tests.conftest import table_counts
from workbench.domain.enums import ClaimStatus
from workbench.models import Claim, DocumentVersion

SAMPLES = Path(__file__).resolve().parents[1] / "sample_poe"
BUNDLES = sorted(p for p in SAMPLES.iterdir() if p.is_dir() and not p.name.startswith(("_", ".")))
EXTENSIONS = {"pdf", "docx", "pptx", "xlsx", "msg", "doc", "xls", "ppt"}


def test_there_are_enough_samples_covering_every_file_type():
    assert len(BUNDLES) >= 15
    files = [
        entry["file"]
        for bundle in BUNDLES
        for entry in json.loads((bundle / "claim.json").read_text())["documents"]
    ]
    assert {f.rsplit(".", 1)[-1].lower() for f in files} >= EXTENSIONS


def test_import_sample_poe_twice(runner, session, blobs, catalog):
    first = runner.invoke(args=["import", str(SAMPLES)])
    assert first.exit_code == 0, first.output
    assert session.scalar(select(func.count()).select_from(Claim)) == len(BUNDLES)
    before, before_blobs = table_counts(session), blobs.all_digests()

    second = runner.invoke(args=["import", str(SAMPLES)])

    assert second.exit_code == 0, second.output
    assert second.output.count("unchanged (identical to its latest submittal)") == len(BUNDLES)
    assert table_counts(session) == before
    assert blobs.all_digests() == before_blobs


def test_sample_documents_are_sniffed_as_what_they_are(runner, session, catalog):
    runner.invoke(args=["import", str(SAMPLES)])
    kinds = set(session.scalars(select(DocumentVersion.content_type)))
    assert kinds >= EXTENSIONS


@pytest.fixture
def demo(runner):
    result = runner.invoke(args=["demo", "--no-serve"])
    assert result.exit_code == 0, result.output
    return result


def test_demo_shows_every_review_status(demo, session):
    statuses = set(session.scalars(select(Claim.status)))
    assert {
        ClaimStatus.SUBMITTED,
        ClaimStatus.UNDER_REVIEW,
        ClaimStatus.APPROVED,
        ClaimStatus.ACTION_REQUIRED,
        ClaimStatus.REJECTED,
    } <= statuses
    assert "Log in at http://127.0.0.1:5000/ with one of:" in demo.output
    for username in ("admin", "lead", "reviewer", "reviewer2"):
        assert f"  {username} " in demo.output


def test_demo_twice_changes_nothing_and_keeps_the_logins(runner, demo, session):
    before = table_counts(session)
    again = runner.invoke(args=["demo", "--no-serve"])
    assert again.exit_code == 0, again.output
    assert table_counts(session) == before
    logins = [line for line in demo.output.splitlines() if line.startswith("  reviewer ")]
    assert logins and logins[0] in again.output


def test_the_followup_bundles_resubmit_and_dispute(runner, demo, session):
    followups = sorted((SAMPLES / "_followups").iterdir())
    assert {p.name.rsplit("-", 1)[-1] for p in followups} == {"resubmittal", "dispute"}
    result = runner.invoke(args=["import", *map(str, followups)])
    assert result.exit_code == 0, result.output
    assert "resubmitted, now Submitted" in result.output
    assert "disputed, now Submitted" in result.output
    disputed = session.scalar(select(Claim).where(Claim.is_dispute.is_(True)))
    assert disputed.status == ClaimStatus.SUBMITTED


def test_workbench_demo_serves_the_login_page(tmp_path):
    """The README's first command, as a real process: it must end up serving."""
    import os
    import socket
    import subprocess
    import sys
    import time
    import urllib.request

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {k: v for k, v in os.environ.items() if not k.startswith("WORKBENCH_")}
    env["WORKBENCH_INSTANCE_PATH"] = str(tmp_path / "instance")
    server = subprocess.Popen(
        [sys.executable, "-m", "workbench", "demo", "--port", str(port)],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 240
        page = None
        while time.monotonic() < deadline and server.poll() is None:
            try:
                with urllib.request.urlopen(
                    f"http://127.0.0.1:{port}/login", timeout=5
                ) as response:
                    page = response.read().decode()
                    break
            except OSError:
                time.sleep(1)
        assert page is not None, f"demo did not serve; exit code {server.poll()}"
        assert "Log in" in page and 'name="csrf_token"' in page
    finally:
        server.terminate()
        output = server.communicate(timeout=30)[0]
    assert f"Log in at http://127.0.0.1:{port}/ with one of:" in output
