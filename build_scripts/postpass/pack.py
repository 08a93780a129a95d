"""The archive and the snapshot, shipped compressed only, so that they arrive compressed
whatever the host does, and no file the site ships is too large for a host to take.

The snapshot is 31.5 MB as it is (Cloudflare Pages refuses a file over 25 MiB; CloudFront
compresses none over 10 MB), and the archive is stored, not deflated: a host that compresses
nothing would send both whole. So each ships as NAME.gz, always, beside NAME.br where the build
makes compressed copies, and NAME itself is left out:

- a host that serves a .br or .gz copy in place of NAME (nginx's brotli_static and gzip_static,
  the .htaccess's rewrites, `make serve`) answers for NAME with the smaller copy, and the
  browser unpacks it;
- any other host answers 404 for NAME, and the worker fetches NAME.gz as a file and unpacks it
  itself (docs/js/checker-worker.js), checking the digest of the unpacked bytes as for any
  other copy.
"""

from __future__ import annotations

import gzip
from pathlib import Path

from build_scripts.prepass.runtime import Runtime

LIMIT = 20 * 1024 * 1024  # the largest file the site ships, whatever the host (README)
GZIP_MAGIC = b"\x1f\x8b"


class PackError(Exception):
    pass


def ship_packed(site: Path, made: Runtime) -> None:
    for address in made.packed():
        path = site / address
        data = path.read_bytes()
        if data.startswith(GZIP_MAGIC):  # the worker tells a copy still packed by these bytes
            raise PackError(f"{address} starts as a gzip file would")
        packed = path.with_name(path.name + ".gz")
        if not packed.exists():  # (the compressed copies' step made it already)
            packed.write_bytes(gzip.compress(data, compresslevel=9, mtime=0))
        path.unlink()


def unpacked(path: Path) -> bytes:
    """A runtime file's own bytes in a built site: the file, or else its .gz copy unpacked."""
    if path.exists():
        return path.read_bytes()
    return gzip.decompress(path.with_name(path.name + ".gz").read_bytes())


def too_large(site: Path) -> list[str]:
    return sorted(
        f"{p.relative_to(site)}: {p.stat().st_size} bytes"
        for p in site.rglob("*")
        if p.is_file() and p.stat().st_size > LIMIT
    )
