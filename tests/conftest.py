"""Shared fixtures: the built site served on 127.0.0.1, and Chromium for Playwright."""

from __future__ import annotations

import os
import shutil
import socket
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

sys.path.insert(0, str(ROOT))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def build_site(target: Path, site_url: str, generator: str = "mkdocs") -> None:
    """The three-step build of `make build` (pre-pass, generator, post-pass) into `target`."""
    from build_scripts.build import build

    build(target, site_url, generator)


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory):
    """The site built with --strict and served the way a static host should serve it."""
    from build_scripts.dev.serve import make_server

    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    target = tmp_path_factory.mktemp("site")
    build_site(target, url)
    server = make_server(target, port)
    import threading

    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield type("Site", (), {"dir": target, "url": url})
    server.shutdown()


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    """Every test page is a reader's first visit, without the service worker: Playwright's
    routing (which the fault tests use) does not see requests a service worker answers. The
    service worker and the visits after the first have tests of their own
    (test_next_visit.py), in contexts that allow it."""
    return {**browser_context_args, "service_workers": "block"}


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not Path(CHROMIUM).exists():
        message = f"no Chromium at {CHROMIUM} (make setup installs it; or set CHROMIUM)"
        if os.environ.get("CI"):
            pytest.fail(message)  # CI must never pass by skipping the browser
        pytest.skip(message)
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


# The two screens the moment-of-use tests run on: a phone and a council laptop.
VIEWPORTS = {"phone": (390, 844), "laptop": (1366, 768)}


@pytest.fixture(params=list(VIEWPORTS))
def screen(request, browser, browser_context_args):
    """A page in a fresh context at each of VIEWPORTS' sizes in turn."""
    width, height = VIEWPORTS[request.param]
    context = browser.new_context(
        **browser_context_args, viewport={"width": width, "height": height}
    )
    yield context.new_page()
    context.close()


@pytest.fixture(scope="session")
def node() -> str:
    path = shutil.which("node")
    if not path:
        if os.environ.get("CI"):
            pytest.fail("node is not installed")
        pytest.skip("node is not installed")
    return path


# What each test needs, marked from the fixtures it asks for, so that a quick loop can leave
# out everything that needs a built site, a browser or Node: `make test-fast` runs
# `-m "not build and not browser and not pyodide"`.
NEEDS = {
    "site": "build",
    "zensical_site": "build",
    "page": "browser",
    "browser": "browser",
    "context": "browser",
    "node": "pyodide",
}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        for fixture, mark in NEEDS.items():
            if fixture in getattr(item, "fixturenames", ()):
                item.add_marker(mark)
        if item.get_closest_marker("browser"):
            item.add_marker("build")  # every browser test reads the built site
