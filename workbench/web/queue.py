"""The reviewers' queue: the claims waiting for review, Next claim, and saved views.

``GET /queue`` is a full page that works without JavaScript (the filters are a
GET form); an htmx request gets only the results partial, which the page
includes too. Filters live in the URL, so a view can be bookmarked and the
back button works.
"""

from __future__ import annotations

from urllib.parse import urlencode

from flask import (
    Blueprint,
    flash,
    make_response,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_login import current_user
from sqlalchemy import select

from workbench.db import get_session
from workbench.domain import queue
from workbench.domain.enums import Role, SolutionArea
from workbench.domain.markets import Market
from workbench.extensions import htmx
from workbench.models import Engagement, utcnow
from workbench.web.access import roles_required

bp = Blueprint("queue", __name__, url_prefix="/queue")

EVERY_ROLE = (Role.REVIEWER, Role.LEAD, Role.ADMIN)


def claim_url(claim_id: str) -> str:
    return url_for("claim.detail", claim_id=claim_id)


def _queue_url(query: queue.QueueQuery | None = None, **changes) -> str:
    params = query.to_params(**changes) if query else {}
    return url_for("queue.index") + (f"?{urlencode(params)}" if params else "")


def _engagements():
    return (
        get_session()
        .execute(
            select(Engagement.id, Engagement.name, Engagement.solution_area).order_by(
                Engagement.solution_area, Engagement.name
            )
        )
        .all()
    )


@bp.get("")
@roles_required(*EVERY_ROLE)
def index():
    engagements = _engagements()
    query = queue.QueueQuery.from_args(request.args, engagement_ids=[e.id for e in engagements])
    canonical = _queue_url(query)
    partial = bool(htmx) and not htmx.history_restore_request
    if not partial and request.args.to_dict() != query.to_params():
        # A plain form submission sends every field, empty ones too: keep the URL short.
        return redirect(canonical)
    db = get_session()
    result = queue.list_queue(db, query, user_id=current_user.id, now=utcnow())
    context = {"page": result, "query": query, "claim_url": claim_url,
               "queue_url": _queue_url, "format_age": queue.format_age}  # fmt: skip
    if partial:
        response = make_response(render_template("queue/_table.html", oob_status=True, **context))
        response.headers["HX-Push-Url"] = canonical
    else:
        response = make_response(
            render_template(
                "queue/index.html",
                engagements=engagements,
                views=queue.views_for(db, current_user.user),
                solution_areas=list(SolutionArea),
                markets=list(Market),
                statuses=list(queue.QUEUE_STATUSES),
                current_query=query.query_string(page=1),
                **context,
            )
        )
    response.vary.add("HX-Request")
    return response


@bp.post("/next")
@roles_required(*EVERY_ROLE)
def next_claim():
    db = get_session()
    # Start from a fresh transaction: the login check already read in this one,
    # and SQLite cannot write after reading a snapshot another writer has moved on.
    db.commit()
    claim = queue.next_claim(db, current_user.user, now=utcnow())
    if claim is None:
        db.rollback()
        flash("No claim is waiting.", "info")
        return redirect(url_for("queue.index"))
    db.commit()
    return redirect(claim_url(claim.claim_id))


@bp.post("/views")
@roles_required(*EVERY_ROLE)
def save_view():
    db = get_session()
    query_string = request.form.get("query", "")
    try:
        view = queue.save_view(
            db, current_user.user, request.form.get("name", ""), query_string,
            shared=request.form.get("shared") == "yes",
        )  # fmt: skip
    except queue.SavedViewRefused as exc:
        db.rollback()
        flash(str(exc), "error")
        return redirect(_queue_url(queue.QueueQuery.from_query_string(query_string)))
    db.commit()
    flash(f"Saved the view “{view.name}”{' for the team' if view.shared else ''}.", "info")
    return redirect(_queue_url(queue.QueueQuery.from_query_string(view.query)))


@bp.post("/views/<int:view_id>/delete")
@roles_required(*EVERY_ROLE)
def delete_view(view_id: int):
    db = get_session()
    try:
        name = queue.delete_view(db, current_user.user, view_id)
    except queue.SavedViewRefused as exc:
        db.rollback()
        flash(str(exc), "error")
    else:
        db.commit()
        flash(f"Deleted the view “{name}”.", "info")
    back = queue.QueueQuery.from_query_string(request.form.get("query", ""))
    return redirect(_queue_url(back))
