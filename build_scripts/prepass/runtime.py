"""The browser runtime, made before the generator runs: the archive Python imports from and
the memory snapshot.

The checkers are packaged as a standard, pure-Python wheel, built with pip. Pyodide comes from
the npm `pyodide` package pinned in package-lock.json; only the files a start needs are
copied.
`make_runtime.mjs` then makes, under Pyodide itself, the archive Python imports from in the
browser (the part of the standard library that Pyodide's start and the checkers import, and
the wheel's checkers, all compiled: 0.7 MB after Brotli, where Pyodide's own standard library
is 2.5 MB of sources) and a snapshot with the checkers imported, for visits that have it
stored. Every file the site serves from here goes under a folder named after its own bytes,
so that a host can cache it for ever (see `Runtime`); what makes the archive and the snapshot
is cached under a digest of what goes into them.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from build_scripts import cache

ROOT = Path(__file__).resolve().parents[2]
NODE_PYODIDE = ROOT / "node_modules" / "pyodide"
# Pyodide's own standard library (python_stdlib.zip) is replaced by the archive made here.
# Its lock file lists packages that would be fetched from elsewhere: the site ships none, so
# the copy keeps the lock file's description of the runtime and no packages.
PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm")
LOCK_FILE = "pyodide-lock.json"


def pyodide_version() -> str:
    package = NODE_PYODIDE / "package.json"
    if not package.exists():
        raise RuntimeError("node_modules/pyodide is missing: run `npm ci` (make setup does)")
    return json.loads(package.read_text())["version"]


MAKER = Path(__file__).with_name("make_runtime.mjs")
# Where the wheel, archive and snapshot are made, in the build cache (build_scripts/cache.py),
# one folder per digest of what goes into them. (The reproducibility test makes them afresh,
# with BUILD_CACHE pointing at a cache of its own.)
DIST = cache.CACHE / "runtime"

# Zip entries, gzip headers and the snapshot's clocks carry times; fixed ones make two builds
# of a commit identical.
SOURCE_DATE_EPOCH = "1427328000"  # 26 March 2015


def source_digest() -> str:
    """Names the folder the wheel and snapshot are served from: everything that goes into them."""
    h = hashlib.sha256(pyodide_version().encode())
    makers = [ROOT / "pyproject.toml", ROOT / "LICENSE", MAKER]
    for path in [*sorted((ROOT / "checkers").rglob("*.py")), *makers]:
        h.update(path.relative_to(ROOT).as_posix().encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:12]


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class Runtime:
    """The files the browser starts Python from: Pyodide's, and the archive and the snapshot
    made in the cache's <digest>/ (with the wheel they are made from).

    Every file is served as immutable from a folder named after its own bytes, so a host never
    serves two different files under one address: the archive and the snapshot each from
    assets/py/<its digest>/, Pyodide's files from assets/pyodide/<the digest of all four>/
    (they stay together: Pyodide finds its other files beside `pyodide.mjs`)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    @property
    def wheel(self) -> Path:
        return next(self.folder.glob("working_together_2015-*.whl"))

    @property
    def archive(self) -> Path:
        return self.folder / "python.zip"

    @property
    def snapshot(self) -> Path:
        return self.folder / "snapshot.bin"

    def files(self) -> dict[str, Path]:
        """What is made here: the archive a first visit starts from, and the snapshot."""
        return {"python": self.archive, "snapshot": self.snapshot}

    @functools.cached_property
    def served(self) -> dict[str, bytes]:
        """Every runtime file the site serves, by its address from the site root, with its
        bytes: Pyodide's three files and its lock file, the archive and the snapshot."""
        pyodide = {name: (NODE_PYODIDE / name).read_bytes() for name in PYODIDE_FILES}
        for name in ("pyodide.mjs", "pyodide.asm.mjs"):  # as served: the map is not copied
            pyodide[name] = without_source_map(pyodide[name].decode("utf-8")).encode("utf-8")
        pyodide[LOCK_FILE] = lock_file().encode("utf-8")
        folder = named_after(b"".join(sha256(d).encode() for _, d in sorted(pyodide.items())))
        out = {f"assets/pyodide/{folder}/{name}": data for name, data in pyodide.items()}
        for path in self.files().values():
            data = path.read_bytes()
            out[f"assets/py/{named_after(data)}/{path.name}"] = data
        return out

    def addresses(self) -> dict[str, str]:
        """What the page hands the worker: Pyodide's folder, the archive and the snapshot."""
        by_name = {address.rsplit("/", 1)[1]: address for address in self.served}
        return {
            "pyodide": by_name["pyodide.mjs"].removesuffix("pyodide.mjs"),
            "python": by_name[self.archive.name],
            "snapshot": by_name[self.snapshot.name],
        }

    def packed(self) -> list[str]:
        """The addresses of the archive and the snapshot: the site ships each compressed only
        (see build_scripts/postpass/pack.py), and the worker unpacks one where needed."""
        addresses = self.addresses()
        return [addresses["python"], addresses["snapshot"]]

    def digests(self) -> dict[str, str]:
        """The SHA-256 of every served file, by address, which the browser checks each copy
        against before using it."""
        return {address: sha256(data) for address, data in self.served.items()}

    def download_bytes(self) -> int:
        """What a first start downloads (all but the snapshot), once decompressed: the page's
        progress line counts these bytes."""
        return sum(len(d) for a, d in self.served.items() if not a.endswith(self.snapshot.name))


