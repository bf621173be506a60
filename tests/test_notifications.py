"""Decision notifications: recorded in the outbox with the decision, delivered over real SMTP."""

from __future__ import annotations

import socket
import subprocess
import sys
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email import message_from_bytes, policy
from email.message import EmailMessage

import pytest
from aiosmtpd.controller import Controller
from sqlalchemy import select

from tests.conftest import POSTGRES_URL
from workbench.db import get_db
from workbench.domain import decisions
from workbench.domain.enums import ClaimStatus, DecisionOutcome
from workbench.domain.intake import import_folder
from workbench.domain.workflow import IllegalTransition
from workbench.mail import MAX_ATTEMPTS, RETRY_DELAYS, SmtpSettings, deliver_pending
from workbench.models import Claim, HistoryEvent, OutboxMessage
from workbench.testing import write_bundle

RECEIVED = datetime(2026, 10, 21, 8, 0, tzinfo=UTC)
AT = datetime(2026, 10, 25, 9, 0, tzinfo=UTC)
PARTNER = "pkaur@fridayinc.com"
SUBMITTER = "ohaddad@fridayinc.com"
SIGNATURE = "Workshops - POE Validation Team"
ENGAGEMENT = "Enable Frontline Workshop"

SUBJECTS = {
    "action_required": f"Additional proof of execution details needed for {ENGAGEMENT}",
    "approved": "Notice: Claim for the engagement was approved",
    "rejected": f"Claim for {ENGAGEMENT} was rejected",
}


# --- a real SMTP server, in-process -------------------------------------------------------


@dataclass
class Received:
    mail_from: str
    rcpt_tos: list[str]
    message: EmailMessage


@dataclass
class Collector:
    """aiosmtpd handler: keeps every message; refuses the recipients in ``refuse``."""

    messages: list[Received] = field(default_factory=list)
    refuse: set[str] = field(default_factory=set)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refuse:
            return "550 5.1.1 No such user here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        parsed = message_from_bytes(envelope.content, policy=policy.default)
        self.messages.append(Received(envelope.mail_from, list(envelope.rcpt_tos), parsed))
        return "250 Message accepted for delivery"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def smtp_server():
    collector = Collector()
    controller = Controller(
        collector, hostname="127.0.0.1", port=free_port(), server_hostname="mail.test"
    )
    controller.start()
    try:
        yield collector, controller
    finally:
        controller.stop()


@pytest.fixture
def smtp_settings(smtp_server):
    _, controller = smtp_server
    return SmtpSettings(
        host="127.0.0.1", port=controller.port, sender="poe-review@workbench.test", timeout=5
    )


@pytest.fixture
def closed_port_settings():
    # Nothing listens on a port that was just free: the connection is refused at once.
    return SmtpSettings(host="127.0.0.1", port=free_port(), sender="poe@workbench.test", timeout=2)


# --- claims --------------------------------------------------------------------------------


@pytest.fixture
def reviewer(make_user):
    return make_user("rita", "reviewer", "Rita Reviewer")


@pytest.fixture
def import_claim(app, blobs, catalog, tmp_path, session):
    counter = iter(range(1, 100))

    def run(received_at=RECEIVED, **fields):
        folder = write_bundle(tmp_path / f"bundle-{next(counter)}", **fields)
        import_folder(
            get_db(app).sessionmaker, blobs, folder,
            max_document_bytes=app.config["MAX_DOCUMENT_BYTES"], source="test",
            received_at=received_at,
        )  # fmt: skip
        session.expire_all()
        claim_id = fields.get("claim_id", "3000001")
        return session.scalar(select(Claim).where(Claim.claim_id == claim_id))

    return run


def decide(session, claim, outcome, reviewer, comment=None, at=AT):
    decisions.pick_up(session, claim, reviewer, at=at)
    return decisions.decide(
        session, claim, outcome, reviewer, at=at, comment=comment, signature=SIGNATURE
    )


def outbox(session) -> list[OutboxMessage]:
    return list(session.scalars(select(OutboxMessage).order_by(OutboxMessage.id)))


# --- recording -----------------------------------------------------------------------------

CASES = {
    "action_required": (
        DecisionOutcome.REQUEST_ACTION,
        "The POE review does not support documents in other languages; the following "
        "documentation is not in a supported language: workshop-report.pptx.",
        ClaimStatus.ACTION_REQUIRED,
    ),
    "approved": (DecisionOutcome.APPROVE, None, ClaimStatus.APPROVED),
    "rejected": (
        DecisionOutcome.REJECT,
        "Partners are not eligible for incentives for activity connected to a customer that "
        "is a partner affiliate; the claim is rejected.",
        ClaimStatus.REJECTED,
    ),
}


