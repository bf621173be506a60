"""A document's words as 32-bit hashes: the input to near-duplicate search.

Hashing every word of a long document is the slow, per-character part of
comparing texts, and it depends only on the document's content, so it happens
here, once, in the extraction worker (in parallel with other reads) and is
cached with the extraction. What depends on the claim (masking its parties'
names, shingling, MinHash) then works on arrays of integers.

Words are compared after NFKC normalisation and case folding; a CJK character
counts as a word of its own, as CJK text has no spaces between words.
"""

from __future__ import annotations

import re
import unicodedata
import zlib
from array import array
from collections.abc import Iterable

TOKEN = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]|[^\W_]+")


def normalise(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


def words(text: str) -> list[str]:
    """The text's words, normalised as they are compared."""
    return TOKEN.findall(normalise(text))


def hash_word(word: str) -> int:
    """A word's hash (CRC32: fast, and the same on every platform and Python)."""
    return zlib.crc32(word.encode("utf-8", "surrogatepass"))


def hash_words(tokens: Iterable[str]) -> bytes:
    """The hashes of ``tokens`` in order, as little-endian uint32 bytes."""
    hashes = array("I", map(hash_word, tokens))
    if array("I", [1]).tobytes()[0] != 1:
        hashes.byteswap()  # stored and compared little-endian on every machine
    return hashes.tobytes()


def word_hashes(text: str) -> bytes:
    """The hash of every word of ``text``, in order (4 bytes a word)."""
    return hash_words(words(text))
