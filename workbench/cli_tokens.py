"""``workbench api-token ...``: tokens for the partner-side intake API."""

from __future__ import annotations

import click
from flask.cli import AppGroup

from workbench.db import get_db
from workbench.domain.api_tokens import TokenInvalid, create_token, list_tokens, revoke

api_token_group = AppGroup("api-token", help="Tokens for the JSON API under /api/v1.")


def _ready_database():
    database = get_db()
    database.upgrade()
    return database


def _when(moment) -> str:
    return moment.strftime("%Y-%m-%d %H:%M") if moment else "-"


@api_token_group.command("create")
@click.argument("name")
def token_create(name: str) -> None:
    """Create a token for NAME (the partner system that uses it) and print it once."""
    database = _ready_database()
    with database.session() as session:
        try:
            token, plaintext = create_token(session, name)
        except TokenInvalid as exc:
            raise click.ClickException(str(exc)) from None
        session.commit()
        click.echo(plaintext)
        click.echo(
            f"API token {token.id} ({token.name}) created. Copy it now: it is not stored and "
            "will not be shown again. Send it as 'Authorization: Bearer <token>'.",
            err=True,
        )


@api_token_group.command("list")
def token_list() -> None:
    """Every token: id, name, prefix, created, last used, revoked."""
    database = _ready_database()
    with database.session() as session:
        tokens = list_tokens(session)
    if not tokens:
        click.echo("no API tokens (create one with 'workbench api-token create NAME')")
        return
    click.echo(
        f"{'id':>4}  {'prefix':<12}  {'created':<16}  {'last used':<16}  {'revoked':<16}  name"
    )
    for token in tokens:
        click.echo(
            f"{token.id:>4}  {token.prefix:<12}  {_when(token.created_at):<16}  "
            f"{_when(token.last_used_at):<16}  {_when(token.revoked_at):<16}  {token.name}"
        )


@api_token_group.command("revoke")
@click.argument("token_id", metavar="ID", type=int)
def token_revoke(token_id: int) -> None:
    """Revoke the token with this ID (see 'api-token list'); it stops working at once."""
    database = _ready_database()
    with database.session() as session:
        try:
            token = revoke(session, token_id)
        except TokenInvalid as exc:
            raise click.ClickException(str(exc)) from None
        session.commit()
        click.echo(f"API token {token.id} ({token.name}, {token.prefix}...) is revoked")
