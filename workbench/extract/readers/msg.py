"""Outlook items (.msg) with extract-msg: subject, header, body and attachments.

Attachments are read with the same readers as uploads ("attachment
invoice.pdf / page 1"), embedded e-mails recursively, down to
``Limits.max_attachment_depth`` levels and ``Limits.max_attachments`` in all.
extract-msg is told to delay attachments, so a deeply nested message is only
opened as far as we go; a broken attachment becomes a warning, not a failure.
Calendar items, contacts, tasks, notes and posts are read the same way.

Code pages: extract-msg decodes 8-bit strings with PR_MESSAGE_CODEPAGE when
the item has it, and ISO-8859-15 otherwise, which turns Russian cp1251 text
into Latin-1 mojibake. Without that property we take the code page from the
item's locale (PR_MESSAGE_LOCALE_ID) or PR_INTERNET_CPID and reopen the item.
"""

from __future__ import annotations

import logging
import struct

from .. import olefile_sets  # noqa: F401  (extract-msg opens items with olefile)
from ..model import ExtractionFailed
from ..textclean import clean_text
from .base import Collector

# Windows locale id -> ANSI code page, for the locales whose code page is not 1252.
_LCID_CODEPAGES = {
    0x0419: "cp1251",
    0x0422: "cp1251",
    0x0423: "cp1251",
    0x0402: "cp1251",
    0x042F: "cp1251",
    0x0C1A: "cp1251",
    0x0440: "cp1251",
    0x043F: "cp1251",
    0x0405: "cp1250",
    0x0415: "cp1250",
    0x040E: "cp1250",
    0x041B: "cp1250",
    0x0424: "cp1250",
    0x041A: "cp1250",
    0x0418: "cp1250",
    0x0408: "cp1253",
    0x041F: "cp1254",
    0x040D: "cp1255",
    0x0401: "cp1256",
    0x0429: "cp1256",
    0x0425: "cp1257",
    0x0426: "cp1257",
    0x0427: "cp1257",
    0x042A: "cp1258",
    0x041E: "cp874",
    0x0411: "cp932",
    0x0804: "gbk",
    0x1004: "gbk",
    0x0404: "cp950",
    0x0C04: "cp950",
    0x0412: "cp949",
}
_ENCRYPTED_TYPES = {
    "application/pkcs7-mime",
    "application/x-pkcs7-mime",
    "application/pgp-encrypted",
}
# Recipients whose addresses are read: each costs three stream reads (about 0.6 ms), and
# olefile takes a second to open a message with a thousand of them before we start.
MAX_RECIPIENTS = 100
_RECIPIENT_LABELS = {1: "To", 2: "Cc", 3: "Bcc"}  # PR_RECIPIENT_TYPE
# PR_DISPLAY_TO, PR_DISPLAY_CC, PR_DISPLAY_BCC: the names only, as Outlook shows them.
_DISPLAY_STREAMS = (
    ("To", "__substg1.0_0E04"),
    ("Cc", "__substg1.0_0E03"),
    ("Bcc", "__substg1.0_0E02"),
)
_DETAIL_FIELDS = (
    ("location", "Location"),
    ("startDate", "Start"),
    ("endDate", "End"),
    ("companyName", "Company"),
    ("jobTitle", "Title"),
    ("email1EmailAddress", "E-mail"),
)


def _open(data: bytes, **options):
    import extract_msg
    from extract_msg.enums import ErrorBehavior

    tolerant = ErrorBehavior(sum(flag.value for flag in ErrorBehavior))
    return extract_msg.openMsg(data, delayAttachments=True, errorBehavior=tolerant, **options)


def _classify(exc: Exception) -> ExtractionFailed:
    name = exc.__class__.__name__
    if isinstance(exc, RecursionError):
        return ExtractionFailed("too-large", "e-mail nested too deeply to read")
    if isinstance(exc, MemoryError):
        return ExtractionFailed("memory", "ran out of memory reading the e-mail")
    if name in ("UnrecognizedMSGTypeError", "UnsupportedMSGTypeError", "InvalidFileFormatError"):
        return ExtractionFailed("corrupt", f"not a readable Outlook item ({str(exc)[:120]})")
    text = (str(exc) or name).splitlines()[0][:160]
    return ExtractionFailed("corrupt", f"corrupt Outlook item ({name}: {text})")


