"""Build hostile and ordinary documents for the extraction tests.

Office files come from the real libraries (python-docx, python-pptx, openpyxl,
reportlab, xlwt); what no library writes (zip bombs, overlapping zip entries,
Outlook .msg files nested hundreds deep) is written here byte by byte, following
the published formats, so the tests never depend on fixture files in the repo.
"""

from __future__ import annotations

import io
import itertools
import struct
import zipfile
import zlib

# --- hyperlinks, which python-docx has no call for ---------------------------------


def add_hyperlink(paragraph, url: str, *pieces: str) -> None:
    """Append a w:hyperlink to a python-docx paragraph, as Word writes one (the target is
    an external relationship of the paragraph's part; formatting cuts the text in runs)."""
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    rel_id = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rel_id)
    for piece in pieces:
        run = OxmlElement("w:r")
        text = OxmlElement("w:t")
        text.set(qn("xml:space"), "preserve")
        text.text = piece
        run.append(text)
        link.append(run)
    paragraph._p.append(link)


# --- zip archives written by hand ---------------------------------------------------

CONTENT_TYPES_DOCX = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
    'wordprocessingml.document.main+xml"/></Types>'
)
ROOT_RELS_DOCX = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'officeDocument" Target="word/document.xml"/></Relationships>'
)


def document_xml(body: str, prolog: str = "") -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        + prolog
        + '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f"<w:body>{body}</w:body></w:document>"
    )


def raw_zip(members: list[dict]) -> bytes:
    """Write a zip from member dicts: name, data (already compressed), method, crc, size.

    A member may say ``"same_as": index`` to reuse an earlier member's local
    header and data, which is how overlapping-entry zip bombs are made.
    """
    out = bytearray()
    central = bytearray()
    offsets: list[int] = []
    for member in members:
        name = member["name"].encode()
        if "same_as" in member:
            offsets.append(offsets[member["same_as"]])
            source = members[member["same_as"]]
        else:
            offsets.append(len(out))
            source = member
            out += struct.pack(
                "<4sHHHHHIIIHH",
                b"PK\x03\x04",
                20,
                0,
                source["method"],
                0,
                0x21,
                source["crc"],
                len(source["data"]),
                source["size"],
                len(name),
                0,
            )
            out += name + source["data"]
        central += struct.pack(
            "<4sHHHHHHIIIHHHHHII",
            b"PK\x01\x02",
            20,
            20,
            0,
            source["method"],
            0,
            0x21,
            source["crc"],
            len(source["data"]),
            source["size"],
            len(name),
            0,
            0,
            0,
            0,
            0,
            offsets[-1],
        )
        central += name
    start = len(out)
    out += central
    out += struct.pack(
        "<4sHHHHIIH", b"PK\x05\x06", 0, 0, len(members), len(members), len(central), start, 0
    )
    return bytes(out)


def stored(name: str, data: bytes) -> dict:
    return {"name": name, "data": data, "method": 0, "crc": zlib.crc32(data), "size": len(data)}


def deflated(name: str, data: bytes) -> dict:
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    packed = compressor.compress(data) + compressor.flush()
    return {"name": name, "data": packed, "method": 8, "crc": zlib.crc32(data), "size": len(data)}


def zeros_member(name: str, size: int, *, chunk: int = 16 * 1024 * 1024) -> dict:
    """A deflated member that really inflates to ``size`` zero bytes (size a multiple of chunk).

    After a full flush deflate restarts from an empty state, so one compressed
    chunk can be repeated: a gigabyte member costs a second to build, not a minute.
    """
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    piece = compressor.compress(b"\0" * chunk) + compressor.flush(zlib.Z_FULL_FLUSH)
    count = size // chunk
    tail = compressor.flush()
    crc = 0
    block = b"\0" * chunk
    for _ in range(count):
        crc = zlib.crc32(block, crc)
    return {
        "name": name,
        "data": piece * count + tail,
        "method": 8,
        "crc": crc,
        "size": count * chunk,
    }


def docx_zip_bomb(size: int) -> bytes:
    """A .docx whose document.xml inflates to ``size`` bytes."""
    return raw_zip(
        [
            deflated("[Content_Types].xml", CONTENT_TYPES_DOCX.encode()),
            deflated("_rels/.rels", ROOT_RELS_DOCX.encode()),
            zeros_member("word/document.xml", size),
        ]
    )