@pytest.mark.parametrize("kind", list(CASES))
def test_each_decision_records_one_message(session, import_claim, reviewer, kind):
    outcome, comment, status = CASES[kind]
    claim = import_claim()
    decide(session, claim, outcome, reviewer, comment)
    session.commit()

    [message] = outbox(session)
    assert claim.status == status
    assert message.claim_id == claim.id
    assert message.kind == kind
    assert message.subject == SUBJECTS[kind]
    assert message.recipients == [PARTNER, SUBMITTER]
    assert (message.status, message.attempts, message.last_error) == ("pending", 0, None)
    assert message.created_at == AT
    body = message.body
    assert body.startswith("Hello Priya Kaur,\n")
    for text in ("3000001", "Contoso - Enable Frontline", ENGAGEMENT, "Contoso Ltd", status.value):
        assert text in body
    assert body.rstrip().endswith(SIGNATURE)
    if comment:
        assert comment in body  # verbatim
    if kind == "action_required":
        # standard engagement: 120 days after consent (2026-09-10)
        assert "resubmit the claim" in body and "8 January 2027" in body
    elif kind == "approved":
        assert "next payment cycle" in body
        assert "Comment from the POE reviewer" not in body  # approved without a comment
    else:
        assert "30 days" in body and "24 November 2026" in body  # rejected on 2026-10-25


def test_picking_up_records_nothing(session, import_claim, reviewer):
    claim = import_claim()
    decisions.pick_up(session, claim, reviewer, at=AT)
    session.commit()
    assert outbox(session) == []


def test_a_rejected_dispute_says_the_rejection_is_final(session, import_claim, reviewer):
    claim = import_claim()
    decide(session, claim, DecisionOutcome.REJECT, reviewer, "Affiliate.")
    session.commit()
    claim = import_claim(
        is_dispute=True,
        submitted_at="2026-11-10T09:00:00Z",
        received_at=datetime(2026, 11, 10, 9, tzinfo=UTC),
    )
    assert claim.status == ClaimStatus.SUBMITTED and claim.is_dispute
    at = datetime(2026, 11, 12, 9, tzinfo=UTC)
    decide(session, claim, DecisionOutcome.REJECT, reviewer, "Still an affiliate.", at=at)
    session.commit()

    first, final = outbox(session)
    assert claim.status == ClaimStatus.REJECTED_FINAL
    assert (first.kind, final.kind) == ("rejected", "rejected")
    assert final.subject == SUBJECTS["rejected"]
    assert "Still an affiliate." in final.body
    assert "The rejection is final" in final.body and "dispute the rejection" not in final.body


def test_recipients_are_deduplicated(session, import_claim, reviewer):
    claim = import_claim(submitted_by={"name": "Priya Kaur", "email": " PKaur@FridayINC.com "})
    decide(session, claim, DecisionOutcome.APPROVE, reviewer)
    assert [m.recipients for m in outbox(session)] == [[PARTNER]]


def test_missing_addresses_are_skipped(session, import_claim, reviewer):
    claim = import_claim(partner={"contact_email": None})
    decide(session, claim, DecisionOutcome.APPROVE, reviewer)
    [message] = outbox(session)
    assert (message.recipients, message.status) == ([SUBMITTER], "pending")


def test_no_address_at_all_is_recorded_as_failed(session, import_claim, reviewer):
    claim = import_claim(
        partner={"contact_email": None, "contact_name": None},
        submitted_by={"name": None, "email": None},
    )
    decide(session, claim, DecisionOutcome.REQUEST_ACTION, reviewer, "Upload the invoice.")
    [message] = outbox(session)
    assert (message.recipients, message.status) == ([], "failed")
    assert message.last_error == "no recipient address on the claim"
    assert message.body.startswith("Hello,\n")


def test_a_malformed_address_is_skipped_and_noted(
    session, import_claim, reviewer, smtp_server, smtp_settings
):
    collector, _ = smtp_server
    bad = "ohaddad@fridayinc.com\r\nBcc: everyone@example.com"
    claim = import_claim(submitted_by={"name": "Omar", "email": bad})
    decide(session, claim, DecisionOutcome.APPROVE, reviewer)
    [message] = outbox(session)
    assert message.recipients == [PARTNER]
    assert message.last_error.startswith("skipped malformed address(es) on the claim: ")
    assert deliver_pending(session, smtp_settings).sent == 1
    assert [r.rcpt_tos for r in collector.messages] == [[PARTNER]]
    assert message.status == "sent" and "skipped malformed" in message.last_error


