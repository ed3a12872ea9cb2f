"""An encrypted project file: SQLCipher through ``sqlcipher3`` (self-contained wheels ≥ 0.6.2).

The key is the 32-byte ``cipher_key`` the key vault derives at login; it is handed to SQLCipher as a raw key
(``PRAGMA key = "x'<64 hex>'"``), so no PBKDF2 runs per connection (the vault already stretched the password).
SQLCipher 4 defaults: AES-256-CBC per 4 KiB page with a per-page IV and an HMAC-SHA512, a random 16-byte
salt as the first bytes of the file; the -wal file holds encrypted pages too. The bundled SQLite (3.53 in
sqlcipher3 0.6.4) has WAL, JSON and the FTS5 trigram tokenizer the household search needs.

A plain SQLite file starts with ``"SQLite format 3\\0"``; an encrypted one with its random salt. Without a
key the two can't be told apart from a damaged file by content, so ``file_kind`` looks at the header only.

Thread-safety: stateless; each connection is keyed when it is made.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

from survey_app.core.platform import fsync_dir, private_file
from survey_app.core.storage import errors
from survey_app.core.storage.live_files import SQLITE_HEADER, file_kind  # noqa: F401 - cipher.file_kind, as before

KEY_BYTES = 32


def dbapi() -> Any:
    """The sqlcipher3 DB-API module, or a Chinese StorageError when the wheel is not installed."""
    try:
        from sqlcipher3 import dbapi2
    except ImportError as e:  # a build without the dependency: say so instead of a traceback
        raise errors.CipherUnavailable() from e
    return dbapi2


def key_pragma(key: bytes) -> str:
    if not isinstance(key, bytes | bytearray) or len(key) != KEY_BYTES:
        raise ValueError("cipher_key must be 32 bytes")
    return f"PRAGMA key = \"x'{bytes(key).hex()}'\""


def derive_file_key(cipher_key: bytes) -> bytes:
    """The key for the project's files when the vault gave none: HKDF-SHA256 of the database key, its own
    label, so the two keys never coincide."""
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    key_pragma(cipher_key)  # the same checks
    return HKDF(hashes.SHA256(), KEY_BYTES, salt=None, info=b"survey_app files v1").derive(bytes(cipher_key))


def keyed_connect(key: bytes, dialect: Any, record: Any, cargs: list, cparams: dict) -> Any:
    """SQLAlchemy ``do_connect`` hook: a sqlcipher3 connection whose first statement sets the key.

    A wrong key shows at the first page read (SQLITE_NOTADB): checked here so it is a ``WrongKey``."""
    conn = dialect.loaded_dbapi.connect(*cargs, **cparams)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")  # SQLCipher would print HMAC failures to stderr
        conn.execute(key_pragma(key))
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except Exception as exc:
        conn.close()
        if getattr(exc, "sqlite_errorcode", None) == errors.SQLITE_NOTADB:
            raise errors.WrongKey() from None
        mapped = errors.translate(exc)
        if mapped is None:
            raise
        raise mapped from None
    return conn


def encrypt_copy(plain: Path, target: Path, key: bytes) -> None:
    """Write an encrypted copy of the plain project ``plain`` to ``target`` (replaced atomically).

    ``sqlcipher_export`` copies schema, rows, triggers and the FTS index; ``user_version`` is carried
    over. ``plain`` is left as it is: removing it (and its -wal) is the caller's decision. It must not be open
    in this process: SQLCipher is another copy of SQLite, and its close would drop the locks of the other's
    connections (live_files.py)."""
    if file_kind(plain) != "plain":
        raise errors.DatabaseEncrypted()
    key_pragma(key)  # the same checks
    mod = dbapi()
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    os.close(fd)
    os.unlink(tmp)  # SQLCipher must create the file itself
    conn = mod.connect(str(plain), isolation_level=None)
    try:
        with errors.mapped():
            conn.execute("PRAGMA cipher_log_level = NONE")
            conn.execute("ATTACH DATABASE ? AS enc KEY ?", (tmp, f"x'{bytes(key).hex()}'"))
            conn.execute("SELECT sqlcipher_export('enc')")
            version = conn.execute("PRAGMA main.user_version").fetchone()[0]
            conn.execute(f"PRAGMA enc.user_version = {int(version)}")
            conn.execute("DETACH DATABASE enc")
        conn.close()
        private_file(Path(tmp))
        os.replace(tmp, target)
        fsync_dir(target.parent)
    except BaseException:
        conn.close()
        Path(tmp).unlink(missing_ok=True)
        raise
