"""The check engine: discovery, the sandbox, fingerprints and stored results."""

from datetime import UTC, datetime
from importlib.metadata import EntryPoint

import pytest
from sqlalchemy import select

from tests.plugins import misbehaving
from workbench.check_api import CheckContext, Result, Severity, Status
from workbench.db import get_db
from workbench.domain.intake import import_folder
from workbench.engine import registry as registry_module
from workbench.engine.registry import LoadedCheck, PluginSource, build_registry, discover, validate
from workbench.engine.runner import Engine, result_document
from workbench.engine.sandbox import CheckSandbox, GarbageReturned, normalise
from workbench.extract import Segment
from workbench.models import CheckResult, Claim
from workbench.testing import ClaimBuilder, default_documents, raw_document, write_bundle

NOW = datetime(2026, 11, 1, tzinfo=UTC)


def source(name, reference):
    return PluginSource("tests", "0", name, reference)


def loaded(cls):
    ref = f"tests.plugins.misbehaving:{cls.__name__}"
    return LoadedCheck(cls(), source(cls.id, ref), Severity(cls.severity))


@pytest.fixture(scope="module")
def sandbox():
    with CheckSandbox(memory_bytes=512 * 1024**2) as box:
        yield box


@pytest.fixture(scope="module")
def view(tmp_path_factory):
    return ClaimBuilder(tmp_path_factory.mktemp("claims")).view()


@pytest.mark.parametrize(
    ("cls", "failure"),
    [
        (misbehaving.Raises, "raised ValueError: boom on 3000001 (at misbehaving.py:"),
        (misbehaving.Hangs, "took longer than 1 s and was stopped"),
        (misbehaving.ReturnsGarbage, "returned garbage: returned dict, not a Result"),
        (misbehaving.ReturnsNothing, "returned garbage: returned no results"),
        (misbehaving.CrashesTheProcess, "crashed its worker process (exit code 3)"),
        (misbehaving.EatsMemory, "ran out of memory"),
    ],
)
def test_misbehaving_checks_become_failures_and_the_sandbox_recovers(sandbox, view, cls, failure):
    item = loaded(cls)
    outcome = sandbox.run(item.source.reference, view, CheckContext(NOW), timeout=cls.timeout)
    assert outcome.results == ()
    assert failure in outcome.failure
    good = loaded(misbehaving.CountsDocuments)
    after = sandbox.run(good.source.reference, view, CheckContext(NOW), timeout=10)
    assert after.results == ({"status": "pass", "message": "2 documents", "evidence": []},)


def test_a_batch_goes_on_after_a_check_that_hangs_or_crashes(sandbox, view):
    good, hangs, crashes = (
        loaded(misbehaving.CountsDocuments),
        loaded(misbehaving.Hangs),
        loaded(misbehaving.CrashesTheProcess),
    )
    batch = [
        (item.source.reference, CheckContext(NOW), timeout)
        for item, timeout in [(good, 10), (hangs, 1), (good, 10), (crashes, 10), (good, 10)]
    ]
    outcomes = sandbox.run_many(view, batch)
    counted = ({"status": "pass", "message": "2 documents", "evidence": []},)
    assert [o.results for o in outcomes[::2]] == [counted] * 3
    assert "took longer than 1 s" in outcomes[1].failure
    assert "crashed its worker process" in outcomes[3].failure


def test_normalise_refuses_malformed_results():
    with pytest.raises(GarbageReturned, match="among its results"):
        normalise([Result.passed("ok"), "fine"])
    with pytest.raises(GarbageReturned, match="without a message"):
        normalise(Result(Status.PASS, " "))
    assert normalise(r for r in [Result.failed("no")])[0]["status"] == "fail"


def test_validate_names_what_is_wrong():
    with pytest.raises(TypeError, match="not a subclass"):
        validate(misbehaving.NotACheck, source("not-a-check", "x:NotACheck"))
    with pytest.raises(ValueError, match="entry point name must be the check id"):
        validate(misbehaving.Raises, source("other-name", "x:Raises"))


