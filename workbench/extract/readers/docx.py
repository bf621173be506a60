"""Word documents (.docx, and macro-enabled .docm read the same way).

Body paragraphs become "paragraph N" segments and table rows "table T row R"
(cells separated by tabs), in document order; headers, footers, footnotes,
endnotes and comments follow. A row has a cell for each column of the table's
grid it covers, empty ones included: a merged cell's text is in its first
column, the others it covers are empty. Text boxes are read inside the paragraph
that anchors them; deleted revisions (``w:delText``) and field codes are not text.
The addresses of mailto: hyperlinks that the text does not show are links of
the paragraph or row ("paragraph 12 (link)").
"""

from __future__ import annotations

import io

from ..package import Package
from .base import Collector
from .ooxml import A_HLINK_CLICK, R_ID, load_part, mailto_targets, main_part

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
W_P, W_T, W_TAB, W_BR, W_CR = f"{W}p", f"{W}t", f"{W}tab", f"{W}br", f"{W}cr"
W_TBL, W_TR, W_TC, W_SDT, W_SDT_CONTENT = f"{W}tbl", f"{W}tr", f"{W}tc", f"{W}sdt", f"{W}sdtContent"
W_NB_HYPHEN, W_BODY, W_HYPERLINK = f"{W}noBreakHyphen", f"{W}body", f"{W}hyperlink"
W_GRID_BEFORE, W_GRID_SPAN, W_VAL, W_CUSTOM_XML = (
    f"{W}gridBefore", f"{W}gridSpan", f"{W}val", f"{W}customXml",
)  # fmt: skip
# Word's tables have at most 63 columns: a span beyond is a damaged or hostile file.
MAX_COLUMNS = 63
_TEXT_TAGS = (W_P, W_T, W_TAB, W_BR, W_CR, W_NB_HYPHEN)
_ROW_TAGS = (*_TEXT_TAGS, W_TC, W_GRID_SPAN, W_GRID_BEFORE)
_CELL_WRAPPERS = (W_SDT, W_SDT_CONTENT, W_CUSTOM_XML)

# Secondary stories, in the order a reviewer would look at them.
_STORIES = (
    ("/header", "header"),
    ("/footer", "footer"),
    ("/footnotes", "footnote"),
    ("/endnotes", "endnote"),
    ("/comments", "comment"),
)


def text_of(element) -> str:
    """Text of a paragraph or cell; nested paragraphs (text boxes, cells) start new lines."""
    parts = []
    first = True
    for node in element.iter(_TEXT_TAGS):
        tag = node.tag
        if tag == W_T:
            if node.text:
                parts.append(node.text)
        elif tag == W_P:
            if not first:
                parts.append("\n")
        elif tag == W_TAB:
            parts.append("\t")
        elif tag == W_NB_HYPHEN:
            parts.append("-")
        else:
            parts.append("\n")
        first = False
    return "".join(parts)


def links_of(element, targets: dict[str, str]) -> list[tuple[str, str]]:
    """(target, display text) of the links under ``element`` whose relationship is in
    ``targets``: hyperlinks, and pictures that link (DrawingML ``a:hlinkClick``)."""
    found = []
    for link in element.iter(W_HYPERLINK, A_HLINK_CLICK):
        target = targets.get(link.get(R_ID))
        if target:
            shown = "".join(t.text or "" for t in link.iter(W_T)) if link.tag == W_HYPERLINK else ""
            found.append((target, shown))
    return found


