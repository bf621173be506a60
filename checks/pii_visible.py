"""Customer e-mail addresses in POE documents are blurred, with the domain left visible."""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import chain

from checks._parties import (
    clean_domain,
    email_domain,
    is_free_mail,
    normalise_company,
    organisation_domain,
)
from workbench.check_api import (
    Check,
    CheckContext,
    ClaimView,
    DocumentView,
    Evidence,
    ExampleCase,
    Result,
    Severity,
    Status,
)
from workbench.testing import docx_document, xlsx_document

# The vendor's own staff are not the customer's people.
VENDOR_DOMAINS = ("microsoft.com",)
# What blurs a domain's letters ("c*****.com"), and a label of a domain that may hold them.
_DOMAIN_MASKS = "*•●■█"
_DOMAIN_LABEL = (
    rf"[A-Za-z0-9{_DOMAIN_MASKS}](?:[A-Za-z0-9{_DOMAIN_MASKS}-]{{0,62}}[A-Za-z0-9{_DOMAIN_MASKS}])?"
)
_EMAIL = re.compile(
    r"(?P<local>\[[^\]\n]{1,40}\]|\([^)\n]{1,40}\)|<[^>@\n]{1,40}>|"
    r"[A-Za-z0-9._%+'*•●■█▪·∙◦○□×#?~-]{1,64})"
    # "susie @ contoso.com" (spaced, as OCR reads it) or "susie@ contoso.com" (a line break);
    # "users on @contoso.com" is the domain, named after a word.
    r"(?:[@＠﹫]\s?|\s[@＠﹫]\s)"
    # The domain, whose letters may be masked too ("c*****.com", "contoso.c**").
    rf"(?P<domain>{_DOMAIN_LABEL}(?:\.{_DOMAIN_LABEL})*\.[A-Za-z{_DOMAIN_MASKS}]{{2,24}})(?![A-Za-z0-9])"
)
_MASKED_DOMAIN = re.compile(f"[{_DOMAIN_MASKS}]")


def _has_at(text: str) -> bool:
    # The ASCII at sign, the full-width one (Japanese documents) and the small one.
    return "@" in text or "＠" in text or "﹫" in text


# "susie.jones[at]contoso.com", "susie (at) contoso (dot) com": written to fool harvesters,
# still anyone's to read.
_SPELLED_OUT = re.compile(r"\s?[\[({]\s*(at|dot)\s*[\])}]\s?", re.IGNORECASE)
# The same, found from its bracket: a workbook's megabyte of text is scanned in C in 4 ms,
# where a pattern that may start with a space tries every position (23 ms).
_SPELLED_OUT_BRACKET = re.compile(r"[\[({]\s*(?:at|dot)\s*[\])}]", re.IGNORECASE)


# "susie.jones at contoso dot com": words only, so it must end in " dot " and a top-level
# domain, and the word before "at" must not be one of a sentence ("visit us at contoso dot com").
_TOP_LEVEL = (
    "com|org|net|edu|gov|mil|int|info|biz|io|co|uk|us|ca|au|nz|in|jp|kr|cn|de|fr|it|es|nl|be|ch"
    "|at|se|no|dk|fi|ie|pl|pt|br|mx|ar|cl|za|sg|hk|tw|my|ph|th|id|ae|sa|il|tr|ru"
)
_IN_WORDS = re.compile(
    r"(?<![\w.@+-])(?P<local>[A-Za-z0-9][\w.+-]*)\s+(?:at|AT)\s+"
    rf"(?P<domain>(?=[\w-]*[A-Za-z])[A-Za-z0-9][\w-]*(?:\s+(?:dot|DOT)\s+[A-Za-z0-9][\w-]*)*\s+(?:dot|DOT)\s+"
    rf"(?i:{_TOP_LEVEL}))(?![\w-])"
)
_SENTENCE_WORDS = frozenset(
    {"us", "me", "we", "you", "him", "her", "them", "it", "is", "are", "was", "available",
     "online", "live", "found", "located", "visit", "posted", "published", "hosted", "here",
     "there", "site", "website", "portal", "page", "web", "look", "find", "go", "sign", "log"}
)  # fmt: skip


_DOT_WORD = re.compile(r"\s+(?:dot|DOT)\s+")


def _in_words(match: re.Match[str]) -> str:
    if match["local"].lower() in _SENTENCE_WORDS:
        return match[0]
    return f"{match['local']}@{_DOT_WORD.sub('.', match['domain'])}"


def _spelled_out(text: str) -> bool:
    if _SPELLED_OUT_BRACKET.search(text) is not None:
        return True
    # A quick test before the pattern: most documents never write " dot ".
    return (" dot " in text or " DOT " in text) and _IN_WORDS.search(text) is not None


