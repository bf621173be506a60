"""Word 97-2003 documents (.doc), read from the binary format on olefile.

The text of a Word 97+ file is found through its piece table ([MS-DOC] 2.9.38):
the File Information Block at the start of the ``WordDocument`` stream names the
table stream (``0Table``/``1Table``) and the offset of the ``Clx`` in it; the
Clx's ``PlcPcd`` maps character positions to byte offsets, each piece either
8-bit ("compressed", Windows code page) or UTF-16LE. The character positions
are then split into stories: main text, footnotes, headers, comments, endnotes
and text boxes. Field codes ({ PAGE }, { HYPERLINK ... }) are dropped and their
results kept.

Word 6.0/95 (nFib below 0xC1 range) and Word 2.0 have other layouts: they get
``unsupported-legacy``. Encrypted and XOR-obfuscated files get ``encrypted``.
"""

from __future__ import annotations

import struct

from ..model import ExtractionFailed
from .base import Collector
from .ole import open_ole, read_stream

_WORD97_MIN_NFIB = 0xC0
# Story order in the character-position space, after the main text (fibRgLw fields).
_STORIES = (
    ("footnote", 4),
    ("header", 5),
    ("comment", 7),
    ("endnote", 8),
    ("text box", 9),
    ("header text box", 10),
)
# Language id -> Windows code page, for 8-bit pieces written by non-Western writers.
_LID_CODEPAGES = {
    0x0419: "cp1251",
    0x0422: "cp1251",
    0x0423: "cp1251",
    0x0402: "cp1251",
    0x0C1A: "cp1251",
    0x042F: "cp1251",
    0x0405: "cp1250",
    0x0415: "cp1250",
    0x040E: "cp1250",
    0x041B: "cp1250",
    0x0424: "cp1250",
    0x041A: "cp1250",
    0x0408: "cp1253",
    0x041F: "cp1254",
    0x040D: "cp1255",
    0x0401: "cp1256",
    0x0425: "cp1257",
    0x0426: "cp1257",
    0x0427: "cp1257",
    0x042A: "cp1258",
    0x041E: "cp874",
    0x0411: "cp932",
    0x0804: "gbk",
    0x0404: "cp950",
    0x0412: "cp949",
}


def read_doc(data: bytes, out: Collector) -> None:
    out.reader = "doc-binary"
    with open_ole(data) as ole:
        word = read_stream(ole, "WordDocument")
        if len(word) < 0x22 or struct.unpack_from("<H", word, 0)[0] not in (0xA5EC, 0xA5DC):
            raise ExtractionFailed("corrupt", "corrupt Word file: bad File Information Block")
        nfib, _unused, lid, _pn, flags = struct.unpack_from("<HHHHH", word, 2)
        if nfib < _WORD97_MIN_NFIB or struct.unpack_from("<H", word, 0)[0] == 0xA5DC:
            version = "Word 6.0/95" if nfib >= 0x65 else "Word for Windows 2.0 or earlier"
            raise ExtractionFailed("unsupported-legacy", f"unsupported legacy format ({version})")
        if flags & 0x0100 or flags & 0x8000:
            raise ExtractionFailed("encrypted", "encrypted: password required")
        table_name = "1Table" if flags & 0x0200 else "0Table"
        table = read_stream(ole, table_name)
        counts, fc_clx, lcb_clx = _fib_fields(word)
        text = _piece_text(word, table, fc_clx, lcb_clx, _LID_CODEPAGES.get(lid, "cp1252"), out)
    position = counts[3]
    for number, paragraph in enumerate(
        _split_paragraphs(_drop_field_codes(text[:position])), start=1
    ):
        out.add(f"paragraph {number}", paragraph)
        if out.full:
            return
    for label, index in _STORIES:
        length = counts[index] if index < len(counts) else 0
        if length > 0:
            out.add(label, _clean_story(_drop_field_codes(text[position : position + length])))
        position += max(length, 0)


