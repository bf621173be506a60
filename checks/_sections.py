"""Finding a POE template's section headings in a document's text.

Shared by ``poe_sections`` (are the sections there?) and ``completeness`` (does a report
follow a disclosure in one Word file?).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache


def plain(text: str) -> str:
    """Text as headings are compared: no case, accents of width, punctuation; '&' is 'and'."""
    text = unicodedata.normalize("NFKC", text).casefold().replace("&", " and ")
    return " ".join(re.sub(r"[\W_]+", " ", text).split())


def stem(word: str) -> str:
    # "Next Step" and "Next Steps", "Recommendation" and "Recommendations" are one heading.
    return word[:-1] if len(word) > 3 and word.endswith("s") else word


@lru_cache(maxsize=256)
def heading_pattern(section: str) -> re.Pattern[str]:
    """The section's words in order, each with or without its plural, any punctuation between."""
    words = [re.escape(stem(w)) + r"(?:e?s)?" for w in plain(section).split()]
    return re.compile(r"\b" + r"[\W_]*".join(words) + r"\b", re.IGNORECASE)


def heading_words(section: str) -> frozenset[str]:
    return frozenset(map(stem, plain(section).split()))
