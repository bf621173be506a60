"""The invoice names the partner company that claims the incentive."""

from __future__ import annotations

import re
import unicodedata

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from checks._invoice import Line, lines_of, unreadable_invoice
from checks._parties import CJK_LEGAL_FORMS, LEGAL_SUFFIXES
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

# Two names are the same company when their compact forms are this similar (0-100) ...
SAME_NAME = 90
# ... and names shorter than this (compact) must match exactly: one letter matters there.
SHORT_NAME = 8

# Legal forms and filler words that say nothing about who a company is: the party checks'
# list, less the words that are part of a name here ("Smith & Jones", "Thames Group"), plus
# the Gulf forms (FZ, W.L.L., B.S.C., SPC, DMCC).
LEGAL_WORDS = (LEGAL_SUFFIXES - {"and", "et", "und", "group", "holding", "holdings"}) | {
    "fz", "fzc", "dmcc", "wll", "bsc", "spc",
}  # fmt: skip
# Words many companies share: a misspelling in one of these ("Servics") is a misreading; in
# any other word of the name ("Merlin" for Merlion, "Bluestone" for Bluestem) it may be
# another company.
GENERIC_WORDS = frozenset(
    ["services", "service", "solutions", "solution", "systems", "system", "consulting", "consultants", "consultancy", "technologies", "technology", "tech", "cloud", "digital", "data", "software", "group", "partners", "global", "international", "networks", "network", "computing", "computers", "analytics", "security", "advisory", "advisors", "management", "enterprises", "enterprise", "industries", "holdings", "ventures", "innovations", "innovation", "information", "infotech", "it", "labs", "conseil", "beratung", "tecnologia", "tecnologias", "informatique", "informatica", "sistemas", "servicios", "servizi", "soluzioni", "digitale", "and"]
)  # fmt: skip
# Letters OCR confuses beyond _OCR, tolerated once in a long distinctive word.
_OCR_PAIRS = frozenset(
    frozenset(pair) for pair in ("ce", "uv", "hb", "ft", "gq", "co", "ao", "nh", "ij")
)
LONG_WORD = 8
# Letters OCR confuses, mapped to one of each group.
_OCR = str.maketrans({"0": "o", "1": "l", "i": "l", "|": "l", "5": "s", "8": "b"})
# Words that mark a company name in running text.
_NAME_BEFORE_MARK = re.compile(
    r"(?:^|[:|>]\s*|\b(?:to|by|from|for)\s+)"
    r"(?P<name>[A-ZÀ-Þ0-9][\w&'’.,\- ]{1,60}?\s(?=\S)(?:Inc\.?|Incorporated|LLC|L\.L\.C\.|LLP|Ltd\.?|Limited|"
    r"PLC|GmbH|AG|S\.?A\.?S?|SARL|S\.r\.l\.|S\.p\.A\.|SRL|SpA|B\.?V\.?|N\.V\.|K\.K\.|Co\.,? Ltd\.?|Corp\.?|"
    r"Corporation|Pvt\.? Ltd\.?|Pty\.? Ltd\.?|Pte\.? Ltd\.?|Private Limited|Ltda\.?|FZ-LLC|FZE|Group))(?![\w])"
)


