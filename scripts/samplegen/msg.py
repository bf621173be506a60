"""Write Outlook .msg files ([MS-OXMSG]) on top of :mod:`samplegen.cfb`.

The layout is the one Outlook writes for a saved e-mail: a ``__properties_version1.0`` stream
of fixed-size property entries per object, one ``__substg1.0_XXXXYYYY`` stream per
variable-length property (PT_UNICODE strings, PT_BINARY), a ``__nameid_version1.0`` storage
for named properties, and one ``__recip_version1.0_#NNNNNNNN`` /
``__attach_version1.0_#NNNNNNNN`` storage per recipient and attachment.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime

from .cfb import CompoundFile

PT_LONG = 0x0003
PT_BOOLEAN = 0x000B
PT_SYSTIME = 0x0040
PT_UNICODE = 0x001F
PT_BINARY = 0x0102

# Readable and writable, as Outlook marks most properties.
PROPATTR_RW = 0x00000006

CLSID_MAIL_MESSAGE = bytes.fromhex("0B0D020000000000C000000000000046")

MAPI_TO = 1
MAPI_CC = 2
MSGFLAG_READ = 0x01
MSGFLAG_HASATTACH = 0x10
ATTACH_BY_VALUE = 1
MAPI_MAILUSER = 6
MAPI_ATTACH = 7
STORE_UNICODE_OK = 0x00040000


@dataclass(frozen=True)
class Recipient:
    name: str
    email: str
    kind: int = MAPI_TO


@dataclass(frozen=True)
class Attachment:
    filename: str
    data: bytes
    mime_type: str


@dataclass(frozen=True)
class Email:
    subject: str
    sender_name: str
    sender_email: str
    recipients: tuple[Recipient, ...]
    body: str
    sent_at: datetime
    message_id: str
    attachments: tuple[Attachment, ...] = ()
    in_reply_to: str | None = None


def filetime(moment: datetime) -> int:
    """Return ``moment`` as a Windows FILETIME (100 ns ticks since 1601-01-01 UTC)."""
    epoch = datetime(1601, 1, 1, tzinfo=UTC)
    delta = moment.astimezone(UTC) - epoch
    return (delta.days * 86400 + delta.seconds) * 10_000_000 + delta.microseconds * 10


class _PropertyBag:
    """The properties of one object (message, recipient or attachment)."""

    def __init__(self) -> None:
        self.fixed: dict[int, bytes] = {}
        self.variable: dict[int, bytes] = {}

    def string(self, prop_id: int, value: str) -> None:
        self.variable[(prop_id << 16) | PT_UNICODE] = value.encode("utf-16-le")

    def binary(self, prop_id: int, value: bytes) -> None:
        self.variable[(prop_id << 16) | PT_BINARY] = value

    def long(self, prop_id: int, value: int) -> None:
        self.fixed[(prop_id << 16) | PT_LONG] = struct.pack("<I", value).ljust(8, b"\0")

    def boolean(self, prop_id: int, value: bool) -> None:
        self.fixed[(prop_id << 16) | PT_BOOLEAN] = struct.pack("<H", int(value)).ljust(8, b"\0")

    def time(self, prop_id: int, value: datetime) -> None:
        self.fixed[(prop_id << 16) | PT_SYSTIME] = struct.pack("<Q", filetime(value))

    def write(self, cf: CompoundFile, prefix: str, header: bytes) -> None:
        entries = []
        for tag in sorted(set(self.fixed) | set(self.variable)):
            if tag in self.fixed:
                value = self.fixed[tag]
            else:
                blob = self.variable[tag]
                # [MS-OXMSG] 2.4.2.2: a string's size counts its terminating null character
                size = len(blob) + (2 if tag & 0xFFFF == PT_UNICODE else 0)
                value = struct.pack("<II", size, 0)
                cf.add_stream(f"{prefix}__substg1.0_{tag:08X}", blob)
            entries.append(struct.pack("<II", tag, PROPATTR_RW) + value)
        cf.add_stream(f"{prefix}__properties_version1.0", header + b"".join(entries))


def _short_name(filename: str) -> str:
    stem, _, ext = filename.rpartition(".")
    stem = "".join(c for c in stem.upper() if c.isalnum())
    return f"{stem[:6]}~1.{ext.upper()[:3]}"


def _headers(mail: Email) -> str:
    to = ", ".join(f'"{r.name}" <{r.email}>' for r in mail.recipients if r.kind == MAPI_TO)
    cc = ", ".join(f'"{r.name}" <{r.email}>' for r in mail.recipients if r.kind == MAPI_CC)
    domain = mail.sender_email.rpartition("@")[2]
    lines = [
        f"Received: from mail.{domain} ([10.20.4.17]) by mx.{domain} with ESMTPS;",
        f" {format_datetime(mail.sent_at)}",
        f'From: "{mail.sender_name}" <{mail.sender_email}>',
        f"To: {to}",
    ]
    if cc:
        lines.append(f"Cc: {cc}")
    lines += [
        f"Subject: {mail.subject}",
        f"Date: {format_datetime(mail.sent_at)}",
        f"Message-ID: {mail.message_id}",
    ]
    if mail.in_reply_to:
        lines += [f"In-Reply-To: {mail.in_reply_to}", f"References: {mail.in_reply_to}"]
    lines += [
        "MIME-Version: 1.0",
        "Content-Type: "
        + ("multipart/mixed" if mail.attachments else "text/plain")
        + '; charset="utf-8"',
        "Content-Language: en-US",
    ]
    return "\r\n".join(lines) + "\r\n\r\n"


def build_msg(mail: Email) -> bytes:
    """Return the bytes of an Outlook .msg file holding ``mail``."""
    cf = CompoundFile(root_clsid=CLSID_MAIL_MESSAGE)
    msg = _PropertyBag()
    prefix = ""
    normalized = mail.subject
    for candidate in ("RE: ", "FW: "):
        if mail.subject.startswith(candidate):
            prefix, normalized = candidate, mail.subject[len(candidate) :]
    to = [r for r in mail.recipients if r.kind == MAPI_TO]
    cc = [r for r in mail.recipients if r.kind == MAPI_CC]
    msg.string(0x001A, "IPM.Note")
    msg.string(0x0037, mail.subject)
    msg.string(0x003D, prefix)
    msg.string(0x0E1D, normalized)
    msg.string(0x0070, normalized)
    msg.string(0x1000, mail.body)
    msg.string(0x0C1A, mail.sender_name)
    msg.string(0x0C1E, "SMTP")
    msg.string(0x0C1F, mail.sender_email)
    msg.string(0x5D01, mail.sender_email)
    msg.string(0x0042, mail.sender_name)
    msg.string(0x0064, "SMTP")
    msg.string(0x0065, mail.sender_email)
    msg.string(0x5D02, mail.sender_email)
    msg.string(0x0E04, "; ".join(r.name for r in to))
    msg.string(0x0E03, "; ".join(r.name for r in cc))
    msg.string(0x0E02, "")
    msg.string(0x007D, _headers(mail))
    msg.string(0x1035, mail.message_id)
    if mail.in_reply_to:
        msg.string(0x1042, mail.in_reply_to)
    msg.time(0x0039, mail.sent_at)  # PR_CLIENT_SUBMIT_TIME
    msg.time(0x0E06, mail.sent_at)  # PR_MESSAGE_DELIVERY_TIME
    msg.time(0x3007, mail.sent_at)  # PR_CREATION_TIME
    msg.time(0x3008, mail.sent_at)  # PR_LAST_MODIFICATION_TIME
    flags = MSGFLAG_READ | (MSGFLAG_HASATTACH if mail.attachments else 0)
    msg.long(0x0E07, flags)
    msg.long(0x0017, 1)  # PR_IMPORTANCE: normal
    msg.long(0x0036, 0)  # PR_SENSITIVITY: none
    msg.long(0x340D, STORE_UNICODE_OK)
    msg.long(0x3FDE, 65001)  # PR_INTERNET_CPID: utf-8
    msg.long(0x3FF1, 1033)  # PR_MESSAGE_LOCALE_ID: en-US
    msg.long(0x3FFD, 65001)  # PR_MESSAGE_CODEPAGE
    msg.boolean(0x0E1B, bool(mail.attachments))  # PR_HASATTACH
    size = len(mail.body) * 2 + sum(len(a.data) for a in mail.attachments) + 2048
    msg.long(0x0E08, size)  # PR_MESSAGE_SIZE

    n_recip, n_attach = len(mail.recipients), len(mail.attachments)
    header = bytes(8) + struct.pack("<IIII", n_recip, n_attach, n_recip, n_attach) + bytes(8)
    msg.write(cf, "", header)

    # Named properties: Outlook always writes the storage, even with nothing in it.
    for stream in ("00020102", "00030102", "00040102"):
        cf.add_stream(f"__nameid_version1.0/__substg1.0_{stream}", b"")

    for index, recipient in enumerate(mail.recipients):
        storage = f"__recip_version1.0_#{index:08X}"
        cf.add_storage(storage)
        bag = _PropertyBag()
        bag.string(0x3001, recipient.name)
        bag.string(0x5FF6, recipient.name)
        bag.string(0x3002, "SMTP")
        bag.string(0x3003, recipient.email)
        bag.string(0x39FE, recipient.email)
        bag.long(0x0C15, recipient.kind)
        bag.long(0x3000, index)  # PR_ROWID
        bag.long(0x0FFE, MAPI_MAILUSER)
        bag.long(0x3900, 0)  # PR_DISPLAY_TYPE: DT_MAILUSER
        bag.write(cf, storage + "/", bytes(8))

    for index, attachment in enumerate(mail.attachments):
        storage = f"__attach_version1.0_#{index:08X}"
        cf.add_storage(storage)
        bag = _PropertyBag()
        bag.binary(0x3701, attachment.data)
        bag.string(0x3704, _short_name(attachment.filename))
        bag.string(0x3707, attachment.filename)
        bag.string(0x3001, attachment.filename)
        bag.string(0x3703, "." + attachment.filename.rpartition(".")[2])
        bag.string(0x370E, attachment.mime_type)
        bag.long(0x3705, ATTACH_BY_VALUE)
        bag.long(0x0E20, len(attachment.data))
        bag.long(0x0E21, index)  # PR_ATTACH_NUM
        bag.long(0x370B, 0xFFFFFFFF)  # PR_RENDERING_POSITION: not rendered in the body
        bag.long(0x0FFE, MAPI_ATTACH)
        bag.long(0x3714, 0)  # PR_ATTACH_FLAGS
        bag.time(0x3007, mail.sent_at)
        bag.time(0x3008, mail.sent_at)
        bag.write(cf, storage + "/", bytes(8))

    return cf.to_bytes()
