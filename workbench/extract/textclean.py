"""Make extracted text safe to store and pleasant to search.

PostgreSQL rejects NUL in text columns, and JSON encoders and UTF-8 codecs
reject unpaired surrogates, which binary formats and careless PDF ToUnicode maps
produce. Control characters other than tab and newline carry no meaning for a
reviewer; line breaks are unified to ``\\n``.
"""

from __future__ import annotations

import re

_SURROGATE = re.compile("[\ud800-\udfff]")
# Anything clean_text would change besides stripping; most cell and paragraph texts have none of it.
_DIRTY = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]|[ \t]\n|\n\n\n")


def needs_cleaning(text: str) -> bool:
    """Whether ``clean_text`` would change more than the surrounding white space.

    Everything it looks for is unprintable, and ``str.isprintable`` answers in
    C at memory speed, where the regex costs ~40 ns a character on long text.
    """
    return not text.isprintable() and _DIRTY.search(text) is not None


_BLANK_RUNS = re.compile(r"[ \t]+\n")
_MANY_NEWLINES = re.compile(r"\n{3,}")

# C0 controls except tab and newline go; vertical tab / form feed become line
# breaks (Word uses them for manual line and page breaks); DEL, the C1 block and
# the non-characters U+FFFE/U+FFFF go too.
_TRANSLATE = {c: None for c in range(0x20) if c not in (0x09, 0x0A, 0x0B, 0x0C, 0x0D)}
_TRANSLATE.update({0x0B: "\n", 0x0C: "\n", 0x7F: None, 0xFFFE: None, 0xFFFF: None})
_TRANSLATE.update({c: None for c in range(0x80, 0xA0)})


def clean_text(text: str) -> str:
    """Return ``text`` without NUL, control characters or unpaired surrogates."""
    if not text:
        return ""
    if not _DIRTY.search(text):
        return text.strip()
    if _SURROGATE.search(text):
        # Join surrogate pairs that arrived as two code points; drop the unpaired ones.
        text = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "ignore")
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_TRANSLATE)
    text = _BLANK_RUNS.sub("\n", text)
    return _MANY_NEWLINES.sub("\n\n", text).strip()