_PARTY_LABEL = (
    r"(?:customer|client|recipient|buyer|purchaser|attn|attention|destinataire|acheteur"
    r"|rechnungsempf[äa]nger|leistungsempf[äa]nger|empf[äa]nger|kunde|cliente|committente"
    r"|destinatario)\b(?:[\s-]*(?:name|details|information|info|address|company))?"
)
# Labels that introduce the invoice's recipient (its customer): a name after one, on the
# lines under one or in the table cells under one is not the issuer's.
_RECIPIENT_LABEL = re.compile(
    r"(?i)(?:\b(?:bill(?:ed)?|invoiced?|sold|ship(?:ped)?|deliver(?:ed)?|issued|addressed)[\s-]*to\b"
    r"|\bmade\s+out\s+to\b|\bprepared\s+for\b|\binvoiced?\s+for\s*[:：]"
    # "To" is a word of dates and prose ("from 1 Oct to 3 Oct"): a label only with its colon
    # or alone on its line, and "Pay to:" / "Remit to:" name the issuer, not the recipient.
    r"|(?<!pay\s)(?<!payable\s)(?<!remit\s)(?<!remittance\s)\bto\s*[:：]|^\s*to\s*$"
    r"|\b(?:factur[ée]e?s?|adress[ée]e?s?)\s+[àa]\b|\bdoit\s*[:：]|\b[àa]\s+l['’]attention\s+de\b"
    r"|\b(?:fatturare|fatturato|facturar|facturado)\s+a\b|\bspett(?:\.\s?le|abile)\b"
    # "An:" / "Para:" only open a line: elsewhere they are words ("1 an : 500 €").
    r"|\brechnung\s+an\b|^\s*(?:an|para)\s*[:：]"
    rf"|\b{_PARTY_LABEL}\s*[:：#]"
    # Without its colon, only alone on its line: "Thank you for being a valued customer" ends
    # in the word, and opens no block.
    rf"|^\s*{_PARTY_LABEL}\s*$)"
    r"|請求先|宛先"
)
# The Japanese honorific that follows the recipient's name ("株式会社ABC 御中").
_RECIPIENT_AFTER = re.compile(r"御中")
# Phrases naming the company the issuer works for: "subcontractor to X", "on behalf of X".
_PRINCIPAL = re.compile(
    r"(?i)\bsub-?contract(?:or|ed|ing)?\s+(?:to|for|of)\b|\bon\s+behalf\s+of\b"
    r"|\bfor\s+the\s+account\s+of\b|\bprime\s+(?:partner|contractor)\s*[:：]"
    r"|\bpour\s+le\s+compte\s+de\b|\bim\s+(?:auftrag|namen)\s+(?:von|der|des)\b"
)
# Labels that introduce the issuer: what follows them is not the recipient.
_ISSUER_LABEL = re.compile(
    r"(?i)\b(?:from|issued\s+by|prepared\s+by|bill(?:ed)?\s+from|sold\s+by|seller|supplier|vendor|provider|payee"
    r"|remit(?:tance)?\s+to|pay(?:able)?\s+to|fournisseur|[ée]metteur|vendeur|lieferant|verk[äa]ufer"
    # "Please remit payment to:", "Send payment to:", "Wire transfer to:": the payee is the issuer.
    r"|(?:payments?|transfers?|wires?|deposits?)\s+to"
    r"|rechnungssteller|fornitore|proveedor)\b|発行元|請求元"
)
# A "Key:" line that ends the block under a recipient label ("Invoice No.:", "Claim ID:").
_OTHER_FIELD = re.compile(
    r"^\s*(?!(?i:attn|attention|c/o|contact|address)\b)[^\W\d_][^:：]{0,30}[:：]"
)
# How many lines under a recipient label belong to the recipient's block.
BLOCK_LINES = 4
# The document's title ("INVOICE", "FridayINC - Invoice", "Tax Invoice INV-7"): no line of
# the recipient's address, so it ends the recipient's block. The title word opens the line
# or follows a separator, and ends it or comes before a separator or a number: "Invoice to",
# "Attn: Invoice processing" and "invoices@contoso.com" are not titles.
_TITLE_LINE = re.compile(
    r"(?i)(?:^|[-–—|·•]\s*)(?:(?:tax|sales|commercial|pro[\s-]?forma)\s+)?"
    r"(?:invoice|facture|rechnung|factura|fattura)"
    r"(?=\s*(?:$|[-–—|·•#]|(?:no\.?|nr\.?|n°)?\s*[\w/-]*\d))|請求書\s*$"
)
# Words of organisations' names: a name under a recipient label holding one ("Contoso
# Pharmaceuticals", "Northwind Health") is the recipient's even without a legal form, where a
# person's name ("Priya Kaur") or a line of an address has none. Words of an address ("City",
# "County") or of a department ("Finance", "Accounts") are left out.
ORGANISATION_WORDS = (GENERIC_WORDS - {"and", "it"}) | {
    "pharmaceuticals", "pharma", "pharmacy", "health", "healthcare", "hospital", "hospitals",
    "clinic", "medical", "bank", "banking", "insurance", "assurance", "university", "college",
    "school", "schools", "academy", "council", "municipality", "ministry", "agency", "authority",
    "foundation", "trust", "association", "institute", "energy", "utilities", "motors",
    "automotive", "airlines", "airways", "logistics", "transport", "foods", "retail", "stores",
    "manufacturing", "media", "telecom", "communications", "construction", "engineering",
    "properties", "investments", "traders", "trading", "chemicals", "mining", "hotels", "resorts",
    "restaurants", "brands", "products", "supplies", "distribution", "corporation",
}  # fmt: skip
# The name opening a line: letters and the punctuation of names, up to a digit, a colon or a
# comma ("Contoso Pharmaceuticals 3960 Howard Hughes Pkwy" -> "Contoso Pharmaceuticals").
_NAME_RUN = re.compile(r"[^\W\d_](?:[^\W\d_]|[&'’.\- ])*")


