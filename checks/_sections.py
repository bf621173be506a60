"""Finding a POE template's section headings in a document's text.

Shared by ``poe_sections`` (are the sections there?) and ``completeness`` (does a report
follow a disclosure in one Word file?). A heading is a section's name where a heading
stands: opening its line (after a number or a bullet) on a short line, or before a colon
("Next steps: ..."). A paragraph that mentions "the next steps we agreed" names no section.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# A heading line is at most this long: a slide title, a Word heading, a table cell.
HEADING_LINE = 150
# What may stand before a heading on its line: "1.", "2.1", "A)", "•", "-", "#", "Section 3:".
_LEAD = re.compile(
    r"[\s\u3000]*(?:(?:(?i:section|part|chapter|partie)\s+)?"
    r"(?:\d{1,2}(?:\.\d{1,2})*[.)\]:：-]?|[A-Za-z][.)\]]|[ivxIVX]{1,4}[.)\]])\s+"
    r"|[•▪●◦■□·*#>\-–—]+\s*)?$"
)


def plain(text: str) -> str:
    """Text as headings are compared: no case, width or punctuation; '&' is 'and'."""
    text = unicodedata.normalize("NFKC", text).casefold().replace("&", " and ")
    return " ".join(re.sub(r"[\W_]+", " ", text).split())


def stem(word: str) -> str:
    # "Next Step" and "Next Steps" are one heading; "Process" and "Business" keep their "ss".
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


# Where a partner may split a compound word: "Cut-over Report", "Road Map", "Hyper-care".
_SPLIT = r"[-\u2010\u2011\s]?"


def _letters(word: str) -> str:
    """``word``, spelt whole or split in two anywhere after its first two letters: the
    literal start keeps the search fast (``heading_pattern``)."""
    if len(word) < 5 or not word.isalpha():
        return re.escape(word)
    return word[:2] + "".join(_SPLIT + re.escape(letter) for letter in word[2:])


def _word(word: str) -> str:
    if word == "and":
        # "Findings & Recommendations", "Findings / Recommendations", "Findings, Recommendations":
        # the punctuation between the words may stand for the "and".
        return r"(?:and|&|\+)?"
    # Plurals, and the forms of a verb a heading takes: "Migration Wave Planning".
    return _letters(stem(word)) + r"(?:e?s|n?ing)?"


@lru_cache(maxsize=256)
def heading_pattern(section: str) -> re.Pattern[str]:
    """The section's words in order, any punctuation between ("Next Step", "FINDINGS &
    RECOMMENDATIONS", "Go-Live Sign-off"), to search lower-case text with.

    It starts with a literal word, which ``re`` finds fifty times faster than a pattern that
    starts with a word boundary or ignores case; ``find_headings`` checks the boundary.
    """
    words = [_word(w) for w in plain(section).split()]
    return re.compile(r"[\W_]*".join(words) + r"(?![^\W_])")


def lowered(text: str) -> str:
    """``text`` in lower case for ``find_headings`` (computed once per document), or "" when
    lower case changes its length (a rare letter), so that positions would not match."""
    lower = text.lower()
    return lower if len(lower) == len(text) else ""


def _line(text: str, start: int, end: int) -> tuple[int, int]:
    """The line (or table cell: cells are tab-separated) around text[start:end]."""
    begin = max(text.rfind("\n", 0, start), text.rfind("\t", 0, start)) + 1
    stops = [i for i in (text.find("\n", end), text.find("\t", end)) if i >= 0]
    return begin, min(stops, default=len(text))


# After the section's name, a heading line holds at most this much ("... and Objectives").
HEADING_TAIL = 40


# A table of contents' entry: a dot leader or a tab, then a page number, ending the line
# ("Executive Summary ........ 3", Word's "Executive Summary<tab>3").
_CONTENTS_ENTRY = re.compile(r"[^\n]*?(?:[.…·]{3,}|\t)[ \t]*\d{1,3}[ \t]*$", re.MULTILINE)


def _in_contents(text: str, position: int) -> bool:
    """Whether the line at ``position`` is an entry of a table of contents: it lists the
    section, it does not hold it."""
    return bool(_CONTENTS_ENTRY.match(text, text.rfind("\n", 0, position) + 1))


def _heads_its_line(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] stands as a heading: (nearly) all of a short line, after at
    most a number or a bullet, or in brackets after its translation ("Revue des processus
    commerciaux (Business Process Review)"); or before a colon ("Next steps: ...")."""
    begin, stop = _line(text, start, end)
    if text[end : end + 3].lstrip(" )").startswith((":", "：")):
        return bool(_LEAD.match(text, begin, start))
    if stop - begin > HEADING_LINE or stop - end > HEADING_TAIL:
        return False
    return bool(_LEAD.match(text, begin, start)) or text[start - 1 : start] in ("(", "（")


def find_headings(
    text: str, section: str, *, limit: int, lower: str | None = None, any_order: bool = True
) -> list[tuple[int, int]]:
    """Up to ``limit`` spans of ``text`` where ``section`` heads its line: its words in order,
    or else (``any_order``) a short line of its words in another order ("Recommendations and
    Findings"). ``lower`` is ``lowered(text)``, if the caller has it."""
    lower = lowered(text) if lower is None else lower
    if lower:
        pattern, searched = heading_pattern(section), lower
    else:
        pattern, searched = re.compile(heading_pattern(section).pattern, re.IGNORECASE), text
    found = []
    for match in pattern.finditer(searched):
        start, end = match.span()
        if start and (searched[start - 1].isalnum() or searched[start - 1] == "_"):
            continue
        if _heads_its_line(text, start, end) and not _in_contents(text, start):
            found.append((start, end))
            if len(found) >= limit:
                break
    if found or not any_order:
        return found
    return _in_any_order(text, searched, section, limit, 0 if lower else re.IGNORECASE)


def _in_any_order(
    text: str, searched: str, section: str, limit: int, flags: int
) -> list[tuple[int, int]]:
    """Short lines holding each of ``section``'s words, in any order ("Recommendations and
    Findings", "Implementation Road-map")."""
    # Its words but "and", which may be left out (``_word``).
    words = [w for w in plain(section).split() if w != "and"]
    if not words:
        return []
    every = [re.compile(rf"(?<![^\W_]){_word(w)}(?![^\W_])", re.IGNORECASE) for w in words]
    first = words[0]
    # The first word as its pattern, not its letters, so that a split compound is found too.
    lead = re.compile(_word(first), flags)
    found: list[tuple[int, int]] = []
    match, looked = lead.search(searched), 0
    while match and looked < 20 * limit and len(found) < limit:
        looked += 1
        begin, stop = _line(text, match.start(), match.start())
        if (
            stop - begin <= HEADING_LINE
            and all(p.search(text, begin, stop) for p in every)
            and not _in_contents(text, begin)
        ):
            found.append((begin, stop))
        match = lead.search(searched, stop)
    return found
