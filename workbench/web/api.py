"""The partner-side JSON API (CONTRACT section 5), under ``/api/v1``.

Every route needs ``Authorization: Bearer <token>`` (``workbench api-token
create NAME``); the reviewer UI's login and CSRF do not apply here. Every
answer is JSON, errors included: ``{"error": {"code": ..., "message": ...}}``.

``POST /api/v1/claims`` takes a bundle (CONTRACT section 1) as multipart form
data: ``claim.json`` as a file part of that name (or a form field ``claim``)
and one file part per document, its filename being the document's ``file``.
The parts are written into a fresh folder and imported by the same
all-or-nothing :func:`~workbench.domain.intake.import_folder` as
``workbench import``, so the two ways in cannot disagree.
"""

from __future__ import annotations

import json
import tempfile
import unicodedata
from pathlib import Path
from typing import IO, Any

from flask import Blueprint, Response, current_app, g, jsonify, request, url_for
from sqlalchemy import select
from sqlalchemy.orm import selectinload
from sqlalchemy.orm.exc import StaleDataError
from werkzeug.datastructures import FileStorage, MultiDict
from werkzeug.exceptions import (
    ClientDisconnected,
    HTTPException,
    InternalServerError,
    MethodNotAllowed,
    NotFound,
)
from werkzeug.utils import secure_filename

from workbench.db import get_db, get_session
from workbench.domain import api_tokens
from workbench.domain.bundle import CLAIM_FILE, MAX_CLAIM_JSON_BYTES, BundleRejected
from workbench.domain.enums import ActorKind, Visibility
from workbench.domain.intake import ImportOutcome, import_folder
from workbench.engine.runner import result_document
from workbench.extensions import csrf, get_blobs, get_engine
from workbench.models import Claim, Document, Submittal

PREFIX = "/api/v1"
bp = Blueprint("api", __name__, url_prefix=PREFIX)
csrf.exempt(bp)

# Form fields that may carry claim.json instead of a file part named claim.json.
CLAIM_FIELDS = (CLAIM_FILE, "claim")
# claim.json is a few levels deep; anything much deeper is a mistake or an attack.
MAX_JSON_DEPTH = 32
REALM = 'Bearer realm="workbench"'

ERROR_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "too_large",
    415: "unsupported_media_type",
    422: "bundle_rejected",
    500: "internal_error",
}