class NameWords(list[str]):
    """The words of a company name (``name_words``), and in ``forms`` the indexes of the
    words a legal form followed: "KPMG AG Wirtschaftsprüfungsgesellschaft" has one after
    its first word, so a line may too."""

    forms: frozenset[int] = frozenset()


def normalise_company(name: str) -> NameWords:
    """The words of a company name: no case, accents, punctuation or legal forms."""
    kept, forms = name_words(name)
    words = NameWords(kept)
    words.forms = forms
    return words


# The legal forms that say a company's name ends before them ("the" is only a filler word).
_FORMS = LEGAL_WORDS - {"the"}


def name_words(name: str) -> tuple[list[str], frozenset[int]]:
    """The words of ``name`` as normalise_company gives them, and the indexes of the words a
    legal form followed ("Friday, Inc., Las Vegas" -> ["friday", "las", "vegas"], {0})."""
    words = _all_words(name)
    kept: list[str] = []
    forms: set[int] = set()
    for word in words:
        if word not in LEGAL_WORDS:
            kept.append(word)
        elif kept and word in _FORMS:
            forms.add(len(kept) - 1)
    return (kept, frozenset(forms)) if kept else (words, frozenset())


# One legal form spelled two ways: "Incorporated" is "Inc", "Berhad" "Bhd"; a kabushiki
# kaisha (K.K.) writes itself "Co., Ltd." in English.
_SAME_FORM = {
    "incorporated": "inc", "limited": "ltd", "corporation": "corp", "company": "co",
    "private": "pvt", "berhad": "bhd", "kk": "ltd", "mbh": "gmbh",
}  # fmt: skip


def legal_forms(name: str, start: int = 0, stop: int | None = None) -> frozenset[str]:
    """The legal forms ``name`` writes after its words ``start`` to ``stop`` (indexes into
    ``name_words``), each in one spelling: "Friday Consulting, Inc." -> {"inc"}."""
    forms: set[str] = set()
    index = -1
    for word in _all_words(name):
        if word not in LEGAL_WORDS:
            index += 1
        elif word in _FORMS and start <= index and (stop is None or index < stop):
            forms.add(_SAME_FORM.get(word, word))
    return frozenset(forms)


def _another_form(own: frozenset[str], written: frozenset[str]) -> bool:
    """Whether a name is written with legal forms none of which is the partner's own: either
    left out says nothing ("FRIDAY CONSULTING" for Friday Consulting LLC is the partner)."""
    return bool(own) and bool(written) and own.isdisjoint(written)


def _all_words(name: str) -> list[str]:
    """The words of ``name``, legal forms included: no case, accents or punctuation."""
    text = unicodedata.normalize("NFKC", name)
    for form in CJK_LEGAL_FORMS:
        text = text.replace(form, " ")
    text = "".join(
        ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch)
    )
    text = text.casefold().replace("&", " and ")
    text = re.sub(r"(?<=\b\w)\.(?=\w\b)", "", text)  # "s.a." -> "sa", "k.k." -> "kk"
    text = re.sub(r"[.'’`]", "", text)
    return re.sub(r"[^\w]+", " ", text).split()


def _ocr(text: str) -> str:
    return text.translate(_OCR).replace("rn", "m").replace("vv", "w")


# Legal forms glued to the name ("FridayINC"), as _key sees them.
_GLUED = tuple(
    _ocr(s) for s in ("incorporated", "corporation", "limited", "gmbh", "corp", "inc", "ltd", "llc")
)


def _key(words: list[str]) -> str:
    """The compact form names are compared on: no spaces, OCR look-alikes merged."""
    text = _ocr("".join(words))
    for suffix in _GLUED:
        if text.endswith(suffix) and len(text) - len(suffix) >= 3:
            return text[: -len(suffix)]
    return text


