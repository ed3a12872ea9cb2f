"""Bundle throughput: writing and opening a bundle of ~200 MB of entries, against plain I/O and bare crypto.

The entries are what a heavy field day looks like: a records file plus photo-sized files (3–6 MB of random
bytes, so nothing compresses). Figures:

* ``write`` / ``open`` — MB of entry data per second through ``write_bundle`` / ``open_bundle`` (open = the
  signature pass over the whole file + decrypting every chunk into a temp folder);
* ``copy`` — the same bytes copied file to file with fsync (what the disk alone allows: the I/O floor);
* ``CPU ceiling`` — entry MB per CPU-second (user + system) spent by write/open: the speed the code would
  reach on an infinitely fast disk. A USB stick writes ~10–100 MB/s; as long as the ceiling is well above
  the stick's speed, the stick sets the pace;
* ``chacha20-poly1305`` / ``sha256`` — the crypto alone, in memory, on one core.

If write/open are close to copy (times 1 for write, about 2 for open: it reads the file twice and writes the
plaintext once) while the crypto alone is several times faster, the bundle code is I/O-bound.
Run it on the target laptop with ``--dir`` on the real disk; a tmpfs temp folder flatters the I/O numbers.
"""

from __future__ import annotations

import hashlib
import os
import random
import shutil
import tempfile
import time
from pathlib import Path

from bench.figures import Figure

MB = 1_000_000
SMOKE = ["--mb", "4"]


def add_arguments(parser) -> None:
    """Options: total size, where to write, chunk size, seed."""
    parser.add_argument("--mb", type=int, default=200, help="megabytes of entry data")
    parser.add_argument("--dir", type=Path, default=None, help="folder for the files (default: system temp)")
    parser.add_argument("--chunk", type=int, default=2**16, help="bundle chunk size in bytes")
    parser.add_argument("--seed", type=int, default=7)


def _make_entries(folder: Path, total: int, seed: int) -> list[tuple[str, object]]:
    rng = random.Random(seed)
    records = "".join(f'{{"id":"h{i:06d}","rev":1,"name":"住户{i}","area":"{rng.randint(2000, 14000) / 100}"}}\n'
                      for i in range(20_000)).encode()
    entries: list[tuple[str, object]] = [("records.jsonl", records)]
    left, n = total - len(records), 0
    while left > 0:
        size = min(left, rng.randint(3 * MB, 6 * MB))
        path = folder / f"photo{n:03d}.jpg"
        path.write_bytes(os.urandom(size))
        entries.append((f"media/{hashlib.sha256(path.name.encode()).hexdigest()}", path))
        left -= size
        n += 1
    return entries


def _copy(entries: list[tuple[str, object]], dest: Path) -> None:
    with open(dest, "wb") as out:
        for _, source in entries:
            if isinstance(source, Path):
                with open(source, "rb") as f:
                    shutil.copyfileobj(f, out, 1 << 20)
            else:
                out.write(source)
        out.flush()
        os.fsync(out.fileno())


def run(args) -> list[Figure]:
    """Write and open one bundle; time plain copying and bare crypto over the same amount of data."""
    from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

    from survey_app.core.sync import keys
    from survey_app.core.sync.bundle import open_bundle, write_bundle

    device, hq = keys.generate(), keys.generate()
    header = {"kind": "field", "project": "BENCH", "device": "D01", "seq": 1}
    folder = Path(tempfile.mkdtemp(prefix="bundle_bench_", dir=args.dir))
    try:
        entries = _make_entries(folder, args.mb * MB, args.seed)
        total = sum(len(s) if isinstance(s, bytes) else s.stat().st_size for _, s in entries)

        t0 = time.perf_counter()
        _copy(entries, folder / "copy.bin")
        copy_s = time.perf_counter() - t0
        (folder / "copy.bin").unlink()

        t0, c0 = time.perf_counter(), time.process_time()
        info = write_bundle(folder / "day.svb", header, entries, recipient=hq.public(), sender=device,
                            chunk_size=args.chunk)
        write_s, write_cpu = time.perf_counter() - t0, time.process_time() - c0

        t0, c0 = time.perf_counter(), time.process_time()
        opened = open_bundle(folder / "day.svb", recipient=hq,
                             sender_key=lambda code: device.signing.public_key(), work_dir=folder / "work")
        open_s, open_cpu = time.perf_counter() - t0, time.process_time() - c0
        opened.close()

        block, aead = os.urandom(args.chunk), ChaCha20Poly1305(os.urandom(32))
        rounds = max(1, total // args.chunk)
        t0 = time.perf_counter()
        for i in range(rounds):
            aead.encrypt(i.to_bytes(12, "big"), block, b"")
        aead_s = time.perf_counter() - t0
        big, t0 = os.urandom(1 << 20), time.perf_counter()
        h = hashlib.sha256()
        for _ in range(max(1, total >> 20)):
            h.update(big)
        sha_s = time.perf_counter() - t0
    finally:
        shutil.rmtree(folder, ignore_errors=True)

    mb = total / MB
    copy_rate, aead_rate = mb / copy_s, rounds * args.chunk / MB / aead_s
    return [
        Figure("write bundle", mb / write_s, "MB/s", better="higher", baseline=copy_rate,
               baseline_label="plain copy with fsync (I/O floor)"),
        Figure("open bundle (verify + decrypt)", mb / open_s, "MB/s", better="higher", baseline=copy_rate,
               baseline_label="plain copy with fsync"),
        Figure("write bundle, CPU ceiling (MB per CPU-second)", mb / write_cpu, "MB/s", better="higher",
               baseline=aead_rate, baseline_label="chacha20-poly1305 alone"),
        Figure("open bundle, CPU ceiling (MB per CPU-second)", mb / open_cpu, "MB/s", better="higher",
               baseline=aead_rate, baseline_label="chacha20-poly1305 alone"),
        Figure("plain copy with fsync (I/O floor)", copy_rate, "MB/s"),
        Figure("chacha20-poly1305 alone", aead_rate, "MB/s"),
        Figure("sha256 alone", (total >> 20) * (1 << 20) / MB / sha_s, "MB/s"),
        Figure("entry data", mb, "MB"),
        Figure("bundle file", info.size / MB, "MB"),
    ]
