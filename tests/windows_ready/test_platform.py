"""core/platform.py on this machine as it behaves on Windows where it can: spawn-started workers, the file lock
(between two processes, and the list of known projects under it), os.replace retried, removable drives."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from survey_app.core import platform

# --- worker processes --------------------------------------------------------------------------------------

def test_every_worker_process_starts_with_spawn() -> None:
    assert platform.process_context().get_start_method() == "spawn"
    with platform.worker_pool() as pool:
        assert pool._mp_context.get_start_method() == "spawn"
        assert pool.submit(_child_value, "征收 项目").result(timeout=120) == ("征收 项目", "spawn")


def _child_value(text: str) -> tuple[str, str]:
    import multiprocessing

    return text, multiprocessing.get_start_method()


def _damaged_bundles(tmp_path: Path) -> list[Path]:
    folder = tmp_path / "征收 项目" / "第 1 组"
    folder.mkdir(parents=True)
    paths = [folder / "坏 1.sabundle", folder / "坏 2.sabundle"]
    for n, path in enumerate(paths):
        path.write_bytes(b"SAB" + bytes(n) * 40)
    return paths


@pytest.mark.parametrize("big", [True, False], ids=["a big batch: the spawn pool", "a day's small bundles: none"])
def test_the_batch_import_prepares_in_the_spawn_pool_only_when_it_pays(demo_db, admin, tmp_path, monkeypatch,
                                                                       big: bool) -> None:
    """A spawned worker costs ~0.6 s to start (sync/batch_import.py): only bundles worth more than that to
    prepare get one. Either way two damaged files under a Chinese folder name come back as the core's
    Chinese refusals — from the pool, rebuilt in this process. (The full round trip both ways is
    tests/sync/test_round_trip.py: three bundles, one refused.)"""
    from survey_app.core.sync import batch_import
    from survey_app.core.sync import keys as sync_keys

    assert pickle.loads(pickle.dumps(batch_import._prepare_elsewhere)) is batch_import._prepare_elsewhere
    started, real = [], platform.worker_pool

    def pool(max_workers: int = 1):
        started.append(max_workers)
        return real(max_workers)

    monkeypatch.setattr(batch_import.platform, "worker_pool", pool)
    paths = _damaged_bundles(tmp_path)
    if big:  # the files are 43 bytes: as big as 32 MB of bundles once the threshold is that low
        monkeypatch.setattr(batch_import, "POOL_MIN_BYTES", paths[1].stat().st_size)
    else:
        assert paths[1].stat().st_size < batch_import.POOL_MIN_BYTES
    results = batch_import.import_field_bundles(demo_db, admin, sync_keys.generate(), paths)
    assert started == ([1] if big else [])
    assert [type(r).__name__ for r in results] == ["BundleError", "BundleError"], results
    assert all(str(r) for r in results)


# --- file lock ---------------------------------------------------------------------------------------------

def test_a_held_lock_makes_another_holder_wait_then_give_up(tmp_path: Path) -> None:
    lock = tmp_path / "征收 项目" / "projects.json.lock"
    with platform.file_lock(lock):
        waited = []
        with pytest.raises(platform.FileBusy, match="projects.json.lock"):
            with platform.file_lock(lock, timeout=0.2, pause=waited.append):
                pass
        assert waited  # it waited (through ``pause``) before giving up
    with platform.file_lock(lock, timeout=0):  # released: free at once
        pass
    assert lock.is_file()  # never deleted (deleting an open file fails on Windows)


def test_the_lock_holds_between_processes(tmp_path: Path) -> None:
    ctx = platform.process_context()
    lock = tmp_path / "第 1 组" / "x.lock"
    held, release = ctx.Event(), ctx.Event()
    child = ctx.Process(target=_hold_lock, args=(str(lock), held, release))
    child.start()
    try:
        assert held.wait(timeout=120)
        with pytest.raises(platform.FileBusy), platform.file_lock(lock, timeout=0):
            pass
    finally:
        release.set()
        child.join(timeout=120)
    assert child.exitcode == 0
    with platform.file_lock(lock, timeout=0):
        pass


def _hold_lock(path: str, held, release) -> None:
    with platform.file_lock(Path(path)):
        held.set()
        release.wait(timeout=120)


def test_the_project_list_is_changed_under_its_lock(tmp_path: Path) -> None:
    from survey_app.core.services import project_registry

    file = tmp_path / "projects.json"
    with platform.file_lock(tmp_path / "projects.json.lock"):  # another window is writing the list
        with pytest.raises(platform.FileBusy):
            project_registry.remember(tmp_path / "a.sqlite3", name="甲", file=file)  # it would wait, then say so
    project_registry.remember(tmp_path / "征收 项目.sqlite3", name="甲", file=file, opened=False)
    assert [p.name for p in project_registry.load(file)] == ["甲"]


@pytest.fixture(autouse=True)
def _short_lock_wait(monkeypatch) -> None:
    """The registry waits the default 10 s for a busy lock; these tests need not."""
    real = platform.file_lock

    def quick(path, *, timeout: float = 10.0, pause=None):
        return real(path, timeout=min(timeout, 0.3), **({"pause": pause} if pause else {}))

    from survey_app.core.services import project_registry

    monkeypatch.setattr(project_registry, "file_lock", quick)


# --- os.replace --------------------------------------------------------------------------------------------

def test_replace_is_retried_on_windows_while_a_scanner_holds_the_file(tmp_path: Path, monkeypatch) -> None:
    src, dst = tmp_path / "新.part", tmp_path / "协议 1.pdf"
    src.write_bytes(b"new")
    dst.write_bytes(b"old")
    real, busy = platform.os.replace, [2]

    def flaky(a, b):
        if busy[0]:
            busy[0] -= 1
            raise PermissionError(13, "The process cannot access the file")
        real(a, b)

    monkeypatch.setattr(platform.os, "replace", flaky)
    waits: list[float] = []
    platform.replace(src, dst, windows=True, pause=waits.append)
    assert dst.read_bytes() == b"new" and not src.exists() and len(waits) == 2
    src.write_bytes(b"again")
    busy[0] = 1
    with pytest.raises(PermissionError):  # elsewhere a refusal is final at once
        platform.replace(src, dst, windows=False, pause=waits.append)
    assert len(waits) == 2 and dst.read_bytes() == b"new"


def test_atomic_writes_go_through_the_retrying_replace(tmp_path: Path, monkeypatch) -> None:
    from survey_app.core import files

    calls = []
    monkeypatch.setattr(files, "replace", lambda a, b: (calls.append(Path(b).name), platform.os.replace(a, b)))
    files.atomic_write_bytes(tmp_path / "征收 项目" / "回执.sareceipt", b"x")
    assert calls == ["回执.sareceipt"] and (tmp_path / "征收 项目" / "回执.sareceipt").read_bytes() == b"x"


# --- removable drives --------------------------------------------------------------------------------------

MOUNTS = """\
sysfs /sys sysfs rw,nosuid,nodev,noexec,relatime 0 0
/dev/sda2 / ext4 rw,relatime 0 0
tmpfs /run/user/1000 tmpfs rw,nosuid,nodev 0 0
/dev/sdb1 /media/alice/KINGSTON vfat rw,nosuid,nodev,uid=1000 0 0
/dev/sdc1 /media/alice/\\345\\276\\201\\346\\224\\266\\040U\\347\\233\\230 exfat rw,nosuid,nodev 0 0
/dev/sdd1 /run/media/alice/SANDISK vfat rw 0 0
/dev/sde1 /media/bob/BOBS vfat rw 0 0
/dev/sdf1 /run/media/bob/OTHER vfat rw 0 0
/dev/sdg1 /media/usb0 vfat rw 0 0
/dev/sdh1 /mnt/stick ntfs3 rw 0 0
tmpfs /mnt/wsl tmpfs rw 0 0
/dev/sdb1 /media/alice/KINGSTON vfat rw,nosuid,nodev,uid=1000 0 0
/dev/sdi1 /home/alice/mnt vfat rw 0 0
/dev/sdj1 /media ext4 rw 0 0
"""


def test_removable_drives_are_read_from_the_mounts_file(tmp_path: Path) -> None:
    mounts = tmp_path / "mounts"
    mounts.write_bytes(MOUNTS.encode())
    drives = platform.removable_drives(mounts_file=mounts, user="alice")
    assert [(str(d.path), d.label) for d in drives] == [
        ("/media/alice/KINGSTON", "KINGSTON"),
        ("/media/alice/征收 U盘", "征收 U盘"),  # octal escapes and UTF-8 decoded
        ("/media/usb0", "usb0"),
        ("/mnt/stick", "stick"),
        ("/run/media/alice/SANDISK", "SANDISK"),
    ]
    assert drives[1].title == "征收 U盘"
    assert platform.removable_drives(mounts_file=tmp_path / "missing", user="alice") == []


def test_a_windows_drive_is_titled_like_explorer_does() -> None:
    assert platform.Drive(Path("E:\\"), "KINGSTON").title == "KINGSTON (E:)"
    assert platform.Drive(Path("F:\\"), "").title == "F:"