def name_score(
    partner_words: list[str], line_words: list[str], forms: frozenset[int] = frozenset()
) -> tuple[float, int, int]:
    """How well some run of ``line_words`` spells the partner's name (0-100), and where.

    A run alike as a whole but differing in a distinctive word of the name scores below
    SAME_NAME: "Bluestone Consulting" is not Bluestem Consulting. A name with its legal form
    glued to it ("FridayINC") is spelled only with a legal form, glued or not ("FridayINC",
    "Friday, Inc."): its first word alone starts other names ("Friday Consulting LLC") and
    sentences ("Payment due Friday"). ``forms`` holds the indexes of the line's words a legal
    form followed (``name_words``). A legal form ends a name: no run spells the partner's
    name across one the partner's own name does not have there ("Friday Inc. Consulting
    services" names Friday Inc., not Friday Consulting LLC).
    """
    target = _key(partner_words)
    if not target or not line_words:
        return 0.0, 0, 0
    glued = target != _ocr("".join(partner_words))
    own_forms = getattr(partner_words, "forms", frozenset())
    best = (0.0, 0, 0)
    size = len(partner_words)
    for length in range(max(1, size - 1), size + 2):
        for start in range(0, len(line_words) - length + 1):
            words = line_words[start : start + length]
            window = _key(words)
            if not window:
                continue
            if glued and window == _ocr("".join(words)) and start + length - 1 not in forms:
                continue  # the stem of a glued name, without a legal form
            if forms and any(
                start <= i < start + length - 1 and i - start not in own_forms for i in forms
            ):
                continue  # one company's name, then the words after it
            if window == target:
                return 100.0, start, start + length
            if len(target) < SHORT_NAME:
                continue
            score = fuzz.ratio(target, window)
            if score >= SAME_NAME and not _words_close(partner_words, target, window):
                score = SAME_NAME - 1  # alike as a whole, but a distinctive word differs
            if score > best[0]:
                best = (score, start, start + length)
    return best


def _words_close(partner_words: list[str], target: str, window: str) -> bool:
    """Whether the differences between ``target`` (the partner's name) and ``window`` are
    misreadings: at most one edit in a generic word of five letters or more, at most one
    OCR confusion in a distinctive word of LONG_WORD letters or more, none elsewhere."""
    bounds, position = [], 0
    for word in partner_words:
        position += len(_ocr(word))
        bounds.append(position)
    edits: dict[int, list] = {}
    for op in Levenshtein.editops(target, window):
        at = op.src_pos - 1 if op.tag == "insert" and op.src_pos else op.src_pos
        word = next((i for i, end in enumerate(bounds) if at < end), len(bounds) - 1)
        edits.setdefault(word, []).append(op)
    for index, ops in edits.items():
        word = partner_words[index]
        if len(ops) > 1:
            return False
        if word in GENERIC_WORDS:
            if len(word) < 5:
                return False
            continue
        op = ops[0]
        if len(word) < LONG_WORD or op.tag != "replace":
            return False
        if frozenset((target[op.src_pos], window[op.dest_pos])) not in _OCR_PAIRS:
            return False
    return True


class InvoicePartnerName(Check):
    id = "invoice-partner-name"
    version = "8"
    title = "Invoice names the partner"
    description = (
        "The invoice names the partner company of the claim as its issuer. Case, accents, "
        "punctuation, legal forms (Inc, Ltd, GmbH, S.A., K.K. ...) and small misreadings are "
        "tolerated; another company's name is not (a name with its legal form glued to it, "
        "FridayINC, is not spelled by its first word alone: Friday Consulting LLC is another "
        "company; a legal form ends a name, so Friday Inc then Consulting services, on one line "
        "or two, is not Friday Consulting LLC), nor the partner named only as the recipient "
        "(after Bill to, To:, Prepared for, Customer, Doit, Facturé à, An:, Rechnungsempfänger, "
        "Facturar a, Spett.le, 請求先, before 御中 ...); the document's title line (FridayINC - "
        "Invoice) ends the recipient's block. A partner name set beside the "
        "recipient's block (a two-column header read as one line) counts as the issuer's when "
        "the recipient's own name stands under the label or beside the partner's: a company "
        "with its legal form, the claim's customer, Microsoft, or a name of organisation words "
        "(Contoso Pharmaceuticals, Northwind Health). The payee of a payment block (Remit "
        "to, Pay to, Send payment to, Wire transfer to ...) is the issuer. The partner's name "
        "under a legal form other than the partner's own (Friday Consulting, Inc. for Friday "
        "Consulting LLC) warns: it may be a sister company."
    )
    severity = Severity.BLOCKING
    reads_matches = False

    def run(self, claim: ClaimView, context: CheckContext) -> list[Result]:
        if not claim.invoices:
            return [Result.skipped("No invoice uploaded (the completeness check reports it).")]
        return [
            _check_invoice(document, claim.partner.name, claim.customer.name)
            for document in claim.invoices
        ]

    examples = (
        ExampleCase(
            "partner named with its legal form",
            lambda claims: _example(claims, "FRIDAYINC, Inc."),
            Status.PASS,
        ),
        ExampleCase(
            "invoice issued by another company",
            lambda claims: _example(claims, "Desert Stack Technologies LLC"),
            Status.FAIL,
        ),
    )