def row_cells(row) -> list[str]:
    """The texts of a table row, one per grid column it covers, each on one line.

    A row may start late (``w:gridBefore``) and a cell span several columns
    (``w:gridSpan``): the columns they skip or cover are empty cells, so a value
    stays in the column of its label. python-docx's ``_Row.cells`` repeats a merged
    cell in each column instead; text read twice would be counted twice. A
    vertically merged cell's continuation (``w:vMerge``) has its own, empty, text.
    A nested table's text is its cell's, as in ``text_of``.
    """
    # One walk over the whole row gives its cells' texts and spans: a walk per cell,
    # and a lookup of its properties, made table rows a fifth slower to read.
    cells: list[str] = []
    parts: list[str] = []
    cell = None
    span, first = 1, True
    for node in row.iter(_ROW_TAGS):
        tag = node.tag
        if tag == W_T:
            if node.text:
                parts.append(node.text)
        elif tag == W_TC:
            if not _in_row(node, row):
                continue  # a nested table's cell
            if cell is not None:
                cells.append("".join(parts).replace("\n", " "))
                cells.extend([""] * (span - 1))
            cell, parts, span, first = node, [], 1, True
            continue
        elif tag == W_P:
            if not first:
                parts.append("\n")
        elif tag == W_TAB:
            parts.append("\t")
        elif tag == W_NB_HYPHEN:
            parts.append("-")
        elif tag == W_GRID_SPAN:
            # The cell's own (in its tcPr, before its text), not a nested table's or a
            # tracked change's.
            if first and cell is not None and node.getparent().getparent() is cell:
                span = _grid_number(node, 1)
            continue
        elif tag == W_GRID_BEFORE:
            if cell is None and node.getparent().getparent() is row:
                cells.extend([""] * _grid_number(node, 0))
            continue
        else:
            parts.append("\n")
        first = False
    if cell is not None:
        cells.append("".join(parts).replace("\n", " "))
        cells.extend([""] * (span - 1))
    return cells


def _in_row(cell, row) -> bool:
    """Whether ``cell`` is one of ``row``'s, with content controls or custom XML around it."""
    parent = cell.getparent()
    while parent is not row and parent is not None and parent.tag in _CELL_WRAPPERS:
        parent = parent.getparent()
    return parent is row


def _grid_number(option, default: int) -> int:
    """A ``w:gridBefore`` or ``w:gridSpan`` value, within a table's size."""
    try:
        number = int(option.get(W_VAL, ""))
    except ValueError:
        return default
    return max(0, min(number, MAX_COLUMNS))


def read_docx(data: bytes, out: Collector) -> None:
    out.reader = "docx-xml"
    with Package.open(io.BytesIO(data), out.budget.limits) as package:
        main = main_part(package)
        root = load_part(package, main)
        body = root.find(W_BODY)
        if body is not None:
            _walk_body(body, out, [0, 0], mailto_targets(package, main))
        seen: set[str] = set()
        for suffix, label in _STORIES:
            for _id, _type, target in package.related(main, suffix):
                if out.full or not package.has(target):
                    continue
                out.check()
                story = load_part(package, target)
                links = mailto_targets(package, target)
                if label in ("header", "footer"):
                    text = text_of(story)
                    if text.strip() and text not in seen:  # first/even/default headers repeat
                        seen.add(text)
                        out.add(label, text)
                    if links:
                        out.link(label, links_of(story, links), text)
                else:
                    _walk_body(story, out, [0, 0], links, prefix=label + " ")


def _walk_body(
    container, out: Collector, counters: list[int], links: dict[str, str], prefix: str = ""
) -> None:
    """Add top-level paragraphs and table rows of ``container`` in document order.

    ``links`` are the part's mailto: targets; most documents have none, and then no
    paragraph is searched for links.
    """
    for child in container:
        if out.full:
            return
        tag = child.tag
        if tag == W_P:
            counters[0] += 1
            location, text = f"{prefix}paragraph {counters[0]}", text_of(child)
            out.add(location, text)
            if links:
                out.link(location, links_of(child, links), text)
        elif tag == W_TBL:
            counters[1] += 1
            out.check()
            for row_number, row in enumerate(child.iter(W_TR), start=1):
                location, cells = f"{prefix}table {counters[1]} row {row_number}", row_cells(row)
                out.add_row(location, cells)
                if links:
                    out.link(location, links_of(row, links), "\t".join(cells))
        elif tag in (W_SDT, W_SDT_CONTENT) or len(child):
            # Content controls, custom XML and footnote/comment wrappers hold body content.
            _walk_body(child, out, counters, links, prefix)
