"""Status notifications: the e-mail a partner gets when a reviewer decides their claim.

:func:`record_status_notification` writes the message into the outbox, in the
caller's transaction, so a decision and its notification are committed (or
rolled back) together. Sending is :mod:`workbench.mail`'s job and happens only
after the commit; a message is recorded whether or not SMTP is configured.

DOMAIN.md, "Decisions and their messages": the mail goes to the claim's partner
contact and to the user who added the customer, with these subjects.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from sqlalchemy.orm import Session

from workbench.domain import deadlines
from workbench.domain.enums import ClaimStatus
from workbench.models import Claim, OutboxMessage

S = ClaimStatus

KIND_ACTION_REQUIRED = "action_required"
KIND_APPROVED = "approved"
KIND_REJECTED = "rejected"

_KINDS = {
    S.ACTION_REQUIRED: KIND_ACTION_REQUIRED,
    S.APPROVED: KIND_APPROVED,
    S.REJECTED: KIND_REJECTED,
    S.REJECTED_FINAL: KIND_REJECTED,
}

NO_RECIPIENT = "no recipient address on the claim"
SKIPPED_NOTE = "skipped malformed address(es) on the claim: "

# One addr-spec: no spaces, control characters, angle brackets or commas, exactly one "@",
# and a dot in the domain. Stricter than RFC 5322 on purpose: an address that reaches a
# header or an SMTP command must not be able to smuggle in another one.
_ADDRESS = re.compile(r"[^\s@<>,;\"()\[\]\\]+@[^\s@<>,;\"()\[\]\\]+\.[^\s@<>,;\"()\[\]\\]+")

_MONTHS = (
    "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December",
)  # fmt: skip


def subject_for(status: ClaimStatus, engagement_name: str) -> str | None:
    """DOMAIN.md's subject for a status change, or None when that change sends no mail."""
    if status == S.ACTION_REQUIRED:
        return f"Additional proof of execution details needed for {engagement_name}"
    if status == S.APPROVED:
        return "Notice: Claim for the engagement was approved"
    if status in (S.REJECTED, S.REJECTED_FINAL):
        return f"Claim for {engagement_name} was rejected"
    return None


def recipients_for(claim: Claim) -> tuple[list[str], list[str]]:
    """Return (addresses to send to, addresses skipped as malformed).

    The partner contact first, then the submitting user; the same address
    (compared case-insensitively) appears once; missing addresses are skipped.
    """
    kept: list[str] = []
    skipped: list[str] = []
    seen: set[str] = set()
    for raw in (claim.partner_contact_email, claim.submitted_by_email):
        address = (raw or "").strip()
        if not address:
            continue
        if not _ADDRESS.fullmatch(address):
            skipped.append(address)
            continue
        if address.casefold() in seen:
            continue
        seen.add(address.casefold())
        kept.append(address)
    return kept, skipped


def record_status_notification(
    session: Session,
    claim: Claim,
    *,
    at: datetime,
    comment: str | None,
    signature: str,
) -> OutboxMessage | None:
    """Add the outbox message announcing the claim's (already changed) status; flush, never commit.

    Returns None when the new status sends no mail (e.g. Under review). A claim
    with no usable address still gets its message, recorded as "failed" with the
    reason, so that a team lead sees that the partner was not told.
    """
    kind = _KINDS.get(claim.status)
    if kind is None:
        return None
    engagement_name = claim.engagement.name
    subject = subject_for(claim.status, engagement_name)
    assert subject is not None
    recipients, skipped = recipients_for(claim)
    problems = []
    if skipped:
        # repr() keeps the note on one line whatever the address holds.
        problems.append(SKIPPED_NOTE + ", ".join(repr(a) for a in skipped))
    if not recipients:
        problems.append(NO_RECIPIENT)
    message = OutboxMessage(
        claim_id=claim.id,
        created_at=at,
        kind=kind,
        recipients=recipients,
        subject=subject,
        body=compose_body(claim, at=at, comment=comment, signature=signature),
        status="pending" if recipients else "failed",
        attempts=0,
        # One problem a line; the skipped-address note stays after the mail is sent.
        last_error="\n".join(problems) or None,
    )
    session.add(message)
    session.flush()
    return message


def compose_body(claim: Claim, *, at: datetime, comment: str | None, signature: str) -> str:
    """The plain-text mail: who it is for, which claim, what changed, what to do, the comment."""
    status = claim.status
    name = (claim.partner_contact_name or "").strip()
    lines = [f"Hello {name}," if name else "Hello,", ""]
    lines.append(_OPENING[status])
    lines += [
        "",
        f"Claim ID:    {claim.claim_id}",
        f"Claim name:  {claim.claim_name}",
        f"Engagement:  {claim.engagement.name}",
        f"Customer:    {claim.customer.name}",
        f"New status:  {status.value}",
    ]
    body = (comment or "").strip()
    if body:
        lines += ["", "Comment from the POE reviewer:", "", body]
    lines += ["", *_next_steps(claim, at)]
    # Comments pre-filled from the team's templates already end with the signature.
    if not body.endswith(signature.strip()):
        lines += ["", signature.strip()]
    lines.append("")
    return "\n".join(lines)


_OPENING = {
    S.ACTION_REQUIRED: (
        "The review of your claim's proof of execution (POE) found that more details "
        "are needed before it can be approved."
    ),
    S.APPROVED: "Your claim has been approved.",
    S.REJECTED: "Your claim has been rejected.",
    S.REJECTED_FINAL: "Your claim has been rejected.",
}


def _next_steps(claim: Claim, at: datetime) -> list[str]:
    status = claim.status
    if status == S.ACTION_REQUIRED:
        last_day = deadlines.action_required_deadline(
            claim.engagement.activity_type, claim.consent_date
        )
        return [
            "What to do next: in Partner Center, upload the corrected or missing documents "
            "(a corrected document is uploaded as a new file), add comments if you wish, "
            "and resubmit the claim.",
            f"Resubmit by {_day(last_day)} (the post-submission deadline, end of the day UTC). "
            "A claim that is not resubmitted by then expires and cannot be paid.",
        ]
    if status == S.APPROVED:
        return ["The earnings for this claim go into the next payment cycle."]
    if status == S.REJECTED:
        last_day = deadlines.dispute_deadline(claim.rejected_at or at)
        return [
            f"If you disagree, you can dispute the rejection within "
            f"{deadlines.DISPUTE_WINDOW_DAYS} days of it: the last day to dispute and submit "
            f"the dispute is {_day(last_day)} (end of the day UTC). "
            "Without a dispute the rejection becomes final after that day.",
        ]
    if claim.is_dispute:
        return [
            "This was the review of your dispute. The rejection is final: "
            "the claim cannot be disputed again."
        ]
    return ["The rejection is final: the claim cannot be disputed any more."]


def _day(day: date) -> str:
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"
