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


def source_digest() -> str:
    h = hashlib.sha256()
    for path in [*sorted((ROOT / "checkers").rglob("*.py")), ROOT / "pyproject.toml"]:
        h.update(path.relative_to(ROOT).as_posix().encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:12]


class Wheel:
    def __init__(self, path: Path, digest: str) -> None:
        self.path = path
        self.digest = digest

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
    out = ROOT / "dist" / digest
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
            env={**os.environ, "PYTHONWARNINGS": "ignore"},
        )
        shutil.rmtree(ROOT / "dist", ignore_errors=True)
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
    )  # fmt: skip
    with raw.open("rb") as src, gzip.open(wheel.snapshot_path, "wb", compresslevel=6) as dst:
        shutil.copyfileobj(src, dst)
    raw.unlink()
    return wheel.snapshot_path
