"""PowerPoint 97-2003 presentations (.ppt), read from the binary format on olefile.

The "PowerPoint Document" stream is a tree of records ([MS-PPT] 2.3): an 8-byte
header (version/instance, type, length); version 0xF marks a container. Text
lives in TextCharsAtom (UTF-16LE), TextBytesAtom (8-bit, the low bytes of
UTF-16) and CString records. Slide order comes from the persist directory:
"Current User" points at the newest UserEditAtom, whose PersistDirectoryAtom
maps persist ids to stream offsets; the Document's SlideListWithText lists the
slides in order, and each slide's SlideAtom names its notes page. Placeholder
text may sit in the SlideListWithText (older writers) or in the slide's own
drawing (newer ones); both are read. If the persist directory is damaged, the
stream is walked linearly and slides are numbered as they are met.

PowerPoint 4.0 and 95 get ``unsupported-legacy``; encrypted files (an
encrypted Current User token or a CryptSession10Container) get ``encrypted``.
"""

from __future__ import annotations

import struct

from ..model import ExtractionFailed
from .base import Collector
from .ole import open_ole, read_stream

DOCUMENT, SLIDE, SLIDE_ATOM, NOTES, MAIN_MASTER = 0x03E8, 0x03EE, 0x03EF, 0x03F0, 0x03F8
SLIDE_PERSIST_ATOM, SLIDE_LIST_WITH_TEXT = 0x03F3, 0x0FF0
TEXT_CHARS, TEXT_BYTES, CSTRING = 0x0FA0, 0x0FA8, 0x0FBA
USER_EDIT, PERSIST_DIRECTORY = 0x0FF5, 0x1772
# Containers whose strings are not slide text: hyperlink/OLE object lists, named
# shows, VBA info, programmable tags ("___PPT10"), master slides.
_SKIPPED = {0x0409, 0x0410, 0x03FF, 0x1388, 0x1389, 0x138A, MAIN_MASTER}
ENCRYPTED_TOKEN = 0xF3D1C4DF
_MAX_EDITS = 10_000
_MAX_DEPTH = 64


def _header(data: bytes, offset: int) -> tuple[int, int, int, int] | None:
    """Return (version, instance, type, length) of the record at ``offset``."""
    if offset < 0 or offset + 8 > len(data):
        return None
    ver_inst, rec_type, length = struct.unpack_from("<HHI", data, offset)
    return ver_inst & 0xF, ver_inst >> 4, rec_type, length


def _children(data: bytes, start: int, end: int):
    """Yield (offset, version, instance, type, length) of the records in [start, end)."""
    offset = start
    end = min(end, len(data))
    while offset + 8 <= end:
        version, instance, rec_type, length = _header(data, offset)
        yield offset, version, instance, rec_type, length
        offset += 8 + length


def _texts(data: bytes, start: int, end: int, depth: int = 0) -> list[str]:
    """Text atoms under [start, end), depth first."""
    found: list[str] = []
    if depth > _MAX_DEPTH:
        return found
    for offset, version, _instance, rec_type, length in _children(data, start, end):
        body = offset + 8
        if rec_type in _SKIPPED:
            continue
        if version == 0xF:
            found.extend(_texts(data, body, body + length, depth + 1))
        elif rec_type in (TEXT_CHARS, CSTRING):
            found.append(data[body : body + length].decode("utf-16-le", "replace"))
        elif rec_type == TEXT_BYTES:
            found.append(data[body : body + length].decode("latin-1"))
    return found


def read_ppt(data: bytes, out: Collector) -> None:
    out.reader = "ppt-binary"
    with open_ole(data) as ole:
        names = {"/".join(entry).lower() for entry in ole.listdir()}
        prefix = ""
        if "pp40" in names:
            raise ExtractionFailed(
                "unsupported-legacy", "unsupported legacy format (PowerPoint 4.0)"
            )
        if "pp97_dualstorage/powerpoint document" in names:
            prefix = "PP97_DUALSTORAGE/"  # PowerPoint 95 file carrying a 97 copy: read the copy
        elif "header" in names or "powerpoint document" not in names:
            raise ExtractionFailed(
                "unsupported-legacy", "unsupported legacy format (PowerPoint 95)"
            )
        stream = read_stream(ole, prefix + "PowerPoint Document")
        current_user = (
            read_stream(ole, prefix + "Current User")
            if (prefix + "current user").lower() in names
            else b""
        )
    if len(current_user) >= 20 and struct.unpack_from("<I", current_user, 12)[0] == ENCRYPTED_TOKEN:
        raise ExtractionFailed("encrypted", "encrypted: password required")
    try:
        persist, document_offset = _persist_directory(stream, current_user)
    except (struct.error, ValueError, KeyError, TypeError):
        persist, document_offset = {}, None
    if document_offset is not None and _read_in_order(stream, persist, document_offset, out):
        return
    out.warn("the slide list is damaged; slides are numbered in file order")
    _read_linear(stream, out)


