"""drop users.session_generation (sessions live server-side)

Revision ID: 84ca90c0264d
Revises: ae48529b4b48
Create Date: 2026-11-25 06:23:02.601158
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "84ca90c0264d"
down_revision = "ae48529b4b48"
branch_labels = None
depends_on = None


def upgrade() -> None:

    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_column("session_generation")


def downgrade() -> None:

    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("session_generation", sa.Integer(), nullable=False, server_default="0")
        )
