"""Regular expressions that step over BIFF records in C, for ``biff``'s walk.

A BIFF record is a 16-bit type, a 16-bit length and that many bytes. Walking
records one by one in Python costs about as much as calamine's whole read of
the file, so runs of records are consumed by one ``re`` match instead: for
every length below 256 there is a branch that skips exactly that many bytes,
so the match stops on record boundaries, exactly where a record-by-record walk
would be. A run ends at any record the caller must look at (``stops``), at a
cell record whose row or column is outside the given limits, and at any record
of 256 bytes or more; the caller reads that record in Python and resumes.
"""

from __future__ import annotations

import re
import struct
from functools import lru_cache

_LONGEST = 255  # records longer than this are left to the caller
MULRK = 0x00BD


def _type(value: int) -> bytes:
    return re.escape(struct.pack("<H", value))


def _byte_range(low: int, high: int) -> bytes:
    return b"[" + re.escape(bytes([low])) + b"-" + re.escape(bytes([high])) + b"]"


def _record(length: int, start: bytes = b"") -> bytes:
    """The length field of a record of ``length`` (< 256) bytes, then its bytes.

    ``start`` is a pattern for its first four bytes (a cell's row and column).
    """
    rest = length - (4 if start else 0)
    return re.escape(bytes([length])) + b"\x00" + start + (b".{%d}" % rest if rest else b"")


def _any_length(start: bytes = b"") -> bytes:
    shortest = 4 if start else 0
    return b"(?:" + b"|".join(_record(n, start) for n in range(shortest, _LONGEST + 1)) + b")"


def _mulrk(row_limit: int, col_limit: int) -> bytes:
    """MULRK records that stay inside the limits: 6 + 6 * count bytes, cells from the first column.

    A first column below half the limit and at most half the limit of cells
    keep the last column inside it (calamine rejects a MULRK whose last column,
    written at its end, disagrees with its length).
    """
    half = col_limit // 2
    start = b"." + _byte_range(0, row_limit // 256 - 1) + _byte_range(0, half - 1) + b"\x00"
    lengths = [6 + 6 * count for count in range(1, half + 1) if 6 + 6 * count <= _LONGEST]
    return b"(?:" + b"|".join(_record(length, start) for length in lengths) + b")"


@lru_cache(maxsize=16)
def skipper(stops: frozenset[int], cells: frozenset[int], row_limit: int, col_limit: int):
    """``match`` of a pattern consuming records up to the next one to look at.

    Records of a type in ``cells``, and MULRK records, are consumed only if
    their cells' rows are below ``row_limit`` (a multiple of 256) and their
    columns below ``col_limit`` (at most 256); records of a type in ``stops``
    never are.
    """
    within = b"." + _byte_range(0, row_limit // 256 - 1) + _byte_range(0, col_limit - 1) + b"\x00"
    # MULRK is a cell record too, with a branch of its own below.
    held = stops | cells | ({MULRK} if cells else set())
    halt = b"|".join(_type(value) for value in sorted(held))
    # The commonest records first, by their usual length: a branch whose first
    # byte differs is passed over at once. BLANK, ROW; LABELSST, NUMBER, RK.
    branches = [
        _type(value) + _record(length)
        for value, length in ((0x0201, 6), (0x0208, 16))
        if value not in held
    ]
    branches += [
        _type(value) + _record(length, within)
        for value, length in ((0x00FD, 10), (0x0203, 14), (0x027E, 10))
        if value in cells - stops
    ]
    if cells - stops:
        kinds = b"|".join(_type(value) for value in sorted(cells - stops))
        branches.append(b"(?:" + kinds + b")" + _any_length(within))
    if cells and MULRK not in stops:
        branches.append(_type(MULRK) + _mulrk(row_limit, col_limit))
    branches.append(b"(?!" + halt + b").." + _any_length())
    return re.compile(b"(?:" + b"|".join(branches) + b")++", re.S).match
