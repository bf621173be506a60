"""Sending the outbox over SMTP.

Notifications are always recorded in the outbox (``outbox_messages``), in the
transaction of the decision that causes them; :func:`deliver_pending` sends
what is pending afterwards. When SMTP is not configured (no SMTP_HOST) mail is
only recorded, and ``workbench outbox send`` refuses to run.

Delivery semantics
------------------
* At least once. A row is sent, then marked ``sent``; if the process dies
  between the server accepting the mail and the commit of that mark, the mail
  is sent again on the next run. Each mail carries a Message-ID derived from
  its outbox row, so a resend has the same Message-ID as the first try.
* Commit is the caller's. Every row's state change is flushed right after its
  send attempt; pass ``after_each=session.commit`` (the CLI does) to make each
  one durable at once, so that a crash mid-batch resends at most the one mail
  that was in flight. Without it the caller commits the batch at the end
  (the web pages do, for the few mails of one decision).
* Claiming a row: the attempt is counted (flushed) before the mail goes out;
  on PostgreSQL the row is read ``FOR UPDATE SKIP LOCKED``, so two deliverers
  running at once never pick the same row. SQLite has one writer at a time:
  a second deliverer waits for, or fails on, the database lock instead.
* Retries. A transient failure (server unreachable, timeout, a 4xx reply,
  authentication or TLS trouble) keeps the row ``pending`` with ``attempts``
  + 1 and ``last_error``; it is tried again once :data:`RETRY_DELAYS` after
  its creation have passed, and marked ``failed`` after :data:`MAX_ATTEMPTS`
  attempts. When the server cannot be reached, every due row of the run
  records the attempt (one connection try per run, not one per row).
  A permanent failure (every recipient refused with a 5xx reply, the message
  refused with a 5xx reply, a message that cannot be built) marks the row
  ``failed`` at once. When only some recipients are refused the row is
  ``sent`` and ``last_error`` names the refused ones.
"""

from __future__ import annotations

import logging
import smtplib
import ssl
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from email.utils import format_datetime, parseaddr
from typing import Any

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from workbench.domain.notifications import NO_RECIPIENT, SKIPPED_NOTE
from workbench.models import OutboxMessage

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 5
# Attempt n (counting from 0) is made no earlier than RETRY_DELAYS[n] after the
# message was recorded: a message gets at least two and a half hours of retries.
RETRY_DELAYS = (
    timedelta(0),
    timedelta(minutes=1),
    timedelta(minutes=5),
    timedelta(minutes=30),
    timedelta(hours=2),
)
assert len(RETRY_DELAYS) == MAX_ATTEMPTS

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"", "0", "false", "no", "off"}
# The note written when the message was recorded stays through every later attempt.
_KEPT_NOTE = SKIPPED_NOTE


@dataclass(frozen=True)
class SmtpSettings:
    host: str
    port: int = 25
    username: str | None = None
    password: str | None = field(default=None, repr=False)
    starttls: bool = False
    ssl: bool = False
    sender: str = "poe-review@localhost"
    timeout: float = 30.0

    def __post_init__(self) -> None:
        if self.ssl and self.starttls:
            raise ValueError("SMTP_SSL and SMTP_STARTTLS exclude each other: choose one")
        if not 0 < self.port < 65536:
            raise ValueError(f"SMTP_PORT must be a TCP port, not {self.port}")
        if self.timeout <= 0:
            raise ValueError(f"SMTP_TIMEOUT must be positive, not {self.timeout}")
        if "@" not in self.envelope_sender:
            raise ValueError(f"MAIL_FROM must be an e-mail address, not {self.sender!r}")

    @classmethod
    def from_config(cls, config: Mapping[str, Any]) -> SmtpSettings | None:
        """Read SMTP_* and MAIL_FROM; None when SMTP_HOST is not set (mail is only recorded)."""
        host = config.get("SMTP_HOST")
        if host is None or not str(host).strip():
            return None
        return cls(
            host=str(host).strip(),
            port=int(config.get("SMTP_PORT") or 25),
            username=_text(config.get("SMTP_USERNAME")),
            password=_text(config.get("SMTP_PASSWORD")),
            starttls=_flag(config.get("SMTP_STARTTLS"), "SMTP_STARTTLS"),
            ssl=_flag(config.get("SMTP_SSL"), "SMTP_SSL"),
            sender=_text(config.get("MAIL_FROM")) or "poe-review@localhost",
            timeout=float(config.get("SMTP_TIMEOUT") or 30),
        )

    @property
    def envelope_sender(self) -> str:
        return parseaddr(self.sender)[1]


