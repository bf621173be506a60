"""Bounds on what one untrusted document may cost.

``Limits`` holds the numbers; ``Budget`` is the running account a reader draws on
while it works. Structural limits (pages, cells, zip members, declared sizes) are
checked before the expensive work starts, so a bomb is refused rather than
survived. The time bound here is cooperative (readers call ``Budget.check``
between pages, rows and parts); the hard bounds, a kill and RLIMIT_AS, come
from the worker pool in ``isolation``.
"""

from __future__ import annotations

import time
from dataclasses import asdict, dataclass

from .model import ExtractionFailed

MiB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """Limits for reading one document (defaults fit POE documents with room to spare)."""

    max_file_bytes: int = 100 * MiB
    max_pages: int = 1000  # PDF pages and slides read; the rest is skipped with a warning
    max_chars: int = 5_000_000  # text kept; the rest is dropped with a warning
    max_cells: int = 1_000_000  # non-empty spreadsheet cells read per workbook
    max_zip_members: int = 5000
    max_uncompressed_bytes: int = 400 * MiB  # sum of declared sizes of a zip's members
    max_member_bytes: int = 200 * MiB  # declared size of one zip member
    max_ratio: float = 200.0  # declared size / compressed size, for members over ratio_floor
    ratio_floor_bytes: int = 4 * MiB
    max_attachment_depth: int = 3  # e-mail within e-mail within e-mail
    max_attachments: int = 100  # attachments read in all, at every depth
    time_seconds: float = 60.0  # wall clock per document
    memory_bytes: int = 2048 * MiB  # address space of an isolated worker

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict | None) -> Limits:
        return cls(**data) if data else cls()


class Budget:
    """The running account of one extraction: time spent and characters kept.

    Readers call ``check()`` in their loops (cheap: one clock read) so a slow
    document stops with ``timeout`` instead of running on, and ``take(n)`` to learn
    how many more characters they may keep.
    """

    def __init__(self, limits: Limits, *, clock=time.monotonic):
        self.limits = limits
        self._clock = clock
        self.deadline = clock() + limits.time_seconds
        self.chars_left = limits.max_chars
        self.attachments_left = limits.max_attachments
        self.truncated = False

    def check(self) -> None:
        if self._clock() > self.deadline:
            raise ExtractionFailed(
                "timeout", f"reading took longer than {self.limits.time_seconds:g} seconds"
            )

    def take(self, text: str) -> str:
        """Return ``text`` cut to what the character budget still allows."""
        if len(text) <= self.chars_left:
            self.chars_left -= len(text)
            return text
        kept = text[: max(self.chars_left, 0)]
        self.chars_left = 0
        self.truncated = True
        return kept

    @property
    def exhausted(self) -> bool:
        return self.chars_left <= 0