class ApiError(Exception):
    """An error answer of this API: HTTP status, a stable code and a message for people."""

    def __init__(
        self, status: int, message: str, *, code: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:  # fmt: skip
        super().__init__(message)
        self.status = status
        self.code = code or ERROR_CODES.get(status, "error")
        self.message = message
        self.headers = headers or {}


# --- errors ------------------------------------------------------------------------------------


def error_response(
    status: int, code: str, message: str, headers: dict[str, str] | None = None
) -> Response:
    response = jsonify({"error": {"code": code, "message": message}})
    response.status_code = status
    for name, value in (headers or {}).items():
        response.headers[name] = value
    return response


def is_api_request() -> bool:
    return request.path == PREFIX or request.path.startswith(PREFIX + "/")


def http_error_response(exc: HTTPException) -> Response:
    """The JSON form of a Werkzeug HTTP error (routing, size limits, malformed bodies)."""
    status = exc.code or 500
    headers = {}
    if isinstance(exc, MethodNotAllowed) and exc.valid_methods:
        headers["Allow"] = ", ".join(sorted(exc.valid_methods))
    if status == 401:
        headers["WWW-Authenticate"] = REALM
    message = {
        404: "There is nothing at this address of the API.",
        405: f"{request.method} is not allowed here.",
        413: (
            "The request is larger than the API accepts: at most "
            f"{request.max_content_length or 'unlimited'} bytes in all, "
            f"{request.max_form_memory_size or 'unlimited'} bytes in a form field "
            f"(send claim.json as a file part), {request.max_form_parts or 'unlimited'} parts."
        ),
        500: "The server could not complete the request; the error has been logged.",
    }.get(status) or (exc.description or exc.name)
    return error_response(status, ERROR_CODES.get(status, "error"), message, headers)


@bp.errorhandler(ApiError)
def _api_error(exc: ApiError) -> Response:
    return error_response(exc.status, exc.code, exc.message, exc.headers)


@bp.errorhandler(HTTPException)
def _http_error(exc: HTTPException) -> Response:
    return http_error_response(exc)


@bp.errorhandler(InternalServerError)
def _internal_error(exc: InternalServerError) -> Response:
    return http_error_response(exc)


# Routing errors (no such route, wrong method) and a body over MAX_CONTENT_LENGTH can
# happen before any blueprint is known, so they are handled app-wide: JSON under
# /api/v1, Flask's own answer everywhere else.
@bp.app_errorhandler(NotFound)
@bp.app_errorhandler(MethodNotAllowed)
@bp.app_errorhandler(413)
def _app_http_error(exc: HTTPException):
    if is_api_request():
        return http_error_response(exc)
    return exc


# --- authentication ----------------------------------------------------------------------------


@bp.before_request
def _authenticate() -> None:
    scheme, _, credentials = request.headers.get("Authorization", "").partition(" ")
    credentials = credentials.strip()
    if scheme.lower() != "bearer" or not credentials:
        raise ApiError(
            401, "Send an API token as 'Authorization: Bearer <token>' "
            "(an admin creates one with 'workbench api-token create NAME').",
            headers={"WWW-Authenticate": REALM},
        )  # fmt: skip
    session = get_session()
    token = api_tokens.authenticate(session, credentials)
    if token is None:
        session.rollback()
        raise ApiError(
            401, "The API token is unknown or has been revoked.",
            headers={"WWW-Authenticate": f'{REALM}, error="invalid_token"'},
        )  # fmt: skip
    session.commit()  # last_used_at
    g.api_token_id = token.id


@bp.after_request
def _no_store(response: Response) -> Response:
    response.headers.setdefault("Cache-Control", "no-store")
    return response


# --- intake ------------------------------------------------------------------------------------


@bp.post("/claims")
def submit_claim():
    """Import one bundle: a new claim, a resubmittal or a dispute (CONTRACT section 1)."""
    if request.mimetype != "multipart/form-data":
        raise ApiError(
            415, "Send the bundle as multipart/form-data: claim.json as a file part named "
            "'claim.json' and one file part per document, named by its file name.",
        )  # fmt: skip
    opened: list[IO[bytes]] = []
    try:
        form, files = _parse_multipart(opened)
        outcome = _import_parts(form, files)
    finally:
        for stream in opened:  # the parts' spooled files, also when parsing failed midway
            stream.close()
    if outcome.action != "unchanged":
        _run_checks(outcome.claim_id)

    claim = _load_claim(outcome.claim_id)
    body = claim_json(claim, current_app.config["REVIEW_TEAM_SIGNATURE"])
    body["import"] = _import_json(outcome)
    response = jsonify(body)
    response.status_code = 200 if outcome.action == "unchanged" else 201
    response.headers["Location"] = url_for(".get_claim", claim_id=claim.claim_id)
    return response


def _import_parts(form: MultiDict, files: MultiDict) -> ImportOutcome:
    claim_bytes, documents = _split_parts(form, files)
    data = _parse_claim_json(claim_bytes)
    _refuse_unlisted(data, documents)
    with tempfile.TemporaryDirectory(prefix="workbench-api-") as tmp:
        folder = Path(tmp) / "upload"
        folder.mkdir()
        (folder / CLAIM_FILE).write_bytes(claim_bytes)
        for name, storage in documents.items():
            storage.save(folder / name)
        try:
            return import_folder(
                get_db().sessionmaker, get_blobs(), folder,
                max_document_bytes=current_app.config["MAX_DOCUMENT_BYTES"], source="api",
            )  # fmt: skip
        except BundleRejected as exc:
            raise ApiError(422, exc.problem, code="bundle_rejected") from None
        except StaleDataError:
            raise ApiError(
                409, "The claim changed while the bundle was being imported; send it again."
            ) from None


def _parse_multipart(opened: list[IO[bytes]]) -> tuple[MultiDict, MultiDict]:
    """Parse the body, turning a malformed or truncated one into a 400 (not an empty form).

    Werkzeug's lenient parsing (``request.files``) answers a broken body with an
    empty form, which would read as "claim.json is missing"; parsing strictly
    here names the real problem. Every file it opens is added to ``opened``.
    """
    if "form" in request.__dict__:  # already parsed (leniently) by someone before us
        return request.form, request.files
    parser = request.make_form_data_parser()
    make_stream = parser.stream_factory

    def tracked_stream(*args: Any, **kwargs: Any) -> IO[bytes]:
        stream = make_stream(*args, **kwargs)
        opened.append(stream)
        return stream

    parser.stream_factory = tracked_stream
    parser.silent = False
    try:
        _rest, form, files = parser.parse(
            request.stream, request.mimetype, request.content_length, request.mimetype_params
        )
    except ClientDisconnected:
        raise ApiError(
            400, "The body ended before the length its Content-Length header gives; "
            "the upload was cut short.",
        ) from None  # fmt: skip
    except ValueError as exc:
        raise ApiError(400, f"The multipart body is malformed or cut short ({exc}).") from None
    return form, files


def _split_parts(form: MultiDict, files: MultiDict) -> tuple[bytes, dict[str, FileStorage]]:
    """Find claim.json among the parts, and the documents by their file names."""
    claim_sources: list[tuple[str, Any]] = []
    for field in CLAIM_FIELDS:
        claim_sources.extend((field, value) for value in form.getlist(field))
    documents: dict[str, FileStorage] = {}
    for field, storage in files.items(multi=True):
        if field in CLAIM_FIELDS or storage.filename == CLAIM_FILE:
            claim_sources.append((field, storage))
            continue
        name = storage.filename
        if not name:
            raise ApiError(400, f"The file part {field!r} has no filename; name each document "
                           "part by the document's file name.")  # fmt: skip
        problem = unsafe_file_name(name)
        if problem:
            raise ApiError(400, f"{name!r}: {problem}; send the document's plain file name.")
        if name in documents:
            raise ApiError(400, f"{name}: uploaded twice.")
        documents[name] = storage

    if not claim_sources:
        raise ApiError(
            400, "claim.json is missing: send it as a file part named 'claim.json' "
            "(or as a form field named 'claim').",
        )  # fmt: skip
    if len(claim_sources) > 1:
        raise ApiError(400, "claim.json was sent more than once; send exactly one.")
    _field, source = claim_sources[0]
    if isinstance(source, FileStorage):
        raw = source.stream.read(MAX_CLAIM_JSON_BYTES + 1)
    else:
        raw = source.encode("utf-8")
    if len(raw) > MAX_CLAIM_JSON_BYTES:
        raise ApiError(422, f"{CLAIM_FILE} is larger than {MAX_CLAIM_JSON_BYTES} bytes")
    return raw, documents


def unsafe_file_name(name: str) -> str | None:
    """Why ``name`` cannot be a file of the bundle folder, or None if it can.

    Only path tricks are refused; a name is never changed, since the partner's
    claim.json lists the documents by name. (``secure_filename`` would also turn
    spaces and accented letters into something else, and partners' real files
    have both: "RE Copilot workshop - attendance and sign-off.msg".)
    """
    if name in (".", "..") or "/" in name or "\\" in name:
        return "a document's name may not contain a path"
    if any(unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp") for c in name):
        return "the name contains control characters"
    if name != name.strip() or name.startswith("."):
        return "the name starts or ends with a space or starts with a dot"
    if not secure_filename(name):
        return "the name has nothing that can be a file name"
    if len(name.encode("utf-8")) > 255:
        return "the name is longer than 255 bytes"
    return None


def _parse_claim_json(raw: bytes) -> Any:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ApiError(400, f"{CLAIM_FILE} is not UTF-8 text.") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ApiError(
            400, f"{CLAIM_FILE} is not valid JSON: {exc.msg} at line {exc.lineno}, "
            f"column {exc.colno}.",
        ) from None  # fmt: skip
    except RecursionError:
        raise ApiError(400, f"{CLAIM_FILE} is nested too deeply.") from None
    if _depth_over(data, MAX_JSON_DEPTH):
        raise ApiError(400, f"{CLAIM_FILE} is nested more than {MAX_JSON_DEPTH} levels deep.")
    return data


def _depth_over(value: Any, limit: int) -> bool:
    """Whether ``value`` nests lists and objects more than ``limit`` deep (no recursion)."""
    stack = [(value, 1)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, dict):
            children = list(item.values())
        elif isinstance(item, list):
            children = item
        else:
            continue
        if level > limit:
            return True
        stack.extend((child, level + 1) for child in children)
    return False


def _refuse_unlisted(data: Any, documents: dict[str, FileStorage]) -> None:
    """A file the partner sent but claim.json does not list would be dropped silently."""
    listed = data.get("documents") if isinstance(data, dict) else None
    if not isinstance(listed, list):
        return  # import_folder names what is wrong with claim.json
    names = {entry.get("file") for entry in listed if isinstance(entry, dict)}
    unlisted = sorted(set(documents) - names)
    if unlisted:
        raise ApiError(
            422, f"{', '.join(unlisted)}: uploaded but not listed in {CLAIM_FILE} 'documents'",
            code="bundle_rejected",
        )  # fmt: skip


def _run_checks(claim_id: str) -> None:
    """Run the checks as ``workbench import`` does; a check failure never fails the upload."""
    try:
        with get_db().session() as session:
            claim = session.scalar(select(Claim).where(Claim.claim_id == claim_id))
            get_engine().run(session, claim)
            session.commit()
    except Exception:
        current_app.logger.exception("checks of claim %s failed after its API import", claim_id)


def _import_json(outcome: ImportOutcome) -> dict[str, Any]:
    return {"action": outcome.action, "new_documents": list(outcome.new_versions)}


# --- read-outs ---------------------------------------------------------------------------------


@bp.get("/claims/<claim_id>")
def get_claim(claim_id: str):
    claim = _load_claim(claim_id)
    return jsonify(claim_json(claim, current_app.config["REVIEW_TEAM_SIGNATURE"]))


@bp.get("/claims/<claim_id>/checks")
def get_checks(claim_id: str):
    claim = _load_claim(claim_id)
    return jsonify(result_document(get_session(), claim))


def _load_claim(claim_id: str) -> Claim:
    claim = get_session().scalar(
        select(Claim)
        .where(Claim.claim_id == claim_id)
        .options(
            selectinload(Claim.engagement),
            selectinload(Claim.partner),
            selectinload(Claim.customer),
            selectinload(Claim.history),
            selectinload(Claim.comments),
            selectinload(Claim.documents).selectinload(Document.versions),
            selectinload(Claim.submittals).selectinload(Submittal.entries),
        )
    )
    if claim is None:
        raise ApiError(404, f"There is no claim {claim_id}.")
    return claim


def _at(moment) -> str | None:
    return moment.isoformat().replace("+00:00", "Z") if moment is not None else None


def claim_json(claim: Claim, team_signature: str) -> dict[str, Any]:
    """The partner's view of a claim: no reviewer names, no internal notes, no audit details."""

    def shown(kind: ActorKind, name: str) -> str:
        return team_signature if kind == ActorKind.REVIEWER else name

    latest = claim.latest_submittal
    current = {entry.document_version_id for entry in latest.entries} if latest else set()
    partner = claim.partner
    return {
        "claim_id": claim.claim_id,
        "claim_name": claim.claim_name,
        "engagement": {"id": claim.engagement.id, "name": claim.engagement.name},
        "status": claim.status.value,
        "is_dispute": claim.is_dispute,
        "submitted_at": _at(claim.submitted_at),
        "first_submitted_at": _at(claim.first_submitted_at),
        "partner": {
            "partner_id": partner.partner_id,
            "name": partner.name,
            "location": partner.location,
            "country": partner.country,
            "contact_name": claim.partner_contact_name,
            "contact_email": claim.partner_contact_email,
        },
        "customer": {"name": claim.customer.name, "country": claim.customer.country},
        "history": [
            {
                "at": _at(event.at),
                "action": event.action,
                "from_status": event.from_status.value if event.from_status else None,
                "to_status": event.to_status.value if event.to_status else None,
                "by": shown(event.actor_kind, event.actor_name),
            }
            for event in claim.history
        ],
        "comments": [
            {
                "at": _at(comment.at),
                "author": comment.author_kind.value,
                "by": shown(comment.author_kind, comment.author_name),
                "body": comment.body,
            }
            for comment in claim.comments
            if comment.visibility == Visibility.PARTNER
        ],
        "documents": [
            {
                "file": document.file_name,
                "kind": document.kind.value,
                "version": version.number,
                "sha256": version.sha256,
                "size": version.size_bytes,
                "content_type": version.content_type,
                "uploaded_at": _at(version.uploaded_at),
                "current": version.id in current,
            }
            for document in claim.documents
            for version in document.versions
        ],
    }
