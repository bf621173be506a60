"""The invoice's pre-tax amount, in USD, is the payout the claim earns."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

from checks._invoice import (
    CENT,
    Amount,
    InvoiceReading,
    format_money,
    includes_tax,
    read_invoice,
    unreadable_invoice,
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


class InvoiceAmount(Check):
    id = "invoice-amount"
    version = "14"
    title = "Invoice amount is the payout, before tax, in USD"
    description = (
        "The invoice's pre-tax amount is in USD and equals the payout: the engagement's rate for "
        "the partner's market (fixed payout) or the claim's proposed payout (variable payout). "
        "A total that includes VAT is not the pre-tax amount (in a Net | VAT | Gross table, the "
        "net column is); a subtotal less the discount listed under it is, and so is a subtotal "
        "plus the charges listed after it and billed in the total, and an amount due plus the "
        "tax the payer withholds; section subtotals add up, less a discount listed under "
        "them, and the instalments of a payment "
        "schedule or a line item are not the total they are part of; with no total, the item "
        "lines add up to the invoice's amount, and one line equal to the payout warns. A "
        "subtotal whose total is not it plus the tax listed warns, and "
        "so does an amount labelled as including tax when no tax amount is listed and nothing "
        "says no tax is charged. An invoice in another currency fails; a bare $ on an invoice "
        "with GST, an ABN or an Australian address is not shown to be USD and warns. On a "
        "spreadsheet, an amount belongs to the column its cell is in, blank cells or not, and "
        "a Currency column gives the currency of its row's amounts, not of the quantity "
        "beside it."
    )
    severity = Severity.BLOCKING
    reads_matches = False

    def run(self, claim: ClaimView, context: CheckContext) -> list[Result]:
        if not claim.invoices:
            return [Result.skipped("No invoice uploaded (the completeness check reports it).")]
        expected = claim.expected_payout_usd
        if expected is None:
            if claim.engagement.payout_type == "variable":
                reason = "the claim has no proposed payout"
            else:
                reason = f"the engagement has no rate for market {claim.partner.market}"
            return [Result.error(f"Cannot tell what the invoice should show: {reason}.")]
        basis = _Basis(claim, expected)
        return [_check_invoice(document, expected, basis) for document in claim.invoices]

    examples = (
        ExampleCase(
            "subtotal is the market rate, total adds VAT",
            lambda claims: _example(
                claims,
                [
                    ["Subtotal", "$5,000.00 USD"],
                    ["VAT 20%", "$1,000.00 USD"],
                    ["Total", "$6,000.00 USD"],
                ],
            ),
            Status.PASS,
        ),
        ExampleCase(
            "amount is another market's rate",
            lambda claims: _example(
                claims, [["Subtotal (pre-tax)", "$4,000.00 USD"], ["Total due", "$4,000.00 USD"]]
            ),
            Status.FAIL,
        ),
        ExampleCase(
            "invoice in euros",
            lambda claims: _example(
                claims, [["Total HT", "5 000,00 EUR"], ["Total TTC", "5 000,00 EUR"]]
            ),
            Status.FAIL,
        ),
        ExampleCase(
            "total including VAT is the market rate",
            lambda claims: _example(
                claims,
                [["Net amount", "$4,166.67"], ["VAT 20%", "$833.33"], ["Total", "$5,000.00"]],
            ),
            Status.FAIL,
        ),
        ExampleCase(
            "variable payout: the proposed payout",
            lambda claims: _example(
                claims,
                [["Envisioning workshop, 10 hours", "$1,630.00 USD"], ["Total", "$1,630.00 USD"]],
                engagement_id="pre-sales-variable-envisioning-workshop",
                requested_hours=10,
                proposed_payout_usd=1630,
            ),
            Status.PASS,
        ),
    )


def _example(claims, rows, **fields):
    from workbench.testing import docx_document

    invoice = docx_document(
        "invoice.docx",
        ["INVOICE INV-2026-001", "Claim ID: 3000001", "FridayINC Inc."],
        table=[["Description", "Amount"], *rows],
        kind="invoice",
    )
    report = docx_document("report.docx", ["Workshop report for Contoso Ltd"])
    return claims.view(documents=[invoice, report], **fields)


def _usd(value: Decimal) -> str:
    return f"${value.quantize(CENT, rounding=ROUND_HALF_UP):,.2f}"


class _Basis:
    """What the invoice is compared with, for messages: "the market A rate for this engagement"."""

    def __init__(self, claim: ClaimView, expected: Decimal) -> None:
        if claim.engagement.payout_type == "variable":
            self.name = "the proposed payout for this claim"
        else:
            self.name = f"the market {claim.partner.market} rate for this engagement"
        self.expected = _usd(expected)

    def __str__(self) -> str:
        return f"{self.name} is {self.expected}"


def _evidence(document: DocumentView, *amounts: Amount) -> list[Evidence]:
    seen, evidence = set(), []
    for amount in amounts:
        key = (amount.location, amount.excerpt)
        if key not in seen:
            seen.add(key)
            evidence.append(Evidence(document.file_name, amount.location, amount.excerpt))
    return evidence


def _line_label(amount: Amount) -> str:
    """The words on an unlabelled amount's line: "Travel & expenses" for a line item."""
    return " ".join(amount.excerpt.replace(amount.raw, " ").split()).strip(" :|-–")


