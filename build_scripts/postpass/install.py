"""Copy the browser runtime into the built site: the files of the npm `pyodide` package a
start needs, under a folder named after its version, and the wheel, the standard library
archive and the snapshot under a folder named after what made them, so that a host can cache
both for ever."""

from __future__ import annotations

import shutil
from pathlib import Path

from build_scripts.prepass.runtime import (
    LOCK_FILE,
    NODE_PYODIDE,
    PYODIDE_DIR,
    PYODIDE_FILES,
    Runtime,
    lock_file,
)


def runtime(site: Path, made: Runtime) -> None:
    target = site / PYODIDE_DIR
    target.mkdir(parents=True, exist_ok=True)
    for name in PYODIDE_FILES:
        shutil.copy2(NODE_PYODIDE / name, target / name)
    (target / LOCK_FILE).write_text(lock_file(), encoding="utf-8")
    for path in made.files().values():
        (site / made.address(path)).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, site / made.address(path))


def flowcharts(site: Path, made: Path) -> None:
    """The flowcharts' SVG and PNG downloads, made by the pre-pass."""
    target = site / "assets" / "flowcharts"
    target.mkdir(parents=True, exist_ok=True)
    for path in sorted(made.glob("flowchart-*.*")):
        shutil.copy2(path, target / path.name)


def handouts(site: Path, made: Path) -> None:
    """The printable handouts, pages of their own made by the pre-pass."""
    if made.exists():
        shutil.copytree(made, site / "handouts", dirs_exist_ok=True)
