"""Documents read per second, per format, against the fastest baseline reader of each format.

Usage: .venv/bin/python benchmarks/extract_bench.py [--corpus PATH] [--repeat N] [--formats xlsx ...]

Reads every file of the shared corpus that the workbench reads successfully,
grouped by its sniffed type, with ``extract_file`` (in-process; reading alone,
then with language detection and word hashing as well), each file next to a
baseline that does the least work a text extractor can do for that format:

- pdf:  poppler's ``pdftotext`` (a subprocess per file, as a reviewer tool would run it)
- docx: the raw XML walk (zipfile + lxml, every ``w:t`` of word/document.xml)
- pptx: the raw XML walk over ppt/slides/slide*.xml (every ``a:t``)
- xlsx, xls: python-calamine (Rust), every sheet to Python values

For reference it also times the high-level libraries issue 3 measured
(pypdf, python-docx, python-pptx, openpyxl read-only, xlrd). ``ratio`` is our
time over the baseline's (lower is better; the target is 2x or less). It prints
figures and asserts nothing.
"""

from __future__ import annotations

import argparse
import csv
import io
import logging
import shutil
import subprocess
import sys
import time
import warnings
import zipfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from lxml import etree  # noqa: E402

from workbench.extract import extract_file  # noqa: E402

W_T = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t"
A_T = "{http://schemas.openxmlformats.org/drawingml/2006/main}t"


def baseline_pdf(path: Path) -> int:
    done = subprocess.run(["pdftotext", "-q", str(path), "-"], capture_output=True, timeout=60)
    return len(done.stdout)


def baseline_docx(path: Path) -> int:
    with zipfile.ZipFile(path) as archive:
        root = etree.fromstring(archive.read("word/document.xml"))
    return sum(len(t.text or "") for t in root.iter(W_T))


def baseline_pptx(path: Path) -> int:
    total = 0
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.startswith("ppt/slides/slide") and name.endswith(".xml"):
                total += sum(
                    len(t.text or "") for t in etree.fromstring(archive.read(name)).iter(A_T)
                )
    return total


def baseline_calamine(path: Path) -> int:
    import python_calamine

    workbook = python_calamine.CalamineWorkbook.from_path(str(path))
    return sum(
        len(row)
        for name in workbook.sheet_names
        for row in workbook.get_sheet_by_name(name).to_python()
    )


def floor_cells(path: Path) -> int:
    """calamine plus the least any located cell reader adds: each cell's text and place.

    Formatting a number as text costs 0.2-1 us in Python, about what calamine
    spends on the whole cell in Rust, so for a spreadsheet this floor, not
    calamine alone, bounds what a Python reader can reach.
    """
    import python_calamine

    workbook = python_calamine.CalamineWorkbook.from_path(str(path))
    cells = []
    for name in workbook.sheet_names:
        for row_number, row in enumerate(workbook.get_sheet_by_name(name).to_python(), 1):
            for column, value in enumerate(row):
                if value != "":
                    cells.append((f"{name}!{column}:{row_number}", str(value)))
    return len(cells)


def reference_pypdf(path: Path) -> int:
    import pypdf

    return sum(len(page.extract_text() or "") for page in pypdf.PdfReader(path).pages)


def reference_python_docx(path: Path) -> int:
    import docx

    document = docx.Document(str(path))
    total = sum(len(p.text) for p in document.paragraphs)
    return total + sum(len(c.text) for t in document.tables for r in t.rows for c in r.cells)


def reference_python_pptx(path: Path) -> int:
    import pptx

    deck = pptx.Presentation(str(path))
    return sum(
        len(s.text_frame.text) for slide in deck.slides for s in slide.shapes if s.has_text_frame
    )


def reference_openpyxl(path: Path) -> int:
    import openpyxl

    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    total = sum(
        1 for sheet in book.worksheets for row in sheet.iter_rows(values_only=True) for _ in row
    )
    book.close()
    return total


def reference_xlrd(path: Path) -> int:
    import xlrd

    book = xlrd.open_workbook(str(path), logfile=io.StringIO())
    return sum(sheet.nrows for sheet in book.sheets())


BASELINES = {
    "pdf": ("pdftotext", baseline_pdf),
    "docx": ("raw XML walk", baseline_docx),
    "pptx": ("raw XML walk", baseline_pptx),
    "xlsx": ("python-calamine", baseline_calamine),
    "xls": ("python-calamine", baseline_calamine),
}
FLOORS = {"xlsx": floor_cells, "xls": floor_cells}
REFERENCES = {
    "pdf": ("pypdf", reference_pypdf),
    "docx": ("python-docx", reference_python_docx),
    "pptx": ("python-pptx", reference_python_pptx),
    "xlsx": ("openpyxl read-only", reference_openpyxl),
    "xls": ("xlrd", reference_xlrd),
}


