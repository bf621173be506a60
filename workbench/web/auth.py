"""Logging in and out."""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_login import UserMixin, login_required, login_user, logout_user
from flask_wtf import FlaskForm
from wtforms import PasswordField, StringField
from wtforms.validators import DataRequired, Length

from workbench.db import get_session
from workbench.domain.users import find_user
from workbench.extensions import login_manager
from workbench.models import User, utcnow

bp = Blueprint("auth", __name__)


class SessionUser(UserMixin):
    """The logged-in user as Flask-Login sees it; the model stays free of Flask.

    The session id carries the user's session generation: changing the
    password or logging out everywhere bumps it, which ends old sessions on the
    server side too.
    """

    def __init__(self, user: User) -> None:
        self.user = user

    def get_id(self) -> str:
        return f"{self.user.id}:{self.user.session_generation}"

    @property
    def is_active(self) -> bool:
        return self.user.active

    def __getattr__(self, name: str):
        return getattr(self.user, name)


@login_manager.user_loader
def load_user(session_id: str) -> SessionUser | None:
    user_id, _, generation = session_id.partition(":")
    if not user_id.isdigit() or not generation.isdigit():
        return None
    user = get_session().get(User, int(user_id))
    if user is None or not user.active or user.session_generation != int(generation):
        return None
    return SessionUser(user)


class LoginForm(FlaskForm):
    username = StringField("Username", validators=[DataRequired(), Length(max=80)])
    password = PasswordField("Password", validators=[DataRequired(), Length(max=500)])


@bp.route("/login", methods=["GET", "POST"])
def login():
    form = LoginForm()
    if form.validate_on_submit():
        session = get_session()
        user = find_user(session, form.username.data.strip().lower())
        if user is not None and user.active and user.check_password(form.password.data):
            user.last_login_at = utcnow()
            session.commit()
            login_user(SessionUser(user))
            return redirect(_safe_next(request.args.get("next")))
        flash("Unknown username or wrong password.", "error")
    status = 401 if request.method == "POST" else 200
    return render_template("auth/login.html", form=form), status


@bp.post("/logout")
@login_required
def logout():
    logout_user()
    flash("You are logged out.", "info")
    return redirect(url_for("auth.login"))


def _safe_next(target: str | None) -> str:
    """Follow ?next= only within this site, never to another host."""
    if target:
        parts = urlsplit(target)
        if not parts.scheme and not parts.netloc and target.startswith("/"):
            return target
    return url_for("claims.index")
