"""The browser runtime, made before the generator runs: the checkers wheel and its snapshot.

The wheel is built with pip (a standard, pure-Python wheel: Pyodide installs it as it is).
Pyodide comes from the npm `pyodide` package pinned in package-lock.json; only the files a
start-up needs are copied, under a folder named after its version so a host can cache them
for ever. The wheel goes under a folder named after its content hash, for the same reason.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
NODE_PYODIDE = ROOT / "node_modules" / "pyodide"
PYODIDE_FILES = (
    "pyodide.mjs",
    "pyodide.asm.mjs",
    "pyodide.asm.wasm",
    "python_stdlib.zip",
    "pyodide-lock.json",
)


def pyodide_version() -> str:
    package = NODE_PYODIDE / "package.json"
    if not package.exists():
        raise RuntimeError("node_modules/pyodide is missing: run `npm ci` (make setup does)")
    return json.loads(package.read_text())["version"]


PYODIDE_DIR = f"assets/pyodide/{pyodide_version() if NODE_PYODIDE.exists() else 'missing'}/"


DIST = ROOT / "dist"  # where the wheel and snapshot are made, and kept while sources are unchanged

# Zip entries, gzip headers and the snapshot's clocks carry times; fixed ones make two builds
# of a commit identical.
SOURCE_DATE_EPOCH = "1427328000"  # 26 March 2015


def source_digest() -> str:
    """Names the folder the wheel and snapshot are served from: everything that goes into them."""
    h = hashlib.sha256()
    makers = [ROOT / "pyproject.toml", Path(__file__).with_name("make_snapshot.mjs")]
    for path in [*sorted((ROOT / "checkers").rglob("*.py")), *makers]:
        h.update(path.relative_to(ROOT).as_posix().encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:12]


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class Wheel:
    def __init__(self, path: Path, digest: str) -> None:
        self.path = path
        self.digest = digest

    @property
    def sha256(self) -> str:
        """The wheel's SHA-256, which the browser checks before installing it."""
        return sha256(self.path.read_bytes())

    @property
    def snapshot_sha256(self) -> str:
        """The SHA-256 of the snapshot as used (unzipped), checked by the browser before use."""
        return sha256(gzip.decompress(self.snapshot_path.read_bytes()))

    @property
    def name(self) -> str:
        """The wheel's address relative to the site root."""
        return f"assets/py/{self.digest}/{self.path.name}"

    @property
    def snapshot_path(self) -> Path:
        return self.path.parent / f"snapshot-pyodide-{pyodide_version()}.bin.gz"

    @property
    def snapshot_name(self) -> str:
        """The snapshot's address relative to the site root."""
        return f"assets/py/{self.digest}/{self.snapshot_path.name}"


def build_wheel() -> Wheel:
    """Build (or reuse, when the sources have not changed) the checkers wheel in dist/."""
    digest = source_digest()
    out = DIST / digest
    existing = sorted(out.glob("checkers-*.whl")) if out.exists() else []
    if existing:
        return Wheel(existing[0], digest)
    with tempfile.TemporaryDirectory() as tmp:
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
                str(ROOT),
            ],
            check=True,
            cwd=ROOT,
            env={**os.environ, "PYTHONWARNINGS": "ignore", "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH},
        )
        shutil.rmtree(DIST, ignore_errors=True)
        out.mkdir(parents=True)
        for wheel in Path(tmp).glob("*.whl"):
            shutil.copy2(wheel, out / wheel.name)
    shutil.rmtree(ROOT / "build", ignore_errors=True)
    return Wheel(sorted(out.glob("checkers-*.whl"))[0], digest)


def build_snapshot(wheel: Wheel) -> Path:
    """A gzipped Pyodide memory snapshot with the checkers imported (made once per wheel)."""
    if wheel.snapshot_path.exists():
        return wheel.snapshot_path
    raw = wheel.path.parent / "snapshot.bin"
    subprocess.run(
        ["node", str(Path(__file__).with_name("make_snapshot.mjs")), str(NODE_PYODIDE),
         str(wheel.path), str(raw)],
        check=True, cwd=ROOT, capture_output=True,
        env={**os.environ, "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH},
    )  # fmt: skip
    # No file name or time in the gzip header, so the bytes depend on the content alone.
    with (
        raw.open("rb") as src,
        wheel.snapshot_path.open("wb") as out,
        gzip.GzipFile(filename="", mode="wb", fileobj=out, compresslevel=6, mtime=0) as dst,
    ):
        shutil.copyfileobj(src, dst)
    raw.unlink()
    return wheel.snapshot_path
