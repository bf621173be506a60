"""extractions.word_hashes (the words of a document, hashed once when it is read)

Revision ID: 5c1e0d7a9b21
Revises: 84ca90c0264d
Create Date: 2026-11-25 07:40:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "5c1e0d7a9b21"
down_revision = "84ca90c0264d"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Nullable: rows cached by earlier reader versions have none and are never read again.
    with op.batch_alter_table("extractions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("word_hashes", sa.LargeBinary(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("extractions", schema=None) as batch_op:
        batch_op.drop_column("word_hashes")
