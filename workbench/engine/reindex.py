"""Rebuild the near-duplicate index after the readers or the signature scheme change.

Signatures are stored per ``similarity.SIGNATURE_VERSION``: after an upgrade
that changes it, a new claim's search finds only the claims checked since.
Building every claim's view indexes what is missing (reading a document again
only where its cached extraction is of an older reader).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from workbench.engine import similarity
from workbench.engine.runner import Engine
from workbench.models import Claim, TextSignature


@dataclass(frozen=True)
class Reindexed:
    claims: int
    signatures: int  # added to the index


def reindex(session: Session, engine: Engine) -> Reindexed:
    """Index every claim's current documents (committing claim by claim)."""

    def indexed() -> int:
        return session.scalar(
            select(func.count())
            .select_from(TextSignature)
            .where(TextSignature.reader_version == similarity.SIGNATURE_VERSION)
        )

    before = indexed()
    claim_ids = session.scalars(select(Claim.id).order_by(Claim.id)).all()
    for claim_id in claim_ids:
        engine.view(session, session.get(Claim, claim_id))
        session.commit()
    return Reindexed(len(claim_ids), indexed() - before)
