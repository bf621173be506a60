"""A document's words as 32-bit hashes: the input to near-duplicate search.

Hashing every word of a long document is the slow, per-character part of
comparing texts, and it depends only on the document's content, so it happens
here, once, in the extraction worker (in parallel with other reads) and is
cached with the extraction. What depends on the claim (masking its parties'
names, shingling, MinHash) then works on arrays of integers.

Words are compared after NFKC normalisation and case folding; a CJK character
counts as a word of its own, as CJK text has no spaces between words (nor
between a Latin name and the honorific after it: "Contoso様").
"""

from __future__ import annotations

import re
import unicodedata
import zlib
from array import array

_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af"
# A CJK character is a word even where it follows Latin letters ("Contoso様").
TOKEN = re.compile(f"[{_CJK}]|[^\\W_{_CJK}]+")


def normalise(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


def words(text: str) -> list[str]:
    """The text's words, normalised as they are compared."""
    return TOKEN.findall(normalise(text))


def hash_word(word: str) -> int:
    """A word's hash (CRC32: fast, and the same on every platform and Python)."""
    return zlib.crc32(word.encode("utf-8", "surrogatepass"))


def _little_endian(hashes: array) -> bytes:
    if array("I", [1]).tobytes()[0] != 1:
        hashes.byteswap()  # stored and compared little-endian on every machine
    return hashes.tobytes()


# Every ASCII byte that cannot be part of a word becomes a space.
_ASCII_SEPARATORS = bytes.maketrans(
    bytes(b for b in range(128) if not chr(b).isalnum()),
    b" " * sum(1 for b in range(128) if not chr(b).isalnum()),
)


def word_hashes(text: str) -> bytes:
    """The hash of every word of ``text``, in order (4 bytes a word): ``hash_word`` of
    each of ``words(text)``, several times faster on long text.

    ``re`` is slow with Unicode classes, so ASCII separators are found with
    ``bytes.translate`` and ``split`` in C; only the pieces holding other
    characters go through ``TOKEN``. The pieces are cut at ASCII separators,
    where ``TOKEN`` would cut too, so the words are the same.
    """
    if not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    encoded = text.casefold().encode("utf-8", "surrogatepass")
    pieces = encoded.translate(_ASCII_SEPARATORS).split()
    if encoded.isascii():
        return _little_endian(array("I", map(zlib.crc32, pieces)))
    hashes = array("I")
    crc32 = zlib.crc32
    for piece in pieces:
        if piece.isascii():
            hashes.append(crc32(piece))
        else:
            hashes.extend(map(hash_word, TOKEN.findall(piece.decode("utf-8", "surrogatepass"))))
    return _little_endian(hashes)
