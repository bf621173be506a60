"""The claim page and the decisions made on it, through the web layer."""

import re

import pytest
from sqlalchemy import select

from tests.conftest import AuthActions
from workbench.db import get_db
from workbench.domain.enums import ClaimStatus
from workbench.domain.intake import import_folder
from workbench.extensions import get_engine
from workbench.models import Claim, Comment, Decision
from workbench.testing import docx_document, write_bundle


@pytest.fixture
def claim_id(app, session, blobs, catalog, tmp_path):
    """A claim whose invoice has the wrong amount (invoice-amount fails, blocking)."""
    folder = write_bundle(
        tmp_path / "b",
        documents=[
            docx_document(
                "invoice.docx",
                ["INVOICE INV-7", "Claim ID: 3000001", "FridayINC Inc.", "Bill to: Contoso Ltd"],
                table=[["Description", "Amount"], ["Enable Frontline Workshop", "$4,000.00 USD"]],
                kind="invoice",
            ),
            docx_document(
                "report.docx",
                [
                    "Executive Summary",
                    "Contoso Ltd held an Enable Frontline workshop with "
                    "FridayINC on 2 October 2026 for store managers and IT staff.",
                ]
                * 5,
            ),
        ],
    )
    import_folder(get_db(app).sessionmaker, blobs, folder, max_document_bytes=10**7, source="t")
    claim = session.scalar(select(Claim))
    get_engine(app).run(session, claim)
    session.commit()
    return "3000001"


@pytest.fixture
def reviewer(make_user, auth):
    make_user("rita", "reviewer", "Rita Reviewer")
    auth.login("rita")
    return auth


def form_token(page: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)


def version_of(page: str) -> str:
    return re.search(r'name="version" value="(\d+)"', page).group(1)


def post(client, url, page, **data):
    return client.post(url, data={"csrf_token": form_token(page), **data}, follow_redirects=True)


def load(session, claim_id="3000001"):
    session.rollback()  # end the read transaction: see what the requests committed
    return session.scalar(select(Claim).where(Claim.claim_id == claim_id))


def test_the_page_shows_the_claim_checks_and_documents(client, reviewer, claim_id):
    page = client.get(f"/claims/{claim_id}").get_data(as_text=True)
    assert "3000001 · Contoso - Enable Frontline" in page
    assert "Enable Frontline Workshop" in page and "market A" in page
    assert "Invoice shows $4,000.00 USD" in page  # the failed invoice-amount check
    assert "invoice.docx" in page and "report.docx" in page
    assert "Susie Jones, Contoso Ltd, IT Systems Administrator" in page
    assert "Pick up (set Under review)" in page


def test_unknown_claim_is_404(client, reviewer, claim_id):
    assert client.get("/claims/9999999").status_code == 404


def test_pick_up_then_request_action_with_the_prefilled_comment(
    client, reviewer, claim_id, session
):
    page = client.get(f"/claims/{claim_id}").get_data(as_text=True)
    page = post(client, f"/claims/{claim_id}/pick-up", page, version=version_of(page)).get_data(
        as_text=True
    )
    assert "is now Under review, assigned to you" in page
    assert load(session).status == ClaimStatus.UNDER_REVIEW

    prefilled = re.search(
        r'<textarea id="decision-comment"[^>]*>(.*?)</textarea>', page, re.S
    ).group(1)
    assert "The invoice amount does not match the payout" in prefilled
    assert prefilled.rstrip().endswith("Workshops - POE Validation Team")
    result = post(
        client, f"/claims/{claim_id}/decision", page,
        outcome="request_action", comment=prefilled, version=version_of(page),
    ).get_data(as_text=True)  # fmt: skip

    assert "Claim 3000001: Action required." in result
    claim = load(session)
    assert claim.status == ClaimStatus.ACTION_REQUIRED
    comment = session.scalar(select(Comment).where(Comment.visibility == "partner"))
    assert "does not match the payout" in comment.body


