"""Alembic environment: the engine comes from the caller (``config.attributes['engine']``)."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from survey_app.core.storage import search_sql
from survey_app.core.storage.models import Base
from survey_app.core.storage.types import ScaledDecimal, UTCDateTime

config = context.config
target_metadata = Base.metadata


def render_item(type_: str, obj: object, autogen_context: object) -> str | bool:
    """Render our TypeDecorators as their plain storage types, so migrations never import app code."""
    if type_ == "type" and isinstance(obj, ScaledDecimal):
        return "sa.BigInteger()"
    if type_ == "type" and isinstance(obj, UTCDateTime):
        return "sa.DateTime()"
    return False


def run_migrations_online() -> None:
    engine = config.attributes.get("engine")
    if engine is None:
        engine = create_engine(config.get_main_option("sqlalchemy.url"))
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=connection.dialect.name == "sqlite",  # SQLite ALTER goes through table copies
            compare_type=True,
            render_item=render_item,
            include_name=search_sql.include_name,  # the FTS index's tables are not models
        )
        with context.begin_transaction():
            context.run_migrations()
        connection.commit()


run_migrations_online()
