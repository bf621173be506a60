"""Each completed survey's e-signature has a full name, a company name and a title."""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, replace

from checks._parties import (
    CJK_LEGAL_FORMS,
    LEGAL_SUFFIXES,
    compact,
    company_similarity,
    contains_company,
    is_acronym_of,
    normalise_company,
)
from workbench.check_api import (
    Check,
    CheckContext,
    ClaimView,
    Evidence,
    ExampleCase,
    Result,
    Status,
    SurveyView,
)

# People separate the three parts with commas mostly, but also these; brackets too, as in
# "Susie Jones (CIO, Contoso)". A slash between two single letters abbreviates: "N/A" is one
# word (and no title), not the letters N and A.
_SEPARATORS = re.compile(
    r"\s*(?:[,;|\n\t、，；｜／()（）\[\]【】「」]|(?<!\b[^\W\d_])/|/(?![^\W\d_]\b)|\s[-–—]\s)\s*"
)
# "/s/ Susie Jones", "Signed by Susie Jones": the typed-signature mark, not part of the name.
_SIGNED_MARK = re.compile(
    r"^\s*(?:/s/|(?:(?:electronically|digitally)\s+)?(?:docu)?signed\s+by\s*:?)\s*",
    re.IGNORECASE,
)
# What e-signature tools and people add around the three parts: the signer's e-mail address,
# the date and time of signing, the IP address, an envelope or document ID. None of them is a
# name, a company or a title, so "Susie Jones, Contoso Ltd, 19/10/2026" has no title.
_MONTH = (
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|janv|f[ée]vr|mars|avr|mai|juin"
    r"|juil|ao[uû]t|d[ée]c)[a-zéû]*\.?"
)
_NOT_PARTS = re.compile(
    r"<?[\w.%+'-]+@[\w-]+(?:\.[\w-]+)+>?"  # susie@contoso.com, <susie@contoso.com>
    r"|\b\d{1,3}(?:\.\d{1,3}){3}\b"  # 203.0.113.7
    r"|\b[0-9a-f]{8}(?:-?[0-9a-f]{4}){3}-?[0-9a-f]{12}\b"  # an envelope ID (a GUID)
    r"|(?:\b(?:on|at|le)\s+)?(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
    r"(?:\d{4}-\d{1,2}-\d{1,2}(?:T(?=\d))?|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}"
    rf"|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}\.?\s+{_MONTH},?\s+\d{{4}}"
    r"|\d{4}年\d{1,2}月\d{1,2}日)"  # dates
    r"|(?:\b(?:at|à)\s+)?\b\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?\s*(?:[ap]\.?m\.?\b)?"
    r"(?:\s*(?:Z\b|[+-]\d{2}:?\d{2}|\(?(?:UTC|GMT)(?:\s*[+-]\s*\d{1,2}(?::?\d{2})?)?\)?"
    r"|\b[A-Z]{1,3}T\b(?=\s*(?:$|[,;|)\n]))))?",  # times, with their zone (CET, PDT; not CIO)
    re.IGNORECASE,
)
# Words left behind once those are gone ("signed on", "IP:"): a part made of them only is none
# of the three.
_METADATA_WORDS = frozenset(
    {
        "signed", "signature", "electronically", "digitally", "date", "dated", "time", "on",
        "at", "ip", "address", "envelope", "id", "email", "e-mail", "mail", "timestamp", "utc",
        "gmt", "sent", "viewed", "completed", "signer", "signing", "document", "transaction",
        "le", "via", "docusign", "adobe", "sign", "acrobat", "from", "by", "ref", "reference",
        "certificate", "audit", "trail", "number", "no", "using", "adoption", "pre-selected",
        "style",
    }
)  # fmt: skip
# An identifier a signing tool adds ("CBJCHBCAABAA2xK9PqR", "8D4E2A"): letters and digits
# interleaved, or digits alone. No name, company or title is written so ("Contoso365" is not).
_SCRIPT_CHANGE = re.compile(r"(?=[^\W\d_]\d|\d[^\W\d_])")


def _is_identifier(word: str) -> bool:
    if len(word) < 4:
        return False
    return word.isdigit() or sum(1 for _ in _SCRIPT_CHANGE.finditer(word)) >= 3


