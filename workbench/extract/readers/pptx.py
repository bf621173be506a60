"""PowerPoint presentations (.pptx, and macro-enabled .pptm read the same way).

Slides are read in presentation order (``p:sldIdLst``), not part-name order.
Each slide gives a "slide N" segment with the text of its shapes (group shapes
and SmartArt included), one "slide N table T row R" segment per table row, and
a "slide N notes" segment with the speaker notes. The addresses of mailto:
links that the text does not show are links of the slide, the row or the notes
("slide 3 (link)").
"""

from __future__ import annotations

import io

from ..package import Package
from .base import Collector
from .ooxml import A_HLINK_CLICK, R_ID, load_part, mailto_targets, main_part

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
A_P, A_T, A_BR, A_TBL, A_TR, A_TC = f"{A}p", f"{A}t", f"{A}br", f"{A}tbl", f"{A}tr", f"{A}tc"
A_R = f"{A}r"
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


def links_of(element, targets: dict[str, str], skip=None) -> list[tuple[str, str]]:
    """(target, display text) of the links under ``element`` whose relationship is in
    ``targets``: on a run of text, or on a whole shape or picture (no text of its own)."""
    found = []
    for link in element.iter(A_HLINK_CLICK):
        target = targets.get(link.get(R_ID))
        if not target or (skip is not None and skip(link)):
            continue
        properties = link.getparent()
        run = properties.getparent() if properties is not None else None
        shown = (run.findtext(A_T) or "") if run is not None and run.tag == A_R else ""
        found.append((target, shown))
    return found


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
    skip = _inside_table if has_tables else None
    text = paragraphs_text(slide, skip=skip)
    targets = mailto_targets(package, part)
    links = links_of(slide, targets, skip) if targets else []
    # SmartArt keeps its text in a diagram data part next to the slide.
    for _id, _type, target in package.related(part, "/diagramData"):
        if package.has(target):
            diagram = load_part(package, target)
            text += "\n" + paragraphs_text(diagram)
            diagram_targets = mailto_targets(package, target)
            if diagram_targets:
                links += links_of(diagram, diagram_targets)
    location = f"slide {number}"
    out.add(location, text)
    if links:
        out.link(location, links, text)
    for table_number, table in enumerate(slide.iter(A_TBL), start=1):
        for row_number, row in enumerate(table.iterchildren(A_TR), start=1):
            cells = [paragraphs_text(cell).replace("\n", " ") for cell in row.iterchildren(A_TC)]
            location = f"slide {number} table {table_number} row {row_number}"
            out.add_row(location, cells)
            if targets:
                out.link(location, links_of(row, targets), "\t".join(cells))
    for _id, _type, target in package.related(part, "/notesSlide"):
        if package.has(target):
            shapes = _notes_shapes(load_part(package, target))
            location, text = f"slide {number} notes", _notes_text(shapes)
            out.add(location, text)
            notes_targets = mailto_targets(package, target)
            if notes_targets:
                links = [link for shape in shapes for link in links_of(shape, notes_targets)]
                out.link(location, links, text)


def _notes_shapes(notes) -> list:
    """The shapes of a notes page that hold notes, not a copy of the slide or its number."""
    shapes = []
    for shape in notes.iter(P_SP):
        placeholder = shape.find(f".//{P_PH}")
        if placeholder is None or placeholder.get("type") not in _NOTES_SKIP:
            shapes.append(shape)
    return shapes


def _notes_text(shapes: list) -> str:
    texts = [paragraphs_text(shape) for shape in shapes]
    return "\n".join(t for t in texts if t)
