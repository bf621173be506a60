"""Settings, the secret key, and the plain claims page behind a login."""

import os
import stat

from workbench import create_app


def test_settings_come_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("WORKBENCH_DATABASE_URL", f"sqlite:///{tmp_path / 'env.sqlite3'}")
    monkeypatch.setenv("WORKBENCH_MAX_DOCUMENT_BYTES", "1234567")
    monkeypatch.setenv("WORKBENCH_BLOB_DIR", str(tmp_path / "blobs"))
    app = create_app({"INSTANCE_PATH": tmp_path / "instance"})
    assert app.config["DATABASE_URL"].endswith("env.sqlite3")
    assert app.config["MAX_DOCUMENT_BYTES"] == 1234567
    assert app.config["BLOB_DIR"] == str(tmp_path / "blobs")


def test_defaults_live_in_the_instance_folder(tmp_path):
    app = create_app({"INSTANCE_PATH": tmp_path / "instance"})
    assert app.config["DATABASE_URL"] == f"sqlite:///{tmp_path / 'instance' / 'workbench.sqlite3'}"
    assert app.config["BLOB_DIR"] == str(tmp_path / "instance" / "blobs")
    assert app.config["MAX_DOCUMENT_BYTES"] == 50 * 1024 * 1024


def test_secret_key_is_generated_once_and_kept_private(tmp_path):
    first = create_app({"INSTANCE_PATH": tmp_path / "instance"}).config["SECRET_KEY"]
    second = create_app({"INSTANCE_PATH": tmp_path / "instance"}).config["SECRET_KEY"]
    other = create_app({"INSTANCE_PATH": tmp_path / "elsewhere"}).config["SECRET_KEY"]
    assert first == second != other
    assert len(first) == 64
    mode = os.stat(tmp_path / "instance" / "secret_key").st_mode
    assert stat.S_IMODE(mode) == 0o600


def test_secret_key_from_the_environment_wins(monkeypatch, tmp_path):
    monkeypatch.setenv("WORKBENCH_SECRET_KEY", "k" * 40)
    app = create_app({"INSTANCE_PATH": tmp_path / "instance"})
    assert app.config["SECRET_KEY"] == "k" * 40
    assert not (tmp_path / "instance" / "secret_key").exists()


def test_anonymous_visitor_is_sent_to_login(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/login")


def test_login_shows_claims_and_logout_ends_the_session(
    client, auth, make_user, session, tmp_path, app, catalog
):
    from workbench.db import get_db
    from workbench.domain.intake import import_folder
    from workbench.extensions import get_blobs
    from workbench.testing import write_bundle

    import_folder(get_db(app).sessionmaker, get_blobs(app), write_bundle(tmp_path / "b"),
                  max_document_bytes=10**7, source="test")  # fmt: skip
    make_user("rita", "reviewer", "Rita Reviewer")
    assert auth.login().status_code == 302
    page = client.get("/queue")
    text = page.get_data(as_text=True)
    assert page.status_code == 200
    assert "3000001" in text and "Enable Frontline Workshop" in text and "Submitted" in text
    assert "Rita Reviewer" in text

    token = auth.csrf_token("/")
    assert client.post("/logout", data={"csrf_token": token}).status_code == 302
    assert client.get("/queue").headers["Location"].startswith("/login")


def test_wrong_password_is_refused(client, auth, make_user):
    make_user("rita")
    response = auth.login(password="not-the-password")
    assert response.status_code == 401
    assert "Unknown username or wrong password." in response.get_data(as_text=True)
    assert client.get("/queue").headers["Location"].startswith("/login")


def test_login_without_csrf_token_is_refused(client, make_user):
    make_user("rita")
    response = client.post("/login", data={"username": "rita", "password": "test-password-123"})
    assert response.status_code == 400


def test_logout_ends_the_session_on_the_server(app, client, auth, make_user):
    make_user("rita")
    auth.login()
    stolen = client.get_cookie("session").value  # a copy of the cookie, e.g. from another tab
    token = auth.csrf_token("/")
    client.post("/logout", data={"csrf_token": token})

    replay = app.test_client()
    replay.set_cookie("session", stolen)
    assert replay.get("/queue").headers["Location"].startswith("/login")


def test_password_change_ends_other_sessions(app, client, auth, make_user):
    from tests.conftest import PASSWORD, AuthActions

    make_user("rita")
    other_browser = app.test_client()
    AuthActions(other_browser).login()
    assert other_browser.get("/queue").status_code == 200
    auth.login()

    token = auth.csrf_token("/account/password")
    response = client.post(
        "/account/password",
        data={"current": PASSWORD, "new": "a-brand-new-password", "confirm": "a-brand-new-password",
              "csrf_token": token},
    )  # fmt: skip
    assert response.status_code == 302
    assert client.get("/queue").status_code == 200  # this browser got a fresh session
    assert other_browser.get("/queue").status_code == 302
    assert AuthActions(other_browser).login(password="a-brand-new-password").status_code == 302


def test_password_change_needs_the_current_password(client, auth, make_user):
    make_user("rita")
    auth.login()
    token = auth.csrf_token("/account/password")
    response = client.post(
        "/account/password",
        data={"current": "wrong-password", "new": "a-brand-new-password",
              "confirm": "a-brand-new-password", "csrf_token": token},
    )  # fmt: skip
    assert response.status_code == 200
    assert "The current password is wrong." in response.get_data(as_text=True)


def test_every_route_needs_a_login_unless_public(app, client):
    """Deny by default: each route of the app, asked anonymously."""
    from workbench.web.access import PUBLIC_ENDPOINTS

    checked = 0
    for rule in app.url_map.iter_rules():
        if rule.endpoint in PUBLIC_ENDPOINTS or rule.endpoint.startswith("api."):
            continue
        url = rule.build({arg: "1" for arg in rule.arguments}, append_unknown=False)[1]
        method = "GET" if "GET" in rule.methods else sorted(rule.methods - {"OPTIONS"})[0]
        response = client.open(url, method=method)
        assert response.status_code in (302, 400), (rule.rule, response.status_code)
        if response.status_code == 302:
            assert response.headers["Location"].startswith("/login"), rule.rule
        checked += 1
    assert checked >= 3


def test_open_redirect_is_not_followed(client, auth, make_user):
    make_user("rita")
    token = auth.csrf_token()
    response = client.post(
        "/login?next=https://evil.example/",
        data={"username": "rita", "password": "test-password-123", "csrf_token": token},
    )
    assert response.headers["Location"] == "/queue"


def test_security_headers(client):
    response = client.get("/login")
    assert "default-src 'self'" in response.headers["Content-Security-Policy"]
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_check_workers_come_from_the_settings_and_are_validated(monkeypatch, tmp_path):
    import pytest

    from workbench.extensions import get_engine

    monkeypatch.setenv("WORKBENCH_CHECK_WORKERS", "3")
    app = create_app({"INSTANCE_PATH": tmp_path / "instance"})
    assert get_engine(app).sandbox.size == 3
    get_engine(app).close()
    for wrong in ("0", "two", "true"):
        monkeypatch.setenv("WORKBENCH_CHECK_WORKERS", wrong)
        with pytest.raises(ValueError, match="WORKBENCH_CHECK_WORKERS must be a positive integer"):
            create_app({"INSTANCE_PATH": tmp_path / "instance"})