def read_msg(data: bytes, out: Collector, depth: int = 0) -> None:
    import extract_msg

    logging.getLogger("extract_msg").setLevel(logging.CRITICAL)  # it logs every odd property
    out.reader = f"extract-msg {extract_msg.__version__}"
    try:
        try:
            msg = _open(data)
        except Exception as exc:
            if exc.__class__.__name__ not in (
                "UnrecognizedMSGTypeError",
                "UnsupportedMSGTypeError",
            ):
                raise
            msg = _open(data, strict=False)  # unknown item class: read it as a plain item
        codepage = _better_codepage(msg)
        if codepage:
            msg.close()
            msg = _open(data, overrideEncoding=codepage)
    except ExtractionFailed:
        raise
    except Exception as exc:  # extract-msg and olefile raise dozens of types for damaged items
        raise _classify(exc) from None
    try:
        _read_item(msg, out, depth)
    except ExtractionFailed:
        raise
    except Exception as exc:
        raise _classify(exc) from None
    finally:
        msg.close()


def _better_codepage(msg) -> str | None:
    """The code page to reopen with, when extract-msg would guess wrong."""
    props = msg.props
    if props.get("3FFD0003") is not None:  # PR_MESSAGE_CODEPAGE: extract-msg uses it
        return None
    for key in ("3FF10003", "66A10003"):  # PR_MESSAGE_LOCALE_ID, PR_LOCALE_ID
        prop = props.get(key)
        if prop is not None and prop.value in _LCID_CODEPAGES:
            return _LCID_CODEPAGES[prop.value]
    cpid = props.get("3FDE0003")  # PR_INTERNET_CPID
    if cpid is not None and cpid.value not in (1252, 20127, 65001, 28591, 28605, 1200):
        return f"cp{cpid.value}"
    return None


def _safe(getter):
    try:
        value = getter()
    except Exception:  # one unreadable property must not lose the rest of the item
        return None
    return value


def _read_item(msg, out: Collector, depth: int) -> None:
    out.add("email subject", _safe(lambda: msg.subject) or "")
    header = []
    sender = _safe(lambda: msg.sender)
    if sender:
        header.append(f"From: {sender}")
    header.extend(_recipient_lines(msg, out))
    date = _safe(lambda: msg.date)
    if date:
        header.append(f"Date: {date}")
    for attribute, label in _DETAIL_FIELDS:
        value = _safe(lambda a=attribute: getattr(msg, a, None))
        if value and (isinstance(value, (str, int, float)) or hasattr(value, "isoformat")):
            header.append(f"{label}: {value}")
    out.add("email header", "\n".join(header))
    body = _safe(lambda: msg.body) or _raw_body(msg) or _html_text(msg)
    out.add("email body", body or "")
    attachments = _safe(lambda: msg.attachments) or []
    if not body and any(_is_encrypted_part(a) for a in attachments):
        raise ExtractionFailed(
            "encrypted", "encrypted: S/MIME or PGP-encrypted e-mail (needs the recipient's key)"
        )
    for attachment in attachments:
        out.check()
        if out.full:
            return
        _read_attachment(attachment, out, depth)


def _recipient_lines(msg, out: Collector) -> list[str]:
    """The To, Cc and Bcc lines, with the addresses Outlook shows: "Susie Jones <susie@...>".

    PR_DISPLAY_TO and PR_DISPLAY_CC hold the names only; the addresses are in
    each recipient's storage. extract-msg's ``recipients`` builds an object per
    recipient, which takes seconds on a message with a thousand of them, so the
    few streams needed are read directly, for the first ``MAX_RECIPIENTS``.
    """
    storages = _safe(lambda: msg.listDir(False, True, False)) or ()
    names = sorted(
        {e[0] for e in storages if len(e) == 1 and e[0].startswith("__recip_version1.0_#")}
    )
    by_label: dict[str, list[str]] = {}
    for storage in names[:MAX_RECIPIENTS]:
        label = _RECIPIENT_LABELS.get(_recipient_type(msg, storage) or 1)  # none: MAPI_TO
        if label is None:
            continue
        name = _recipient_text(msg, storage, "3001")  # PR_DISPLAY_NAME
        address = _recipient_address(msg, storage)
        if name and address and address.lower() not in name.lower():
            by_label.setdefault(label, []).append(f"{name} <{address}>")
        elif name or address:
            by_label.setdefault(label, []).append(address or name)
    if by_label and len(names) <= MAX_RECIPIENTS:
        return [
            f"{label}: {'; '.join(by_label[label])}"
            for label in ("To", "Cc", "Bcc")
            if label in by_label
        ]
    lines = []
    for label, stream in _DISPLAY_STREAMS:
        value = _safe(lambda s=stream: msg.getStringStream(s))
        if isinstance(value, str) and clean_text(value):
            lines.append(f"{label}: {clean_text(value)}")
    if by_label:
        read = [entry for label in ("To", "Cc", "Bcc") for entry in by_label.get(label, ())]
        lines.append(f"Addresses of the first {MAX_RECIPIENTS} recipients: {'; '.join(read)}")
        out.warn(
            f"only the first {MAX_RECIPIENTS} of {len(names):,} recipients' addresses were read"
        )
    return lines


