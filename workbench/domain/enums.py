"""The vocabulary of the claims process, shared by models, domain code and checks."""

from __future__ import annotations

from enum import StrEnum


class ClaimStatus(StrEnum):
    """Every status a claim can have, spelled as Partner Center shows it."""

    # Partner side, before review.
    CUSTOMER_CLAIMED = "Customer claimed"
    AWAITING_CONSENT = "Awaiting customer consent"
    CONSENT_RECEIVED = "Customer consent received"
    CONSENT_DECLINED = "Customer consent declined"
    CONSENT_EXPIRED = "Customer consent expired"
    NOT_SUBMITTED_EXPIRED = "Not submitted claim expired"
    CANCELLED = "Cancelled"
    # Review side.
    SUBMITTED = "Submitted"
    UNDER_REVIEW = "Under review"
    APPROVED = "Approved"
    ACTION_REQUIRED = "Action required"
    REJECTED = "Rejected"
    REJECTED_FINAL = "Rejected final"
    DISPUTED = "Disputed"
    DISPUTED_EXPIRED = "Disputed claim expired"
    POST_SUBMISSION_EXPIRED = "Post submission claim expired"

    @property
    def is_final(self) -> bool:
        return self in FINAL_STATUSES

    @property
    def in_review_queue(self) -> bool:
        return self in (ClaimStatus.SUBMITTED, ClaimStatus.UNDER_REVIEW)


FINAL_STATUSES = frozenset(
    {
        ClaimStatus.APPROVED,
        ClaimStatus.REJECTED_FINAL,
        ClaimStatus.DISPUTED_EXPIRED,
        ClaimStatus.POST_SUBMISSION_EXPIRED,
        ClaimStatus.NOT_SUBMITTED_EXPIRED,
        ClaimStatus.CONSENT_DECLINED,
        ClaimStatus.CONSENT_EXPIRED,
        ClaimStatus.CANCELLED,
    }
)


class PayoutType(StrEnum):
    FIXED = "fixed"
    VARIABLE = "variable"


class ActivityType(StrEnum):
    ASSESSMENT = "assessment"
    STANDARD = "standard"
    XS = "xs"
    SMALL = "small"
    MEDIUM = "medium"
    LARGE = "large"
    XL = "xl"
    XXL = "xxl"


class SolutionArea(StrEnum):
    AZURE = "Azure"
    BUSINESS_APPLICATIONS = "Business Applications"
    MODERN_WORK = "Modern Work"
    SECURITY = "Security"


class CustomerIdType(StrEnum):
    TPID = "tpid"
    TENANT_ID = "tenant_id"
    DOMAIN = "domain"
    SUBSCRIPTION_ID = "subscription_id"
    OPPORTUNITY_ID = "opportunity_id"


class DocumentKind(StrEnum):
    """The section of the claim a partner uploaded a document into."""

    INVOICE = "invoice"
    POE = "poe"


class SurveyRole(StrEnum):
    CUSTOMER = "customer"
    PARTNER = "partner"


class SurveyStatus(StrEnum):
    NOT_INITIATED = "not_initiated"
    SENT = "sent"
    COMPLETED = "completed"


class Role(StrEnum):
    """What a workbench user may do. Leads audit; admins also manage users and tokens."""

    REVIEWER = "reviewer"
    LEAD = "lead"
    ADMIN = "admin"


class ActorKind(StrEnum):
    """Who caused a history event."""

    PARTNER = "partner"
    REVIEWER = "reviewer"
    SYSTEM = "system"


class Visibility(StrEnum):
    PARTNER = "partner"
    INTERNAL = "internal"


class DecisionOutcome(StrEnum):
    APPROVE = "approve"
    REQUEST_ACTION = "request_action"
    REJECT = "reject"


class SubmittalKind(StrEnum):
    SUBMISSION = "submission"
    RESUBMISSION = "resubmission"
    DISPUTE = "dispute"


class CheckStatus(StrEnum):
    PASS = "pass"
    FAIL = "fail"
    WARN = "warn"
    ERROR = "error"
    SKIP = "skip"