_TITLE_WORDS = re.compile(
    r"\b(?:manager|director|head|lead|leader|officer|chief|president|vp|svp|evp|vice|ceo|cto"
    r"|cio|cfo|coo|ciso|cdo|cmo|administrator|admin|engineer|architect|consultant|analyst"
    r"|specialist|coordinator|supervisor|owner|founder|partner|principal|executive|developer"
    r"|advisor|adviser|associate|assistant|secretary|treasurer|superintendent|commissioner"
    r"|chair|chairman|chairperson|dean|professor|mayor|clerk|representative|technician"
    r"|strategist|controller|accountant|evangelist|teacher|nurse|librarian|instructor"
    r"|trainer|scientist|researcher|attorney|lawyer|counsel|administrateur|administratrice"
    r"|directeur|directrice|responsable|chef|g[ée]rante?|ing[ée]nieure?|consultante"
    r"|pr[ée]sidente?|adjointe?|charg[ée]e?|dsi|dg|pdg|associ[ée]e?|architecte|analyste"
    r"|technicienne?|secr[ée]taire|maire"
    # Titles in the other languages partners' customers sign in (German compounds too:
    # "IT-Leiter", "Abteilungsleiterin").
    r"|\w*leiter(?:in)?|gesch[äa]ftsf[üu]hrer(?:in)?|vorstand|prokurist(?:in)?|gerente|jef[ea]"
    r"|directora|diretora?|direttore|direttrice|responsabile|coordinadora?|coordenadora?"
    r"|gestora?|encargad[oa]|ingenier[oa]|engenheir[oa]|ingegnere|consultora?|analista"
    r"|hoofd|teamleider|kierownik|dyrektor|prezes|vezet[őo]|igazgat[óo]|ředitel|johtaja"
    r"|p[äa][äa]llikk[öo]|leder|sjef|chefe)\b"
    r"|部長|課長|係長|主任|社長|取締役|代表|室長|本部長|マネージャー|マネジャー|リーダー|担当"
    r"|責任者|所長|次長|エンジニア|コンサルタント|役員|理事|局長|部門長|店長|専務|常務|会長"
    r"|经理|經理|总监|總監|主管|总裁|總裁|董事|工程师|工程師|首席|顾问|顧問|处长|處長|科长|科長"
    r"|组长|組長|팀장|부장|과장|차장|대리|이사|상무|전무|사장|대표|실장|본부장|센터장|매니저"
    r"|책임|선임|수석|연구원|엔지니어|컨설턴트|담당|회장|주임",
    re.IGNORECASE,
)
# A Japanese department ("情報システム部") written before the title word it belongs to.
_CJK_DEPARTMENT = re.compile(r"(?:部|課|室|局|係|センター|グループ|チーム|事業部|本部)$")
# Words that make a department, not a company: "Director, Cloud Services" is one title.
_DEPARTMENT_WORDS = frozenset(
    {
        "it", "ict", "information", "technology", "cloud", "service", "services", "operations",
        "store", "stores", "retail", "sales", "marketing", "finance", "hr", "human", "resources",
        "engineering", "infrastructure", "security", "digital", "data", "analytics", "platform",
        "platforms", "product", "products", "procurement", "purchasing", "customer", "support",
        "network", "networks", "systems", "applications", "development", "research", "strategy",
        "transformation", "innovation", "facilities", "legal", "compliance", "administration",
        "public", "works", "of", "and", "&", "for", "the",
    }
)  # fmt: skip
# What people type to get past a required field: no title, company or name. Compared once
# punctuation is gone, so "N/A", "n.a." and "N A" are one entry.
_PLACEHOLDERS = frozenset(
    {
        "na", "n a", "none", "nil", "null", "nothing", "no", "yes", "ok", "okay", "agree",
        "i agree", "agreed", "accept", "i accept", "accepted", "tbd", "tbc", "tba", "unknown",
        "not applicable", "not available", "not specified", "same", "same as above",
        "see above", "as above", "test", "néant", "neant", "aucun", "aucune", "sans",
        "non applicable", "inconnu", "ninguno", "keine", "なし", "無し", "特になし", "該当なし",
        "未定", "不明",
    }
)  # fmt: skip
# Words of a title that are neither a name nor in ``_TITLE_WORDS``: "Senior Engineer" and
# "Chef de Projet" are titles, "James Dean" and "Murray Head" are names.
_TITLE_MODIFIERS = frozenset(
    {
        "senior", "junior", "sr", "jr", "managing", "general", "deputy", "acting", "interim",
        "regional", "global", "national", "project", "projet", "program", "programme", "account",
        "delivery", "business", "technical", "key", "office", "district", "area", "branch",
        "country", "site", "plant", "group", "team", "staff", "général", "adjoint",
    }
)  # fmt: skip
# Japanese writing (kana, the legal forms, titles used in Japan only): a Japanese name written
# without a space is a family and a given name of three characters or more; "山田" alone is a
# surname. A Chinese name ("王伟") may have two.
_JAPANESE = re.compile(
    r"[\u3040-\u309f\u30a0-\u30fa\u30fc-\u30ff]|株式会社|有限会社|合同会社|合資会社|合名会社"
    r"|㈱|㈲|[(（][株有][)）]|部長|課長|係長|社長|取締役|室長|次長|専務|常務"
)
# A Japanese name split into family and given name: a space, or the dot of katakana names.
_JAPANESE_NAME_BREAK = re.compile(r"[\s\u3000・]+")
# Courtesy titles, initials' neighbours and name suffixes: none of them is a first or last name.
_NOT_NAME_WORDS = frozenset(
    {
        "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "mme", "mlle", "herr",
        "frau", "sr", "sra", "srta", "jr", "phd", "md", "mba", "esq", "ii", "iii", "iv",
    }
)  # fmt: skip
# "J.", "J", "J.R.": one letter, or letters each closed by a dot. Two letters are a name:
# "Li", "Xu", "Ng", "Vu", "Al" are whole family or given names.
_INITIAL = re.compile(r"^[^\W\d_](?:\.[^\W\d_])*\.?$")
# Lower-case particles of a surname: "Mr. van der Berg" gives a surname only.
_PARTICLES = frozenset(
    {"van", "der", "den", "von", "zu", "ten", "ter", "de", "del", "della", "di", "da", "dos",
     "das", "do", "du", "des", "la", "le", "bin", "binti", "ibn", "al", "el", "af", "av"}
)  # fmt: skip
# Korean names are written as one word, family name first: "김민준".
_HANGUL = re.compile(r"[\uac00-\ud7a3]")
_HANGUL_HONORIFIC = re.compile(r"(?:님|씨)$")
_CJK_HONORIFIC = re.compile(r"(?:様|さま|さん|殿|氏)$")
# "Name: Susie Jones / Company: Contoso Ltd / Title: CIO": labels say which part is which.
_LABEL = re.compile(
    r"(?:^|(?<=[\s,;|、，]))(?P<label>(?:first|given|last|family)\s+name|surname|forename"
    r"|pr[ée]nom(?:\s+et\s+nom)?|nom\s+et\s+pr[ée]nom|nom\s+de\s+famille"
    r"|(?:signer|signatory|printed)(?:\s+name)?|full\s+name|name"
    r"|nom(?:\s+complet)?|company(?:\s+name)?"
    r"|(?:organi[sz]ation|business|employer|firm)(?:\s+name)?|soci[ée]t[ée]|entreprise"
    r"|(?:job\s+)?title|position|role|designation"
    r"|fonction|titre|氏名|名前|会社名|会社|所属|役職"
    # Fields of an e-signature record that are none of the three parts.
    r"|(?:signer\s+)?e-?mail(?:\s+address)?|envelope\s+id|ip(?:\s+address)?|date(?:\s+signed)?"
    r"|signed(?:\s+(?:on|at))?|time(?:stamp)?|(?:signature|document)\s+id)\s*[:：]",
    re.IGNORECASE,
)
_LABEL_ROLES = {
    "full name": "name", "name": "name", "nom": "name", "nom complet": "name", "氏名": "name",
    "名前": "name", "company": "company", "company name": "company", "organisation": "company",
    "organization": "company", "employer": "company", "société": "company",
    "organisation name": "company", "organization name": "company", "business": "company",
    "business name": "company", "employer name": "company", "firm": "company",
    "firm name": "company", "designation": "title",
    "societe": "company", "entreprise": "company", "会社名": "company", "会社": "company",
    "所属": "company", "title": "title", "job title": "title", "position": "title",
    "role": "title", "fonction": "title", "titre": "title", "役職": "title", "signer": "name",
    "signer name": "name", "signatory": "name", "signatory name": "name", "printed name": "name",
    # A name typed in two fields: "first" and "last" are joined in the order typed.
    "prenom et nom": "name", "nom et prenom": "name", "first name": "first",
    "given name": "first", "forename": "first", "prenom": "first", "last name": "last",
    "family name": "last", "surname": "last", "nom de famille": "last",
}  # fmt: skip
_NAME_ROLES = ("name", "first", "last")
_LINK_WORD = re.compile(r"\s+(?:at|for|with|of|chez|à|@)\s*$", re.IGNORECASE)
# "北斗精機株式会社 (Hokuto Seiki Co., Ltd.)": a name followed by its form in another script.
_ALIAS = re.compile(r"^(?P<a>[^()（）]+?)\s*[(（](?P<b>[^()（）]+)[)）]\s*$")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_CJK_LEGAL = re.compile("|".join(map(re.escape, CJK_LEGAL_FORMS)))
# "北斗精機(株)": brackets that abbreviate a legal form are not separators. The one-character
# forms (㈱, ㈲, ㈜) keep them whole while splitting; NFKC reads them as "(株)", "(有)", "(주)".
_BRACKETED_LEGAL = re.compile(r"[(（]\s*(株|有|주)\s*[)）]")
_ONE_CHARACTER_FORM = {"株": "㈱", "有": "㈲", "주": "㈜"}
# Company names this close (0-100) are the same company typed differently.
SAME_COMPANY = 85

