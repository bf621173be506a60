"""The partner-side JSON API (CONTRACT section 5) and its tokens, through real HTTP requests."""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select, text
from werkzeug.datastructures import FileStorage
from werkzeug.test import encode_multipart

from workbench.domain import api_tokens, decisions
from workbench.domain.enums import ActorKind, ClaimStatus, DecisionOutcome, Visibility
from workbench.models import ApiToken, Claim, Comment
from workbench.testing import docx_document, write_bundle, xlsx_document

from .conftest import table_counts

URL = "/api/v1/claims"
SIGNATURE = "Workshops - POE Validation Team"
REQUIRED_CHECKS = {
    "completeness", "file-types", "invoice-claim-id", "invoice-amount", "invoice-partner-name",
    "language", "psd", "survey-signature", "duplicate-poe",
}  # fmt: skip


@pytest.fixture
def token(app, session) -> str:
    _row, plaintext = api_tokens.create_token(session, "Partner Center sync")
    session.commit()
    return plaintext


@pytest.fixture
def auth_headers(token) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


@pytest.fixture
def upload(client, auth_headers, catalog):
    """POST a bundle folder the way a partner system would: every file read back in."""

    def send(folder: Path, *, claim_as: str = "file", extra: dict | None = None, headers=None):
        data: dict = {}
        claim_bytes = (folder / "claim.json").read_bytes()
        if claim_as == "file":
            data["claim.json"] = (io.BytesIO(claim_bytes), "claim.json", "application/json")
        else:
            data["claim"] = claim_bytes.decode("utf-8")
        data["documents"] = [
            (io.BytesIO(path.read_bytes()), path.name)
            for path in sorted(folder.iterdir())
            if path.name != "claim.json"
        ]
        data.update(extra or {})
        return client.post(
            URL, data=data, headers=headers or auth_headers, content_type="multipart/form-data"
        )

    return send


@pytest.fixture
def reviewer(make_user):
    return make_user("rita", "reviewer", "Rita Reviewer")


def load_claim(session, claim_id="3000001") -> Claim:
    session.expire_all()
    return session.scalar(select(Claim).where(Claim.claim_id == claim_id))


def decide(session, reviewer, outcome, comment, at=datetime(2026, 10, 25, 9, tzinfo=UTC)):
    claim = load_claim(session)
    decisions.pick_up(session, claim, reviewer, at=at)
    decisions.decide(session, claim, outcome, reviewer, at=at, comment=comment)
    session.commit()


def assert_error(response, status: int, code: str, *, contains: str = "") -> dict:
    assert response.status_code == status, response.get_data(as_text=True)
    assert response.mimetype == "application/json"
    error = response.get_json()["error"]
    assert error["code"] == code
    assert contains in error["message"]
    return error


# --- tokens ------------------------------------------------------------------------------------


def test_token_domain_stores_only_the_hash(session):
    row, plaintext = api_tokens.create_token(session, "  Partner Center sync  ")
    session.commit()
    assert plaintext.startswith("wbt_") and len(plaintext) > 40
    assert row.name == "Partner Center sync"
    assert row.token_hash == api_tokens.hash_token(plaintext) != plaintext
    assert row.prefix == plaintext[:12]
    stored = session.execute(text("SELECT * FROM api_tokens")).one()
    assert all(plaintext not in str(value) for value in stored)

    assert row.last_used_at is None
    assert api_tokens.authenticate(session, plaintext) is row
    assert row.last_used_at is not None
    assert api_tokens.authenticate(session, plaintext + "x") is None
    assert api_tokens.authenticate(session, "") is None
    assert api_tokens.authenticate(session, "x" * 10_000) is None

    other, _ = api_tokens.create_token(session, "another system")
    assert [t.name for t in api_tokens.list_tokens(session)] == ["Partner Center sync", other.name]
    api_tokens.revoke(session, row.id)
    revoked_at = row.revoked_at
    assert revoked_at is not None
    assert api_tokens.authenticate(session, plaintext) is None
    assert api_tokens.revoke(session, row.id).revoked_at == revoked_at  # revoking twice: no-op
    with pytest.raises(api_tokens.TokenInvalid, match="no API token with id 999"):
        api_tokens.revoke(session, 999)
    with pytest.raises(api_tokens.TokenInvalid, match="needs a name"):
        api_tokens.create_token(session, "   ")