def _persist_directory(stream: bytes, current_user: bytes) -> tuple[dict[int, int], int | None]:
    """Follow the UserEditAtom chain; return (persist id -> offset, Document offset)."""
    if len(current_user) < 20:
        return {}, None
    offset = struct.unpack_from("<I", current_user, 16)[0]
    persist: dict[int, int] = {}
    document_ref = None
    seen: set[int] = set()
    while offset and offset not in seen and len(seen) < _MAX_EDITS:
        seen.add(offset)
        header = _header(stream, offset)
        if header is None or header[2] != USER_EDIT or header[3] < 28:
            break
        body = offset + 8
        _last_slide, _ver, _minor, _major, last_edit, directory, doc_ref = struct.unpack_from(
            "<IHBBIII", stream, body
        )
        if header[3] >= 32 and struct.unpack_from("<I", stream, body + 28)[0]:
            raise ExtractionFailed("encrypted", "encrypted: password required")
        if document_ref is None:
            document_ref = doc_ref
        _read_directory_atom(stream, directory, persist)
        offset = last_edit
    document_offset = persist.get(document_ref) if document_ref is not None else None
    return persist, document_offset


def _read_directory_atom(stream: bytes, offset: int, persist: dict[int, int]) -> None:
    header = _header(stream, offset)
    if header is None or header[2] != PERSIST_DIRECTORY:
        return
    pos, end = offset + 8, min(offset + 8 + header[3], len(stream))
    while pos + 4 <= end:
        entry = struct.unpack_from("<I", stream, pos)[0]
        first, count = entry & 0xFFFFF, entry >> 20
        pos += 4
        for index in range(count):
            if pos + 4 > end:
                return
            persist.setdefault(
                first + index, struct.unpack_from("<I", stream, pos)[0]
            )  # newest edit wins
            pos += 4


def _record(stream: bytes, offset: int | None, expected: int) -> tuple[int, int] | None:
    header = None if offset is None else _header(stream, offset)
    if header is None or header[2] != expected:
        return None
    return offset + 8, offset + 8 + header[3]


def _read_in_order(
    stream: bytes, persist: dict[int, int], document_offset: int, out: Collector
) -> bool:
    """Read slides in presentation order; False if the structure does not hold together."""
    document = _record(stream, document_offset, DOCUMENT)
    if document is None:
        return False
    slides: list[tuple[int, list[str]]] = []  # (persist id, outline texts)
    notes_by_id: dict[int, int] = {}  # notes slide id -> persist id
    for offset, _v, instance, rec_type, length in _children(stream, *document):
        if rec_type != SLIDE_LIST_WITH_TEXT:
            continue
        for child, _cv, _ci, child_type, child_length in _children(
            stream, offset + 8, offset + 8 + length
        ):
            body = child + 8
            if child_type == SLIDE_PERSIST_ATOM and child_length >= 16:
                ref, _flags, _texts_count, slide_id = struct.unpack_from("<IIiI", stream, body)
                if instance == 0:
                    slides.append((ref, []))
                elif instance == 2:
                    notes_by_id[slide_id] = ref
            elif instance == 0 and slides and child_type in (TEXT_CHARS, TEXT_BYTES, CSTRING):
                slides[-1][1].extend(_texts(stream, child, child + 8 + child_length))
    if not slides:  # nothing listed: either an empty deck or a bare one; walk it
        _read_linear(stream, out)
        return True
    limit = out.budget.limits.max_pages
    if len(slides) > limit:
        out.warn(f"only the first {limit} of {len(slides)} slides were read")
    for number, (ref, outline) in enumerate(slides[:limit], start=1):
        out.check()
        if out.full:
            break
        bounds = _record(stream, persist.get(ref), SLIDE)
        texts = list(outline)
        notes_ref = None
        if bounds is not None:
            texts.extend(_texts(stream, *bounds))
            atom = next(
                (
                    o
                    for o, _v, _i, t, n in _children(stream, *bounds)
                    if t == SLIDE_ATOM and n >= 20
                ),
                None,
            )
            if atom is not None:
                notes_ref = notes_by_id.get(struct.unpack_from("<I", stream, atom + 8 + 16)[0])
        out.add(f"slide {number}", "\n".join(_dedupe(texts)))
        notes = _record(stream, persist.get(notes_ref) if notes_ref is not None else None, NOTES)
        if notes is not None:
            out.add(f"slide {number} notes", "\n".join(_dedupe(_texts(stream, *notes))))
    return True


def _read_linear(stream: bytes, out: Collector) -> None:
    number = 0
    for offset, _v, _i, rec_type, length in _children(stream, 0, len(stream)):
        out.check()
        if out.full:
            return
        if rec_type == SLIDE:
            number += 1
            out.add(
                f"slide {number}",
                "\n".join(_dedupe(_texts(stream, offset + 8, offset + 8 + length))),
            )
        elif rec_type == NOTES and number:
            out.add(
                f"slide {number} notes",
                "\n".join(_dedupe(_texts(stream, offset + 8, offset + 8 + length))),
            )
        elif rec_type == DOCUMENT:
            text = "\n".join(_dedupe(_texts(stream, offset + 8, offset + 8 + length)))
            out.add("outline", text)


def _dedupe(texts: list[str]) -> list[str]:
    """Drop repeats (a title appears in the outline and in the drawing) and placeholders' stars."""
    seen: set[str] = set()
    kept = []
    for text in texts:
        key = text.strip()
        if key and key != "*" and key not in seen:
            seen.add(key)
            kept.append(text)
    return kept
