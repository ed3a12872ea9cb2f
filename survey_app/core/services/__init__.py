"""The services the UI and the CLI call. Every one takes the project handle (``Database``) and an ``Actor``
(core/domain/actor.py) and returns plain values or the ``ChangeSet`` its commit produced.

``Database`` and ``StorageError`` are named here so the UI depends on the services' vocabulary, never on
the storage package itself (tests/core/test_layering.py): to the UI the database is an opaque handle it
passes to services.
"""

from survey_app.core.storage.database import Database
from survey_app.core.storage.errors import StorageError

__all__ = ["Database", "StorageError"]
