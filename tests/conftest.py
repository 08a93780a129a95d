"""Shared fixtures: the built site served on 127.0.0.1, and Chromium for Playwright."""

from __future__ import annotations

import os
import shutil
import socket
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from . import twin_build

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

# Hypothesis: under CI, the same examples on every run (a failing gate fails again, and the
# printed blob replays it on a laptop), no example database left in the clean clone, and no
# deadline (a 2-core machine running a browser beside the tests is slow by moments). Each test
# keeps its own max_examples. Elsewhere, Hypothesis's defaults: new examples each run, with the
# failures it has found kept in .hypothesis/ and tried first.
settings.register_profile(
    "ci", derandomize=True, database=None, deadline=None, print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)  # fmt: skip
settings.load_profile("ci" if os.environ.get("CI") else "default")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def build_site(target: Path, site_url: str, generator: str = "mkdocs", **options) -> None:
    """The three-step build of `make build` (pre-pass, generator, post-pass) into `target`."""
    from build_scripts.build import build

    build(target, site_url, generator, **options)


# The one server of a test run, in a process of its own: it stops when the run does.
SERVE_UNTIL_PARENT_GOES = """
import os, sys, threading, time
from pathlib import Path
from build_scripts.dev.serve import make_server
server = make_server(Path(sys.argv[1]), int(sys.argv[2]))
def watch(parent=int(sys.argv[3])):
    while True:
        time.sleep(1)
        try:
            os.kill(parent, 0)
        except OSError:
            os._exit(0)
threading.Thread(target=watch, daemon=True).start()
print("serving", flush=True)
server.serve_forever()
"""


@pytest.fixture(scope="session")
def site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, worker_id: str):
    """The site built with --strict and served the way a static host should serve it: built
    once per test run, whichever worker asks first (the others wait for it, then read the
    same folder), and served by one server for the whole run. In a run that holds the
    reproducibility test, its second build runs at the same time (tests/twin_build.py)."""
    import fcntl
    import json
    import subprocess

    shared = tmp_path_factory.getbasetemp()
    run = shared.parent if worker_id != "master" else shared
    made = run / "site.json"
    with open(run / "site.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # until the first worker has built and served it
        if not made.exists():
            port = free_port()
            url = f"http://127.0.0.1:{port}/"
            target = run / "site"
            twin = None
            if twin_build.wanted(request.session.items):
                twin = twin_build.start(run / "twin", url)
            build_site(target, url)
            # The run's own process (the xdist controller, or this one): the server outlives
            # every worker, and goes with the run.
            parent = os.getppid() if worker_id != "master" else os.getpid()
            server = subprocess.Popen(
                [sys.executable, "-c", SERVE_UNTIL_PARENT_GOES, str(target), str(port),
                 str(parent)], cwd=ROOT, stdout=subprocess.PIPE, text=True,
            )  # fmt: skip
            assert server.stdout and server.stdout.readline().strip() == "serving"
            made.write_text(json.dumps({"dir": str(target), "url": url, "twin": twin}))
    found = json.loads(made.read_text())
    return type("Site", (), {"dir": Path(found["dir"]), "url": found["url"], "twin": found["twin"]})


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


# Checker pages kept open for the session (each xdist worker has its own), one per checker,
# screen size and CSP setting: a test that only answers a checker and reads what it shows
# needs no first start of Python of its own (about 3 s each). Tests of a first visit, of
# failures, of routing or of the next visit open their own context.
SHARED_VIEWPORT = (1280, 720)  # pytest-playwright's own default


@pytest.fixture(scope="session")
def _open_checker_pages(browser, browser_context_args):
    pages: dict = {}
    yield pages
    for page in pages.values():
        page.context.close()


@pytest.fixture
def checker_page(_open_checker_pages, browser, browser_context_args, site):
    """`checker_page(checker_id, viewport=(w, h), bypass_csp=False, color_scheme="light")`:
    that checker's page with Python started and the form as a reader first finds it ("Start
    again" pressed, no fragment, scrolled to the top, nothing focused, printed media off), the
    reader's system set to the light or dark colour scheme."""
    from checkers import CHECKERS

    def open_page(checker_id: str, viewport: tuple[int, int] = SHARED_VIEWPORT,
                  bypass_csp: bool = False, color_scheme: str = "light"):  # fmt: skip
        # One page per checker (and CSP setting and colour scheme), resized for each screen: a
        # Python start per page, not per page and screen. (A scheme of its own: Material picks
        # the palette from the system's setting as a page loads, and does not follow a change.)
        key = (checker_id, bypass_csp, color_scheme)
        address = site.url + CHECKERS[checker_id].page
        page = _open_checker_pages.get(key)
        width, height = viewport
        if page is None:
            context = browser.new_context(**browser_context_args, bypass_csp=bypass_csp,
                                          viewport={"width": width, "height": height},
                                          color_scheme=color_scheme)  # fmt: skip
            page = _open_checker_pages[key] = context.new_page()
        elif page.viewport_size != {"width": width, "height": height}:
            page.set_viewport_size({"width": width, "height": height})
        page.emulate_media(media="screen", color_scheme=color_scheme)
        if page.url.split("#")[0] != address:
            page.goto(address)
        else:
            page.evaluate(
                """() => { history.replaceState(null, "", location.pathname);
                           document.body.classList.remove("printing-plan");
                           for (const form of document.querySelectorAll("form[data-checker]"))
                             form.reset();
                           document.activeElement?.blur(); scrollTo(0, 0); }"""
            )
        page.wait_for_function(
            "() => document.documentElement.dataset.pythonStart"
            " && document.querySelector('form[data-checker][data-bound]')",
            timeout=60_000,
        )
        return page

    return open_page


@pytest.fixture(params=list(VIEWPORTS))
def checker_screen(request, checker_page):
    """`checker_screen(checker_id)`: checker_page at each of VIEWPORTS' sizes in turn."""
    return lambda checker_id: checker_page(checker_id, VIEWPORTS[request.param])


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
    "checker_page": "browser",
    "checker_screen": "browser",
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


# Figures a test measures and CI should show (Lighthouse's scores, the preview loop's time):
# a test records them with `record_property("printed", line)`, and they are printed once at the
# end of the run, whichever worker ran the test (xdist carries a report's properties across).
PRINTED: list[str] = []


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if report.when == "call":
        PRINTED.extend(value for name, value in report.user_properties if name == "printed")


def pytest_terminal_summary(terminalreporter) -> None:
    if PRINTED:
        terminalreporter.section("figures measured by the tests")
        for line in PRINTED:
            terminalreporter.write_line(line)
