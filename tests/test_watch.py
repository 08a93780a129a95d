"""The authors' preview loop: `make watch` serves the site with its checkers and rebuilds on a
save; `mkdocs serve` by hand says in one line what to run instead. Run in a copy of the
checkout (tests/twin_build.py's), whose pages the test edits."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from . import twin_build
from .conftest import free_port


def wait_for(process: subprocess.Popen, lines: list[str], pattern: str, timeout: float) -> str:
    """Read the watcher's output until a line matches `pattern`."""
    ends = time.monotonic() + timeout
    while time.monotonic() < ends:
        line = process.stdout.readline()
        if not line:
            break
        lines.append(line)
        if re.search(pattern, line):
            return line
    raise AssertionError(f"no line like {pattern!r} in:\n" + "".join(lines[-30:]))


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read().decode("utf-8")


@pytest.mark.build
def test_a_saved_page_is_rebuilt_and_served_with_its_checkers(tmp_path, record_property):
    checkout = twin_build.checkout_copy(tmp_path / "checkout")
    port = free_port()
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen(
        [sys.executable, "-m", "build_scripts.dev.watch", "--port", str(port)],
        cwd=checkout, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        start_new_session=True,
    )  # fmt: skip
    lines: list[str] = []
    try:
        wait_for(process, lines, r"^watch: serving", timeout=600)
        url = f"http://127.0.0.1:{port}/"
        page = fetch(url + "allegations/")
        assert 'data-checker="allegations"' in page and "Content-Security-Policy" in page
        assert "para-link" in page  # the post-pass ran: paragraph links
        # an edit to a page: the generator and the post-pass again, on the fragments made
        glossary = checkout / "docs" / "glossary.md"
        glossary.write_text(glossary.read_text() + "\nA sentence saved while watching.\n")
        saved = time.monotonic()
        done = wait_for(process, lines, r"^watch: (built|the build failed)", timeout=300)
        seconds = time.monotonic() - saved
        record_property("printed", f"make watch: a page edit served again after {seconds:.1f} s")
        assert done.startswith("watch: built"), "".join(lines[-30:])
        assert any("building (pages)" in line for line in lines)
        assert "A sentence saved while watching." in fetch(url + "glossary/")
        assert 'data-checker="allegations"' in fetch(url + "allegations/")  # the form kept
        # a broken page: the error is said and the last build stays served
        glossary.write_text(glossary.read_text() + '\n--8<-- "includes/generated/nothing.md"\n')
        failed = wait_for(process, lines, r"^watch: (built|the build failed)", timeout=300)
        assert failed.startswith("watch: the build failed")
        assert "A sentence saved while watching." in fetch(url + "glossary/")
    finally:
        os.killpg(process.pid, signal.SIGINT)
        try:
            # (a build under way finishes its step first: on a busy CI machine, well over 30 s)
            process.wait(timeout=120)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)  # nothing left running after the test
            process.wait()
            raise
    assert not list(checkout.glob("site.*")), "a build's folder left beside the site"


def test_mkdocs_serve_by_hand_says_what_to_run_in_one_line(tmp_path):
    root = Path(__file__).resolve().parent.parent
    mkdocs = Path(sys.executable).with_name("mkdocs")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}
    run = subprocess.run(
        [str(mkdocs), "serve", "-a", f"127.0.0.1:{free_port()}"],
        cwd=root, env=env, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert run.returncode == 1
    said = [line for line in (run.stdout + run.stderr).splitlines() if line.strip()]
    assert len(said) == 1, said  # (MkDocs prints an Abort's message to stdout)
    assert said[0].startswith("this site's pages need its build: run `make watch`")