CONSEQUENCE = {
    "customer": "an incomplete customer signature may get the claim rejected",
    "partner": "ask the partner to retake the partner survey",
}


@dataclass(frozen=True)
class Signature:
    """The parts of an e-signature as typed; None for a part that is not there."""

    name: str | None
    company: str | None
    title: str | None
    parts: tuple[str, ...]
    ambiguous: str | None = None  # a part that may be the company or the title
    japanese: bool = False  # written in Japanese: a name needs its family and given name


def _words(text: str) -> list[str]:
    return [w for w in re.split(r"[\s\u3000]+", text.strip()) if w]


def _is_suffix_only(part: str) -> bool:
    words = re.sub(r"[.'’]", "", part).casefold().split()
    return bool(words) and all(w in LEGAL_SUFFIXES for w in words)


def company_names(company: str | None) -> tuple[str, ...]:
    """The names a company goes by: "A (B)" is A, B or both as written."""
    if not company:
        return ()
    match = _ALIAS.match(company.strip())
    if not match:
        return (company,)
    # Short asides ("Contoso (UK)") are not a name of their own.
    aliases = [a for a in (match["a"], match["b"]) if len(compact(a)) >= 4]
    return (company, *aliases)


_DOTTED_FORMS = "|".join(
    r"\.?".join(re.escape(ch) for ch in form)
    for form in sorted(LEGAL_SUFFIXES, key=len, reverse=True)
)  # S.p.A.
# "Contoso (UK) Ltd": the closing bracket of the name, then its legal forms. Compiled once and
# matched where the name ends: compiled into each name's pattern, it cost milliseconds a claim.
_LEGAL_TAIL = re.compile(rf"(?:\s*[)）])?(?:[\s,]*(?:{_DOTTED_FORMS})\b\.?)*", re.IGNORECASE)


# "Jane Smith, Contoso Ltd, SA": after a legal form, a last bare "SA" or "SE" is the signer's
# title (Solutions Architect, Sales Engineer), not a second legal form.
_TITLE_AFTER_FORM = re.compile(r"[\s.]*,\s*(?:SA|SE)\s*$")
_LETTER = re.compile(r"[^\W\d_]")


@dataclass(frozen=True)
class _Span:
    start: int
    end: int
    text: str


@functools.lru_cache(maxsize=512)
def _company_pattern(company: str) -> tuple[re.Pattern[str], bool] | None:
    """A pattern finding ``company`` inside a longer string, and whether its legal forms follow."""
    # Normalising splits Korean syllables into their letters; the signature has them whole.
    words = unicodedata.normalize("NFC", normalise_company(company)).split()
    if not words:
        return None
    if all(_CJK.search(w) for w in words):
        core = re.escape("".join(words))
        return re.compile(rf"(?:{_CJK_LEGAL.pattern})?\s*{core}\s*(?:{_CJK_LEGAL.pattern})?"), False
    if any(_HANGUL.search(w) for w in words):  # Korean: spaces between words, forms glued on
        core = r"\s*".join(re.escape(w) for w in words)
        return re.compile(rf"(?:{_CJK_LEGAL.pattern})?\s*{core}\s*(?:{_CJK_LEGAL.pattern})?"), False
    core = r"\W+".join(re.escape(w) for w in words)
    return re.compile(rf"\b{core}\b", re.IGNORECASE), True


def _find_company(text: str, company: str) -> list[_Span]:
    """Where ``company`` is written in ``text``, each with the legal forms after it."""
    compiled = _company_pattern(company)
    if compiled is None:
        return []
    pattern, legal_tail = compiled
    spans: list[_Span] = []
    position = 0
    while (match := pattern.search(text, position)) is not None:
        end = _LEGAL_TAIL.match(text, match.end()).end() if legal_tail else match.end()
        title = _TITLE_AFTER_FORM.search(text, match.end(), end) if legal_tail else None
        if title and not text[end:].strip() and _LETTER.search(text, match.end(), title.start()):
            end = title.start()
        if text[match.start() : end].strip():
            spans.append(_Span(match.start(), end, text[match.start() : end]))
        position = max(end, match.start() + 1)
    return spans


def _cut_company(text: str, names: tuple[str, ...]) -> list[tuple[str, bool]]:
    """Cut "Susie Jones Contoso Ltd IT Administrator" around the company it names.

    Returns the pieces with whether each is the company; separators are left in the others.
    """
    for name in names:
        found = _find_company(text, name)
        if not found:
            continue
        # "Raj Patel, Patel Ltd": a family firm's name is in its owner's name too; the company
        # is the part written as one, or with its legal form.
        ends = [_company_end(text, m.end, m.text) for m in found]
        best = max(
            range(len(found)),
            key=lambda i: (_is_whole_part(text, found[i].start, ends[i]),
                           _has_legal_form(text[found[i].start : ends[i]]), -i),
        )  # fmt: skip
        match, end = found[best], ends[best]
        # "IT Administrator at Contoso": the linking word belongs to neither part.
        before = _LINK_WORD.sub("", text[: match.start])
        company = _balanced(text[match.start : end].strip().strip(",-").strip())  # U+3000
        return [(before, False), (company, True), (text[end:], False)]
    return [(text, False)]