def test_a_signed_comment_is_not_signed_twice(session, import_claim, reviewer):
    claim = import_claim()
    comment = f"Please upload the partner survey.\n\n{SIGNATURE}"
    decide(session, claim, DecisionOutcome.REQUEST_ACTION, reviewer, comment)
    [message] = outbox(session)
    assert message.body.count(SIGNATURE) == 1


def test_the_configured_signature_signs_the_mail(session, import_claim, reviewer):
    claim = import_claim()
    decisions.pick_up(session, claim, reviewer, at=AT)
    decisions.decide(
        session, claim, DecisionOutcome.APPROVE, reviewer, at=AT, signature="Contoso POE Desk"
    )
    assert outbox(session)[0].body.rstrip().endswith("Contoso POE Desk")


def test_rollback_takes_the_message_with_the_decision(session, import_claim, reviewer):
    claim = import_claim()
    decisions.pick_up(session, claim, reviewer, at=AT)
    session.commit()
    decisions.decide(session, claim, DecisionOutcome.REJECT, reviewer, at=AT, comment="No.")
    assert claim.status == ClaimStatus.REJECTED and len(outbox(session)) == 1
    session.rollback()

    session.expire_all()
    claim = session.get(Claim, claim.id)
    assert claim.status == ClaimStatus.UNDER_REVIEW
    assert outbox(session) == []
    actions = session.scalars(select(HistoryEvent.action).where(HistoryEvent.claim_id == claim.id))
    assert "Rejection" not in list(actions)


def test_a_refused_decision_records_no_message(session, import_claim, reviewer):
    claim = import_claim()
    decisions.pick_up(session, claim, reviewer, at=AT)
    with pytest.raises(IllegalTransition, match="a comment for the partner"):
        decisions.decide(session, claim, DecisionOutcome.REJECT, reviewer, at=AT, comment=" ")
    assert outbox(session) == []


# --- delivery ------------------------------------------------------------------------------


def test_delivery_to_a_real_smtp_server(
    session, import_claim, reviewer, smtp_server, smtp_settings
):
    collector, _ = smtp_server
    claim = import_claim()
    comment = "The invoice shows EUR; upload an invoice in USD."
    decide(session, claim, DecisionOutcome.REQUEST_ACTION, reviewer, comment)
    session.commit()

    report = deliver_pending(session, smtp_settings)
    session.commit()

    assert (report.sent, report.failed, report.retrying) == (1, 0, 0)
    [received] = collector.messages
    assert received.mail_from == "poe-review@workbench.test"
    assert received.rcpt_tos == [PARTNER, SUBMITTER]
    mail = received.message
    assert mail["From"] == "poe-review@workbench.test"
    assert [a.addr_spec for a in mail["To"].addresses] == [PARTNER, SUBMITTER]
    # A subject longer than a line is folded right after "Subject:"; Python's parser keeps
    # the fold's space when it unfolds (mail clients drop it).
    assert mail["Subject"].lstrip() == SUBJECTS["action_required"]
    assert mail["Message-ID"].startswith("<poe-outbox-") and mail["Date"]
    text = mail.get_content()
    assert comment in text and "3000001" in text and SIGNATURE in text

    session.expire_all()
    [message] = outbox(session)
    assert (message.status, message.attempts, message.last_error) == ("sent", 1, None)
    assert message.sent_at is not None
    # Nothing is sent twice.
    assert deliver_pending(session, smtp_settings) == type(report)()
    assert len(collector.messages) == 1


def test_non_ascii_names_are_delivered(session, import_claim, reviewer, smtp_server, smtp_settings):
    collector, _ = smtp_server
    claim = import_claim(partner={"contact_name": "Zoë Ångström"})
    decide(session, claim, DecisionOutcome.REJECT, reviewer, "Le client est un affilié.")
    assert deliver_pending(session, smtp_settings).sent == 1
    text = collector.messages[0].message.get_content()
    assert "Hello Zoë Ångström," in text and "Le client est un affilié." in text


def test_unreachable_server_retries_then_fails(
    session, import_claim, reviewer, closed_port_settings
):
    claim = import_claim()
    decide(session, claim, DecisionOutcome.APPROVE, reviewer)
    session.commit()

    report = deliver_pending(session, closed_port_settings, now=AT)
    session.commit()
    [message] = outbox(session)
    assert (report.sent, report.failed, report.retrying) == (0, 0, 1)
    assert (message.status, message.attempts) == ("pending", 1)
    assert "cannot connect to 127.0.0.1" in message.last_error
    # Not due again until its retry delay has passed.
    assert deliver_pending(session, closed_port_settings, now=AT).retrying == 0
    assert message.attempts == 1

    for attempt in range(2, MAX_ATTEMPTS + 1):
        report = deliver_pending(session, closed_port_settings, now=AT + RETRY_DELAYS[attempt - 1])
        session.commit()
        assert message.attempts == attempt
    assert (report.failed, message.status) == (1, "failed")
    assert message.last_error.startswith(f"gave up after {MAX_ATTEMPTS} attempts: cannot connect")
    assert deliver_pending(session, closed_port_settings, now=AT + timedelta(days=9)).failed == 0


