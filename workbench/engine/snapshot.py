"""Turn a claim's rows into the frozen view that checks read.

This is where the expensive, shared work happens once per claim run: each
current document is read (or its cached extraction reused), indexed for
near-duplicate search, and matched against every other claim and the
engagement's template examples.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal
from functools import partial

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.check_api import (
    ClaimView,
    CustomerView,
    DocumentMatch,
    DocumentView,
    EngagementView,
    PartnerView,
    SurveyView,
)
from workbench.domain.blobs import BlobStore
from workbench.domain.markets import market_for_country
from workbench.engine import similarity
from workbench.engine.extractions import cached_extractions, start_extractions, word_hashes_of
from workbench.extract import ExtractionPool
from workbench.models import (
    Claim,
    Customer,
    Document,
    DocumentVersion,
    Engagement,
    TextSignature,
)


def current_versions(claim: Claim) -> list[DocumentVersion]:
    """The document versions of the latest submittal, in the bundle's order."""
    submittal = claim.latest_submittal
    if submittal is None:
        return []
    return [entry.version for entry in submittal.entries]


def claim_masks(claim: Claim) -> tuple[str, ...]:
    customer = claim.customer
    domain = customer.external_id if customer.id_type == "domain" else None
    return similarity.mask_terms(customer.name, domain, claim.partner.name)


def snapshot(
    session: Session,
    claim: Claim,
    *,
    blobs: BlobStore,
    pool: ExtractionPool,
    writes: list[Callable[[], object]] | None = None,
) -> ClaimView:
    """Build the view of ``claim`` that checks run on (flushes cache and index rows).

    With ``writes``, storing new extractions and the claim's own signatures,
    which the view does not need, is left to the caller: appended there to be
    run while the checks run.
    """
    versions = current_versions(claim)
    templates = _unindexed_templates(session, claim.engagement)
    reading = start_extractions(
        session, blobs, [v.sha256 for v in versions] + [t["sha256"] for t in templates], pool,
        writes=writes,
    )  # fmt: skip
    # While the workers read: what the database already knows of these versions.
    stored = _stored_signatures(session, versions)
    same_bytes = _same_bytes(session, claim, versions) if versions else {}
    masks = claim_masks(claim)
    extractions = reading.result()
    # Templates are indexed now: this claim's near-copy search below must find them.
    _index_templates(session, claim.engagement, templates, extractions)
    fingerprints = _fingerprints(session, claim, versions, extractions, masks, stored, writes)
    candidates = similarity.candidates(
        session, {key: fp for key, fp in fingerprints.items() if fp is not None},
        reader_version=similarity.SIGNATURE_VERSION, exclude_claim_pk=claim.id,
    )  # fmt: skip
    # The candidates' words, in one query rather than one per candidate.
    words = {digest: extraction.word_hashes for digest, extraction in extractions.items()}
    words.update(word_hashes_of(session, {
        signature.sha256 for found in candidates.values() for signature in found
        if signature.sha256 not in words
    }))  # fmt: skip
    documents = tuple(
        DocumentView(
            file_name=version.document.file_name,
            kind=version.document.kind.value,
            sha256=version.sha256,
            size=version.size_bytes,
            content_type=version.content_type,
            version=version.number,
            extraction=extractions[version.sha256],
            matches=_matches(
                claim,
                version,
                candidates.get(version.id, []),
                words,
                same_bytes.get(version.sha256, []),
                masks,
                segments_of=lambda digest: (
                    cached_extractions(session, blobs, [digest], pool)[digest].segments
                ),
            ),
        )
        for version in versions
    )
    return build_view(claim, documents)