_PART_START = re.compile(r"(?:^|[,;|/\n\t、，；｜／()（）\[\]【】「」]|\s[-–—])[\s\u3000]*$")
_PART_END = re.compile(r"[\s\u3000]*(?:$|[,;|/\n\t、，；｜／()（）\[\]【】「」]|[-–—]\s)")


def _is_whole_part(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is a part of its own, between separators."""
    return bool(_PART_START.search(text[:start]) and _PART_END.match(text, end))


_ASIDE = re.compile(r"\s*[(（][^()（）\n]{1,40}[)）]")
_NEXT_PIECE = re.compile(r"\s*,\s*([^,;|/\n\t()]+)")


def _company_end(text: str, end: int, found: str) -> int:
    """Where a company found by the expected name ends in ``text``.

    A subsidiary or a country's branch signs with more than the group's name: "Contoso" goes on
    in "Contoso Pharma GmbH", "Fabrikam Singapore Pte Ltd", "Contoso (Shanghai) Co., Ltd.". The
    words up to the next separator continue it unless they hold a title word, so "Susie Jones,
    Contoso Japan KK" lacks a title rather than having "Japan KK" as one. A name found with its
    legal form is whole; Japanese text, split by spaces, is left to its own rules.
    """
    if _has_legal_form(found) or _CJK.search(found):
        return end
    aside = _ASIDE.match(text, end)
    if aside and not _TITLE_WORDS.search(aside.group(0)):
        end = aside.end()
    separator = _SEPARATORS.search(text, end)
    tail = text[end : separator.start() if separator else len(text)]
    if tail.strip() and not _TITLE_WORDS.search(tail) and not _CJK.search(tail):
        end += len(tail.rstrip())
    # "Co., Ltd.": legal forms after a comma still belong to the name.
    while (piece := _NEXT_PIECE.match(text, end)) and _is_suffix_only(piece.group(1)):
        end = piece.start(1) + len(piece.group(1).rstrip())
    return end


def _balanced(company: str) -> str:
    """Drop a closing bracket that closes something outside the company: "(CIO, Contoso)"."""
    opened = company.count("(") + company.count("（")
    if opened < company.count(")") + company.count("）"):
        return company.rstrip(")） ")
    return company


def _separate(piece: str) -> list[str]:
    merged: list[str] = []
    for part in _SEPARATORS.split(piece):
        part = part.strip(" \t\n-–—\u3000")  # a dash left where a date was cut out
        if not re.search(r"\w", part):
            continue
        if merged and _is_suffix_only(part):  # "Contoso, Inc." is one company
            merged[-1] = f"{merged[-1]}, {part}"
        else:
            merged.append(part)
    return merged


def _split_cjk(part: str, names: tuple[str, ...]) -> list[str]:
    """Split "山田 太郎　北斗精機株式会社　情報システム部 部長": Japanese needs no commas.

    Each space-separated word is a name, company or title word; runs of one kind form a part,
    so a space inside the name ("山田 太郎") or the title ("情報システム部 部長") stays.
    """
    words = _words(part)
    if not _CJK.search(part) or len(words) < 2:
        return [part]
    kinds = []
    for word in words:
        if _is_expected(word, names) or _CJK_LEGAL.search(word):
            kinds.append("company")
        elif _TITLE_WORDS.search(word):
            kinds.append("title")
        else:
            kinds.append("name")
    for i in range(len(words) - 1):  # the department before its title word
        if kinds[i] == "name" and kinds[i + 1] == "title" and _CJK_DEPARTMENT.search(words[i]):
            kinds[i] = "title"
    groups: list[list[str]] = []
    for i, word in enumerate(words):
        if i and kinds[i] == kinds[i - 1]:
            groups[-1].append(word)
        else:
            groups.append([word])
    return [" ".join(g) for g in groups] if len(groups) > 1 else [part]


def _is_expected(part: str, names: tuple[str, ...]) -> bool:
    return any(
        company_similarity(part, name) >= SAME_COMPANY
        or contains_company(part, name)
        or is_acronym_of(part, name)
        for name in names
    )


_LEGAL_FORMS = LEGAL_SUFFIXES - {"the", "and", "et", "und", "group", "company", "private"}


def _has_legal_form(part: str) -> bool:
    words = re.sub(r"[.'’]", "", part).casefold().split()
    return any(w in _LEGAL_FORMS for w in words) or bool(_CJK_LEGAL.search(part))


def _is_department(part: str) -> bool:
    words = re.sub(r"[^\w&]+", " ", part).casefold().split()
    return bool(words) and all(w in _DEPARTMENT_WORDS for w in words)


def _label_key(label: str) -> str:
    """ "Société", "Societe", "Company  Name" -> the key of ``_LABEL_ROLES``."""
    text = re.sub(r"\s+", " ", label).casefold()
    plain = "".join(
        ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch)
    )
    return plain if plain in _LABEL_ROLES else text


def _parse_labelled(text: str, names: tuple[str, ...]) -> Signature | None:
    """Read "Name: ..., Company: ..., Title: ..."; None when the text is not labelled so.

    A label with nothing after it leaves its part missing: the label is not the value.
    """
    labels = list(_LABEL.finditer(text))
    roles = [_LABEL_ROLES.get(_label_key(m["label"])) for m in labels]
    if len(set(roles) - {None}) < 2:
        return None
    found: dict[str, str] = {}
    lead = _without_metadata(text[: labels[0].start()])
    # "Susie Jones\nCompany: ...": the unlabelled start is the name, unless a label names it.
    if lead and not any(role in _NAME_ROLES for role in roles):
        found["name"] = lead
    for i, (match, role) in enumerate(zip(labels, roles, strict=True)):
        end = labels[i + 1].start() if i + 1 < len(labels) else len(text)
        value = _without_metadata(text[match.end() : end])
        if role and value and role not in found:
            found[role] = value
    _join_name_fields(found)
    _fill_from_values(found, names)
    return Signature(
        name=found.get("name"),
        company=found.get("company"),
        title=found.get("title"),
        parts=tuple(found.values()),
    )


def _without_metadata(text: str) -> str:
    """A labelled field's value, or the text before the first label, without a signing tool's
    words and IDs; unchanged when it holds none.

    A DocuSign stamp puts the signer's name over a truncated signer ID ("4F3A2B1C9D8E4F7...")
    before its labelled fields, and ends with "Using IP Address: ...": neither the ID nor
    "Using" is part of the name or the company it follows.
    """
    text = text.strip(" ,;|\n\t、，")
    pieces = [p.rstrip(".…") for p in _separate(text)]
    if not any(_is_metadata(p) for p in pieces):
        return text
    return ", ".join(p for p in pieces if p and not _is_metadata(p))


def _join_name_fields(found: dict[str, str]) -> None:
    """ "First name: Jane / Last name: Smith" is one name, "Jane Smith"; "Nom : Dupont /
    Prénom : Jeanne" is "Dupont Jeanne". A name typed in one field is left as it is."""
    if "first" not in found and "last" not in found:
        return
    pieces = [value for role, value in found.items() if role in _NAME_ROLES]
    for role in _NAME_ROLES:
        found.pop(role, None)
    found["name"] = " ".join(pieces)


def _fill_from_values(found: dict[str, str], names: tuple[str, ...]) -> None:
    """Take an unlabelled title or company typed after another label's value.

    "Company: Contoso Ltd, CIO" gives the title too; a piece that is plainly neither stays put,
    so "Title: Director, Cloud Services" does not make "Cloud Services" the company.
    """
    fits = {
        "title": lambda piece: bool(_TITLE_WORDS.search(piece)),
        "company": lambda piece: _is_expected(piece, names) or _has_legal_form(piece),
    }
    for role, fit in fits.items():
        if role in found:
            continue
        for other, value in list(found.items()):
            pieces = _separate(value)
            if len(pieces) >= 2 and fit(pieces[-1]) and not fit(pieces[0]):
                found[other], found[role] = ", ".join(pieces[:-1]), pieces[-1]
                break


def parse_signature(text: str, expected_company: str | None = None) -> Signature:
    """Split an e-signature into name, company and title.

    The usual order is "name, company, title"; a part that is plainly the expected company
    or plainly a job title is placed by what it says, whatever its position.
    """
    japanese = bool(_JAPANESE.search(f"{text} {expected_company or ''}"))
    signature = _parse(text, company_names(expected_company))
    return replace(signature, japanese=japanese)


def _parse(text: str, names: tuple[str, ...]) -> Signature:
    text = _SIGNED_MARK.sub("", _NOT_PARTS.sub(" ", text).strip())
    labelled = _parse_labelled(text, names)
    if labelled is not None:
        return labelled
    text = _LABEL.sub(" ", text)  # one label alone ("Name: ...") says nothing the order does not
    text = _BRACKETED_LEGAL.sub(lambda m: _ONE_CHARACTER_FORM[m[1]], text)
    parts: list[str] = []
    for piece, is_company in _cut_company(text, names):
        if is_company:
            parts.append(piece)
        else:
            parts.extend(p for sep in _separate(piece) for p in _split_cjk(sep, names))
    parts = [_unbracket(p) for p in parts if not _is_metadata(p)]
    # ALL CAPS or all lower case: no capital tells a name from a title.
    letters = [ch for ch in text if ch.isalpha() and ch.isascii()]
    any_case = bool(letters) and (all(map(str.isupper, letters)) or all(map(str.islower, letters)))
    return _assign(parts, names, any_case=any_case)


def _unbracket(part: str) -> str:
    for letter, form in _ONE_CHARACTER_FORM.items():
        part = part.replace(form, f"({letter})")
    return part


def _is_metadata(part: str) -> bool:
    """Whether ``part`` is what is left of a date or an e-mail field ("signed on", "IP:"), or
    a signing tool's ID with its label ("transaction ID: CBJCHBCAABAA2xK9PqR")."""
    words = re.sub(r"[^\w-]+", " ", part).casefold().split()
    if not words:
        return False
    if len(words) > 1 and not any(w in _METADATA_WORDS for w in words):
        return False  # several words, none a label: not a tool's, whatever they hold
    return all(w in _METADATA_WORDS or _is_identifier(w) for w in words)


def _assign(parts: list[str], names: tuple[str, ...], *, any_case: bool = False) -> Signature:
    """Decide which part is the name, the company and the title."""
    parts = _split_name_from_title(parts, names, any_case)
    company_i = _expected_company_part(parts, names)
    if company_i is None:
        company_i = next((i for i, p in enumerate(parts) if i > 0 and _has_legal_form(p)), None)
    title_i = next(
        (i for i in reversed(range(len(parts))) if i != company_i and _TITLE_WORDS.search(parts[i])),
        None,
    )  # fmt: skip
    rest = [i for i in range(len(parts)) if i not in (company_i, title_i)]
    if title_i is not None and _title_word_is_a_surname(parts, title_i, rest, any_case):
        rest, title_i = sorted([*rest, title_i]), None
    name_i = rest.pop(0) if rest else None
    name = parts[name_i] if name_i is not None else None
    if name_i is not None and rest and rest[0] == name_i + 1 and _surname_first(parts, name_i):
        name = f"{name}, {parts[rest.pop(0)]}"  # "Jones, Susie"
    ambiguous = None
    if company_i is None and rest:
        after_title = title_i is not None and rest[0] == title_i + 1
        if after_title and _is_department(parts[rest[0]]):
            pass  # "Director, Cloud Services": the title goes on; the company is missing
        elif title_i is not None or len(rest) >= 2:
            company_i = rest.pop(0)
        else:  # "Susie Jones, Fabrikam": a company or a title, nobody can tell
            ambiguous = parts[rest.pop(0)]
    title_parts = sorted(rest + ([title_i] if title_i is not None else []))
    return Signature(
        name=name,
        company=parts[company_i] if company_i is not None else None,
        title=", ".join(parts[i] for i in title_parts) if title_parts else None,
        parts=tuple(parts),
        ambiguous=ambiguous,
    )


def _split_name_from_title(
    parts: list[str], names: tuple[str, ...], any_case: bool = False
) -> list[str]:
    """``parts`` with a name typed next to its title in one part made two parts.

    "Susie Jones CIO", "Susie Jones IT Manager", "Director Susie Jones": only where no other
    part is a name, and the name is two capitalised words or more that no title word is in
    ("James Dean" and "Paul Nurse" stay whole).
    """
    others = [p for p in parts if not (_is_expected(p, names) or _has_legal_form(p))]
    if any(_looks_like_a_name(p, any_case) and not _TITLE_WORDS.search(p) for p in others):
        return parts
    for index, part in enumerate(parts):
        if part not in others or not _TITLE_WORDS.search(part):
            continue
        split = _name_beside_title(part.split(), any_case)
        if split is not None:
            return [*parts[:index], *split, *parts[index + 1 :]]
    return parts


def _name_beside_title(words: list[str], any_case: bool = False) -> list[str] | None:
    """The name and the title of ``words``, in their order, or None if they are not both."""

    def plain(word: str) -> bool:  # a word that can be part of a name and of no title
        bare = word.casefold().strip(".")
        return not (
            _TITLE_WORDS.search(word)
            or bare in _TITLE_MODIFIERS | _DEPARTMENT_WORDS | _NOT_NAME_WORDS
        )

    def name_and_title(name: list[str], title: list[str]) -> bool:
        return (
            2 <= len(name) <= 4
            and name[-1].casefold() not in _PARTICLES  # "Bruno Le Maire" is one name
            and _looks_like_a_name(" ".join(name), any_case)
            and bool(_TITLE_WORDS.search(" ".join(title)))
        )

    lead = next((i for i, w in enumerate(words) if not plain(w)), len(words))
    if name_and_title(words[:lead], words[lead:]):
        return [" ".join(words[:lead]), " ".join(words[lead:])]
    tail = len(words) - next((i for i, w in enumerate(reversed(words)) if not plain(w)), 0)
    if name_and_title(words[tail:], words[:tail]):
        return [" ".join(words[:tail]), " ".join(words[tail:])]
    return None


def _expected_company_part(parts: list[str], names: tuple[str, ...]) -> int | None:
    """The part naming the expected company; the closest one when several hold its name.

    "Raj Patel, Patel Ltd": the owner's name holds the family firm's, the firm's part is it.
    """
    found = [i for i, p in enumerate(parts) if _is_expected(p, names)]
    if not found:
        return None
    return max(
        found,
        key=lambda i: (
            max(company_similarity(parts[i], name) for name in names) >= SAME_COMPANY,
            _has_legal_form(parts[i]),
            -i,
        ),
    )


def _title_word_is_a_surname(
    parts: list[str], title_i: int, rest: list[int], any_case: bool = False
) -> bool:
    """Whether the part taken for the title by its words is the name: "James Dean, Contoso
    Ltd, Buyer", "Bruno Le Maire, Contoso SA, Acheteur".

    It is when it reads as a name, nothing before it is the name, and nothing after it does.
    """
    return (
        _looks_like_a_name(parts[title_i], any_case)
        and all(i > title_i for i in rest)
        and not any(_looks_like_a_name(parts[i], any_case) for i in rest)
    )


def _looks_like_a_name(part: str, any_case: bool = False) -> bool:
    """Two to four capitalised Latin words, one at least no title word ("Paul Nurse").

    With ``any_case`` (a signature typed in capitals or in lower case) case tells nothing.
    """
    words = _words(part)
    if not 2 <= len(words) <= 4 or _CJK.search(part) or _HANGUL.search(part):
        return False
    named = [w for w in words if w.casefold() not in _PARTICLES]
    capitalised = all(
        (any_case or (w[0].isupper() and any(ch.islower() for ch in w[1:])))
        and not re.search(r"[\d@&]", w)
        for w in named
    )
    return capitalised and any(
        not _TITLE_WORDS.search(w)
        and w.casefold().strip(".") not in _TITLE_MODIFIERS | _DEPARTMENT_WORDS | _NOT_NAME_WORDS
        for w in named
    )


def _surname_first(parts: list[str], name_i: int) -> bool:
    """Whether "Jones, Susie, ..." starts with a surname and a first name in two parts.

    The surname may carry its particles: "van der Berg, Pieter".
    """
    first, second = parts[name_i], parts[name_i + 1]
    words = _words(first)
    return (
        len(_words(second)) == 1
        and second.isalpha()
        and not _is_initial(second)
        and not _CJK.search(first + second)
        and all(w.isalpha() for w in words)
        and all(w in _PARTICLES for w in words[:-1])
        and _name_words(first) == [words[-1].casefold()]
    )


def _is_initial(word: str) -> bool:
    return bool(_INITIAL.match(word))


def _name_words(name: str) -> list[str]:
    """The words of a Latin-script name that are a first or last name, lower-cased."""
    text = "".join(
        ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch)
    )
    words = [w.strip(".,'’-") for w in re.split(r"[\s,]+", text)]
    return [
        w.casefold()
        for w in words
        if w
        and any(ch.isalpha() for ch in w)
        and w.casefold() not in _NOT_NAME_WORDS
        and not _is_initial(w)
        and not (w.islower() and w in _PARTICLES)
    ]


