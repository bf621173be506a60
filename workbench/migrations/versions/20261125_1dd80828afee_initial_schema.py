"""initial schema

Revision ID: 1dd80828afee
Revises:
Create Date: 2026-11-25 04:09:23.384208
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "1dd80828afee"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table(
        "customers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column(
            "id_type",
            sa.Enum(
                "tpid",
                "tenant_id",
                "domain",
                "subscription_id",
                "opportunity_id",
                name="customeridtype",
                native_enum=False,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("external_id", sa.String(length=200), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("country", sa.String(length=2), nullable=False),
        sa.Column("public_sector", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_customers")),
        sa.UniqueConstraint(
            "id_type", "external_id", name=op.f("uq_customers_id_type_external_id")
        ),
    )
    op.create_table(
        "engagements",
        sa.Column("id", sa.String(length=120), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column(
            "solution_area",
            sa.Enum(
                "Azure",
                "Business Applications",
                "Modern Work",
                "Security",
                name="solutionarea",
                native_enum=False,
                length=40,
            ),
            nullable=False,
        ),
        sa.Column(
            "payout_type",
            sa.Enum("fixed", "variable", name="payouttype", native_enum=False, length=20),
            nullable=False,
        ),
        sa.Column(
            "activity_type",
            sa.Enum(
                "assessment",
                "standard",
                "xs",
                "small",
                "medium",
                "large",
                "xl",
                "xxl",
                name="activitytype",
                native_enum=False,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("rates_usd", sa.JSON(), nullable=True),
        sa.Column("hourly_rates_usd", sa.JSON(), nullable=True),
        sa.Column("customer_survey_required", sa.Boolean(), nullable=False),
        sa.Column("poe_template", sa.JSON(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_engagements")),
    )
    op.create_table(
        "partner_locations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("partner_id", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("location", sa.String(length=300), nullable=True),
        sa.Column("country", sa.String(length=2), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_partner_locations")),
        sa.UniqueConstraint("partner_id", name=op.f("uq_partner_locations_partner_id")),
    )
    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(length=80), nullable=False),
        sa.Column("display_name", sa.String(length=200), nullable=False),
        sa.Column("email", sa.String(length=320), nullable=True),
        sa.Column(
            "role",
            sa.Enum("reviewer", "lead", "admin", name="role", native_enum=False, length=20),
            nullable=False,
        ),
        sa.Column("password_hash", sa.String(length=300), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("session_generation", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("last_login_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_users")),
        sa.UniqueConstraint("username", name=op.f("uq_users_username")),
    )
    op.create_table(
        "claims",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("claim_id", sa.String(length=40), nullable=False),
        sa.Column("claim_name", sa.String(length=300), nullable=False),
        sa.Column("engagement_id", sa.String(length=120), nullable=False),
        sa.Column("partner_location_id", sa.Integer(), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "Customer claimed",
                "Awaiting customer consent",
                "Customer consent received",
                "Customer consent declined",
                "Customer consent expired",
                "Not submitted claim expired",
                "Cancelled",
                "Submitted",
                "Under review",
                "Approved",
                "Action required",
                "Rejected",
                "Rejected final",
                "Disputed",
                "Disputed claim expired",
                "Post submission claim expired",
                name="claimstatus",
                native_enum=False,
                length=40,
            ),
            nullable=False,
        ),
        sa.Column("is_dispute", sa.Boolean(), nullable=False),
        sa.Column("created_on", sa.Date(), nullable=False),
        sa.Column("consent_date", sa.Date(), nullable=False),
        sa.Column("first_submitted_at", sa.DateTime(), nullable=False),
        sa.Column("submitted_at", sa.DateTime(), nullable=False),
        sa.Column("rejected_at", sa.DateTime(), nullable=True),
        sa.Column("deal_size_usd", sa.BigInteger(), nullable=True),
        sa.Column("requested_hours", sa.BigInteger(), nullable=True),
        sa.Column("proposed_payout_usd", sa.BigInteger(), nullable=True),
        sa.Column("partner_contact_name", sa.String(length=200), nullable=True),
        sa.Column("partner_contact_email", sa.String(length=320), nullable=True),
        sa.Column("customer_contact_name", sa.String(length=200), nullable=True),
        sa.Column("customer_contact_email", sa.String(length=320), nullable=True),
        sa.Column("customer_contact_title", sa.String(length=200), nullable=True),
        sa.Column("domain_mismatch_reason", sa.String(length=1000), nullable=True),
        sa.Column("assignee_id", sa.Integer(), nullable=True),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["assignee_id"], ["users.id"], name=op.f("fk_claims_assignee_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customers.id"], name=op.f("fk_claims_customer_id_customers")
        ),
        sa.ForeignKeyConstraint(
            ["engagement_id"], ["engagements.id"], name=op.f("fk_claims_engagement_id_engagements")
        ),
        sa.ForeignKeyConstraint(
            ["partner_location_id"],
            ["partner_locations.id"],
            name=op.f("fk_claims_partner_location_id_partner_locations"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_claims")),
        sa.UniqueConstraint("claim_id", name=op.f("uq_claims_claim_id")),
    )
    with op.batch_alter_table("claims", schema=None) as batch_op:
        batch_op.create_index(
            "ix_claims_status_submitted_at", ["status", "submitted_at"], unique=False
        )

    op.create_table(
        "documents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum("invoice", "poe", name="documentkind", native_enum=False, length=20),
            nullable=False,
        ),
        sa.Column("file_name", sa.String(length=255), nullable=False),
        sa.ForeignKeyConstraint(
            ["claim_id"], ["claims.id"], name=op.f("fk_documents_claim_id_claims")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_documents")),
        sa.UniqueConstraint(
            "claim_id", "kind", "file_name", name=op.f("uq_documents_claim_id_kind_file_name")
        ),
    )
    op.create_table(
        "history_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("action", sa.String(length=80), nullable=False),
        sa.Column(
            "from_status",
            sa.Enum(
                "Customer claimed",
                "Awaiting customer consent",
                "Customer consent received",
                "Customer consent declined",
                "Customer consent expired",
                "Not submitted claim expired",
                "Cancelled",
                "Submitted",
                "Under review",
                "Approved",
                "Action required",
                "Rejected",
                "Rejected final",
                "Disputed",
                "Disputed claim expired",
                "Post submission claim expired",
                name="claimstatus",
                native_enum=False,
                length=40,
            ),
            nullable=True,
        ),
        sa.Column(
            "to_status",
            sa.Enum(
                "Customer claimed",
                "Awaiting customer consent",
                "Customer consent received",
                "Customer consent declined",
                "Customer consent expired",
                "Not submitted claim expired",
                "Cancelled",
                "Submitted",
                "Under review",
                "Approved",
                "Action required",
                "Rejected",
                "Rejected final",
                "Disputed",
                "Disputed claim expired",
                "Post submission claim expired",
                name="claimstatus",
                native_enum=False,
                length=40,
            ),
            nullable=True,
        ),
        sa.Column(
            "actor_kind",
            sa.Enum(
                "partner", "reviewer", "system", name="actorkind", native_enum=False, length=20
            ),
            nullable=False,
        ),
        sa.Column("actor_user_id", sa.Integer(), nullable=True),
        sa.Column("actor_name", sa.String(length=200), nullable=False),
        sa.Column("details", sa.JSON(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["actor_user_id"], ["users.id"], name=op.f("fk_history_events_actor_user_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["claim_id"], ["claims.id"], name=op.f("fk_history_events_claim_id_claims")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_history_events")),
    )
    with op.batch_alter_table("history_events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_history_events_claim_id"), ["claim_id"], unique=False)

    op.create_table(
        "submittals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "submission",
                "resubmission",
                "dispute",
                name="submittalkind",
                native_enum=False,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("submitted_at", sa.DateTime(), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.Column("source", sa.String(length=40), nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["claim_id"], ["claims.id"], name=op.f("fk_submittals_claim_id_claims")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_submittals")),
        sa.UniqueConstraint("claim_id", "number", name=op.f("uq_submittals_claim_id_number")),
    )
    op.create_table(
        "surveys",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.Column(
            "role",
            sa.Enum("customer", "partner", name="surveyrole", native_enum=False, length=20),
            nullable=False,
        ),
        sa.Column(
            "status",
            sa.Enum(
                "not_initiated",
                "sent",
                "completed",
                name="surveystatus",
                native_enum=False,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("completed_at", sa.DateTime(), nullable=True),
        sa.Column("responses", sa.JSON(), nullable=False),
        sa.Column("signature", sa.String(length=1000), nullable=True),
        sa.ForeignKeyConstraint(
            ["claim_id"], ["claims.id"], name=op.f("fk_surveys_claim_id_claims")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_surveys")),
        sa.UniqueConstraint("claim_id", "role", name=op.f("uq_surveys_claim_id_role")),
    )
    op.create_table(
        "check_results",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.Column("submittal_id", sa.Integer(), nullable=True),
        sa.Column("check_id", sa.String(length=80), nullable=False),
        sa.Column("check_version", sa.String(length=40), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "pass",
                "fail",
                "warn",
                "error",
                "skip",
                name="checkstatus",
                native_enum=False,
                length=10,
            ),
            nullable=False,
        ),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("evidence", sa.JSON(), nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("ran_at", sa.DateTime(), nullable=False),
        sa.Column("current", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["claim_id"], ["claims.id"], name=op.f("fk_check_results_claim_id_claims")
        ),
        sa.ForeignKeyConstraint(
            ["submittal_id"],
            ["submittals.id"],
            name=op.f("fk_check_results_submittal_id_submittals"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_check_results")),
    )
    with op.batch_alter_table("check_results", schema=None) as batch_op:
        batch_op.create_index(
            "ix_check_results_claim_check", ["claim_id", "check_id"], unique=False
        )

    op.create_table(
        "comments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column(
            "author_kind",
            sa.Enum(
                "partner", "reviewer", "system", name="actorkind", native_enum=False, length=20
            ),
            nullable=False,
        ),
        sa.Column("author_user_id", sa.Integer(), nullable=True),
        sa.Column("author_name", sa.String(length=200), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column(
            "visibility",
            sa.Enum("partner", "internal", name="visibility", native_enum=False, length=20),
            nullable=False,
        ),
        sa.Column("submittal_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["author_user_id"], ["users.id"], name=op.f("fk_comments_author_user_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["claim_id"], ["claims.id"], name=op.f("fk_comments_claim_id_claims")
        ),
        sa.ForeignKeyConstraint(
            ["submittal_id"], ["submittals.id"], name=op.f("fk_comments_submittal_id_submittals")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_comments")),
    )
    with op.batch_alter_table("comments", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_comments_claim_id"), ["claim_id"], unique=False)

    op.create_table(
        "document_versions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size_bytes", sa.Integer(), nullable=False),
        sa.Column("content_type", sa.String(length=40), nullable=False),
        sa.Column("content_detail", sa.String(length=200), nullable=False),
        sa.Column("uploaded_at", sa.DateTime(), nullable=False),
        sa.Column("submittal_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_document_versions_document_id_documents"),
        ),
        sa.ForeignKeyConstraint(
            ["submittal_id"],
            ["submittals.id"],
            name=op.f("fk_document_versions_submittal_id_submittals"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_document_versions")),
        sa.UniqueConstraint(
            "document_id", "number", name=op.f("uq_document_versions_document_id_number")
        ),
    )
    with op.batch_alter_table("document_versions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_document_versions_sha256"), ["sha256"], unique=False)

    op.create_table(
        "decisions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.Column("submittal_id", sa.Integer(), nullable=True),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("reviewer_id", sa.Integer(), nullable=False),
        sa.Column(
            "outcome",
            sa.Enum(
                "approve",
                "request_action",
                "reject",
                name="decisionoutcome",
                native_enum=False,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("on_dispute", sa.Boolean(), nullable=False),
        sa.Column("comment_id", sa.Integer(), nullable=True),
        sa.Column("override_reason", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["claim_id"], ["claims.id"], name=op.f("fk_decisions_claim_id_claims")
        ),
        sa.ForeignKeyConstraint(
            ["comment_id"], ["comments.id"], name=op.f("fk_decisions_comment_id_comments")
        ),
        sa.ForeignKeyConstraint(
            ["reviewer_id"], ["users.id"], name=op.f("fk_decisions_reviewer_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["submittal_id"], ["submittals.id"], name=op.f("fk_decisions_submittal_id_submittals")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_decisions")),
    )
    with op.batch_alter_table("decisions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_decisions_claim_id"), ["claim_id"], unique=False)

    op.create_table(
        "submittal_documents",
        sa.Column("submittal_id", sa.Integer(), nullable=False),
        sa.Column("document_version_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_version_id"],
            ["document_versions.id"],
            name=op.f("fk_submittal_documents_document_version_id_document_versions"),
        ),
        sa.ForeignKeyConstraint(
            ["submittal_id"],
            ["submittals.id"],
            name=op.f("fk_submittal_documents_submittal_id_submittals"),
        ),
        sa.PrimaryKeyConstraint(
            "submittal_id", "document_version_id", name=op.f("pk_submittal_documents")
        ),
    )


def downgrade() -> None:

    op.drop_table("submittal_documents")
    with op.batch_alter_table("decisions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_decisions_claim_id"))

    op.drop_table("decisions")
    with op.batch_alter_table("document_versions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_document_versions_sha256"))

    op.drop_table("document_versions")
    with op.batch_alter_table("comments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_comments_claim_id"))

    op.drop_table("comments")
    with op.batch_alter_table("check_results", schema=None) as batch_op:
        batch_op.drop_index("ix_check_results_claim_check")

    op.drop_table("check_results")
    op.drop_table("surveys")
    op.drop_table("submittals")
    with op.batch_alter_table("history_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_history_events_claim_id"))

    op.drop_table("history_events")
    op.drop_table("documents")
    with op.batch_alter_table("claims", schema=None) as batch_op:
        batch_op.drop_index("ix_claims_status_submitted_at")

    op.drop_table("claims")
    op.drop_table("users")
    op.drop_table("partner_locations")
    op.drop_table("engagements")
    op.drop_table("customers")