def test_discovery_reports_broken_plugins_by_source(monkeypatch):
    entries = [
        EntryPoint(
            "counts-documents", "tests.plugins.misbehaving:CountsDocuments", "workbench.checks"
        ),
        EntryPoint("missing", "tests.plugins.nowhere:Missing", "workbench.checks"),
        EntryPoint("not-a-check", "tests.plugins.misbehaving:NotACheck", "workbench.checks"),
    ]
    monkeypatch.setattr(
        registry_module, "find", lambda group: [(source(e.name, e.value), e) for e in entries]
    )
    registry = discover()
    assert [c.id for c in registry.checks] == ["counts-documents"]
    messages = {f.check_id: str(f) for f in registry.failures}
    assert messages["missing"].startswith("tests==0[missing] failed to load: ModuleNotFoundError")
    assert "tests==0[not-a-check] is invalid: " in messages["not-a-check"]


def test_duplicate_ids_are_refused_naming_both_sources():
    first = loaded(misbehaving.CountsDocuments)
    second = LoadedCheck(
        first.check, PluginSource("other", "2", first.id, "x:Y"), Severity.BLOCKING
    )
    registry = build_registry([first, second], [])
    assert registry.checks == ()
    assert all("tests==0[counts-documents] and other==2[counts-documents]" in str(f)
               for f in registry.failures)  # fmt: skip


def test_severity_override_and_disabled_checks():
    registry = build_registry(
        [loaded(misbehaving.CountsDocuments), loaded(misbehaving.Raises)], [],
        severity_overrides={"counts-documents": "advisory"}, disabled=["raises"],
    )  # fmt: skip
    assert [(c.id, c.severity) for c in registry.checks] == [
        ("counts-documents", Severity.ADVISORY)
    ]


def test_the_built_in_checks_come_through_entry_points():
    registry = discover()
    sources = {c.id: c.source for c in registry.checks}
    assert sources["completeness"].distribution == "poe-workbench"
    assert sources["completeness"].reference == "checks.completeness:Completeness"
    # The two that compare with other claims; a claim's new copy re-runs them alone elsewhere.
    readers = {c.id for c in registry.checks if c.check.reads_matches}
    assert readers == {"duplicate-poe", "invoice-unique"}


# --- the runner, on a real database ------------------------------------------------------------


@pytest.fixture
def claim(app, session, blobs, catalog, tmp_path):
    import_folder(get_db(app).sessionmaker, blobs, write_bundle(tmp_path / "b"),
                  max_document_bytes=10**7, source="test")  # fmt: skip
    return session.scalar(select(Claim))


@pytest.fixture
def engine(blobs):
    registry = build_registry(
        [loaded(misbehaving.CountsDocuments), loaded(misbehaving.Raises)],
        [registry_module.PluginFailure("gone", source("gone", "x:Gone"), "failed to load: ImportError: x")],
    )  # fmt: skip
    engine = Engine(blobs, registry=registry)
    yield engine
    engine.close()


def test_run_stores_results_with_version_and_fingerprint(session, claim, engine):
    summary = engine.run(session, claim, now=NOW)
    session.commit()
    assert sorted(summary.ran) == ["counts-documents", "gone", "raises"]
    document = result_document(session, claim)
    by_check = {r["check"]: r for r in document["results"]}
    assert by_check["counts-documents"] == {
        "check": "counts-documents", "version": "7", "status": "pass", "message": "2 documents",
        "evidence": [], "severity": "blocking", "title": "Counts documents",
        "ran_at": "2026-11-01T00:00:00Z",
    }  # fmt: skip
    assert by_check["raises"]["status"] == "error"
    assert by_check["raises"]["message"].startswith("tests==0[raises] raised ValueError: boom")
    assert by_check["gone"]["message"] == "tests==0[gone] failed to load: ImportError: x"
    assert all(len(row.fingerprint) == 64 for row in session.scalars(select(CheckResult)))


def test_rerun_reuses_unchanged_results_and_force_runs_again(session, claim, engine):
    engine.run(session, claim, now=NOW)
    session.commit()
    again = engine.run(session, claim, now=NOW)
    assert again.ran == [] and sorted(again.reused) == ["counts-documents", "gone", "raises"]
    forced = engine.run(session, claim, now=NOW, force=True)
    session.commit()
    assert sorted(forced.ran) == ["counts-documents", "gone", "raises"]
    rows = session.scalars(select(CheckResult).where(CheckResult.check_id == "raises")).all()
    assert [r.current for r in rows] == [False, True]  # the old result stays on record


