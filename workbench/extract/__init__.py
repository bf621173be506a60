"""Document extraction: text segments with locations, language, typed errors.

No Flask and no SQLAlchemy here: the web app, the CLI, the check engine and
worker processes all call the same functions.

- ``extract_file(path)`` reads in-process under the structural limits and never
  raises for a bad document; the returned ``Extraction`` carries the error.
- ``extract_isolated(path)`` / ``ExtractionPool`` do the same in killable worker
  processes with a memory limit and a wall-clock deadline: use them for uploads.
- ``READER_VERSION`` changes whenever output may change; cache extractions by
  (sha256 of the file, READER_VERSION).
"""

from .core import READER_VERSION, extract_bytes, extract_file
from .isolation import ExtractionPool, extract_isolated
from .language import detect_language
from .limits import Limits
from .model import Extraction, ExtractionError, Segment
from .sniff import ALLOWED_EXTENSIONS, Sniffed, extension_of, sniff_bytes, sniff_file

__all__ = [
    "ALLOWED_EXTENSIONS",
    "READER_VERSION",
    "Extraction",
    "ExtractionError",
    "ExtractionPool",
    "Limits",
    "Segment",
    "Sniffed",
    "detect_language",
    "extension_of",
    "extract_bytes",
    "extract_file",
    "extract_isolated",
    "sniff_bytes",
    "sniff_file",
]