def _full_name(name: str, japanese: bool = False) -> bool:
    if re.search(r"[\d@]", name):
        return False
    if _CJK.search(name) and japanese:
        return _full_japanese_name(name)
    if _CJK.search(name):  # Chinese names are written without a space, "王伟" is one
        return len(re.sub(r"\s", "", _CJK_HONORIFIC.sub("", name.strip()))) >= 2
    if _HANGUL.search(name) and not _LATIN.search(name):  # "김민준": family and given name
        return len(re.sub(r"\s", "", _HANGUL_HONORIFIC.sub("", name.strip()))) >= 2
    # "Mr. Jones" and "Susie J." name one name only.
    return len(_name_words(name)) >= 2


def _full_japanese_name(name: str) -> bool:
    """ "山田 太郎", "山田太郎", "ヤマダ タロウ" are full names; "山田" or "太郎" alone is not.

    Family and given names have one to three characters each, mostly two: written without a
    space, a full name has three or more, four or more in kana (which spells each sound),
    or two that are a common one-character family name and given name ("林誠").
    """
    text = _CJK_HONORIFIC.sub("", unicodedata.normalize("NFKC", name).strip())
    if len([w for w in _JAPANESE_NAME_BREAK.split(text) if w]) >= 2:
        return True
    kana_only = not re.search(r"[\u3400-\u4dbf\u4e00-\u9fff]", text)
    if len(text) == 2 and not kana_only:
        # "林誠": a one-character family name and a one-character given name. Both must be
        # common as such, so that "森田", "林田" or "原田" (family names) stay one name.
        return text[0] in _ONE_CHARACTER_SURNAMES and text[1] in _ONE_CHARACTER_GIVEN_NAMES
    return len(text) >= (4 if kana_only else 3)


