"""The key vault of a real project: one file ``<db>.vault`` beside the database (docs/security.md).

A random 32-byte **master key** is never stored in clear. It is wrapped once per **key slot**:

* ``user:<username>`` — under that user's login password, and
* ``device`` — under the device (sync) password, for recovery and for adding a user who arrived in an
  assignment and has no slot yet.

Wrapping: scrypt(password, salt) → ChaCha20-Poly1305 over the master key, with the vault's format,
version, id, the slot's name, its KDF parameters and nonce as associated data — so editing any of them,
moving a slot to another name or another vault, or flipping a byte of the wrapped key fails to unlock.
From the master key, HKDF-SHA256 derives one key per purpose (``Unlocked``): the SQLCipher key, the
audit-chain MAC key, the file key (photos, PDFs) and the key that seals the device's Ed25519 identity.

Failed attempts are counted per slot in the vault file (the database is still closed at that point):
after ``MAX_FAILURES`` in a row the slot is locked for ``LOCKOUT``. Someone who can write the file can
reset those counters (nothing before the unlock can authenticate them); what bounds guessing then is
the scrypt cost of every try.

The file is JSON, versioned, written atomically (a private temporary file, then ``os.replace``).
Nothing here logs or prints a key; ``Unlocked``'s repr shows none. ``cryptography`` is imported only when
a slot is opened (the demo's start-up only asks ``exists``). Thread-safety: a ``Vault`` object is
not shared between threads; ``Unlocked`` is immutable.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from survey_app.core import kdf as kdf_
from survey_app.core.domain.errors import AuthenticationError, ValidationError
from survey_app.core.paths import VAULT_SUFFIX, vault_file

FORMAT = "survey_app.vault"
VERSION = 1
SUFFIX = VAULT_SUFFIX
DEVICE_SLOT = "device"
# scrypt like sync/keys.py: 32 MiB and ~0.1 s per try. What a file may ask for is bounded, so an edited
# vault cannot make the app burn gigabytes of memory before the AEAD refuses it.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**15, 8, 1
MAX_FAILURES = 5
LOCKOUT = dt.timedelta(minutes=15)
LABELS = ("sqlcipher", "audit-mac", "files", "identity")

WRONG = "密码错误（还可尝试{left}次）"
LOCKED_NOW = f"连续{MAX_FAILURES}次密码错误，已锁定{int(LOCKOUT.total_seconds() // 60)}分钟"
LOCKED = f"连续{MAX_FAILURES}次密码错误，已锁定，请{{minutes}}分钟后再试"
BAD_FILE = "密钥库文件已损坏或格式不对，无法打开项目"


class NoSlot(AuthenticationError):
    """The vault has no slot of that name (a user who arrived in an assignment: add one)."""

    def __init__(self, slot: str):
        super().__init__("本机还没有该用户的密钥：请输入设备密码，为其添加一次")
        self.slot = slot


def user_slot(username: str) -> str:
    return f"user:{username}"


def vault_path(db_path: str | Path) -> Path:
    return vault_file(db_path)


def exists(db_path: str | Path | None) -> bool:
    """Whether the database at ``db_path`` belongs to a real (vaulted) project. URLs have no vault."""
    if db_path is None or "://" in str(db_path):
        return False
    return vault_path(db_path).is_file()


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def _unb64(text: object) -> bytes:
    if not isinstance(text, str):
        raise ValidationError(BAD_FILE)
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        raise ValidationError(BAD_FILE) from None


def _canonical(obj: object) -> bytes:
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@dataclass(frozen=True, eq=False)
class Unlocked:
    """An opened vault: the keys derived from its master key. Memory only; never printed."""

    vault_path: Path
    slot: str
    vault_id: bytes = field(repr=False)
    _master: bytes = field(repr=False)

    def key(self, label: str) -> bytes:
        from cryptography.hazmat.primitives.hashes import SHA256
        from cryptography.hazmat.primitives.kdf.hkdf import HKDF

        if label not in LABELS:
            raise ValueError(f"unknown key label {label!r}")
        return HKDF(algorithm=SHA256(), length=32, salt=self.vault_id,
                    info=f"{FORMAT} v{VERSION} {label}".encode()).derive(self._master)

    @property
    def cipher_key(self) -> bytes:
        return self.key("sqlcipher")

    @property
    def audit_key(self) -> bytes:
        return self.key("audit-mac")

    @property
    def file_key(self) -> bytes:
        return self.key("files")

    @property
    def identity_key(self) -> bytes:
        return self.key("identity")

    def __repr__(self) -> str:
        return f"Unlocked(vault={self.vault_path.name}, slot={self.slot})"


class Vault:
    """A vault file's slots. ``create``/``load``, then ``unlock``; slot changes need an ``Unlocked``."""

    def __init__(self, path: Path, data: dict):
        self.path, self._data = Path(path), data

    # --- files ----------------------------------------------------------------------------------------

    @classmethod
    def create(cls, path: str | Path, slots: dict[str, str]) -> tuple[Vault, Unlocked]:
        """A new vault at ``path`` (refused if one exists) with a slot per (name → password)."""
        path = Path(path)
        if path.exists():
            raise ValidationError("该项目已有密钥库，不能重复创建")
        if not slots:
            raise ValidationError("密钥库至少需要一个密钥槽")
        vault = cls(path, {"format": FORMAT, "version": VERSION, "vault_id": _b64(os.urandom(16)), "slots": {}})
        master = os.urandom(32)
        for name, password in slots.items():
            vault._data["slots"][name] = vault._wrap(name, password, master)
        vault._save()
        return vault, Unlocked(path, next(iter(slots)), vault._vault_id, master)

    @classmethod
    def load(cls, path: str | Path) -> Vault:
        path = Path(path)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ValidationError("找不到项目的密钥库文件") from None
        except (UnicodeDecodeError, ValueError):
            raise ValidationError(BAD_FILE) from None
        vault = cls(path, data)
        vault._check()
        return vault

    def _check(self) -> None:
        d = self._data
        if not isinstance(d, dict) or d.get("format") != FORMAT or not isinstance(d.get("slots"), dict):
            raise ValidationError(BAD_FILE)
        if d.get("version") != VERSION:
            raise ValidationError(f"密钥库的格式版本不支持（版本 {d.get('version')}），请升级软件")
        if len(_unb64(d.get("vault_id"))) != 16:
            raise ValidationError(BAD_FILE)
        for slot in d["slots"].values():
            self._check_slot(slot)

    @staticmethod
    def _check_slot(slot: object) -> None:
        try:
            kdf = slot["kdf"]
            n, r, p = kdf["n"], kdf["r"], kdf["p"]
            ok = (kdf["name"] == "scrypt" and slot["cipher"] == "chacha20-poly1305" and kdf_.acceptable(n, r, p)
                  and type(slot["failed"]) is int and 0 <= slot["failed"] <= MAX_FAILURES
                  and (slot["locked_until"] is None or isinstance(slot["locked_until"], str)))
            if ok and slot["locked_until"] is not None:
                dt.datetime.fromisoformat(slot["locked_until"])
        except (KeyError, TypeError, ValueError):
            raise ValidationError(BAD_FILE) from None
        if not ok or len(_unb64(kdf["salt"])) < 16 or len(_unb64(slot["nonce"])) != 12 \
                or len(_unb64(slot["wrapped"])) != 48:
            raise ValidationError(BAD_FILE)

    def _save(self) -> None:
        """Atomically: a private temporary file beside the vault, flushed, then renamed over it."""
        tmp = self.path.with_name(self.path.name + ".tmp")
        data = json.dumps(self._data, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0), 0o600)
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(data)
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, self.path)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        try:  # H2's platform module: 0600 and a durable rename where the OS has them
            from survey_app.core import platform
        except ImportError:
            return
        platform.private_file(self.path)
        platform.fsync_dir(self.path.parent)

    # --- slots ----------------------------------------------------------------------------------------

    @property
    def _vault_id(self) -> bytes:
        return _unb64(self._data["vault_id"])

    @property
    def slots(self) -> list[str]:
        return sorted(self._data["slots"])

    @property
    def default_user(self) -> str | None:
        """Whom the command line opens the project as when no ``--login`` is given (the first HQ admin), or
        None. A hint only, not bound to anything: editing it just makes the CLI try another user's slot with
        the password it was given."""
        name = self._data.get("default_user")
        return name if isinstance(name, str) and self.has_slot(user_slot(name)) else None

    def set_default_user(self, username: str) -> None:
        self._data["default_user"] = username
        self._save()

    def has_slot(self, name: str) -> bool:
        return name in self._data["slots"]

    def _ad(self, name: str, slot: dict) -> bytes:
        return _canonical({"format": self._data["format"], "version": self._data["version"],
                           "vault_id": self._data["vault_id"], "slot": name, "kdf": slot["kdf"],
                           "cipher": slot["cipher"], "nonce": slot["nonce"]})

    def _wrap(self, name: str, password: str, master: bytes) -> dict:
        if not name or not password:
            raise ValidationError("密钥槽的名称和密码不能为空")
        from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
        salt, nonce = os.urandom(16), os.urandom(12)
        slot = {"kdf": {"name": "scrypt", "n": SCRYPT_N, "r": SCRYPT_R, "p": SCRYPT_P, "salt": _b64(salt)},
                "cipher": "chacha20-poly1305", "nonce": _b64(nonce), "failed": 0, "locked_until": None}
        kek = kdf_.scrypt(kdf_.password_bytes(password), salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P)
        slot["wrapped"] = _b64(ChaCha20Poly1305(kek).encrypt(nonce, master, self._ad(name, slot)))
        return slot

    def _open(self, name: str, slot: dict, password: str) -> bytes | None:
        from cryptography.exceptions import InvalidTag
        from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
        kdf = slot["kdf"]
        kek = kdf_.scrypt(kdf_.password_bytes(password), _unb64(kdf["salt"]), n=kdf["n"], r=kdf["r"], p=kdf["p"])
        try:
            return ChaCha20Poly1305(kek).decrypt(_unb64(slot["nonce"]), _unb64(slot["wrapped"]), self._ad(name, slot))
        except InvalidTag:  # a wrong password, or an edited slot: AEAD cannot tell them apart
            return None

    def unlock(self, name: str, password: str, *, now: dt.datetime | None = None) -> Unlocked:
        """Open slot ``name``. Raises ``NoSlot``, or ``AuthenticationError`` (remaining tries / locked)."""
        now = now or _now()
        slot = self._data["slots"].get(name)
        if slot is None:
            raise NoSlot(name)
        until = dt.datetime.fromisoformat(slot["locked_until"]) if slot["locked_until"] else None
        if until is not None and until.tzinfo is None:
            until = until.replace(tzinfo=dt.UTC)
        if until is not None and now < until <= now + LOCKOUT:  # a longer lock was not written by us
            minutes = max(1, int((until - now).total_seconds() // 60) + 1)
            raise AuthenticationError(LOCKED.format(minutes=minutes))
        master = self._open(name, slot, password)
        if master is None:
            slot["failed"] += 1
            slot["locked_until"] = None
            locked = slot["failed"] >= MAX_FAILURES
            if locked:
                slot["failed"], slot["locked_until"] = 0, (now + LOCKOUT).isoformat()
            left = MAX_FAILURES - slot["failed"]
            self._save()
            raise AuthenticationError(LOCKED_NOW if locked else WRONG.format(left=left))
        if slot["failed"] or slot["locked_until"]:
            slot["failed"], slot["locked_until"] = 0, None
            self._save()
        return Unlocked(self.path, name, self._vault_id, master)

    def _require(self, unlocked: Unlocked) -> None:
        if unlocked.vault_path.resolve() != self.path.resolve() or unlocked.vault_id != self._vault_id:
            raise ValidationError("密钥不属于这个项目的密钥库")

    def add_slot(self, unlocked: Unlocked, name: str, password: str) -> None:
        self._require(unlocked)
        if name in self._data["slots"]:
            raise ValidationError("该密钥槽已存在")
        self._data["slots"][name] = self._wrap(name, password, unlocked._master)
        self._save()

    def rewrap(self, unlocked: Unlocked, name: str, password: str) -> None:
        """Wrap the master key under a new password for slot ``name`` (added when missing)."""
        self._require(unlocked)
        self._data["slots"][name] = self._wrap(name, password, unlocked._master)
        self._save()

    def remove_slot(self, unlocked: Unlocked, name: str) -> None:
        self._require(unlocked)
        if name not in self._data["slots"]:
            raise NoSlot(name)
        if len(self._data["slots"]) == 1:
            raise ValidationError("不能删除最后一个密钥槽（否则项目再也打不开）")
        del self._data["slots"][name]
        self._save()

    def slot_snapshot(self, name: str) -> dict | None:
        """A copy of one slot's stored form (to put back with ``restore_slot`` if a later step fails)."""
        slot = self._data["slots"].get(name)
        return None if slot is None else json.loads(json.dumps(slot))

    def restore_slot(self, name: str, snapshot: dict | None) -> None:
        if snapshot is None:
            self._data["slots"].pop(name, None)
        else:
            self._data["slots"][name] = snapshot
        self._save()


# --- the open session ------------------------------------------------------------------------------------
# The ``Unlocked`` of a project travels on its Database object as ``db.unlocked`` (memory only): services
# that need a derived key (the device identity, files) read it there; a demo database has none.

def attach(db: object, unlocked: Unlocked) -> None:
    db.unlocked = unlocked  # type: ignore[attr-defined]


def session_of(db: object) -> Unlocked | None:
    return getattr(db, "unlocked", None)


def is_vaulted(db: object) -> bool:
    """A real project: its database has a vault (whether or not this Database was opened through it)."""
    return session_of(db) is not None or exists(getattr(db, "path", None))
