"""How much the checks cost on top of reading the documents once.

    .venv/bin/python benchmarks/checks_bench.py [--claims 3100001 3100004 ...] [--repeat 3]

For each sample claim it measures, on a fresh SQLite database:

- extraction: reading the claim's documents once, in the isolated reader pool
  (in parallel, one document per worker, as the engine reads them);
- first run: everything a new claim costs (reading, indexing, duplicate search, every check),
  in a warm engine that has already read the engagement's template examples (it reads
  them once per engagement, not per claim), with a check worker warmed on another claim;
- checks only: a forced re-run with the extractions cached (the checks' own cost);
- unchanged re-run: what an identical re-import costs (fingerprints match, nothing runs).

It prints the ratio first run / extraction (target: 1.3 or less) and, through
``extract_bench``, documents read per second per format with each reader's ratio
to the fastest baseline. Figures, not assertions: the machine is noisy, so the
ratios are what to compare between runs.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from sqlalchemy import delete, select  # noqa: E402

from workbench.db import get_db  # noqa: E402
from workbench.domain.catalog import default_catalog_path, load_catalog  # noqa: E402
from workbench.domain.intake import import_folder  # noqa: E402
from workbench.engine.snapshot import current_versions  # noqa: E402
from workbench.extensions import get_blobs, get_engine  # noqa: E402
from workbench.extract import ExtractionPool  # noqa: E402
from workbench.factory import create_app  # noqa: E402
from workbench.models import (  # noqa: E402
    CheckResult,
    Claim,
    SignatureBand,
    StoredExtraction,
    TextSignature,
)

SAMPLES = REPO / "sample_poe"
TYPICAL = ["3100001", "3100003", "3100004", "3100005", "3100012"]


def bundle_for(claim_id: str) -> Path:
    return next(p for p in SAMPLES.iterdir() if p.name.startswith(claim_id + "-"))


CORPUS = REPO.parent / "shared" / "corpus"
# Real documents of POE size (15k-60k characters each), read in place, never copied into the repo.
CORPUS_POE = [
    "unstructured/failure-after-repair.pdf",
    "apache-poi/integration/stress016.docx",
    "apache-poi/slideshow/60810.pptx",
]
# A large real workbook (a 67k-cell price list): where moving segments between processes shows.
CORPUS_WORKBOOK = ["apache-poi/spreadsheet/no_drawing_patriarch.xlsx"]


def corpus_bundle(folder: Path, documents: list[str] = CORPUS_POE) -> Path | None:
    """A claim whose POE is larger real-world ``documents`` from ../shared/corpus."""
    if not CORPUS.is_dir():
        return None
    from workbench.testing import default_documents, raw_document, write_bundle

    invoice = default_documents("3999999")[0]
    poe = [raw_document(Path(p).name, (CORPUS / p).read_bytes()) for p in documents]
    return write_bundle(folder / "corpus-claim", claim_id="3999999", documents=[invoice, *poe])


def forget_claim_work(session, claim) -> None:
    """Undo what checking ``claim`` stored (its extractions, index rows and results)."""
    digests = [v.sha256 for v in current_versions(claim)]
    signatures = select(TextSignature.id).where(TextSignature.claim_id == claim.id)
    session.execute(delete(SignatureBand).where(SignatureBand.signature_id.in_(signatures)))
    session.execute(delete(TextSignature).where(TextSignature.claim_id == claim.id))
    session.execute(delete(StoredExtraction).where(StoredExtraction.sha256.in_(digests)))
    session.execute(delete(CheckResult).where(CheckResult.claim_id == claim.id))
    session.commit()


def measure(
    claim_id: str,
    pool: ExtractionPool,
    bundle: Path | None = None,
    check_workers: int | None = None,
) -> dict[str, float]:
    bundle = bundle or bundle_for(claim_id)
    with tempfile.TemporaryDirectory() as tmp:
        app = create_app({"INSTANCE_PATH": Path(tmp), "SECRET_KEY": "benchmark-secret-key-0123",
                          "CHECK_WORKERS": check_workers})  # fmt: skip
        with app.app_context():
            database = get_db(app)
            database.upgrade()
            engine = get_engine(app)
            with database.session() as session:
                load_catalog(session, default_catalog_path(), get_blobs(app))
                session.commit()
            other = next(c for c in TYPICAL if c != claim_id)
            for folder in (bundle, bundle_for(other)):
                import_folder(database.sessionmaker, get_blobs(app), folder,
                              max_document_bytes=10**8, source="bench")  # fmt: skip
            with database.session() as session:
                claim = session.scalar(select(Claim).where(Claim.claim_id == claim_id))
                paths = [get_blobs(app).path_for(v.sha256) for v in current_versions(claim)]

                # Warm, as in a running server: every worker has read each kind of document.
                for _ in range(3):
                    pool.extract_many(paths)
                    engine.pool.extract_many(paths)
                started = time.perf_counter()
                pool.extract_many(paths)  # reading once, as the engine does: one per worker
                extraction = time.perf_counter() - started

                # Warm up as a running server is (checks loaded, workers started, the
                # engagement's template examples read and indexed), then forget the claim.
                engine.run(session, claim)
                session.commit()
                forget_claim_work(session, claim)
                # A server has not seen this claim's text before: a fresh check worker, warmed
                # on another claim, so that caches keyed by text (the re module's, say) do not
                # flatter the first run.
                engine.sandbox.close()  # the next run starts a new worker
                engine.run(session, session.scalar(select(Claim).where(Claim.claim_id == other)))
                session.commit()

                started = time.perf_counter()
                engine.run(session, claim)
                session.commit()
                first = time.perf_counter() - started

                started = time.perf_counter()
                engine.run(session, claim, force=True)
                session.commit()
                checks_only = time.perf_counter() - started

                started = time.perf_counter()
                engine.run(session, claim)
                unchanged = time.perf_counter() - started
            engine.close()
            database.engine.dispose()
    return {
        "documents": len(paths),
        "extraction": extraction,
        "first": first,
        "checks_only": checks_only,
        "unchanged": unchanged,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--claims", nargs="*", default=TYPICAL)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--no-readers", action="store_true", help="skip the per-format reader figures"
    )
    parser.add_argument(
        "--check-workers", type=int, default=None,
        help="check worker processes (default: the app's, one per core, at most two)",
    )  # fmt: skip
    args = parser.parse_args()

    print(f"{'claim':<9}{'docs':>5}{'extract s':>11}{'first run s':>13}{'ratio':>7}"
          f"{'checks only s':>15}{'unchanged s':>13}")  # fmt: skip
    ratios = []
    with ExtractionPool() as pool:
        pool.extract(next(SAMPLES.glob("*/*.docx")))  # warm the pool's workers
        for claim_id in args.claims:
            runs = [measure(claim_id, pool, check_workers=args.check_workers)
                    for _ in range(args.repeat)]  # fmt: skip
            best = {key: min(r[key] for r in runs) for key in runs[0]}
            ratio = best["first"] / best["extraction"]
            ratios.append(ratio)
            print(f"{claim_id:<9}{best['documents']:>5}{best['extraction']:>11.3f}"
                  f"{best['first']:>13.3f}{ratio:>7.2f}{best['checks_only']:>15.3f}"
                  f"{best['unchanged']:>13.3f}")  # fmt: skip
    if ratios:
        print(
            f"\nsample claims, full check run / single extraction: median "
            f"{statistics.median(ratios):.2f} (target 1.3 or less; best of {args.repeat} runs)"
        )
    for label, documents in (
        ("larger real documents", CORPUS_POE),
        ("a large real workbook", CORPUS_WORKBOOK),
    ):
        with ExtractionPool() as pool, tempfile.TemporaryDirectory() as tmp:
            bundle = corpus_bundle(Path(tmp), documents)
            if bundle is None:
                continue
            pool.extract(next(SAMPLES.glob("*/*.docx")))
            runs = [measure("3999999", pool, bundle, args.check_workers)
                    for _ in range(args.repeat)]  # fmt: skip
            best = {key: min(r[key] for r in runs) for key in runs[0]}
            print(
                f"claim of {label} ({', '.join(documents)}): "
                f"extraction {best['extraction']:.3f} s, first run {best['first']:.3f} s, "
                f"ratio {best['first'] / best['extraction']:.2f}; checks only "
                f"{best['checks_only']:.3f} s; unchanged re-run {best['unchanged']:.3f} s"
            )

    if not args.no_readers:
        bench = REPO / "benchmarks" / "extract_bench.py"
        if bench.exists():
            print("\nreaders (benchmarks/extract_bench.py):", flush=True)
            import runpy

            sys.argv = [str(bench)]
            runpy.run_path(str(bench), run_name="__main__")


if __name__ == "__main__":
    main()