# The closing comment of a script or style sheet that names its source map: Pyodide's scripts
# name maps the site does not ship (the post-pass removes Material's the same way).
SOURCE_MAP_COMMENT = re.compile(
    r"\n?(?://# sourceMappingURL=\S+|/\*# sourceMappingURL=\S+ \*/)\s*$"
)


def without_source_map(text: str) -> str:
    return SOURCE_MAP_COMMENT.sub("\n", text)


def named_after(data: bytes) -> str:
    """A folder name for a file: the start of the SHA-256 of its bytes."""
    return sha256(data)[:16]


def build_runtime() -> Runtime:
    """Build (or reuse, while what makes them is unchanged) the wheel, and from it the archive
    and the snapshot, in the cache's folder for their digest. They are made in a folder of
    their own and moved into place whole, so a build running at the same time sees either
    nothing or all of them."""
    digest = source_digest()
    out = DIST / digest
    if out.exists() and all(path.exists() for path in Runtime(out).files().values()):
        cache.used(out)
        return Runtime(out)
    DIST.mkdir(parents=True, exist_ok=True)
    making = Path(tempfile.mkdtemp(prefix=f"{digest}-", dir=DIST)) / digest
    making.mkdir()
    build_wheel(making)
    runtime = Runtime(making)
    subprocess.run(
        ["node", str(MAKER), str(NODE_PYODIDE), str(runtime.wheel), str(runtime.archive),
         str(runtime.snapshot)],
        check=True, cwd=making, capture_output=True,
        env={**os.environ, "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH, "TZ": "UTC"},
    )  # fmt: skip
    with contextlib.suppress(OSError):  # another build put the same files there first
        making.rename(out)
    shutil.rmtree(making.parent, ignore_errors=True)
    cache.used(out)
    cache.prune(DIST)  # (a folder still being made is newer than a week: it stays)
    return Runtime(out)


def build_wheel(out: Path) -> None:
    """The checkers' wheel, built from a copy of the package so that setuptools' build/ and
    egg-info are made there, not in the checkout."""
    with tempfile.TemporaryDirectory() as tmp, tempfile.TemporaryDirectory() as src:
        shutil.copy2(ROOT / "pyproject.toml", src)
        shutil.copy2(ROOT / "LICENSE", src)
        shutil.copytree(
            ROOT / "checkers", Path(src) / "checkers", ignore=shutil.ignore_patterns("__pycache__")
        )
        subprocess.run(
            [
                sys.executable,
                "-m",
                "pip",
                "wheel",
                "--no-deps",
                "--no-build-isolation",
                "--no-index",
                "--quiet",
                "-w",
                tmp,
                src,
            ],
            check=True,
            cwd=src,
            env={**os.environ, "PYTHONWARNINGS": "ignore", "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH},
        )
        for wheel in Path(tmp).glob("*.whl"):
            shutil.copy2(wheel, out / wheel.name)


def lock_file() -> str:
    """Pyodide's lock file as the site ships it: its description of the runtime, no packages."""
    lock = json.loads((NODE_PYODIDE / LOCK_FILE).read_text(encoding="utf-8"))
    return json.dumps({"info": lock["info"], "packages": {}}, sort_keys=True)
