"""Cached document extractions and the near-duplicate index built from them."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import JSON, ForeignKey, Index, LargeBinary, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from workbench.models.base import Base, utcnow

if TYPE_CHECKING:
    from workbench.models.claim import Claim


class StoredExtraction(Base):
    """What a reader got from a document's bytes; read once per content and reader version."""

    __tablename__ = "extractions"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    reader_version: Mapped[str] = mapped_column(String(40), primary_key=True)
    # workbench.extract.Extraction.to_dict(): kind, segments, language, error ...
    data: Mapped[dict[str, Any]] = mapped_column(JSON)
    # Extraction.word_hashes, read alone when this document is compared with another.
    word_hashes: Mapped[bytes | None] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class TextSignature(Base):
    """A MinHash signature of one document's normalised text.

    Either a claim's document version, or an engagement's template example.
    """

    __tablename__ = "text_signatures"
    __table_args__ = (
        UniqueConstraint("document_version_id", "reader_version"),
        UniqueConstraint("engagement_id", "label", "sha256", "reader_version"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    reader_version: Mapped[str] = mapped_column(String(40))
    kind: Mapped[str] = mapped_column(String(20))
    claim_id: Mapped[int | None] = mapped_column(ForeignKey("claims.id"), index=True)
    document_version_id: Mapped[int | None] = mapped_column(ForeignKey("document_versions.id"))
    engagement_id: Mapped[str | None] = mapped_column(ForeignKey("engagements.id"))
    label: Mapped[str] = mapped_column(String(255))
    minhash: Mapped[list[Any]] = mapped_column(JSON)
    shingle_count: Mapped[int]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    claim: Mapped[Claim | None] = relationship()
    bands: Mapped[list[SignatureBand]] = relationship(
        back_populates="signature", cascade="all, delete-orphan"
    )


class SignatureBand(Base):
    """One LSH band of a signature: documents sharing a bucket are candidate near copies."""

    __tablename__ = "signature_bands"
    __table_args__ = (Index("ix_signature_bands_band_bucket", "band", "bucket"),)

    signature_id: Mapped[int] = mapped_column(ForeignKey("text_signatures.id"), primary_key=True)
    band: Mapped[int] = mapped_column(primary_key=True)
    bucket: Mapped[str] = mapped_column(String(32))

    signature: Mapped[TextSignature] = relationship(back_populates="bands")
