"""What every reader shares: a collector of cleaned, budgeted segments.

A reader gets the document's bytes and a ``Collector``; it adds text with a
location and checks ``collector.full`` to stop early once the character budget
is spent. Cleaning happens here, once, so no reader can hand NUL bytes or
unpaired surrogates to the database.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..limits import Budget
from ..model import Segment
from ..textclean import clean_text, needs_cleaning


@dataclass
class Collector:
    budget: Budget
    prefix: str = ""  # "attachment invoice.pdf / " for documents inside e-mails
    segments: list[Segment] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    reader: str = ""
    scanned: list[str] = field(default_factory=list)  # see Extraction.scanned

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

    def add_plain(self, location: str, text: str) -> None:
        """Keep text that needs no cleaning (formatted numbers and dates)."""
        if text and not self.budget.exhausted:
            self.segments.append(Segment(self.prefix + location, self.budget.take(text)))

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
            self.scanned,
        )  # fmt: skip
