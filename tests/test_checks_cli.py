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
    assert completeness["version"] == "1"
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
