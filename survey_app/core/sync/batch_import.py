"""HQ imports several field bundles at once (a day's USB sticks): each bundle its own transaction, in order, a
refused one not stopping the rest (sync/importer.py does one).

Big batches are pipelined: bundle n+1 is verified, decrypted, parsed and fingerprinted in a worker process
while bundle n is written here, so on a 2-core machine the two halves run side by side instead of taking
turns under the GIL. A worker process is not free, though: a spawned Python that imports the app's core
costs ~0.6 s of CPU and wall time on the project's 2-core machine (more on a cheap Windows laptop), and
preparing a bundle takes ~19 ms per MB (50–60 MB/s: 4.8 MB in 88 ms, 16 MB in 270 ms, measured). Only
when the bundles after the first hold ``POOL_MIN_BYTES`` or more can the overlap win back the start; a
day's ordinary bundles (tens to hundreds of kB each, a few MB with photos) are imported one after another
in this thread, which is what the pool would have cost them in its start alone.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path

from survey_app.core import platform
from survey_app.core.domain.errors import ValidationError
from survey_app.core.domain.roles import Permission
from survey_app.core.storage.database import Database
from survey_app.core.storage.media import media_root
from survey_app.core.storage.uow import Actor
from survey_app.core.sync import bundle, keys
from survey_app.core.sync.export import project_code
from survey_app.core.sync.importer import (
    ImportReport,
    _apply,
    _prepare,
    _Prepared,
    device_key_texts,
    import_field_bundle,
    key_lookup,
)

# The bytes the bundles after the first must hold for a worker process to pay for its start (~0.6 s here, at
# ~19 ms per MB prepared: ~32 MB of bundles prepared while others are written).
POOL_MIN_BYTES = 32 * 2**20


def import_field_bundles(db: Database, actor: Actor, pair: keys.KeyPair, paths: list[Path], *,
                         progress: Callable[[int, int, str], None] | None = None,
                         cancel: Callable[[], bool] | None = None) -> list[ImportReport | ValidationError]:
    """Import several bundles in order, each in its own transaction; a refused one doesn't stop the rest
    (its error takes its place in the result). ``cancel`` is asked before each bundle: the bundles not
    reached are left out of the result (none is half imported)."""
    actor.require(Permission.IMPORT_BUNDLES)
    db.check_sound()  # once per Database: PRAGMA quick_check, ~4 s at 100k households
    if sum(_size(p) for p in paths[1:]) < POOL_MIN_BYTES:
        return _one_by_one(db, actor, pair, paths, progress, cancel)
    return _pipelined(db, pair, paths, progress, cancel)


def _size(path: Path) -> int:
    try:
        return Path(path).stat().st_size
    except OSError:  # gone or unreadable: its import says so, in its place in the result
        return 0


def _one_by_one(db: Database, actor: Actor, pair: keys.KeyPair, paths: list[Path],
                progress: Callable[[int, int, str], None] | None,
                cancel: Callable[[], bool] | None) -> list[ImportReport | ValidationError]:
    out: list[ImportReport | ValidationError] = []
    for n, path in enumerate(paths):
        if cancel and cancel():
            break
        out.append(_safe(lambda p=path: import_field_bundle(db, actor, pair, Path(p))))
        if progress:
            progress(n + 1, len(paths), "导入同步包")
    return out


def _pipelined(db: Database, pair: keys.KeyPair, paths: list[Path],
               progress: Callable[[int, int, str], None] | None,
               cancel: Callable[[], bool] | None) -> list[ImportReport | ValidationError]:
    project, device_keys = project_code(db), device_key_texts(db)
    args = (str(media_root(db)), (keys._raw_private(pair.signing), keys._raw_private(pair.encryption)))
    out: list[ImportReport | ValidationError] = []
    with platform.worker_pool(max_workers=1) as pool:  # spawn, as on Windows (core/platform.py)
        def submit(p: Path) -> Future:
            return pool.submit(_prepare_elsewhere, *args, str(p), project, device_keys, db.file_key)
        pending: Future | None = submit(paths[0])
        for n in range(len(paths)):
            if cancel and cancel():
                break
            future, pending = pending, (submit(paths[n + 1]) if n + 1 < len(paths) else None)
            prepared = future.result()
            if isinstance(prepared, tuple):  # refused while preparing
                kind, message, reason = prepared
                out.append(bundle.BundleError(message, reason) if kind == "bundle" else ValidationError(message))
            else:
                out.append(_safe(lambda p=prepared: _apply(db, p)))
            if progress:
                progress(n + 1, len(paths), "导入同步包")
        if pending is not None:
            pending.cancel()
    return out


def _prepare_elsewhere(media: str, raw_keys: tuple[bytes, bytes], path: str, project: str,
                       device_keys: dict[str, str], file_key: bytes | None = None) -> _Prepared | tuple[str, str, str]:
    """_prepare in a worker process (the other core). Keys come as raw bytes through the pipe, never
    through a file; errors come back as (kind, message, reason) so they rebuild exactly."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

    pair = keys.KeyPair(Ed25519PrivateKey.from_private_bytes(raw_keys[0]),
                        X25519PrivateKey.from_private_bytes(raw_keys[1]))
    try:
        return _prepare(Path(media), pair, Path(path), project, key_lookup(device_keys), hashes=True,
                        file_key=file_key)
    except bundle.BundleError as e:
        return ("bundle", str(e), e.reason)
    except ValidationError as e:
        return ("validation", str(e), "")


def _safe(fn: Callable[[], ImportReport]) -> ImportReport | ValidationError:
    try:
        return fn()
    except ValidationError as e:  # BundleError is one: this bundle is refused, the others go on
        return e
