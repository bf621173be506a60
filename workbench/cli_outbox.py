"""``workbench outbox ...``: the notification mails that decisions recorded, and sending them."""

from __future__ import annotations

import click
from flask import current_app
from flask.cli import AppGroup
from sqlalchemy import func, select

from workbench.db import get_db
from workbench.mail import SmtpSettings, deliver_pending
from workbench.models import Claim, OutboxMessage

outbox_group = AppGroup("outbox", help="Notification mails: list them, send the pending ones.")

STATUSES = ("pending", "sent", "failed")


@outbox_group.command("list")
@click.option("--status", type=click.Choice(STATUSES), help="Only messages in this state.")
@click.option(
    "--limit", default=100, show_default=True, help="Show at most this many, newest first."
)
def outbox_list(status: str | None, limit: int) -> None:
    """The outbox, newest first: state, attempts, claim, recipients, subject, last error."""
    database = get_db()
    database.upgrade()
    with database.session() as session:
        query = (
            select(OutboxMessage, Claim.claim_id)
            .join(Claim, Claim.id == OutboxMessage.claim_id)
            .order_by(OutboxMessage.id.desc())
            .limit(limit)
        )
        if status:
            query = query.where(OutboxMessage.status == status)
        rows = session.execute(query).all()
    if not rows:
        click.echo("no messages" + (f" in state {status}" if status else ""))
        return
    for message, claim_id in rows:
        when = message.sent_at or message.created_at
        click.echo(
            f"#{message.id:<5} {message.status:<8} tries {message.attempts}  "
            f"{when:%Y-%m-%d %H:%M}  claim {claim_id}  "
            f"to {', '.join(message.recipients) or '(nobody)'}"
        )
        click.echo(f"       {message.subject}")
        if message.last_error:
            for line in message.last_error.splitlines():
                click.echo(f"       ! {line}")


@outbox_group.command("send")
@click.option("--limit", default=100, show_default=True, help="Send at most this many.")
def outbox_send(limit: int) -> None:
    """Send the pending messages that are due now over the configured SMTP server.

    Each message's new state is committed right after its send. Exits with
    status 1 when SMTP is not configured.
    """
    try:
        settings = SmtpSettings.from_config(current_app.config)
    except ValueError as exc:
        raise click.ClickException(f"SMTP settings: {exc}") from None
    if settings is None:
        raise click.ClickException(
            "SMTP is not configured: set WORKBENCH_SMTP_HOST (and WORKBENCH_SMTP_PORT, "
            "WORKBENCH_MAIL_FROM ...); until then mail is only recorded in the outbox"
        )
    database = get_db()
    database.upgrade()
    with database.session() as session:
        report = deliver_pending(session, settings, limit=limit, after_each=session.commit)
        session.commit()
        left = session.scalar(
            select(func.count()).select_from(OutboxMessage).where(OutboxMessage.status == "pending")
        )
    click.echo(
        f"sent {report.sent}, failed {report.failed}, to retry {report.retrying} "
        f"(via {settings.host}:{settings.port}); {left} pending in the outbox"
    )