def read_only(path: Path):
    return extract_file(path, languages=False, index_words=False)


def best_time(function, path: Path, repeat: int) -> float | None:
    """Best of ``repeat`` runs on one file; None if the reader fails on it."""
    best = None
    for _ in range(repeat):
        start = time.perf_counter()
        try:
            function(path)
        except (
            Exception
        ):  # a baseline that cannot read a (damaged) file is left out of the comparison
            return None
        elapsed = time.perf_counter() - start
        best = elapsed if best is None else min(best, elapsed)
    return best


def compare(mine: list[float | None], theirs: list[float | None]) -> tuple[int, float, float]:
    """(files both read, our total seconds, their total seconds) over the files both read."""
    pairs = [(a, b) for a, b in zip(mine, theirs, strict=True) if a is not None and b is not None]
    return len(pairs), sum(a for a, _ in pairs), sum(b for _, b in pairs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT / ".." / "shared" / "corpus")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--formats", nargs="*", default=["pdf", "docx", "pptx", "xlsx", "xls", "doc", "ppt", "msg"]
    )
    args = parser.parse_args()
    logging.disable(logging.WARNING)  # pypdf and extract-msg log every oddity of the corpus
    warnings.simplefilter("ignore")
    manifest = args.corpus / "MANIFEST.tsv"
    if not manifest.is_file():
        sys.exit(f"corpus not found at {args.corpus}")
    with open(manifest, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))

    by_kind: dict[str, list[Path]] = defaultdict(list)
    for row in rows:
        path = args.corpus / row["path"]
        if row["extension"] not in args.formats:
            continue
        result = extract_file(path)
        if result.ok and result.text and result.kind == row["extension"]:
            by_kind[result.kind].append(path)
    have_pdftotext = shutil.which("pdftotext") is not None
    if not have_pdftotext:
        print("pdftotext not installed (apt-get install poppler-utils): no PDF baseline")

    print(
        f"{'format':6} {'files':>5} {'ours docs/s':>11} {'+lang':>7} | {'baseline':>16} {'files':>5} {'docs/s':>8} "
        f"{'ratio':>6} {'+lang':>6} | {'high-level library':>19} {'files':>5} {'ratio':>6}"
        f" | {'floor':>6} {'ours/floor':>10}"
    )
    for kind in args.formats:
        paths = by_kind.get(kind, [])
        if not paths:
            continue
        has_baseline = kind in BASELINES and (kind != "pdf" or have_pdftotext)
        ours, full, base = [], [], []
        # File by file, ours next to the baseline: the machine's drift then hits both alike.
        for path in paths:
            ours.append(best_time(read_only, path, args.repeat))
            full.append(best_time(extract_file, path, args.repeat))
            if has_baseline:
                base.append(best_time(BASELINES[kind][1], path, args.repeat))
        line = (
            f"{kind:6} {len(paths):5} {len(paths) / sum(t for t in ours if t):11.1f}"
            f" {len(paths) / sum(t for t in full if t):7.1f} |"
        )
        if has_baseline:
            name = BASELINES[kind][0]
            count, mine, theirs = compare(ours, base)
            _count, with_language, _theirs = compare(full, base)
            line += f" {name:>16} {count:5} {count / theirs:8.1f} {mine / theirs:6.2f} {with_language / theirs:6.2f} |"
        else:
            line += f" {'(no baseline)':>16} {'':5} {'':8} {'':6} {'':6} |"
        if kind in REFERENCES and base:
            name, function = REFERENCES[kind]
            reference = [best_time(function, p, 1) for p in paths]
            count, slow, theirs = compare(reference, base)
            line += f" {name:>19} {count:5} {slow / theirs:6.2f}"
        if kind in FLOORS and base:
            floor = [best_time(FLOORS[kind], p, args.repeat) for p in paths]
            _count, lowest, theirs = compare(floor, base)
            _count, mine, lowest_too = compare(ours, floor)
            line += f" | {lowest / theirs:6.2f} {mine / lowest_too:10.2f}"
        print(line)
    print(
        "ratio = our time / baseline time over the files both read (lower is faster); ours = extract_file"
    )
    print(
        "(sniffing, zip checks, text cleaning, locations), +lang = with language detection and the\n"
        "word hashes for duplicate search (all an upload costs); best of --repeat\n"
        "floor (spreadsheets) = calamine plus each non-empty cell as text with its place, over\n"
        "calamine alone: the least a Python reader of located cells can cost"
    )


if __name__ == "__main__":
    main()