def docx_with_document(xml: str, extra: list[dict] | None = None) -> bytes:
    return raw_zip(
        [
            deflated("[Content_Types].xml", CONTENT_TYPES_DOCX.encode()),
            deflated("_rels/.rels", ROOT_RELS_DOCX.encode()),
            deflated("word/document.xml", xml.encode()),
            *(extra or []),
        ]
    )


def rewrite_zip(
    data: bytes, replace: dict[str, bytes], add: dict[str, bytes] | None = None
) -> bytes:
    """Copy a zip, replacing some members' content and adding others."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info.filename, replace.get(info.filename, source.read(info)))
        for name, content in (add or {}).items():
            target.writestr(name, content)
    return buffer.getvalue()


def link_workbook_part(book: bytes, rel_id: str, kind: str, target: str) -> bytes:
    """Copy an .xlsx with a relationship from the workbook to ``target``.

    ``kind`` is the relationship type's last word: "sharedStrings", "worksheet".
    """
    rels = zipfile.ZipFile(io.BytesIO(book)).read("xl/_rels/workbook.xml.rels").decode()
    rels = rels.replace(
        "</Relationships>",
        f'<Relationship Id="{rel_id}" Type="http://schemas.openxmlformats.org/officeDocument/'
        f'2006/relationships/{kind}" Target="{target}"/></Relationships>',
    )
    return rewrite_zip(book, {"xl/_rels/workbook.xml.rels": rels.encode()})


# --- OLE compound files (for Outlook .msg) ------------------------------------------

SECTOR = 512
MINI_SECTOR = 64
MINI_CUTOFF = 4096
FREE, END_OF_CHAIN, FAT_SECTOR_MARK, NO_STREAM = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF


class Storage:
    """A directory in a compound file: named streams (bytes) and sub-storages."""

    def __init__(self, name: str = "Root Entry"):
        self.name = name
        self.children: list[Storage | tuple[str, bytes]] = []

    def stream(self, name: str, data: bytes) -> Storage:
        self.children.append((name, data))
        return self

    def storage(self, name: str) -> Storage:
        child = Storage(name)
        self.children.append(child)
        return child


def write_compound_file(root: Storage) -> bytes:
    """Serialise ``root`` as a version-3 compound file (512-byte sectors, mini stream)."""
    entries: list[dict] = []  # directory entries in id order

    def add(node, name, data=None):
        entry = {
            "name": name,
            "data": data,
            "type": 5 if node == "root" else (1 if data is None else 2),
            "left": NO_STREAM,
            "right": NO_STREAM,
            "child": NO_STREAM,
            "start": END_OF_CHAIN,
            "size": 0,
        }
        entries.append(entry)
        return len(entries) - 1

    def link(storage: Storage, index: int) -> list[tuple[Storage, int]]:
        """Add ``storage``'s children; return the sub-storages still to visit."""
        ids, pending = [], []
        for child in storage.children:
            if isinstance(child, Storage):
                child_id = add("storage", child.name)
                pending.append((child, child_id))
            else:
                child_id = add("stream", child[0], child[1])
            ids.append(child_id)
        # Siblings as a chain of right links (a valid, if unbalanced, red-black tree of black nodes).
        ids.sort(key=lambda i: (len(entries[i]["name"]), entries[i]["name"].upper()))
        if ids:
            entries[index]["child"] = ids[0]
            for left, right in itertools.pairwise(ids):
                entries[left]["right"] = right
        return pending

    todo = [(root, add("root", root.name))]
    while todo:  # iterative: a message nested a thousand deep must not overflow our own stack
        todo.extend(link(*todo.pop()))
    mini = bytearray()
    mini_fat: list[int] = []
    big: list[tuple[int, bytes]] = []
    for index, entry in enumerate(entries):
        data = entry["data"]
        if data is None:
            continue
        entry["size"] = len(data)
        if not data:
            continue
        if len(data) < MINI_CUTOFF:
            first = len(mini_fat)
            count = -(-len(data) // MINI_SECTOR)
            mini_fat.extend(range(first + 1, first + count))
            mini_fat.append(END_OF_CHAIN)
            mini += data.ljust(count * MINI_SECTOR, b"\0")
            entry["start"] = first
        else:
            big.append((index, data))
    sectors: list[bytes] = []
    fat: list[int] = []

    def place(data: bytes) -> int:
        count = max(1, -(-len(data) // SECTOR))
        first = len(sectors)
        for i in range(count):
            sectors.append(data[i * SECTOR : (i + 1) * SECTOR].ljust(SECTOR, b"\0"))
            fat.append(first + i + 1 if i < count - 1 else END_OF_CHAIN)
        return first

    if mini:
        entries[0]["start"] = place(bytes(mini))
        entries[0]["size"] = len(mini)
    for index, data in big:
        entries[index]["start"] = place(data)
    mini_fat_start = (
        place(b"".join(struct.pack("<I", v) for v in mini_fat)) if mini_fat else END_OF_CHAIN
    )
    mini_fat_sectors = -(-len(mini_fat) * 4 // SECTOR) if mini_fat else 0
    directory = bytearray()
    for entry in entries:
        name = entry["name"].encode("utf-16-le") + b"\0\0"
        directory += struct.pack(
            "<64sHBBIII16sIQQIII",
            name,
            len(name),
            entry["type"],
            1,
            entry["left"],
            entry["right"],
            entry["child"],
            b"\0" * 16,
            0,
            0,
            0,
            entry["start"],
            entry["size"],
            0,
        )
    directory_start = place(bytes(directory).ljust(-(-len(directory) // SECTOR) * SECTOR, b"\0"))
    # FAT sectors describe themselves too: grow until they fit.
    fat_count = 1
    while (len(sectors) + fat_count) > fat_count * (SECTOR // 4):
        fat_count += 1
    if fat_count > 109:
        raise ValueError("compound file too large for a header-only DIFAT")
    fat_start = len(sectors)
    fat.extend([FAT_SECTOR_MARK] * fat_count)
    fat.extend([FREE] * (fat_count * (SECTOR // 4) - len(fat)))
    fat_bytes = b"".join(struct.pack("<I", v) for v in fat)
    for i in range(fat_count):
        sectors.append(fat_bytes[i * SECTOR : (i + 1) * SECTOR])
    difat = [fat_start + i for i in range(fat_count)] + [FREE] * (109 - fat_count)
    header = struct.pack(
        "<8s16sHHHHH6sIIIIIIIII",
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
        b"\0" * 16,
        0x3E,
        3,
        0xFFFE,
        9,
        6,
        b"\0" * 6,
        0,
        fat_count,
        directory_start,
        0,
        MINI_CUTOFF,
        mini_fat_start,
        mini_fat_sectors,
        END_OF_CHAIN,
        0,
    ) + b"".join(struct.pack("<I", v) for v in difat)
    return header + b"".join(sectors)


def _utf16(text: str) -> bytes:
    return text.encode("utf-16-le", "surrogatepass") + b"\0\0"


def _properties(header: bytes, props: list[tuple[int, int, bytes | int]]) -> bytes:
    """A __properties_version1.0 stream: header then 16-byte entries (tag, flags, value)."""
    out = bytearray(header)
    for prop_id, prop_type, value in props:
        tag = (prop_id << 16) | prop_type
        if isinstance(value, int):
            out += (
                struct.pack("<IIIi", tag, 6, value, 0)
                if prop_type == 0x0003
                else struct.pack("<IIq", tag, 6, value)
            )
        else:
            out += struct.pack("<IIII", tag, 6, len(value), 0)
    return bytes(out)


def fill_message(
    storage: Storage,
    subject: str,
    body: str,
    *,
    top: bool,
    attachments: int,
    body_bytes: bytes | None = None,
    recipients: int = 0,
) -> None:
    """Write an IPM.Note's streams into ``storage`` (the root, or an embedded message)."""
    counts = (recipients, attachments, recipients, attachments)
    header = (
        struct.pack("<8sIIII8s", b"\0" * 8, *counts, b"\0" * 8)
        if top
        else struct.pack("<8sIIII", b"\0" * 8, *counts)
    )
    body_data = body_bytes if body_bytes is not None else _utf16(body)
    if top:  # the named-property map: empty, but readers expect its three streams
        named = storage.storage("__nameid_version1.0")
        for stream in ("__substg1.0_00020102", "__substg1.0_00030102", "__substg1.0_00040102"):
            named.stream(stream, b"")
    storage.stream("__substg1.0_001A001F", _utf16("IPM.Note"))
    storage.stream("__substg1.0_0037001F", _utf16(subject))
    storage.stream("__substg1.0_1000001F", body_data)
    storage.stream(
        "__properties_version1.0",
        _properties(
            header,
            [
                (0x001A, 0x001F, _utf16("IPM.Note")),
                (0x0037, 0x001F, _utf16(subject)),
                (0x1000, 0x001F, body_data),
                (0x3FFD, 0x0003, 65001),
            ],
        ),
    )


def attach(
    storage: Storage, index: int, *, filename: str, data: bytes | None = None
) -> Storage | None:
    """Add attachment ``index``: binary ``data``, or an embedded message (returned) when data is None."""
    att = storage.storage(f"__attach_version1.0_#{index:08X}")
    method = 1 if data is not None else 5
    att.stream("__substg1.0_3707001F", _utf16(filename))
    att.stream("__substg1.0_3704001F", _utf16(filename))
    props = [(0x3705, 0x0003, method), (0x0E21, 0x0003, index), (0x3707, 0x001F, _utf16(filename))]
    if data is not None:
        att.stream("__substg1.0_37010102", data)
        props.append((0x3701, 0x0102, data))
        att.stream("__properties_version1.0", _properties(b"\0" * 8, props))
        return None
    props.append((0x3701, 0x000D, b""))
    att.stream("__properties_version1.0", _properties(b"\0" * 8, props))
    return att.storage("__substg1.0_3701000D")


def nested_msg(depth: int, *, innermost_attachment: tuple[str, bytes] | None = None) -> bytes:
    """An e-mail carrying an e-mail carrying an e-mail ... ``depth`` levels deep."""
    root = Storage()
    fill_message(root, "level 0", "Outer message body", top=True, attachments=1 if depth else 0)
    current = root
    for level in range(1, depth + 1):
        inner = attach(current, 0, filename=f"level{level}.msg")
        has_child = level < depth or innermost_attachment is not None
        fill_message(
            inner,
            f"level {level}",
            f"Message at level {level}",
            top=False,
            attachments=int(has_child),
        )
        current = inner
    if innermost_attachment is not None:
        attach(current, 0, filename=innermost_attachment[0], data=innermost_attachment[1])
    return write_compound_file(root)


def add_recipients(storage: Storage, recipients: list[tuple[int, str, str]]) -> None:
    """Recipient storages as Outlook writes them: (PR_RECIPIENT_TYPE, name, address) each.

    The names also go into PR_DISPLAY_TO/CC/BCC, which hold names only. An
    address without "@" is written as an Exchange (X.500) PR_EMAIL_ADDRESS with
    no SMTP address, as mail from inside an Exchange organisation is.
    """
    for type_, streams in ((1, "0E04"), (2, "0E03"), (3, "0E02")):
        names = [name or address for kind, name, address in recipients if kind == type_]
        if names:
            storage.stream(f"__substg1.0_{streams}001F", _utf16("; ".join(names)))
    for index, (kind, name, address) in enumerate(recipients):
        recipient = storage.storage(f"__recip_version1.0_#{index:08X}")
        if name:
            recipient.stream("__substg1.0_3001001F", _utf16(name))
        if "@" in address:
            recipient.stream("__substg1.0_39FE001F", _utf16(address))
            recipient.stream("__substg1.0_3003001F", _utf16(address))
        elif address:
            recipient.stream("__substg1.0_3003001F", _utf16(address))
        recipient.stream(
            "__properties_version1.0",
            _properties(b"\0" * 8, [(0x0C15, 0x0003, kind), (0x3000, 0x0003, index)]),
        )


def simple_msg(
    subject: str,
    body: str,
    *,
    attachments: list[tuple[str, bytes]] = (),
    body_bytes: bytes | None = None,
    recipients: list[tuple[int, str, str]] = (),
) -> bytes:
    root = Storage()
    fill_message(
        root,
        subject,
        body,
        top=True,
        attachments=len(attachments),
        body_bytes=body_bytes,
        recipients=len(recipients),
    )
    add_recipients(root, list(recipients))
    for index, (name, data) in enumerate(attachments):
        attach(root, index, filename=name, data=data)
    return write_compound_file(root)


# --- PDF written by hand ---------------------------------------------------------------


def pdf_with_nested_arrays(depth: int, text: str = "Hello") -> bytes:
    """A one-page PDF whose page dictionary holds an array nested ``depth`` deep."""
    nested = b"[" * depth + b"]" * depth
    content = b"BT /F1 12 Tf 72 720 Td (" + text.encode() + b") Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> /Nested " + nested + b" >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)
