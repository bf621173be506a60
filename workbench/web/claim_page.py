"""The claim page: everything a reviewer needs to decide one claim, and the decision forms."""

from __future__ import annotations

import re
import threading
from collections import Counter

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    make_response,
    redirect,
    render_template,
    request,
    send_file,
    url_for,
)
from flask_login import current_user
from markupsafe import Markup, escape
from sqlalchemy import select
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import selectinload

from workbench.check_api import overall_status
from workbench.db import get_db, get_session
from workbench.domain import deadlines, decisions, presence
from workbench.domain.comment_templates import FailedCheck, suggest
from workbench.domain.enums import ActorKind, ClaimStatus, DecisionOutcome, Visibility
from workbench.domain.markets import market_for_country
from workbench.domain.review import DecisionRefused, current_results, decide_claim
from workbench.domain.workflow import IllegalTransition
from workbench.engine.extractions import cached_extractions
from workbench.extensions import get_blobs, get_engine, htmx
from workbench.extract import Extraction
from workbench.models import (
    CheckResult,
    Claim,
    Comment,
    DocumentVersion,
    OutboxMessage,
    utcnow,
)

bp = Blueprint("claim", __name__, url_prefix="/claims")


@bp.app_template_filter("highlight")
def highlight(text: str, excerpt: str) -> Markup:
    """Escape ``text`` and mark the evidence ``excerpt`` in it, whatever the whitespace.

    Evidence excerpts are on one line, shortened with an ellipsis; the
    document's text keeps its tabs and line breaks.
    """
    # Checks may show table cells joined by " | " where the text has tabs.
    words = [w for w in re.split(r"[\s|]+", excerpt.replace("…", " ")) if w]
    match = None
    if words:
        pattern = r"[\s|]+".join(re.escape(w) for w in words)
        match = re.search(pattern, text)
    if match is None:
        return escape(text)
    return Markup("{}<mark>{}</mark>{}").format(
        text[: match.start()], text[match.start() : match.end()], text[match.end() :]
    )


STATUS_ORDER = ("fail", "error", "warn", "pass", "skip")
TRACK = (ClaimStatus.SUBMITTED, ClaimStatus.UNDER_REVIEW)


def _load(claim_id: str) -> Claim:
    claim = get_session().scalar(
        select(Claim)
        .where(Claim.claim_id == claim_id)
        .options(
            selectinload(Claim.engagement),
            selectinload(Claim.partner),
            selectinload(Claim.customer),
            selectinload(Claim.documents),
            selectinload(Claim.history),
            selectinload(Claim.comments),
            selectinload(Claim.surveys),
        )
    )
    if claim is None:
        abort(404)
    return claim


def _version(claim: Claim, version_id: int) -> DocumentVersion:
    version = get_session().get(DocumentVersion, version_id)
    if version is None or version.document.claim_id != claim.id:
        abort(404)
    return version


@bp.get("/<claim_id>")
def detail(claim_id: str):
    claim = _load(claim_id)
    response = make_response(render_template("claims/detail.html", **_page(claim)))
    response.headers["Vary"] = "HX-Request"
    return response


def _page(claim: Claim, **extra):
    session = get_session()
    results = current_results(session, claim)
    grouped: dict[str, list[CheckResult]] = {status: [] for status in STATUS_ORDER}
    for result in results:
        grouped[result.status.value].append(result)
    by_check: dict[str, list[CheckResult]] = {}
    for result in results:
        by_check.setdefault(result.check_id, []).append(result)
    failures = [
        FailedCheck(
            r.check_id, r.message, tuple(sorted({e.get("document", "") for e in r.evidence} - {""}))
        )
        for r in results
        if r.status.value == "fail"
    ]
    signature = current_app.config["REVIEW_TEAM_SIGNATURE"]
    suggestion = suggest(failures, signature)
    blocking = sorted(
        {
            r.check_id
            for r in results
            if r.severity == "blocking" and r.status.value in ("fail", "error")
        }
    )
    activity = claim.engagement.activity_type
    dates = {
        "submission_deadline": deadlines.submission_deadline(activity, claim.consent_date),
        "action_required_deadline": deadlines.action_required_deadline(
            activity, claim.consent_date
        ),
        "dispute_deadline": deadlines.dispute_deadline(claim.rejected_at)
        if claim.rejected_at
        else None,
        "dispute_review_due": deadlines.dispute_review_due(claim.submitted_at)
        if claim.is_dispute
        else None,
    }
    context = {
        "claim": claim,
        "market": market_for_country(claim.partner.country).value,
        "dates": dates,
        "grouped": grouped,
        "summary": {
            check: overall_status(r.status for r in rows).value for check, rows in by_check.items()
        },
        "suggestion": suggestion,
        "blocking": blocking,
        "current_documents": _current_documents(claim),
        "partner_comments": [c for c in claim.comments if c.visibility == Visibility.PARTNER],
        "internal_notes": [c for c in claim.comments if c.visibility == Visibility.INTERNAL],
        "partner_history": _partner_history(claim),
        "others": presence.others_viewing(session, claim, current_user.user, now=utcnow()),
        "notifications": session.scalars(
            select(OutboxMessage)
            .where(OutboxMessage.claim_id == claim.id)
            .order_by(OutboxMessage.created_at.desc(), OutboxMessage.id.desc())
        ).all(),
        "can_pick_up": claim.status == ClaimStatus.SUBMITTED,
        "can_decide": claim.status == ClaimStatus.UNDER_REVIEW,
        "track": TRACK,
    }
    context.update(extra)
    return context