def _example(claims, issuer):
    from workbench.testing import docx_document, invoice_docx

    invoice = invoice_docx(
        [issuer, "INVOICE INV-2026-001", "Claim ID: 3000001", "Bill to: Microsoft Corporation"]
    )
    report = docx_document("report.docx", ["Workshop report for Contoso Ltd"])
    return claims.view(documents=[invoice, report])


def _cells(line: Line) -> list[tuple[str | int, str]]:
    """The cells of a row (keyed by column), or the line as one cell."""
    if line.cells:
        return [
            (re.sub(r"^.*!([A-Z]+)\d+$", r"\1", location), line.text[start:end])
            for start, end, location in line.cells
        ]
    return list(enumerate(line.text.split("\t")))


def _roles_in_cell(text: str) -> tuple[list[tuple[str, bool]], int]:
    """Split a cell into (text, names the recipient) parts, and how many lines below it
    belong to a recipient label it ends with (0 when it does not end with one)."""
    honorific = _RECIPIENT_AFTER.search(text)
    if honorific is not None:  # the name is before the honorific, not after it
        rest, block = _roles_in_cell(text[honorific.end() :])
        return [(text[: honorific.start()], True), *rest], block
    issuer = [(m.start(), m.end(), False, 0) for m in _ISSUER_LABEL.finditer(text)]
    marks = sorted(
        [
            (m.start(), m.end(), True, BLOCK_LINES)
            for m in _RECIPIENT_LABEL.finditer(text)
            # "payment to:" holds the recipients' "to:": the issuer's label wins.
            if not any(start < m.end() and m.start() < end for start, end, _r, _b in issuer)
        ]
        + [(m.start(), m.end(), True, 1) for m in _PRINCIPAL.finditer(text)]
        + issuer
    )
    if not marks:
        return [(text, False)], 0
    parts = [(text[: marks[0][0]], False)]
    for index, (_start, end, recipient, _block) in enumerate(marks):
        stop = marks[index + 1][0] if index + 1 < len(marks) else len(text)
        parts.append((text[end:stop], recipient))
    _start, end, recipient, block = marks[-1]
    ends_with_label = recipient and not re.search(r"[^\W_]", text[end:])
    mixed = any(not r for _s, _e, r, _b in marks)  # "From: ... Bill To:" side by side
    return parts, block if ends_with_label and not mixed else 0


def _roles(lines: list[Line]) -> list[list[tuple[str, bool]]]:
    """For each line, its parts and whether each names the invoice's recipient.

    The recipient is what follows a bill-to / invoice-to / sold-to / customer label (on the
    same line, on the lines under it or in the table cells under it) or a "subcontractor to"
    / "on behalf of" phrase.
    """
    roles = []
    pending: dict[str | int, int] = {}
    for line in lines:
        parts: list[tuple[str, bool]] = []
        below: dict[str | int, int] = {}
        after_label = False  # the cell to the left is a recipient label ("Bill to" | name)
        for key, text in _cells(line):
            left = pending.get(key, 0)
            field = (
                _OTHER_FIELD.match(text) or _ISSUER_LABEL.search(text) or _TITLE_LINE.search(text)
            )
            if (left or after_label) and not field:
                parts.append((text, True))
                if left > 1:
                    below[key] = left - 1
                after_label = False
                continue
            cell_parts, block = _roles_in_cell(text)
            parts.extend(cell_parts)
            if block:
                below[key] = block
            after_label = bool(block) and not re.search(r"[^\W_]", cell_parts[0][0])
        pending = below
        roles.append(parts)
    return roles