def _fib_fields(word: bytes) -> tuple[list[int], int, int]:
    """Return (fibRgLw values, fcClx, lcbClx) from a Word 97+ FIB."""
    try:
        csw = struct.unpack_from("<H", word, 0x20)[0]
        pos = 0x22 + csw * 2
        cslw = struct.unpack_from("<H", word, pos)[0]
        counts = list(struct.unpack_from(f"<{cslw}i", word, pos + 2))
        pos += 2 + cslw * 4
        cb_fc_lcb = struct.unpack_from("<H", word, pos)[0]
        if cb_fc_lcb <= 33:
            raise ExtractionFailed("corrupt", "corrupt Word file: File Information Block too short")
        fc_clx, lcb_clx = struct.unpack_from("<II", word, pos + 2 + 33 * 8)
    except struct.error:
        raise ExtractionFailed(
            "corrupt", "corrupt or truncated Word file (File Information Block)"
        ) from None
    if len(counts) < 4:
        raise ExtractionFailed("corrupt", "corrupt Word file: File Information Block too short")
    return counts, fc_clx, lcb_clx


def _piece_text(
    word: bytes, table: bytes, fc_clx: int, lcb_clx: int, codepage: str, out: Collector
) -> str:
    clx = table[fc_clx : fc_clx + lcb_clx]
    if lcb_clx == 0 or len(clx) != lcb_clx:
        raise ExtractionFailed("corrupt", "corrupt Word file: piece table missing or truncated")
    pos = 0
    while pos < len(clx) and clx[pos] == 0x01:  # Prc entries (property modifiers) come first
        if pos + 3 > len(clx):
            break
        pos += 3 + struct.unpack_from("<H", clx, pos + 1)[0]
    if pos + 5 > len(clx) or clx[pos] != 0x02:
        raise ExtractionFailed("corrupt", "corrupt Word file: piece table not found")
    lcb = struct.unpack_from("<I", clx, pos + 1)[0]
    plc = clx[pos + 5 : pos + 5 + lcb]
    count = (len(plc) - 4) // 12
    if count <= 0:
        raise ExtractionFailed("corrupt", "corrupt Word file: empty piece table")
    cps = struct.unpack_from(f"<{count + 1}I", plc, 0)
    max_chars = out.budget.limits.max_chars * 2
    parts = []
    total = bad = 0
    for index in range(count):
        start, end = cps[index], cps[index + 1]
        length = end - start
        fc = struct.unpack_from("<I", plc, 4 * (count + 1) + 8 * index + 2)[0]
        if length <= 0 or total + length > max_chars:
            bad += length <= 0
            continue
        if fc & 0x40000000:
            offset = (fc & 0x3FFFFFFF) // 2
            raw = word[offset : offset + length]
            decoded = _decode_8bit(raw, codepage)
        else:
            offset = fc & 0x3FFFFFFF
            raw = word[offset : offset + 2 * length]
            decoded = raw.decode("utf-16-le", "replace")
        if len(raw) < (length if fc & 0x40000000 else 2 * length):
            bad += 1
        parts.append(decoded)
        total += length
    if bad:
        out.warn(f"{bad} damaged piece(s) of text were skipped or cut short")
    return "".join(parts)


def _decode_8bit(raw: bytes, codepage: str) -> str:
    # Word writes 8-bit pieces in cp1252; some converters use the document's own code page.
    if codepage != "cp1252" and any(b >= 0x80 for b in raw):
        try:
            return raw.decode(codepage)
        except UnicodeDecodeError:
            pass
    return raw.decode("cp1252", "replace")


def _drop_field_codes(text: str) -> str:
    """Remove field instructions (between 0x13 and 0x14) and keep field results."""
    if "\x13" not in text:
        return text
    out = []
    stack: list[bool] = []  # per open field: still in its code part?
    in_code = 0  # how many open fields are in their code part
    for ch in text:
        if ch == "\x13":
            stack.append(True)
            in_code += 1
        elif ch == "\x14":
            if stack and stack[-1]:
                stack[-1] = False
                in_code -= 1
        elif ch == "\x15":
            if stack and stack.pop():
                in_code -= 1
        elif not in_code:
            out.append(ch)
    return "".join(out)


def _clean_story(text: str) -> str:
    # Cell marks: a double mark ends a table row, a single one ends a cell.
    return (
        text.replace("\x07\x07", "\n")
        .replace("\x07", "\t")
        .replace("\x1e", "-")
        .replace("\x1f", "")
    )


def _split_paragraphs(text: str) -> list[str]:
    return _clean_story(text).split("\r")