def build_view(claim: Claim, documents: Sequence[DocumentView]) -> ClaimView:
    partner, customer = claim.partner, claim.customer
    return ClaimView(
        claim_id=claim.claim_id,
        claim_name=claim.claim_name,
        status=claim.status.value,
        is_dispute=claim.is_dispute,
        created_on=claim.created_on,
        consent_date=claim.consent_date,
        first_submitted_at=claim.first_submitted_at,
        submitted_at=claim.submitted_at,
        partner=PartnerView(
            partner_id=partner.partner_id,
            name=partner.name,
            location=partner.location,
            country=partner.country,
            market=market_for_country(partner.country).value,
            contact_name=claim.partner_contact_name,
            contact_email=claim.partner_contact_email,
        ),
        customer=CustomerView(
            name=customer.name,
            id_type=customer.id_type.value,
            id=customer.external_id,
            country=customer.country,
            public_sector=customer.public_sector,
            contact_name=claim.customer_contact_name,
            contact_email=claim.customer_contact_email,
            contact_title=claim.customer_contact_title,
            domain_mismatch_reason=claim.domain_mismatch_reason,
        ),
        engagement=engagement_view(claim.engagement),
        deal_size_usd=claim.deal_size_usd,
        requested_hours=claim.requested_hours,
        proposed_payout_usd=claim.proposed_payout_usd,
        documents=tuple(documents),
        surveys=tuple(
            SurveyView(
                role=s.role.value,
                status=s.status.value,
                completed_at=s.completed_at,
                responses=tuple(r for r in s.responses if isinstance(r, dict)),
                signature=s.signature,
            )
            for s in claim.surveys
        ),
    )


def engagement_view(engagement: Engagement) -> EngagementView:
    def money(rates):
        return None if rates is None else {k: Decimal(str(v)) for k, v in rates.items()}

    return EngagementView(
        id=engagement.id,
        name=engagement.name,
        solution_area=engagement.solution_area.value,
        payout_type=engagement.payout_type.value,
        activity_type=engagement.activity_type.value,
        rates_usd=money(engagement.rates_usd),
        hourly_rates_usd=money(engagement.hourly_rates_usd),
        customer_survey_required=engagement.customer_survey_required,
        required_sections=tuple(engagement.required_sections),
    )


def _template_examples(engagement: Engagement) -> list[dict]:
    return [t for t in engagement.example_blobs if "sha256" in t]


def _unindexed_templates(session: Session, engagement: Engagement) -> list[dict]:
    """The engagement's template examples not yet in the index (read once per reader version)."""
    indexed = set(
        session.scalars(
            select(TextSignature.sha256).where(
                TextSignature.engagement_id == engagement.id,
                TextSignature.reader_version == similarity.SIGNATURE_VERSION,
            )
        )
    )
    return [t for t in _template_examples(engagement) if t["sha256"] not in indexed]


def _index_templates(session, engagement, templates, extractions) -> None:
    entries = []
    for template in templates:
        grams = similarity.shingle_set(extractions[template["sha256"]].word_hashes)
        fp = similarity.fingerprint_of(grams)
        if fp is not None:
            entries.append((fp, {
                "sha256": template["sha256"], "reader_version": similarity.SIGNATURE_VERSION,
                "kind": "template", "label": template["file"], "engagement_id": engagement.id,
                "shingle_count": len(grams),
            }))  # fmt: skip
    similarity.index_many(session, entries)


def _stored_signatures(session: Session, versions) -> dict[int, list[int]]:
    """The signatures already indexed for ``versions``, by version id."""
    if not versions:
        return {}
    return dict(
        session.execute(
            select(TextSignature.document_version_id, TextSignature.minhash).where(
                TextSignature.document_version_id.in_([v.id for v in versions]),
                TextSignature.reader_version == similarity.SIGNATURE_VERSION,
            )
        ).all()
    )


