"""Alembic environment: uses the connection handed over by workbench.schema,
or WORKBENCH_DATABASE_URL when run as ``alembic`` from the repository."""

from __future__ import annotations

import os

from alembic import context
from sqlalchemy import create_engine

from workbench.models import Base

config = context.config
target_metadata = Base.metadata


def run_migrations() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    url = config.get_main_option("sqlalchemy.url") or os.environ.get("WORKBENCH_DATABASE_URL")
    if not url:
        raise SystemExit("set WORKBENCH_DATABASE_URL to the database to migrate")
    engine = create_engine(url)
    with engine.begin() as connection:
        _run(connection)


def _run(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        # SQLite cannot ALTER most things; batch mode rebuilds tables instead.
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations()
