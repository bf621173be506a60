"""PDF text, one segment per page.

PDFium (through pypdfium2) is the primary reader: it is several times faster
than pypdf, close to poppler's pdftotext, decodes CJK fonts that pypdf turns
into mojibake, opens PDFs encrypted with an empty user password, and shrugs off
deeply nested arrays and cyclic page trees that make pypdf recurse. pypdf stays
supported: it is the fallback when PDFium is not installed or cannot load a
damaged file that pypdf's lenient parser can still recover, and it can be chosen
outright with ``WORKBENCH_PDF_READER=pypdf``.

PDFium is not thread-safe, so calls into it are serialised by a lock; the
worker pool gives real parallelism by using processes.

The addresses of mailto: link annotations that the page's text does not show
are links of the page ("page 2 (link)").
"""

from __future__ import annotations

import ctypes
import io
import logging
import os
import re
import threading
from itertools import islice

from ..model import ExtractionFailed
from .base import MAX_LINK_TARGET, Collector

# Link annotations looked at per page: a page of thousands of links is an index, not a
# page with a contact on it, and each costs a call.
MAX_PAGE_LINKS = 500
# PDFium copies a URI only whole; a mailto: link with a long body is still read.
MAX_URI_BYTES = 64 * 1024

_pdfium_lock = threading.Lock()

try:  # PDFium is optional at import time so that pypdf alone still works
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_raw
    from pypdfium2.version import PDFIUM_INFO, PYPDFIUM_INFO
except ImportError:  # pragma: no cover - exercised only without pypdfium2
    pdfium = None


def read_pdf(data: bytes, out: Collector) -> None:
    """Read ``data`` with PDFium, falling back to pypdf where PDFium cannot load it."""
    choice = os.environ.get("WORKBENCH_PDF_READER", "pdfium")
    if pdfium is None or choice == "pypdf":
        return read_pdf_pypdf(data, out)
    try:
        return _read_pdfium(data, out)
    except ExtractionFailed as failure:
        if failure.error.code != "corrupt":
            raise
        try:  # pypdf repairs some damaged cross-reference tables PDFium gives up on
            fallback = Collector(out.budget, prefix=out.prefix)
            read_pdf_pypdf(data, fallback)
        except Exception:  # pypdf failing too: PDFium's reason is the one to report
            raise failure from None
        if not fallback.segments:
            raise failure from None
        out.segments.extend(fallback.segments)
        out.links.update(fallback.links)
        out.warnings.extend(fallback.warnings)
        out.warn(
            f"PDFium could not read the file ({failure.error.message}); text recovered by pypdf"
        )
        out.reader = fallback.reader


def _read_pdfium(data: bytes, out: Collector) -> None:
    out.reader = f"pypdfium2 {PYPDFIUM_INFO} (PDFium {PDFIUM_INFO.build})"
    with _pdfium_lock:
        try:
            document = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as exc:
            code = getattr(exc, "err_code", None)
            if code == pdfium_raw.FPDF_ERR_PASSWORD:
                raise ExtractionFailed("encrypted", "encrypted: password required") from None
            if code == pdfium_raw.FPDF_ERR_SECURITY:
                raise ExtractionFailed(
                    "encrypted",
                    "encrypted with an unsupported security handler (rights-managed PDF)",
                ) from None
            raise ExtractionFailed(
                "corrupt", f"corrupt or truncated PDF ({_pdfium_reason(exc)})"
            ) from None
        try:
            _pages_pdfium(document, out)
        finally:
            document.close()


def _pdfium_reason(exc: Exception) -> str:
    text = str(exc)
    return text.split("(PDFium: ", 1)[-1].rstrip(").") if "PDFium:" in text else text


