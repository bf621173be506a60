"""The ``workbench`` command. Commands are thin: they call the domain and commit."""

from __future__ import annotations

import sys
from datetime import UTC, datetime, time
from pathlib import Path

import click
from flask import current_app
from flask.cli import AppGroup, FlaskGroup, with_appcontext
from sqlalchemy import select

from workbench.db import get_db
from workbench.domain.bundle import BundleRejected, find_bundles
from workbench.domain.catalog import CatalogInvalid, default_catalog_path, load_catalog
from workbench.domain.demo import apply_scenario, demo_users
from workbench.domain.enums import Role
from workbench.domain.expiry import expire_claims
from workbench.domain.intake import import_folder
from workbench.domain.users import UserInvalid, create_user
from workbench.extensions import get_blobs, get_engine
from workbench.factory import create_app, sample_poe_dir
from workbench.models import Claim, utcnow


def _ready_database():
    """Create or migrate the database the app points at, then return it."""
    database = get_db()
    database.upgrade()
    return database


db_group = AppGroup("db", help="Database schema.")
catalog_group = AppGroup("catalog", help="The engagement catalog.")
users_group = AppGroup("users", help="Workbench accounts.")


@db_group.command("upgrade")
def db_upgrade() -> None:
    """Create or migrate the database to the newest schema."""
    _ready_database()
    click.echo(f"database at {current_app.config['DATABASE_URL']} is up to date")


@catalog_group.command("load")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
def catalog_load(file: Path) -> None:
    """Load or update engagements from a catalog FILE."""
    database = _ready_database()
    with database.session() as session:
        try:
            result = load_catalog(session, file, get_blobs())
        except CatalogInvalid as exc:
            raise click.ClickException(str(exc)) from None
        session.commit()
    click.echo(
        f"catalog {file}: {len(result.created)} created, {len(result.updated)} updated, "
        f"{len(result.unchanged)} unchanged"
    )


@click.command("import")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@with_appcontext
def import_command(paths: tuple[Path, ...]) -> None:
    """Import claim bundles: bundle folders, or folders of bundle folders.

    Exits with status 1 if any bundle was refused; the others are kept.
    """
    refused = _import_paths(paths, source="cli")
    if refused:
        sys.exit(1)


def _import_paths(paths, *, source: str) -> int:
    database = _ready_database()
    blobs = get_blobs()
    limit = current_app.config["MAX_DOCUMENT_BYTES"]
    refused = 0
    for path in paths:
        try:
            folders = find_bundles(path)
        except BundleRejected as exc:
            click.echo(f"refused {exc}", err=True)
            refused += 1
            continue
        for folder in folders:
            try:
                outcome = import_folder(
                    database.sessionmaker, blobs, folder, max_document_bytes=limit, source=source
                )
            except BundleRejected as exc:
                click.echo(f"refused {exc}", err=True)
                refused += 1
            else:
                click.echo(f"{folder.name}: {outcome.describe()}")
                if outcome.action != "unchanged":
                    _run_checks(database, outcome.claim_id)
    return refused


def _run_checks(database, claim_id: str) -> None:
    """Checks run on every import; unchanged inputs reuse their stored results."""
    with database.session() as session:
        claim = session.scalar(select(Claim).where(Claim.claim_id == claim_id))
        summary = get_engine().run(session, claim)
        session.commit()
    if summary.ran:
        click.echo(f"  checks run: {', '.join(summary.ran)}")


@users_group.command("create")
@click.argument("username")
@click.option("--role", type=click.Choice([r.value for r in Role]), required=True)
@click.option("--password", help="Omit to be prompted (keeps it out of shell history).")
@click.option("--display-name", help="The name shown in history and comments.")
@click.option("--email")
def users_create(username, role, password, display_name, email) -> None:
    """Create a user with a role: reviewer, lead or admin."""
    if password is None:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    database = _ready_database()
    with database.session() as session:
        try:
            user = create_user(
                session, username, role, password, display_name=display_name, email=email
            )
        except UserInvalid as exc:
            raise click.ClickException(str(exc)) from None
        session.commit()
        click.echo(f"created {user.role.value} {user.username}")


@click.command("expire")
@click.option(
    "--as-of", "as_of", type=click.DateTime(formats=["%Y-%m-%d"]),
    help="Sweep as on this day (YYYY-MM-DD) instead of now.",
)  # fmt: skip
@with_appcontext
def expire_command(as_of: datetime | None) -> None:
    """Expire claims whose post-submission or dispute deadline has passed."""
    moment = datetime.combine(as_of.date(), time(), tzinfo=UTC) if as_of else utcnow()
    database = _ready_database()
    with database.session() as session:
        expired = expire_claims(session, moment)
        session.commit()
    for item in expired:
        click.echo(f"claim {item.claim_id}: {item.from_status.value} -> {item.to_status.value}")
    click.echo(f"{len(expired)} claim(s) expired as of {moment.date().isoformat()}")


@click.command("demo")
@click.option("--port", default=5000, show_default=True, help="Port to serve on (127.0.0.1).")
@click.option("--no-serve", is_flag=True, help="Set the demo up, print the logins, and exit.")
@with_appcontext
def demo_command(port: int, no_serve: bool) -> None:
    """Set up a demo (catalog, sample claims, users) and serve it on 127.0.0.1."""
    database = _ready_database()
    with database.session() as session:
        load_catalog(session, default_catalog_path(), get_blobs())
        session.commit()
    samples = sample_poe_dir()
    refused = _import_paths([samples], source="demo")
    if refused:
        raise click.ClickException(f"{refused} sample bundle(s) were refused; see above")
    instance = Path(current_app.instance_path)
    with database.session() as session:
        logins = demo_users(session, instance / "demo-credentials.json")
        applied = apply_scenario(session, samples / "demo-scenario.json")
        session.commit()
    for line in applied:
        click.echo(f"demo review step: {line}")
    url = f"http://127.0.0.1:{port}/"
    click.echo("\nLog in at " + url + " with one of:")
    for login in logins:
        click.echo(f"  {login.username:<10} {login.password:<18} ({login.role.value})")
    click.echo(f"(kept in {instance / 'demo-credentials.json'})")
    if not no_serve:
        # Flask.run() refuses to run inside the flask CLI; serve with Werkzeug directly.
        from werkzeug.serving import run_simple

        run_simple("127.0.0.1", port, current_app._get_current_object(), threaded=True)


def init_app(app) -> None:
    from workbench.cli_checks import checks_group
    from workbench.cli_outbox import outbox_group
    from workbench.cli_tokens import api_token_group

    for command in (
        checks_group,
        outbox_group,
        api_token_group,
        db_group,
        catalog_group,
        users_group,
        import_command,
        expire_command,
        demo_command,
    ):
        app.cli.add_command(command)


cli = FlaskGroup(
    create_app=create_app,
    add_version_option=False,
    help="The POE validation workbench: review partner incentive claims and their POE.",
)


def main() -> None:
    cli.main(prog_name="workbench")
