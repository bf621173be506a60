"""Compare the names and domains of a claim's parties, as the affiliate and signature checks do.

Company names are typed by people: "FridayINC", "FridayINC Inc.", "fridayinc, inc" and
"Friday Inc" are the same partner. Normalising strips case, accents, punctuation and legal
suffixes before a fuzzy comparison; domains are reduced to the part an organisation
registers, so "mail.fridayinc.com" and "fridayinc.com" are the same owner.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from rapidfuzz import fuzz

# Legal forms and filler words that say nothing about who a company is.
LEGAL_SUFFIXES = frozenset(
    {
        "inc", "incorporated", "ltd", "limited", "llc", "llp", "lp", "plc", "gmbh", "mbh", "ag",
        "kg", "se", "sa", "sas", "sasu", "sarl", "srl", "spa", "sl", "sau", "bv", "nv", "kk",
        "co", "corp", "corporation", "company", "cie", "pvt", "pty", "pte", "private", "oy",
        "ab", "asa", "aps", "ltda", "lda", "ulc", "fzllc", "fzco", "fze", "group", "holding",
        "holdings", "the", "and", "et", "und",
        # Forms of other countries' registers: Malaysia, Indonesia, Hungary, Czechia and
        # Slovakia, Finland, Russia and its neighbours, the Balkans, Belgium, Turkey, Germany.
        "sdn", "bhd", "berhad", "tbk", "kft", "zrt", "nyrt", "sro", "oyj", "jsc", "pjsc", "ojsc",
        "ooo", "doo", "bvba", "sprl", "sti", "kgaa", "ggmbh",
    }
)  # fmt: skip
# Glued suffixes ("FridayINC") are cut from the compact form when they end a longer name.
_GLUED_SUFFIXES = ("incorporated", "corporation", "limited", "gmbh", "corp", "inc", "ltd", "llc")
# Japanese legal forms are written without spaces, before or after the name; (株), (有) and
# their one-character forms ㈱ ㈲ abbreviate them (NFKC turns ㈲ into "(有)"). Korean ones
# likewise: 주식회사, (주), ㈜.
CJK_LEGAL_FORMS = (
    "株式会社", "有限会社", "合同会社", "合資会社", "合名会社", "（株）", "(株)", "㈱",
    "（有）", "(有)", "㈲", "주식회사", "유한회사", "（주）", "(주)", "㈜",
)  # fmt: skip
# Mailboxes anyone can open: sharing one says nothing about being the same organisation.
FREE_MAIL = frozenset(
    {
        "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com", "msn.com",
        "yahoo.com", "yahoo.co.jp", "yahoo.fr", "icloud.com", "me.com", "aol.com",
        "proton.me", "protonmail.com", "gmx.de", "gmx.net", "web.de", "orange.fr", "free.fr",
        # Orange's mailboxes, not Orange Business (orange.com) or other countries' Orange
        "orange.es", "orange.pl", "orange.ro", "orange.be", "orange.sk", "orange.md",
        "laposte.net", "mail.com", "zoho.com", "yandex.com", "qq.com", "163.com", "rediffmail.com",
    }
)  # fmt: skip
# Free-mail providers by the name they register under in every country (hotmail.co.uk,
# yahoo.com.br, outlook.jp ...): listing whole domains always misses some.
FREE_MAIL_PROVIDERS = frozenset(
    {
        "gmail", "googlemail", "hotmail", "outlook", "live", "msn", "yahoo", "ymail", "aol",
        "icloud", "me", "gmx", "wanadoo", "laposte", "uol", "bol", "terra", "qq",
        "163", "126", "naver", "hanmail", "rediffmail", "yandex", "protonmail", "proton", "zoho",
    }
)  # fmt: skip
# Providers whose label alone is too common a word: recognised by the whole domain.
_FREE_MAIL_DOMAINS = frozenset(
    {"web.de", "free.fr", "mail.ru", "mail.com", "inbox.ru", "list.ru", "bk.ru", "rambler.ru",
     "email.com"}
)  # fmt: skip
# Second-level labels under which organisations register (contoso.co.uk, contoso.com.au ...),
# and shared hosts whose sub-domains belong to different tenants (contoso.onmicrosoft.com).
_SECOND_LEVEL = frozenset(
    {"co", "com", "net", "org", "gov", "gob", "edu", "ac", "or", "ne", "go", "lg", "ltd", "plc",
     "nic", "res", "gv", "govt", "mil", "nhs", "police", "sch"}
)  # fmt: skip
_SHARED_HOSTS = ("onmicrosoft.com", "sharepoint.com", "azurewebsites.net")
# Provinces and states under which organisations register, as the Public Suffix List has them:
# ville.qc.ca and fridayinc.qc.ca are two owners, not one "qc.ca". Canada's provinces and
# territories and its federal government (tbs-sct.gc.ca); the United States' locality names,
# with the schools, colleges and libraries of each state (lakewood.k12.co.us).
_REGIONS = {
    "ca": frozenset(
        {"ab", "bc", "mb", "nb", "nf", "nl", "ns", "nt", "nu", "on", "pe", "qc", "sk", "yk", "gc"}
    ),
    "us": frozenset(
        {"ak", "al", "ar", "as", "az", "ca", "co", "ct", "dc", "de", "fl", "ga", "gu", "hi", "ia",
         "id", "il", "in", "ks", "ky", "la", "ma", "md", "me", "mi", "mn", "mo", "ms", "mt", "nc",
         "nd", "ne", "nh", "nj", "nm", "nv", "ny", "oh", "ok", "or", "pa", "pr", "ri", "sc", "sd",
         "tn", "tx", "ut", "va", "vi", "vt", "wa", "wi", "wv", "wy"}
    ),
}  # fmt: skip
_US_STATE_SECTIONS = frozenset({"k12", "cc", "lib"})

_EMAIL = re.compile(r"^[^@\s]+@([A-Za-z0-9.-]+\.[A-Za-z]{2,})$")


def normalise_company(name: str | None) -> str:
    """Return ``name`` lower-cased, without accents, punctuation or legal suffixes."""
    if not name:
        return ""
    return _normalise_company(name)


# Cached: the signature and partner-name checks compare the same few names with every line.
@functools.lru_cache(maxsize=8192)
def _normalise_company(name: str) -> str:
    text = unicodedata.normalize("NFKC", name)
    for form in CJK_LEGAL_FORMS:
        text = text.replace(form, " ")
    text = "".join(
        ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch)
    ).casefold()
    text = text.replace("&", " and ")
    text = re.sub(r"[.'’`]", "", text)  # "S.p.A." -> "spa", "O'Neil" -> "oneil"
    words = re.sub(r"[^\w]+", " ", text).split()
    kept = [w for w in words if w not in LEGAL_SUFFIXES]
    return " ".join(kept or words)


def compact(name: str | None) -> str:
    """Return the normalised name without spaces and without a glued legal suffix."""
    text = normalise_company(name).replace(" ", "")
    for suffix in _GLUED_SUFFIXES:
        if text.endswith(suffix) and len(text) - len(suffix) >= 3:
            return text[: -len(suffix)]
    return text


def _initials(normalised: str) -> str:
    words = normalised.split()
    return "".join(w[0] for w in words) if len(words) >= 2 else ""


def alike_as_initials(a: str | None, b: str | None) -> bool:
    """Whether one name, not the other's spelling, is the other's initials ("WWI" for Wide
    World Importers)."""
    if not a or not b or compact(a) == compact(b):
        return False
    return compact(a) == _initials(normalise_company(b)) or compact(b) == _initials(
        normalise_company(a)
    )


# Small words an abbreviation leaves out: "Department of Public Works" is "DPW".
_UNABBREVIATED = frozenset({"of", "and", "the", "for", "de", "du", "des", "la", "le"})


def _abbreviated(short: list[str], long: list[str]) -> bool:
    """Whether ``short`` is a leading part of ``long`` and the initials of the rest.

    "Lakewood USD" for "Lakewood Unified School District", "Riverton DPW" for "City of
    Riverton Department of Public Works".
    """
    if len(short) < 2:
        return False
    *head, acronym = short
    if len(acronym) < 2 or sum(map(len, head)) < 4 or not all(w in long for w in head):
        return False
    rest = [w for w in long[max(long.index(w) for w in head) + 1 :] if w not in _UNABBREVIATED]
    return len(rest) >= 2 and acronym == "".join(w[0] for w in rest)


# An acronym people write skips these too: "SBI" is State Bank of India, "PRDE" Puerto
# Rico Department of Education.
_ACRONYM_SKIPS = _UNABBREVIATED | {"del", "di", "y", "e", "et"}


def is_acronym_of(word: str | None, company: str | None) -> bool:
    """Whether ``word`` is one word spelling the initials of ``company``'s words but the small
    ones ("SBI" for State Bank of India), where ``company_similarity`` counts every word."""
    acronym = normalise_company(word)
    words = [w for w in normalise_company(company).split() if w not in _ACRONYM_SKIPS]
    return (
        len(acronym) >= 3
        and " " not in acronym
        and len(words) >= 3
        and acronym == "".join(w[0] for w in words)
    )


def company_similarity(a: str | None, b: str | None) -> float:
    """Return how alike two company names are, 0 to 100, tolerant of form and acronyms."""
    left, right = normalise_company(a), normalise_company(b)
    if not left or not right:
        return 0.0
    if left == right or compact(a) == compact(b):
        return 100.0
    if alike_as_initials(a, b):
        return 95.0
    if _abbreviated(left.split(), right.split()) or _abbreviated(right.split(), left.split()):
        return 90.0
    return float(max(fuzz.ratio(left, right), fuzz.ratio(compact(a), compact(b))))


def contains_company(a: str | None, b: str | None) -> bool:
    """Return whether one name holds all the words of the other ("Contoso" in "Contoso Health")."""
    left, right = set(normalise_company(a).split()), set(normalise_company(b).split())
    shorter = left if len(left) <= len(right) else right
    longer = right if shorter is left else left
    return bool(shorter) and sum(len(w) for w in shorter) >= 4 and shorter <= longer


def email_domain(address: str | None) -> str | None:
    """Return the lower-case domain of an e-mail address, or None."""
    if not address:
        return None
    match = _EMAIL.match(address.strip())
    return match.group(1).lower().rstrip(".") if match else None


def clean_domain(value: str | None) -> str | None:
    """Return a bare domain from what a partner typed ("https://www.Contoso.com/" -> contoso.com)."""
    if not value:
        return None
    text = value.strip().lower()
    text = re.sub(r"^[a-z]+://", "", text).split("/")[0].split("@")[-1].rstrip(".")
    text = text.removeprefix("www.")
    return text if re.fullmatch(r"[a-z0-9-]+(\.[a-z0-9-]+)+", text) else None


def organisation_domain(domain: str) -> str:
    """Return the part of ``domain`` an organisation registers (mail.contoso.co.uk -> contoso.co.uk)."""
    labels = domain.lower().strip(".").split(".")
    for host in _SHARED_HOSTS:
        if domain.endswith("." + host):
            return ".".join(labels[-(host.count(".") + 2) :])
    return ".".join(labels[-(_public_suffix_length(labels) + 1) :])


def _public_suffix_length(labels: list[str]) -> int:
    """How many of the last ``labels`` are a suffix anyone registers under (co.uk: 2)."""
    if len(labels) >= 2 and labels[-2] in _REGIONS.get(labels[-1], ()):
        # A state's schools register under it: lakewood.k12.co.us, not k12.co.us.
        if labels[-1] == "us" and len(labels) >= 4 and labels[-3] in _US_STATE_SECTIONS:
            return 3
        return 2
    if len(labels) >= 3 and labels[-2] in _SECOND_LEVEL and len(labels[-1]) == 2:
        return 2
    return 1


def is_free_mail(domain: str | None) -> bool:
    """Return whether ``domain`` is a public mailbox provider's, in any country."""
    if not domain:
        return False
    domain = domain.lower().strip(".")
    organisation = organisation_domain(domain)
    return (
        domain in FREE_MAIL
        or organisation in FREE_MAIL
        or organisation in _FREE_MAIL_DOMAINS
        or domain in _FREE_MAIL_DOMAINS
        or organisation.split(".")[0] in FREE_MAIL_PROVIDERS
    )


