"""Compressed copies made at build time: NAME.br (Brotli) and NAME.gz (gzip) beside each file
worth compressing, for a host to send when the browser accepts them (nginx's brotli_static and
gzip_static, or `make serve`). Made once here rather than on every request, at the highest
levels, and with no time in the gzip header so that two builds stay identical.
"""

from __future__ import annotations

import fcntl
import gzip
import hashlib
import os
import tempfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import brotli

from build_scripts import cache
from build_scripts.host.headers import COMPRESSIBLE

SMALLEST = 1024  # below this, compression saves less than a request's headers
# Brotli at its best level takes about 40 s for Pyodide's 9.6 MB WebAssembly file, which is the
# same in every build: compressed copies are kept here under the digest of what they hold (in
# the build cache, build_scripts/cache.py, beside the runtime). Two builds at once compress a
# file once: the second waits on the first's lock and reads its copy.
CACHE = cache.CACHE / "compressed"
LARGE = 256 * 1024  # from this size up, Brotli's copy is kept in the cache


def brotli_compress(data: bytes) -> bytes:
    if len(data) < LARGE:
        return brotli.compress(data, quality=11)
    CACHE.mkdir(parents=True, exist_ok=True)
    cached = CACHE / (hashlib.sha256(data).hexdigest() + ".br")
    with open(cached.with_suffix(".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not cached.exists():
            with tempfile.NamedTemporaryFile(dir=CACHE, suffix=".tmp", delete=False) as out:
                out.write(brotli.compress(data, quality=11))
            os.chmod(out.name, 0o644)
            Path(out.name).replace(cached)
        cache.used(cached)
    return cached.read_bytes()


def worth_compressing(path: Path) -> bool:
    return path.suffix in COMPRESSIBLE and path.stat().st_size >= SMALLEST


def _cache_brotli_copy(path: str) -> None:
    brotli_compress(Path(path).read_bytes())


def compress_site(site: Path) -> None:
    # The large files (Pyodide's WebAssembly, the snapshot, the archive: about 40, 35 and 7 s
    # each at Brotli's best level) are compressed side by side, one per core, into the cache.
    large = [str(p) for p in sorted(site.rglob("*"))
             if p.is_file() and worth_compressing(p) and p.stat().st_size >= LARGE]  # fmt: skip
    with ProcessPoolExecutor(max_workers=min(len(large), os.cpu_count() or 1) or 1) as pool:
        list(pool.map(_cache_brotli_copy, large))
    # Copies no build has used for a week go, beyond the last few builds' (each has a lock).
    cache.prune(CACHE, keep=2 * cache.KEEP * max(len(large), 1))
    for path in sorted(site.rglob("*")):
        if not path.is_file() or not worth_compressing(path):
            continue
        data = path.read_bytes()
        packed_gz = gzip.compress(data, compresslevel=9, mtime=0)
        packed_br = brotli_compress(data)
        # Keep a copy only where it is smaller (a zip already deflated may not shrink).
        if len(packed_gz) < len(data):
            path.with_name(path.name + ".gz").write_bytes(packed_gz)
        if len(packed_br) < len(data):
            path.with_name(path.name + ".br").write_bytes(packed_br)