def _quoted(label: str) -> str:
    return f' ("{label}")' if label else ""


def _is_usd(amount: Amount) -> bool:
    return amount.stated_currency == "USD"


def _check_invoice(document: DocumentView, expected: Decimal, basis: _Basis) -> Result:
    name = document.file_name
    refused = unreadable_invoice(document, f"check its amount ({basis})")
    if refused is not None:
        return refused
    reading = read_invoice(document.segments)
    expected = expected.quantize(CENT, rounding=ROUND_HALF_UP)
    candidates, how = _pretax_candidates(reading)
    if not candidates:
        return Result.failed(
            f"No amount found on the invoice {name}; it must show the pre-tax amount in USD ({basis})."
        )
    usd = [c for c in candidates if _is_usd(c.amount)]
    matching = [c for c in usd if c.value == expected]
    confirmed = [c for c in matching if not c.doubt]
    if confirmed:
        return _passed(document, reading, confirmed[-1], how, basis)
    if matching:
        shown = matching[-1]
        return Result.warning(
            f"Invoice shows {shown.describe()}; {basis}, but {shown.doubt} and the invoice lists "
            "no tax amount, so it is not shown to be the pre-tax amount: confirm the amount "
            "before tax.",
            _evidence(document, *shown.cited),
        )
    part = _item_equal_to(usd, expected)
    if part is not None:
        shown, item = part
        return Result.warning(
            f"Invoice shows {shown.describe()}; {basis}. One of its lines, {item.display()}"
            f"{_quoted(_line_label(item))}, is that amount, but nothing shows it is the invoice's "
            "amount: confirm the amount invoiced before tax.",
            _evidence(document, *shown.cited),
        )
    unstated = [c for c in candidates if c.amount.stated_currency is None]
    foreign = [c for c in candidates if c.amount.stated_currency not in (None, "USD")]
    if not usd and foreign:
        shown = foreign[-1]
        currency = shown.amount.currency
        return Result.failed(
            f"Invoice shows {shown.describe()}: the invoice is in {currency}; invoices must be in "
            f"USD ({basis}).",
            _evidence(document, *shown.cited),
        )
    if not usd and unstated:
        shown = next((c for c in reversed(unstated) if c.value == expected), unstated[-1])
        if shown.value == expected:
            return Result.warning(
                f"Invoice shows {shown.describe()}; {basis}, but the invoice does not say which "
                f"currency it is in{_dollar_doubt_note(reading)}, and invoices must be in USD: confirm it.",
                _evidence(document, *shown.cited),
            )
        return Result.failed(
            f"Invoice shows {shown.describe()}; {basis}.", _evidence(document, *shown.cited)
        )
    shown = usd[-1] if usd else candidates[-1]
    message = f"Invoice shows {shown.describe()}; {basis}"
    including_tax = [t for t in reading.totals if _is_usd(t) and t.cents == expected]
    if how == "labelled" and including_tax and reading.taxes:
        message += (
            f" (the total including tax, {including_tax[-1].display()}, is not the pre-tax amount)"
        )
        return Result.failed(message + ".", _evidence(document, *shown.cited, including_tax[-1]))
    return Result.failed(message + ".", _evidence(document, *shown.cited))


