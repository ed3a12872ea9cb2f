"""Database faults the user can act on, in Chinese: the one place that maps driver errors to them.

SQLite reports a full disk, a lock held too long, a read-only file, a damaged file each with its own
result code (``sqlite3.Error.sqlite_errorcode``, Python ≥ 3.11); PostgreSQL with an SQLSTATE. ``translate``
turns those into a ``StorageError`` subclass whose message says what happened and that nothing was lost
(the transaction was rolled back); everything else is left alone (constraint errors, programming errors).
``install(engine)`` makes every statement run through SQLAlchemy raise the translated error instead of
the driver's (the unit of work, bulk writes, reads, migrations); code that talks to the DB-API
connection directly wraps itself in ``mapped()``. The CLI and the GUI show ``str(error)`` as it is.

Thread-safety: stateless.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from survey_app.core.domain.errors import SurveyAppError

NOTHING_LOST = "本次操作未保存，已有数据未受影响"


class StorageError(SurveyAppError):
    """The database (or the disk under it) refused the work; the transaction was rolled back."""


class DiskFull(StorageError):
    def __init__(self) -> None:
        super().__init__(f"磁盘空间不足，无法写入数据库；{NOTHING_LOST}。请清理磁盘空间后重试。")


class DatabaseBusy(StorageError):
    def __init__(self) -> None:
        super().__init__(f"数据库正被另一个程序或窗口占用（正在写入），等待超时；{NOTHING_LOST}。请稍后重试。")


class ReadOnlyDatabase(StorageError):
    def __init__(self) -> None:
        super().__init__(f"数据库文件或其所在文件夹是只读的，无法写入；{NOTHING_LOST}。"
                         "请检查文件权限，或把项目复制到可写的位置。")


class CannotOpenDatabase(StorageError):
    def __init__(self) -> None:
        super().__init__("无法打开数据库文件：路径不是文件、文件夹不存在或没有读写权限；数据未被改动。")


class DiskIOError(StorageError):
    def __init__(self) -> None:
        super().__init__(f"读写数据库文件时出错（磁盘或U盘可能已拔出或有坏道）；{NOTHING_LOST}。请检查后重试。")


class CorruptDatabase(StorageError):
    """The file is damaged or not a database at all. ``detail`` is SQLite's own (English) finding."""

    def __init__(self, detail: str = "") -> None:
        tail = f"（技术信息：{_one_line(detail)}）" if detail else ""
        super().__init__(f"数据库文件已损坏或不是本软件的数据库，已停止使用以免损坏扩大；请从备份恢复或联系技术支持{tail}")
        self.detail = detail


class EmptyDatabaseFile(CorruptDatabase):
    """A 0-byte file where a project was expected: never migrated into an empty project."""

    def __init__(self) -> None:
        StorageError.__init__(self, "数据库文件是空的（0 字节），可能在复制或保存时被截断；为免覆盖，"
                                    "没有把它当作新项目打开。请从备份恢复，或删除该文件后重新开始。")
        self.detail = "empty file"


class DatabaseEncrypted(CorruptDatabase):
    """No key for a file without SQLite's plain header: an encrypted project (or, if it never was, a damaged
    file — the two can't be told apart without the key)."""

    def __init__(self) -> None:
        StorageError.__init__(self, "此项目数据库已加密，需要登录后打开；数据未被改动。"
                                    "（如果这个项目从未加密，则数据库文件已损坏，请从备份恢复。）")
        self.detail = "encrypted or not a database"


class WrongKey(StorageError):
    """A key that does not open the encrypted file (or the file's first page is damaged)."""

    def __init__(self) -> None:
        super().__init__("密钥不对：无法用当前登录解开此项目数据库（也可能是文件已损坏）；数据未被改动。"
                         "请用在本机工作的账号重新登录，或从备份恢复。")


class DatabaseNotEncrypted(StorageError):
    """A key was given for a plain (unencrypted) project file: it is not silently used unencrypted."""

    def __init__(self) -> None:
        super().__init__("此项目数据库尚未加密，不能按加密项目打开；数据未被改动。请先把它转换为加密项目。")