# Japanese family names of one character, and given names of one character, that are common.
_ONE_CHARACTER_SURNAMES = frozenset("林森原東辻堀関南西北岡谷沢泉星柴城岸宮浜丸室菅桜")
_ONE_CHARACTER_GIVEN_NAMES = frozenset(
    "誠健学茂進勇実清博隆豊聡翔蓮愛恵舞彩修稔明宏浩剛徹亮仁淳望薫忍優"
)


def missing_parts(signature: Signature) -> list[str]:
    """What a reviewer would ask for, in words."""
    missing = []
    if signature.name is None:
        missing.append("the full name")
    elif not _full_name(signature.name, signature.japanese):
        missing.append(f"a full name ('{signature.name}' is not a first and last name)")
    if signature.ambiguous is not None:
        missing.append(
            f"the company name or the title (only '{signature.ambiguous}' follows the name)"
        )
        return missing
    if signature.company is None:
        missing.append("the company name")
    elif reason := _not_a_company(signature):
        missing.append(f"the company name ('{signature.company}' {reason})")
    if signature.title is None:
        missing.append("the title")
    elif reason := _not_a_title(signature):
        missing.append(f"a title ('{signature.title}' {reason})")
    return missing


def _is_placeholder(part: str) -> bool:
    """ "N/A", "none", "TBD", "xxx", "12345": typed to fill a required field, naming nothing."""
    plain = re.sub(r"[\W_]+", " ", part).strip().casefold()
    return (
        plain in _PLACEHOLDERS
        or not re.search(r"[^\W\d_]", plain)  # digits or punctuation only
        or bool(re.fullmatch(r"(\w)\1*", plain))  # "x", "xxx", "aaa"
    )


