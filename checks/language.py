"""Every document is in a language the POE review supports: English, French or Japanese."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from itertools import compress
from operator import itemgetter

from workbench.check_api import (
    Check,
    CheckContext,
    ClaimView,
    DocumentView,
    Evidence,
    ExampleCase,
    Result,
    Segment,
    Status,
)
from workbench.extract.language import detect_language, glyph_shifted, line_key
from workbench.testing import docx_document, pptx_document

SUPPORTED = {"en": "English", "fr": "French", "ja": "Japanese"}

# ISO 639-1 (and a few 639-3) codes the detector can return, by their English names.
LANGUAGE_NAMES = {
    "af": "Afrikaans", "am": "Amharic", "ar": "Arabic", "az": "Azerbaijani", "be": "Belarusian",
    "bg": "Bulgarian", "bn": "Bengali", "bs": "Bosnian", "ca": "Catalan", "ceb": "Cebuano",
    "cs": "Czech", "cy": "Welsh", "da": "Danish", "de": "German", "el": "Greek",
    "en": "English", "eo": "Esperanto", "es": "Spanish", "et": "Estonian", "eu": "Basque",
    "fa": "Persian", "fi": "Finnish", "fil": "Filipino", "fr": "French", "fy": "Frisian",
    "ga": "Irish", "gl": "Galician", "gu": "Gujarati", "he": "Hebrew", "hi": "Hindi",
    "hr": "Croatian", "ht": "Haitian Creole", "hu": "Hungarian", "hy": "Armenian",
    "id": "Indonesian", "is": "Icelandic", "it": "Italian", "ja": "Japanese", "jv": "Javanese",
    "ka": "Georgian", "kk": "Kazakh", "km": "Khmer", "kn": "Kannada", "ko": "Korean",
    "ku": "Kurdish", "ky": "Kyrgyz", "la": "Latin", "lb": "Luxembourgish", "lo": "Lao",
    "lt": "Lithuanian", "lv": "Latvian", "mg": "Malagasy", "mk": "Macedonian",
    "ml": "Malayalam", "mn": "Mongolian", "mr": "Marathi", "ms": "Malay", "mt": "Maltese",
    "my": "Burmese", "ne": "Nepali", "nl": "Dutch", "nn": "Norwegian (Nynorsk)",
    "no": "Norwegian", "pa": "Punjabi", "pl": "Polish", "ps": "Pashto", "pt": "Portuguese",
    "ro": "Romanian", "ru": "Russian", "si": "Sinhala", "sk": "Slovak", "sl": "Slovenian",
    "so": "Somali", "sq": "Albanian", "sr": "Serbian", "sv": "Swedish", "sw": "Swahili",
    "ta": "Tamil", "te": "Telugu", "tg": "Tajik", "th": "Thai", "tl": "Tagalog",
    "tr": "Turkish", "uk": "Ukrainian", "ur": "Urdu", "uz": "Uzbek", "vi": "Vietnamese",
    "war": "Waray", "yi": "Yiddish", "zh": "Chinese", "zu": "Zulu",
}  # fmt: skip

# A document is not in a supported language when most of its words are not.
MAJORITY = 0.5
# ... unless it is a side-by-side translation: Spanish, Portuguese or Italian run 15-25% longer
# than the English they translate, so a bilingual document (Puerto Rico's English/Spanish
# forms) holds 40-48% English. The review reads that half; the other is worth a look.
BILINGUAL_SHARE = 0.4
# Smaller parts in another language are worth a look, but only when there is real text.
PART_SHARE = 0.25
PART_LETTERS = 200
# A Chinese, Japanese or Korean character carries about a word's worth (as the detector
# assumes: 4 of them tell a language, against 12 Latin letters), so fewer make real text.
CJK_LETTER_WEIGHT = 3
CJK_LANGUAGES = frozenset({"ja", "ko", "zh"})
# Below this many letters in segments with a language of their own, the document-level
# detection (which sees all the short pieces together) decides.
MIN_SEGMENT_LETTERS = 40


def _part_letters(code: str) -> int:
    """How many letters in ``code`` make a part of a document worth a look."""
    return PART_LETTERS // CJK_LETTER_WEIGHT if code in CJK_LANGUAGES else PART_LETTERS


def language_name(code: str) -> str:
    return LANGUAGE_NAMES.get(code, f"language '{code}'")


_ASCII_NON_LETTERS = bytes(b for b in range(128) if not chr(b).isalpha())
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


def _letters(text: str) -> int:
    """The number of letters in ``text`` (``str.isalpha``), fast on long text.

    A loop over every character in Python costs milliseconds per page; the ASCII
    part is counted by ``bytes.translate`` in C, and only the rest one by one.
    """
    ascii_part = text.encode("ascii", "ignore").translate(None, _ASCII_NON_LETTERS)
    if text.isascii():
        return len(ascii_part)
    rest = "".join(_NON_ASCII.findall(text))
    return len(ascii_part) + sum(map(str.isalpha, rest))


_WORD = re.compile(r"[^\W\d_]+(?:['’.-][^\W\d_]+)*")
# Lower-case words that names and addresses carry (María de la Cruz, Rua das Flores).
_PARTICLES = frozenset(
    [
        "a",
        "da",
        "das",
        "de",
        "del",
        "della",
        "der",
        "di",
        "do",
        "dos",
        "du",
        "e",
        "el",
        "en",
        "la",
        "las",
        "le",
        "los",
        "of",
        "van",
        "von",
        "y",
        "zu",
    ]
)
NAME_WORDS = 6


def _names_only(text: str) -> bool:
    """Whether ``text`` is names, addresses or labels, not prose: in each of its cells
    (a table row's cells are tab-separated), a few capitalised words or none."""
    found = False
    for cell in re.split(r"[\t\n]", text):
        words = _WORD.findall(cell)
        if len(words) > NAME_WORDS:
            return False
        if not all(word[0].isupper() or word in _PARTICLES for word in words):
            return False
        found = found or bool(words)
    return found


# Spreadsheets and tables are where lists of names and addresses live.
SPREADSHEETS = frozenset({"xls", "xlsx"})
# Titles and bullets are joined by small words on many lines ("Analyse der Prozesse",
# "Piloto en Tres Tiendas"); names carry them on a few (María de la Cruz, Jan van Dijk).
JOINED_SHARE = 1 / 3
MIN_JOINED_LINES = 3
# Lists of names read as their language only loosely (Dutch or Brazilian names with
# their "van" and "da": 0.6-0.75); titles and bullets read as theirs at 0.9 and more.
PHRASES_CONFIDENCE = 0.85


def _joined_by_particle(line: str) -> bool:
    """Whether a lower-case small word ("der", "de", "en") joins words in ``line``."""
    return any(word in _PARTICLES for word in _WORD.findall(line)[1:-1])


def _outside_tables(document: DocumentView, labels: list[str]) -> list[str]:
    """The name-like texts that are not table rows (tab-separated) or spreadsheet cells."""
    if document.content_type in SPREADSHEETS:
        return []
    return [text for text in labels if "\t" not in text]


def _titles_and_bullets(labels: list[str]) -> bool:
    """Whether name-like texts (outside tables) are slide titles and bullets, not names.

    German capitalises its nouns and Spanish decks are written in Title Case, so their
    bullets ("Schulung der Mitarbeiter", "Plan de Implantación") look like names. What
    gives them away is the small words on many lines, and that together they read
    unmistakably as one language, as a list of names does not.
    """
    lines = [line for text in labels for line in text.split("\n") if len(_WORD.findall(line)) > 1]
    joined = sum(map(_joined_by_particle, lines))
    if joined < MIN_JOINED_LINES or joined < JOINED_SHARE * len(lines):
        return False
    _code, confidence = detect_language("\n".join(lines))
    return confidence >= PHRASES_CONFIDENCE


# What scanning apps and printers stamp on image-only pages.
_STAMPS = re.compile(
    r"(?i)\b(?:scanned|created|made)\s+(?:with|by|using)\s+"
    r"(?:camscanner|adobe\s+scan|microsoft\s+lens|office\s+lens|genius\s+scan|tiny\s*scanner"
    r"|scanner\s+pro|clear\s*scan|notebloc|swiftscan)\b"
    r"|\b(?:page|p\.?|seite|página|pagina)\s*\d+\s*(?:(?:of|/|de|sur|von)\s*\d+)?\b"
    r"|\b\d+\s*/\s*\d+\b"
)


def _stamps_only(text: str) -> bool:
    """Whether the only letters of ``text`` are scanner stamps and page numbers."""
    # A stamp a page is a few dozen characters: a long text is never only stamps, and
    # scanning a workbook's megabyte for them would cost more than the rest of the check.
    if len(text) > STAMPS_MAX_CHARS or not _letters(text):
        return False
    return not _letters(_STAMPS.sub(" ", text))


STAMPS_MAX_CHARS = 5000

_PAGE = re.compile(r"\b(?:page|slide) \d+$")
# A header, a footer and a scanner's or copier's stamp come to a few short lines; more
# alike on every page is the same page twice (a duplicated page of text), not boilerplate.
BOILERPLATE_LINES = 4
BOILERPLATE_LETTERS = 80


def _lines_on_every_page(pages: list[str]) -> set[str]:
    """The lines (as ``line_key``) that every one of two or more pages carries."""
    if len(pages) < 2:
        return set()
    common: set[str] | None = None
    for text in pages:
        keys = {line_key(line) for line in text.split("\n") if line.strip()}
        common = keys if common is None else common & keys
        if not common:
            break
    return common or set()


def _boilerplate_only(document: DocumentView) -> bool:
    """Whether, besides what repeats on every page, the document has next to no letters.

    A scan's pages are images; what text they have is what the scanner or the template
    put on each ("Confidential - Internal use only", "Scanned by ...", a copier's name).
    That says nothing of the language of the pages themselves, whatever a detector
    reads into it.
    """
    if document.content_type in SPREADSHEETS:
        return False  # cells, not pages: a workbook repeats its labels on every sheet
    pages = [text for location, text, _code in document.segments if _PAGE.search(location)]
    repeated = _lines_on_every_page(pages)
    if (
        not repeated
        or len(repeated) > BOILERPLATE_LINES
        or _letters("\n".join(repeated)) > BOILERPLATE_LETTERS
    ):
        return False
    rest = [
        line
        for location, text, _code in document.segments
        for line in text.split("\n")
        if not (_PAGE.search(location) and line_key(line) in repeated)
    ]
    return _letters(_STAMPS.sub(" ", "\n".join(rest))) < MIN_SEGMENT_LETTERS


def _scans_only(document: DocumentView) -> bool:
    """Whether every page of a PDF is a scanned image whose only text is a short line or two.

    On one page a repeated footer cannot be seen repeating; the reader can see the image.
    """
    scanned = set(document.extraction.scanned)
    return bool(scanned) and all(
        location in scanned and _letters(text) < BOILERPLATE_LETTERS
        for location, text, _code in document.segments
        if text.strip()
    )


_HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
# Chinese function words that Japanese does not write, in either script.
_CHINESE_WORDS = re.compile("[们們这這说說吗嗎呢吧么麼她]")


def _chinese_characters(text: str) -> bool:
    """Whether ``text`` uses characters Japanese does not: simplified forms (outside the
    Japanese character set, cp932) or Chinese function words (们, 這, 吗)."""
    han = "".join(_HAN.findall(text))
    if not han:
        return False
    if _CHINESE_WORDS.search(han):
        return True
    try:
        han.encode("cp932")
    except UnicodeEncodeError:
        return True
    return False


_KANA = re.compile("[\u3040-\u30ff\uff66-\uff9d]")
# Japanese prose writes its particles and endings in kana; Chinese has none. A document of
# this many Han characters and not one kana is Chinese, whatever a detector says of a
# short Traditional Chinese slide ("執行摘要 / 研討會已完成").
KANJI_ONLY_CHARACTERS = 20


def _kanji_without_kana(document: DocumentView) -> bool:
    if document.content_type in SPREADSHEETS:
        return False  # a Japanese sign-in sheet of names and departments has no kana either
    text = document.text
    if _KANA.search(text):
        return False
    return sum(map(len, _HAN.findall(text))) >= KANJI_ONLY_CHARACTERS


def _document_language(document: DocumentView, kanji_only: bool) -> str | None:
    """The document's language as detected, but Chinese for kanji without kana."""
    return "zh" if kanji_only and document.language == "ja" else document.language


def _with_language(document: DocumentView) -> Iterator[Segment]:
    """The segments that have a language of their own (in a workbook, few of many)."""
    return compress(document.segments, map(itemgetter(2), document.segments))


def letters_by_language(
    document: DocumentView, *, names: bool = False, kanji_only: bool | None = None
) -> Counter[str]:
    """Letters of prose per detected segment language (with ``names``, of every segment).

    Kanji-only snippets ("北斗精機株式会社") look Chinese to a detector; in a document that is
    Japanese as a whole they are Japanese, unless they are written as only Chinese writes
    (a Chinese half of a Japanese document is not Japanese). Names, addresses and labels
    ("María José Fernández", "Königstraße 12, 80331 München") carry no language of the
    document: a detector reads them as Spanish or German in an English sign-in sheet or
    store list. Slide titles and bullets that look like names count when they read as
    phrases (``_titles_and_bullets``). ``kanji_only`` is ``_kanji_without_kana(document)``,
    if the caller has it.
    """
    # A workbook has tens of thousands of segments: each language's texts are
    # gathered and their letters counted together, not segment by segment.
    texts: dict[str, list[str]] = {}
    labels: dict[str, list[str]] = {}
    if kanji_only is None:
        kanji_only = _kanji_without_kana(document)
    for _location, text, code in _with_language(document):
        if code == "zh" and document.language == "ja" and not _chinese_characters(text):
            code = "ja"
        elif code == "ja" and kanji_only:
            code = "zh"
        gathered = labels if not names and _names_only(text) else texts
        if code in gathered:
            gathered[code].append(text)
        else:
            gathered[code] = [text]
    for code, pieces in labels.items():
        labels[code] = _outside_tables(document, pieces)
    if _titles_and_bullets([text for pieces in labels.values() for text in pieces]):
        for code, pieces in labels.items():
            texts.setdefault(code, []).extend(pieces)
    counts: Counter[str] = Counter()
    for code, pieces in texts.items():
        counts[code] += _letters("\n".join(pieces))
    return counts


def _excerpt(document: DocumentView, code: str) -> Evidence:
    """The segment in ``code`` with the most letters (the first of equals), as evidence."""
    candidates = [s for s in _with_language(document) if s.language == code] if code else []
    candidates = candidates or list(document.segments)
    if not candidates:
        return Evidence(document.file_name)
    # A text has no more letters than characters: longest first, stop when none can win.
    by_length = sorted(range(len(candidates)), key=lambda i: -len(candidates[i].text))
    best, most = 0, -1
    for index in by_length:
        text = candidates[index].text
        if len(text) < most:
            break
        letters = _letters(text)
        if letters > most or (letters == most and index < best):
            best, most = index, letters
    segment = candidates[best]
    return document.evidence(segment, " ".join(segment.text.split())[:160])


class Language(Check):
    id = "language"
    version = "7"
    title = "Documents in English, French or Japanese"
    description = (
        "Every document is in a language the POE review supports (English, French, Japanese). "
        "Mixed documents are judged by where most of their text is (a bilingual document with "
        "a supported language side by side is a warning, not a failure); a document whose "
        "language cannot be told (no text, a scan, or only a header or footer repeated on "
        "every page) is a warning, never a pass. Title-Case slide titles and bullets count "
        "as text, not names; a Chinese part of a Japanese document counts as Chinese."
    )
    reads_matches = False

    def run(self, claim: ClaimView, context: CheckContext) -> list[Result]:
        unsupported: list[tuple[DocumentView, str, float]] = []
        partly: list[tuple[DocumentView, str, float]] = []
        bilingual: list[tuple[DocumentView, str, float, str, float]] = []
        unknown: list[tuple[DocumentView, str]] = []
        errors: list[Result] = []
        fine: dict[str, list[str]] = {}
        for document in claim.documents:
            if not document.readable:
                errors.append(
                    Result.unreadable(
                        document, f"Could not determine the language of {document.file_name}"
                    )
                )
                continue
            if _stamps_only(document.text):
                # Nothing but a scanner's stamp or page numbers on the pages: an image.
                unknown.append((document, "no readable text (an image-only or scanned document?)"))
                continue
            if _scans_only(document):
                unknown.append(
                    (
                        document,
                        "its pages are scanned images; their only text is a line or two "
                        "(a header, a footer or a stamp)",
                    )
                )
                continue
            if _boilerplate_only(document):
                unknown.append(
                    (
                        document,
                        "no readable text besides a header or footer repeated on every page "
                        "(an image-only or scanned document?)",
                    )
                )
                continue
            kanji_only = _kanji_without_kana(document)  # the whole text, read once
            counts = letters_by_language(document, kanji_only=kanji_only)
            total = sum(counts.values())
            whole = _document_language(document, kanji_only)
            if total < MIN_SEGMENT_LETTERS:
                # Too little prose to tell piece by piece: the whole text decides, unless it
                # is names and labels only and reads as a language the review does not take
                # (a sign-in sheet of Spanish names is not a Spanish document).
                main = whole
                with_names = sum(
                    letters_by_language(document, names=True, kanji_only=kanji_only).values()
                )
                if main not in SUPPORTED and with_names > 2 * total:
                    main = None
                counts = Counter({main: 1}) if main else Counter()
                total = sum(counts.values())
            if not total:
                if not document.text.strip():
                    reason = "no readable text (an image-only or scanned document?)"
                elif glyph_shifted(document.text):
                    reason = (
                        "its text comes out garbled (its fonts have no character map, so "
                        "letters are read as other codes); read it as an image"
                    )
                else:
                    reason = "too few words to tell (only numbers, names or symbols)"
                unknown.append((document, reason))
                continue
            foreign = {c: n for c, n in counts.items() if c not in SUPPORTED}
            # Most of the text is in another language, and the reading of the document as a
            # whole agrees (lists of names and part numbers fool a detector piece by piece).
            share = sum(foreign.values()) / total
            if share > MAJORITY and whole not in SUPPORTED:
                code = max(foreign, key=foreign.get)
                if 1 - share < BILINGUAL_SHARE:
                    unsupported.append((document, code, foreign[code] / total))
                else:  # a warning, however short: the review cannot read the rest
                    main = max((c for c in counts if c in SUPPORTED), key=counts.get)
                    bilingual.append((document, code, foreign[code] / total, main, 1 - share))
                continue
            main = max((c for c in counts if c in SUPPORTED), key=counts.get, default=whole)
            biggest = max(foreign, key=foreign.get) if foreign else None
            if (
                biggest
                and foreign[biggest] >= _part_letters(biggest)
                and foreign[biggest] / total >= PART_SHARE
            ):
                partly.append((document, biggest, foreign[biggest] / total))
            fine.setdefault(SUPPORTED[main], []).append(document.file_name)

        results: list[Result] = []
        if unsupported:
            names = ", ".join(f"{d.file_name} ({language_name(c)})" for d, c, _ in unsupported)
            results.append(
                Result.failed(
                    "Action required: the POE review does not support documents in other "
                    "languages. The following documentation is not in a supported language: "
                    f"{names}. Upload a version in English, French or Japanese, add comments "
                    "(optional), and resubmit.",
                    evidence=[_excerpt(d, c) for d, c, _ in unsupported],
                )
            )
        if bilingual:
            names = ", ".join(
                f"{d.file_name} ({ours:.0%} {SUPPORTED[main]}, {share:.0%} {language_name(c)})"
                for d, c, share, main, ours in bilingual
            )
            results.append(
                Result.warning(
                    f"In two languages (a translation side by side?): {names}. The review reads "
                    "only the English, French or Japanese text; check that it carries everything "
                    "the review needs.",
                    evidence=[_excerpt(d, c) for d, c, *_ in bilingual],
                )
            )
        if partly:
            names = ", ".join(
                f"{d.file_name} ({share:.0%} {language_name(c)})" for d, c, share in partly
            )
            results.append(
                Result.warning(
                    f"Partly in an unsupported language: {names}; check that the parts the "
                    "review needs are in English, French or Japanese.",
                    evidence=[_excerpt(d, c) for d, c, _ in partly],
                )
            )
        for document, reason in unknown:
            results.append(
                Result.warning(
                    f"Could not determine the language of {document.file_name}: {reason}. "
                    "Open it to confirm it is in English, French or Japanese.",
                    evidence=[_excerpt(document, "")],
                )
            )
        results.extend(errors)
        if not results:
            summary = "; ".join(f"{lang}: {', '.join(files)}" for lang, files in fine.items())
            return [Result.passed(f"All documents are in a supported language ({summary}).")]
        return results

    examples = (
        ExampleCase("English documents", lambda c: c.view(), Status.PASS),
        ExampleCase(
            "a German report",
            lambda c: c.view(
                documents=[
                    docx_document(
                        "Ergebnisbericht.docx",
                        [
                            "Executive Summary",
                            "Im Rahmen des Workshops haben wir gemeinsam mit dem Kunden die "
                            "bestehenden Arbeitsabläufe analysiert und die wichtigsten "
                            "Anforderungen an die neue Lösung erfasst. Die Teilnehmer aus der "
                            "Verwaltung und der Produktion haben ihre täglichen Aufgaben "
                            "beschrieben, und wir haben daraus einen Plan für die Einführung "
                            "von Microsoft Teams abgeleitet.",
                        ],
                    )
                ]
            ),
            Status.FAIL,
        ),
        ExampleCase(
            "a French deck",
            lambda c: c.view(
                documents=[
                    pptx_document(
                        "rapport.pptx",
                        [
                            (
                                "Synthèse de l'atelier",
                                "Pendant l'atelier, nous avons analysé avec le client les "
                                "processus actuels de ses équipes de terrain et nous avons "
                                "défini ensemble un plan de déploiement de Microsoft Teams "
                                "pour les magasins, avec un pilote prévu au mois de décembre.",
                            )
                        ],
                    )
                ]
            ),
            Status.PASS,
        ),
    )
