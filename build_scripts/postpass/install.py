"""Copy the browser runtime into the built site: the files of the npm `pyodide` package a
start needs, the standard library archive and the snapshot, each under a folder named after
its bytes (see `Runtime`), so that a host can cache them for ever."""

from __future__ import annotations

import shutil
from pathlib import Path

from build_scripts.prepass.runtime import Runtime


def runtime(site: Path, made: Runtime) -> None:
    for address, data in made.served.items():
        (site / address).parent.mkdir(parents=True, exist_ok=True)
        (site / address).write_bytes(data)


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
