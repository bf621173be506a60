"""The ``workbench`` command, through Flask's CLI runner and as a real process."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from sqlalchemy import func, select

from tests.conftest import POSTGRES_URL, table_counts
from workbench.domain.enums import ClaimStatus
from workbench.models import Claim, Engagement, User
from workbench.testing import write_bundle

REPO = Path(__file__).resolve().parents[1]


def test_catalog_load(runner, session):
    result = runner.invoke(args=["catalog", "load", str(REPO / "workbench/data/catalog.json")])
    assert result.exit_code == 0, result.output
    assert "16 created, 0 updated" in result.output
    assert session.scalar(select(func.count()).select_from(Engagement)) == 16
    again = runner.invoke(args=["catalog", "load", str(REPO / "workbench/data/catalog.json")])
    assert "0 created, 0 updated, 16 unchanged" in again.output


def test_catalog_load_updates_and_refuses_bad_files(runner, session, tmp_path):
    catalog = json.loads((REPO / "workbench/data/catalog.json").read_text())
    catalog["engagements"][0]["rates_usd"]["A"] = 16000
    # Template examples are found relative to the catalog file.
    shutil.copytree(REPO / "workbench/data/poe_examples", tmp_path / "poe_examples")
    changed = tmp_path / "catalog.json"
    changed.write_text(json.dumps(catalog))
    runner.invoke(args=["catalog", "load", str(REPO / "workbench/data/catalog.json")])
    result = runner.invoke(args=["catalog", "load", str(changed)])
    assert "0 created, 1 updated, 15 unchanged" in result.output
    engagement = session.get(Engagement, catalog["engagements"][0]["id"])
    assert engagement.rate_for_market("A") == 16000

    (
        tmp_path / "poe_examples" / "enable-frontline-workshop" / "example-workshop-report.pptx"
    ).unlink()
    changed.write_text(json.dumps(catalog))
    result = runner.invoke(args=["catalog", "load", str(changed)])
    assert result.exit_code != 0
    assert (
        "template example 'poe_examples/enable-frontline-workshop/example-workshop-report.pptx' not found"
        in result.output
    )

    catalog["engagements"][1]["payout_type"] = "hourly"
    changed.write_text(json.dumps(catalog))
    result = runner.invoke(args=["catalog", "load", str(changed)])
    assert result.exit_code != 0
    assert "payout_type: 'hourly' is not one of fixed, variable" in result.output


def test_import_reports_each_bundle_and_fails_if_any_is_refused(runner, session, tmp_path):
    runner.invoke(args=["catalog", "load", str(REPO / "workbench/data/catalog.json")])
    write_bundle(tmp_path / "batch" / "good", claim_id="3000001")
    bad = write_bundle(tmp_path / "batch" / "bad", claim_id="3000002")
    (bad / "claim.json").write_text("{not json")

    result = runner.invoke(args=["import", str(tmp_path / "batch")])

    assert result.exit_code == 1
    assert "good: claim 3000001: created, now Submitted" in result.output
    assert "refused bad: claim.json is not valid JSON" in result.output
    assert session.scalar(select(func.count()).select_from(Claim)) == 1


def test_users_create(runner, session):
    result = runner.invoke(
        args=["users", "create", "lee", "--role", "lead", "--password", "a-long-password"]
    )
    assert result.exit_code == 0, result.output
    user = session.scalar(select(User).where(User.username == "lee"))
    assert user.role == "lead"
    assert user.check_password("a-long-password")
    assert "a-long-password" not in user.password_hash


def test_users_create_prompts_for_the_password(runner, session):
    result = runner.invoke(
        args=["users", "create", "rita", "--role", "reviewer"],
        input="a-long-password\na-long-password\n",
    )
    assert result.exit_code == 0, result.output
    assert session.scalar(select(User).where(User.username == "rita")).check_password(
        "a-long-password"
    )


def test_users_create_refuses_bad_input(runner):
    short = runner.invoke(
        args=["users", "create", "rita", "--role", "reviewer", "--password", "short"]
    )
    assert short.exit_code != 0 and "at least 10 characters" in short.output
    role = runner.invoke(args=["users", "create", "rita", "--role", "boss", "--password", "x" * 12])
    assert role.exit_code != 0 and "'boss' is not one of" in role.output
    runner.invoke(args=["users", "create", "rita", "--role", "reviewer", "--password", "x" * 12])
    dup = runner.invoke(args=["users", "create", "rita", "--role", "lead", "--password", "x" * 12])
    assert dup.exit_code != 0 and "already exists" in dup.output


def test_expire_as_of(runner, session, tmp_path):
    from datetime import UTC, datetime

    from workbench.domain import decisions
    from workbench.domain.enums import DecisionOutcome
    from workbench.domain.users import create_user

    runner.invoke(args=["catalog", "load", str(REPO / "workbench/data/catalog.json")])
    runner.invoke(args=["import", str(write_bundle(tmp_path / "b"))])
    reviewer = create_user(session, "rita", "reviewer", "x" * 12)
    claim = session.scalar(select(Claim))
    at = datetime(2026, 10, 25, tzinfo=UTC)
    decisions.pick_up(session, claim, reviewer, at=at)
    decisions.decide(session, claim, DecisionOutcome.REJECT, reviewer, at=at, comment="Affiliate.")
    session.commit()

    early = runner.invoke(args=["expire", "--as-of", "2026-11-24"])
    assert "0 claim(s) expired as of 2026-11-24" in early.output
    late = runner.invoke(args=["expire", "--as-of", "2026-11-25"])
    assert "claim 3000001: Rejected -> Rejected final" in late.output
    session.expire_all()
    assert session.scalar(select(Claim)).status == ClaimStatus.REJECTED_FINAL


def run_workbench(*args, env_extra, cwd):
    env = {k: v for k, v in os.environ.items() if not k.startswith("WORKBENCH_")}
    env.update(env_extra)
    return subprocess.run(
        [sys.executable, "-m", "workbench", *args],
        capture_output=True, text=True, env=env, cwd=cwd, timeout=120,
    )  # fmt: skip


def test_a_fresh_database_url_works_with_import_straight_away(database_url, tmp_path):
    """The real command, in its own process, on a database nobody prepared."""
    # On PostgreSQL the clone is already migrated; test_migrations covers an empty one there.
    url = database_url if POSTGRES_URL else f"sqlite:///{tmp_path / 'brand-new.sqlite3'}"
    env = {"WORKBENCH_DATABASE_URL": url, "WORKBENCH_INSTANCE_PATH": str(tmp_path / "inst")}
    loaded = run_workbench("catalog", "load", str(REPO / "workbench/data/catalog.json"),
                           env_extra=env, cwd=tmp_path)  # fmt: skip
    assert loaded.returncode == 0, loaded.stderr
    bundle = write_bundle(tmp_path / "bundle")
    imported = run_workbench("import", str(bundle), env_extra=env, cwd=tmp_path)
    assert imported.returncode == 0, imported.stderr
    assert "claim 3000001: created, now Submitted" in imported.stdout
    refused = run_workbench("import", str(tmp_path / "missing"), env_extra=env, cwd=tmp_path)
    assert refused.returncode == 1
    assert "missing: no such file or folder" in refused.stderr


def test_help_lists_the_contract_commands(tmp_path):
    result = run_workbench(
        "--help", env_extra={"WORKBENCH_INSTANCE_PATH": str(tmp_path)}, cwd=tmp_path
    )
    for command in ("demo", "import", "catalog", "users", "expire"):
        assert f"  {command} " in result.stdout


def test_import_of_nothing_changes_nothing(runner, session, tmp_path):
    before = table_counts(session)
    result = runner.invoke(args=["import", str(tmp_path / "nope")])
    assert result.exit_code == 1
    assert table_counts(session) == before
