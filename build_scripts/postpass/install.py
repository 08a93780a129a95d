"""Copy the browser runtime into the built site: the files of the npm `pyodide` package a
start needs, under a folder named after its version, and the wheel and snapshot under a folder
named after their content hash, so that a host can cache both for ever."""

from __future__ import annotations

import shutil
from pathlib import Path

from build_scripts.prepass.runtime import NODE_PYODIDE, PYODIDE_DIR, PYODIDE_FILES, Wheel


def runtime(site: Path, wheel: Wheel) -> None:
    target = site / PYODIDE_DIR
    target.mkdir(parents=True, exist_ok=True)
    for name in PYODIDE_FILES:
        shutil.copy2(NODE_PYODIDE / name, target / name)
    wheel_target = site / wheel.name
    wheel_target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(wheel.path, wheel_target)
    shutil.copy2(wheel.snapshot_path, site / wheel.snapshot_name)


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