def _issuer_columns(
    lines: list[Line],
    roles: list[list[tuple[str, bool]]],
    partner_words: list[str],
    joined_columns: bool,
    recipients: list[list[str]],
) -> tuple[list[list[tuple[str, bool]]], set[int]]:
    """The roles with the partner's name given back to the issuer where the header sets the
    issuer's block beside the recipient's, and the indexes of the lines that changes.

    A PDF reader (``joined_columns``) joins the columns of a row into one line: "BILL TO" on
    the left and the issuer's "FridayINC Inc." on the right come out as "BILL TO FridayINC
    Inc.", and the recipient's name under the label as "Microsoft Corporation FridayINC
    Inc."; a table may set "Bill To:" and the issuer's name side by side in its first row.
    With the issuer on the left, a heading beside the label ("INVOICE Bill To:") leaves the
    partner's name opening the line under it ("FridayINC Inc. Contoso Pharmaceuticals").
    The partner's name is read as the issuer's column only when the document says so: the
    recipient's own name stands under the label or beside the partner's (``recipients``: the
    names the claim knows for it), and no other company is named as the issuer above it.
    """
    adjusted, beside = list(roles), set()
    for index, line in enumerate(lines):
        if _other_company_named(adjusted[index], partner_words):
            break  # the header already names another issuer: the partner is its customer
        below = lines[index + 1] if index + 1 < len(lines) else None
        above = lines[index - 1].text if index else ""
        if line.cells or "\t" in line.text:
            if _label_cell_beside_partner(line, below, partner_words, recipients):
                adjusted[index] = [(text, False) for _key, text in _cells(line)]
                beside.add(index)
        elif not joined_columns:
            continue
        elif _label_beside_partner(
            line.text, below.text if below else "", partner_words, recipients
        ):
            adjusted[index] = [(line.text, False)]
            beside.add(index)
        elif _lone_recipient_label(above):
            split = _company_beside_partner(line.text, partner_words, recipients)
            if split is not None:
                adjusted[index] = [(line.text[:split], True), (line.text[split:], False)]
                beside.add(index)
        elif _recipient_label_ends(above):
            split = _partner_beside_recipient(line.text, partner_words, recipients)
            if split is not None:
                adjusted[index] = [(line.text[:split], False), (line.text[split:], True)]
                beside.add(index)
    return adjusted, beside


def _label_cell_beside_partner(
    line: Line, below: Line | None, partner_words: list[str], recipients: list[list[str]]
) -> bool:
    """Whether a table row is a recipient label cell, then the partner's name in the next
    cell, with the recipient's name in the cell under the label."""
    cells = _cells(line)
    if len(cells) < 2 or below is None:
        return False
    (key, label), (_key, name) = cells[:2]
    if not _lone_recipient_label(label) or not _starts_with_name(name, partner_words):
        return False
    return _recipient_opens(dict(_cells(below)).get(key, ""), partner_words, recipients)


def _other_company_named(parts: list[tuple[str, bool]], partner_words: list[str]) -> bool:
    """Whether the parts outside the recipient's name a company that is not the partner."""
    return any(
        not _is_partner(match.group("name"), partner_words)
        for text, recipient in parts
        if not recipient
        for match in _NAME_BEFORE_MARK.finditer(text.strip())
    )


def _label_beside_partner(
    text: str, below: str, partner_words: list[str], recipients: list[list[str]]
) -> bool:
    """Whether ``text`` is a recipient label opening the line, then the partner's name in
    the other column, with the recipient's name opening the line below."""
    labels = list(_RECIPIENT_LABEL.finditer(text))
    if len(labels) != 1 or _ISSUER_LABEL.search(text) or _PRINCIPAL.search(text):
        return False
    label = labels[0]
    if re.search(r"[^\W_]", text[: label.start()]):
        return False  # text before the label: not the left column's heading
    if not _starts_with_name(text[label.end() :], partner_words):
        return False
    return _recipient_opens(below, partner_words, recipients)


def _lone_recipient_label(text: str) -> bool:
    """Whether ``text`` is one recipient label and nothing else ("Bill To:"): with two
    ("Bill To: Ship To:") the names under them are both the customer's."""
    labels = list(_RECIPIENT_LABEL.finditer(text))
    return (
        len(labels) == 1
        and not re.search(r"[^\W_]", text[: labels[0].start()] + text[labels[0].end() :])
        and not _ISSUER_LABEL.search(text)
    )


def _recipient_label_ends(text: str) -> bool:
    """Whether ``text`` ends with its one recipient label, after a heading of the other
    column ("INVOICE Bill To:"): the label heads the right column."""
    labels = list(_RECIPIENT_LABEL.finditer(text))
    return (
        len(labels) == 1
        and bool(re.search(r"[^\W_]", text[: labels[0].start()]))
        and not re.search(r"[^\W_]", text[labels[0].end() :])
        and not _ISSUER_LABEL.search(text)
        and not _PRINCIPAL.search(text)
    )


def _company_beside_partner(
    text: str, partner_words: list[str], recipients: list[list[str]]
) -> int | None:
    """Where the partner's name starts in ``text`` when the recipient's name opens the line
    and the partner's follows it at once."""
    for end in (m.start() for m in re.finditer(r"\s+", text)):
        if _recipient_opens(text[:end], partner_words, recipients) and _starts_with_name(
            text[end:], partner_words
        ):
            return end
    return None