def _pages_pdfium(document, out: Collector) -> None:
    count = len(document)
    limit = out.budget.limits.max_pages
    if count > limit:
        out.warn(f"only the first {limit} of {count} pages were read")
    failed = 0
    scanned: list[int] = []
    for index in range(min(count, limit)):
        out.check()
        if out.full:
            break
        try:
            page = document[index]
        except pdfium.PdfiumError:
            failed += 1
            continue
        try:
            textpage = page.get_textpage()
            try:
                text = textpage.get_text_range()
                out.add(f"page {index + 1}", text)
                links = _links_pdfium(document, page, textpage)
                if links:
                    out.link(f"page {index + 1}", links, text)
            finally:
                textpage.close()
            if _is_scanned(page, text):
                scanned.append(index + 1)
                out.scanned.append(f"{out.prefix}page {index + 1}")
        except pdfium.PdfiumError:
            failed += 1
        finally:
            page.close()
    if count and failed == min(count, limit):
        raise ExtractionFailed(
            "corrupt", "corrupt PDF: no page could be loaded (damaged or cyclic page tree)"
        )
    if failed:
        out.warn(f"{failed} page(s) could not be read")
    if scanned:
        out.warn(f"pages that are an image with little or no text (scanned?): "
                 f"{', '.join(map(str, scanned))}")  # fmt: skip


def _links_pdfium(document, page, textpage) -> list[tuple[str, str]]:
    """(target, text under the link) of the page's mailto: link annotations.

    A link that cannot be read is left out: the page's text was read all the same.
    """
    found: list[tuple[str, str]] = []
    position, link = ctypes.c_int(0), pdfium_raw.FPDF_LINK()
    try:
        for _ in range(MAX_PAGE_LINKS):
            if not pdfium_raw.FPDFLink_Enumerate(
                page.raw, ctypes.byref(position), ctypes.byref(link)
            ):
                break
            action = pdfium_raw.FPDFLink_GetAction(link)
            if not action or pdfium_raw.FPDFAction_GetType(action) != pdfium_raw.PDFACTION_URI:
                continue
            size = pdfium_raw.FPDFAction_GetURIPath(document.raw, action, None, 0)
            if not 8 < size <= MAX_URI_BYTES:
                continue  # no room for "mailto:" and an address
            buffer = ctypes.create_string_buffer(size)
            pdfium_raw.FPDFAction_GetURIPath(document.raw, action, buffer, size)
            # A PDF URI is 7-bit ASCII; an address beyond it is percent-encoded UTF-8.
            target = buffer.value[:MAX_LINK_TARGET].decode("latin-1").strip()
            if target[:7].casefold() != "mailto:":
                continue
            rect, shown = pdfium_raw.FS_RECTF(), ""
            if pdfium_raw.FPDFLink_GetAnnotRect(link, ctypes.byref(rect)):
                shown = textpage.get_text_bounded(rect.left, rect.bottom, rect.right, rect.top)
            found.append((target, shown))
    except (pdfium.PdfiumError, ValueError, OverflowError):
        pass
    return found


# A page whose text is a line or two beside an image covering most of it is a scan: its
# text is the scanner's or the template's (a footer, a stamp), not what the page says.
SCAN_COVERAGE = 0.5
SCAN_MAX_LETTERS = 200
SCAN_MAX_IMAGES = 200  # looked at per page: a page of thousands of icons is no scan
_LETTER = re.compile(r"[^\W\d_]")


def _is_scanned(page, text: str) -> bool:
    # Counting stops at the limit: a page of prose is not walked letter by letter.
    letters = islice(_LETTER.finditer(text), SCAN_MAX_LETTERS + 1)
    if len(text) > SCAN_MAX_LETTERS and sum(1 for _ in letters) > SCAN_MAX_LETTERS:
        return False
    try:
        width, height = page.get_size()
        if width <= 0 or height <= 0:
            return False
        objects = page.get_objects(filter=(pdfium_raw.FPDF_PAGEOBJ_IMAGE,), max_depth=3)
        for seen, image in enumerate(objects):
            if seen >= SCAN_MAX_IMAGES:
                return False
            left, bottom, right, top = image.get_bounds()
            if (right - left) * (top - bottom) >= SCAN_COVERAGE * width * height:
                return True
    except (pdfium.PdfiumError, ValueError, TypeError, OverflowError):
        return False
    return False


