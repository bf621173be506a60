"""Workbench accounts."""

from __future__ import annotations

import re

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.domain.enums import Role
from workbench.models import User

USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{1,79}$")
MIN_PASSWORD_LENGTH = 10


class UserInvalid(ValueError):
    """A user that cannot be created as asked."""


def validate_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise UserInvalid(f"the password must have at least {MIN_PASSWORD_LENGTH} characters")


def create_user(
    session: Session,
    username: str,
    role: Role | str,
    password: str,
    *,
    display_name: str | None = None,
    email: str | None = None,
) -> User:
    """Create a user with a hashed password; flush, never commit."""
    if not USERNAME.match(username):
        raise UserInvalid(
            f"{username!r} is not a valid username: 2-80 lower-case letters, digits, '.', '_' or '-'"
        )
    try:
        role = Role(role)
    except ValueError:
        raise UserInvalid(f"{role!r} is not a role: {', '.join(r.value for r in Role)}") from None
    validate_password(password)
    if session.scalar(select(User).where(User.username == username)) is not None:
        raise UserInvalid(f"user {username!r} already exists")
    user = User(
        username=username,
        role=role,
        display_name=display_name or username,
        email=email,
    )
    user.set_password(password)
    session.add(user)
    session.flush()
    return user


def find_user(session: Session, username: str) -> User | None:
    return session.scalar(select(User).where(User.username == username))
