"""Claim intake: a validated bundle becomes a claim, a resubmittal or a dispute.

:func:`import_bundle` is the domain operation (it flushes, never commits).
:func:`import_folder` is the all-or-nothing boundary the CLI and the API call:
it validates, imports, commits, and on any failure rolls back and removes the
blobs it stored, so a refused bundle leaves neither rows nor files behind.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from workbench.domain.blobs import BlobStore
from workbench.domain.bundle import Bundle, BundleRejected, read_bundle
from workbench.domain.enums import (
    ActorKind,
    ClaimStatus,
    PayoutType,
    SubmittalKind,
    Visibility,
)
from workbench.domain.workflow import Actor, Event, IllegalTransition, apply, record
from workbench.models import (
    Claim,
    Comment,
    Customer,
    Document,
    DocumentVersion,
    Engagement,
    PartnerLocation,
    Submittal,
    SubmittalDocument,
    Survey,
    utcnow,
)


@dataclass(frozen=True)
class ImportOutcome:
    claim_id: str
    action: str  # "created", "resubmitted", "disputed" or "unchanged"
    status: ClaimStatus
    new_versions: tuple[str, ...] = ()

    def describe(self) -> str:
        if self.action == "unchanged":
            return f"claim {self.claim_id}: unchanged (identical to its latest submittal)"
        files = f"; new documents: {', '.join(self.new_versions)}" if self.new_versions else ""
        return f"claim {self.claim_id}: {self.action}, now {self.status.value}{files}"


def import_folder(
    sessions: sessionmaker[Session],
    blobs: BlobStore,
    folder: Path,
    *,
    max_document_bytes: int,
    source: str,
    received_at: datetime | None = None,
) -> ImportOutcome:
    """Import the bundle in ``folder`` in one transaction, or refuse it whole."""
    bundle = read_bundle(folder, max_document_bytes=max_document_bytes)
    created_blobs: list[str] = []
    session = sessions()
    try:
        outcome = import_bundle(
            session, blobs, bundle, source=source,
            received_at=received_at or utcnow(), created_blobs=created_blobs,
        )  # fmt: skip
        session.commit()
        return outcome
    except BaseException as exc:
        session.rollback()
        referenced = set(
            session.scalars(
                select(DocumentVersion.sha256).where(DocumentVersion.sha256.in_(created_blobs))
            )
        ) if created_blobs else set()  # fmt: skip
        blobs.discard_new(created_blobs, referenced)
        if isinstance(exc, IntegrityError | StaleDataError):
            raise BundleRejected(
                bundle.name,
                f"claim {bundle.claim_id} changed while it was being imported; import it again",
            ) from exc
        raise
    finally:
        session.close()


def import_bundle(
    session: Session,
    blobs: BlobStore,
    bundle: Bundle,
    *,
    source: str,
    received_at: datetime,
    created_blobs: list[str],
) -> ImportOutcome:
    """Apply ``bundle`` to the database; flush, never commit.

    Blobs stored along the way are appended to ``created_blobs`` so that the
    caller can remove them if the transaction is rolled back.
    """
    engagement = session.get(Engagement, bundle.engagement_id)
    if engagement is None:
        raise BundleRejected(
            bundle.name,
            f"engagement_id {bundle.engagement_id!r} is not in the catalog "
            "(load it with 'workbench catalog load FILE')",
        )
    if engagement.payout_type == PayoutType.VARIABLE and bundle.proposed_payout_usd is None:
        raise BundleRejected(
            bundle.name,
            f"claim.json: proposed_payout_usd is required for the variable-payout "
            f"engagement {engagement.id!r}",
        )
    claim = session.scalar(select(Claim).where(Claim.claim_id == bundle.claim_id))
    at = bundle.submitted_at or received_at
    partner_actor = Actor.partner(bundle.partner["contact_name"] or bundle.partner["name"])

    if claim is None:
        if bundle.is_dispute:
            raise BundleRejected(
                bundle.name,
                f"is_dispute is true, but there is no claim {bundle.claim_id} to dispute",
            )
        claim = _new_claim(session, bundle, engagement, at)
        kind, action = SubmittalKind.SUBMISSION, "created"
        transitions = [Event.SUBMIT]
    else:
        latest = claim.latest_submittal
        if latest is not None and latest.fingerprint == bundle.fingerprint:
            return ImportOutcome(claim.claim_id, "unchanged", claim.status)
        _refuse_identity_change(claim, bundle)
        if at <= claim.submitted_at:
            at = max(received_at, claim.submitted_at)
        if bundle.is_dispute:
            kind, action = SubmittalKind.DISPUTE, "disputed"
            transitions = _dispute_path(claim, bundle)
        else:
            if claim.status != ClaimStatus.ACTION_REQUIRED:
                raise BundleRejected(
                    bundle.name,
                    f"claim {claim.claim_id} is {claim.status.value}; a resubmittal is accepted "
                    'only while it is Action required (or, with "is_dispute": true, within '
                    "30 days of a rejection)",
                )
            kind, action = SubmittalKind.RESUBMISSION, "resubmitted"
            transitions = [Event.RESUBMIT]
        _update_claim(session, claim, bundle)

    try:
        for event in transitions:
            apply(session, claim, event, actor=partner_actor, at=at)
    except IllegalTransition as exc:
        raise BundleRejected(bundle.name, str(exc)) from None

    submittal = Submittal(
        claim=claim,
        number=len(claim.submittals) + 1,
        kind=kind,
        submitted_at=at,
        received_at=received_at,
        source=source,
        fingerprint=bundle.fingerprint,
    )
    session.add(submittal)
    session.flush()
    new_versions = _store_documents(session, blobs, claim, submittal, bundle, created_blobs)
    record(
        session, claim, "Document submission", actor=partner_actor, at=at,
        details={"submittal": submittal.number, "new_documents": list(new_versions),
                 "documents": [d.file_name for d in bundle.documents]},
    )  # fmt: skip
    _store_surveys(session, claim, bundle, partner_actor, at)
    _store_comments(session, claim, submittal, bundle)
    session.flush()
    return ImportOutcome(claim.claim_id, action, claim.status, new_versions)


def _dispute_path(claim: Claim, bundle: Bundle) -> list[Event]:
    if claim.status == ClaimStatus.REJECTED:
        return [Event.DISPUTE, Event.SUBMIT_DISPUTE]
    if claim.status == ClaimStatus.DISPUTED:
        return [Event.SUBMIT_DISPUTE]
    raise BundleRejected(
        bundle.name,
        f"claim {claim.claim_id} is {claim.status.value}; only a Rejected claim can be disputed, "
        "within 30 days of the rejection",
    )


def _new_claim(session: Session, bundle: Bundle, engagement: Engagement, at: datetime) -> Claim:
    claim = Claim(
        claim_id=bundle.claim_id,
        engagement=engagement,
        partner=_partner(session, bundle),
        customer=_customer(session, bundle),
        # The partner side ends at consent; intake moves it to Submitted.
        status=ClaimStatus.CONSENT_RECEIVED,
        first_submitted_at=at,
        submitted_at=at,
    )
    _copy_fields(claim, bundle)
    session.add(claim)
    session.flush()
    return claim


def _update_claim(session: Session, claim: Claim, bundle: Bundle) -> None:
    _partner(session, bundle)
    _customer(session, bundle)
    _copy_fields(claim, bundle)


def _copy_fields(claim: Claim, bundle: Bundle) -> None:
    claim.claim_name = bundle.claim_name
    claim.created_on = bundle.created_on
    claim.consent_date = bundle.consent_date
    claim.deal_size_usd = bundle.deal_size_usd
    claim.requested_hours = bundle.requested_hours
    claim.proposed_payout_usd = bundle.proposed_payout_usd
    claim.partner_contact_name = bundle.partner["contact_name"]
    claim.partner_contact_email = bundle.partner["contact_email"]
    claim.customer_contact_name = bundle.customer["contact_name"]
    claim.customer_contact_email = bundle.customer["contact_email"]
    claim.customer_contact_title = bundle.customer["contact_title"]
    claim.domain_mismatch_reason = bundle.customer["domain_mismatch_reason"]
    claim.submitted_by_name = bundle.submitted_by["name"]
    claim.submitted_by_email = bundle.submitted_by["email"]


def _refuse_identity_change(claim: Claim, bundle: Bundle) -> None:
    changes = []
    if claim.engagement_id != bundle.engagement_id:
        changes.append(f"engagement {claim.engagement_id} -> {bundle.engagement_id}")
    if claim.partner.partner_id != bundle.partner["partner_id"]:
        changes.append(f"partner {claim.partner.partner_id} -> {bundle.partner['partner_id']}")
    customer = claim.customer
    if (customer.id_type, customer.external_id) != (
        bundle.customer["id_type"],
        bundle.customer["id"],
    ):
        changes.append(f"customer {customer.external_id} -> {bundle.customer['id']}")
    if changes:
        raise BundleRejected(
            bundle.name,
            f"claim {claim.claim_id} already exists for another engagement, partner or customer "
            f"({'; '.join(changes)}); these cannot change on a resubmittal",
        )


def _partner(session: Session, bundle: Bundle) -> PartnerLocation:
    data = bundle.partner
    partner = session.scalar(
        select(PartnerLocation).where(PartnerLocation.partner_id == data["partner_id"])
    )
    if partner is None:
        partner = PartnerLocation(partner_id=data["partner_id"])
        session.add(partner)
    partner.name = data["name"]
    partner.location = data["location"]
    partner.country = data["country"]
    return partner


def _customer(session: Session, bundle: Bundle) -> Customer:
    data = bundle.customer
    customer = session.scalar(
        select(Customer).where(
            Customer.id_type == data["id_type"], Customer.external_id == data["id"]
        )
    )
    if customer is None:
        customer = Customer(id_type=data["id_type"], external_id=data["id"])
        session.add(customer)
    customer.name = data["name"]
    customer.country = data["country"]
    customer.public_sector = data["public_sector"]
    return customer


def _store_documents(
    session: Session,
    blobs: BlobStore,
    claim: Claim,
    submittal: Submittal,
    bundle: Bundle,
    created_blobs: list[str],
) -> tuple[str, ...]:
    """Add a version for each new or changed file; list every file in the submittal."""
    existing = {(d.kind, d.file_name): d for d in claim.documents}
    new_versions: list[str] = []
    for position, item in enumerate(bundle.documents):
        document = existing.get((item.kind, item.file_name))
        if document is None:
            document = Document(claim=claim, kind=item.kind, file_name=item.file_name)
            session.add(document)
        version = next((v for v in document.versions if v.sha256 == item.sha256), None)
        if version is None:
            stored = blobs.put_file(item.path, expected_sha256=item.sha256)
            if stored.created:
                created_blobs.append(stored.sha256)
            version = DocumentVersion(
                document=document,
                number=len(document.versions) + 1,
                sha256=item.sha256,
                size_bytes=item.size,
                content_type=item.sniffed.kind,
                content_detail=item.sniffed.detail[:200],
                uploaded_at=submittal.received_at,
                submittal=submittal,
            )
            session.add(version)
            label = (
                item.file_name if version.number == 1 else f"{item.file_name} (v{version.number})"
            )
            new_versions.append(label)
        session.flush()
        session.add(SubmittalDocument(submittal=submittal, version=version, position=position))
    return tuple(new_versions)


def _store_surveys(
    session: Session, claim: Claim, bundle: Bundle, actor: Actor, at: datetime
) -> None:
    for item in bundle.surveys:
        survey = claim.survey(item.role)
        if survey is None:
            survey = Survey(claim=claim, role=item.role)
            session.add(survey)
        elif (survey.status, survey.signature, survey.completed_at) != (
            item.status, item.signature, item.completed_at
        ):  # fmt: skip
            record(
                session, claim, "Survey update", actor=actor, at=at,
                details={"survey": item.role.value, "from": survey.status.value,
                         "to": item.status.value},
            )  # fmt: skip
        survey.status = item.status
        survey.completed_at = item.completed_at
        survey.responses = item.responses
        survey.signature = item.signature


def _store_comments(session: Session, claim: Claim, submittal: Submittal, bundle: Bundle) -> None:
    known = {(c.at, c.body) for c in claim.comments if c.author_kind == ActorKind.PARTNER}
    for item in bundle.comments:
        if (item.at, item.body) in known:
            continue
        author = bundle.partner["contact_name"] or bundle.partner["name"]
        if item.author and item.author.lower() != "partner":
            author = item.author
        session.add(
            Comment(
                claim=claim,
                at=item.at,
                author_kind=ActorKind.PARTNER,
                author_name=author,
                body=item.body,
                visibility=Visibility.PARTNER,
                submittal=submittal,
            )
        )
