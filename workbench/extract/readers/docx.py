"""Word documents (.docx, and macro-enabled .docm read the same way).

Body paragraphs become "paragraph N" segments and table rows "table T row R"
(cells separated by tabs), in document order; headers, footers, footnotes,
endnotes and comments follow. Text boxes are read inside the paragraph that
anchors them; deleted revisions (``w:delText``) and field codes are not text.
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
_TEXT_TAGS = (W_P, W_T, W_TAB, W_BR, W_CR, W_NB_HYPHEN)

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
                cells = [text_of(cell).replace("\n", " ") for cell in row.iterchildren(W_TC)]
                location, text = f"{prefix}table {counters[1]} row {row_number}", "\t".join(cells)
                out.add(location, text)
                if links:
                    out.link(location, links_of(row, links), text)
        elif tag in (W_SDT, W_SDT_CONTENT) or len(child):
            # Content controls, custom XML and footnote/comment wrappers hold body content.
            _walk_body(child, out, counters, links, prefix)