def test_a_pending_message_goes_out_once_the_server_is_back(
    session, import_claim, reviewer, smtp_server, smtp_settings, closed_port_settings
):
    collector, _ = smtp_server
    decide(session, import_claim(), DecisionOutcome.APPROVE, reviewer)
    deliver_pending(session, closed_port_settings, now=AT)
    report = deliver_pending(session, smtp_settings, now=AT + RETRY_DELAYS[1])
    [message] = outbox(session)
    assert (report.sent, message.status, message.attempts, message.last_error) == (
        1, "sent", 2, None,
    )  # fmt: skip
    assert len(collector.messages) == 1


def test_recipients_refused_permanently_fail_at_once(
    session, import_claim, reviewer, smtp_server, smtp_settings
):
    collector, _ = smtp_server
    collector.refuse = {PARTNER, SUBMITTER}
    decide(session, import_claim(), DecisionOutcome.APPROVE, reviewer)
    report = deliver_pending(session, smtp_settings)
    [message] = outbox(session)
    assert (report.failed, message.status, message.attempts) == (1, "failed", 1)
    assert "every recipient refused" in message.last_error and "550" in message.last_error
    assert collector.messages == []


def test_one_refused_recipient_is_noted_on_a_sent_message(
    session, import_claim, reviewer, smtp_server, smtp_settings
):
    collector, _ = smtp_server
    collector.refuse = {SUBMITTER}
    decide(session, import_claim(), DecisionOutcome.APPROVE, reviewer)
    assert deliver_pending(session, smtp_settings).sent == 1
    [message] = outbox(session)
    assert message.status == "sent" and SUBMITTER in message.last_error
    assert [r.rcpt_tos for r in collector.messages] == [[PARTNER]]


def test_after_each_commits_every_message_as_it_goes(
    app, session, import_claim, reviewer, smtp_server, smtp_settings
):
    collector, _ = smtp_server
    for claim_id in ("3000001", "3000002"):
        decide(session, import_claim(claim_id=claim_id), DecisionOutcome.APPROVE, reviewer)
        session.commit()
    seen: list[list[str]] = []

    def commit_and_look() -> None:
        session.commit()
        with get_db(app).session() as other:  # another connection sees it committed
            seen.append(
                list(other.scalars(select(OutboxMessage.status).order_by(OutboxMessage.id)))
            )

    report = deliver_pending(session, smtp_settings, after_each=commit_and_look)
    assert report.sent == 2 and len(collector.messages) == 2
    assert seen == [["sent", "pending"], ["sent", "sent"]]


def test_limit_caps_one_run(session, import_claim, reviewer, smtp_server, smtp_settings):
    collector, _ = smtp_server
    for n in (1, 2, 3):
        decide(session, import_claim(claim_id=f"300000{n}"), DecisionOutcome.APPROVE, reviewer)
        session.commit()
    assert deliver_pending(session, smtp_settings, limit=2).sent == 2
    assert [m.status for m in outbox(session)] == ["sent", "sent", "pending"]
    assert deliver_pending(session, smtp_settings, limit=2).sent == 1
    assert len(collector.messages) == 3


# --- settings ------------------------------------------------------------------------------


def test_settings_from_config():
    assert SmtpSettings.from_config({"SMTP_HOST": None}) is None
    assert SmtpSettings.from_config({"SMTP_HOST": "  "}) is None
    settings = SmtpSettings.from_config(
        {
            "SMTP_HOST": "smtp.example.com",
            "SMTP_PORT": "587",
            "SMTP_USERNAME": "poe",
            "SMTP_PASSWORD": "s3cret",
            "SMTP_STARTTLS": "true",
            "SMTP_SSL": False,
            "MAIL_FROM": "POE Validation <poe@example.com>",
            "SMTP_TIMEOUT": 10,
        }
    )
    assert settings == SmtpSettings(
        host="smtp.example.com", port=587, username="poe", password="s3cret", starttls=True,
        ssl=False, sender="POE Validation <poe@example.com>", timeout=10.0,
    )  # fmt: skip
    assert "s3cret" not in repr(settings)
    assert settings.envelope_sender == "poe@example.com"
    defaults = SmtpSettings.from_config({"SMTP_HOST": "localhost"})
    assert (defaults.port, defaults.sender, defaults.starttls, defaults.ssl) == (
        25, "poe-review@localhost", False, False,
    )  # fmt: skip
    with pytest.raises(ValueError, match="exclude each other"):
        SmtpSettings.from_config({"SMTP_HOST": "h", "SMTP_SSL": True, "SMTP_STARTTLS": True})
    with pytest.raises(ValueError, match="SMTP_SSL must be true or false"):
        SmtpSettings.from_config({"SMTP_HOST": "h", "SMTP_SSL": "maybe"})