def _item_equal_to(
    candidates: list[_Candidate], expected: Decimal
) -> tuple[_Candidate, Amount] | None:
    """An item line equal to the payout on an invoice whose item lines add up to more.

    With no total written, the sum of the lines is what the invoice bills; the one line
    that is the payout may still be what the partner meant (the other an expense, a note),
    so the reviewer decides. The net column of a Net | VAT | Gross table is not doubted.
    """
    for candidate in reversed(candidates):
        if candidate.items[0:1] and candidate.items[0].column != "pretax":
            for item in candidate.items:
                if item.cents == expected:
                    return candidate, item
    return None


def _dollar_doubt_note(reading: InvoiceReading) -> str:
    """Why the invoice's bare "$" may not be US dollars, for the message, or ""."""
    if not reading.dollar_doubt:
        return ""
    return (
        f' ("$" alone, and it shows "{reading.dollar_doubt}": that may be another '
        "country's dollar)"
    )


class _Candidate:
    """A pre-tax amount the invoice shows, and the lines that show it."""

    def __init__(self, amount: Amount, value: Decimal | None = None, total: Amount | None = None,
                 tax: Decimal | None = None, taxes: tuple[Amount, ...] = (),
                 parts: tuple[Amount, ...] = (), less: tuple[Amount, ...] = (),
                 plus: tuple[Amount, ...] = (), doubt: str = "",
                 items: tuple[Amount, ...] = ()) -> None:  # fmt: skip
        self.amount = amount
        self.items = items  # the net amounts of a Net | VAT | Gross table's item rows
        self.parts = parts  # the section subtotals a total adds up
        self.less = less  # the discounts taken off a subtotal, or the tax withheld from a total
        self.plus = plus  # the charges listed after a subtotal and added to it in the total
        self.doubt = doubt  # why the amount may include tax, when nothing says it does not
        self.value = (amount.value if value is None else value).quantize(
            CENT, rounding=ROUND_HALF_UP
        )
        self.total = total
        self.tax = tax
        self.taxes = taxes

    @property
    def cited(self) -> tuple[Amount, ...]:
        if self.items:
            return self.items
        if self.less and self.parts:
            total = (self.total,) if self.total is not None else ()
            return (*self.parts, *self.less, *self.taxes, *total)
        if self.less:
            return (self.amount, *self.less)
        if self.plus:
            return (self.amount, *self.plus, *((self.total,) if self.total else ()))
        if self.parts:
            return (self.amount, *self.parts, *self.taxes)
        return (self.amount, *self.taxes) if self.total is not None else (self.amount,)

    def describe(self) -> str:
        currency = self.amount.stated_currency
        if self.less:
            what = " and ".join(
                f"{'a discount' if a.kind == 'discount' else 'tax withheld'} of "
                f"{format_money(abs(a.value), currency)}{_quoted(a.label)}"
                for a in self.less
            )
            change = "less" if self.less[0].kind == "discount" else "with"
            whole = (
                f"subtotals {' + '.join(a.display() for a in self.parts)}"
                if self.parts
                else f"{self.amount.display()}{_quoted(self.amount.label)}"
            )
            described = (
                f"{whole} {change} {what}, so a pre-tax amount of "
                f"{format_money(self.value, currency)}"
            )
            if self.parts and self.total is not None:
                described += f" (the total, {self.total.display()}, adds " + (
                    f"{format_money(self.tax, currency)} tax)" if self.tax else "no tax)"
                )
            return described
        if self.plus:
            what = " and ".join(
                f"{format_money(a.value, currency)}{_quoted(_line_label(a))}" for a in self.plus
            )
            return (
                f"{self.amount.display()}{_quoted(self.amount.label)} plus {what} charged after "
                f"it, so a pre-tax amount of {format_money(self.value, currency)}"
            )
        if self.total is not None and self.tax:
            sections = (
                f" (subtotals {' + '.join(a.display() for a in self.parts)})" if self.parts else ""
            )
            return (
                f"a total of {self.total.display()} including {format_money(self.tax, currency)} tax, "
                f"so a pre-tax amount of {format_money(self.value, currency)}{sections}"
            )
        if len(self.items) > 1:
            net = " net" if self.items[0].column == "pretax" else ""
            return (
                f"no total, and item lines whose{net} amounts "
                f"({' + '.join(a.display() for a in self.items)}) add up to "
                f"{format_money(self.value, currency)} before tax"
            )
        if self.parts:
            return (
                f"a total of {self.amount.display()}{_quoted(self.amount.label)}, the sum of its "
                f"subtotals ({' + '.join(a.display() for a in self.parts)}) and no tax listed"
            )
        return f"{format_money(self.value, currency)}{_quoted(self.amount.label)}"