def _same_company(a: str, b: str) -> bool:
    return company_similarity(a, b) >= SAME_COMPANY or contains_company(a, b)


def _not_a_company(signature: Signature) -> str | None:
    """Why the part taken for the company is none, or None: "Jane Smith, CIO, CIO"."""
    company = signature.company or ""
    if _is_placeholder(company):
        return "is not a company name"
    repeated = signature.title and compact(company) == compact(signature.title)
    if repeated and _TITLE_WORDS.search(company):
        return "is the title again, not a company name"
    return None


def _not_a_title(signature: Signature) -> str | None:
    """Why the part taken for the title is no job title, or None when it may be one.

    Job titles are too many to list, so what is plainly something else is refused: a
    placeholder, the name or the company again, another company, a department alone.
    """
    pieces = _separate(signature.title or "")
    reasons = [_why_not_a_title(piece, signature) for piece in pieces]
    if not pieces or not all(reasons):
        return None
    return reasons[0] if len(set(reasons)) == 1 else "is not a job title"


def _why_not_a_title(piece: str, signature: Signature) -> str | None:
    if _is_placeholder(piece):
        return "is not a job title"
    if signature.name and same_person(piece, signature.name):
        return "is the name again, not a job title"
    if _TITLE_WORDS.search(piece):
        return None
    is_company = (len(_words(piece)) >= 2 and _has_legal_form(piece)) or bool(
        _VENDOR.fullmatch(piece.strip(" .,"))
    )
    if is_company or (signature.company and _same_company(piece, signature.company)):
        return "is a company, not a job title"
    if _is_department(piece) or (_CJK.search(piece) and _CJK_DEPARTMENT.search(piece)):
        return "is a department, not a job title"
    return None


# The vendor is a company whoever signs: "Susie Jones, Contoso Ltd, Microsoft" gives no title.
_VENDOR = re.compile(r"microsoft(?:\s+corp(?:oration|\.)?)?|マイクロソフト", re.IGNORECASE)
# "(via FridayINC)", "FridayINC for Contoso", "c/o FridayINC": words tying another company in.
_GO_BETWEEN = re.compile(r"^(?:via|c/o|care\s+of|on\s+behalf\s+of|through|by)\s+", re.IGNORECASE)


def _abbreviates(company: str, expected: str) -> bool:
    """Whether ``company`` is ``expected`` with words cut short, as people sign: "Contoso
    Pharma" for Contoso Pharmaceuticals Ltd, "Contoso Intl" for Contoso International Ltd.

    The first word, which tells the company apart, must be the same; each word after it the
    same or shortened, so "Contoso Logistics" is still another company.
    """
    left, right = normalise_company(company).split(), normalise_company(expected).split()
    return (
        min(len(left), len(right)) >= 2
        and left[0] == right[0]
        and all(a == b or _shortened(a, b) for a, b in zip(left[1:], right[1:], strict=False))
    )


def _shortened(word: str, full: str) -> bool:
    """ "pharma", "tech" (the word's start), "intl", "mfg" (its letters kept in order)."""
    if len(word) < 3 or len(word) >= len(full) or word[0] != full[0]:
        return False
    letters = iter(full)
    return all(letter in letters for letter in word)


def _partner_aside(signature: Signature, partner_names: tuple[str, ...]) -> str | None:
    """The piece of a customer's signature, other than its company, that is the partner.

    Only a whole piece counts: "Cloud Architect" does not name a partner called Cloud.
    """
    for piece in _separate(signature.title or ""):
        bare = _GO_BETWEEN.sub("", piece)
        # "Consultant at FridayINC": a title held at the partner.
        employer = _AT_EMPLOYER.search(piece)
        for candidate in (bare, employer[1] if employer else None):
            if candidate and any(
                company_similarity(candidate, name) >= SAME_COMPANY for name in partner_names
            ):
                return piece
    return None


_AT_EMPLOYER = re.compile(r"\s(?:at|@|with|for|chez|bei)\s+(.+)$", re.IGNORECASE)


def _different_scripts(a: str, b: str) -> bool:
    return bool(_CJK.search(a)) != bool(_CJK.search(b)) and not (
        _LATIN.search(a) and _LATIN.search(b)
    )


def _person(name: str | None) -> tuple[str, frozenset[str]]:
    """A name reduced for comparison: script, and its words without titles and initials."""
    if not name:
        return "", frozenset()
    if _CJK.search(name):  # "佐藤陽翔" and "佐藤 陽翔" are one name
        text = unicodedata.normalize("NFKC", name)
        return "cjk", frozenset({re.sub(r"\s", "", _CJK_HONORIFIC.sub("", text.strip()))})
    if _HANGUL.search(name) and not _LATIN.search(name):  # "김민준" and "김 민준"
        text = _HANGUL_HONORIFIC.sub("", name.strip())
        return "hangul", frozenset({re.sub(r"\s", "", text)})
    # "Al-Rashid" and "Al Rashid", "Jean-Luc" and "Jean Luc" are written both ways.
    return "latin", frozenset(_name_words(re.sub(r"[^\w\s.,'’]", " ", name)))


