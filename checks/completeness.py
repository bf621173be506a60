"""Every required component of the POE is there."""

from __future__ import annotations

from workbench.check_api import (
    Check,
    CheckContext,
    ClaimView,
    Evidence,
    ExampleCase,
    Result,
    Status,
)
from workbench.testing import docx_document


class Completeness(Check):
    id = "completeness"
    version = "1"
    title = "All POE components present"
    description = (
        "The claim has an invoice, at least one POE document, a completed partner survey, and a "
        "completed customer survey where the engagement requires one."
    )

    def run(self, claim: ClaimView, context: CheckContext) -> Result:
        missing = []
        if not claim.invoices:
            missing.append("an invoice")
        if not claim.poe_documents:
            missing.append("POE documents")
        for role, required in (
            ("partner", True),
            ("customer", claim.engagement.customer_survey_required),
        ):
            survey = claim.survey(role)
            if required and (survey is None or not survey.completed):
                state = "missing" if survey is None else survey.status.replace("_", " ")
                missing.append(f"a completed {role} survey ({state})")
        present = [Evidence(d.file_name, d.kind) for d in claim.documents]
        if missing:
            return Result.failed(f"Missing: {', '.join(missing)}.", evidence=present)
        message = f"Invoice, {len(claim.poe_documents)} POE document(s) and the required surveys are present."
        if len(claim.invoices) > 1:
            names = ", ".join(d.file_name for d in claim.invoices)
            return Result.warning(
                f"{len(claim.invoices)} invoices uploaded ({names}); a claim takes one invoice.",
                evidence=[Evidence(d.file_name, "invoice") for d in claim.invoices],
            )
        return Result.passed(message, evidence=present)

    examples = (
        ExampleCase("complete bundle", lambda claims: claims.view(), Status.PASS),
        ExampleCase(
            "no invoice",
            lambda claims: claims.view(
                documents=[docx_document("report.docx", ["Workshop report"])]
            ),
            Status.FAIL,
        ),
        ExampleCase(
            "customer survey only sent",
            lambda claims: claims.view(surveys={"customer": {"status": "sent", "signature": None}}),
            Status.FAIL,
        ),
    )
