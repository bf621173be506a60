"""Claim intake: bundles in, claims out; bad bundles refused whole."""

import json
import shutil
from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from tests.conftest import table_counts
from workbench.db import get_db
from workbench.domain import decisions
from workbench.domain.bundle import BundleRejected, find_bundles
from workbench.domain.enums import ClaimStatus, DecisionOutcome
from workbench.domain.intake import import_folder
from workbench.models import Claim, DocumentVersion, HistoryEvent, Submittal
from workbench.testing import docx_document, raw_document, write_bundle, xlsx_document

RECEIVED = datetime(2026, 10, 21, 8, 0, tzinfo=UTC)


@pytest.fixture
def do_import(app, blobs, catalog):
    def run(folder, received_at=RECEIVED, max_bytes=None):
        return import_folder(
            get_db(app).sessionmaker, blobs, folder,
            max_document_bytes=max_bytes or app.config["MAX_DOCUMENT_BYTES"],
            source="test", received_at=received_at,
        )  # fmt: skip

    return run


def load_claim(session, claim_id="3000001"):
    session.expire_all()
    return session.scalar(select(Claim).where(Claim.claim_id == claim_id))


def test_new_claim_is_submitted_with_its_documents(session, tmp_path, blobs, do_import):
    outcome = do_import(write_bundle(tmp_path / "b"))
    assert (outcome.action, outcome.status) == ("created", ClaimStatus.SUBMITTED)

    claim = load_claim(session)
    assert claim.status == ClaimStatus.SUBMITTED
    assert claim.engagement_id == "enable-frontline-workshop"
    assert claim.partner.name == "FridayINC" and claim.partner.country == "US"
    assert claim.customer.external_id == "contoso.com"
    assert claim.submitted_at == datetime(2026, 10, 20, 10, 37, tzinfo=UTC)
    assert claim.deal_size_usd == 5000
    assert [h.action for h in claim.history] == ["Submission", "Document submission"]
    assert claim.history[0].from_status == ClaimStatus.CONSENT_RECEIVED
    assert {d.file_name: d.latest.content_type for d in claim.documents} == {
        "invoice.docx": "docx",
        "workshop-report.pptx": "pptx",
    }
    for document in claim.documents:
        with blobs.open(document.latest.sha256) as handle:
            original = (tmp_path / "b" / document.file_name).read_bytes()
            assert handle.read() == original
    assert claim.survey("customer").signature.startswith("Susie Jones")
    assert claim.survey("partner").status == "completed"


def test_identical_reimport_changes_nothing(session, tmp_path, blobs, do_import):
    folder = write_bundle(tmp_path / "b")
    do_import(folder)
    before, before_blobs = table_counts(session), blobs.all_digests()
    outcome = do_import(folder, received_at=datetime(2026, 10, 22, tzinfo=UTC))
    assert outcome.action == "unchanged"
    assert table_counts(session) == before
    assert blobs.all_digests() == before_blobs


def test_same_bytes_are_stored_once(session, tmp_path, blobs, do_import):
    templates = blobs.all_digests()  # the catalog's template examples
    report = docx_document("report.docx", ["Contoso frontline workshop report."])
    do_import(write_bundle(tmp_path / "a", claim_id="3000001", documents=[report]))
    do_import(
        write_bundle(
            tmp_path / "b",
            claim_id="3000002",
            documents=[
                docx_document("report.docx", ["Contoso frontline workshop report."]),
                raw_document("copy.docx", (tmp_path / "a" / "report.docx").read_bytes()),
            ],
        )
    )
    versions = session.scalars(select(DocumentVersion)).all()
    assert len(versions) == 3
    assert len(blobs.all_digests() - templates) == len({v.sha256 for v in versions})


def test_blobs_are_read_only(session, tmp_path, blobs, do_import):
    do_import(write_bundle(tmp_path / "b"))
    for digest in blobs.all_digests():
        assert blobs.path_for(digest).stat().st_mode & 0o222 == 0


