"""Every page, asked by each role: reviewers, leads and admins all work claims; nothing breaks."""

import pytest
from sqlalchemy import select

from tests.conftest import AuthActions
from workbench.db import get_db
from workbench.domain.intake import import_folder
from workbench.models import DocumentVersion
from workbench.testing import write_bundle

ROLES = ["reviewer", "lead", "admin"]


@pytest.fixture
def claim_pages(app, session, blobs, catalog, tmp_path):
    import_folder(get_db(app).sessionmaker, blobs, write_bundle(tmp_path / "b"),
                  max_document_bytes=10**7, source="t")  # fmt: skip
    version = session.scalars(select(DocumentVersion)).first()
    return {"claim_id": "3000001", "version_id": version.id}


def get_routes(app, values):
    """Every GET route of the web UI (not the token API), with real values for its arguments."""
    for rule in app.url_map.iter_rules():
        if "GET" not in rule.methods or rule.endpoint.startswith(("api.", "static")):
            continue
        if rule.endpoint == "claim.inline_pdf":  # only for PDFs; covered by the claim page tests
            continue
        yield (
            rule.endpoint,
            rule.build({k: values[k] for k in rule.arguments}, append_unknown=False)[1],
        )


@pytest.mark.parametrize("role", ROLES)
def test_each_role_can_open_every_page(app, make_user, claim_pages, role):
    make_user(f"user-{role}", role)
    client = app.test_client()
    AuthActions(client).login(f"user-{role}")
    seen = []
    for endpoint, url in get_routes(app, claim_pages):
        response = client.get(url)
        assert response.status_code in (200, 302), (endpoint, url, response.status_code)
        if response.status_code == 302:
            assert not response.headers["Location"].startswith("/login"), (endpoint, url)
        response.close()
        seen.append(endpoint)
    assert {"queue.index", "claim.detail", "claim.preview", "claim.download"} <= set(seen)


def test_the_claim_page_offers_the_shortcut_help(app, make_user, claim_pages):
    make_user("rita", "reviewer")
    client = app.test_client()
    AuthActions(client).login("rita")
    page = client.get("/claims/3000001").get_data(as_text=True)
    assert 'id="shortcut-help"' in page and 'data-shortcut="n"' in page