def test_approving_over_a_failed_blocking_check_needs_an_override(
    client, reviewer, claim_id, session
):
    page = client.get(f"/claims/{claim_id}").get_data(as_text=True)
    page = post(client, f"/claims/{claim_id}/pick-up", page, version=version_of(page)).get_data(
        as_text=True
    )
    refused = post(client, f"/claims/{claim_id}/decision", page, outcome="approve",
                   version=version_of(page)).get_data(as_text=True)  # fmt: skip
    assert "needs an override reason" in refused
    assert load(session).status == ClaimStatus.UNDER_REVIEW

    approved = post(
        client, f"/claims/{claim_id}/decision", refused, outcome="approve",
        override_reason="Amount agreed in writing with the PDM.", version=version_of(refused),
    ).get_data(as_text=True)  # fmt: skip
    assert "Claim 3000001: Approved." in approved
    session.rollback()
    decision = session.scalar(select(Decision))
    assert decision.override_reason == "Amount agreed in writing with the PDM."
    assert "override: Amount agreed in writing with the PDM." in approved


def test_reject_needs_a_comment(client, reviewer, claim_id, session):
    page = client.get(f"/claims/{claim_id}").get_data(as_text=True)
    page = post(client, f"/claims/{claim_id}/pick-up", page, version=version_of(page)).get_data(
        as_text=True
    )
    refused = post(client, f"/claims/{claim_id}/decision", page, outcome="reject", comment=" ",
                   version=version_of(page)).get_data(as_text=True)  # fmt: skip
    assert "Write a comment for the partner saying why." in refused
    assert load(session).status == ClaimStatus.UNDER_REVIEW


def test_deciding_a_submitted_claim_shows_the_state_machine_refusal(
    client, reviewer, claim_id, session
):
    page = client.get(f"/claims/{claim_id}").get_data(as_text=True)
    refused = post(client, f"/claims/{claim_id}/decision", page, outcome="reject",
                   comment="No.", version=version_of(page)).get_data(as_text=True)  # fmt: skip
    assert "Cannot reject claim 3000001 while it is Submitted: pick the claim up" in refused


def test_a_decision_on_a_stale_page_is_refused(app, client, reviewer, claim_id, session):
    page = client.get(f"/claims/{claim_id}").get_data(as_text=True)
    page = post(client, f"/claims/{claim_id}/pick-up", page, version=version_of(page)).get_data(
        as_text=True
    )
    # Someone else changes the claim meanwhile (a partner-visible comment keeps the status).
    claim = load(session)
    claim.claim_name = "Contoso - renamed"
    session.commit()
    refused = post(client, f"/claims/{claim_id}/decision", page, outcome="reject",
                   comment="Affiliate.", version=version_of(page)).get_data(as_text=True)  # fmt: skip
    assert "changed since you opened it; reload it and decide again" in refused
    assert load(session).status == ClaimStatus.UNDER_REVIEW


def test_two_reviewers_deciding_at_once_exactly_one_wins(app, claim_id, make_user, session):
    make_user("rita", "reviewer")
    make_user("ravi", "reviewer")
    rita, ravi = app.test_client(), app.test_client()
    AuthActions(rita).login("rita")
    AuthActions(ravi).login("ravi")
    page = rita.get(f"/claims/{claim_id}").get_data(as_text=True)
    post(rita, f"/claims/{claim_id}/pick-up", page, version=version_of(page))
    rita_page = rita.get(f"/claims/{claim_id}").get_data(as_text=True)
    ravi_page = ravi.get(f"/claims/{claim_id}").get_data(as_text=True)

    first = post(rita, f"/claims/{claim_id}/decision", rita_page, outcome="reject",
                 comment="Affiliate.", version=version_of(rita_page)).get_data(as_text=True)  # fmt: skip
    second = post(ravi, f"/claims/{claim_id}/decision", ravi_page, outcome="request_action",
                  comment="Fix the invoice.", version=version_of(ravi_page)).get_data(as_text=True)  # fmt: skip

    assert "Claim 3000001: Rejected." in first
    assert "changed since you opened it" in second
    session.rollback()
    assert len(session.scalars(select(Decision)).all()) == 1