def read_pdf_pypdf(data: bytes, out: Collector) -> None:
    """Read ``data`` with pypdf (pure Python; slower, kept as the portable reader)."""
    import pypdf
    from pypdf.errors import FileNotDecryptedError, PdfReadError, PyPdfError, WrongPasswordError

    out.reader = f"pypdf {pypdf.__version__}"
    logging.getLogger("pypdf").setLevel(logging.ERROR)  # it logs every repaired oddity
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                # An empty user password is how "copy-protected" PDFs are made; readers open them silently.
                if not reader.decrypt(""):
                    raise ExtractionFailed("encrypted", "encrypted: password required")
            except (WrongPasswordError, FileNotDecryptedError):
                raise ExtractionFailed("encrypted", "encrypted: password required") from None
            except NotImplementedError as exc:
                raise ExtractionFailed(
                    "encrypted", f"encrypted with an unsupported method ({exc})"
                ) from None
        pages = reader.pages
        count = len(pages)
    except ExtractionFailed:
        raise
    except RecursionError:
        raise ExtractionFailed(
            "corrupt", "corrupt PDF: objects nested too deeply to parse"
        ) from None
    except (
        PdfReadError,
        PyPdfError,
        ValueError,
        KeyError,
        TypeError,
        AttributeError,
        IndexError,
    ) as exc:
        raise ExtractionFailed(
            "corrupt", f"corrupt or truncated PDF ({_pypdf_reason(exc)})"
        ) from None
    limit = out.budget.limits.max_pages
    if count > limit:
        out.warn(f"only the first {limit} of {count} pages were read")
    failed = 0
    for index in range(min(count, limit)):
        out.check()
        if out.full:
            break
        try:
            text = pages[index].extract_text() or ""
            out.add(f"page {index + 1}", text)
            links = _links_pypdf(pages[index])
            if links:
                out.link(f"page {index + 1}", links, text)
        except (
            RecursionError,
            PyPdfError,
            ValueError,
            KeyError,
            TypeError,
            AttributeError,
            IndexError,
            ZeroDivisionError,
        ):
            failed += 1
    if count and failed == min(count, limit):
        raise ExtractionFailed("corrupt", "corrupt PDF: no page could be read")
    if failed:
        out.warn(f"{failed} page(s) could not be read")


def _links_pypdf(page) -> list[tuple[str, str]]:
    """(target, "") of the page's mailto: link annotations (pypdf gives no text under one).

    A link that cannot be read is left out: the page's text was read all the same.
    """
    from pypdf.errors import PyPdfError

    found: list[tuple[str, str]] = []
    try:
        annotations = page.get("/Annots")
        annotations = annotations.get_object() if annotations is not None else None
        if not isinstance(annotations, list):
            return found
        for annotation in annotations[:MAX_PAGE_LINKS]:
            annotation = annotation.get_object()
            if not isinstance(annotation, dict) or annotation.get("/Subtype") != "/Link":
                continue
            action = annotation.get("/A")
            action = action.get_object() if action is not None else None
            if not isinstance(action, dict) or action.get("/S") != "/URI":
                continue
            uri = action.get("/URI")
            uri = uri.get_object() if uri is not None else None
            if isinstance(uri, bytes):
                uri = uri.decode("latin-1")
            if isinstance(uri, str) and uri.strip()[:7].casefold() == "mailto:":
                found.append((uri[:MAX_LINK_TARGET], ""))
    except (RecursionError, PyPdfError, ValueError, KeyError, TypeError, AttributeError,
            IndexError):  # fmt: skip
        pass
    return found


def _pypdf_reason(exc: Exception) -> str:
    cause = exc.__cause__
    if isinstance(cause, RecursionError):
        return "objects nested too deeply"
    text = str(exc).splitlines()[0] if str(exc) else exc.__class__.__name__
    return text[:160]
