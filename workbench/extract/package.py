"""Open an Office Open XML zip package only after checking it is not a bomb.

``zipfile`` trusts the archive: it inflates whatever a member claims, lets two
central-directory entries point at the same bytes (CVE-2024-0450, the
"overlapping zip" quine bomb that Python 3.11's zipfile still unpacks), and
accepts duplicate names. Before any parser touches the package we check, from
the central directory and the local headers alone: member count, duplicate
names, declared sizes (each and in total), compression ratios, and that the
members' byte ranges neither overlap nor run into the central directory.
Reading then stops at the declared size, so the checks hold while inflating.
"""

from __future__ import annotations

import itertools
import posixpath
import struct
import zipfile
import zlib
from typing import BinaryIO

from .limits import Limits
from .model import ExtractionFailed

_LOCAL_HEADER = struct.Struct("<4sHHHHHIIIHH")
_LOCAL_MAGIC = b"PK\x03\x04"
_MiB = 1024 * 1024


def _human(n: int) -> str:
    return f"{n / _MiB:,.0f} MiB" if n >= _MiB else f"{n:,} bytes"


def check_zip(handle: BinaryIO, limits: Limits) -> zipfile.ZipFile:
    """Return an open ``ZipFile`` over ``handle`` once its structure is proven safe.

    Raises ``ExtractionFailed`` with ``corrupt`` (not a readable zip), ``too-large``
    (too many members, sizes or ratios over the limits) or ``hostile`` (overlapping
    or duplicate entries).
    """
    return _checked_zip(handle, limits)[0]


def _checked_zip(handle: BinaryIO, limits: Limits) -> tuple[zipfile.ZipFile, dict[str, int]]:
    """``check_zip``, and where each member's data starts (from its local header)."""
    try:
        archive = zipfile.ZipFile(handle)
    except zipfile.BadZipFile as exc:
        raise ExtractionFailed(
            "corrupt", f"corrupt or truncated file (zip: {_zip_reason(exc)})"
        ) from None
    except (OSError, EOFError, ValueError, struct.error, NotImplementedError) as exc:
        raise ExtractionFailed("corrupt", f"corrupt or truncated file (zip: {exc})") from None
    try:
        return archive, _check_members(archive, handle, limits)
    except BaseException:
        archive.close()
        raise


def _zip_reason(exc: Exception) -> str:
    text = str(exc)
    if "not a zip file" in text:
        return "central directory missing"
    if "central directory" in text.lower():
        return "central directory damaged"
    return text


def _check_members(archive: zipfile.ZipFile, handle: BinaryIO, limits: Limits) -> dict[str, int]:
    infos = archive.infolist()
    if len(infos) > limits.max_zip_members:
        raise ExtractionFailed(
            "too-large",
            f"zip package has {len(infos):,} members (limit {limits.max_zip_members:,})",
        )
    seen: set[str] = set()
    total = 0
    for info in infos:
        name = info.filename.replace("\\", "/").lower()
        if name in seen:
            raise ExtractionFailed(
                "hostile", f"zip package has duplicate entries named {info.filename!r}"
            )
        seen.add(name)
        if info.file_size > limits.max_member_bytes:
            raise ExtractionFailed(
                "too-large",
                f"zip member {info.filename} inflates to {_human(info.file_size)} "
                f"(limit {_human(limits.max_member_bytes)}): zip bomb",
            )
        if info.file_size > limits.ratio_floor_bytes and info.file_size > limits.max_ratio * max(
            info.compress_size, 1
        ):
            raise ExtractionFailed(
                "too-large",
                f"zip member {info.filename} expands {info.file_size / max(info.compress_size, 1):,.0f} "
                f"times (limit {limits.max_ratio:g}): zip bomb",
            )
        total += info.file_size
    if total > limits.max_uncompressed_bytes:
        raise ExtractionFailed(
            "too-large",
            f"zip package inflates to {_human(total)} (limit {_human(limits.max_uncompressed_bytes)}): zip bomb",
        )
    return _check_overlaps(archive, handle, infos)


def _check_overlaps(
    archive: zipfile.ZipFile, handle: BinaryIO, infos: list[zipfile.ZipInfo]
) -> dict[str, int]:
    """Refuse members whose local header + data ranges overlap or reach the directory.

    Returns where each member's data starts.
    """
    directory_start = archive.start_dir if hasattr(archive, "start_dir") else None
    spans = []
    data_starts = {}
    for info in infos:
        handle.seek(info.header_offset)
        header = handle.read(_LOCAL_HEADER.size)
        if len(header) < _LOCAL_HEADER.size or header[:4] != _LOCAL_MAGIC:
            raise ExtractionFailed(
                "corrupt", f"corrupt or truncated file (zip: bad local header for {info.filename})"
            )
        fields = _LOCAL_HEADER.unpack(header)
        name_len, extra_len = fields[9], fields[10]
        data_start = info.header_offset + _LOCAL_HEADER.size + name_len + extra_len
        data_starts[info.filename] = data_start
        spans.append((info.header_offset, data_start + info.compress_size, info.filename))
    spans.sort()
    for (_start_a, end_a, name_a), (start_b, _end_b, name_b) in itertools.pairwise(spans):
        if start_b < end_a:
            raise ExtractionFailed(
                "hostile", f"zip entries {name_a} and {name_b} overlap (overlapping-entry zip bomb)"
            )
    if spans and directory_start is not None and spans[-1][1] > directory_start:
        raise ExtractionFailed(
            "hostile", f"zip entry {spans[-1][2]} overlaps the central directory"
        )
    return data_starts