def test_token_cli_create_list_revoke(runner, session, client):
    created = runner.invoke(args=["api-token", "create", "Partner Center sync"])
    assert created.exit_code == 0, created.output
    plaintext = created.stdout.strip()
    assert plaintext.startswith("wbt_") and "\n" not in plaintext
    assert "will not be shown again" in created.stderr

    row = session.scalar(select(ApiToken))
    assert row.token_hash == api_tokens.hash_token(plaintext)
    dumped = json.dumps([str(v) for v in session.execute(text("SELECT * FROM api_tokens")).one()])
    assert plaintext not in dumped

    headers = {"Authorization": f"Bearer {plaintext}"}
    assert client.get(f"{URL}/nope", headers=headers).status_code == 404  # accepted, no claim

    listed = runner.invoke(args=["api-token", "list"])
    assert listed.exit_code == 0
    assert "Partner Center sync" in listed.output and row.prefix in listed.output
    assert plaintext not in listed.output

    revoked = runner.invoke(args=["api-token", "revoke", str(row.id)])
    assert revoked.exit_code == 0 and "is revoked" in revoked.output
    assert_error(client.get(f"{URL}/nope", headers=headers), 401, "unauthorized",
                 contains="revoked")  # fmt: skip

    missing = runner.invoke(args=["api-token", "revoke", "999"])
    assert missing.exit_code != 0 and "no API token with id 999" in missing.output
    empty = runner.invoke(args=["api-token", "create", " "])
    assert empty.exit_code != 0 and "needs a name" in empty.output


# --- intake ------------------------------------------------------------------------------------


def test_upload_creates_the_claim_and_runs_the_checks(upload, tmp_path, session):
    response = upload(write_bundle(tmp_path / "b1"))

    assert response.status_code == 201, response.get_data(as_text=True)
    assert response.headers["Location"] == f"{URL}/3000001"
    body = response.get_json()
    assert body["import"] == {
        "action": "created",
        "new_documents": ["invoice.docx", "workshop-report.pptx"],
    }
    assert body["claim_id"] == "3000001"
    assert body["engagement"] == {
        "id": "enable-frontline-workshop",
        "name": load_claim(session).engagement.name,
    }
    assert body["status"] == "Submitted" and body["is_dispute"] is False
    assert body["submitted_at"] == "2026-10-20T10:37:00Z"
    assert body["partner"]["partner_id"] == "5272302"
    assert body["customer"] == {"name": "Contoso Ltd", "country": "US"}
    assert [(h["action"], h["to_status"], h["by"]) for h in body["history"]] == [
        ("Submission", "Submitted", "Priya Kaur"),
        ("Document submission", "Submitted", "Priya Kaur"),
    ]
    documents = {d["file"]: d for d in body["documents"]}
    assert set(documents) == {"invoice.docx", "workshop-report.pptx"}
    invoice = documents["invoice.docx"]
    assert invoice["kind"] == "invoice" and invoice["version"] == 1
    assert invoice["content_type"] == "docx" and invoice["current"] is True
    assert invoice["size"] == (tmp_path / "b1" / "invoice.docx").stat().st_size
    assert len(invoice["sha256"]) == 64 and invoice["uploaded_at"].endswith("Z")

    claim = load_claim(session)
    assert claim.latest_submittal.source == "api"
    assert {r.check_id for r in claim.check_results} >= REQUIRED_CHECKS


def test_the_same_bundle_twice_is_unchanged(upload, tmp_path, session):
    folder = write_bundle(tmp_path / "b1")
    assert upload(folder).status_code == 201
    before = table_counts(session)
    again = upload(folder)
    assert again.status_code == 200
    assert again.get_json()["import"] == {"action": "unchanged", "new_documents": []}
    assert table_counts(session) == before


def test_claim_json_as_a_form_field_and_file_names_with_spaces(upload, tmp_path):
    folder = write_bundle(
        tmp_path / "b1",
        documents=[
            docx_document("Facture n° 12.docx", ["Claim ID: 3000001", "$5,000.00 USD"],
                          kind="invoice"),
            docx_document("RE Copilot workshop - sign-off.docx", ["Workshop sign-off"]),
        ],
    )  # fmt: skip
    response = upload(folder, claim_as="field")
    assert response.status_code == 201, response.get_data(as_text=True)
    assert sorted(d["file"] for d in response.get_json()["documents"]) == [
        "Facture n° 12.docx",
        "RE Copilot workshop - sign-off.docx",
    ]


