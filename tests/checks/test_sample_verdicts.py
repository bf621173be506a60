"""Every sample claim gets the verdicts its bundle was made to show (sample_poe/EXPECTED.json)."""

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from workbench.check_api import overall_status
from workbench.models import CheckResult, Claim

SAMPLES = Path(__file__).resolve().parents[2] / "sample_poe"
EXPECTED = json.loads((SAMPLES / "EXPECTED.json").read_text())


@pytest.fixture(scope="module")
def verdicts(database_templates, tmp_path_factory):
    """Import the samples once (checks run on import) and collect each claim's verdicts."""
    from workbench.db import get_db
    from workbench.factory import create_app

    tmp = tmp_path_factory.mktemp("verdicts")
    database = database_templates.fresh(tmp)  # dropped when this generator is closed
    url = next(database)
    app = create_app({"TESTING": True, "INSTANCE_PATH": tmp / "instance", "DATABASE_URL": url,
                      "SECRET_KEY": "tests-only-secret-key-0123456789"})  # fmt: skip
    runner = app.test_cli_runner()
    loaded = runner.invoke(
        args=["catalog", "load", str(SAMPLES.parent / "workbench/data/catalog.json")]
    )
    assert loaded.exit_code == 0, loaded.output
    result = runner.invoke(args=["import", str(SAMPLES)])
    assert result.exit_code == 0, result.output
    found: dict[str, dict[str, str]] = {}
    with get_db(app).session() as session:
        rows = session.execute(
            select(Claim.claim_id, CheckResult.check_id, CheckResult.status, CheckResult.message)
            .join(CheckResult, CheckResult.claim_id == Claim.id)
            .where(CheckResult.current.is_(True))
        )
        grouped: dict[tuple[str, str], list] = {}
        for claim_id, check_id, status, message in rows:
            grouped.setdefault((claim_id, check_id), []).append((status, message))
    for (claim_id, check_id), items in grouped.items():
        found.setdefault(claim_id, {})[check_id] = (
            overall_status(s for s, _ in items).value,
            " | ".join(m for _, m in items),
        )
    get_db(app).engine.dispose()
    yield found
    database.close()


@pytest.mark.parametrize("claim_id", sorted(EXPECTED))
def test_sample_claim_verdicts(verdicts, claim_id):
    expected = EXPECTED[claim_id]["checks"]
    got = verdicts[claim_id]
    wrong = {
        check: f"expected {status}, got {got.get(check, ('missing', ''))[0]}: {got.get(check, ('', ''))[1]}"
        for check, status in expected.items()
        if got.get(check, ("missing",))[0] != status
    }
    assert wrong == {}, EXPECTED[claim_id]["purpose"]