def _with_symbols(text: str) -> str:
    """``text`` with "[at]" and "(dot)", or " at " and " dot ", written as "@" and "."."""
    text = _SPELLED_OUT.sub(lambda m: "@" if m[1].lower() == "at" else ".", text)
    if " dot " in text or " DOT " in text:
        text = _IN_WORDS.sub(_in_words, text)
    return text


_MASK_SYMBOLS = "*•●■█▪·∙◦○□×#?"
# What blurring leaves after the first letter: "sxxxx", "s.xxxx", "s.....", "s_____".
_MASK_FILL = frozenset("xX._-" + _MASK_SYMBOLS)
# "logo@2x.png" is an image at double resolution, not an address.
_FILE_EXTENSIONS = frozenset({"png", "jpg", "jpeg", "gif", "svg", "webp", "bmp", "tif", "tiff"})
_REDACTED = re.compile(r"redact|masqu|hidden|removed|blurred|masked|private|非表示|伏", re.I)
# Domains reserved for examples (RFC 2606), with their subdomains: nobody's mailbox is
# there (admin@example.com, jo@mail.example.org).
_RESERVED_DOMAIN = re.compile(
    r"(?:^|\.)example\.(?:com|net|org)$|\.(?:example|test|invalid|localhost)$"
)
# "firstname.lastname@contoso.com", "someone@contoso.com": a pattern or a placeholder, no one's.
_PLACEHOLDERS = frozenset(
    {
        "firstname.lastname", "first.last", "firstname_lastname", "firstnamelastname",
        "firstname", "lastname", "givenname.surname", "name.surname", "first.lastname",
        "prenom.nom", "nom.prenom", "name", "username", "user.name", "user", "yourname",
        "your.name", "youremail", "someone", "alias", "useralias", "upn", "email",
    }
)  # fmt: skip
# Shared mailboxes of a team or a function name nobody: info@, support@, it-helpdesk@.
# Not two letters that are as often a person's initials ("ap", "ar", "is", "do"), nor the
# pieces of "no-reply" and "do-not-reply", which are looked up glued.
_ROLE_WORDS = frozenset(
    {
        "info", "information", "contact", "contacts", "support", "helpdesk", "help", "desk",
        "service", "services", "servicedesk", "it", "ict", "admin", "admins", "administrator",
        "administration", "postmaster", "hostmaster", "webmaster", "noreply", "donotreply",
        "sales", "billing", "accounts", "accounting", "finance", "hr", "jobs", "careers",
        "recruiting", "office", "reception", "frontdesk", "security", "soc", "noc", "privacy",
        "legal", "compliance", "marketing", "press", "media", "team", "hello", "enquiries",
        "enquiry", "inquiries", "inquiry", "orders", "procurement", "purchasing", "invoices",
        "invoice", "operations", "ops", "alerts", "alert", "notifications", "notification", "mail",
        "mailbox", "abuse", "general", "feedback", "customerservice", "customer", "care",
        "itsupport", "helpline", "hotline", "licensing", "azure", "m365", "o365", "teams", "cloud",
        "devops", "backup", "monitoring", "sysadmin", "network", "infra", "infrastructure", "dpo",
        "gdpr", "staff", "all", "everyone", "news", "events", "training", "project", "projects",
        "pmo",
    }
)  # fmt: skip
# "git@github.com:contoso/app.git", "ssh -i key.pem azureuser@vm01...",
# "https://contoso@dev.azure.com/": logins to a host, not e-mail addresses. The command's
# options only, and a path after the colon: "SSH access for susie@contoso.com" and
# "susie@contoso.com:Owner" are her address.
_LOGIN_BEFORE = re.compile(
    r"(?:://|\b(?:ssh|scp|sftp|rsync|mosh)\s+(?:-\S+\s+(?:[^\s@-]\S*\s+)?)*)$", re.I
)
_LOGIN_AFTER = re.compile(r"^:(?:[~/]|[\w.-]+/)")


@dataclass(frozen=True)
class Address:
    local: str
    domain: str
    location: str
    excerpt: str

    @property
    def masked(self) -> str:
        return f"{mask(self.local)}@{self.domain}"


def blurred(local: str) -> bool:
    """Return whether an address's local part has been hidden ("s****", "[redacted]", "xxxx")."""
    if local[:1] in "[(<" or _REDACTED.search(local):
        return True
    if any(ch in _MASK_SYMBOLS for ch in local):
        return True
    letters = [ch for ch in local if ch.isalnum()]
    if not letters:
        return True
    # Only x's between separators ("xxxxx.xxxxx", "x.xxxx"): nothing of the name is left.
    if all(ch in "xX._-" for ch in local):
        return True
    # A first letter and a fill of three or more: "sxxxx", "s.....", not "sam" or "x.chen".
    return len(local) >= 4 and all(ch in _MASK_FILL for ch in local[1:])


