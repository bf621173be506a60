"""The POE report has the sections its engagement's template requires, and they are filled in."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate

from checks._sections import find_headings, lowered
from checks.completeness import not_a_report
from workbench.check_api import (
    Check,
    CheckContext,
    ClaimView,
    DocumentView,
    Evidence,
    ExampleCase,
    Result,
    Segment,
    Severity,
    Status,
)
from workbench.testing import docx_document, invoice_docx, pptx_document

# A section holds at least this many letters of its own under its heading.
FILLED_LETTERS = 20
# What is read under a heading, at most: enough to see it was filled in.
CONTENT_CHARS = 2000
# A section that opens with the template's words within this many characters is the template's.
OPENING_CHARS = 300
# Where a section is named this often, the first places are enough to judge it by.
MAX_PLACES = 50
# The template's words where the partner's should be: "[Insert the customer's goals]",
# "<Next step 1 – owner – date>", "<Title>"; not a command's "<tenant>" or "<APR>".
_BLANKS = (
    r"insert|enter|add|describe|list|type|provide|summari[sz]e|include|specify|customer|partner"
    r"|attendee|name|date|title|owner|next\s+step|company|workshop|project|contact"
)
_PLACEHOLDER = re.compile(
    rf"(?i)\[\s*(?:{_BLANKS}|tbd|xx)[^\]\n]{{0,80}}\]|<\s*(?:{_BLANKS})[^>\n]{{0,80}}>"
    r"|(?-i:<[A-Z][a-z]+ [^<>@/:\n]{1,80}>)|\{\{|\blorem\s+ipsum\b"
    r"|\bto\s+be\s+(?:completed|filled\s+in|added)\b|^\W*(?:N/?A)\W*$"
    # A line that opens with "TBD" is still to be written ("TBD – details to follow").
    r"|^\W*(?:TBD|TBC|TODO)\b.*$"
    # The template's own reminder: "Example POE – replace every placeholder with ...".
    r"|^.*\breplace\s+(?:every|each|all|any|the|these)\s+placeholders?\b.*$",
    re.MULTILINE,
)
# A sentence that opens as the template's instructions do, with a verb to the partner ("Give
# the agreed next steps ...", "Please describe ..."), up to its end: "customer.com" does not end
# it, and a PDF's wrapped line goes on in lower case. Real next steps open so too ("Provide the
# migration plan to the customer by June"): such a sentence is the template's only with a mark
# of an instruction (``_instructs``).
_INSTRUCTION = re.compile(
    r"(?:^|(?<=[.!?;]\s))[^\w\n]{0,6}(?:(?:please|briefly|also)\s+)*"
    r"(?:insert|enter|add|type|paste|describe|list|provide|summari[sz]e|include|give|state"
    r"|explain|outline|specify|detail|record|document|identify|note|mention|fill\s+in|attach"
    r"|upload|complete|write|use|keep|capture|show|indicate|highlight|present|do\s+not"
    r"|don['’]t)\b(?:[^.!?\n]|[.!?](?=\S)|\n(?=[a-z]))*[.!?]?",
    re.IGNORECASE | re.MULTILINE,
)
# Marks of an instruction: where to write ("here", "this section", "this slide"), how much
# ("in a few sentences", "half a page").
_GUIDANCE_MARK = re.compile(
    r"\bhere\b(?!\s+(?:is|are)\b)"
    r"|\bthis\s+(?:section|slide|page|template|box|field|table|space|area|column|heading)\b"
    r"(?!\s+(?:of|deck)\b)"
    r"|\bin\s+(?:a\s+few|one\s+or\s+two|two\s+or\s+three|\d+)\s+(?:sentences|words|lines"
    r"|bullets|bullet\s+points|paragraphs)\b|\b(?:half\s+a|a\s+single)\s+(?:page|paragraph)\b",
    re.IGNORECASE,
)
# The template speaks to the partner of the customer: "describe what the customer told you".
_YOU = re.compile(r"\byou(?:rs?)?\b", re.IGNORECASE)
_THE_CUSTOMER = re.compile(r"\bthe\s+(?:customer|client)\b", re.IGNORECASE)
# A verb only the template opens with, over the template's generic words and nothing of a
# customer's (no figure, date or name): "Describe the current state of the customer's
# environment", "Insert the customer's goals". Not "Describe the pilot to the CIO in May".
_TEMPLATE_VERB = re.compile(
    r"[^\w\n]{0,6}(?:(?:please|briefly)\s+)*(?:insert|enter|type|paste|describe|summari[sz]e"
    r"|explain|fill\s+in)\b",
    re.IGNORECASE,
)
_GENERIC = re.compile(
    r"\bthe\s+(?:customer|client|engagement|workshop|partner|organi[sz]ation|company|project"
    r"|current\s+state)(?:['’]s)?\b",
    re.IGNORECASE,
)
# Something of one customer's: a figure, or a capital inside the sentence (a name, a month).
_SPECIFIC = re.compile(r"\d|(?<=[\w,;:)] )[A-Z]")
# Not an instruction, but the template's description of what the section holds.
_ABOUT_THE_SECTION = re.compile(
    r"^[^\w\n]{0,6}this\s+(?:section|slide|page)\s+(?:should|must|needs\s+to|is\s+(?:to|where|for)"
    r"|will\s+(?:contain|describe|list|summari[sz]e|show))\b[^\n]*",
    re.IGNORECASE | re.MULTILINE,
)
_LETTER = re.compile(r"[^\W\d_]")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
# The examples' invoice: the sections are the report's business, not the invoice's.
_INVOICE = invoice_docx(["INVOICE INV-2026-001", "Claim ID: 3000001", "FridayINC Inc."])

# A filled-in workshop report; ``_example`` replaces the sections it is given.
_FILLED = {
    "Executive Summary": "Contoso Ltd frontline workshop, 14 managers.",
    "Frontline Scenarios": "Shift swaps and task lists in Teams.",
    "Envisioning Session": "Held on 2 October with 14 store managers.",
    "Next Steps": "A pilot of Teams Shifts in three stores.",
}


def _example(claims, **sections: str):
    deck = pptx_document("report.pptx", list({**_FILLED, **sections}.items()))
    return claims.view(documents=[_INVOICE, deck])


@dataclass(frozen=True)
class _Heading:
    section: str
    document: DocumentView
    index: int  # the segment's position in the document
    start: int  # where the heading is in the segment's text
    end: int


def _headings(document: DocumentView, sections: Sequence[str]) -> list[_Heading]:
    """Places in ``document`` where one of ``sections`` is named, in reading order.

    Searched in the whole text at once (in C): a 60,000-cell workbook is not walked cell by
    cell for each section.
    """
    text = document.text
    lower = lowered(text)
    starts = list(accumulate((len(s.text) + 1 for s in document.segments), initial=0))
    found = []
    for section in sections:
        for begin, finish in find_headings(text, section, limit=MAX_PLACES, lower=lower):
            index = bisect_right(starts, begin) - 1
            length = len(document.segments[index].text)
            found.append(
                _Heading(section, document, index, begin - starts[index],
                         min(finish - starts[index], length))
            )  # fmt: skip
    return sorted(found, key=lambda h: (h.index, h.start))


def _content(heading: _Heading, next_heading: _Heading | None) -> str:
    """The text under ``heading``, up to the next heading of a section."""
    segments = heading.document.segments
    if next_heading is not None and next_heading.index == heading.index:
        return segments[heading.index].text[heading.end : max(heading.end, next_heading.start)]
    parts = [segments[heading.index].text[heading.end :]]
    stop = next_heading.index if next_heading is not None else len(segments)
    for segment in segments[heading.index + 1 : stop]:
        parts.append(segment.text)
        if sum(map(len, parts)) > CONTENT_CHARS:
            break
    return "\n".join(parts)[:CONTENT_CHARS]


def _filled(content: str) -> bool:
    """Whether ``content`` holds the partner's words, not only the template's, from its start."""
    left = _template_spans(content)
    text = content
    for start, end in reversed(left):
        text = text[:start] + " " + text[end:]
    letters = sum(1 for _ in _LETTER.finditer(text))
    # A Japanese or Chinese word is a character or two: "店舗責任者14名と実施。" is content.
    letters += 2 * sum(1 for _ in _CJK.finditer(text))
    return letters >= FILLED_LETTERS and not any(start < OPENING_CHARS for start, _ in left)


def _template_spans(content: str) -> list[tuple[int, int]]:
    """Where ``content`` still holds the template's placeholders or instructions, in order."""
    spans = [m.span() for m in _PLACEHOLDER.finditer(content)]
    spans += [m.span() for m in _ABOUT_THE_SECTION.finditer(content)]
    spans += [m.span() for m in _INSTRUCTION.finditer(content) if _instructs(m[0])]
    return _merged(spans)