def test_resubmittal_after_action_required(upload, tmp_path, session, reviewer):
    assert upload(write_bundle(tmp_path / "v1")).status_code == 201
    decide(session, reviewer, DecisionOutcome.REQUEST_ACTION, "Please fix the invoice total.")
    v2 = write_bundle(
        tmp_path / "v2",
        submitted_at="2026-10-28T09:00:00Z",
        documents=[
            docx_document(
                "invoice.docx", ["Claim ID: 3000001", "Total $5,000.00 USD"], kind="invoice"
            ),
            xlsx_document("attendees.xlsx", [["Name", "Title"], ["Susie Jones", "IT Admin"]]),
        ],
        comments=[
            {"author": "partner", "at": "2026-10-28T08:59:00Z", "body": "Invoice corrected."}
        ],
    )
    response = upload(v2)

    assert response.status_code == 201, response.get_data(as_text=True)
    body = response.get_json()
    assert body["import"] == {
        "action": "resubmitted",
        "new_documents": ["invoice.docx (v2)", "attendees.xlsx"],
    }
    assert body["status"] == "Submitted"
    versions = sorted((d["file"], d["version"], d["current"]) for d in body["documents"])
    assert versions == [
        ("attendees.xlsx", 1, True),
        ("invoice.docx", 1, False),
        ("invoice.docx", 2, True),
        ("workshop-report.pptx", 1, False),
    ]
    assert load_claim(session).status == ClaimStatus.SUBMITTED


def test_dispute_of_a_rejection(upload, tmp_path, session, reviewer):
    assert upload(write_bundle(tmp_path / "v1")).status_code == 201
    decide(session, reviewer, DecisionOutcome.REJECT, "The customer is a partner affiliate.")
    dispute = write_bundle(
        tmp_path / "dispute", is_dispute=True, submitted_at="2026-11-10T09:00:00Z",
        comments=[{"author": "partner", "at": "2026-11-10T08:00:00Z",
                   "body": "Contoso is not our affiliate."}],
    )  # fmt: skip
    response = upload(dispute)
    assert response.status_code == 201, response.get_data(as_text=True)
    body = response.get_json()
    assert body["import"]["action"] == "disputed"
    assert body["status"] == "Submitted" and body["is_dispute"] is True
    assert [h["action"] for h in body["history"]][-3:] == [
        "Dispute",
        "Dispute submission",
        "Document submission",
    ]


def test_a_refused_resubmittal_keeps_nothing(upload, tmp_path, session, blobs):
    assert upload(write_bundle(tmp_path / "v1")).status_code == 201
    before, before_blobs = table_counts(session), blobs.all_digests()
    response = upload(write_bundle(tmp_path / "v2", claim_name="Contoso - second try"))
    assert_error(response, 422, "bundle_rejected",
                 contains="a resubmittal is accepted only while it is Action required")  # fmt: skip
    assert table_counts(session) == before
    assert blobs.all_digests() == before_blobs


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ({"engagement_id": "no-such-engagement"}, "engagement_id 'no-such-engagement' is not"),
        ({"status": "Approved"}, "only 'Submitted' bundles can be imported"),
        ({"customer": {"country": "XX"}}, "customer.country 'XX' is not an ISO 3166-1"),
        ({"documents": "none"}, "documents must list at least one document"),
    ],
)
def test_bad_bundles_are_refused_whole(upload, tmp_path, session, change, problem):
    folder = write_bundle(tmp_path / "b1")
    claim = json.loads((folder / "claim.json").read_text())
    for key, value in change.items():
        claim[key] = {**claim[key], **value} if isinstance(value, dict) else value
    (folder / "claim.json").write_text(json.dumps(claim))
    before = table_counts(session)
    assert_error(upload(folder), 422, "bundle_rejected", contains=problem)
    assert table_counts(session) == before


def test_a_listed_file_missing_and_an_unlisted_file(upload, tmp_path, session):
    folder = write_bundle(tmp_path / "b1")
    (folder / "workshop-report.pptx").rename(tmp_path / "elsewhere.pptx")
    assert_error(upload(folder), 422, "bundle_rejected",
                 contains="workshop-report.pptx: listed in claim.json but missing")  # fmt: skip

    folder = write_bundle(tmp_path / "b2")
    (folder / "extra.pdf").write_bytes(b"%PDF-1.4 not listed")
    assert_error(upload(folder), 422, "bundle_rejected",
                 contains="extra.pdf: uploaded but not listed in claim.json")  # fmt: skip
    assert load_claim(session) is None