def test_a_new_check_version_runs_again(session, claim, engine, blobs):
    engine.run(session, claim, now=NOW)
    session.commit()

    class CountsDocumentsV8(misbehaving.CountsDocuments):
        version = "8"

    item = LoadedCheck(
        CountsDocumentsV8(), loaded(misbehaving.CountsDocuments).source, Severity.BLOCKING
    )
    newer = Engine(blobs, registry=build_registry([item], []))
    try:
        summary = newer.run(session, claim, now=NOW)
    finally:
        newer.close()
    assert summary.ran == ["counts-documents"]


def test_documents_are_extracted_once(session, claim, engine, monkeypatch):
    engine.run(session, claim, now=NOW)
    session.commit()
    calls = []
    original = engine.pool.extract
    monkeypatch.setattr(
        engine.pool, "extract", lambda *a, **k: calls.append(a) or original(*a, **k)
    )
    engine.run(session, claim, now=NOW, force=True)
    engine.view(session, claim)
    assert calls == []


def test_a_rolled_back_run_leaves_nothing_behind(session, claim, engine):
    """Savepoints inside a run must not commit (pysqlite would, left to itself)."""
    from tests.conftest import table_counts

    before = table_counts(session)
    engine.run(session, claim, now=NOW)
    session.rollback()
    assert table_counts(session) == before


def test_threads_sharing_the_sandbox_get_their_own_results(sandbox, tmp_path):
    """Web requests run checks from several threads through one worker."""
    from concurrent.futures import ThreadPoolExecutor

    claims = ClaimBuilder(tmp_path)
    one = claims.view(claim_id="3000001")
    three = claims.view(claim_id="3000003", documents=[*default_docs(), *default_docs("x-")])
    item = loaded(misbehaving.CountsDocuments)

    def run(view):
        return sandbox.run(item.source.reference, view, CheckContext(NOW), timeout=10).results

    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(run, [one, three] * 10))
    assert [r[0]["message"] for r in results] == ["2 documents", "4 documents"] * 10


def default_docs(prefix=""):
    from workbench.testing import default_documents, raw_document

    docs = default_documents()
    if not prefix:
        return docs
    return [raw_document(prefix + d.file_name, b"%PDF-1.4 stub") for d in docs]


@pytest.mark.parametrize(
    ("location", "escaped"),
    [("'Лист 1'!A1", False), ("'Sheet\udc80'!A1", True)],  # a lone surrogate from a file name
)
def test_cached_extractions_store_text_as_itself_unless_utf8_cannot(session, location, escaped):
    from sqlalchemy import text

    from workbench.extract import Extraction, Segment
    from workbench.models import StoredExtraction

    extraction = Extraction("xlsx", (Segment(location, "Прайс-лист", "ru"),), language="ru")
    session.add(StoredExtraction(sha256="a" * 64, reader_version="t", data=extraction.to_dict()))
    session.commit()
    session.expunge_all()
    raw = session.execute(text("SELECT CAST(data AS TEXT) FROM extractions")).scalar_one()
    assert ("Прайс-лист" in raw) is not escaped
    assert ("\\u041f" in raw.lower()) is escaped
    stored = session.scalar(select(StoredExtraction))
    assert Extraction.from_dict(stored.data) == extraction


@pytest.mark.parametrize(
    ("segments", "form"),
    [
        (tuple(Segment(f"Sheet1!A{i}", f"cell {i} é 北", None) for i in range(300)), "columns"),
        ((Segment("page 1", "", None),), "columns"),
        ((), "rows"),
        # The separator can only come from a name inside the file, in a location.
        ((Segment("'Sheet\x1e'!A1", "x", None), Segment("Sheet2!A1", "y", "fr")), "rows"),
    ],
)
def test_cached_segments_are_stored_as_columns_and_read_back_whole(session, segments, form):
    from workbench.extract import Extraction
    from workbench.models import StoredExtraction

    extraction = Extraction("xlsx", segments, language="en", languages={"en": 1.0})
    stored_form = extraction.to_dict()["segments"]
    assert isinstance(stored_form, dict if form == "columns" else list)
    session.add(StoredExtraction(sha256="a" * 64, reader_version="t", data=extraction.to_dict()))
    session.commit()
    session.expunge_all()
    assert Extraction.from_dict(session.scalar(select(StoredExtraction)).data) == extraction


