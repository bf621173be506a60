"""``workbench checks list | run | backtest`` against a real database."""

import json
from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from workbench.domain import decisions
from workbench.domain.enums import DecisionOutcome
from workbench.models import Claim
from workbench.testing import docx_document, write_bundle

AT = datetime(2026, 10, 25, 9, tzinfo=UTC)


@pytest.fixture
def imported(runner, catalog, tmp_path):
    write_bundle(tmp_path / "in" / "complete", claim_id="3000001")
    write_bundle(tmp_path / "in" / "no-invoice", claim_id="3000002",
                 documents=[docx_document("report.docx", ["Contoso workshop report"])])  # fmt: skip
    result = runner.invoke(args=["import", str(tmp_path / "in")])
    assert result.exit_code == 0, result.output
    return result


def test_import_runs_the_checks(imported, session):
    assert "checks run: " in imported.output
    claim = session.scalar(select(Claim).where(Claim.claim_id == "3000002"))
    statuses = {r.check_id: r.status for r in claim.check_results if r.current}
    assert statuses["completeness"] == "fail"


def test_checks_list_names_every_check_and_its_source(runner):
    result = runner.invoke(args=["checks", "list"])
    line = next(line for line in result.output.splitlines() if line.startswith("completeness"))
    assert "All POE components present" in line
    assert "[poe-workbench==" in line and "[completeness]]" in line


def test_checks_run_json_is_the_contract_document(runner, imported):
    result = runner.invoke(args=["checks", "run", "3000002", "--json"])
    assert result.exit_code == 0, result.output
    document = json.loads(result.output)
    assert document["claim_id"] == "3000002"
    completeness = next(r for r in document["results"] if r["check"] == "completeness")
    assert completeness["status"] == "fail"
    from checks.completeness import Completeness

    assert completeness["version"] == Completeness.version  # the installed check's
    assert completeness["message"].startswith("Missing: an invoice")
    assert {"document", "location", "excerpt"} <= set(completeness["evidence"][0])


def test_checks_run_unknown_claim(runner):
    result = runner.invoke(args=["checks", "run", "9999999"])
    assert result.exit_code != 0
    assert "no claim 9999999" in result.output


def test_backtest_counts_flags_by_decision(runner, imported, session, make_user):
    reviewer = make_user("rita")
    for claim_id, outcome, comment in (
        ("3000001", DecisionOutcome.APPROVE, None),
        ("3000002", DecisionOutcome.REJECT, "No invoice was uploaded."),
    ):
        claim = session.scalar(select(Claim).where(Claim.claim_id == claim_id))
        decisions.pick_up(session, claim, reviewer, at=AT)
        decisions.decide(session, claim, outcome, reviewer, at=AT, comment=comment)
    session.commit()

    result = runner.invoke(args=["checks", "backtest", "completeness"])

    assert result.exit_code == 0, result.output
    assert "backtest of completeness over 2 decided claim(s):" in result.output
    assert "approved            1 claims,    0 flagged (0%)" in result.output
    assert "rejected            1 claims,    1 flagged (100%)" in result.output
    assert "flagged 3000002 (reject): Missing: an invoice." in result.output


def test_backtest_of_an_unknown_check(runner):
    result = runner.invoke(args=["checks", "backtest", "no-such-check"])
    assert result.exit_code != 0
    assert "no installed check 'no-such-check'" in result.output


def test_reindex_after_an_upgrade_lets_new_claims_find_old_copies(
    runner, catalog, tmp_path, monkeypatch
):
    from workbench.engine import similarity
    from workbench.testing import default_documents, pptx_document

    invoice, deck = default_documents("3000011")
    write_bundle(tmp_path / "old", claim_id="3000011", documents=[invoice, deck])
    slides = [
        ("Executive Summary", "Contoso Ltd frontline workshop delivered by FridayINC."),
        ("Frontline Scenarios", "Shift scheduling, task management and Teams walkie-talkie."),
        ("Envisioning Session", "Held on 2026-10-02 with the store operations team."),
        ("Next Steps", "Pilot Teams Shifts in three stores by December."),
        ("Contacts", "FridayINC delivery team."),  # not a byte copy: a near one
    ]
    assert runner.invoke(args=["import", str(tmp_path / "old")]).exit_code == 0
    # An upgrade that changes the readers or the masking: stored signatures are stale.
    monkeypatch.setattr(similarity, "SIGNATURE_VERSION", "upgraded")
    # Its own invoice: a byte copy of the old claim's would have the old claim checked again
    # (and so indexed anew) as a related claim, with no reindex.
    new_invoice, _deck = default_documents("3000012")
    write_bundle(tmp_path / "new", claim_id="3000012",
                 documents=[new_invoice, pptx_document("copy.pptx", slides)])  # fmt: skip

    def duplicate_verdict(claim_id):
        result = runner.invoke(args=["checks", "run", claim_id, "--json"])
        results = json.loads(result.output)["results"]
        return [r["status"] for r in results if r["check"] == "duplicate-poe"]

    assert runner.invoke(args=["import", str(tmp_path / "new")]).exit_code == 0
    assert duplicate_verdict("3000012") == ["pass"]  # the old claim is not in the new index

    result = runner.invoke(args=["checks", "reindex"])
    assert result.exit_code == 0, result.output
    # Every document of both claims (the new one's deck is already indexed) and the template.
    assert "2 claims looked at; " in result.output
    assert runner.invoke(args=["checks", "reindex"]).output.endswith(
        "0 documents added to the index\n"
    )
    assert duplicate_verdict("3000012") == ["fail"]
