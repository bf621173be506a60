"""An OLE container's chains walked with every sector checked: the names at its top
(for sniffing) and the workbook stream of an .xls (for calamine).

Sniffing only needs the names directly under the root storage; olefile builds
the whole storage tree to give them, and checks each stream against a list of
those seen before, which takes seconds on a message with thousands of
recipients. ``top_level_names`` reads just the root's children.

The workbook stream is taken from the container only if the container is clean.

calamine follows the container's sector chains without looking for loops: a
directory chain that loops, or a looping stream chain that declares a large
size, makes it grow a buffer until the allocation fails, and a failed Rust
allocation aborts the process. So before calamine sees a file, every chain it
follows (DIFAT, directory, mini stream, mini FAT, workbook stream) is walked
here with each sector number checked to lie inside the file and to be visited
once. Containers that are merely unusual (4096-byte sectors, more than one
stream that could be the workbook, FAT entries not where the header says) are
not second-guessed: ``workbook_stream`` returns None and xlrd, which checks
the container itself, reads the file as before.
"""

from __future__ import annotations

import struct
import sys
from array import array

_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_HEADER = struct.Struct("<8s16xHHHHH6xIIIIIIIII")
_ENTRY = struct.Struct("<64sHBB12x16x4x8x8xIII")
# name, name length, type, colour, left sibling, right sibling, child
_TREE_ENTRY = struct.Struct("<64sHBBIII")
NOSTREAM = 0xFFFFFFFF
_STORAGE, _ROOT = 1, 5
ENDOFCHAIN = 0xFFFFFFFE
FREESECT = 0xFFFFFFFF
_SECTOR = 512
_MINI_SECTOR = 64
_MINI_CUTOFF = 4096
_HEADER_DIFAT = 109
_STREAM = 2
_WORKBOOK_NAMES = ("workbook", "book")


class Irregular(Exception):
    """The container is not one whose every chain we could follow."""


def workbook_stream(data: bytes) -> bytes | None:
    """The bytes of the Workbook (or Excel 5 "Book") stream, or None if the container is irregular."""
    try:
        return _Container(data).workbook()
    except (Irregular, IndexError, struct.error):
        return None


def top_level_names(data: bytes) -> list[str] | None:
    """Names of the streams and storages directly under the root; None if the container is irregular."""
    try:
        return _Container(data).top_level_names()
    except (Irregular, IndexError, struct.error):
        return None


def _u32_array(chunk: bytes) -> array:
    values = array("I", chunk)
    if sys.byteorder == "big":  # pragma: no cover - the format is little-endian
        values.byteswap()
    return values


