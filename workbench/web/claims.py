"""The front page: the reviewer's queue is where the work starts."""

from __future__ import annotations

from flask import Blueprint, redirect, url_for

bp = Blueprint("claims", __name__)


@bp.get("/")
def index():
    return redirect(url_for("queue.index"))
