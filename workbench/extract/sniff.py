"""Tell a document's real type from its bytes, never from its name.

Partners rename files, Office saves encrypted OOXML inside an OLE container, and a
``.doc`` may really be RTF or WordML. Intake records what the content is; the
``file-types`` check compares it with the extension. Sniffing reads only a few
small structures (magic bytes, the OLE directory, the zip's central directory and
``[Content_Types].xml``) so it is cheap and safe to run on every upload.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

import olefile

from . import olefile_sets  # noqa: F401  (linear-time stream checks for every olefile user)
from .readers.cfb import top_level_names

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
PDF_MAGIC = b"%PDF-"
# A PDF header may be preceded by junk (a print ticket, a PJL job header); Acrobat accepts it
# within the first KiB, and then needs the "%%EOF" marker within the last KiB.
PDF_SEARCH_WINDOW = 1024
PDF_EOF_MARKER = b"%%EOF"
PDF_EOF_WINDOW = 1024
# Before a header at the very start, readers skip a UTF-8 byte-order mark and blank space.
_UTF8_BOM = b"\xef\xbb\xbf"
# [Content_Types].xml is a few KiB at most; anything larger is not trusted.
CONTENT_TYPES_MAX = 1024 * 1024

ALLOWED_EXTENSIONS = frozenset({"pdf", "ppt", "pptx", "doc", "docx", "msg", "xls", "xlsx"})

# Main-part content types of the OOXML formats, macro-enabled ones included so
# that a renamed .xlsm/.pptm/.docm is recognised as what it is.
_OOXML_MAIN_TYPES = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml": "docx",
    "application/vnd.ms-word.document.macroEnabled.main+xml": "docm",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml": "dotx",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml": "dotm",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml": "pptx",
    "application/vnd.ms-powerpoint.presentation.macroEnabled.main+xml": "pptm",
    "application/vnd.openxmlformats-officedocument.presentationml.slideshow.main+xml": "ppsx",
    "application/vnd.ms-powerpoint.slideshow.macroEnabled.main+xml": "ppsm",
    "application/vnd.openxmlformats-officedocument.presentationml.template.main+xml": "potx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml": "xlsx",
    "application/vnd.ms-excel.sheet.macroEnabled.main+xml": "xlsm",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml": "xltx",
    "application/vnd.ms-excel.sheet.binary.macroEnabled.main": "xlsb",
}
_MACRO_ENABLED = frozenset({"docm", "dotm", "pptm", "ppsm", "xlsm", "xlsb"})

# BOF records of bare BIFF2/3/4 streams, and the sheet types that follow them.
_BIFF_BOF = {b"\x09\x00", b"\x09\x02", b"\x09\x04"}
_BIFF_STREAM_TYPES = {b"\x10\x00", b"\x20\x00", b"\x40\x00", b"\x00\x01"}

# Which extension a sniffed type may carry without being "mislabeled".
_COMPATIBLE_EXTENSIONS = {
    "pdf": {"pdf"},
    "docx": {"docx"},
    "pptx": {"pptx"},
    "xlsx": {"xlsx"},
    "doc": {"doc"},
    "xls": {"xls"},
    "ppt": {"ppt"},
    "msg": {"msg"},
}


@dataclass(frozen=True)
class Sniffed:
    """What a file's content is.

    ``kind`` is one of the eight allowed types (``pdf``, ``docx``, ``pptx``,
    ``xlsx``, ``doc``, ``xls``, ``ppt``, ``msg``) or another short name for content
    the workbench recognises but does not accept (``docm``, ``encrypted-ooxml``,
    ``rtf``, ``zip``, ``ole``, ``empty``, ``unknown`` ...). ``detail`` is a human
    sentence for reviewers, ``encrypted`` is set for password-protected OOXML.
    """

    kind: str
    detail: str
    encrypted: bool = False

    @property
    def allowed(self) -> bool:
        return self.kind in _COMPATIBLE_EXTENSIONS

    @property
    def macro_enabled(self) -> bool:
        return self.kind in _MACRO_ENABLED

    def matches_extension(self, extension: str) -> bool:
        """Return whether a file named ``*.extension`` may hold this content."""
        ext = extension.lower().lstrip(".")
        if self.encrypted:
            # Encrypted OOXML lives in an OLE container whatever the extension says.
            return ext in {"docx", "xlsx", "pptx"}
        return ext in _COMPATIBLE_EXTENSIONS.get(self.kind, set())


def extension_of(file_name: str) -> str:
    """Return the lower-case extension of ``file_name`` without the dot ('' if none)."""
    suffix = Path(file_name).suffix
    return suffix[1:].lower() if suffix else ""


def sniff_file(path: str | Path) -> Sniffed:
    """Sniff the file at ``path``."""
    with open(path, "rb") as handle:
        return sniff_stream(handle)


def sniff_bytes(data: bytes) -> Sniffed:
    """Sniff an in-memory document."""
    return sniff_stream(io.BytesIO(data))


def sniff_stream(handle: io.BufferedIOBase | io.BytesIO) -> Sniffed:
    """Sniff a seekable binary stream; the position is left undefined."""
    handle.seek(0)
    head = handle.read(PDF_SEARCH_WINDOW)
    if not head:
        return Sniffed("empty", "the file is empty")
    if head.startswith(OLE_MAGIC):
        handle.seek(0)
        return _sniff_ole(handle)
    if head.startswith(ZIP_MAGIC):
        handle.seek(0)
        return _sniff_zip(handle)
    if _is_pdf(head, handle):
        return Sniffed("pdf", "PDF document")
    stripped = head.lstrip()
    if stripped.startswith(b"{\\rtf"):
        return Sniffed("rtf", "Rich Text Format document")
    lowered = stripped[:400].lower()
    if lowered.startswith(b"<?xml") and b"w:worddocument" in head.lower():
        return Sniffed("wordml", "Word 2003 XML document")
    if lowered.startswith((b"<!doctype html", b"<html")):
        return Sniffed("html", "HTML page")
    if head.startswith(b"\xffWPC"):
        return Sniffed("wordperfect", "WordPerfect document")
    if head.startswith((b"\x89PNG", b"\xff\xd8\xff", b"GIF8")):
        return Sniffed("image", "an image, not a document")
    if head.startswith((b"\xdb\xa5", b"\x9b\xa5")):
        return Sniffed("word2", "Word for Windows 2.0 document")
    if len(head) >= 8 and head[:2] in _BIFF_BOF and head[6:8] in _BIFF_STREAM_TYPES:
        # Excel 2.x-4.0 saved a bare BIFF record stream, not an OLE container.
        return Sniffed("xls", "Excel 2.x-4.0 worksheet")
    return Sniffed("unknown", "content is not a recognised document format")


def _is_pdf(head: bytes, handle) -> bool:
    """Whether the file is a PDF: its header at the start, or after junk with a PDF's end."""
    if head.removeprefix(_UTF8_BOM).lstrip(b" \t\r\n\x00").startswith(PDF_MAGIC):
        return True  # even truncated, it is a (damaged) PDF
    # Further in, "%PDF-1.7" may be text that names the format, or a PDF stored inside a zip:
    # a PDF that junk precedes starts its header on a line and ends as a PDF does.
    offset = head.find(PDF_MAGIC)
    if offset <= 0 or head[offset - 1 : offset] not in (b"\r", b"\n"):
        return False
    return PDF_EOF_MARKER in _tail(handle, PDF_EOF_WINDOW)


