"""Every document is an allowed type, by its name and by its content."""

from __future__ import annotations

from workbench.check_api import (
    Check,
    CheckContext,
    ClaimView,
    DocumentView,
    Evidence,
    ExampleCase,
    Result,
    Status,
)
from workbench.extract.sniff import ALLOWED_EXTENSIONS
from workbench.testing import docx_document, pptx_document, raw_document

ALLOWED = (".pdf", ".ppt", ".pptx", ".doc", ".docx", ".msg", ".xls", ".xlsx")

# What the sniffed content is, in words a reviewer (and a partner) understands.
CONTENT_NAMES = {
    "pdf": "a PDF document",
    "docx": "a Word document (.docx)",
    "doc": "a Word 97-2003 document (.doc)",
    "pptx": "a PowerPoint presentation (.pptx)",
    "ppt": "a PowerPoint 97-2003 presentation (.ppt)",
    "xlsx": "an Excel workbook (.xlsx)",
    "xls": "an Excel 97-2003 workbook (.xls)",
    "msg": "an Outlook message (.msg)",
    "docm": "a macro-enabled Word document (.docm)",
    "dotx": "a Word template (.dotx)",
    "dotm": "a macro-enabled Word template (.dotm)",
    "pptm": "a macro-enabled PowerPoint presentation (.pptm)",
    "ppsx": "a PowerPoint slide show (.ppsx)",
    "ppsm": "a macro-enabled PowerPoint slide show (.ppsm)",
    "potx": "a PowerPoint template (.potx)",
    "xlsm": "a macro-enabled Excel workbook (.xlsm)",
    "xltx": "an Excel template (.xltx)",
    "xlsb": "a binary Excel workbook (.xlsb)",
    "encrypted-ooxml": "a password-protected (encrypted) Office document",
    "rtf": "a Rich Text Format document (.rtf)",
    "wordml": "a Word 2003 XML document",
    "html": "an HTML page",
    "wordperfect": "a WordPerfect document",
    "image": "an image, not a document",
    "zip": "a zip archive",
    "ooxml-other": "an Office Open XML package of an unsupported kind",
    "ole": "an OLE compound file of an unrecognised kind",
    "word2": "a Word for Windows 2.0 document",
    "empty": "an empty file",
    "unknown": "not a recognised document format",
    "zip-corrupt": "a damaged zip archive",
    "ole-corrupt": "a damaged OLE compound file",
}

# Which extensions each sniffed content may carry. A damaged file or an old version of the
# right format is still the right type: whether it can be read is another check's concern.
_COMPATIBLE = {
    "pdf": {"pdf"},
    "docx": {"docx"},
    "doc": {"doc"},
    "word2": {"doc"},
    "pptx": {"pptx"},
    "ppt": {"ppt"},
    "xlsx": {"xlsx"},
    "xls": {"xls"},
    "msg": {"msg"},
    "zip-corrupt": {"docx", "pptx", "xlsx"},
    "ole-corrupt": {"doc", "ppt", "xls", "msg"},
}


# Word, Excel and PowerPoint 97-2003 files keep their format when encrypted (RC4 or XOR),
# so the sniffer sees a plain .doc/.xls/.ppt; only reading the file shows it is locked.
# A password-protected PDF is not refused here: the rules forbid encrypted Office files.
_LEGACY_OFFICE = frozenset({"doc", "xls", "ppt"})


def _encrypted(document: DocumentView) -> bool:
    error = document.extraction.error
    return error is not None and error.code == "encrypted"


def _locked(document: DocumentView) -> str:
    locked = document.content_type in _LEGACY_OFFICE and _encrypted(document)
    return ", password-protected" if locked else ""


def content_name(kind: str) -> str:
    return CONTENT_NAMES.get(kind, f"content of kind {kind!r}")


def problem(document: DocumentView) -> str | None:
    """Return why ``document`` is not an allowed type, or None when it is."""
    extension = document.extension
    kind = document.content_type
    named = f".{extension}" if extension else "no extension"
    if extension not in ALLOWED_EXTENSIONS:
        return (
            f"named {named}, which is not an allowed file type; its content is {content_name(kind)}"
        )
    if kind == "encrypted-ooxml":
        return (
            f"named {named} but it is {content_name(kind)}; "
            "upload it without a password or rights protection"
        )
    if extension in _COMPATIBLE.get(kind, ()):
        if kind in _LEGACY_OFFICE and _encrypted(document):
            return (
                f"{content_name(kind)} that is password-protected (encrypted) and cannot be "
                "opened for review; upload it without a password"
            )
        return None
    if kind in _COMPATIBLE:  # an allowed type under the wrong name
        right = sorted(_COMPATIBLE[kind])[0]
        return f"named {named} but it is really {content_name(kind)}; rename it to .{right}"
    return f"named {named} but it is really {content_name(kind)}, which is not an allowed type"


class FileTypes(Check):
    id = "file-types"
    version = "3"
    title = "Allowed file types"
    description = (
        "Every document is a PDF, PowerPoint (.ppt, .pptx), Word (.doc, .docx), Outlook (.msg) "
        "or Excel (.xls, .xlsx) file, judged by its content as well as its name: a renamed "
        "macro-enabled workbook, an encrypted Office file or an RTF named .doc does not pass."
    )
    reads_matches = False

    def run(self, claim: ClaimView, context: CheckContext) -> Result:
        bad = [(d, p) for d in claim.documents if (p := problem(d))]
        if bad:
            lines = "; ".join(f"{d.file_name} is {p}" for d, p in bad)
            count = f"{len(bad)} documents are" if len(bad) > 1 else "1 document is"
            return Result.failed(
                f"{count} not an allowed file type ({', '.join(ALLOWED)}): {lines}.",
                evidence=[
                    Evidence(d.file_name, "file type", f"name .{d.extension or '?'}; content: "
                             f"{content_name(d.content_type)}{_locked(d)}")
                    for d, _ in bad
                ],
            )  # fmt: skip
        kinds = sorted({d.content_type.upper() for d in claim.documents})
        return Result.passed(
            f"All {len(claim.documents)} documents are allowed types by name and content "
            f"({', '.join(kinds)}).",
            evidence=[
                Evidence(d.file_name, "file type", content_name(d.content_type))
                for d in claim.documents
            ],
        )

    examples = (
        ExampleCase(
            "Office and PDF files named for what they are", lambda c: c.view(), Status.PASS
        ),
        ExampleCase(
            "a Word document saved under a .doc name",
            lambda c: c.view(
                documents=[
                    docx_document("report.doc", ["Workshop report"]),
                    pptx_document("deck.pptx", [("Executive Summary", "Delivered.")]),
                ]
            ),
            Status.FAIL,
        ),
        ExampleCase(
            "an RTF file named .doc",
            lambda c: c.view(
                documents=[raw_document("report.doc", b"{\\rtf1\\ansi Workshop report}")]
            ),
            Status.FAIL,
        ),
    )