class CipherUnavailable(StorageError):
    def __init__(self) -> None:
        super().__init__("本软件安装不完整：缺少数据库加密组件（sqlcipher3），无法打开加密的项目。请重新安装软件。")


class SealedFileNeedsKey(StorageError):
    def __init__(self) -> None:
        super().__init__("此文件（照片或文档）已加密，需要登录后才能查看。")


class SealedFileUnreadable(StorageError):
    def __init__(self) -> None:
        super().__init__("此文件（照片或文档）无法解密：密钥不对或文件已被改动或损坏；文件未被改动。")


class DatabaseTooNew(StorageError):
    def __init__(self, revision: str) -> None:
        super().__init__(f"此数据库来自更新版本的软件（数据库版本 {_one_line(revision)[:40]}），本版本无法使用；"
                         "数据未被改动，请升级软件后再打开。")
        self.revision = revision


# SQLite primary result codes (https://sqlite.org/rescode.html)
SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY, SQLITE_IOERR, SQLITE_CORRUPT = 5, 6, 8, 10, 11
SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_NOTADB = 13, 14, 26
SQLITE_IOERR_NOMEM = SQLITE_IOERR | (12 << 8)  # out of memory, not a disk fault: left alone
SQLITE_CORRUPT_VTAB = SQLITE_CORRUPT | (1 << 8)  # an FTS index out of step with its table: rebuilt, not fatal
# PostgreSQL SQLSTATEs with the same meaning
_PG = {"53100": DiskFull, "55P03": DatabaseBusy, "40P01": DatabaseBusy, "25006": ReadOnlyDatabase,
       "XX001": CorruptDatabase, "XX002": CorruptDatabase}


def translate(exc: BaseException) -> StorageError | None:
    """The StorageError ``exc`` means (a driver error or SQLAlchemy's wrapper of one), or None."""
    if isinstance(exc, StorageError):
        return exc
    orig = getattr(exc, "orig", None)  # sqlalchemy.exc.DBAPIError
    if orig is not None and orig is not exc:
        return translate(orig)
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int):
        return _from_sqlite(code, str(exc))
    state = getattr(exc, "sqlstate", None) or getattr(exc, "pgcode", None)
    if isinstance(state, str) and state in _PG:
        cls = _PG[state]
        return cls(state) if cls is CorruptDatabase else cls()
    return None


def _from_sqlite(code: int, text: str) -> StorageError | None:
    if code in (SQLITE_CORRUPT_VTAB, SQLITE_IOERR_NOMEM):
        return None
    primary = code & 0xFF
    if primary == SQLITE_FULL:
        return DiskFull()
    if primary in (SQLITE_BUSY, SQLITE_LOCKED):
        return DatabaseBusy()
    if primary == SQLITE_READONLY:
        return ReadOnlyDatabase()
    if primary in (SQLITE_CORRUPT, SQLITE_NOTADB):
        return CorruptDatabase(text)
    if primary == SQLITE_CANTOPEN:
        return CannotOpenDatabase()
    if primary == SQLITE_IOERR:
        return DiskIOError()
    return None


@contextmanager
def mapped() -> Iterator[None]:
    """Raise the translated error for a driver error raised inside the block."""
    try:
        yield
    except Exception as exc:
        mapped_exc = translate(exc)
        if mapped_exc is None or mapped_exc is exc:
            raise
        raise mapped_exc from exc


def install(engine: Any) -> None:
    """Translate driver errors for every statement (and connect) of ``engine``."""
    from sqlalchemy import event

    def handle_error(context: Any) -> None:
        mapped_exc = translate(context.original_exception)
        if mapped_exc is not None:
            raise mapped_exc from context.original_exception

    event.listen(engine, "handle_error", handle_error)


def _one_line(text: str) -> str:
    return " ".join(str(text).split())[:200]