def _pretax_candidates(reading: InvoiceReading) -> tuple[list[_Candidate], str]:
    """The amounts that may be the invoice's pre-tax amount, and how they were found.

    A labelled pre-tax amount ("Subtotal", "Total HT") comes first; failing that a total
    less the tax it lists; failing that, amounts without a label.
    """
    if reading.pretax:
        sections = _sections_total(reading)
        # A discount under section subtotals comes off their sum, not off the last section.
        taken = {id(d) for c in sections for d in c.less}
        subtotals = [c for c in _subtotals(reading) if not any(id(d) in taken for d in c.less)]
        return subtotals + sections, "labelled"
    if reading.totals:
        candidates = _withheld(reading)
        for total in _not_instalments(reading):
            taxes = tuple(
                t
                for t in reading.taxes
                if t.currency == total.currency and t.value and abs(t.value) < abs(total.value)
            )
            tax = sum((t.value for t in taxes), Decimal(0))
            if tax:
                candidates.append(_Candidate(total, total.value - tax, total, tax, taxes))
            else:
                candidates.append(_Candidate(total, doubt=_tax_included(reading, total)))
        return candidates, "total"
    unlabelled = [a for a in reading.amounts if a.kind is None and a.value > 0]
    # Item rows under a Net | VAT | Gross header and no totals row: the net column adds up to
    # the amount before tax; the tax and gross columns are no pre-tax amount.
    net = tuple(a for a in unlabelled if a.column == "pretax")
    if net and len({a.currency for a in net}) == 1:
        total = sum((a.value for a in net), Decimal(0))
        return [_Candidate(net[0], total, items=net)], "unlabelled"
    total = _unlabelled_total(unlabelled)
    if total is not None:
        return [_Candidate(total)], "unlabelled"
    return _items_without_total(unlabelled), "unlabelled"


def _unlabelled_total(amounts: list[Amount]) -> Amount | None:
    """The last of ``amounts`` when it adds up all those before it: a total with no label.

    "Consulting $15,000.00 / Travel $2,000.00 / $17,000.00": the invoice's amount is the
    sum, not a line item that happens to equal the rate.
    """
    if len(amounts) < 3 or len({a.currency for a in amounts}) != 1:
        return None
    *items, last = amounts
    return last if sum((a.cents for a in items), Decimal(0)) == last.cents else None


def _items_without_total(amounts: list[Amount]) -> list[_Candidate]:
    """What unlabelled amounts say the invoice is for, in each currency.

    Several item lines and no total ("Assessment $5,000.00 / Migration $10,000.00"): the
    invoice's amount is their sum, not a line that happens to equal the rate. A line's
    amount is the last on it (a unit price comes before it). A line that adds up the lines
    just above it is a total without a label; with one line only, its amounts stay as
    they are.
    """
    candidates: list[_Candidate] = []
    for currency in dict.fromkeys(a.currency for a in amounts):
        written = [a for a in amounts if a.currency == currency]
        lines = _line_amounts(written)
        if len(lines) < 2:
            candidates.extend(_Candidate(a) for a in written)
            continue
        totals = _running_totals(lines)
        if totals:
            candidates.extend(_Candidate(t) for t in totals)
            continue
        whole = sum((a.value for a in lines), Decimal(0))
        candidates.append(_Candidate(lines[-1], whole, items=tuple(lines)))
    return candidates


def _line_amounts(amounts: list[Amount]) -> list[Amount]:
    """The last amount of each line, in the order of the lines.

    Amounts of one line follow one another; the same line written again further down
    ("$7,500.00" at the top and as the total) is another line.
    """
    lines: list[Amount] = []
    previous = None
    for amount in amounts:
        line = (_row_of(amount.location), amount.excerpt)
        if line == previous:
            lines[-1] = amount
        else:
            lines.append(amount)
        previous = line
    return lines