class Package:
    """A checked OOXML package: read parts by name with size bounds, follow relationships."""

    def __init__(
        self,
        archive: zipfile.ZipFile,
        limits: Limits,
        handle: BinaryIO | None = None,
        data_starts: dict[str, int] | None = None,
    ):
        self.archive = archive
        self.limits = limits
        self._names = {_norm(info.filename): info for info in archive.infolist()}
        self._handle = handle
        self._data_starts = data_starts or {}
        self._rels_cache: dict[str, list[tuple[str, str, str, bool]]] = {}

    @classmethod
    def open(cls, handle: BinaryIO, limits: Limits) -> Package:
        archive, data_starts = _checked_zip(handle, limits)
        return cls(archive, limits, handle, data_starts)

    def close(self) -> None:
        self.archive.close()

    def __enter__(self) -> Package:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def has(self, name: str) -> bool:
        return _norm(name) in self._names

    def names(self) -> list[str]:
        return [info.filename for info in self.archive.infolist()]

    def read(self, name: str) -> bytes:
        """Return the bytes of part ``name`` (case-insensitive), as checked against the limits."""
        info = self._names.get(_norm(name))
        if info is None:
            raise KeyError(name)
        try:
            with self.archive.open(info) as member:
                # ZipExtFile stops at the declared size, which check_zip bounded.
                return member.read()
        except zipfile.BadZipFile as exc:
            raise ExtractionFailed("corrupt", f"corrupt or truncated file ({exc})") from None
        except (zlib.error, EOFError, OSError, ValueError, struct.error) as exc:
            raise ExtractionFailed(
                "corrupt", f"corrupt or truncated file (zip member {name}: {exc})"
            ) from None
        except NotImplementedError as exc:
            raise ExtractionFailed(
                "corrupt", f"zip member {name} uses an unsupported compression ({exc})"
            ) from None

    def refuse_dtds(self) -> None:
        """Refuse the package if any XML part declares a DTD (entity bombs, XXE).

        Only the first KiB of each part is inflated. This covers the parts that
        other libraries (calamine) parse, not just the ones we parse ourselves.
        """
        from .xmlsafe import refuse_doctype

        for info in self.archive.infolist():
            if info.filename.lower().endswith((".xml", ".rels")):
                try:
                    head = self._head(info, 4096)
                except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError) as exc:
                    raise ExtractionFailed(
                        "corrupt", f"corrupt or truncated file ({exc})"
                    ) from None
                refuse_doctype(head, info.filename)

    def _head(self, info: zipfile.ZipInfo, size: int) -> bytes:
        """The first ``size`` bytes of a member.

        Plain stored and deflated members are inflated straight from the data
        range ``check_zip`` vouched for: opening each through ``zipfile`` costs
        0.03 ms, which over a workbook's parts is more than calamine's whole
        read of a small one.
        """
        start = self._data_starts.get(info.filename)
        if start is None or info.flag_bits & 1 or self._handle is None:
            with self.archive.open(info) as member:
                return member.read(size)
        self._handle.seek(start)
        # Deflate adds 5 bytes per 64 KiB stored block: this much input gives ``size`` bytes.
        raw = self._handle.read(min(info.compress_size, 2 * size + 64))
        if info.compress_type == zipfile.ZIP_STORED:
            return raw[:size]
        if info.compress_type == zipfile.ZIP_DEFLATED:
            return zlib.decompressobj(-zlib.MAX_WBITS).decompress(raw, size)
        with self.archive.open(info) as member:
            return member.read(size)

    def related(self, part: str, relation_suffix: str | None = None) -> list[tuple[str, str, str]]:
        """Return (id, type, target part) of ``part``'s relationships, in file order.

        ``relation_suffix`` filters by the end of the relationship type URI
        (".../relationships/slide" -> "/slide"). External targets are skipped.
        """
        return [
            (rel_id, rel_type, target)
            for rel_id, rel_type, target, external in self._relationships(part)
            if not external and (not relation_suffix or rel_type.endswith(relation_suffix))
        ]

    def external(self, part: str, relation_suffix: str) -> dict[str, str]:
        """Return id -> target (a URL, as written) of ``part``'s external relationships."""
        return {
            rel_id: target
            for rel_id, rel_type, target, external in self._relationships(part)
            if external and rel_type.endswith(relation_suffix)
        }

    def _relationships(self, part: str) -> list[tuple[str, str, str, bool]]:
        """(id, type, target, external) of ``part``'s relationships; internal targets resolved.

        Parsed once per part: readers look a part's relationships up several times
        (each story of a document, a slide's notes, diagrams and links).
        """
        cached = self._rels_cache.get(part)
        if cached is not None:
            return cached
        from .xmlsafe import parse_xml

        directory, base = posixpath.split(part.lstrip("/"))
        rels_name = posixpath.join(directory, "_rels", base + ".rels")
        found: list[tuple[str, str, str, bool]] = []
        if self.has(rels_name):
            for rel in parse_xml(self.read(rels_name), rels_name):
                target = rel.get("Target", "")
                external = rel.get("TargetMode") == "External"
                if external:
                    resolved = target
                elif target.startswith("/"):
                    resolved = target.lstrip("/")
                else:
                    resolved = posixpath.normpath(posixpath.join(directory, target))
                found.append((rel.get("Id", ""), rel.get("Type", ""), resolved, external))
        self._rels_cache[part] = found
        return found


def _norm(name: str) -> str:
    """Part names compare case-insensitively; some writers use backslashes."""
    return name.replace("\\", "/").lstrip("/").lower()
