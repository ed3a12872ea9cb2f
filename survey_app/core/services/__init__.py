"""The services the UI and the CLI call. Every one takes the project handle (``Database``) and an ``Actor``
(core/domain/actor.py) and returns plain values or the ``ChangeSet`` its commit produced.

``Database`` and ``StorageError`` are named here so the UI depends on the services' vocabulary, never on
the storage package itself (tests/core/test_layering.py): to the UI the database is an opaque handle it
passes to services.
Both are looked up when first named (PEP 562), not when the package is imported: the first screen's
read (services/first_screen.py) must not import SQLAlchemy with them (start-up budget, DESIGN §8).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from survey_app.core.storage.database import Database
    from survey_app.core.storage.errors import StorageError

__all__ = ["Database", "StorageError"]


def __getattr__(name: str) -> object:
    if name == "Database":
        from survey_app.core.storage.database import Database

        return Database
    if name == "StorageError":
        from survey_app.core.storage.errors import StorageError

        return StorageError
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
