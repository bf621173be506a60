"""``workbench checks ...``: list, run and backtest checks; rebuild the duplicate index."""

from __future__ import annotations

import json
import sys

import click
from flask.cli import AppGroup
from sqlalchemy import select

from workbench.db import get_db
from workbench.engine.backtest import backtest
from workbench.engine.reindex import reindex
from workbench.engine.runner import result_document
from workbench.extensions import get_engine
from workbench.models import Claim

checks_group = AppGroup("checks", help="Automated checks.")


@checks_group.command("list")
def checks_list() -> None:
    """Every installed check: id, version, title, where it comes from."""
    registry = get_engine().registry
    for loaded in registry.checks:
        click.echo(
            f"{loaded.id:<22} {loaded.version:<6} {loaded.severity.value:<9} "
            f"{loaded.title}  [{loaded.source.label}]"
        )
    for failure in registry.failures:
        click.echo(f"{failure.check_id:<22} {'?':<6} {'broken':<9} {failure}")


@checks_group.command("run")
@click.argument("claim_id")
@click.option("--json", "as_json", is_flag=True, help="Print the result document as JSON.")
@click.option("--force", is_flag=True, help="Run even the checks whose inputs did not change.")
def checks_run(claim_id: str, as_json: bool, force: bool) -> None:
    """Run the checks on one claim and print the results."""
    database = get_db()
    database.upgrade()
    with database.session() as session:
        claim = session.scalar(select(Claim).where(Claim.claim_id == claim_id))
        if claim is None:
            raise click.ClickException(f"no claim {claim_id}")
        get_engine().run(session, claim, force=force)
        session.commit()
        document = result_document(session, claim)
    if as_json:
        json.dump(document, sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
        return
    for result in document["results"]:
        click.echo(f"{result['status']:<6} {result['check']:<22} {result['message']}")
        for piece in result["evidence"][:3]:
            where = " / ".join(p for p in (piece["document"], piece["location"]) if p)
            click.echo(f"{'':<29}{where}: {piece['excerpt'][:100]}")


@checks_group.command("reindex")
def checks_reindex() -> None:
    """Index every claim's documents for the duplicate search (after an upgrade of the readers)."""
    database = get_db()
    database.upgrade()
    with database.session() as session:
        done = reindex(session, get_engine())
    click.echo(f"{done.claims} claims looked at; {done.signatures} documents added to the index")


@checks_group.command("backtest")
@click.argument("check_id")
def checks_backtest(check_id: str) -> None:
    """Replay a check over decided claims: how many approved and rejected ones it flags."""
    database = get_db()
    database.upgrade()
    engine = get_engine()
    if engine.registry.get(check_id) is None:
        raise click.ClickException(f"no installed check {check_id!r} (see 'workbench checks list')")
    with database.session() as session:
        report = backtest(session, engine, check_id)
        session.rollback()  # a backtest changes nothing
    click.echo(report.describe())