def _partner_beside_recipient(
    text: str, partner_words: list[str], recipients: list[list[str]]
) -> int | None:
    """Where the recipient's name starts in ``text`` when the partner's whole name opens the
    line and the recipient's follows it at once; the longest such opening wins, so the
    partner's legal form stays with it ("FridayINC Inc." | "Contoso Pharmaceuticals")."""
    for end in reversed([m.start() for m in re.finditer(r"\s+", text)]):
        words, forms = name_words(text[:end])
        score, start, stop = name_score(partner_words, words, forms)
        if (
            score >= SAME_NAME
            and (start, stop) == (0, len(words))
            and _recipient_opens(text[end:], partner_words, recipients)
        ):
            return end
    return None


def _starts_with_name(text: str, names: list[str]) -> bool:
    """Whether ``text`` opens with the name of ``names`` (its normalised words)."""
    words, forms = name_words(text)
    score, start, _end = name_score(names, words[: len(names) + 1], forms)
    return score >= SAME_NAME and start == 0


def _recipient_opens(text: str, partner_words: list[str], recipients: list[list[str]]) -> bool:
    """Whether ``text`` opens with a recipient's name: another company's full name (with its
    legal form) or, without one, a name the claim knows for a recipient (``recipients``) or
    one made with an organisation's words ("Contoso Pharmaceuticals")."""
    if _other_company_opens(text, partner_words):
        return True
    run = _NAME_RUN.match(text.strip())
    if run is None or _starts_with_name(run[0], partner_words):
        return False
    return any(_starts_with_name(run[0], known) for known in recipients if known) or bool(
        ORGANISATION_WORDS.intersection(normalise_company(run[0]))
    )


def _known_recipients(customer: str) -> list[list[str]]:
    """The names an invoice's recipient goes by: the claim's customer, and Microsoft, which
    pays the incentive the invoice claims."""
    return [normalise_company(customer), ["microsoft"]] if customer else [["microsoft"]]


def _other_company_opens(text: str, partner_words: list[str]) -> bool:
    """Whether ``text`` opens with the full name of a company that is not the partner."""
    company = _NAME_BEFORE_MARK.match(text.strip())
    return company is not None and not _is_partner(company.group("name"), partner_words)


def _is_partner(name: str, partner_words: list[str]) -> bool:
    return name_score(partner_words, *name_words(name))[0] >= SAME_NAME


def _issuer(
    lines: list[Line], roles: list[list[tuple[str, bool]]], partner_words: list[str]
) -> tuple[str, Line] | None:
    """The first company named outside the recipient's parts that is not the partner."""
    free = [
        Line(line.location, "\t".join(t for t, recipient in parts if not recipient), line.original)
        for line, parts in zip(lines, roles, strict=True)
    ]
    for company, line in company_names(free):
        title = re.match(r"(?i)\W*(?:tax\s+)?(?:invoice|facture|rechnung|請求書)\b", company)
        if not title and not _is_partner(company, partner_words):
            return company, line
    return None


def _check_invoice(document: DocumentView, partner: str, customer: str = "") -> Result:
    name = document.file_name
    refused = unreadable_invoice(document, f"look for {partner}")
    if refused is not None:
        return refused
    lines = lines_of(document.segments)
    partner_words = normalise_company(partner)
    best: tuple[float, Line | None] = (0.0, None)
    roles = _roles(lines)
    # Only a PDF reader joins columns into one line; tables keep them in cells.
    roles, beside = _issuer_columns(
        lines, roles, partner_words, document.content_type == "pdf", _known_recipients(customer)
    )
    as_recipient: Line | None = None
    # The partner's name under another legal form than its own ("Friday Consulting, Inc."
    # for Friday Consulting LLC): likely the partner, but it may be a sister company.
    own_forms = legal_forms(partner)
    other_form: tuple[str, Line] | None = None
    for index, (line, parts) in enumerate(zip(lines, roles, strict=True)):
        for text, recipient in parts:
            score, start, end = name_score(partner_words, *name_words(text))
            if score >= SAME_NAME and recipient:
                as_recipient = as_recipient or line
            elif score >= SAME_NAME and _another_form(own_forms, legal_forms(text, start, end)):
                other_form = other_form or (" ".join(text.split())[:80], line)
            elif score >= SAME_NAME:
                how = "" if score == 100 else f" (a {score:.0f}% match)"
                if index in beside:
                    how += " in the column beside the recipient's block"
                said = f"The invoice names the partner {partner}{how}"
                return Result.passed(
                    said if said.endswith(".") else f"{said}.",  # "Fabrikam Kft." ends it
                    [Evidence(name, line.location, line.excerpt)],
                )
            if score > best[0]:
                best = (score, line)
    wrapped = _wrapped_name(lines, roles, partner_words)
    if wrapped is not None:
        first, second = wrapped
        return Result.passed(
            f"The invoice names the partner {partner} (on two lines).",
            [Evidence(name, first.location, f"{first.excerpt} / {second.excerpt}")],
        )
    if as_recipient is not None:
        # Billed to the partner by the same name under another form: a sister company.
        issuer = _issuer(lines, roles, partner_words) or other_form
        message = (
            f"The invoice does not name the partner {partner} as its issuer: it names it only as "
            f"the recipient (“{as_recipient.excerpt[:80]}”)"
        )
        evidence = [Evidence(name, as_recipient.location, as_recipient.excerpt)]
        if issuer is not None:
            message += f"; it is issued by {issuer[0]}"
            evidence.append(Evidence(name, issuer[1].location, issuer[1].excerpt))
        return Result.failed(message + ".", evidence)
    if other_form is not None:
        written, line = other_form
        return Result.warning(
            f"The invoice names the partner {partner} under another legal form "
            f"(“{written}”): a company of that name with another legal form may be another "
            "company, such as a sister company; confirm that the partner issued the invoice.",
            [Evidence(name, line.location, line.excerpt)],
        )
    seen = company_names(lines)
    message = f"The invoice does not name the partner {partner}"
    evidence = [Evidence(name, line.location, line.excerpt) for _company, line in seen[:5]]
    if seen:
        message += "; companies named on it: " + ", ".join(company for company, _line in seen[:6])
    if best[1] is not None and best[0] >= 75 and all(best[1] is not line for _c, line in seen[:5]):
        message += f"; closest text: “{best[1].excerpt[:80]}” ({best[0]:.0f}% alike)"
        evidence.append(Evidence(name, best[1].location, best[1].excerpt))
    return Result.failed(message + ".", evidence or [Evidence(name, "", "")])


