"""Where a project's media store lives (issue 11 item 3: the media store sits in storage, below both the
services that attach photos and sync that ships them).

Files are content-addressed: ``<db>-media/ab/abcdef….jpg`` by sha256; in an encrypted project
(``db.file_key`` set) each is sealed, and read back with ``core.files.read_private(path, db.file_key)``
(services/attachments.py ``read_media``). Paths only here: core/files.py sits below storage's callers."""

from __future__ import annotations

from pathlib import Path

from survey_app.core.storage.database import Database


def media_root(db: Database) -> Path:
    """The project's media folder, next to its database file."""
    if db.path is None:  # a server database (a PostgreSQL HQ): a folder of this machine's, named for it
        from survey_app.core.storage.pg import media_folder

        return media_folder(db.url)
    return db.path.parent / f"{db.path.stem}-media"


def media_file(root: Path, sha256: str, suffix: str) -> Path:
    """Where a content-addressed file lives under a media folder (ab/abcdef….jpg)."""
    return root / sha256[:2] / f"{sha256}{suffix.lower()}"


def media_path(db: Database, sha256: str, suffix: str) -> Path:
    """Where this project keeps the file with that content hash."""
    return media_file(media_root(db), sha256, suffix)
