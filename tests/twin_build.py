"""The reproducibility check's second build, started beside the session's own so that the two
run at once: from a copy of the checkout in another folder (a longer path), in another time
zone, making its Python files from nothing in a cache of its own (its compressed copies of
large files are shared with the session's build). The test compares it with
the session's site when both are done (test_reproducible.py). Started by the `site` fixture,
and only in a run that holds that test."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEST = "test_reproducible.py::test_two_builds_at_once_are_identical"


def wanted(items: list) -> bool:
    return any(TEST in item.nodeid for item in items)


def checkout_status() -> list[str]:
    """Every changed, untracked and ignored path of the checkout, as git lists them."""
    out = subprocess.run(
        ["git", "status", "--porcelain", "--ignored"], cwd=ROOT, capture_output=True, text=True
    )
    assert out.returncode == 0, out.stderr
    return sorted(out.stdout.splitlines())


def files_under(folder: Path) -> list[str]:
    """Every file and folder under `folder` (links not followed), relative to it."""
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*"))


def checkout_copy(target: Path) -> Path:
    """The checkout's files as they are now (tracked and new, not ignored), in another folder,
    with the same npm packages."""
    out = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
        cwd=ROOT, capture_output=True, check=True,
    )  # fmt: skip
    for name in out.stdout.decode().split("\0"):
        if name and (ROOT / name).is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, target / name)
    (target / "node_modules").symlink_to(ROOT / "node_modules")
    return target


def start(folder: Path, site_url: str) -> dict:
    """Start the twin build in `folder` (it returns at once); what `wait` needs to know."""
    from build_scripts.build import source_date_epoch
    from build_scripts.postpass import compress

    before = checkout_status()
    elsewhere = checkout_copy(folder / "another checkout, in a folder with a longer name")
    # (listed before the build starts: the test compares it with what is there after)
    cache, out, rc = folder / "cache", folder / "site", folder / "exit-code"
    # The Python runtime is made afresh; compressed copies come from the session's cache (the
    # same bytes give the same copy; the two builds compress each large file once between
    # them, under a lock).
    compressed = compress.CACHE
    compressed.mkdir(parents=True, exist_ok=True)
    cache.mkdir(parents=True)
    (cache / "compressed").symlink_to(compressed, target_is_directory=True)
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "SOURCE_DATE_EPOCH": source_date_epoch(),
           "BUILD_CACHE": str(cache), "TZ": "America/New_York"}  # fmt: skip
    build = [sys.executable, "-m", "build_scripts.build", "--out", str(out), "--site-url", site_url]
    # Its exit code goes to a file: the worker that waits for it may not be the one that
    # started it.
    script = 'import subprocess, sys; rc = subprocess.call(sys.argv[2:]); open(sys.argv[1], "w").write(str(rc))'
    subprocess.Popen([sys.executable, "-c", script, str(rc), *build], cwd=elsewhere, env=env)
    return {
        "site": str(out),
        "cache": str(cache),
        "exit_code": str(rc),
        "before": before,
        "checkout": str(elsewhere),
        "checkout_before": files_under(elsewhere),
    }


def wait(twin: dict, timeout: float = 900) -> int:
    done = Path(twin["exit_code"])
    until = time.monotonic() + timeout
    while not done.exists() or not done.read_text():
        assert time.monotonic() < until, "the twin build did not finish"
        time.sleep(0.5)
    return int(done.read_text())
