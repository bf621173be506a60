"""Logging in and out, and changing one's password."""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_login import UserMixin, current_user, login_user, logout_user
from flask_wtf import FlaskForm
from wtforms import PasswordField, StringField
from wtforms.validators import DataRequired, EqualTo, Length

from workbench.db import get_session
from workbench.domain import sessions
from workbench.domain.users import UserInvalid, find_user
from workbench.extensions import login_manager
from workbench.models import User, utcnow

bp = Blueprint("auth", __name__)


class SessionUser(UserMixin):
    """The logged-in user as Flask-Login sees it; the model stays free of Flask.

    Its id is the server-side session token, so the user loader can refuse a
    session that was ended (logout, password change) even if the cookie lives on.
    """

    def __init__(self, user: User, token: str) -> None:
        self.user = user
        self.token = token

    def get_id(self) -> str:
        return self.token

    @property
    def is_active(self) -> bool:
        return self.user.active

    def __getattr__(self, name: str):
        return getattr(self.user, name)


@login_manager.user_loader
def load_user(token: str) -> SessionUser | None:
    db = get_session()
    live = sessions.active_session(db, token)
    if live is None:
        return None
    user = db.get(User, live.user_id)
    if db.dirty:
        db.commit()  # last_seen_at moved on
    return SessionUser(user, token)


class LoginForm(FlaskForm):
    username = StringField("Username", validators=[DataRequired(), Length(max=80)])
    password = PasswordField("Password", validators=[DataRequired(), Length(max=500)])


class PasswordForm(FlaskForm):
    current = PasswordField("Current password", validators=[DataRequired(), Length(max=500)])
    new = PasswordField("New password", validators=[DataRequired(), Length(min=10, max=500)])
    confirm = PasswordField(
        "New password again", validators=[DataRequired(), EqualTo("new", "The passwords differ.")]
    )


@bp.route("/login", methods=["GET", "POST"])
def login():
    form = LoginForm()
    if form.validate_on_submit():
        db = get_session()
        user = find_user(db, form.username.data.strip().lower())
        if user is not None and user.active and user.check_password(form.password.data):
            user.last_login_at = utcnow()
            token = sessions.start_session(db, user, user_agent=request.user_agent.string)
            db.commit()
            login_user(SessionUser(user, token))
            return redirect(_safe_next(request.args.get("next")))
        flash("Unknown username or wrong password.", "error")
    status = 401 if request.method == "POST" else 200
    return render_template("auth/login.html", form=form), status


@bp.post("/logout")
def logout():
    db = get_session()
    sessions.end_session(db, current_user.token)
    db.commit()
    logout_user()
    flash("You are logged out.", "info")
    return redirect(url_for("auth.login"))


@bp.route("/account/password", methods=["GET", "POST"])
def change_password():
    form = PasswordForm()
    if form.validate_on_submit():
        db = get_session()
        try:
            sessions.change_password(db, current_user.user, form.current.data, form.new.data)
        except (sessions.WrongPassword, UserInvalid) as exc:
            form.current.errors.append(str(exc).capitalize() + ".")
        else:
            # Every session ended, this one too; open a fresh one for this browser.
            token = sessions.start_session(
                db, current_user.user, user_agent=request.user_agent.string
            )
            db.commit()
            login_user(SessionUser(current_user.user, token))
            flash("Password changed. Your other sessions were logged out.", "info")
            return redirect(url_for("queue.index"))
    return render_template("auth/password.html", form=form)


def _safe_next(target: str | None) -> str:
    """Follow ?next= only within this site, never to another host."""
    if target:
        parts = urlsplit(target)
        if not parts.scheme and not parts.netloc and target.startswith("/"):
            return target
    return url_for("queue.index")