def _tail(handle, size: int) -> bytes:
    end = handle.seek(0, io.SEEK_END)
    handle.seek(max(0, end - size))
    return handle.read(size)


def _sniff_ole(handle) -> Sniffed:
    names = top_level_names(handle.read())
    if names is None:  # a container our walk does not vouch for: olefile decides
        handle.seek(0)
        try:
            names = _olefile_top_level_names(handle)
        except RecursionError:
            return Sniffed("ole-corrupt", "OLE compound file nested too deeply to read")
        except Exception as exc:  # olefile raises OSError, struct.error, IndexError ...
            return Sniffed("ole-corrupt", f"damaged OLE compound file ({exc.__class__.__name__})")
    # Stream names are case-insensitive in the compound file format ("WORKBOOK").
    top = {name.lower() for name in names}
    if "encryptioninfo" in top and "encryptedpackage" in top:
        return Sniffed("encrypted-ooxml", "password-protected Office document", encrypted=True)
    if "encryptedpackage" in top or "\x06dataspaces" in top:
        return Sniffed("encrypted-ooxml", "rights-managed (IRM) Office document", encrypted=True)
    if "__properties_version1.0" in top or any(n.startswith("__substg1.0_") for n in top):
        return Sniffed("msg", "Outlook message")
    if "worddocument" in top:
        return Sniffed("doc", "Word 97-2003 document")
    if "workbook" in top or "book" in top:
        return Sniffed(
            "xls", "Excel 97-2003 workbook" if "workbook" in top else "Excel 5/95 workbook"
        )
    if "powerpoint document" in top or "pp97_dualstorage" in top:
        return Sniffed("ppt", "PowerPoint 97-2003 presentation")
    if "pp40" in top:
        return Sniffed("ppt", "PowerPoint 4.0 presentation")
    return Sniffed("ole", "OLE compound file of an unrecognised kind")


def _olefile_top_level_names(handle) -> list[str]:
    ole = olefile.OleFileIO(handle)
    try:
        return [entry[0] for entry in ole.listdir(streams=True, storages=True)]
    finally:
        ole.close()


def _sniff_zip(handle) -> Sniffed:
    try:
        archive = zipfile.ZipFile(handle)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return Sniffed("zip-corrupt", "damaged or truncated zip archive")
    with archive:
        # Part names are case-insensitive, and a few writers use backslashes.
        info = next(
            (
                i
                for i in archive.infolist()
                if i.filename.replace("\\", "/").lstrip("/").lower() == "[content_types].xml"
            ),
            None,
        )
        if info is None:
            return Sniffed("zip", "zip archive, not an Office document")
        if info.file_size > CONTENT_TYPES_MAX:
            return Sniffed("zip-corrupt", "Office package with an oversized content-types part")
        try:
            content_types = archive.read(info)
        except Exception:
            return Sniffed("zip-corrupt", "damaged or truncated zip archive")
    for content_type, kind in _OOXML_MAIN_TYPES.items():
        if content_type.encode() in content_types:
            label = {
                "docx": "Word document",
                "pptx": "PowerPoint presentation",
                "xlsx": "Excel workbook",
            }.get(kind, f"{kind.upper()} file")
            if kind in _MACRO_ENABLED:
                label = f"macro-enabled Office file ({kind})"
            return Sniffed(kind, label)
    return Sniffed("ooxml-other", "Office Open XML package of an unsupported kind")