def test_cached_segments_stored_as_rows_by_earlier_versions_still_load(session):
    from workbench.extract import Extraction
    from workbench.models import StoredExtraction

    rows = {"kind": "docx", "segments": [["paragraph 1", "Bonjour", "fr"], ["paragraph 2", "", None]],
            "language": "fr", "languages": {"fr": 1.0}, "error": None}  # fmt: skip
    session.add(StoredExtraction(sha256="b" * 64, reader_version="t", data=rows))
    session.commit()
    session.expunge_all()
    loaded_back = Extraction.from_dict(session.scalar(select(StoredExtraction)).data)
    assert loaded_back.segments == (
        Segment("paragraph 1", "Bonjour", "fr"), Segment("paragraph 2", "", None),
    )  # fmt: skip


def test_meanwhile_runs_in_the_parent_while_the_checks_run(sandbox, view, tmp_path):
    parent, check = tmp_path / "parent", tmp_path / "check"
    item = loaded(misbehaving.Handshakes)
    context = CheckContext(NOW, {"parent": str(parent), "check": str(check)})
    seen = []

    def meanwhile():
        parent.write_text("started")
        seen.append(misbehaving.wait_for(check))  # the check answers only after this file

    outcomes = sandbox.run_many(view, [(item.source.reference, context, 20)], meanwhile=meanwhile)
    assert seen == [True]
    assert outcomes[0].results[0]["message"] == "the parent worked alongside"


def test_meanwhile_runs_once_with_no_checks_and_its_failure_reaches_the_caller(sandbox, view):
    calls = []
    assert sandbox.run_many(view, [], meanwhile=lambda: calls.append(1)) == []
    assert calls == [1]

    def fails():
        raise RuntimeError("database is locked")

    good = loaded(misbehaving.CountsDocuments)
    with pytest.raises(RuntimeError, match="database is locked"):
        sandbox.run_many(view, [(good.source.reference, CheckContext(NOW), 10)], meanwhile=fails)
    # The interrupted batch's answer does not leak into the next run.
    again = sandbox.run_many(
        view, [(loaded(misbehaving.Raises).source.reference, CheckContext(NOW), 10)]
    )
    assert "boom" in again[0].failure


def test_a_run_writes_the_cache_and_index_rows_it_deferred(session, claim, engine):
    from workbench.models import StoredExtraction, TextSignature

    engine.run(session, claim)
    session.commit()
    digests = {entry.version.sha256 for entry in claim.latest_submittal.entries}
    stored = set(session.scalars(select(StoredExtraction.sha256)))
    assert digests <= stored
    indexed = set(
        session.scalars(select(TextSignature.sha256).where(TextSignature.claim_id == claim.id))
    )
    assert indexed and indexed <= digests


def _where(outcome) -> tuple[int, bool]:
    _, pid, _, loaded_elsewhere = outcome.results[0]["message"].split()
    return int(pid), loaded_elsewhere == "True"


def test_a_claims_checks_are_shared_out_between_the_workers(view):
    import os

    says = loaded(misbehaving.SaysWhere).source.reference
    batch = [(says, CheckContext(NOW), 10)] * 4
    with CheckSandbox(memory_bytes=512 * 1024**2, workers=2) as box:
        pids = [_where(o)[0] for o in box.run_many(view, batch)]
    assert len(set(pids)) == 2 and os.getpid() not in pids
    with CheckSandbox(memory_bytes=512 * 1024**2, workers=1) as box:
        assert len({_where(o)[0] for o in box.run_many(view, batch)}) == 1


def test_the_share_out_uses_what_each_check_took_last_time(view):
    """Untimed, the two slow checks land in one share; timed once, they are split."""
    slow, quick = CheckContext(NOW, {"seconds": 0.3}), CheckContext(NOW)
    batch = [
        (f"tests.plugins.misbehaving:SaysWhere{name}", context, 10)
        for name, context in zip("ABCD", [slow, quick, slow, quick], strict=True)
    ]
    with CheckSandbox(memory_bytes=512 * 1024**2, workers=2) as box:
        first = [_where(o)[0] for o in box.run_many(view, batch)]
        again = [_where(o)[0] for o in box.run_many(view, batch)]
    assert first[0] == first[2]
    assert again[0] != again[2]


def test_a_new_worker_loads_the_checks_that_ran_before(view):
    elsewhere = "tests.plugins.elsewhere:Elsewhere"
    says = loaded(misbehaving.SaysWhere).source.reference
    with CheckSandbox(memory_bytes=512 * 1024**2, workers=1) as box:
        assert not _where(box.run(says, view, CheckContext(NOW), timeout=10))[1]
        assert box.run(elsewhere, view, CheckContext(NOW), timeout=10).results
        box.close()  # the next run starts a new worker
        assert _where(box.run(says, view, CheckContext(NOW), timeout=10))[1]


