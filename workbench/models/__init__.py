"""The workbench's tables. SQLAlchemy only: nothing here knows about Flask."""

from workbench.models.base import Base, utcnow
from workbench.models.catalog import Engagement
from workbench.models.check_results import CheckResult
from workbench.models.claim import Claim, Submittal
from workbench.models.documents import Document, DocumentVersion, SubmittalDocument
from workbench.models.extractions import SignatureBand, StoredExtraction, TextSignature
from workbench.models.history import Comment, Decision, HistoryEvent
from workbench.models.outbox import OutboxMessage
from workbench.models.parties import Customer, PartnerLocation
from workbench.models.sessions import UserSession
from workbench.models.surveys import Survey
from workbench.models.tokens import ApiToken
from workbench.models.users import User
from workbench.models.views import ClaimPresence, SavedView

__all__ = [
    "ApiToken",
    "Base",
    "CheckResult",
    "Claim",
    "ClaimPresence",
    "Comment",
    "Customer",
    "Decision",
    "Document",
    "DocumentVersion",
    "Engagement",
    "HistoryEvent",
    "OutboxMessage",
    "PartnerLocation",
    "SavedView",
    "SignatureBand",
    "StoredExtraction",
    "Submittal",
    "SubmittalDocument",
    "Survey",
    "TextSignature",
    "User",
    "UserSession",
    "utcnow",
]
