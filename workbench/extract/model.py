"""The values extraction hands to the rest of the workbench.

Everything here is an immutable value (a frozen dataclass or a named tuple), so
an extraction can be cached in the database (``to_dict``/``from_dict``
round-trip through JSON), sent back from a worker process, and shared between
checks without anyone mutating it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from itertools import repeat
from operator import itemgetter
from typing import Any, NamedTuple

from .gcpause import collector_paused

# Error codes a caller may branch on. Messages are for people; codes are stable.
ERROR_CODES = frozenset(
    {
        "encrypted",  # password-protected, rights-managed or S/MIME-encrypted content
        "corrupt",  # damaged, truncated or not what its structure claims
        "unsupported-legacy",  # an older version of an allowed format (Word 95, PowerPoint 4 ...)
        "unsupported-type",  # content that is not one of the allowed document types
        "too-large",  # over a structural limit: zip bombs, huge sheets, too many parts
        "hostile",  # built to attack parsers: XML entity bombs, overlapping zip entries
        "timeout",  # did not finish within the wall-clock deadline
        "memory",  # ran out of the memory allowed to one document
        "crashed",  # the worker process died while reading the document
    }
)


class Segment(NamedTuple):
    """A piece of a document's text and where a reviewer finds it.

    ``location`` is written for people: "page 3", "slide 2 notes", "Sheet1!B7",
    "table 1 row 2", "email subject", "attachment invoice.pdf / page 1".
    ``language`` is the ISO 639-1 code detected for this segment alone, or None
    when the segment is too short or has no letters to tell.

    A named tuple, not a dataclass: a workbook gives tens of thousands of
    segments, which are made, pickled to and from worker processes and loaded
    from the cache; as tuples that costs a half to a third as much, and C-level
    ``map`` can build them (``segments_of``).
    """

    location: str
    text: str
    language: str | None = None


def segments_of(rows: Iterable[Sequence]) -> list[Segment]:
    """Segments from (location, text, language) rows, without a Python call per row."""
    with collector_paused():
        return list(map(tuple.__new__, repeat(Segment), rows))


@dataclass(frozen=True, slots=True)
class ExtractionError:
    """Why a document could not be read: a stable ``code`` and a specific message."""

    code: str
    message: str

    def __str__(self) -> str:
        return self.message


class ExtractionFailed(Exception):
    """Raised inside readers to stop with a typed error; the boundary turns it into data."""

    def __init__(self, code: str, message: str):
        if code not in ERROR_CODES:
            raise ValueError(f"unknown extraction error code {code!r}")
        super().__init__(message)
        self.error = ExtractionError(code, message)


@dataclass(frozen=True)
class Extraction:
    """The result of reading one document, successful or not.

    ``kind`` is the sniffed content type (not the extension). ``language`` is the
    document-level ISO 639-1 code or None for "cannot tell"; ``languages`` gives the
    share of letters per language across segments, so mixed documents show up.
    ``reader``/``reader_version`` say which reader produced it, so a cached
    extraction can be invalidated when the reader changes.
    """

    kind: str
    segments: tuple[Segment, ...] = ()
    language: str | None = None
    languages: dict[str, float] = field(default_factory=dict, hash=False)
    error: ExtractionError | None = None
    reader: str = ""
    reader_version: str = ""
    warnings: tuple[str, ...] = ()
    # workbench.extract.words.word_hashes(text): kept apart from to_dict() (bytes, not JSON).
    word_hashes: bytes = field(default=b"", repr=False)
    # Where a page is a scanned image with little or no text ("page 2",
    # "attachment scan.pdf / page 1"): what text it has is a footer or a stamp.
    scanned: tuple[str, ...] = ()
    # The e-mail addresses behind mailto: links that the text does not show ("Email Jane"
    # linking to jane@contoso.com), as segments located "paragraph 12 (link)". Kept apart
    # from ``segments``: they are no part of the text, its language or its word hashes.
    links: tuple[Segment, ...] = ()

    @property
    def ok(self) -> bool:
        return self.error is None

    def __reduce__(self):
        # Extractions cross to and from worker processes by pickle: from the
        # reader pool, and to the check sandbox in every claim view. Pickled as
        # named tuples, segments cost a Python call each way (__getnewargs__,
        # __new__) and a memo entry per string: 90 ms there and back for a
        # 64k-cell workbook. As columns (``_pack_segments``): 30 ms.
        return (
            _unpickle_extraction,
            (
                self.kind,
                _pack_segments(self.segments),
                self.language,
                self.languages,
                self.error,
                self.reader,
                self.reader_version,
                self.warnings,
                self.word_hashes,
                self.scanned,
                _pack_segments(self.links),
            ),
        )

    @cached_property
    def text(self) -> str:
        # Several checks read the whole text of every document; a workbook's is
        # tens of thousands of segments, so it is joined once (in C) and kept.
        return "\n".join(map(itemgetter(1), self.segments))

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-safe dict (lists and strings only) that ``from_dict`` restores.

        ``word_hashes`` is left out: it is binary, cached in a column of its own
        and passed back to ``from_dict`` separately.
        """
        return {
            "kind": self.kind,
            "segments": _segment_columns(self.segments),
            "language": self.language,
            "languages": dict(self.languages),
            "error": None
            if self.error is None
            else {"code": self.error.code, "message": self.error.message},
            "reader": self.reader,
            "reader_version": self.reader_version,
            "warnings": list(self.warnings),
            "scanned": list(self.scanned),
            "links": [list(link) for link in self.links],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any], word_hashes: bytes = b"") -> Extraction:
        error = data.get("error")
        return cls(
            kind=data["kind"],
            segments=_segments_from_json(data.get("segments") or ()),
            language=data.get("language"),
            languages={str(k): float(v) for k, v in (data.get("languages") or {}).items()},
            error=None if error is None else ExtractionError(error["code"], error["message"]),
            reader=data.get("reader", ""),
            reader_version=data.get("reader_version", ""),
            warnings=tuple(data.get("warnings", ())),
            word_hashes=word_hashes,
            scanned=tuple(data.get("scanned", ())),
            links=tuple(segments_of(data.get("links") or ())),
        )

    @classmethod
    def failed(cls, kind: str, code: str, message: str, **fields: Any) -> Extraction:
        """Build an extraction that carries only an error."""
        return cls(kind=kind, error=ExtractionError(code, message), **fields)


