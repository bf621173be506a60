"""Documents and their versions. Versions are never changed or deleted."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from workbench.domain.enums import DocumentKind
from workbench.models.base import Base, utcnow
from workbench.models.types import StrEnumType

if TYPE_CHECKING:
    from workbench.models.claim import Claim, Submittal


class Document(Base):
    """A file of a claim, identified by the section and the name the partner uploaded."""

    __tablename__ = "documents"
    __table_args__ = (UniqueConstraint("claim_id", "kind", "file_name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id"))
    kind: Mapped[DocumentKind] = mapped_column(StrEnumType(DocumentKind, 20))
    file_name: Mapped[str] = mapped_column(String(255))

    claim: Mapped[Claim] = relationship(back_populates="documents")
    versions: Mapped[list[DocumentVersion]] = relationship(
        back_populates="document",
        order_by="DocumentVersion.number",
        cascade="all, delete-orphan",
    )

    @property
    def latest(self) -> DocumentVersion:
        return self.versions[-1]


class DocumentVersion(Base):
    __tablename__ = "document_versions"
    __table_args__ = (UniqueConstraint("document_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"))
    number: Mapped[int]
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    size_bytes: Mapped[int]
    # What the content is (see workbench.extract.sniff), whatever the name says.
    content_type: Mapped[str] = mapped_column(String(40))
    content_detail: Mapped[str] = mapped_column(String(200))
    uploaded_at: Mapped[datetime] = mapped_column(default=utcnow)
    submittal_id: Mapped[int] = mapped_column(ForeignKey("submittals.id"))

    document: Mapped[Document] = relationship(back_populates="versions")
    submittal: Mapped[Submittal] = relationship()


class SubmittalDocument(Base):
    """Which document versions a submittal listed, in the bundle's order."""

    __tablename__ = "submittal_documents"

    submittal_id: Mapped[int] = mapped_column(ForeignKey("submittals.id"), primary_key=True)
    document_version_id: Mapped[int] = mapped_column(
        ForeignKey("document_versions.id"), primary_key=True
    )
    position: Mapped[int]

    submittal: Mapped[Submittal] = relationship(back_populates="entries")
    version: Mapped[DocumentVersion] = relationship()