def is_role_mailbox(local: str) -> bool:
    """Whether ``local`` names a function, not a person ("info", "it-helpdesk", "no-reply")."""
    words = [w for w in re.split(r"[._+-]+", local.casefold()) if w and not w.isdigit()]
    return bool(words) and ("".join(words) in _ROLE_WORDS or all(w in _ROLE_WORDS for w in words))


def not_an_address(text: str, match: re.Match[str]) -> bool:
    """Whether a match is no one's e-mail: a login to a host, an example, a placeholder."""
    domain = match.group("domain").lower()
    return bool(
        _RESERVED_DOMAIN.search(domain)
        or match.group("local").casefold() in _PLACEHOLDERS
        or _LOGIN_BEFORE.search(text[: match.start()])
        or _LOGIN_AFTER.match(text[match.end() :])
    )


def is_file_name(domain: str) -> bool:
    """Return whether an address's "domain" is a file name ("logo@2x.png")."""
    return domain.rsplit(".", 1)[-1].lower() in _FILE_EXTENSIONS


def mask(local: str) -> str:
    """Hide most of a local part for messages: "susie.jones" -> "s****s"."""
    if len(local) <= 3:
        return local[0] + "***"
    return local[0] + "****" + local[-1]


def mask_all(text: str) -> str:
    """Return ``text`` with every readable address's local part masked."""

    def hide(match: re.Match[str]) -> str:
        local = match.group("local")
        if blurred(local) or is_file_name(match.group("domain")):
            return match.group(0)
        return f"{mask(local)}@{match.group('domain')}"

    return _EMAIL.sub(hide, text)


def find_addresses(document: DocumentView) -> tuple[list[Address], list[Address]]:
    """Return the readable and the blurred e-mail addresses of ``document``."""
    readable, hidden = [], []
    links = document.links
    spelled_out = _spelled_out(document.text)
    if not spelled_out and not links and not _has_at(document.text):
        return readable, hidden
    # The pattern needs an at sign; scanning long text for it char by char is slow, and so
    # is a regular expression per cell of a workbook: ``in`` finds it. The addresses behind
    # mailto: links come last: anyone who hovers over "Email Jane" reads hers.
    for segment in chain(document.segments, links):
        segment_text = segment.text
        if spelled_out and _spelled_out(segment_text):
            segment_text = _with_symbols(segment_text)
        elif not _has_at(segment_text):
            continue
        for match in _EMAIL.finditer(segment_text):
            local, domain = match.group("local"), match.group("domain").lower()
            local = local.lstrip(".-'")
            if not local or is_file_name(domain) or not_an_address(segment_text, match):
                continue
            text = " ".join(segment_text.split())
            start = text.find(match.group(0).strip())
            left = max(0, start - 50)
            excerpt = mask_all(text[left : start + len(match.group(0)) + 50])
            address = Address(local, domain, segment.location, ("…" if left else "") + excerpt)
            (hidden if blurred(local) else readable).append(address)
    return readable, hidden


def _label(organisation: str) -> str:
    """The name an organisation registers its domain under: "friday-inc" in friday-inc.co.uk."""
    return organisation.split(".")[0].replace("-", "")


def _partner_labels(name: str, partner_org: str | None) -> set[str]:
    """The labels of the partner's domains: its contact's, and its own name written whole."""
    labels = {_label(partner_org) if partner_org else "", normalise_company(name).replace(" ", "")}
    # "FridayINC" as written: "friday" alone, or "abc", is anybody's.
    return {label for label in labels if len(label) >= 4}


def _under(domain: str, parent: str | None) -> bool:
    return bool(parent) and (domain == parent or domain.endswith("." + parent))