def test_document_type_is_sniffed_from_content(session, tmp_path, do_import):
    folder = write_bundle(tmp_path / "b")
    shutil.copyfile(folder / "workshop-report.pptx", folder / "agenda.doc")
    claim_json = json.loads((folder / "claim.json").read_text())
    claim_json["documents"].append({"file": "agenda.doc", "kind": "poe"})
    (folder / "claim.json").write_text(json.dumps(claim_json))
    do_import(folder)
    document = next(d for d in load_claim(session).documents if d.file_name == "agenda.doc")
    assert document.latest.content_type == "pptx"


# --- bad bundles: each refused with a message naming the problem, nothing kept ------------


def corrupt_json(folder):
    (folder / "claim.json").write_text('{"claim_id": "3000001", "status": "Submitted",')


def drop_claim_json(folder):
    (folder / "claim.json").unlink()


def missing_file(folder):
    (folder / "workshop-report.pptx").unlink()


def edit(**changes):
    def apply(folder):
        data = json.loads((folder / "claim.json").read_text())
        for dotted, value in changes.items():
            target = data
            *parents, leaf = dotted.split("__")
            for parent in parents:
                target = target[parent]
            target[leaf] = value
        (folder / "claim.json").write_text(json.dumps(data))

    return apply


def deeply_nested(folder):
    (folder / "claim.json").write_text("[" * 100_000 + "]" * 100_000)


def disallowed_type(folder):
    (folder / "notes.txt").write_text("meeting notes")
    edit(
        documents=[
            {"file": "invoice.docx", "kind": "invoice"},
            {"file": "notes.txt", "kind": "poe"},
        ]
    )(folder)


def path_escape(folder):
    edit(documents=[{"file": "../secret.pdf", "kind": "poe"}])(folder)


