"""Open OLE compound files (the 97-2003 formats and Outlook .msg) with typed errors.

olefile raises OSError, struct.error, IndexError, ValueError and its own
OleFileError for damaged containers; callers only see ``corrupt``.
"""

from __future__ import annotations

import struct
from contextlib import contextmanager

import olefile

from .. import olefile_sets  # noqa: F401  (linear-time stream checks)
from ..model import ExtractionFailed

_OLE_ERRORS = (
    OSError,
    struct.error,
    IndexError,
    ValueError,
    KeyError,
    TypeError,
    RecursionError,
    EOFError,
)


@contextmanager
def open_ole(data: bytes):
    try:
        ole = olefile.OleFileIO(data)
    except _OLE_ERRORS as exc:
        raise ExtractionFailed("corrupt", f"corrupt OLE compound file ({_reason(exc)})") from None
    try:
        yield ole
    finally:
        ole.close()


def read_stream(ole, name: str) -> bytes:
    """Return a stream's bytes (names are case-insensitive in the format)."""
    try:
        entry = next((e for e in ole.listdir() if "/".join(e).lower() == name.lower()), None)
        if entry is None:
            raise ExtractionFailed("corrupt", f"corrupt file: stream {name} is missing")
        return ole.openstream(entry).read()
    except ExtractionFailed:
        raise
    except _OLE_ERRORS as exc:
        raise ExtractionFailed(
            "corrupt", f"corrupt OLE compound file (stream {name}: {_reason(exc)})"
        ) from None


def _reason(exc: Exception) -> str:
    return (str(exc) or exc.__class__.__name__).splitlines()[0][:160]