def _text(value: Any) -> str | None:
    if value is None:
        return None
    return str(value).strip() or None


def _flag(value: Any, name: str) -> bool:
    if value is None or isinstance(value, bool):
        return bool(value)
    text = str(value).strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise ValueError(f"{name} must be true or false, not {value!r}")


@dataclass(frozen=True)
class DeliveryReport:
    sent: int = 0
    failed: int = 0
    # Transient failures still pending, to be tried again later.
    retrying: int = 0


class _Permanent(Exception):
    """This message will never be delivered as it is: mark it failed now."""


def build_email(message: OutboxMessage, settings: SmtpSettings) -> EmailMessage:
    """The e-mail for one outbox row: one message to all its recipients."""
    email = EmailMessage()
    email["From"] = settings.sender
    email["To"] = ", ".join(message.recipients)
    email["Subject"] = message.subject
    email["Date"] = format_datetime(datetime.now(UTC))
    domain = settings.envelope_sender.rpartition("@")[2] or "localhost"
    stamp = message.created_at.strftime("%Y%m%d%H%M%S")
    email["Message-ID"] = f"<poe-outbox-{message.id}.{stamp}@{domain}>"
    # RFC 3834: an automatic notification; auto-responders should not answer it.
    email["Auto-Submitted"] = "auto-generated"
    email.set_content(message.body)
    return email


def deliver_pending(
    session: Session,
    settings: SmtpSettings,
    *,
    limit: int = 100,
    now: datetime | None = None,
    after_each: Callable[[], None] | None = None,
) -> DeliveryReport:
    """Send up to ``limit`` due pending messages, oldest first; flush each row's new state.

    ``now`` decides which retries are due (default: the current time).
    ``after_each`` is called after every row's state is flushed, typically
    ``session.commit``. See the module docstring for the semantics.
    """
    now = now or datetime.now(UTC)
    sent = failed = retrying = 0
    client: smtplib.SMTP | None = None
    unreachable: str | None = None
    last_id = 0
    try:
        for _ in range(limit):
            message = _next_due(session, after_id=last_id, now=now)
            if message is None:
                break
            last_id = message.id
            message.attempts += 1
            session.flush()  # claim it before anything goes out
            try:
                email = _checked_email(message, settings)
                if client is None and unreachable is None:
                    try:
                        client = _connect(settings)
                    except (OSError, smtplib.SMTPException) as exc:
                        where = f"{settings.host}:{settings.port}"
                        unreachable = f"cannot connect to {where}: {_describe(exc)}"
                if unreachable is not None:
                    raise _Transient(unreachable)
                assert client is not None
                try:
                    refused = client.send_message(
                        email, from_addr=settings.envelope_sender, to_addrs=message.recipients
                    )
                except smtplib.SMTPServerDisconnected as exc:
                    client = _drop(client)  # reconnect for the next row
                    raise _Transient(_describe(exc)) from exc
                except smtplib.SMTPRecipientsRefused as exc:
                    codes = [code for code, _ in exc.recipients.values()]
                    text = "every recipient refused: " + _refusals(exc.recipients)
                    if codes and all(code >= 500 for code in codes):
                        raise _Permanent(text) from exc
                    raise _Transient(text) from exc
                except smtplib.SMTPDataError as exc:
                    if exc.smtp_code >= 500:
                        raise _Permanent(_describe(exc)) from exc
                    raise _Transient(_describe(exc)) from exc
                except (OSError, smtplib.SMTPException) as exc:
                    client = _drop(client)
                    raise _Transient(_describe(exc)) from exc
            except _Permanent as exc:
                _mark_failed(message, str(exc))
                failed += 1
            except _Transient as exc:
                if message.attempts >= MAX_ATTEMPTS:
                    _mark_failed(message, f"gave up after {message.attempts} attempts: {exc}")
                    failed += 1
                else:
                    message.last_error = _with_note(message, str(exc))
                    retrying += 1
                    log.info("outbox message %s: attempt %s failed: %s", message.id,
                             message.attempts, exc)  # fmt: skip
            else:
                message.status = "sent"
                message.sent_at = datetime.now(UTC)
                refusals = "refused by the server: " + _refusals(refused) if refused else None
                message.last_error = _with_note(message, refusals)
                sent += 1
            session.flush()
            if after_each is not None:
                after_each()
    finally:
        _drop(client, polite=True)
    return DeliveryReport(sent=sent, failed=failed, retrying=retrying)


