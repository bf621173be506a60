"""Legacy binary Office files: .xls written by xlwt, .doc/.ppt converted by LibreOffice
(headless), and PDF "Save as" exports from LibreOffice.

LibreOffice keeps a slide's text only inside the slide drawing; PowerPoint also writes the
placeholder (outline) text into the SlideListWithText of the Document container, and readers
such as catppt only look there. :func:`add_outline_text` adds those records the way PowerPoint
lays them out, fixing every stream offset that moves.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import shutil
import struct
import subprocess
import tempfile
import uuid
from pathlib import Path

import olefile
import xlwt
from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER

from .cfb import CompoundFile

RT_DOCUMENT = 0x03E8
RT_SLIDE_LIST_WITH_TEXT = 0x0FF0
RT_SLIDE_PERSIST_ATOM = 0x03F3
RT_TEXT_HEADER_ATOM = 0x0F9F
RT_TEXT_CHARS_ATOM = 0x0FA0
RT_PERSIST_DIRECTORY_ATOM = 0x1772
RT_USER_EDIT_ATOM = 0x0FF5
TX_TYPE_TITLE, TX_TYPE_BODY, TX_TYPE_CENTERBODY, TX_TYPE_CENTERTITLE = 0, 1, 5, 6


def soffice() -> str:
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if not exe:
        raise SystemExit(
            "LibreOffice is needed: apt-get install -y libreoffice-writer-nogui "
            "libreoffice-impress-nogui"
        )
    return exe


def convert(data: bytes, src_ext: str, target: str) -> bytes:
    """Convert one document with LibreOffice headless (``target``: doc, ppt, pdf, txt, ...)."""
    with tempfile.TemporaryDirectory(prefix="samplegen-lo-") as tmp:
        src = Path(tmp, f"document.{src_ext}")
        src.write_bytes(data)
        profile = Path(tmp, "profile").as_uri()
        env = dict(os.environ, HOME=tmp, TZ="UTC", SAL_USE_VCLPLUGIN="svp")
        result = subprocess.run(
            [
                soffice(),
                f"-env:UserInstallation={profile}",
                "--headless",
                "--norestore",
                "--convert-to",
                target,
                "--outdir",
                str(Path(tmp, "out")),
                str(src),
            ],
            capture_output=True,
            text=True,
            timeout=180,
            env=env,
            check=False,
        )
        out_ext = target.split(":")[0]
        out = Path(tmp, "out", f"document.{out_ext}")
        if result.returncode or not out.exists():
            raise RuntimeError(
                f"LibreOffice could not convert .{src_ext} to {target}: "
                f"{result.stdout}{result.stderr}"
            )
        return out.read_bytes()


def fix_pdf_dates(data: bytes, stamp: str, doc_id: str) -> bytes:
    """Give a LibreOffice PDF fixed dates, /ID and /DocChecksum, keeping every length (so the
    cross-reference offsets stay valid). ``stamp`` is "D:YYYYMMDDHHmmSS"."""

    def date(m: re.Match) -> bytes:
        old = m.group(2)
        return m.group(1) + stamp.encode() + old[len(stamp) :] + m.group(3)

    data = re.sub(rb"(/(?:CreationDate|ModDate)\()([^)]*)(\))", date, data)
    digest = hashlib.md5(doc_id.encode()).hexdigest().upper().encode()

    def ident(m: re.Match) -> bytes:
        return (
            m.group(1)
            + digest[: len(m.group(2))]
            + m.group(3)
            + digest[: len(m.group(4))]
            + m.group(5)
        )

    data = re.sub(rb"(/ID\s*\[\s*<)([0-9A-Fa-f]+)(>\s*<)([0-9A-Fa-f]+)(>)", ident, data)
    return re.sub(
        rb"(/DocChecksum\s*/)([0-9A-Fa-f]+)", lambda m: m.group(1) + digest[: len(m.group(2))], data
    )


# -- .ppt outline text --------------------------------------------------------------------------


def _records(buf: bytes, start: int, end: int):
    off = start
    while off + 8 <= end:
        ver_inst, rtype, length = struct.unpack_from("<HHI", buf, off)
        yield off, ver_inst, rtype, length
        off += 8 + length


def _atom(rtype: int, payload: bytes, instance: int = 0) -> bytes:
    return struct.pack("<HHI", instance << 4, rtype, len(payload)) + payload


def slide_outline(pptx_bytes: bytes) -> list[list[tuple[int, str]]]:
    """Return, per slide, the (text type, text) of its title and body placeholders."""
    prs = Presentation(io.BytesIO(pptx_bytes))
    outline = []
    for slide in prs.slides:
        texts = []
        for shape in slide.placeholders:
            if not shape.has_text_frame or not shape.text_frame.text.strip():
                continue
            kind = shape.placeholder_format.type
            if kind in (PP_PLACEHOLDER.CENTER_TITLE,):
                tx = TX_TYPE_CENTERTITLE
            elif kind == PP_PLACEHOLDER.TITLE:
                tx = TX_TYPE_TITLE
            elif kind == PP_PLACEHOLDER.SUBTITLE:
                tx = TX_TYPE_CENTERBODY
            else:
                tx = TX_TYPE_BODY
            paragraphs = [p.text for p in shape.text_frame.paragraphs]
            texts.append((tx, "\r".join(paragraphs)))
        texts.sort(key=lambda t: t[0] not in (TX_TYPE_TITLE, TX_TYPE_CENTERTITLE))
        outline.append(texts)
    return outline


def add_outline_text(ppt_bytes: bytes, outline: list[list[tuple[int, str]]]) -> bytes:
    """Write each slide's placeholder text into the SlideListWithText, as PowerPoint does."""
    ole = olefile.OleFileIO(ppt_bytes)
    doc = bytearray(ole.openstream("PowerPoint Document").read())
    current_user = bytearray(ole.openstream("Current User").read())

    inserts: list[tuple[int, bytes]] = []
    container_growth: dict[int, int] = {}  # header offset of a container -> bytes added
    doc_off = next(off for off, _, t, _ in _records(doc, 0, len(doc)) if t == RT_DOCUMENT)
    _, _, doc_len = struct.unpack_from("<HHI", doc, doc_off)
    for off, ver_inst, rtype, length in _records(doc, doc_off + 8, doc_off + 8 + doc_len):
        if rtype != RT_SLIDE_LIST_WITH_TEXT or ver_inst >> 4 != 0:
            continue
        persist_atoms = [
            (o, ln)
            for o, _, t, ln in _records(doc, off + 8, off + 8 + length)
            if t == RT_SLIDE_PERSIST_ATOM
        ]
        if len(persist_atoms) != len(outline):
            raise RuntimeError(
                f"{len(persist_atoms)} slides in the .ppt, {len(outline)} in the outline"
            )
        added = 0
        for (atom_off, atom_len), texts in zip(persist_atoms, outline, strict=True):
            blob = b"".join(
                _atom(RT_TEXT_HEADER_ATOM, struct.pack("<I", tx))
                + _atom(RT_TEXT_CHARS_ATOM, text.encode("utf-16-le"))
                for tx, text in texts
            )
            struct.pack_into("<i", doc, atom_off + 8 + 8, len(texts))  # cTexts
            inserts.append((atom_off + 8 + atom_len, blob))
            added += len(blob)
        container_growth[off] = added
    if not inserts:
        raise RuntimeError("no slide SlideListWithText in the .ppt")
    total = sum(len(b) for _, b in inserts)
    container_growth[doc_off] = total

    def moved(offset: int) -> int:
        return offset + sum(len(b) for pos, b in inserts if pos <= offset)

    # offsets stored in the stream point at records; move those past an insertion (walk the
    # records before any container length changes)
    for off, _, rtype, length in list(_records(doc, 0, len(doc))):
        if rtype == RT_PERSIST_DIRECTORY_ATOM:
            pos, end = off + 8, off + 8 + length
            while pos < end:
                (entry,) = struct.unpack_from("<I", doc, pos)
                count = entry >> 20
                for i in range(count):
                    slot = pos + 4 + 4 * i
                    struct.pack_into("<I", doc, slot, moved(struct.unpack_from("<I", doc, slot)[0]))
                pos += 4 + 4 * count
        elif rtype == RT_USER_EDIT_ATOM:
            for field_off in (8, 12):  # offsetLastEdit, offsetPersistDirectory
                slot = off + 8 + field_off
                value = struct.unpack_from("<I", doc, slot)[0]
                if value:
                    struct.pack_into("<I", doc, slot, moved(value))
    for head, growth in container_growth.items():
        struct.pack_into("<I", doc, head + 4, struct.unpack_from("<I", doc, head + 4)[0] + growth)
    slot = 8 + 8  # CurrentUserAtom: rh, size, headerToken, offsetToCurrentEdit
    struct.pack_into(
        "<I", current_user, slot, moved(struct.unpack_from("<I", current_user, slot)[0])
    )
    new_doc = bytearray()
    last = 0
    for pos, blob in sorted(inserts):
        new_doc += doc[last:pos] + blob
        last = pos
    new_doc += doc[last:]

    cf = CompoundFile(root_clsid=uuid.UUID(ole.root.clsid).bytes_le)
    for path in ole.listdir(streams=True, storages=False):
        name = "/".join(path)
        if name == "PowerPoint Document":
            cf.add_stream(name, bytes(new_doc))
        elif name == "Current User":
            cf.add_stream(name, bytes(current_user))
        else:
            cf.add_stream(name, ole.openstream(path).read())
    ole.close()
    return cf.to_bytes()