class _Container:
    def __init__(self, data: bytes):
        if len(data) < _SECTOR or not data.startswith(_MAGIC):
            raise Irregular("not an OLE container")
        (
            _magic,
            _minor,
            major,
            _byte_order,
            sector_shift,
            mini_shift,
            directory_sectors,
            fat_sectors,
            self.directory_start,
            _transaction,
            mini_cutoff,
            self.minifat_start,
            self.minifat_sectors,
            difat_start,
            difat_sectors,
        ) = _HEADER.unpack_from(data)
        if (major, sector_shift, mini_shift, mini_cutoff, directory_sectors) != (
            3,
            9,
            6,
            _MINI_CUTOFF,
            0,
        ):
            raise Irregular("not a version 3 container with 512-byte sectors")
        self.data = data
        self.sectors = (len(data) - _SECTOR) // _SECTOR
        self.fat = self._fat(fat_sectors, difat_start, difat_sectors)

    def _sector(self, number: int) -> bytes:
        start = (number + 1) * _SECTOR
        return self.data[start : start + _SECTOR]

    def _fat(self, count: int, difat_start: int, difat_sectors: int) -> array:
        """The FAT, refusing DIFAT lists that readers could interpret differently."""
        difat = _u32_array(self.data[76:_SECTOR])
        sector, seen = difat_start, set()
        while sector not in (ENDOFCHAIN, FREESECT):
            if sector >= self.sectors or sector in seen:
                raise Irregular("DIFAT chain loops or leaves the file")
            seen.add(sector)
            entries = _u32_array(self._sector(sector))
            difat.extend(entries[:-1])
            sector = entries[-1]
        if len(seen) != difat_sectors or count > len(difat):
            raise Irregular("DIFAT does not hold the declared FAT sectors")
        listed, rest = difat[:count], difat[count:]
        if any(number >= self.sectors for number in listed) or rest.count(FREESECT) != len(rest):
            raise Irregular("FAT sectors outside the file or listed beyond the declared count")
        fat = array("I")
        for number in listed:
            fat.extend(_u32_array(self._sector(number)))
        return fat

    def _chain(self, table: array, start: int, limit: int) -> list[list[int]]:
        """[first, last] runs of consecutive sectors from ``start`` to ENDOFCHAIN.

        Each sector must lie below ``limit`` and be visited once. Writers lay
        streams out in long runs, so the bytes are then copied a run at a time.
        """
        runs: list[list[int]] = []
        seen = bytearray(limit)
        sector, last = start, -2
        while sector != ENDOFCHAIN:
            if sector >= limit or seen[sector]:
                raise Irregular("a sector chain loops or leaves the file")
            seen[sector] = 1
            if sector == last + 1:
                runs[-1][1] = sector
            else:
                runs.append([sector, sector])
            last = sector
            sector = table[sector]
        return runs

    def _read(self, start: int, size: int) -> bytes:
        return _gather(self.data, self._chain(self.fat, start, self.sectors), _SECTOR, 1, size)

    def workbook(self) -> bytes:
        entries = self._entries()
        root = entries[0]
        ministream = self._read(root[2], root[3])
        minifat = array("I")
        if self.minifat_start != ENDOFCHAIN:
            runs = self._chain(self.fat, self.minifat_start, self.sectors)
            if sum(last - first + 1 for first, last in runs) != self.minifat_sectors:
                raise Irregular("mini FAT length differs from the header")
            minifat = _u32_array(_gather(self.data, runs, _SECTOR, 1, None))
        kind, start, size, size_high = _the_workbook(entries)
        if kind != _STREAM:
            raise Irregular("the workbook entry is not a stream")
        if size_high and size < _MINI_CUTOFF:
            # Version 3 readers use the low 32 bits; one that reads 64 would take
            # the FAT chain where we take the mini stream.
            raise Irregular("stream size ambiguous between mini stream and FAT")
        if size >= _MINI_CUTOFF:
            return self._read(start, size)
        runs = self._chain(minifat, start, len(ministream) // _MINI_SECTOR)
        return _gather(ministream, runs, _MINI_SECTOR, 0, size)

    def top_level_names(self) -> list[str]:
        """The root's children: a walk of its sibling tree, each entry visited once."""
        directory = self._directory()
        count = len(directory) // 128
        if not count or _TREE_ENTRY.unpack_from(directory)[2] != _ROOT:
            raise Irregular("the directory does not start with the root")
        names: list[str] = []
        seen = bytearray(count)
        pending = [_TREE_ENTRY.unpack_from(directory)[6]]
        while pending:
            index = pending.pop()
            if index == NOSTREAM:
                continue
            if index >= count or seen[index]:
                raise Irregular("the directory tree loops or leaves the directory")
            seen[index] = 1
            raw, length, kind, _colour, left, right, _child = _TREE_ENTRY.unpack_from(
                directory, index * 128
            )
            if kind not in (_STORAGE, _STREAM):
                raise Irregular("the directory tree holds an unused or root entry")
            names.append(_names(raw, length)[0])
            pending += (left, right)
        return names

    def _directory(self) -> bytes:
        return _gather(
            self.data, self._chain(self.fat, self.directory_start, self.sectors), _SECTOR, 1, None
        )

    def _entries(self) -> list[tuple]:
        """Every 128-byte directory slot, used or not: calamine looks at all of them."""
        directory = self._directory()
        entries = []
        for offset in range(0, len(directory) - 127, 128):
            raw, name_length, kind, _color, start, size, size_high = _ENTRY.unpack_from(
                directory, offset
            )
            names = _names(raw, name_length)
            folded = [name.casefold() for name in names]
            entries.append((folded, kind, start, size, size_high, names))
        if not entries:
            raise Irregular("empty directory")
        return entries


def _gather(data: bytes, runs: list[list[int]], sector: int, skip: int, size: int | None) -> bytes:
    """The bytes of ``runs`` of sectors (after ``skip`` header sectors), cut to ``size``.

    A declared size beyond the chain is a lie that calamine survives (it reads
    the chain), so the stream is what the chain holds, as calamine sees it.
    """
    joined = b"".join(
        [data[(first + skip) * sector : (last + 1 + skip) * sector] for first, last in runs]
    )
    return joined if size is None else joined[:size]


def _names(raw: bytes, name_length: int) -> list[str]:
    """The entry's name as a reader that stops at the first NUL and one that trusts the length read it."""
    to_nul = raw.decode("utf-16-le", "replace").split("\x00", 1)[0]
    by_length = raw[: max(min(name_length, 64) - 2, 0)].decode("utf-16-le", "replace")
    return [to_nul, by_length]


def _the_workbook(entries: list[tuple]) -> tuple[int, int, int, int]:
    """The entry that every reader takes for the workbook stream.

    Readers look for "Workbook" first, then Excel 5's "Book"; some compare
    names exactly, some ignore case. A file that holds both is only accepted
    when its "Workbook" is spelled exactly so.
    """
    workbooks = [entry for entry in entries if "workbook" in entry[0]]
    books = [entry for entry in entries if "book" in entry[0]]
    if len(workbooks) == 1 and (not books or workbooks[0][5] == ["Workbook", "Workbook"]):
        return workbooks[0][1:5]
    if not workbooks and len(books) == 1:
        return books[0][1:5]
    raise Irregular("no workbook stream, or more than one candidate")
