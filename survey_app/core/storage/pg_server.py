"""A throw-away PostgreSQL server for tests and benchmarks: initdb + pg_ctl in a temp folder, loopback only.

Tooling, never used by the app itself: tests/pg (the ``postgres`` tests) and ``python -m bench hq_import_pg`` /
``hq_dashboard --pg`` start one with ``start_server()`` and stop it with ``Server.stop()``.

The server binaries come from the Debian package ``postgresql`` (packaging/debian-packages.txt; ``make test``
installs it as root). initdb refuses to run as root, so as root the cluster belongs to an unprivileged system
user (``postgres`` from the Debian package, else ``nobody``) and the binaries run through ``runuser``.
The cluster is for tests only: trust authentication on 127.0.0.1 and a unix socket in its own folder,
fsync off (a crash loses a test database, nothing else).

Threading: one Server per process (pytest-xdist workers each start their own on a free port).
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

SUPERUSER = "postgres"
# Unprivileged accounts that may own the cluster when the tests run as root, in order of preference.
CLUSTER_OWNERS = ("postgres", "nobody")


def find_bindir() -> Path | None:
    """The folder holding initdb and pg_ctl (newest major version first), or None."""
    candidates = []
    pg_config = shutil.which("pg_config")
    if pg_config:
        try:
            out = subprocess.run([pg_config, "--bindir"], capture_output=True, text=True, check=True).stdout
            candidates.append(Path(out.strip()))
        except (OSError, subprocess.CalledProcessError):
            pass
    candidates += [Path(p) for p in sorted(glob.glob("/usr/lib/postgresql/*/bin"),
                                           key=lambda p: int(Path(p).parent.name), reverse=True)]
    initdb = shutil.which("initdb")
    if initdb:
        candidates.append(Path(os.path.realpath(initdb)).parent)
    for folder in candidates:
        if (folder / "initdb").is_file() and (folder / "pg_ctl").is_file() and (folder / "postgres").is_file():
            return folder
    return None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _owner() -> tuple[str, int, int] | None:
    """(name, uid, gid) of the account to run the server as; None when not root (run as ourselves)."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        return None
    import pwd

    for name in CLUSTER_OWNERS:
        try:
            entry = pwd.getpwnam(name)
        except KeyError:
            continue
        return name, entry.pw_uid, entry.pw_gid
    raise RuntimeError("running as root and no unprivileged account (postgres, nobody) to own the cluster")


@dataclass
class Server:
    """A running cluster. ``url(name)`` is the SQLAlchemy URL of one of its databases."""

    bindir: Path
    folder: Path
    port: int
    owner: tuple[str, int, int] | None
    timings: dict[str, list[float]] = field(default_factory=dict)  # label → seconds, each time it happened
    _made: int = 0
    _version: int | None = None

    @property
    def data(self) -> Path:
        return self.folder / "data"

    @property
    def log(self) -> Path:
        return self.folder / "server.log"

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://{SUPERUSER}@127.0.0.1:{self.port}/{database}"

    def _run(self, *args: str) -> subprocess.CompletedProcess:
        cmd = [str(self.bindir / args[0]), *args[1:]]
        if self.owner is not None:
            cmd = ["runuser", "-u", self.owner[0], "--", *cmd]
        done = subprocess.run(cmd, capture_output=True, text=True, cwd=self.folder)
        if done.returncode != 0:
            tail = self.log.read_text(errors="replace")[-2000:] if self.log.exists() else ""
            raise RuntimeError(f"{args[0]} failed ({done.returncode}): {done.stderr.strip()}\n{tail}")
        return done

    def start(self) -> None:
        started = time.perf_counter()
        self._run("initdb", "-D", str(self.data), "-U", SUPERUSER, "--auth=trust", "-E", "UTF8",
                  "--locale=C", "--no-sync")
        self.timings["initdb"] = [time.perf_counter() - started]
        options = " ".join([
            f"-p {self.port}", "-c listen_addresses=127.0.0.1", f"-c unix_socket_directories={self.folder}",
            "-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off", "-c max_connections=60",
        ])
        started = time.perf_counter()
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.log), "-o", options, "-w", "-t", "60", "start")
        self.timings["pg_ctl start"] = [time.perf_counter() - started]

    def sql(self, *statements: str) -> None:
        """Run statements on the maintenance database (autocommit: CREATE/DROP DATABASE need it)."""
        import psycopg

        with psycopg.connect(host="127.0.0.1", port=self.port, user=SUPERUSER, dbname="postgres",
                             autocommit=True) as conn:
            for statement in statements:
                conn.execute(statement)

    def server_version(self) -> int:
        """The server's version number (150004 for 15.4), asked once."""
        if self._version is None:
            import psycopg

            with psycopg.connect(host="127.0.0.1", port=self.port, user=SUPERUSER, dbname="postgres") as conn:
                self._version = conn.info.server_version
        return self._version

    def copy_database(self, template: str) -> str:
        """A new database copied from ``template`` (no connection may be open on it); returns its URL."""
        self._made += 1
        name = f"t{self._made}"
        started = time.perf_counter()
        # PostgreSQL 15 copies a template block by block through the WAL by default; copying its files is
        # ~2× faster for the small databases made here (35 against 65 ms; with fsync off, its checkpoint is free).
        strategy = " STRATEGY FILE_COPY" if self.server_version() >= 150000 else ""
        self.sql(f"CREATE DATABASE {name} TEMPLATE {template}{strategy}")
        self.timings.setdefault("create database from template", []).append(time.perf_counter() - started)
        return self.url(name)

    def drop_database(self, url: str) -> None:
        self.sql(f"DROP DATABASE IF EXISTS {url.rsplit('/', 1)[1]} WITH (FORCE)")

    def stop(self) -> None:
        try:
            if (self.data / "postmaster.pid").exists():
                self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)


def start_server(base: Path | None = None) -> Server:
    """initdb + pg_ctl start in a new temp folder (owned by the cluster's account when root), under ``base``
    when given (the tests pass a RAM disk: tests/pg/conftest.py)."""
    bindir = find_bindir()
    if bindir is None:
        raise FileNotFoundError("PostgreSQL server binaries (initdb, pg_ctl) not found")
    owner = _owner()
    # Not under pytest's tmp_path: as root that folder is 0700 root, which the cluster's owner cannot enter;
    # a short path also keeps the unix socket's name under its 107-byte limit.
    # TMPDIR may be such a folder too (tests/bench runs each benchmark with TMPDIR=tmp_path): as root, /tmp.
    if base is None and owner is not None and Path("/tmp").is_dir():
        base = Path("/tmp")
    folder = Path(tempfile.mkdtemp(prefix="survey_pg_", dir=base))
    if owner is not None:
        os.chown(folder, owner[1], owner[2])
    server = Server(bindir, folder, _free_port(), owner)
    try:
        server.start()
    except BaseException:
        server.stop()
        raise
    return server
