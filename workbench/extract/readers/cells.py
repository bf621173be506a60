"""Turn calamine's rows into located cell segments with little Python work per cell.

In a spreadsheet the bookkeeping per cell (a location string, the cleaning
check, a ``Segment``) costs as much as parsing the file in Rust, so a sheet's
cells are gathered a block of rows at a time and cleaned, budgeted and made
into segments in bulk. The result is exactly what calling ``Collector.add``
for every string cell and ``Collector.add_plain`` for every rendered value
gives: same locations, same text, same budget and truncation, and the same
stop at the end of the row where the cell limit or the character budget runs out.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from itertools import compress, repeat
from operator import not_

from ..gcpause import collector_paused
from ..model import segments_of
from ..textclean import clean_text, needs_cleaning
from .base import Collector

# Rows gathered before the texts are committed: bounds the work done past the
# point where the character budget runs out, and spaces out the deadline checks.
BLOCK_ROWS = 4096
BLOCK_CELLS = 65536


def number_text(value: float) -> str:
    """How cell numbers read: integral ones (below 1e15) without ".0", others as repr."""
    return str(int(value)) if value.is_integer() and -1e15 < value < 1e15 else repr(value)


def show_formats(
    rows: list[list], start: tuple[int, int], money: dict[tuple[int, int], Callable[[float], str]]
) -> None:
    """Replace the numbers of currency-formatted cells with their displayed text."""
    first_row, first_column = start
    for (row, column), render in money.items():
        row, column = row - first_row, column - first_column
        if 0 <= row < len(rows) and 0 <= column < len(rows[row]):
            value = rows[row][column]
            if value.__class__ in (float, int):
                rows[row][column] = render(value)


def column_name(index: int) -> str:
    """0 -> 'A', 25 -> 'Z', 26 -> 'AA'."""
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


class CellSink:
    """Collects one sheet's cells and commits them to a ``Collector`` in blocks.

    ``cells_left`` is the workbook's remaining cell allowance; ``done`` turns true
    once it or the character budget is spent, at the end of a row.
    """

    def __init__(self, out: Collector, cells_left: int):
        self.out = out
        self.cells_left = cells_left
        self.done = out.full or cells_left <= 0

    def add_rows(
        self,
        rows: list[list],
        first_row: int,
        first_col: int,
        prefix: str,
        render: Callable[[object], str],
    ) -> None:
        """Add calamine rows (``first_row``/``first_col`` 0-based) under ``prefix`` ("Sheet!").

        Text and floats are handled here; ``render`` turns any other value into text.
        """
        if self.done or not rows:
            return
        width = max(map(len, rows))
        columns = [self.out.prefix + prefix + column_name(first_col + i) for i in range(width)]
        done_rows = 0
        with collector_paused():
            while done_rows < len(rows) and not self.done:
                block = _gather(
                    rows, done_rows, first_row, columns, render, min(self.cells_left, BLOCK_CELLS)
                )
                done_rows += len(block[2])
                self._commit(*block)

    def _commit(self, locations: list[str], texts: list[str], row_ends: list[int]) -> None:
        out = self.out
        out.check()
        if not texts:
            return
        texts = _cleaned(texts)
        budget = out.budget
        total = sum(map(len, texts))
        if total <= budget.chars_left:
            budget.chars_left -= total
            last = len(texts) - 1
            if budget.exhausted:  # spent exactly: the cells after the last kept text go uncounted
                last = max(index for index, text in enumerate(texts) if text)
        else:
            locations, texts, last = _fit(out, locations, texts)
        # Like the cell-by-cell loop: the row where the budget ran out is finished.
        counted = row_ends[bisect_left(row_ends, last + 1)]
        if "" in texts:  # blank after cleaning: nothing to keep, but the cell counted
            locations = list(compress(locations, texts))
            texts = list(filter(None, texts))
        out.segments.extend(segments_of(zip(locations, texts, repeat(None))))
        self.cells_left -= counted
        self.done = out.full or self.cells_left <= 0


def _gather(rows: list[list], start: int, first_row: int, columns: list[str], render, enough: int):
    """Locations, texts and per-row text counts of up to ``BLOCK_ROWS`` rows from ``start``.

    Stops after the row where ``enough`` texts are reached. This loop runs once
    per cell: it keeps to local names and inlines ``number_text``.
    """
    locations: list[str] = []
    texts: list[str] = []
    row_ends: list[int] = []  # len(texts) after each row
    add_location, add_text, end_row = locations.append, texts.append, row_ends.append
    for index in range(start, min(len(rows), start + BLOCK_ROWS)):
        suffix = str(first_row + index + 1)
        for column, value in zip(columns, rows[index], strict=False):
            kind = value.__class__
            if kind is str:
                if value:  # "" is calamine's empty cell (and error values, which xlrd also skips)
                    add_location(column + suffix)
                    add_text(value)
            elif kind is float:
                add_location(column + suffix)
                integral = value.is_integer() and -1e15 < value < 1e15
                add_text(str(int(value)) if integral else repr(value))
            else:
                add_location(column + suffix)
                add_text(render(value))
        end_row(len(texts))
        if len(texts) >= enough:
            break
    return locations, texts, row_ends


def _cleaned(texts: list[str]) -> list[str]:
    """What ``Collector.add`` keeps of each text ("" for nothing).

    Every character and sequence that ``needs_cleaning`` looks for is
    non-printable (controls, surrogates, non-characters, line breaks), so the
    regex runs only on the rare texts that ``str.isprintable`` rejects.
    """
    kept = list(map(str.strip, texts))
    printable = list(map(str.isprintable, texts))
    if not all(printable):
        for index in compress(range(len(texts)), map(not_, printable)):
            if needs_cleaning(texts[index]):
                kept[index] = clean_text(texts[index])
    return kept


def _fit(out: Collector, locations: list[str], texts: list[str]) -> tuple[list, list, int]:
    """Take texts one by one until the budget is spent, as ``Collector.add`` would.

    Returns the kept locations and texts and the index of the last text looked at.
    """
    budget = out.budget
    kept_locations: list[str] = []
    kept_texts: list[str] = []
    last = -1
    for location, text in zip(locations, texts, strict=True):
        if budget.exhausted:
            break
        last += 1
        if text:
            kept_locations.append(location)
            kept_texts.append(budget.take(text))
    return kept_locations, kept_texts, last