def _recipient_text(msg, storage: str, tag: str) -> str:
    value = _safe(lambda: msg.getStringStream([storage, f"__substg1.0_{tag}"]))
    return clean_text(value) if isinstance(value, str) else ""


def _recipient_address(msg, storage: str) -> str:
    """PR_SMTP_ADDRESS, else PR_EMAIL_ADDRESS unless that is an Exchange (X.500) name."""
    for tag in ("39FE", "3003"):
        address = _recipient_text(msg, storage, tag)
        if "@" in address:
            return address
    return ""


def _recipient_type(msg, storage: str) -> int | None:
    """PR_RECIPIENT_TYPE from the recipient's property stream (16-byte entries after 8)."""
    data = _safe(lambda: msg.getStream([storage, "__properties_version1.0"])) or b""
    for offset in range(8, len(data) - 15, 16):
        if struct.unpack_from("<I", data, offset)[0] == 0x0C150003:
            return struct.unpack_from("<I", data, offset + 8)[0] & 0x0FFFFFFF
    return None


def _raw_body(msg) -> str:
    """The plain body stream decoded leniently, for when extract-msg's strict decoding fails."""
    raw = _safe(lambda: msg.getStream("__substg1.0_1000001F"))
    if raw:
        return raw[: len(raw) // 2 * 2].decode(
            "utf-16-le", "surrogatepass"
        )  # clean_text drops lone halves
    raw = _safe(lambda: msg.getStream("__substg1.0_1000001E"))
    if raw:
        return raw.decode(_safe(lambda: msg.stringEncoding) or "cp1252", "replace")
    return ""


def _is_encrypted_part(attachment) -> bool:
    mimetype = (_safe(lambda: attachment.mimetype) or "").lower()
    name = (_safe(lambda: attachment.longFilename) or "").lower()
    return mimetype in _ENCRYPTED_TYPES or name in ("smime.p7m", "encrypted.asc")


def _html_text(msg) -> str:
    html = _safe(lambda: msg.htmlBody)
    if not html:
        return ""
    if isinstance(html, bytes):
        cpid = _safe(lambda: msg.props.get("3FDE0003"))
        encoding = (
            f"cp{cpid.value}" if cpid is not None and cpid.value not in (65001, 1200) else "utf-8"
        )
        try:
            html = html.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            html = html.decode("cp1252", "replace")
    from lxml import html as lxml_html

    try:
        return lxml_html.document_fromstring(html).text_content()
    except Exception:  # lxml.etree.ParserError on an empty or garbage body
        return ""


def _read_attachment(attachment, out: Collector, depth: int) -> None:
    from extract_msg.enums import AttachmentType

    name = (
        _safe(lambda: attachment.longFilename)
        or _safe(lambda: attachment.shortFilename)
        or _safe(lambda: attachment.name)
        or ""
    )
    name = clean_text(str(name)) or "attachment"
    kind = _safe(lambda: attachment.type)
    if kind not in (AttachmentType.DATA, AttachmentType.MSG):
        return  # web links, broken or unsupported attachment records carry no document
    if depth + 1 > out.budget.limits.max_attachment_depth:
        out.warn(
            f"attachments nested deeper than {out.budget.limits.max_attachment_depth} levels were not read"
        )
        return
    if out.budget.attachments_left <= 0:
        out.warn(f"only the first {out.budget.limits.max_attachments} attachments were read")
        return
    out.budget.attachments_left -= 1
    child = out.child(f"attachment {name} / ")
    try:
        data = attachment.data
    except Exception as exc:
        out.warn(f"attachment {name} could not be read ({_classify(exc).error.message})")
        return
    if kind == AttachmentType.MSG:
        try:
            _read_item(data, child, depth + 1)
        except ExtractionFailed as failure:
            out.warn(f"attachment {name}: {failure.error.message}")
        except Exception as exc:
            out.warn(f"attachment {name}: {_classify(exc).error.message}")
        return
    if isinstance(data, bytes):
        from ..core import read_embedded

        read_embedded(data, name, child, depth + 1)
