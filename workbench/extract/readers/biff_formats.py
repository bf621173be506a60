"""Which cells of an .xls show a currency or a percentage through their number format.

The .xls counterpart of ``xlsx_styles``: a cell record's XF index names an XF
record of the workbook globals, and that a FORMAT record (or a built-in id).
Excel writes XFs for its Currency cell style in every workbook, so only cell
XFs count, and the sheets are walked record by record, in Python, only when
one of those shows a currency: a workbook without money formats costs one
walk of the globals.

The stream has already passed ``biff.survey`` (records within bounds, sheets
in order); a record that does not parse here just leaves its cell unformatted.
"""

from __future__ import annotations

import re
import struct

from .biff_skip import skipper
from .numfmt import BUILTIN_FORMATS, Renderer, shown_renderer

BOF, EOF, BOUNDSHEET, FORMAT, XF = 0x0809, 0x000A, 0x0085, 0x041E, 0x00E0
BIFF8 = 0x0600
NUMBER, RK, FORMULA, MULRK = 0x0203, 0x027E, 0x0006, 0x00BD
_HEADER = struct.Struct("<HH").unpack_from
_CELL = struct.Struct("<HHH").unpack_from  # row, column, XF index
_U16 = struct.Struct("<H").unpack_from
_U32 = struct.Struct("<I").unpack_from
_XF = struct.Struct("<2xHH").unpack_from  # format id, flags (fStyle among them)
_STYLE_XF = 0x0004
# BIFF8 XF records are 20 bytes; a block of them is read with one match and one unpack.
_XF_RUN = re.compile(rb"(?:\xe0\x00\x14\x00.{20})+", re.S).match
_XF_FIELDS = struct.Struct("<6xHH14x").iter_unpack
_GLOBALS_STOPS = frozenset({EOF, FORMAT, XF, BOUNDSHEET})


def rendered_cells(stream: bytes) -> dict[str, dict[tuple[int, int], Renderer]]:
    """Sheet name -> {(row, column): renderer} of the cells under currency or % formats."""
    try:
        if _HEADER(stream, 0)[0] != BOF or _U16(stream, 4)[0] != BIFF8:
            return {}  # Excel 5/95 writes these records differently, and rarely matters now
        styles, sheets = _globals(stream)
        if not styles:
            return {}
        return {name: _sheet_cells(stream, start, styles) for name, start in sheets}
    except struct.error:  # a truncated record: the values stay as they are
        return {}


def _globals(stream: bytes) -> tuple[dict[int, Renderer], list[tuple[str, int]]]:
    """Currency styles (XF index -> renderer) and the sheets (name, offset)."""
    codes: dict[int, str] = dict(BUILTIN_FORMATS)
    xfs: list[tuple[int, int]] = []  # (format id, flags), in index order
    sheets: list[tuple[str, int]] = []
    skip = skipper(_GLOBALS_STOPS, frozenset(), 256, 256)
    pos, end = 0, len(stream)
    while pos + 4 <= end:
        if run := skip(stream, pos):  # records of no interest, stepped over in C
            pos = run.end()
            if pos + 4 > end:
                break
        if run := _XF_RUN(stream, pos):  # XFs come in one block, often of hundreds
            xfs += _XF_FIELDS(stream[pos : run.end()])
            pos = run.end()
            continue
        typ, size = _HEADER(stream, pos)
        data, pos = pos + 4, pos + 4 + size
        if typ == EOF:
            break
        if typ == FORMAT and size >= 5:
            codes[_U16(stream, data)[0]] = _unicode_string(stream, data + 2, pos, wide_count=True)
        elif typ == XF and size >= 6:
            xfs.append(_XF(stream, data))
        elif typ == BOUNDSHEET and size >= 8:
            name = _unicode_string(stream, data + 6, pos, wide_count=False)
            sheets.append((name, _U32(stream, data)[0]))
    styles = {}
    for index, (format_id, flags) in enumerate(xfs):
        if not flags & _STYLE_XF and (render := shown_renderer(codes.get(format_id))):
            styles[index] = render
    return styles, sheets


def _unicode_string(stream: bytes, pos: int, end: int, *, wide_count: bool) -> str:
    """An XLUnicodeString (16-bit count) or ShortXLUnicodeString (8-bit count)."""
    if wide_count:
        count, pos = _U16(stream, pos)[0], pos + 2
    else:
        count, pos = stream[pos], pos + 1
    flags, pos = stream[pos], pos + 1
    if flags & 0x01:
        return stream[pos : min(end, pos + 2 * count)].decode("utf-16-le", "replace")
    return stream[pos : min(end, pos + count)].decode("latin-1")


def _sheet_cells(stream: bytes, pos: int, styles: dict[int, Renderer]) -> dict:
    """The rendered cells of the worksheet substream at ``pos`` (charts inside it skipped)."""
    found: dict[tuple[int, int], Renderer] = {}
    depth, end = 0, len(stream)
    while pos + 4 <= end:
        typ, size = _HEADER(stream, pos)
        data, pos = pos + 4, pos + 4 + size
        if typ == BOF:
            depth += 1
        elif typ == EOF:
            depth -= 1
            if depth <= 0:
                break
        elif depth != 1 or size < 6:
            continue
        elif typ in (NUMBER, RK, FORMULA):
            row, column, xf = _CELL(stream, data)
            if xf in styles:
                found[(row, column)] = styles[xf]
        elif typ == MULRK:
            row, first = _U16(stream, data)[0], _U16(stream, data + 2)[0]
            for offset in range((size - 6) // 6):
                xf = _U16(stream, data + 4 + 6 * offset)[0]
                if xf in styles:
                    found[(row, first + offset)] = styles[xf]
    return found
