"""The values extraction hands to the rest of the workbench.

Everything here is a frozen dataclass of plain values, so an extraction can be
cached in the database (``to_dict``/``from_dict`` round-trip through JSON), sent
back from a worker process, and shared between checks without anyone mutating it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

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


@dataclass(frozen=True, slots=True)
class Segment:
    """A piece of a document's text and where a reviewer finds it.

    ``location`` is written for people: "page 3", "slide 2 notes", "Sheet1!B7",
    "table 1 row 2", "email subject", "attachment invoice.pdf / page 1".
    ``language`` is the ISO 639-1 code detected for this segment alone, or None
    when the segment is too short or has no letters to tell.
    """

    location: str
    text: str
    language: str | None = None


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

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def text(self) -> str:
        return "\n".join(segment.text for segment in self.segments)

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-safe dict (lists and strings only) that ``from_dict`` restores.

        ``word_hashes`` is left out: it is binary, cached in a column of its own
        and passed back to ``from_dict`` separately.
        """
        return {
            "kind": self.kind,
            "segments": [[s.location, s.text, s.language] for s in self.segments],
            "language": self.language,
            "languages": dict(self.languages),
            "error": None
            if self.error is None
            else {"code": self.error.code, "message": self.error.message},
            "reader": self.reader,
            "reader_version": self.reader_version,
            "warnings": list(self.warnings),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any], word_hashes: bytes = b"") -> Extraction:
        error = data.get("error")
        return cls(
            kind=data["kind"],
            segments=tuple(
                Segment(loc, text, lang) for loc, text, lang in data.get("segments", ())
            ),
            language=data.get("language"),
            languages={str(k): float(v) for k, v in (data.get("languages") or {}).items()},
            error=None if error is None else ExtractionError(error["code"], error["message"]),
            reader=data.get("reader", ""),
            reader_version=data.get("reader_version", ""),
            warnings=tuple(data.get("warnings", ())),
            word_hashes=word_hashes,
        )

    @classmethod
    def failed(cls, kind: str, code: str, message: str, **fields: Any) -> Extraction:
        """Build an extraction that carries only an error."""
        return cls(kind=kind, error=ExtractionError(code, message), **fields)