BAD_BUNDLES = [
    ("malformed-json", corrupt_json, "claim.json is not valid JSON"),
    ("missing-claim-json", drop_claim_json, "claim.json is missing"),
    ("deeply-nested", deeply_nested, "claim.json is nested too deeply to be a claim"),
    ("missing-file", missing_file, "workshop-report.pptx: listed in claim.json but missing"),
    ("unknown-engagement", edit(engagement_id="no-such-workshop"), "'no-such-workshop' is not in the catalog"),
    ("status-approved", edit(status="Approved"), "is 'Approved'; only 'Submitted' bundles"),
    ("disallowed-type", disallowed_type, "notes.txt: file type .txt is not allowed"),
    ("path-escape", path_escape, "must be a file name inside the bundle"),
    ("bad-country", edit(customer__country="USA"), "customer.country 'USA' is not an ISO 3166-1"),
    ("bad-date", edit(consent_date="07/06/2024"), "consent_date '07/06/2024' is not a date"),
    ("no-timezone", edit(submitted_at="2026-10-20T10:37:00"), "needs a time zone"),
    ("bad-id-type", edit(customer__id_type="email"), "customer.id_type 'email' is not one of"),
    ("negative-amount", edit(deal_size_usd=-5), "deal_size_usd -5 must be zero or more"),
    ("no-documents", edit(documents=[]), "documents must list at least one document"),
    ("dispute-of-nothing", edit(is_dispute=True), "no claim 3000001 to dispute"),
    ("variable-without-payout", edit(engagement_id="pre-sales-variable-envisioning-workshop"),
     "proposed_payout_usd is required"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("name", "damage", "message"), BAD_BUNDLES, ids=[b[0] for b in BAD_BUNDLES]
)
def test_bad_bundle_is_refused_whole(session, tmp_path, blobs, do_import, name, damage, message):
    do_import(write_bundle(tmp_path / "good", claim_id="3000009"))
    before, before_blobs = table_counts(session), blobs.all_digests()

    folder = write_bundle(tmp_path / name)
    damage(folder)
    with pytest.raises(BundleRejected) as refused:
        do_import(folder)

    assert message in str(refused.value)
    assert str(refused.value).startswith(f"{name}:")
    assert table_counts(session) == before
    assert blobs.all_digests() == before_blobs


def test_oversized_file_is_refused(session, tmp_path, blobs, do_import):
    before = blobs.all_digests()
    folder = write_bundle(
        tmp_path / "big",
        documents=[
            docx_document("invoice.docx", ["Claim ID: 3000001"], kind="invoice"),
            raw_document("scan.pdf", b"%PDF-1.4\n" + b"0" * 100_000),
        ],
    )
    with pytest.raises(
        BundleRejected, match=r"scan.pdf: 100,009 bytes is over the 100,000-byte limit"
    ):
        do_import(folder, max_bytes=100_000)
    assert table_counts(session)["claims"] == 0
    assert blobs.all_digests() == before


def test_failure_after_blobs_were_written_removes_them(
    session, tmp_path, blobs, do_import, monkeypatch
):
    """A refusal that comes late (after files were stored) still leaves no orphan blob."""
    from workbench.domain import intake

    def explode(*args, **kwargs):
        raise BundleRejected("b", "simulated failure after storing documents")

    monkeypatch.setattr(intake, "_store_surveys", explode)
    before = blobs.all_digests()
    with pytest.raises(BundleRejected, match="simulated failure"):
        do_import(write_bundle(tmp_path / "b"))
    assert blobs.all_digests() == before
    assert table_counts(session)["claims"] == 0


def test_a_blob_shared_with_an_existing_claim_survives_a_refusal(
    session, tmp_path, blobs, do_import, monkeypatch
):
    from workbench.domain import intake

    do_import(write_bundle(tmp_path / "a", claim_id="3000001"))
    kept = blobs.all_digests()
    monkeypatch.setattr(
        intake, "_store_surveys", lambda *a, **k: (_ for _ in ()).throw(BundleRejected("b", "late"))
    )
    shutil.copytree(tmp_path / "a", tmp_path / "b")
    edit(claim_id="3000002")(tmp_path / "b")
    with pytest.raises(BundleRejected):
        do_import(tmp_path / "b")
    assert blobs.all_digests() == kept


# --- resubmittals and disputes ---------------------------------------------------------------


@pytest.fixture
def reviewer(make_user):
    return make_user("rita", "reviewer", "Rita Reviewer")


def decide(session, outcome, reviewer, comment="Please fix the invoice.", at=None):
    claim = load_claim(session)
    at = at or datetime(2026, 10, 25, 9, tzinfo=UTC)
    decisions.pick_up(session, claim, reviewer, at=at)
    decisions.decide(session, claim, outcome, reviewer, at=at, comment=comment)
    session.commit()


def test_resubmittal_adds_versions_and_returns_to_submitted(
    session, tmp_path, blobs, do_import, reviewer
):
    do_import(write_bundle(tmp_path / "v1"))
    decide(session, DecisionOutcome.REQUEST_ACTION, reviewer)
    first_blobs = blobs.all_digests()

    folder = write_bundle(
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
    outcome = do_import(folder)

    assert outcome.action == "resubmitted"
    assert outcome.new_versions == ("invoice.docx (v2)", "attendees.xlsx")
    claim = load_claim(session)
    assert claim.status == ClaimStatus.SUBMITTED
    assert claim.submitted_at == datetime(2026, 10, 28, 9, tzinfo=UTC)
    invoice = next(d for d in claim.documents if d.file_name == "invoice.docx")
    assert [v.number for v in invoice.versions] == [1, 2]
    assert first_blobs < blobs.all_digests()  # the originals are all still there
    latest = claim.latest_submittal
    assert latest.kind == "resubmission"
    assert sorted(e.version.document.file_name for e in latest.entries) == [
        "attendees.xlsx",
        "invoice.docx",
    ]
    assert len(claim.submittals[0].entries) == 2  # the first submittal keeps its documents
    assert [c.body for c in claim.comments][-1] == "Invoice corrected."
    actions = [h.action for h in claim.history]
    assert actions[-2:] == ["Resubmission", "Document submission"]


@pytest.mark.parametrize("status_setup", ["submitted", "under_review", "approved"])
def test_resubmittal_refused_unless_action_required(
    session, tmp_path, blobs, do_import, reviewer, status_setup
):
    do_import(write_bundle(tmp_path / "v1"))
    if status_setup == "under_review":
        decisions.pick_up(session, load_claim(session), reviewer, at=RECEIVED)
        session.commit()
    elif status_setup == "approved":
        decide(session, DecisionOutcome.APPROVE, reviewer, comment=None)
    before, before_blobs = table_counts(session), blobs.all_digests()
    folder = write_bundle(tmp_path / "v2", claim_name="Contoso - second try")
    with pytest.raises(
        BundleRejected, match="a resubmittal is accepted only while it is Action required"
    ):
        do_import(folder)
    assert table_counts(session) == before
    assert blobs.all_digests() == before_blobs


def test_resubmittal_cannot_change_the_engagement(session, tmp_path, do_import, reviewer):
    do_import(write_bundle(tmp_path / "v1"))
    decide(session, DecisionOutcome.REQUEST_ACTION, reviewer)
    with pytest.raises(
        BundleRejected, match="engagement enable-frontline-workshop -> collaborative-apps-workshop"
    ):
        do_import(write_bundle(tmp_path / "v2", engagement_id="collaborative-apps-workshop"))


def test_dispute_within_the_window(session, tmp_path, do_import, reviewer):
    do_import(write_bundle(tmp_path / "v1"))
    decide(session, DecisionOutcome.REJECT, reviewer, comment="The customer is a partner affiliate.",
           at=datetime(2026, 10, 25, 9, tzinfo=UTC))  # fmt: skip
    folder = write_bundle(
        tmp_path / "dispute", is_dispute=True, submitted_at="2026-11-10T09:00:00Z",
        comments=[{"author": "partner", "at": "2026-11-10T08:00:00Z",
                   "body": "Contoso is not our affiliate; see the attached registry extract."}],
    )  # fmt: skip
    outcome = do_import(folder)
    assert outcome.action == "disputed"
    claim = load_claim(session)
    assert claim.status == ClaimStatus.SUBMITTED and claim.is_dispute
    assert [h.action for h in claim.history][-3:] == [
        "Dispute",
        "Dispute submission",
        "Document submission",
    ]
    assert claim.latest_submittal.kind == "dispute"


def test_dispute_after_the_window_is_refused(session, tmp_path, do_import, reviewer):
    do_import(write_bundle(tmp_path / "v1"))
    decide(
        session,
        DecisionOutcome.REJECT,
        reviewer,
        comment="Affiliate.",
        at=datetime(2026, 10, 25, 9, tzinfo=UTC),
    )
    folder = write_bundle(tmp_path / "late", is_dispute=True, submitted_at="2026-11-25T09:00:00Z")
    with pytest.raises(BundleRejected, match="dispute window closed on 2026-11-24"):
        do_import(folder)
    assert load_claim(session).status == ClaimStatus.REJECTED


def test_dispute_of_a_claim_that_is_not_rejected(session, tmp_path, do_import):
    do_import(write_bundle(tmp_path / "v1"))
    with pytest.raises(BundleRejected, match="only a Rejected claim can be disputed"):
        do_import(write_bundle(tmp_path / "d", is_dispute=True, claim_name="changed"))


def test_find_bundles(tmp_path):
    write_bundle(tmp_path / "all" / "b1")
    write_bundle(tmp_path / "all" / "b2", claim_id="3000002")
    write_bundle(tmp_path / "all" / "_followups" / "b3", claim_id="3000003")
    (tmp_path / "all" / "README.md").write_text("notes")
    assert [p.name for p in find_bundles(tmp_path / "all")] == ["b1", "b2"]
    assert find_bundles(tmp_path / "all" / "b1") == [tmp_path / "all" / "b1"]
    (tmp_path / "empty").mkdir()
    with pytest.raises(BundleRejected, match=r"claim\.json is missing"):
        find_bundles(tmp_path / "empty")
    with pytest.raises(BundleRejected, match="no such file"):
        find_bundles(tmp_path / "nowhere")


def test_history_records_every_submittal(session, tmp_path, do_import):
    do_import(write_bundle(tmp_path / "v1"))
    assert session.scalars(select(Submittal)).one().number == 1
    assert (
        session.scalar(select(HistoryEvent).where(HistoryEvent.action == "Submission")).actor_kind
        == "partner"
    )