def test_a_document_over_the_size_limit(app, upload, tmp_path):
    app.config["MAX_DOCUMENT_BYTES"] = 1000
    assert_error(upload(write_bundle(tmp_path / "b1")), 422, "bundle_rejected",
                 contains="over the 1,000-byte limit per document")  # fmt: skip


# --- read-outs ---------------------------------------------------------------------------------


def test_get_claim_hides_reviewers_and_internal_notes(
    client, auth_headers, upload, tmp_path, session, reviewer
):
    assert upload(write_bundle(tmp_path / "v1")).status_code == 201
    decide(session, reviewer, DecisionOutcome.REQUEST_ACTION, "Please fix the invoice total.")
    claim = load_claim(session)
    session.add(
        Comment(
            claim=claim, at=datetime(2026, 10, 25, 10, tzinfo=UTC),
            author_kind=ActorKind.REVIEWER, author_user_id=reviewer.id,
            author_name=reviewer.display_name, body="Internal: their invoices were off before.",
            visibility=Visibility.INTERNAL,
        )
    )  # fmt: skip
    session.commit()

    response = client.get(f"{URL}/3000001", headers=auth_headers)

    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"
    body = response.get_json()
    assert body["status"] == "Action required"
    assert body["comments"] == [
        {
            "at": "2026-10-25T09:00:00Z",
            "author": "reviewer",
            "by": SIGNATURE,
            "body": "Please fix the invoice total.",
        }
    ]
    assert [(h["action"], h["from_status"], h["to_status"], h["by"]) for h in body["history"]][
        -2:
    ] == [
        ("Set under review", "Submitted", "Under review", SIGNATURE),
        ("Action required", "Under review", "Action required", SIGNATURE),
    ]
    raw = response.get_data(as_text=True)
    assert "Rita" not in raw and "rita" not in raw
    assert "Internal:" not in raw


def test_get_checks_returns_the_result_document(client, auth_headers, upload, tmp_path):
    assert upload(write_bundle(tmp_path / "b1")).status_code == 201
    response = client.get(f"{URL}/3000001/checks", headers=auth_headers)
    assert response.status_code == 200
    document = response.get_json()
    assert document["claim_id"] == "3000001"
    assert {r["check"] for r in document["results"]} >= REQUIRED_CHECKS
    for result in document["results"]:
        assert result["status"] in {"pass", "fail", "warn", "error", "skip"}
        assert isinstance(result["version"], str) and isinstance(result["message"], str)
        for piece in result["evidence"]:
            assert {"document", "location", "excerpt"} <= set(piece)
    by_id = {r["check"]: r for r in document["results"]}
    assert by_id["psd"]["status"] == "skip"  # Contoso is not public sector


def test_a_check_failure_never_fails_the_upload(upload, tmp_path, monkeypatch, session):
    from workbench.engine.runner import Engine

    def broken(*_args, **_kwargs):
        raise RuntimeError("a check blew up")

    monkeypatch.setattr(Engine, "run", broken)
    response = upload(write_bundle(tmp_path / "b1"))
    assert response.status_code == 201
    assert load_claim(session).status == ClaimStatus.SUBMITTED


# --- errors: every one JSON, never a 500 ------------------------------------------------------


@pytest.mark.parametrize(
    ("headers", "contains"),
    [
        ({}, "Authorization: Bearer"),
        ({"Authorization": "Basic dXNlcjpwYXNz"}, "Authorization: Bearer"),
        ({"Authorization": "Bearer "}, "Authorization: Bearer"),
        ({"Authorization": "Bearer wbt_not-a-real-token"}, "unknown or has been revoked"),
    ],
)
def test_401_without_a_valid_token(client, catalog, headers, contains):
    for method, url in (("GET", f"{URL}/3000001"), ("GET", f"{URL}/3000001/checks"),
                        ("POST", URL)):  # fmt: skip
        response = client.open(url, method=method, headers=headers)
        assert_error(response, 401, "unauthorized", contains=contains)
        assert response.headers["WWW-Authenticate"].startswith('Bearer realm="workbench"')


def test_401_for_a_revoked_token(client, session, token, auth_headers):
    assert client.get(f"{URL}/nope", headers=auth_headers).status_code == 404
    row = session.scalar(select(ApiToken))
    api_tokens.revoke(session, row.id)
    session.commit()
    response = client.get(f"{URL}/nope", headers=auth_headers)
    assert_error(response, 401, "unauthorized", contains="revoked")
    assert 'error="invalid_token"' in response.headers["WWW-Authenticate"]


