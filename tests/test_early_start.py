"""Python's start begins with the page: a page with a check asks for Pyodide's three files from
its head and names the runtime there, and the page script runs from the head, so the worker
starts while the body is still arriving; the worker's own requests reuse the page's (each file
crosses the network once). Pages without a check ask for nothing of Python's."""

from __future__ import annotations

import re
import threading
from collections import Counter

import pytest
from playwright.sync_api import Browser

from build_scripts.dev.serve import Handler, make_server
from build_scripts.postpass import preload
from checkers import CHECKERS

from .browser_helpers import answer, submit_and_wait
from .test_accessibility import page_paths

pytestmark = pytest.mark.build

PRELOAD = re.compile(
    r'<link rel="preload" href="([^"]+)" as="fetch" crossorigin fetchpriority="low">'
)
PAGE_SCRIPT = re.compile(r'<script src="[^"]*js/checkers\.js"[^>]*>')


def head_and_body(html: str) -> tuple[str, str]:
    head, _, body = html.partition("</head>")
    return head, body


@pytest.mark.parametrize("path", sorted({c.page for c in CHECKERS.values()}))
def test_a_page_with_a_check_starts_python_from_its_head(site, path):
    head, body = head_and_body((site.dir / path / "index.html").read_text(encoding="utf-8"))
    preloaded = PRELOAD.findall(head)
    assert [address.rsplit("/", 1)[1] for address in preloaded] == list(preload.PRELOADED)
    for address in preloaded:  # each a file the site has, from this page's folder
        assert (site.dir / path / address).resolve().is_file(), address
    # The head names the runtime exactly as the form does.
    (meta,) = re.findall(r'<meta name="python-runtime"[^>]*>', head)
    form = preload.HAS_CHECK.search(body)
    assert form
    for name in preload.RUNTIME_ATTRIBUTES:
        (in_form,) = re.findall(rf'\s{name}="[^"]*"', form.group(0))
        assert in_form in meta, name
    # The page script, once, from the head, after the runtime's description.
    assert len(PAGE_SCRIPT.findall(head)) == 1 and not PAGE_SCRIPT.findall(body)
    script = PAGE_SCRIPT.search(head)
    assert script and " async" in script.group(0)
    assert head.index('name="python-runtime"') < script.start()


def test_a_page_without_a_check_asks_for_nothing_of_pythons(site):
    checker_pages = {c.page for c in CHECKERS.values()}
    others = [p for p in page_paths(site) if p not in checker_pages]
    assert len(others) > 5
    for path in others:
        head, body = head_and_body((site.dir / path / "index.html").read_text(encoding="utf-8"))
        assert not PRELOAD.findall(head) and 'name="python-runtime"' not in head, path
        assert not PAGE_SCRIPT.findall(body), path
        # (the handouts, printed sheets, have no page script at all)
        assert len(PAGE_SCRIPT.findall(head)) == (0 if path.startswith("handouts/") else 1), path


@pytest.fixture
def counting_server(site):
    """The built site served as the tests' server serves it, counting each path requested."""
    counted: Counter[str] = Counter()

    class Counting(Handler):
        def do_GET(self) -> None:
            counted[self.path.split("?")[0]] += 1
            super().do_GET()

    server = make_server(site.dir, 0)
    server.RequestHandlerClass = lambda *a, **kw: Counting(*a, directory=str(site.dir), **kw)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/", counted
    server.shutdown()


@pytest.mark.browser
def test_the_worker_reuses_what_the_head_asked_for(browser: Browser, browser_context_args,
                                                   counting_server):  # fmt: skip
    url, counted = counting_server
    context = browser.new_context(**browser_context_args)  # a first visit: no service worker
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    checker = CHECKERS["notifiable-incident"]
    page.goto(url + checker.page)
    answer(page, checker.id, {"child_died": True, "seriously_harmed": False,
                              "abuse_or_neglect": "known", "looked_after": False,
                              "regulated_setting": False})  # fmt: skip
    assert submit_and_wait(page, checker.id) == "notifiable"
    for name in preload.PRELOADED:
        (path,) = [p for p in counted if p.endswith("/" + name)]
        assert counted[path] == 1, (name, counted[path])  # the worker's request was not sent again
    # The start's steps, in order, as the page marked them (docs/js/page/runtime.js).
    steps = page.evaluate("""() => performance.getEntriesByType("mark")
        .filter((m) => m.name.startsWith("python:")).map((m) => m.name)""")
    assert steps[:2] == ["python:worker", "python:downloading"] and steps[-1] == "python:ready"
    assert steps.index("python:importing") > steps.index("python:downloading")
    assert errors == []
    context.close()