def same_organisation_domain(a: str | None, b: str | None) -> bool:
    """Return whether two domains belong to one organisation (free mailboxes never do)."""
    if not a or not b:
        return False
    left, right = organisation_domain(a), organisation_domain(b)
    return left == right and not is_free_mail(left)


# What a public body is rather than which one: "City of Springfield", "Springfield City
# Council" and "Ciudad de Springfield" are one city. Its place names tell bodies apart.
PUBLIC_BODY_WORDS = frozenset(
    {
        "city", "town", "village", "borough", "township", "county", "parish", "municipality",
        "municipal", "municipio", "autonomo", "ciudad", "ville", "commune", "of", "de", "del",
        "la", "le", "los", "las", "d", "council", "government", "gobierno", "department", "dept",
        "office", "district", "school", "schools", "unified", "independent", "community",
        "consolidated", "public", "board", "commission", "agency", "authority",
    }
)  # fmt: skip
# Place names this alike are one place spelled twice ("Springfeild"), not two places.
SAME_PLACE = 85


def name_words(text: str) -> set[str]:
    """The words of a whole text as ``normalise_company`` writes them, to look a name up in.

    Not cached: a document's text is long, and each is looked through once.
    """
    return set(_normalise_company.__wrapped__(text).split())


# Places are abbreviated as people write them: "St. Louis" is Saint Louis.
_PLACE_ABBREVIATIONS = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort", "pt": "port"}


def place_words(name: str | None) -> list[str]:
    """The words of a public body's name that say which one it is ("springfield")."""
    return [
        _PLACE_ABBREVIATIONS.get(w, w)
        for w in normalise_company(name).split()
        if w not in PUBLIC_BODY_WORDS
    ]


def same_public_body(a: str | None, b: str | None) -> bool:
    """Whether two names can be the same public body, tolerant of how each is written.

    "City of Riverton" and "City of Riverton - Department of Public Works" can be (one is the
    other's department); so can two names without a place to compare by. "City of Springfield"
    and "City of Shelbyville" cannot.
    """
    left, right = place_words(a), place_words(b)
    if not left or not right or set(left) <= set(right) or set(right) <= set(left):
        return True
    return (
        company_similarity(" ".join(left), " ".join(right)) >= SAME_PLACE
        or alike_as_initials(a, b)
        or is_acronym_of(a, b)
        or is_acronym_of(b, a)
    )
