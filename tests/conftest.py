"""Fixtures: a real, freshly migrated database per test, the app, and its clients.

Set WORKBENCH_TEST_DATABASE_URL to a PostgreSQL URL (a database the test user
may CREATE DATABASE from) to run the same tests on PostgreSQL; otherwise they
run on SQLite files.
"""

from __future__ import annotations

import os
import re
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from workbench import create_app
from workbench.db import get_db
from workbench.domain.catalog import default_catalog_path, load_catalog
from workbench.domain.users import create_user
from workbench.extensions import get_blobs
from workbench.schema import upgrade_to_head

REPO = Path(__file__).resolve().parents[1]
SAMPLE_POE = REPO / "sample_poe"
PASSWORD = "test-password-123"
POSTGRES_URL = os.environ.get("WORKBENCH_TEST_DATABASE_URL")


@pytest.fixture(autouse=True)
def _isolated_environment(monkeypatch):
    """Keep a developer's WORKBENCH_* settings out of the tests."""
    for name in list(os.environ):
        if name.startswith("WORKBENCH_") and name != "WORKBENCH_TEST_DATABASE_URL":
            monkeypatch.delenv(name)


class _SQLiteTemplates:
    def __init__(self, root: Path) -> None:
        self.template = root / "template.sqlite3"
        engine = create_engine(f"sqlite:///{self.template}")
        upgrade_to_head(engine)
        engine.dispose()

    def fresh(self, tmp_path: Path) -> Iterator[str]:
        target = tmp_path / "workbench.sqlite3"
        shutil.copyfile(self.template, target)
        yield f"sqlite:///{target}"


class _PostgresTemplates:
    """Migrate once into a template database, then clone it for every test (fast)."""

    def __init__(self, url: str) -> None:
        self.base = make_url(url)
        self.admin = create_engine(self.base.set(database="postgres"), isolation_level="AUTOCOMMIT")
        self.template_name = f"wb_template_{uuid.uuid4().hex[:8]}"
        with self.admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{self.template_name}"'))
        engine = create_engine(self.base.set(database=self.template_name))
        upgrade_to_head(engine)
        engine.dispose()

    def fresh(self, tmp_path: Path) -> Iterator[str]:
        name = f"wb_test_{uuid.uuid4().hex[:12]}"
        with self.admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{self.template_name}"'))
        try:
            yield self.base.set(database=name).render_as_string(hide_password=False)
        finally:
            with self.admin.connect() as connection:
                connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))

    def close(self) -> None:
        with self.admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{self.template_name}" WITH (FORCE)'))
        self.admin.dispose()


@pytest.fixture(scope="session")
def database_templates(tmp_path_factory):
    if POSTGRES_URL:
        templates = _PostgresTemplates(POSTGRES_URL)
        yield templates
        templates.close()
    else:
        yield _SQLiteTemplates(tmp_path_factory.mktemp("template"))


@pytest.fixture
def database_url(database_templates, tmp_path) -> Iterator[str]:
    yield from database_templates.fresh(tmp_path)


@pytest.fixture
def app(database_url, tmp_path):
    app = create_app(
        {
            "TESTING": True,
            "INSTANCE_PATH": tmp_path / "instance",
            "DATABASE_URL": database_url,
            "SECRET_KEY": "tests-only-secret-key-0123456789",
            "MAX_DOCUMENT_BYTES": 5 * 1024 * 1024,
        }
    )
    yield app
    get_db(app).engine.dispose()


@pytest.fixture
def session(app) -> Iterator[Session]:
    with get_db(app).session() as session:
        yield session


@pytest.fixture
def catalog(app, session):
    load_catalog(session, default_catalog_path(), get_blobs(app))
    session.commit()


@pytest.fixture
def blobs(app):
    return get_blobs(app)


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture
def make_user(app, session):
    def make(username: str = "rita", role: str = "reviewer", name: str | None = None):
        user = create_user(session, username, role, PASSWORD, display_name=name or username.title())
        session.commit()
        return user

    return make


CSRF_FIELD = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"')


class AuthActions:
    def __init__(self, client) -> None:
        self.client = client

    def csrf_token(self, path: str = "/login") -> str:
        page = self.client.get(path, follow_redirects=True).get_data(as_text=True)
        match = CSRF_FIELD.search(page) or re.search(r'name="csrf_token" value="([^"]+)"', page)
        assert match, f"no CSRF token on {path}"
        return match.group(1)

    def login(self, username: str = "rita", password: str = PASSWORD):
        token = self.csrf_token()
        return self.client.post(
            "/login", data={"username": username, "password": password, "csrf_token": token}
        )


@pytest.fixture
def auth(client) -> AuthActions:
    return AuthActions(client)


def table_counts(session: Session) -> dict[str, int]:
    """Row counts of every table: a fingerprint of 'nothing changed'."""
    from workbench.models import Base

    return {
        name: session.execute(text(f'SELECT COUNT(*) FROM "{name}"')).scalar_one()
        for name in sorted(Base.metadata.tables)
    }