def _current_documents(claim: Claim) -> set[int]:
    submittal = claim.latest_submittal
    return {entry.document_version_id for entry in submittal.entries} if submittal else set()


def _partner_history(claim: Claim) -> dict:
    session = get_session()
    earlier = list(
        session.scalars(
            select(Claim)
            .where(Claim.partner_location_id == claim.partner_location_id, Claim.id != claim.id)
            .order_by(Claim.submitted_at.desc())
            .options(selectinload(Claim.engagement))
        )
    )
    failed = Counter(
        session.scalars(
            select(CheckResult.check_id).where(
                CheckResult.claim_id.in_([c.id for c in earlier] or [-1]),
                CheckResult.current.is_(True),
                CheckResult.status == "fail",
            )
        )
    )
    return {"claims": earlier, "outcomes": Counter(c.status.value for c in earlier),
            "failed_checks": failed.most_common(5)}  # fmt: skip


@bp.get("/<claim_id>/presence")
def presence_partial(claim_id: str):
    """Polled by the open page: records this viewer and shows who else has the claim open."""
    claim = _load(claim_id)
    session = get_session()
    now = utcnow()
    presence.touch(session, claim, current_user.user, now=now)
    session.commit()
    others = presence.others_viewing(session, claim, current_user.user, now=now)
    response = make_response(render_template("claims/_presence.html", claim=claim, others=others))
    response.headers["Vary"] = "HX-Request"
    return response


@bp.post("/<claim_id>/pick-up")
def pick_up(claim_id: str):
    claim = _load(claim_id)
    session = get_session()
    try:
        decisions.pick_up(session, claim, current_user.user, at=utcnow(),
                          expected_version=request.form.get("version", type=int))  # fmt: skip
        session.commit()
        flash(f"Claim {claim.claim_id} is now Under review, assigned to you.", "info")
    except (IllegalTransition, decisions.StaleClaim) as exc:
        session.rollback()
        flash(str(exc), "error")
    except OperationalError:
        session.rollback()
        flash(_concurrent_change(claim), "error")
    return redirect(url_for("claim.detail", claim_id=claim_id))


@bp.post("/<claim_id>/decision")
def decide(claim_id: str):
    claim = _load(claim_id)
    session = get_session()
    try:
        outcome = DecisionOutcome(request.form.get("outcome", ""))
    except ValueError:
        abort(400)
    try:
        decide_claim(
            session, claim, outcome, current_user.user, at=utcnow(),
            comment=request.form.get("comment"),
            override_reason=request.form.get("override_reason"),
            expected_version=request.form.get("version", type=int),
            signature=current_app.config["REVIEW_TEAM_SIGNATURE"],
        )  # fmt: skip
        session.commit()
    except (DecisionRefused, IllegalTransition, decisions.StaleClaim) as exc:
        session.rollback()
        flash(str(exc), "error")
        return redirect(url_for("claim.detail", claim_id=claim_id) + "#decision")
    except OperationalError:
        session.rollback()
        flash(_concurrent_change(claim), "error")
        return redirect(url_for("claim.detail", claim_id=claim_id) + "#decision")
    _deliver_mail()
    flash(f"Claim {claim.claim_id}: {claim.status.value}.", "info")
    return redirect(url_for("claim.detail", claim_id=claim_id))


def _concurrent_change(claim: Claim) -> str:
    """SQLite refuses a write after another writer committed ("database is locked"): the
    claim changed under this request, which is what StaleClaim says."""
    return str(decisions.StaleClaim(claim.claim_id))