def _row_of(location: str) -> str:
    """The row a location is in: "Sheet!A5 / Sheet!C5" -> "Sheet!5"; "page 1" stays."""
    return re.sub(r"![A-Z]{1,3}(?=\d)", "!", location.split(" / ")[-1])


def _running_totals(lines: list[Amount]) -> list[Amount]:
    """The line amounts that add up two or more of the lines just above them."""
    totals = []
    for position in range(2, len(lines)):
        run = Decimal(0)
        for start in range(position - 1, -1, -1):
            run += lines[start].cents
            if position - start >= 2 and run == lines[position].cents:
                totals.append(lines[position])
                break
    return totals


# A share of the total that a payment schedule asks for: "Deposit due on signing (50%)",
# "Balance due on completion", "Milestone 2 payment due".
_INSTALMENT = re.compile(
    r"(?i)\d\s*%|\b(?:deposit|down\s+payment|instal+ments?|advance|milestones?|upfront|retainer"
    r"|on\s+(?:signing|completion|delivery|acceptance)|first|second|final|remaining)\b"
)
# What was paid before this invoice and is taken off the balance: "Less: advance received".
_PAID_BEFORE = re.compile(
    r"(?i)\b(?:advances?|deposits?|pre-?payments?|paid|payments?\s+received|amounts?\s+received"
    r"|retainer)\b"
)


def _not_instalments(reading: InvoiceReading) -> list[Amount]:
    """The totals and amounts due, without the instalments of a payment schedule.

    An amount due that the schedule's words label and that is less than the invoice's
    total is a share of it, not the invoice's amount; so is a balance due that is the total
    less what was paid before ("Total 20,000 / Less: advance received -5,000 / Amount due
    15,000": the invoice's amount is 20,000).
    """
    totals = [t for t in reading.totals if t.kind == "total"]
    paid = [a for a in reading.amounts if a.value and _PAID_BEFORE.search(a.label or a.excerpt)]

    def instalment(amount: Amount) -> bool:
        if amount.kind != "due":
            return False
        larger = [t for t in totals if t.currency == amount.currency and t.value > amount.value]
        if not larger:
            return False
        if _INSTALMENT.search(amount.label):
            return True
        before = sum((abs(a.cents) for a in paid if a.currency == amount.currency), Decimal(0))
        return bool(before) and any(t.cents - before == amount.cents for t in larger)

    return [t for t in reading.totals if not instalment(t)]


def _tax_included(reading: InvoiceReading, total: Amount) -> str:
    """Why a total with no tax listed under it may include tax, or "" when nothing says so.

    "Total incl. VAT", "Total TTC", "ご請求金額（税込）" or a note that VAT is included
    name an amount after tax; unless the invoice says no tax is charged ("VAT: N/A",
    "Exempt", a tax of 0.00), it does not show the amount before tax.
    """
    if reading.tax_not_charged or any(t.value == 0 for t in reading.taxes):
        return ""
    if includes_tax(total.label):
        return "that amount is labelled as including tax"
    if reading.tax_included:
        return f'the invoice says tax is included ("{reading.tax_included}")'
    return ""


def _subtotals(reading: InvoiceReading) -> list[_Candidate]:
    """The labelled pre-tax amounts, each with what the invoice adds to it or takes off it.

    A subtotal with a discount under it is not itself the pre-tax amount: the price after
    the discount is. Charges listed after the subtotal and billed in the total are part of
    the pre-tax amount too.
    """
    found = []
    amounts = reading.amounts
    for position, subtotal in enumerate(amounts):
        if subtotal.kind != "pretax":
            continue
        after = _until_next_subtotal(amounts[position + 1 :])
        found.append(
            _discounted(subtotal, after) or _charged_on_top(subtotal, after) or _Candidate(subtotal)
        )
    return found


def _until_next_subtotal(amounts: tuple[Amount, ...]) -> tuple[Amount, ...]:
    for position, amount in enumerate(amounts):
        if amount.kind == "pretax":
            return amounts[:position]
    return amounts