def _fingerprints(
    session, claim, versions, extractions, masks, stored, writes=None
) -> dict[int, similarity.TextFingerprint | None]:
    """Each version's ``stored`` signature, or a new one (computed and indexed once per version).

    The claim's own signatures only serve other claims' searches, so with
    ``writes`` their indexing is appended there.
    """
    found: dict[int, similarity.TextFingerprint | None] = {}
    entries = []
    for version in versions:
        if version.id in stored:
            found[version.id] = similarity.TextFingerprint(tuple(stored[version.id]))
            continue
        grams = similarity.shingle_set(extractions[version.sha256].word_hashes, masks)
        fp = found[version.id] = similarity.fingerprint_of(grams)
        if fp is not None:
            entries.append((fp, {
                "sha256": version.sha256, "reader_version": similarity.SIGNATURE_VERSION,
                "kind": version.document.kind.value, "label": version.document.file_name,
                "claim_id": claim.id, "document_version_id": version.id,
                "shingle_count": len(grams),
            }))  # fmt: skip
    if writes is None:
        similarity.index_many(session, entries)
    elif entries:
        writes.append(partial(similarity.index_many, session, entries))
    return found


def _same_bytes(session: Session, claim: Claim, versions) -> dict[str, list[DocumentMatch]]:
    """Identical files in other claims, by content hash, for all of ``versions`` at once."""
    rows = session.execute(
        select(
            DocumentVersion.sha256, Claim.claim_id, Document.file_name, Document.kind,
            Customer.external_id, Claim.engagement_id, Claim.status,
        )
        .join(Document, DocumentVersion.document_id == Document.id)
        .join(Claim, Document.claim_id == Claim.id)
        .join(Customer, Claim.customer_id == Customer.id)
        .where(DocumentVersion.sha256.in_({v.sha256 for v in versions}), Claim.id != claim.id)
        .distinct()
    )  # fmt: skip
    found: dict[str, list[DocumentMatch]] = {}
    for digest, claim_id, file_name, kind, customer_id, engagement_id, status in rows:
        found.setdefault(digest, []).append(
            DocumentMatch(
                claim_id,
                file_name,
                kind.value,
                1.0,
                True,
                customer_id=customer_id,
                engagement_id=engagement_id,
                claim_status=status.value,
            )
        )
    return found


def _matches(
    claim: Claim,
    version: DocumentVersion,
    candidates: list[TextSignature],
    words: dict[str, bytes],
    same_bytes: list[DocumentMatch],
    masks: tuple[str, ...],
    segments_of: Callable[[str], tuple],
) -> tuple[DocumentMatch, ...]:
    found: dict[tuple, DocumentMatch] = {(m.claim_id, m.file_name): m for m in same_bytes}
    for template in _template_examples(claim.engagement):
        if template["sha256"] == version.sha256:
            found[(None, template["file"])] = DocumentMatch(
                None, template["file"], "template", 1.0, True, "template"
            )

    def masks_of(signature: TextSignature) -> tuple[str, ...]:
        return claim_masks(signature.claim) if signature.claim is not None else ()

    for near in similarity.near_copies(
        words[version.sha256], candidates, masked=masks,
        words_of=lambda digest: words.get(digest, b""), masks_of=masks_of,
    ):  # fmt: skip
        signature = near.signature
        if signature.claim is None:
            key = (None, signature.label)
            match = DocumentMatch(None, signature.label, "template", near.similarity,
                                  signature.sha256 == version.sha256, "template")  # fmt: skip
        else:
            key = (signature.claim.claim_id, signature.label)
            same = signature.sha256 == version.sha256
            text = segments_of(signature.sha256) if signature.kind == "invoice" and not same else ()
            other = signature.claim
            match = DocumentMatch(other.claim_id, signature.label, signature.kind,
                                  near.similarity, same, segments=text,
                                  customer_id=other.customer.external_id,
                                  engagement_id=other.engagement_id,
                                  claim_status=other.status.value)  # fmt: skip
        if key not in found:
            found[key] = match
    return tuple(
        sorted(found.values(), key=lambda m: (-m.similarity, m.claim_id or "", m.file_name))
    )