def test_app_defaults_leave_smtp_off(app):
    assert SmtpSettings.from_config(app.config) is None
    assert app.config["MAIL_FROM"] == "poe-review@localhost"


def test_mail_and_notifications_do_not_import_flask():
    code = (
        "import sys, workbench.mail, workbench.domain.notifications\n"
        "print(','.join(sorted(m for m in sys.modules if m == 'flask' or m.startswith('flask_'))))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""


# --- the CLI -------------------------------------------------------------------------------


def test_cli_send_and_list(app, runner, session, import_claim, reviewer, smtp_server):
    collector, controller = smtp_server
    decide(session, import_claim(), DecisionOutcome.REQUEST_ACTION, reviewer, "Fix the invoice.")
    session.commit()

    listed = runner.invoke(args=["outbox", "list", "--status", "pending"])
    assert listed.exit_code == 0, listed.output
    assert "pending" in listed.output and "claim 3000001" in listed.output
    assert SUBJECTS["action_required"] in listed.output
    assert f"{PARTNER}, {SUBMITTER}" in listed.output

    app.config.update(SMTP_HOST="127.0.0.1", SMTP_PORT=controller.port, MAIL_FROM="poe@w.test")
    sent = runner.invoke(args=["outbox", "send"])
    assert sent.exit_code == 0, sent.output
    assert "sent 1, failed 0, to retry 0" in sent.output and "0 pending" in sent.output
    assert len(collector.messages) == 1
    assert collector.messages[0].message["From"] == "poe@w.test"

    assert (
        "no messages in state pending"
        in runner.invoke(args=["outbox", "list", "--status", "pending"]).output
    )
    assert "claim 3000001" in runner.invoke(args=["outbox", "list", "--status", "sent"]).output


def test_cli_send_reports_an_unreachable_server(app, runner, session, import_claim, reviewer):
    decide(session, import_claim(), DecisionOutcome.APPROVE, reviewer)
    session.commit()
    app.config.update(SMTP_HOST="127.0.0.1", SMTP_PORT=free_port(), SMTP_TIMEOUT=2)
    result = runner.invoke(args=["outbox", "send"])
    assert result.exit_code == 0, result.output
    assert "sent 0, failed 0, to retry 1" in result.output
    listed = runner.invoke(args=["outbox", "list"]).output
    assert "tries 1" in listed and "! cannot connect to 127.0.0.1" in listed


def test_cli_send_without_smtp_fails_clearly(runner, session, import_claim, reviewer):
    decide(session, import_claim(), DecisionOutcome.APPROVE, reviewer)
    session.commit()
    result = runner.invoke(args=["outbox", "send"])
    assert result.exit_code == 1
    assert "SMTP is not configured: set WORKBENCH_SMTP_HOST" in result.output
    session.expire_all()
    assert [m.status for m in outbox(session)] == ["pending"]


def test_cli_list_rejects_an_unknown_state(runner):
    result = runner.invoke(args=["outbox", "list", "--status", "lost"])
    assert result.exit_code == 2


@pytest.mark.skipif(
    not POSTGRES_URL, reason="row locks: PostgreSQL only (SQLite has no FOR UPDATE)"
)
def test_a_row_another_deliverer_holds_is_skipped(
    app, session, import_claim, reviewer, smtp_server, smtp_settings
):
    collector, _ = smtp_server
    for claim_id in ("3000001", "3000002"):
        decide(session, import_claim(claim_id=claim_id), DecisionOutcome.APPROVE, reviewer)
        session.commit()
    first = outbox(session)[0].id
    with get_db(app).session() as other:
        other.scalar(select(OutboxMessage).where(OutboxMessage.id == first).with_for_update())
        report = deliver_pending(session, smtp_settings)
        session.commit()
        other.rollback()
    assert report.sent == 1 and len(collector.messages) == 1
    session.expire_all()
    assert [m.status for m in outbox(session)] == ["pending", "sent"]
