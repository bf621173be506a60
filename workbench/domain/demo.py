"""The demo: users to log in with, and review steps that put sample claims in every status."""

from __future__ import annotations

import json
import os
import secrets
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.domain import decisions
from workbench.domain.enums import ActorKind, DecisionOutcome, Role
from workbench.domain.users import create_user, find_user
from workbench.models import Claim, HistoryEvent, User

DEMO_USERS = (
    ("admin", Role.ADMIN, "Avery Admin"),
    ("lead", Role.LEAD, "Lee Lead"),
    ("reviewer", Role.REVIEWER, "Rita Reviewer"),
    ("reviewer2", Role.REVIEWER, "Ravi Reviewer"),
)


@dataclass(frozen=True)
class DemoLogin:
    username: str
    role: Role
    password: str


def demo_users(session: Session, credentials_file: Path) -> list[DemoLogin]:
    """Create the demo users once; their generated passwords are kept in the instance folder.

    Keeping them (readable by the owner only) means the printed credentials
    stay valid across restarts of the demo.
    """
    try:
        passwords: dict[str, str] = json.loads(credentials_file.read_text(encoding="utf-8"))
    except (FileNotFoundError, json.JSONDecodeError):
        passwords = {}
    logins = []
    for username, role, name in DEMO_USERS:
        password = passwords.get(username)
        user = find_user(session, username)
        if user is None:
            password = password or secrets.token_urlsafe(12)
            create_user(session, username, role, password, display_name=name,
                        email=f"{username}@poe-review.example")  # fmt: skip
        elif password is None or not user.check_password(password):
            password = secrets.token_urlsafe(12)
            user.set_password(password)
        passwords[username] = password
        logins.append(DemoLogin(username, role, password))
    fd = os.open(credentials_file, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        json.dump(passwords, handle, indent=2)
    session.flush()
    return logins


def apply_scenario(session: Session, scenario_file: Path) -> list[str]:
    """Apply the review steps of ``scenario_file`` to claims no reviewer has touched yet.

    Returns one line per step applied. A claim with any reviewer event in its
    history is left alone, so running the demo again changes nothing.
    """
    steps = json.loads(scenario_file.read_text(encoding="utf-8"))["steps"]
    touched = set(
        session.scalars(
            select(Claim.claim_id)
            .join(HistoryEvent, HistoryEvent.claim_id == Claim.id)
            .where(HistoryEvent.actor_kind == ActorKind.REVIEWER)
        )
    )
    applied = []
    for step in steps:
        if step["claim_id"] in touched:
            continue
        claim = session.scalar(select(Claim).where(Claim.claim_id == step["claim_id"]))
        reviewer = session.scalar(select(User).where(User.username == step["by"]))
        if claim is None or reviewer is None:
            raise ValueError(f"demo scenario step {step}: unknown claim or user")
        at = datetime.fromisoformat(step["at"])
        if step["action"] == "pick_up":
            decisions.pick_up(session, claim, reviewer, at=at)
        else:
            decisions.decide(
                session, claim, DecisionOutcome(step["action"]), reviewer,
                at=at, comment=step.get("comment"),
            )  # fmt: skip
        applied.append(f"{claim.claim_id}: {step['action']} by {reviewer.username}")
    return applied