def _discounted(subtotal: Amount, after: tuple[Amount, ...]) -> _Candidate | None:
    """A subtotal less the discounts listed under it ("Subtotal 16,000 / Discount -1,000").

    The pre-tax amount is the price after the discount; a discount listed before the
    subtotal is already in it.
    """
    discounts = tuple(
        a for a in after if a.kind == "discount" and a.value and a.currency == subtotal.currency
    )
    if not discounts:
        return None
    value = subtotal.value - sum((abs(d.value) for d in discounts), Decimal(0))
    return _Candidate(subtotal, value, less=discounts)


def _charged_on_top(subtotal: Amount, after: tuple[Amount, ...]) -> _Candidate | None:
    """A subtotal plus the charges listed after it, when the total says they are billed.

    "Subtotal 15,000 / Travel & expenses 1,200 / Total 16,200": the invoice's pre-tax
    amount is 16,200. The total less the tax listed must be the subtotal plus the
    charges; otherwise the unlabelled amounts are something else (a rate's base, a note).
    """
    charges, taxes = [], []
    for amount in after:
        if amount.currency != subtotal.currency:
            continue
        if amount.kind in ("total", "due"):
            if not charges:
                return None
            value = subtotal.value + sum((c.value for c in charges), Decimal(0))
            tax = sum((t.value for t in taxes), Decimal(0))
            if (amount.value - tax).quantize(CENT) != value.quantize(CENT):
                return None
            return _Candidate(subtotal, value, total=amount, plus=tuple(charges))
        if amount.kind is None:
            if amount.value > 0:
                charges.append(amount)  # "Shipping 0.00" charges nothing
        elif amount.kind == "tax":
            taxes.append(amount)
        else:
            return None  # a discount or tax withheld: not a sum of charges
    return None


def _withheld(reading: InvoiceReading) -> list[_Candidate]:
    """An amount due after the payer's withholding tax, with the withholding added back.

    "Withholding tax 2% 150.00 / Amount due 7,350.00": the invoice's pre-tax amount is
    7,500.00; withholding is a part of it paid to the tax authority, not a tax on top.
    """
    found = []
    for due in reading.of_kind("due"):
        withheld = tuple(
            w for w in reading.of_kind("withholding") if w.currency == due.currency and w.value
        )
        if withheld:
            value = due.value + sum((abs(w.value) for w in withheld), Decimal(0))
            found.append(_Candidate(due, value, less=withheld))
    return found


def _sections_total(reading: InvoiceReading) -> list[_Candidate]:
    """A total that is the sum of several section subtotals ("Subtotal Phase 1", "Phase 2").

    Each subtotal is then only part of the pre-tax amount; the total, when no tax is
    charged, is all of it.
    """
    found = []
    for currency in dict.fromkeys(a.currency for a in reading.pretax):
        parts = tuple(a for a in reading.pretax if a.currency == currency)
        if len(parts) < 2:
            continue
        whole = sum((a.cents for a in parts), Decimal(0))
        if whole in {a.cents for a in parts}:
            continue
        discounts = _discounts_after_sections(reading, parts)
        if discounts is not None:
            found.extend(_discounted_sections(reading, parts, discounts))
            continue
        taxes, tax = _taxes_in(reading, currency)
        totals = [t for t in reading.totals if t.currency == currency and t.cents == whole + tax]
        if not totals:
            continue
        if tax:  # "Phase 1 subtotal 7,500 / Phase 2 subtotal 7,500 / VAT 3,000 / Total 18,000"
            found.append(_Candidate(totals[-1], whole, totals[-1], tax, taxes, parts=parts))
        else:
            found.append(_Candidate(totals[-1], parts=parts))
    return found


def _taxes_in(reading: InvoiceReading, currency: str) -> tuple[tuple[Amount, ...], Decimal]:
    """The tax amounts the invoice lists in ``currency``, and their sum."""
    taxes = tuple(t for t in reading.taxes if t.currency == currency and t.value)
    return taxes, sum((t.cents for t in taxes), Decimal(0))