def test_the_api_needs_no_csrf_token_and_no_login(upload, tmp_path):
    # CSRF protection is on for the app (not disabled in the tests); the API is exempt.
    assert upload(write_bundle(tmp_path / "b1")).status_code == 201


def test_404(client, auth_headers):
    assert_error(client.get(f"{URL}/9999999", headers=auth_headers), 404, "not_found",
                 contains="There is no claim 9999999")  # fmt: skip
    assert_error(client.get(f"{URL}/9999999/checks", headers=auth_headers), 404, "not_found")
    assert_error(client.get("/api/v1/nothing/here", headers=auth_headers), 404, "not_found")
    assert_error(client.get("/api/v1", headers=auth_headers), 404, "not_found")
    # Outside the API a 404 stays an ordinary page.
    page = client.get("/no-such-page")
    assert page.status_code == 404 and page.mimetype == "text/html"


def test_405(client, auth_headers):
    response = client.get(URL, headers=auth_headers)
    assert_error(response, 405, "method_not_allowed")
    assert "POST" in response.headers["Allow"]
    assert_error(client.delete(f"{URL}/3000001", headers=auth_headers), 405, "method_not_allowed")
    assert_error(client.put(f"{URL}/3000001/checks", headers=auth_headers), 405,
                 "method_not_allowed")  # fmt: skip


def test_413_over_the_request_size_limit(app, upload, tmp_path, session):
    app.config["MAX_CONTENT_LENGTH"] = 10_000
    before = table_counts(session)
    assert_error(upload(write_bundle(tmp_path / "b1")), 413, "too_large")
    assert table_counts(session) == before


@pytest.mark.parametrize(
    ("content_type", "data"),
    [
        ("application/json", json.dumps({"claim_id": "3000001"})),
        ("application/x-www-form-urlencoded", "claim=%7B%7D"),
        ("text/plain", "hello"),
        (None, b""),
    ],
)
def test_415_for_anything_but_multipart(client, auth_headers, content_type, data):
    response = client.post(URL, data=data, content_type=content_type, headers=auth_headers)
    assert_error(response, 415, "unsupported_media_type", contains="multipart/form-data")


def _claim_part(raw: bytes):
    return {"claim.json": (io.BytesIO(raw), "claim.json", "application/json")}


@pytest.mark.parametrize(
    ("data", "contains"),
    [
        ({}, "claim.json is missing"),
        ({"other": "field"}, "claim.json is missing"),
        (_claim_part(b'{"claim_id": "3000001",'), "claim.json is not valid JSON"),
        (_claim_part(b"\xff\xfe{}"), "claim.json is not UTF-8 text"),
        (_claim_part(b"[" * 100_000 + b"]" * 100_000), "nested too deeply"),
        (_claim_part(b"[" * 50 + b"]" * 50), "nested more than 32 levels deep"),
        (
            {"claim": '{"a": 1}', **_claim_part(b'{"a": 1}')},
            "claim.json was sent more than once",
        ),
        (
            {**_claim_part(b"{}"), "documents": [(io.BytesIO(b"x"), "../../etc/passwd")]},
            "may not contain a path",
        ),
        (
            {**_claim_part(b"{}"), "documents": [(io.BytesIO(b"x"), ".hidden.pdf")]},
            "starts with a dot",
        ),
        (
            {**_claim_part(b"{}"), "documents": [(io.BytesIO(b"x"), "in\x01voice.pdf")]},
            "control characters",
        ),
        (
            {**_claim_part(b"{}"),
             "documents": [(io.BytesIO(b"x"), "a.pdf"), (io.BytesIO(b"y"), "a.pdf")]},
            "a.pdf: uploaded twice",
        ),
    ],
)  # fmt: skip
def test_400_malformed_uploads(client, auth_headers, session, data, contains):
    before = table_counts(session)
    response = client.post(URL, data=data, headers=auth_headers, content_type="multipart/form-data")
    assert_error(response, 400, "bad_request", contains=contains)
    assert table_counts(session) == before