def _deliver_mail() -> None:
    """Send the outbox in the background when SMTP is configured.

    The decision is committed already; a slow or unreachable mail server must
    not hold up the reviewer, and a failure stays in the outbox for
    ``workbench outbox send`` to retry.
    """
    from workbench.mail import SmtpSettings

    app = current_app._get_current_object()
    try:
        settings = SmtpSettings.from_config(app.config)
    except ValueError:
        app.logger.exception("SMTP settings are invalid; notifications stay in the outbox")
        return
    if settings is None:
        return
    threading.Thread(target=_deliver_in_background, args=(app, settings), daemon=True).start()


def _deliver_in_background(app, settings) -> None:
    from workbench.mail import deliver_pending

    with app.app_context():
        try:
            with get_db(app).session() as session:
                deliver_pending(session, settings, limit=20, after_each=session.commit)
        except Exception:  # logged; the outbox keeps the messages for a retry
            app.logger.exception("delivering notifications failed")


@bp.post("/<claim_id>/comments")
def comment(claim_id: str):
    claim = _load(claim_id)
    body = (request.form.get("body") or "").strip()
    visibility = (
        Visibility.PARTNER if request.form.get("visibility") == "partner" else Visibility.INTERNAL
    )
    if not body:
        flash("The comment is empty.", "error")
    else:
        session = get_session()
        session.add(
            Comment(
                claim=claim, at=utcnow(), author_kind=ActorKind.REVIEWER,
                author_user_id=current_user.id, author_name=current_user.display_name,
                body=body[:20000], visibility=visibility,
            )
        )  # fmt: skip
        session.commit()
        flash(
            "Comment added." if visibility == Visibility.PARTNER else "Internal note added.", "info"
        )
    return redirect(url_for("claim.detail", claim_id=claim_id) + "#comments")


@bp.post("/<claim_id>/checks/run")
def rerun_checks(claim_id: str):
    claim = _load(claim_id)
    session = get_session()
    summary = get_engine().run(session, claim, force=True)
    session.commit()
    flash(f"Checks run again: {len(summary.ran)}.", "info")
    return redirect(url_for("claim.detail", claim_id=claim_id) + "#checks")


@bp.get("/<claim_id>/documents/<int:version_id>/download")
def download(claim_id: str, version_id: int):
    claim = _load(claim_id)
    version = _version(claim, version_id)
    return send_file(
        get_blobs().path_for(version.sha256), as_attachment=True,
        download_name=version.document.file_name, mimetype="application/octet-stream",
        etag=version.sha256,
    )  # fmt: skip


@bp.get("/<claim_id>/documents/<int:version_id>/inline")
def inline_pdf(claim_id: str, version_id: int):
    """A PDF for the preview frame: shown inline, sandboxed, only framed by this site."""
    claim = _load(claim_id)
    version = _version(claim, version_id)
    if version.content_type != "pdf":
        abort(404)
    response = send_file(get_blobs().path_for(version.sha256), mimetype="application/pdf",
                         download_name=version.document.file_name)  # fmt: skip
    response.headers["Content-Security-Policy"] = "sandbox; frame-ancestors 'self'"
    response.headers["X-Frame-Options"] = "SAMEORIGIN"
    return response


@bp.get("/<claim_id>/documents/<int:version_id>/preview")
def preview(claim_id: str, version_id: int):
    claim = _load(claim_id)
    version = _version(claim, version_id)
    extraction = _extraction(version)
    location = request.args.get("location", "")
    excerpt = request.args.get("excerpt", "")
    template = "claims/_preview.html" if htmx else "claims/preview.html"
    response = make_response(
        render_template(
            template, claim=claim, version=version, extraction=extraction,
            location=location, excerpt=excerpt,
        )
    )  # fmt: skip
    response.headers["Vary"] = "HX-Request"
    if version.content_type == "pdf":
        # The page frames the PDF from this site.
        response.headers["Content-Security-Policy"] = (
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            "object-src 'none'; frame-src 'self'; frame-ancestors 'none'; base-uri 'self'; "
            "form-action 'self'"
        )
    return response


def _extraction(version: DocumentVersion) -> Extraction:
    """The document's text, read once and cached like the checks read it."""
    session = get_session()
    engine = get_engine()
    extraction = cached_extractions(session, engine.blobs, [version.sha256], engine.pool)
    session.commit()
    return extraction[version.sha256]