def pptx_to_ppt(pptx_bytes: bytes) -> bytes:
    return add_outline_text(convert(pptx_bytes, "pptx", "ppt"), slide_outline(pptx_bytes))


def docx_to_doc(docx_bytes: bytes) -> bytes:
    return convert(docx_bytes, "docx", "doc")


# -- .xls -----------------------------------------------------------------------------------------


def sheets_to_xls(
    sheets: list[tuple[str, list[list]]],
    widths: dict[str, list[int]] | None = None,
) -> bytes:
    """Write sheets (name, rows) with xlwt; the first row of each sheet is its header.

    The workbook keeps xlwt's default owner: xlwt writes WRITEACCESS as raw bytes that xlrd
    cannot parse for any other name.
    """
    book = xlwt.Workbook(encoding="utf-8")
    head = xlwt.easyxf(
        "font: bold on, colour white; pattern: pattern solid, fore_colour dark_blue;"
        " borders: bottom thin"
    )
    plain = xlwt.easyxf("alignment: wrap on, vert top")
    for name, rows in sheets:
        ws = book.add_sheet(name)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                ws.write(r, c, value, head if r == 0 and len(rows) > 1 else plain)
        for c, w in enumerate((widths or {}).get(name, [])):
            ws.col(c).width = 256 * w
    buf = io.BytesIO()
    book.save(buf)
    return buf.getvalue()