def _wrapped_name(
    lines: list[Line], roles: list[list[tuple[str, bool]]], partner_words: list[str]
) -> tuple[Line, Line] | None:
    """Two lines that name the partner together: a name wrapped in a narrow header cell,
    alone on its lines ("Thames Digital" / "Partners Ltd") or in the left column of a
    header ("Thames Digital  INVOICE" / "Partners Ltd  Invoice No.: 42"). The recipient's
    parts do not count."""
    size = len(partner_words)
    for index in range(len(lines) - 1):
        first, second = roles[index], roles[index + 1]
        ends = [t for t, recipient in first if not recipient and t.strip()]
        starts = [t for t, recipient in second if not recipient and t.strip()]
        if not ends or not starts:
            continue
        tail, tail_forms = name_words(starts[0])
        tail = tail[:size]
        # The name's first words end the first line, or start it (a left column), with the
        # legal forms written after them: "Friday Inc" / "Consulting services" is Friday
        # Inc., then a line about its services.
        last, last_forms = name_words(ends[-1])
        heads = [(last[-size:], {i - max(0, len(last) - size) for i in last_forms})]
        if not first[0][1]:
            opening, opening_forms = name_words(first[0][0])
            heads += [(opening[:taken], opening_forms) for taken in range(1, size)]
        # Only runs that cross the line break count: either line alone was read already.
        for head, head_forms in heads:
            if not head or not tail:
                continue
            forms = {i for i in head_forms if 0 <= i < len(head)}
            forms |= {len(head) + i for i in tail_forms if i < len(tail)}
            score, start, stop = name_score(partner_words, head + tail, frozenset(forms))
            if score >= SAME_NAME and start < len(head) < stop:
                return lines[index], lines[index + 1]
    return None


def company_names(lines: list[Line]) -> list[tuple[str, Line]]:
    """Company-like names on the invoice (with a legal form), and the first line (the issuer)."""
    found: dict[str, tuple[str, Line]] = {}
    first = next((line for line in lines if re.search(r"[^\W\d_]{2}", line.text)), None)
    for line in lines:
        for cell in line.text.split("\t"):
            for match in _NAME_BEFORE_MARK.finditer(cell.strip()):
                company = " ".join(match.group("name").split()).strip(" ,")
                company = re.sub(
                    r"^(?:bill(?:ed)?\s+to|sold\s+by|customer|client|issued\s+by)\s*:?\s*",
                    "",
                    company,
                    flags=re.I,
                )
                key = " ".join(normalise_company(company))
                if key and key not in found:
                    found[key] = (company, line)
    names = list(found.values())
    if first is not None:
        issuer = " ".join(first.text.split())[:80]
        key = " ".join(normalise_company(issuer))
        if (
            key
            and key not in found
            and issuer.casefold() not in ("invoice", "facture", "rechnung", "請求書")
        ):
            names.insert(0, (issuer, first))
    return names