class PiiVisible(Check):
    id = "pii-visible"
    version = "10"
    title = "Customer e-mail addresses blurred"
    description = (
        "Customer e-mail addresses in POE documents should be blurred, keeping the domain "
        "visible (s****@contoso.com). Readable addresses of the customer or of anyone else "
        "outside the partner are flagged for the reviewer, and so are the addresses behind "
        'mailto: links ("Email Jane", a blurred address linking to the real one); partner and '
        "Microsoft addresses, and shared mailboxes naming no one (info@, support@), are not."
    )
    severity = Severity.ADVISORY
    reads_matches = False

    def run(self, claim: ClaimView, context: CheckContext) -> list[Result]:
        partner_domain = email_domain(claim.partner.contact_email)
        partner_org = organisation_domain(partner_domain) if partner_domain else None
        # A partner contact on gmail.com does not make every gmail.com address the partner's:
        # only the contact's own address is.
        partner_address = (claim.partner.contact_email or "").strip().lower()
        if is_free_mail(partner_domain):
            partner_org = None
        customer_domains = {
            d
            for d in (
                clean_domain(claim.customer.id) if claim.customer.id_type == "domain" else None,
                email_domain(claim.customer.contact_email),
            )
            if d
        }
        customer_orgs = {organisation_domain(d) for d in customer_domains}
        partner_names = _partner_labels(claim.partner.name, partner_org)
        flagged: list[tuple[DocumentView, Address, bool]] = []
        hidden_count = 0
        shared: set[str] = set()
        results: list[Result] = []
        for document in claim.poe_documents:
            if not document.readable:
                results.append(
                    Result.unreadable(
                        document, f"Could not look for e-mail addresses in {document.file_name}"
                    )
                )
                continue
            readable, hidden = find_addresses(document)
            hidden_count += len(hidden)
            for address in readable:
                org = organisation_domain(address.domain)
                own = f"{address.local}@{address.domain}".lower() == partner_address
                if (
                    own
                    or _under(address.domain, partner_org)
                    or any(_under(address.domain, v) for v in VENDOR_DOMAINS)
                    # The partner's site in another country: fridayinc.co.uk for fridayinc.com.
                    or (org not in customer_orgs and _label(org) in partner_names)
                ):
                    continue
                if is_role_mailbox(address.local):  # info@, support@: not a person's
                    shared.add(f"{address.local}@{address.domain}".lower())
                    continue
                flagged.append((document, address, org in customer_orgs))
        if flagged:
            # One piece of evidence per address and document; each address named once.
            seen: dict[tuple[str, str, str], tuple[DocumentView, Address, bool]] = {}
            for document, address, is_customer in flagged:
                key = (document.file_name, address.local.lower(), address.domain)
                seen.setdefault(key, (document, address, is_customer))
            shown = list(seen.values())
            distinct = {(a.local.lower(), a.domain): (a, c) for _, a, c in shown}
            customers = [a.masked for a, c in distinct.values() if c]
            wrong_way = [a for a, c in distinct.values() if _MASKED_DOMAIN.search(a.domain)]
            others = [
                a.masked
                for a, c in distinct.values()
                if not c and not _MASKED_DOMAIN.search(a.domain)
            ]
            parts = []
            if customers:
                parts.append(f"{len(customers)} customer address(es) ({_list(customers)})")
            if wrong_way:
                shown_names = _list([a.masked for a in wrong_way])
                parts.append(
                    f"{len(wrong_way)} address(es) whose domain is blurred but whose name is "
                    f"not ({shown_names})"
                )
            if others:
                parts.append(
                    f"{len(others)} other address(es) outside the partner ({_list(others)})"
                )
            documents = sorted({d.file_name for d, _, _ in shown})
            results.insert(
                0,
                Result.warning(
                    f"Readable e-mail addresses in {', '.join(documents)}: {' and '.join(parts)}. "
                    "Customer addresses should be blurred, keeping the domain visible "
                    "(e.g. s****@contoso.com).",
                    evidence=[
                        Evidence(d.file_name, a.location, a.excerpt) for d, a, _ in shown
                    ],
                ),
            )  # fmt: skip
        elif not results:
            notes = [f"{hidden_count} blurred address(es) found"] if hidden_count else []
            if shared:  # naming no one, they can be named
                notes.append(
                    f"{len(shared)} shared mailbox(es) left readable: {_list(sorted(shared))}"
                )
            note = f" ({'; '.join(notes)})" if notes else ""
            results.append(
                Result.passed(
                    f"No readable customer e-mail addresses in the {len(claim.poe_documents)} "
                    f"POE document(s){note}."
                )
            )
        return results

    examples = (
        ExampleCase("no e-mail addresses", lambda c: c.view(), Status.PASS),
        ExampleCase(
            "attendee list with a readable customer address",
            lambda c: c.view(
                documents=[
                    xlsx_document(
                        "attendees.xlsx",
                        [
                            ["Name", "Title", "E-mail"],
                            ["Susie Jones", "IT Systems Administrator", "susie.jones@contoso.com"],
                        ],
                    )
                ]
            ),
            Status.WARN,
        ),
        ExampleCase(
            "blurred customer address",
            lambda c: c.view(
                documents=[
                    docx_document("report.docx", ["Contact: Susie Jones, s****@contoso.com"])
                ]
            ),
            Status.PASS,
        ),
    )


def _list(items: list[str], limit: int = 5) -> str:
    more = f" and {len(items) - limit} more" if len(items) > limit else ""
    return ", ".join(items[:limit]) + more
