"""What every reader shares: a collector of cleaned, budgeted segments.

A reader gets the document's bytes and a ``Collector``; it adds text with a
location and checks ``collector.full`` to stop early once the character budget
is spent. Cleaning happens here, once, so no reader can hand NUL bytes or
unpaired surrogates to the database.

Link targets go apart from the text (``link``): a mailto: link shows "Email Jane"
and carries jane@contoso.com, which the privacy check must see, but what the
document shows (its language, its sections, its words compared with other
claims' documents) is the text alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, unquote

from ..limits import Budget
from ..model import Segment
from ..textclean import clean_text, needs_cleaning

# Only so much of a link is looked at (an address is at most 254 characters).
MAX_LINK_TARGET = 2048
MAX_LINK_ADDRESSES = 20
MAX_LINK_DISPLAY = 200
_LINK_ADDRESS = re.compile(r"[\w.!#$%'*+/=?^`{|}~-]+@[\w-]+(?:\.[\w-]+)+")
# A mailto: link's subject and body are text for the message, not its addressees.
_ADDRESS_FIELDS = ("to", "cc", "bcc")


def mailto_addresses(target: str) -> list[str]:
    """The e-mail addresses a mailto: link writes to (to, cc and bcc), or [] for other links."""
    target = target.strip()[:MAX_LINK_TARGET]
    if target[:7].casefold() != "mailto:":
        return []
    path, _, query = target[7:].partition("?")
    fields = [unquote(path)]
    fields += [value for key, value in parse_qsl(query) if key.casefold() in _ADDRESS_FIELDS]
    found = [address for text in fields for address in _LINK_ADDRESS.findall(text)]
    return list(dict.fromkeys(found))[:MAX_LINK_ADDRESSES]


@dataclass
class Collector:
    budget: Budget
    prefix: str = ""  # "attachment invoice.pdf / " for documents inside e-mails
    segments: list[Segment] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    reader: str = ""
    scanned: list[str] = field(default_factory=list)  # see Extraction.scanned
    # Extraction.links, in document order; a dict, as the same link is often written twice.
    links: dict[Segment, None] = field(default_factory=dict)

    def add(self, location: str, text: str) -> None:
        """Clean ``text`` and keep it under ``location`` if anything is left.

        This runs once per paragraph, slide and spreadsheet cell, so it is kept lean.
        """
        budget = self.budget
        if budget.chars_left <= 0:
            return
        text = clean_text(text) if needs_cleaning(text) else text.strip()
        if not text:
            return
        if len(text) <= budget.chars_left:
            budget.chars_left -= len(text)
        else:
            text = budget.take(text)
        self.segments.append(Segment(self.prefix + location, text))

    def add_row(self, location: str, cells: list[str]) -> None:
        """Keep a table row as its cells joined by tabs, cleaned like ``add``.

        A cell's column is its place in the row, so the empty cells before the first
        one with text are kept (["", "Bill To:"] is "\tBill To:", not "Bill To:" in
        the first column); empty cells at the end place nothing and go.
        """
        text = "\t".join(cells)
        text = clean_text(text) if needs_cleaning(text) else text.strip()
        if not text or self.budget.exhausted:
            return
        lead = 0
        for cell in cells:
            if (clean_text(cell) if needs_cleaning(cell) else cell.strip()) != "":
                break
            lead += 1
        self.segments.append(Segment(self.prefix + location, self.budget.take("\t" * lead + text)))

    def add_plain(self, location: str, text: str) -> None:
        """Keep text that needs no cleaning (formatted numbers and dates)."""
        if text and not self.budget.exhausted:
            self.segments.append(Segment(self.prefix + location, self.budget.take(text)))

    def link(self, location: str, links: list[tuple[str, str]], shown: str) -> None:
        """Keep the mailto: addresses of ``links`` ((target, display text) pairs found at
        ``location``) that ``shown``, the text there, does not show.

        A link cut into pieces by formatting is one link: its pieces' texts are joined.
        It is kept as "Email Jane <mailto:jane@contoso.com>" under "LOCATION (link)".
        """
        displays: dict[str, list[str]] = {}
        for target, display in links:
            if mailto_addresses(target):
                displays.setdefault(target.strip(), []).append(display)
        seen = shown.casefold()
        for target, pieces in displays.items():
            if self.budget.exhausted:
                return
            hidden = [a for a in mailto_addresses(target) if a.casefold() not in seen]
            if not hidden:
                continue  # the text shows the address: nothing is hidden behind it
            display = " ".join(" ".join(pieces).split())[:MAX_LINK_DISPLAY]
            text = f"mailto:{', '.join(hidden)}"
            text = f"{display} <{text}>" if display else text
            text = clean_text(text) if needs_cleaning(text) else text
            segment = Segment(f"{self.prefix}{location} (link)", text)
            if segment not in self.links:
                self.links[Segment(segment.location, self.budget.take(text))] = None

    def mark(self) -> tuple[int, int]:
        """Where the text and the links end now, for ``rollback``."""
        return len(self.segments), len(self.links)

    def rollback(self, mark: tuple[int, int]) -> None:
        """Drop what was added since ``mark`` (an attachment that failed half read)."""
        del self.segments[mark[0] :]
        for segment in list(self.links)[mark[1] :]:
            del self.links[segment]

    def warn(self, message: str) -> None:
        if message not in self.warnings:
            self.warnings.append(message)

    @property
    def full(self) -> bool:
        return self.budget.exhausted

    def check(self) -> None:
        self.budget.check()

    def child(self, prefix: str) -> Collector:
        """A collector for an embedded document that shares this one's budget."""
        return Collector(
            self.budget, self.prefix + prefix, self.segments, self.warnings, self.reader,
            self.scanned, self.links,
        )  # fmt: skip