def same_person(a: str | None, b: str | None) -> bool:
    """Whether two signatures name one person, whatever the order, case, accents or titles.

    Names must agree word for word ("Maria Garcia" is not "Mario Garcia"); a middle name or
    initial only one of them gives does not make two people.
    """
    (script_a, left), (script_b, right) = _person(a), _person(b)
    if not left or not right or script_a != script_b:
        return False
    shorter, longer = sorted((left, right), key=len)
    return left == right or (len(shorter) >= 2 and shorter <= longer)


class SurveySignature(Check):
    id = "survey-signature"
    version = "13"
    title = "Survey e-signatures complete"
    description = (
        "The last answer of each completed survey is the respondent's e-signature: a full name "
        "(two words or more; a Japanese family and given name), a company name and a title. "
        'A title may stand next to the name with no comma between ("Susie Jones CIO"). '
        "A placeholder (N/A, TBD), the name or the company again, another company (Microsoft "
        "included) or a department alone is no title. The company is compared with the claim's customer "
        "(customer survey) or partner (partner survey), acronyms included; a customer "
        "signature naming the partner too, and one person signing both surveys, are flagged."
    )
    reads_matches = False

    def run(self, claim: ClaimView, context: CheckContext) -> list[Result]:
        results: list[Result] = []
        parsed: dict[str, Signature] = {}
        for role, expected in (("customer", claim.customer.name), ("partner", claim.partner.name)):
            survey = claim.survey(role)
            if survey is None or not survey.completed:
                state = "missing" if survey is None else survey.status.replace("_", " ")
                results.append(
                    Result.skipped(
                        f"The {role} survey is not completed ({state}): no signature to check "
                        "(the completeness check covers missing surveys)."
                    )
                )
                continue
            result, signature = self._check_one(claim, role, expected, survey)
            results.append(result)
            if signature is not None:
                parsed[role] = signature
        results.extend(self._same_people(claim, parsed))
        return results

    def _check_one(
        self, claim: ClaimView, role: str, expected: str, survey: SurveyView
    ) -> tuple[Result, Signature | None]:
        label = f"{role.capitalize()} survey"
        text = (survey.signature or "").strip()
        if not text:
            return (
                Result.failed(
                    f"{label} is completed but its e-signature (full name, company name, title) "
                    f"is empty; {CONSEQUENCE[role]}.",
                    evidence=[_evidence(role, "(empty)")],
                ),
                None,
            )
        signature = parse_signature(text, expected)
        missing = missing_parts(signature)
        if missing:
            return (
                Result.failed(
                    f"{label} e-signature '{text}' lacks {_join(missing)}; {CONSEQUENCE[role]}.",
                    evidence=[_evidence(role, text)],
                ),
                signature,
            )
        company = signature.company or ""
        described = (
            f"{label} signed by {signature.name} ({signature.title}) for {company.rstrip('.')}"
        )
        partner_names = company_names(claim.partner.name)
        if role == "customer" and any(
            company_similarity(company, name) >= SAME_COMPANY for name in partner_names
        ):
            return (
                Result.warning(
                    f"{described}: that is the partner, not the customer {expected}. Was the "
                    "customer survey filled in by the partner?",
                    evidence=[_evidence(role, text)],
                ),
                signature,
            )
        if role == "customer" and (partner := _partner_aside(signature, partner_names)):
            return (
                Result.warning(
                    f"{described}, but the signature names the partner too ('{partner}'). Was "
                    "the customer survey filled in by the partner?",
                    evidence=[_evidence(role, text)],
                ),
                signature,
            )
        if _is_expected(company, company_names(expected)) or _abbreviates(company, expected):
            return Result.passed(f"{described}.", evidence=[_evidence(role, text)]), signature
        if _different_scripts(company, expected):
            return (
                Result.passed(
                    f"{described}; the claim's {role} is {expected} (different scripts: compare "
                    "by eye).",
                    evidence=[_evidence(role, text)],
                ),
                signature,
            )
        return (
            Result.warning(
                f"{described}, but the claim's {role} is {expected}: confirm the signer works for "
                f"the {role}.",
                evidence=[_evidence(role, text)],
            ),
            signature,
        )

    def _same_people(self, claim: ClaimView, parsed: dict[str, Signature]) -> list[Result]:
        customer, partner = parsed.get("customer"), parsed.get("partner")
        found = []
        if customer and partner and same_person(customer.name, partner.name):
            found.append(
                Result.warning(
                    f"The same person, {customer.name}, signed both the customer and the partner "
                    "survey: the customer survey must be answered by the customer.",
                    evidence=[
                        _evidence("customer", claim.survey("customer").signature or ""),
                        _evidence("partner", claim.survey("partner").signature or ""),
                    ],
                )
            )
        elif customer and same_person(customer.name, claim.partner.contact_name):
            found.append(
                Result.warning(
                    f"The customer survey is signed by {customer.name}, the partner's contact "
                    f"on this claim ({claim.partner.name}).",
                    evidence=[
                        _evidence("customer", claim.survey("customer").signature or ""),
                        Evidence(
                            "claim record", "partner contact", claim.partner.contact_name or ""
                        ),
                    ],
                )
            )
        return found

    examples = (
        ExampleCase("both signatures complete", lambda c: c.view(), Status.PASS),
        ExampleCase(
            "customer signature without a title",
            lambda c: c.view(
                surveys={
                    "customer": {"status": "completed", "signature": "Susie Jones, Contoso Ltd"},
                    "partner": {"status": "completed", "signature": "Priya Kaur, FridayINC, Lead"},
                }
            ),
            Status.FAIL,
        ),
        ExampleCase(
            "partner signed both surveys",
            lambda c: c.view(
                surveys={
                    "customer": {
                        "status": "completed",
                        "signature": "Priya Kaur, Contoso Ltd, Delivery Lead",
                    },
                    "partner": {
                        "status": "completed",
                        "signature": "Priya Kaur, FridayINC, Delivery Lead",
                    },
                }
            ),
            Status.WARN,
        ),
    )


def _evidence(role: str, signature: str) -> Evidence:
    return Evidence(f"{role} survey", "e-signature (last question)", signature)


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]