_SEPARATOR = "\x00"  # cleaned text never holds NUL (textclean); locations are checked
# PostgreSQL's JSON types refuse NUL; cleaned text holds no other control character either.
_JSON_SEPARATOR = "\x1e"


def _pack_segments(segments: tuple[Segment, ...], separator: str = _SEPARATOR) -> tuple:
    """Segments as two joined strings and a list of languages, or as tuples.

    Joining and splitting run in C. A separator (possible only in a location,
    which comes from names inside the file) would split wrongly; such rare
    segments go as plain tuples.
    """
    locations = separator.join(map(itemgetter(0), segments))
    texts = separator.join(map(itemgetter(1), segments))
    pieces = len(segments) - 1
    if locations.count(separator) != pieces or texts.count(separator) != pieces:
        return ("rows", list(map(tuple, segments)))
    return ("columns", locations, texts, list(map(itemgetter(2), segments)))


def _unpack_segments(packed: tuple, separator: str = _SEPARATOR) -> tuple[Segment, ...]:
    if packed[0] == "rows":
        return tuple(segments_of(packed[1]))
    _form, locations, texts, languages = packed
    if not languages:
        return ()
    return tuple(
        segments_of(zip(locations.split(separator), texts.split(separator), languages, strict=True))
    )


def _segment_columns(segments: tuple[Segment, ...]) -> dict[str, Any] | list[list]:
    """Segments for JSON: three columns rather than a list per segment.

    The corpus's 67k-cell workbook (dumps plus loads, best of 7): 42 ms to
    store and 33 ms to load as rows, 24 and 25 ms as columns. Segments a
    separator would split stay rows; rows stored before still load.
    """
    packed = _pack_segments(segments, _JSON_SEPARATOR)
    if packed[0] == "rows":
        return list(map(list, segments))
    _form, locations, texts, languages = packed
    return {"locations": locations, "texts": texts, "languages": languages}


def _segments_from_json(stored: dict[str, Any] | list) -> tuple[Segment, ...]:
    if isinstance(stored, dict):
        columns = ("columns", stored["locations"], stored["texts"], stored["languages"])
        return _unpack_segments(columns, _JSON_SEPARATOR)
    return tuple(segments_of(stored))


def _unpickle_extraction(kind: str, segments: tuple, *fields: Any) -> Extraction:
    # Links travel packed like segments: the pool's unpickler admits no Segment class.
    *fields, links = fields
    return Extraction(kind, _unpack_segments(segments), *fields, _unpack_segments(links))