def _discounts_after_sections(
    reading: InvoiceReading, parts: tuple[Amount, ...]
) -> tuple[Amount, ...] | None:
    """The discounts listed under the last of the section subtotals ``parts``, or None.

    None when there are none, and when a discount stands between two sections: that one
    is taken off its section alone, and the sections no longer add up to the price.
    """
    amounts = reading.amounts
    first = next(i for i, a in enumerate(amounts) if a is parts[0])
    last = next(i for i, a in enumerate(amounts) if a is parts[-1])
    discounts = [
        (i, a)
        for i, a in enumerate(amounts)
        if i > first and a.kind == "discount" and a.value and a.currency == parts[0].currency
    ]
    if not discounts or any(i < last for i, _a in discounts):
        return None
    return tuple(a for _i, a in discounts)


def _discounted_sections(
    reading: InvoiceReading, parts: tuple[Amount, ...], discounts: tuple[Amount, ...]
) -> list[_Candidate]:
    """Section subtotals less the discount under them ("Phase 1 8,000 / Phase 2 4,000 /
    Discount -2,000": 10,000 before tax).

    A total, if the invoice writes one, must be that amount plus the tax listed; a
    subtotal written twice (the items table's and the summary's) is not two sections.
    """
    if len({a.excerpt for a in parts}) != len(parts):
        return []
    currency = parts[0].currency
    value = sum((a.cents for a in parts), Decimal(0)) - sum(
        (abs(d.cents) for d in discounts), Decimal(0)
    )
    totals = [t for t in reading.totals if t.currency == currency]
    if not totals:
        return [_Candidate(parts[-1], value, parts=parts, less=discounts)]
    taxes, tax = _taxes_in(reading, currency)
    consistent = [t for t in totals if t.cents == value + tax]
    if not consistent:
        return []
    total = consistent[-1]
    return [_Candidate(parts[-1], value, total, tax, taxes, parts=parts, less=discounts)]


def _passed(
    document: DocumentView, reading: InvoiceReading, match: _Candidate, how: str, basis: _Basis
) -> Result:
    amount = match.amount
    cited: list[Amount] = list(match.cited)
    same = f"the same as {basis.name} ({basis.expected})"
    if (how == "total" and match.tax) or match.parts or match.less or match.plus or match.items[1:]:
        return Result.passed(
            f"Invoice shows {match.describe()}, {same}.", _evidence(document, *cited)
        )
    label = _quoted(amount.label)
    message = f"Invoice shows {amount.display()} before tax{label}, {same}."
    if how == "labelled":
        totals = [t for t in reading.totals if t.currency == amount.currency and t.kind == "total"]
        taxes = [t for t in reading.taxes if t.currency == amount.currency and t.value]
        bigger = [t for t in totals if t.cents != match.value]
        # Tax the payer withholds comes off the total ("Retención IRPF -15 %").
        withholding = [w for w in reading.of_kind("withholding") if w.currency == amount.currency]
        withheld = sum((abs(w.cents) for w in withholding), Decimal(0))
        # With no tax listed (or a tax of 0.00) the total must be the subtotal itself.
        if bigger:
            possible = {match.value + t.cents for t in taxes} | {
                match.value + sum(t.cents for t in taxes)
            }
            plain = set(possible)
            possible |= {value - withheld for value in plain}
            consistent = [t for t in bigger if t.cents in possible]
            if consistent:
                total = consistent[-1]
                net_of_withholding = total.cents not in plain
                added = total.value - amount.value + (withheld if net_of_withholding else 0)
                message += f" The total of {total.display()} " + (
                    f"adds {format_money(added, amount.currency)} tax"
                    if taxes
                    else "is that amount"
                )
                cited.append(total)
                if net_of_withholding:
                    message += f" less {format_money(withheld, amount.currency)} withheld"
                    cited.extend(withholding)
                message += "."
            else:
                total = bigger[-1]
                listed = [t for t in reading.taxes if t.currency == amount.currency]
                cited.extend([*listed, total])
                shown = ", ".join(t.display() for t in listed)
                return Result.warning(
                    f"Invoice shows {amount.display()} before tax{label}, {same}; but its "
                    f"total, {total.display()}, is not that amount plus the tax it lists "
                    f"({shown or 'none'}): check the invoice's arithmetic.",
                    _evidence(document, *cited),
                )
    return Result.passed(message, _evidence(document, *cited))