def _instructs(sentence: str) -> bool:
    """Whether an imperative ``sentence`` is the template's instruction to the partner."""
    return bool(
        _GUIDANCE_MARK.search(sentence)
        or (_YOU.search(sentence) and _THE_CUSTOMER.search(sentence))
        or (
            _TEMPLATE_VERB.match(sentence)
            and _GENERIC.search(sentence)
            and not _SPECIFIC.search(sentence)
        )
    )


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _excerpt(segment: Segment, limit: int = 120) -> str:
    text = " ".join(segment.text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class PoeSections(Check):
    id = "poe-sections"
    version = "8"
    title = "POE has the template's sections"
    description = (
        "The POE reports (not a disclosure or a copy of the invoice) name every section the "
        "engagement's POE template requires where a heading stands: a slide title, a Word "
        "heading, a table cell, a short numbered line, a name before a colon or in brackets "
        "after its translation (case, punctuation, '&' for 'and', plurals and -ing forms "
        "aside), with the partner's own words under it. A paragraph that only mentions a "
        "section names none. A section left empty or with the template's placeholders "
        "('[Insert ...]', '<Customer name>', TBD) or instructions ('Provide a summary ... here', "
        "'Keep this section to half a page', 'Describe the current state of the customer's "
        "environment') warns; an imperative of the partner's own ('Provide the migration plan to "
        "the customer by June') is content. Missing sections fail when the main report is in "
        "English; in French or Japanese, whose headings may be translated, they warn. "
        "Sections spread over several documents count."
    )
    severity = Severity.ADVISORY
    reads_matches = False

    def applies_to(self, claim: ClaimView) -> bool:
        return bool(claim.engagement.required_sections) and bool(claim.poe_documents)

    def skip_reason(self, claim: ClaimView) -> str:
        if not claim.poe_documents:
            return "No POE document uploaded (the completeness check reports it)."
        return "The engagement's POE template lists no required sections."

    def run(self, claim: ClaimView, context: CheckContext) -> Result:
        sections = claim.engagement.required_sections
        reports = [d for d in claim.poe_documents if not_a_report(d, claim) is None]
        readable = [d for d in reports if d.readable]
        first: dict[str, _Heading] = {}
        filled: dict[str, _Heading] = {}
        for found in (_headings(d, sections) for d in readable):
            for position, heading in enumerate(found):
                after = found[position + 1] if position + 1 < len(found) else None
                first.setdefault(heading.section, heading)
                if heading.section not in filled and _filled(_content(heading, after)):
                    filled[heading.section] = heading
        missing = [s for s in sections if s not in first]
        empty = [s for s in sections if s in first and s not in filled]
        cited = [_evidence(filled.get(s) or first[s]) for s in sections if s in first]
        template = f"the {claim.engagement.name} POE template"
        if missing:
            unreadable = [d for d in reports if not d.readable]
            if unreadable:
                return Result.unreadable(
                    unreadable[0],
                    f"Could not tell whether the POE has {_listed(missing)} required by "
                    f"{template}: {unreadable[0].file_name} cannot be read",
                )
            searched = ", ".join(d.file_name for d in readable) or "no POE report"
            message = (
                f"The POE ({searched}) does not name {_listed(missing)}, required by {template}"
            )
            # The main report's language: an English attendance sheet beside a French report
            # does not make its translated headings missing.
            main = max(readable, key=lambda d: len(d.text), default=None)
            if main is not None and main.language not in (None, "en"):
                return Result.warning(
                    f"{message}; it is not in English, and its headings may be translated: "
                    "confirm the sections.",
                    cited or [Evidence(d.file_name, "", "") for d in readable],
                )
            if empty:
                message += f", and {_listed(empty)} {_is(empty)} empty or still the template's"
            return Result.failed(
                message + ".", cited or [Evidence(d.file_name, "", "") for d in readable]
            )
        if empty:
            return Result.warning(
                f"The POE names every section of {template}, but {_listed(empty)} "
                f"{_is(empty)} empty or still {_hold(empty)} the template's placeholders or "
                "instructions: confirm it was completed.",
                [_evidence(first[s]) for s in empty],
            )
        return Result.passed(
            f"The POE has every section of {template} ({', '.join(sections)}), each filled in.",
            cited,
        )

    examples = (
        ExampleCase("every section, filled in", lambda claims: claims.view(), Status.PASS),
        ExampleCase(
            "a report without the template's sections",
            lambda claims: claims.view(
                documents=[
                    _INVOICE,
                    docx_document(
                        "report.docx",
                        ["Workshop report", "We met the Contoso Ltd store managers in October."],
                    ),
                ]
            ),
            Status.FAIL,
        ),
        ExampleCase(
            "a section still holding the template's placeholder",
            lambda claims: _example(
                claims, **{"Envisioning Session": "[Insert the session's outcomes]"}
            ),
            Status.WARN,
        ),
        ExampleCase(
            "a section still holding the template's instruction",
            lambda claims: _example(
                claims,
                **{
                    "Executive Summary": "Provide a summary of the engagement's objectives and "
                    "outcomes here.",
                },
            ),
            Status.WARN,
        ),
        ExampleCase(
            "next steps written as the partner's own instructions",
            lambda claims: _example(
                claims, **{"Next Steps": "Provide the pilot plan to the customer by June."}
            ),
            Status.PASS,
        ),
    )


def _evidence(heading: _Heading) -> Evidence:
    segment = heading.document.segments[heading.index]
    return heading.document.evidence(segment, _excerpt(segment))


def _listed(sections: Sequence[str]) -> str:
    quoted = [f"'{s}'" for s in sections]
    if len(quoted) == 1:
        return f"the section {quoted[0]}"
    return f"the sections {', '.join(quoted[:-1])} and {quoted[-1]}"


def _is(sections: Sequence[str]) -> str:
    return "is" if len(sections) == 1 else "are"


def _hold(sections: Sequence[str]) -> str:
    return "holds" if len(sections) == 1 else "hold"
