"""The migrations build exactly the models' schema, on SQLite and PostgreSQL."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, inspect

from workbench.models import Base
from workbench.schema import current_revision, downgrade_to_base, head_revision, upgrade_to_head


def test_migrated_schema_matches_the_models(database_url):
    engine = create_engine(database_url)
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences = compare_metadata(context, Base.metadata)
    engine.dispose()
    assert differences == []


def test_upgrade_is_idempotent_and_downgrade_removes_everything(database_url):
    engine = create_engine(database_url)
    assert current_revision(engine) == head_revision()
    assert upgrade_to_head(engine) is False
    downgrade_to_base(engine)
    assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
    assert upgrade_to_head(engine) is True
    assert set(Base.metadata.tables) <= set(inspect(engine).get_table_names())
    engine.dispose()
