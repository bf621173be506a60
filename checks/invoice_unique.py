"""The invoice belongs to this claim alone: the same invoice was not used on another claim."""

from __future__ import annotations

from checks._invoice import invoice_number
from workbench.check_api import (
    Check,
    CheckContext,
    ClaimView,
    DocumentMatch,
    DocumentView,
    Evidence,
    ExampleCase,
    Result,
    Segment,
    Severity,
    Status,
)

# Text this similar (0-1) to another claim's invoice is the same invoice with small edits
# (another date, another claim ID). Invoices a partner makes from one template for two
# different claims measured 0.58-0.81 on the sample claims.
SAME_INVOICE = 0.9


class InvoiceUnique(Check):
    id = "invoice-unique"
    version = "5"
    title = "Invoice not used on another claim"
    description = (
        "The claim's invoice is not also an invoice of another claim: neither the very same file "
        f"nor the same invoice with small edits (at least {SAME_INVOICE:.0%} the same text, "
        "and not another invoice number, however spaced: INV 001 is INV-001). The setting "
        "invoice_unique_similarity changes that threshold."
    )
    severity = Severity.BLOCKING

    def run(self, claim: ClaimView, context: CheckContext) -> list[Result]:
        if not claim.invoices:
            return [Result.skipped("No invoice uploaded (the completeness check reports it).")]
        threshold = float(context.settings.get("invoice_unique_similarity", SAME_INVOICE))
        return [_check_invoice(claim, document, threshold) for document in claim.invoices]

    examples = (
        ExampleCase("invoice used only here", lambda claims: _example(claims, []), Status.PASS),
        ExampleCase(
            "same invoice file on another claim",
            lambda claims: _example(
                claims, [DocumentMatch("3000042", "invoice.docx", "invoice", 1.0, True)]
            ),
            Status.FAIL,
        ),
        ExampleCase(
            "same invoice with the date changed",
            lambda claims: _example(
                claims, [DocumentMatch("3000042", "INV-001.pdf", "invoice", 0.96, False)]
            ),
            Status.FAIL,
        ),
        ExampleCase(
            "another invoice from the same template",
            lambda claims: _example(
                claims, [DocumentMatch("3000042", "INV-007.pdf", "invoice", 0.78, False)]
            ),
            Status.PASS,
        ),
        ExampleCase(
            "an invoice from the same template with long common terms, another number",
            lambda claims: _example(
                claims,
                [
                    DocumentMatch(
                        "3000042",
                        "INV-007.pdf",
                        "invoice",
                        0.97,
                        False,
                        segments=(Segment("page 1", "Invoice No.: INV-2026-007"),),
                    )
                ],
            ),
            Status.PASS,
        ),
        ExampleCase(
            "the same invoice number with the claim ID changed",
            lambda claims: _example(
                claims,
                [
                    DocumentMatch(
                        "3000042",
                        "INV-001.pdf",
                        "invoice",
                        0.93,
                        False,
                        segments=(Segment("page 1", "Invoice No.: INV/2026/001"),),
                    )
                ],
            ),
            Status.FAIL,
        ),
    )


def _example(claims, matches):
    from workbench.testing import docx_document

    invoice = docx_document(
        "invoice.docx",
        ["FridayINC Inc.", "Invoice No.: INV-2026-001", "Claim ID: 3000001"],
        table=[["Description", "Amount"], ["Enable Frontline Workshop", "$5,000.00 USD"]],
        kind="invoice",
    )
    report = docx_document("report.docx", ["Workshop report for Contoso Ltd"])
    return claims.view(documents=[invoice, report], matches={"invoice.docx": matches})


def _same_invoice(
    claim: ClaimView, match: DocumentMatch, threshold: float, number: str | None
) -> bool:
    """The very same file, or as alike as one invoice edited, and not numbered otherwise."""
    if match.source != "claim" or match.claim_id is None or match.claim_id == claim.claim_id:
        return False
    if match.kind != "invoice":
        return False
    if match.identical_file:
        return True
    if match.similarity < threshold:
        return False
    # A partner's invoices share their template, terms and bank details word for word;
    # two that carry different numbers are two invoices.
    theirs = invoice_number(match.segments) if match.segments else None
    return number is None or theirs is None or _plain(theirs.value) == number


def _plain(number: str) -> str:
    """An invoice number as compared: "INV-2026/001" and "inv 2026 001" are the same."""
    return "".join(ch for ch in number.upper() if ch.isalnum())


def _describe(match: DocumentMatch) -> str:
    how = "the very same file" if match.identical_file else f"{match.similarity:.0%} the same text"
    return f"claim {match.claim_id} ({match.file_name}, {how})"


def _check_invoice(claim: ClaimView, document: DocumentView, threshold: float) -> Result:
    name = document.file_name
    number = invoice_number(document.segments) if document.readable else None
    ours = _plain(number.value) if number else None
    copies = [m for m in document.matches if _same_invoice(claim, m, threshold, ours)]
    label = f"Invoice {number.value} ({name})" if number else f"The invoice {name}"
    own = [Evidence(name, number.location, number.excerpt)] if number else []
    if copies:
        copies.sort(key=lambda m: (not m.identical_file, -m.similarity, m.claim_id or ""))
        where = "; ".join(_describe(m) for m in copies[:5])
        more = f" and {len(copies) - 5} more" if len(copies) > 5 else ""
        evidence = [
            Evidence(
                m.file_name,
                f"claim {m.claim_id}",
                "identical file" if m.identical_file else f"{m.similarity:.0%} the same text",
            )
            for m in copies[:5]
        ]
        return Result.failed(f"{label} was also uploaded on {where}{more}.", own + evidence)
    if not document.readable:
        return Result.error(
            f"Cannot read the invoice {name} ({document.unreadable_reason}): no other claim has "
            "the same file, but near copies could not be looked for.",
            [Evidence(name, "", document.unreadable_reason or "")],
        )
    return Result.passed(f"{label} is not used on any other claim.", own)