def _multipart(boundary: str = "XyZ", document: str | None = None) -> bytes:
    """A hand-made multipart body (the test client quotes file names its own way)."""
    parts = [
        'Content-Disposition: form-data; name="claim.json"; filename="claim.json"\r\n'
        'Content-Type: application/json\r\n\r\n{"claim_id": "3000001"}\r\n'
    ]
    if document is not None:
        parts.append(
            f'Content-Disposition: form-data; name="documents"; filename="{document}"\r\n'
            "Content-Type: application/pdf\r\n\r\n%PDF-1.4\r\n"
        )
    return "".join(f"--{boundary}\r\n{part}" for part in parts).encode() + (
        f"--{boundary}--\r\n".encode()
    )


@pytest.mark.parametrize(
    # Backslashes escaped as a quoted-string needs them: the parser sees dir\evil.pdf.
    "document",
    ["dir\\\\evil.pdf", "C:\\\\Users\\\\x\\\\invoice.pdf", "../evil.pdf"],
)
def test_400_for_a_document_name_with_a_path(client, auth_headers, document):
    response = client.post(URL, data=_multipart(document=document), headers=auth_headers,
                           content_type="multipart/form-data; boundary=XyZ")  # fmt: skip
    assert_error(response, 400, "bad_request", contains="may not contain a path")


def test_400_truncated_and_broken_bodies(client, auth_headers):
    body = _multipart()
    multipart = "multipart/form-data; boundary=XyZ"

    # The body ends before its Content-Length says it does.
    truncated = client.post(URL, data=body[:60], content_type=multipart,
                            headers={**auth_headers, "Content-Length": str(len(body))})  # fmt: skip
    assert_error(truncated, 400, "bad_request")

    # The closing boundary never comes.
    cut = client.post(URL, data=body[:-12], content_type=multipart, headers=auth_headers)
    assert_error(cut, 400, "bad_request", contains="malformed")

    # No boundary at all.
    unbounded = client.post(URL, data=body, content_type="multipart/form-data",
                            headers=auth_headers)  # fmt: skip
    assert_error(unbounded, 400, "bad_request", contains="malformed")

    # A boundary that the body does not use.
    garbage = client.post(URL, data=b"\x00\x01 not multipart at all", content_type=multipart,
                          headers=auth_headers)  # fmt: skip
    assert_error(garbage, 400, "bad_request")

    # The well-formed version of the same body gets as far as the bundle check.
    whole = client.post(URL, data=body, content_type=multipart, headers=auth_headers)
    assert_error(whole, 422, "bundle_rejected")


def test_an_oversized_claim_json_is_refused(client, auth_headers):
    big = b'{"pad": "' + b"x" * (2 * 1024 * 1024) + b'"}'
    # Encoded here: the test client would spool so big a body to a file it never closes.
    boundary, body = encode_multipart(
        {"claim.json": FileStorage(io.BytesIO(big), "claim.json", content_type="application/json")}
    )
    response = client.post(URL, data=body, headers=auth_headers,
                           content_type=f"multipart/form-data; boundary={boundary}")  # fmt: skip
    assert_error(response, 422, "bundle_rejected", contains="claim.json is larger than")


def test_400_for_a_body_cut_short_on_a_real_connection(app, token):
    """Over a socket, as a partner's flaky network would: the body stops before its length."""
    import socket
    import threading

    from werkzeug.serving import make_server

    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    body = _multipart()[:70]
    head = (
        f"POST {URL} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {token}\r\n"
        "Content-Type: multipart/form-data; boundary=XyZ\r\n"
        f"Content-Length: {len(body) + 500}\r\nConnection: close\r\n\r\n"
    )
    try:
        with socket.create_connection(("127.0.0.1", server.server_port), timeout=30) as sock:
            sock.sendall(head.encode() + body)
            sock.shutdown(socket.SHUT_WR)
            answer = b""
            while chunk := sock.recv(65536):
                answer += chunk
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
    status_line, _, rest = answer.partition(b"\r\n")
    assert status_line.split()[1] == b"400"
    error = json.loads(rest.partition(b"\r\n\r\n")[2])["error"]
    assert error["code"] == "bad_request" and "cut short" in error["message"]


def test_409_when_the_claim_changes_during_the_import(upload, tmp_path, monkeypatch):
    from sqlalchemy.orm.exc import StaleDataError

    from workbench.web import api

    def stale(*_args, **_kwargs):
        raise StaleDataError("UPDATE statement on table 'claims' expected to update 1 row")

    monkeypatch.setattr(api, "import_folder", stale)
    assert_error(upload(write_bundle(tmp_path / "b1")), 409, "conflict", contains="send it again")
