"""Read every generated file back with the real reader and fail loudly on a mismatch."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import extract_msg
import olefile
import openpyxl
import pypdf
import xlrd
from docx import Document
from langdetect import DetectorFactory, detect
from pptx import Presentation

from . import legacy

DetectorFactory.seed = 0


class ReadBackError(AssertionError):
    pass


def sniff(data: bytes) -> str:
    """Name the real format of ``data`` from its bytes, not its file name."""
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        names = set(__import__("zipfile").ZipFile(io.BytesIO(data)).namelist())
        for marker, kind in (
            ("word/document.xml", "docx"),
            ("ppt/presentation.xml", "pptx"),
            ("xl/workbook.xml", "xlsx"),
        ):
            if marker in names:
                return kind
        return "zip"
    if data.startswith(bytes.fromhex("D0CF11E0A1B11AE1")):
        ole = olefile.OleFileIO(data)
        try:
            if ole.exists("WordDocument"):
                return "doc"
            if ole.exists("PowerPoint Document"):
                return "ppt"
            if ole.exists("Workbook") or ole.exists("Book"):
                return "xls"
            if ole.exists("__properties_version1.0"):
                return "msg"
        finally:
            ole.close()
        return "ole"
    return "unknown"


def _run(cmd: list[str], data: bytes, suffix: str) -> str:
    with tempfile.TemporaryDirectory(prefix="samplegen-verify-") as tmp:
        path = Path(tmp, "f" + suffix)
        path.write_bytes(data)
        out = subprocess.run([*cmd, str(path)], capture_output=True, timeout=120, check=True)
        return out.stdout.decode("utf-8", "replace")


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() or "" for page in pypdf.PdfReader(io.BytesIO(data)).pages)


def text_of(data: bytes, kind: str) -> str:
    """Extract the text of a document with the reader for its real format."""
    if kind == "pdf":
        return pdf_text(data)
    if kind == "docx":
        doc = Document(io.BytesIO(data))
        parts = [p.text for p in doc.paragraphs]
        for t in doc.tables:
            for row in t.rows:
                parts.extend(c.text for c in row.cells)
        for s in doc.sections:
            parts.extend(p.text for p in s.header.paragraphs)
        return "\n".join(parts)
    if kind == "pptx":
        prs = Presentation(io.BytesIO(data))
        parts = []
        for slide in prs.slides:
            for shape in slide.shapes:
                if shape.has_text_frame:
                    parts.append(shape.text_frame.text)
                if shape.has_table:
                    parts.extend(c.text for row in shape.table.rows for c in row.cells)
        return "\n".join(parts)
    if kind == "xlsx":
        wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True)
        return "\n".join(
            str(v)
            for ws in wb.worksheets
            for row in ws.iter_rows(values_only=True)
            for v in row
            if v is not None
        )
    if kind == "xls":
        book = xlrd.open_workbook(file_contents=data)
        return "\n".join(
            str(sh.cell_value(r, c))
            for sh in book.sheets()
            for r in range(sh.nrows)
            for c in range(sh.ncols)
        )
    if kind == "msg":
        with tempfile.TemporaryDirectory(prefix="samplegen-msg-") as tmp:
            path = Path(tmp, "mail.msg")
            path.write_bytes(data)
            msg = extract_msg.openMsg(str(path))
            try:
                names = [a.longFilename or a.shortFilename for a in msg.attachments]
                return "\n".join(
                    [
                        msg.subject or "",
                        msg.sender or "",
                        msg.to or "",
                        msg.cc or "",
                        msg.body or "",
                        *names,
                    ]
                )
            finally:
                msg.close()
    if kind == "doc":
        return _run(["catdoc", "-w", "-d", "utf-8"], data, ".doc")
    if kind == "ppt":
        return _run(["catppt", "-d", "utf-8"], data, ".ppt")
    raise ReadBackError(f"no reader for {kind}")


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text).replace("\u00a0", "").lower()


def word_count(text: str) -> int:
    cjk = len(re.findall(r"[\u3040-\u30ff\u4e00-\u9fff]", text))
    return len(re.findall(r"[^\W\d_]+", text)) + cjk // 2


def language(text: str) -> str:
    return detect(text)


def check_text(label: str, text: str, expect: tuple[str, ...]) -> None:
    flat = squash(text)
    missing = [e for e in expect if squash(e) not in flat]
    if missing:
        raise ReadBackError(f"{label}: read-back lacks {missing!r}")


def verify_msg_structure(label: str, data: bytes, attachments: int) -> None:
    ole = olefile.OleFileIO(data, raise_defects=olefile.DEFECT_INCORRECT)
    try:
        for stream in (
            "__properties_version1.0",
            "__substg1.0_001A001F",
            "__substg1.0_0037001F",
            "__substg1.0_1000001F",
            "__substg1.0_0C1A001F",
            "__recip_version1.0_#00000000/__properties_version1.0",
            "__nameid_version1.0/__substg1.0_00020102",
        ):
            if not ole.exists(stream):
                raise ReadBackError(f"{label}: no {stream} stream")
        for i in range(attachments):
            if not ole.exists(f"__attach_version1.0_#{i:08X}/__substg1.0_37010102"):
                raise ReadBackError(f"{label}: attachment {i} has no data stream")
    finally:
        ole.close()
    with tempfile.TemporaryDirectory(prefix="samplegen-msg-") as tmp:
        path = Path(tmp, "mail.msg")
        path.write_bytes(data)
        msg = extract_msg.openMsg(str(path))
        try:
            if not (msg.subject and msg.sender and msg.body and msg.date):
                raise ReadBackError(f"{label}: extract-msg lacks subject, sender, body or date")
            if len(msg.attachments) != attachments:
                raise ReadBackError(f"{label}: {len(msg.attachments)} attachments read back")
            for att in msg.attachments:
                if sniff(att.data) == "unknown":
                    raise ReadBackError(f"{label}: attachment {att.longFilename} is unreadable")
        finally:
            msg.close()


def verify_legacy(label: str, data: bytes, kind: str, expect: tuple[str, ...]) -> str:
    """Check an OLE2 .doc/.ppt: stream names, catdoc/catppt, and a LibreOffice round trip."""
    stream = {"doc": "WordDocument", "ppt": "PowerPoint Document"}[kind]
    ole = olefile.OleFileIO(data)
    try:
        if not ole.exists(stream):
            raise ReadBackError(f"{label}: no {stream!r} stream")
    finally:
        ole.close()
    cat_text = text_of(data, kind)
    check_text(f"{label} ({'catdoc' if kind == 'doc' else 'catppt'})", cat_text, expect)
    if kind == "doc":
        lo_text = legacy.convert(data, "doc", "txt:Text (encoded):UTF8").decode("utf-8-sig")
    else:
        lo_text = pdf_text(legacy.convert(data, "ppt", "pdf"))
    check_text(f"{label} (LibreOffice)", lo_text, expect)
    for needle in expect[:1]:
        if squash(lo_text).count(squash(needle)) > max(1, squash(cat_text).count(squash(needle))):
            raise ReadBackError(f"{label}: LibreOffice shows {needle!r} more often than written")
    return cat_text


def tools_present() -> None:
    missing = [t for t in ("catdoc", "catppt") if not shutil.which(t)]
    if missing:
        raise SystemExit(f"missing {', '.join(missing)}: apt-get install -y catdoc")
    legacy.soffice()