def test_a_check_that_ends_its_worker_on_import_costs_only_its_own_result(view):
    good = loaded(misbehaving.CountsDocuments).source.reference
    dies = "tests.plugins.dies_on_import:Anything"
    batch = [(good, CheckContext(NOW), 10), (dies, CheckContext(NOW), 10)] * 2
    with CheckSandbox(memory_bytes=512 * 1024**2, workers=2) as box:
        for _ in range(2):
            outcomes = box.run_many(view, batch)
            assert [o.failure for o in outcomes[::2]] == [None, None]
            assert all("exit code 4" in o.failure for o in outcomes[1::2])


def test_the_database_is_asked_while_the_documents_are_read(session, claim, blobs, monkeypatch):
    """Reading starts first; the claim's own lookups run before the workers answer."""
    import threading

    from workbench.engine import snapshot as snapshot_module
    from workbench.extract import ExtractionPool

    class GatedPool(ExtractionPool):
        """A real pool whose reading waits until the test opens the gate."""

        gate = threading.Event()

        def extract_many(self, paths, **kwargs):
            assert self.gate.wait(10), "the reading was waited for before the lookups ran"
            return super().extract_many(paths, **kwargs)

    asked = []
    real = snapshot_module._same_bytes

    def same_bytes(*args):
        asked.append("same bytes")
        GatedPool.gate.set()  # only now may the workers answer
        return real(*args)

    monkeypatch.setattr(snapshot_module, "_same_bytes", same_bytes)
    with GatedPool() as pool:
        view = snapshot_module.snapshot(session, claim, blobs=blobs, pool=pool)
    assert asked == ["same bytes"]
    assert all(d.extraction.ok and d.extraction.segments for d in view.documents)


def test_a_copy_in_another_claim_re_runs_only_the_checks_that_read_matches(
    app, session, blobs, claim, tmp_path
):
    registry = build_registry(
        [loaded(misbehaving.CountsMatches), loaded(misbehaving.IgnoresMatches)], []
    )
    engine = Engine(blobs, registry=registry)
    try:
        engine.run(session, claim, now=NOW)
        session.commit()
        deck = (tmp_path / "b" / "workshop-report.pptx").read_bytes()
        copier = write_bundle(
            tmp_path / "copier",
            claim_id="3000002",
            documents=[default_documents("3000002")[0], raw_document("deck.pptx", deck)],
        )
        import_folder(get_db(app).sessionmaker, blobs, copier,
                      max_document_bytes=10**7, source="test")  # fmt: skip
        other = session.scalar(select(Claim).where(Claim.claim_id == "3000002"))
        engine.run(session, other, now=NOW)  # and the first claim again: it has a copy now
        session.commit()
    finally:
        engine.close()

    def messages(check_id):
        rows = session.scalars(
            select(CheckResult)
            .where(CheckResult.claim_id == claim.id, CheckResult.check_id == check_id)
            .order_by(CheckResult.id)
        )
        return [(row.message, row.current) for row in rows]

    assert messages("counts-matches") == [("0 matches", False), ("1 matches", True)]
    # Shown no matches, so its result still holds: not run again.
    assert messages("ignores-matches") == [("0 matches", True)]


def test_a_check_that_does_not_read_matches_is_shown_none(sandbox, tmp_path):
    from workbench.check_api import DocumentMatch

    view = ClaimBuilder(tmp_path).view(
        matches={"workshop-report.pptx": [DocumentMatch("3100004", "deck.pdf", "poe", 0.9, False)]}
    )
    counts, ignores = loaded(misbehaving.CountsMatches), loaded(misbehaving.IgnoresMatches)
    outcomes = sandbox.run_many(view, [
        (item.source.reference, CheckContext(NOW), 10) for item in (counts, ignores)
    ])  # fmt: skip
    assert [o.results[0]["message"] for o in outcomes] == ["1 matches", "0 matches"]
    with pytest.raises(ValueError, match="reads_matches must be True or False"):
        validate(type("Odd", (misbehaving.IgnoresMatches,), {"reads_matches": "no"}),
                 source("ignores-matches", "x:Odd"))  # fmt: skip