def test_comments_partner_visible_and_internal(client, reviewer, claim_id, session):
    page = client.get(f"/claims/{claim_id}").get_data(as_text=True)
    post(
        client,
        f"/claims/{claim_id}/comments",
        page,
        body="Checked the PDM mail.",
        visibility="internal",
    )
    post(client, f"/claims/{claim_id}/comments", page, body="Please add the attendee list.",
         visibility="partner")  # fmt: skip
    session.rollback()
    rows = {c.body: c.visibility for c in session.scalars(select(Comment))}
    assert rows == {"Checked the PDM mail.": "internal", "Please add the attendee list.": "partner"}


def test_preview_highlights_the_evidence_and_download_is_the_original(
    client, reviewer, claim_id, tmp_path
):
    page = client.get(f"/claims/{claim_id}").get_data(as_text=True)
    link = re.search(r'href="(/claims/3000001/documents/\d+/preview\?location=[^"]+)"', page).group(
        1
    )
    preview = client.get(link.replace("&amp;", "&")).get_data(as_text=True)
    assert 'class="segment highlighted" id="highlight"' in preview
    assert "<mark>" in preview
    download = re.search(r'href="(/claims/3000001/documents/(\d+)/download)"', page)
    with client.get(download.group(1)) as response:
        assert response.headers["Content-Disposition"].startswith("attachment;")
        originals = {p.read_bytes() for p in (tmp_path / "b").glob("*.docx")}
        assert response.data in originals
    assert client.get(f"/claims/3000001/documents/{download.group(2)}/inline").status_code == 404


def test_presence_shows_who_else_has_the_claim_open(app, claim_id, make_user):
    make_user("rita", "reviewer", "Rita Reviewer")
    make_user("lee", "lead", "Lee Lead")
    rita, lee = app.test_client(), app.test_client()
    AuthActions(rita).login("rita")
    AuthActions(lee).login("lee")
    rita.get(f"/claims/{claim_id}/presence")
    shown = lee.get(f"/claims/{claim_id}/presence").get_data(as_text=True)
    assert "Also open by Rita Reviewer." in shown
    assert "Lee Lead" not in shown


def test_rerun_checks(client, reviewer, claim_id):
    page = client.get(f"/claims/{claim_id}").get_data(as_text=True)
    result = post(client, f"/claims/{claim_id}/checks/run", page).get_data(as_text=True)
    assert re.search(r"Checks run again: \d+\.", result)


def test_highlight_escapes_and_ignores_whitespace_differences():
    from workbench.web.claim_page import highlight

    marked = highlight("Total\t<b>$4,000.00</b>\nUSD", "<b>$4,000.00</b> USD…")
    assert str(marked) == "Total\t<mark>&lt;b&gt;$4,000.00&lt;/b&gt;\nUSD</mark>"
    assert str(highlight("<script>", "absent")) == "&lt;script&gt;"


def test_preview_shows_the_address_behind_a_link_the_check_cites(
    app, session, blobs, catalog, client, reviewer, tmp_path
):
    import io

    import docx

    from tests.extract.extract_builders import add_hyperlink
    from workbench.testing import raw_document

    report = docx.Document()
    report.add_paragraph("Executive Summary")
    add_hyperlink(report.add_paragraph("Customer sponsor: "), "mailto:jane@contoso.com", "Jane")
    data = io.BytesIO()
    report.save(data)
    folder = write_bundle(tmp_path / "b", documents=[raw_document("report.docx", data.getvalue())])
    import_folder(get_db(app).sessionmaker, blobs, folder, max_document_bytes=10**7, source="t")
    get_engine(app).run(session, session.scalar(select(Claim)))
    session.commit()
    page = client.get("/claims/3000001").get_data(as_text=True)
    link = re.search(r'href="([^"]+/preview\?location=paragraph\+2\+\(link\)[^"]*)"', page)
    preview = client.get(link.group(1).replace("&amp;", "&")).get_data(as_text=True)
    assert "That is not a place in this document" not in preview
    highlighted = preview.split('class="segment highlighted" id="highlight"', 1)[1]
    assert highlighted.split("</section>")[0].count("Jane &lt;mailto:jane@contoso.com&gt;") == 1
