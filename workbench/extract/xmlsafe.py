"""Parse untrusted XML without entity expansion, network access or DTDs.

Office Open XML parts never need a DTD, so any document type declaration is
treated as an attack (billion laughs, XXE) and refused before anything is
expanded. The parser itself is also configured not to resolve entities, load
DTDs or reach the network, and keeps libxml2's default size limits.
"""

from __future__ import annotations

import threading

from lxml import etree

from .model import ExtractionFailed

# lxml parsers are not thread-safe; each thread gets its own.
_local = threading.local()


def _parser() -> etree.XMLParser:
    parser = getattr(_local, "parser", None)
    if parser is None:
        parser = etree.XMLParser(
            resolve_entities=False,
            no_network=True,
            load_dtd=False,
            dtd_validation=False,
            huge_tree=False,
            remove_comments=True,
            remove_pis=True,
        )
        _local.parser = parser
    return parser


def refuse_doctype(data: bytes, part: str) -> None:
    """Raise ``hostile`` if the XML in ``data`` declares a DTD (entities come with one)."""
    # The prolog is what precedes the root element; a DOCTYPE can only be there.
    head = data[:4096]
    if b"<!DOCTYPE" in head or b"<!ENTITY" in head or b"<\x00!\x00D\x00O\x00C" in head:
        raise ExtractionFailed("hostile", f"XML entity declarations in {part} (entity bomb or XXE)")


def syntax_failure(exc: etree.XMLSyntaxError, part: str) -> ExtractionFailed:
    """Classify a parse error: libxml2 reports a failed malloc as a syntax error."""
    if exc.code == 2 or any(entry.type_name == "ERR_NO_MEMORY" for entry in exc.error_log):
        return ExtractionFailed("memory", f"ran out of memory parsing {part}")
    return ExtractionFailed("corrupt", f"malformed XML in {part} ({exc.msg})")


def parse_xml(data: bytes, part: str) -> etree._Element:
    """Parse one XML part safely, refusing DTDs and mapping syntax errors to ``corrupt``."""
    refuse_doctype(data, part)
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as exc:
        raise syntax_failure(exc, part) from None
    if root is None:
        raise ExtractionFailed("corrupt", f"empty XML part {part}")
    if root.getroottree().docinfo.internalDTD is not None:
        raise ExtractionFailed("hostile", f"XML entity declarations in {part} (entity bomb or XXE)")
    return root
