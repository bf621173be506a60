"""extraction cache, near-duplicate index, check titles

Revision ID: 266c240cb034
Revises: 1dd80828afee
Create Date: 2026-11-25 04:20:22.648450
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "266c240cb034"
down_revision = "1dd80828afee"
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table(
        "extractions",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("reader_version", sa.String(length=40), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("sha256", "reader_version", name=op.f("pk_extractions")),
    )
    op.create_table(
        "text_signatures",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("reader_version", sa.String(length=40), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("claim_id", sa.Integer(), nullable=True),
        sa.Column("document_version_id", sa.Integer(), nullable=True),
        sa.Column("engagement_id", sa.String(length=120), nullable=True),
        sa.Column("label", sa.String(length=255), nullable=False),
        sa.Column("minhash", sa.JSON(), nullable=False),
        sa.Column("shingle_count", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["claim_id"], ["claims.id"], name=op.f("fk_text_signatures_claim_id_claims")
        ),
        sa.ForeignKeyConstraint(
            ["document_version_id"],
            ["document_versions.id"],
            name=op.f("fk_text_signatures_document_version_id_document_versions"),
        ),
        sa.ForeignKeyConstraint(
            ["engagement_id"],
            ["engagements.id"],
            name=op.f("fk_text_signatures_engagement_id_engagements"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_text_signatures")),
        sa.UniqueConstraint(
            "document_version_id",
            "reader_version",
            name=op.f("uq_text_signatures_document_version_id_reader_version"),
        ),
        sa.UniqueConstraint(
            "engagement_id",
            "label",
            "sha256",
            "reader_version",
            name=op.f("uq_text_signatures_engagement_id_label_sha256_reader_version"),
        ),
    )
    with op.batch_alter_table("text_signatures", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_text_signatures_claim_id"), ["claim_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_text_signatures_sha256"), ["sha256"], unique=False)

    op.create_table(
        "signature_bands",
        sa.Column("signature_id", sa.Integer(), nullable=False),
        sa.Column("band", sa.Integer(), nullable=False),
        sa.Column("bucket", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(
            ["signature_id"],
            ["text_signatures.id"],
            name=op.f("fk_signature_bands_signature_id_text_signatures"),
        ),
        sa.PrimaryKeyConstraint("signature_id", "band", name=op.f("pk_signature_bands")),
    )
    with op.batch_alter_table("signature_bands", schema=None) as batch_op:
        batch_op.create_index("ix_signature_bands_band_bucket", ["band", "bucket"], unique=False)

    with op.batch_alter_table("check_results", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("check_title", sa.String(length=200), nullable=False, server_default="")
        )
        batch_op.add_column(
            sa.Column("severity", sa.String(length=20), nullable=False, server_default="blocking")
        )


def downgrade() -> None:

    with op.batch_alter_table("check_results", schema=None) as batch_op:
        batch_op.drop_column("severity")
        batch_op.drop_column("check_title")

    with op.batch_alter_table("signature_bands", schema=None) as batch_op:
        batch_op.drop_index("ix_signature_bands_band_bucket")

    op.drop_table("signature_bands")
    with op.batch_alter_table("text_signatures", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_text_signatures_sha256"))
        batch_op.drop_index(batch_op.f("ix_text_signatures_claim_id"))

    op.drop_table("text_signatures")
    op.drop_table("extractions")
