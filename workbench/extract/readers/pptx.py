"""PowerPoint presentations (.pptx, and macro-enabled .pptm read the same way).

Slides are read in presentation order (``p:sldIdLst``), not part-name order.
Each slide gives a "slide N" segment with the text of its shapes (group shapes
and SmartArt included), one "slide N table T row R" segment per table row, and
a "slide N notes" segment with the speaker notes.
"""

from __future__ import annotations

import io

from ..package import Package
from .base import Collector
from .ooxml import R_ID, load_part, main_part

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
A_P, A_T, A_BR, A_TBL, A_TR, A_TC = f"{A}p", f"{A}t", f"{A}br", f"{A}tbl", f"{A}tr", f"{A}tc"
P_SLD_ID, P_SLD_ID_LST, P_PH, P_SP = f"{P}sldId", f"{P}sldIdLst", f"{P}ph", f"{P}sp"
# Placeholders on a notes page that repeat the slide rather than hold notes.
_NOTES_SKIP = {"sldImg", "sldNum", "hdr", "ftr", "dt"}


def paragraphs_text(element, skip=None) -> str:
    """Text of DrawingML paragraphs under ``element``, one line per paragraph."""
    lines = []
    for paragraph in element.iter(A_P):
        if skip is not None and skip(paragraph):
            continue
        parts = []
        for node in paragraph.iter(A_T, A_BR):
            if node.tag == A_T:
                if node.text:
                    parts.append(node.text)
            else:
                parts.append("\n")
        if parts:
            lines.append("".join(parts))
    return "\n".join(lines)


def _inside_table(paragraph) -> bool:
    parent = paragraph.getparent()
    while parent is not None:
        if parent.tag == A_TBL:
            return True
        parent = parent.getparent()
    return False


def read_pptx(data: bytes, out: Collector) -> None:
    out.reader = "pptx-xml"
    with Package.open(io.BytesIO(data), out.budget.limits) as package:
        main = main_part(package)
        presentation = load_part(package, main)
        targets = {rel_id: target for rel_id, _type, target in package.related(main, "/slide")}
        id_list = presentation.find(P_SLD_ID_LST)
        order = (
            [] if id_list is None else [targets.get(s.get(R_ID)) for s in id_list.iter(P_SLD_ID)]
        )
        slides = [t for t in order if t and package.has(t)]
        limit = out.budget.limits.max_pages
        if len(slides) > limit:
            out.warn(f"only the first {limit} of {len(slides)} slides were read")
        for number, slide_part in enumerate(slides[:limit], start=1):
            out.check()
            if out.full:
                break
            _read_slide(package, slide_part, number, out)


def _read_slide(package: Package, part: str, number: int, out: Collector) -> None:
    slide = load_part(package, part)
    has_tables = slide.find(f".//{A_TBL}") is not None
    text = paragraphs_text(slide, skip=_inside_table if has_tables else None)
    # SmartArt keeps its text in a diagram data part next to the slide.
    for _id, _type, target in package.related(part, "/diagramData"):
        if package.has(target):
            text += "\n" + paragraphs_text(load_part(package, target))
    out.add(f"slide {number}", text)
    for table_number, table in enumerate(slide.iter(A_TBL), start=1):
        for row_number, row in enumerate(table.iterchildren(A_TR), start=1):
            cells = [paragraphs_text(cell).replace("\n", " ") for cell in row.iterchildren(A_TC)]
            out.add(f"slide {number} table {table_number} row {row_number}", "\t".join(cells))
    for _id, _type, target in package.related(part, "/notesSlide"):
        if package.has(target):
            out.add(f"slide {number} notes", _notes_text(load_part(package, target)))


def _notes_text(notes) -> str:
    texts = []
    for shape in notes.iter(P_SP):
        placeholder = shape.find(f".//{P_PH}")
        if placeholder is not None and placeholder.get("type") in _NOTES_SKIP:
            continue
        texts.append(paragraphs_text(shape))
    return "\n".join(t for t in texts if t)