class _Transient(Exception):
    """Worth another try later."""


def _next_due(session: Session, *, after_id: int, now: datetime) -> OutboxMessage | None:
    due = or_(
        *(
            and_(OutboxMessage.attempts == n, OutboxMessage.created_at <= now - delay)
            for n, delay in enumerate(RETRY_DELAYS)
        ),
        OutboxMessage.attempts >= MAX_ATTEMPTS,  # a limit lowered since: one last try
    )
    return session.scalar(
        select(OutboxMessage)
        .where(OutboxMessage.status == "pending", OutboxMessage.id > after_id, due)
        .order_by(OutboxMessage.id)
        .limit(1)
        .with_for_update(skip_locked=True)
    )


def _checked_email(message: OutboxMessage, settings: SmtpSettings) -> EmailMessage:
    recipients = message.recipients
    if not recipients or not all(isinstance(r, str) and r for r in recipients):
        raise _Permanent(NO_RECIPIENT if not recipients else f"bad recipients {recipients!r}")
    try:
        return build_email(message, settings)
    except (ValueError, TypeError) as exc:  # e.g. a line break in a header
        raise _Permanent(f"the message cannot be built: {exc}") from exc


def _connect(settings: SmtpSettings) -> smtplib.SMTP:
    context = ssl.create_default_context()
    client: smtplib.SMTP
    if settings.ssl:
        client = smtplib.SMTP_SSL(
            settings.host, settings.port, timeout=settings.timeout, context=context
        )
    else:
        client = smtplib.SMTP(settings.host, settings.port, timeout=settings.timeout)
    try:
        client.ehlo_or_helo_if_needed()
        if settings.starttls:
            client.starttls(context=context)
            client.ehlo()
        if settings.username:
            client.login(settings.username, settings.password or "")
    except BaseException:
        client.close()
        raise
    return client


def _drop(client: smtplib.SMTP | None, *, polite: bool = False) -> None:
    if client is None:
        return None
    try:
        if polite:
            client.quit()
    except (OSError, smtplib.SMTPException):
        pass
    finally:
        client.close()
    return None


def _mark_failed(message: OutboxMessage, reason: str) -> None:
    message.status = "failed"
    message.last_error = _with_note(message, reason)
    log.warning("outbox message %s failed: %s", message.id, reason)


def _describe(exc: BaseException) -> str:
    if isinstance(exc, smtplib.SMTPResponseException):
        text = exc.smtp_error
        if isinstance(text, bytes):
            text = text.decode("utf-8", "replace")
        return f"{exc.smtp_code} {text}"
    return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__


def _refusals(refused: Mapping[str, tuple[int, bytes | str]]) -> str:
    parts = []
    for address, (code, text) in refused.items():
        if isinstance(text, bytes):
            text = text.decode("utf-8", "replace")
        parts.append(f"{address} ({code} {text})")
    return ", ".join(parts)


def _with_note(message: OutboxMessage, text: str | None) -> str | None:
    """``text``, after the note made when the message was recorded (its first line), if any."""
    first = (message.last_error or "").split("\n", 1)[0]
    parts = [first] if first.startswith(_KEPT_NOTE) else []
    if text:
        parts.append(_clip(text))
    return "\n".join(parts) or None


def _clip(text: str, size: int = 2000) -> str:
    return text if len(text) <= size else text[: size - 1] + "…"
