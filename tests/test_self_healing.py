"""A bad copy of a runtime file locks no reader out: it is thrown away and fetched again.

Each fault is one a reader can really meet, made where it happens rather than with
Playwright's routing (which turns the HTTP cache off and cannot see what a service worker
answers): a half-uploaded archive a host served once as immutable, kept by the browser's HTTP
cache; a garbled archive, a cut WebAssembly file, a tampered Pyodide module and a changed
snapshot in the service worker's cache. Before this, each failed every later press and
reload; now the press that meets it answers (the page says "Trying again from the
network…" and starts once more with the file fetched afresh), and so does the next visit.

Also here: a device much slower than this machine, whose Python start is a long silence, is
waited for; and a site served over plain HTTP says so instead of blaming the browser.
"""

from __future__ import annotations

import functools
import io
import json
import os
import threading
import time
from collections.abc import Callable
from html import unescape
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from build_scripts.dev.serve import Handler, make_server
from build_scripts.postpass import preload
from build_scripts.postpass.pack import unpacked

from .browser_helpers import RESULT, answer, submit_and_wait
from .conftest import CHROMIUM, CHROMIUM_ARGS, free_port
from .test_browser import ALLEGATION
from .test_next_visit import first_visit, start, wait_until

pytestmark = pytest.mark.browser

STATUS = "[data-checker-status]"
RETRYING = "Trying again from the network"

# Every text the status lines show, in order, kept in the page for the test to read.
RECORD_STATUSES = """
window.statuses = [];
new MutationObserver(() => {
  for (const line of document.querySelectorAll("[data-checker-status]")) {
    if (line.textContent && window.statuses.at(-1) !== line.textContent) {
      window.statuses.push(line.textContent);
    }
  }
}).observe(document, { subtree: true, childList: true, characterData: true });
"""


def statuses(page: Page) -> list[str]:
    return page.evaluate("window.statuses")


def recorded_digests(site, page_path: str = "allegations/") -> dict[str, str]:
    html = (site.dir / page_path / "index.html").read_text(encoding="utf-8")
    attribute = html.split('data-runtime-sha256="', 1)[1].split('"', 1)[0]
    return {site.url + address: sha for address, sha in json.loads(unescape(attribute)).items()}


def address_of(site, name: str) -> str:
    (url,) = [url for url in recorded_digests(site) if url.endswith("/" + name)]
    return url


# -- the browser's HTTP cache ----------------------------------------------------------------


class FaultyHandler(Handler):
    """The site as `make serve` serves it, but the first request for each file named in
    `faults` gets that fault's bytes instead, as a complete, cacheable 200 response; every
    request is logged with its Cache-Control header."""

    faults: dict[str, Callable[[bytes], bytes]]
    log: list[tuple[str, str]]

    def send_head(self):  # type: ignore[no-untyped-def]
        name = self.path.split("?")[0].rsplit("/", 1)[-1]
        self.log.append((name, self.headers.get("Cache-Control", "")))
        fault = self.faults.pop(name, None)
        if fault is None:
            return super().send_head()
        path = Path(self.translate_path(self.path))
        body = fault(unpacked(path))  # sent as the file itself, as a host may
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


@pytest.fixture
def faulty(site):
    """Serve the session's site on a port of its own with faults to set: (url, faults, log)."""
    faults: dict[str, Callable[[bytes], bytes]] = {}
    log: list[tuple[str, str]] = []
    server = make_server(site.dir, free_port())
    handler = type("Handler", (FaultyHandler,), {"faults": faults, "log": log})
    server.RequestHandlerClass = functools.partial(handler, directory=str(site.dir))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/", faults, log
    server.shutdown()


def test_a_half_uploaded_archive_kept_by_the_http_cache_is_fetched_again(page: Page, faulty):
    """The host answers the archive once with half its bytes, as immutable: the browser keeps
    that for a year. The press that meets it answers all the same (fetched again past the HTTP
    cache), and after a reload the next press answers with no fault left to meet."""
    url, faults, log = faulty
    faults["python.zip"] = lambda data: data[: len(data) // 2]
    page.add_init_script(RECORD_STATUSES)
    page.goto(url + "allegations/")
    answer(page, "allegations", ALLEGATION)
    assert submit_and_wait(page, "allegations") == "allegation"
    archive = [cache for name, cache in log if name == "python.zip"]
    assert archive == ["", "no-cache"], archive  # the second past the HTTP cache
    seen = statuses(page)
    retrying = [i for i, s in enumerate(seen) if RETRYING in s]
    assert retrying, seen
    assert not [s for s in seen[retrying[0] :] if s.startswith("Starting the checker")], seen
    page.reload()
    answer(page, "allegations", ALLEGATION)
    assert submit_and_wait(page, "allegations") == "allegation"
    assert not [s for s in statuses(page) if RETRYING in s]


def test_an_error_page_served_as_the_webassembly_is_fetched_again(page: Page, faulty):
    """A host's error page in place of the WebAssembly, once, with status 200 and the
    WebAssembly's type: refused by its digest, and fetched again."""
    url, faults, log = faulty
    faults["pyodide.asm.wasm"] = lambda _: b"<html>Service unavailable</html>"
    page.goto(url + "allegations/")
    answer(page, "allegations", ALLEGATION)
    assert submit_and_wait(page, "allegations") == "allegation"
    assert [cache for name, cache in log if name == "pyodide.asm.wasm"] == ["", "no-cache"]


# -- the service worker's cache --------------------------------------------------------------

# Replaces the body of `url` in whichever of the site's caches holds it, keeping its headers.
SPOIL = """async ([url, how]) => {
  for (const name of await caches.keys()) {
    const cache = await caches.open(name);
    const response = await cache.match(url);
    if (!response) continue;
    let bytes = new Uint8Array(await response.arrayBuffer());
    if (how === "cut") bytes = bytes.slice(0, bytes.length >> 1);
    else if (how === "garble") for (let i = 1000; i < bytes.length; i += 4096) bytes[i] ^= 0xff;
    else if (how === "append") bytes = new Uint8Array([...bytes, ...new TextEncoder().encode(";\\n")]);
    await cache.put(url, new Response(bytes, { headers: response.headers }));
    return true;
  }
  return false;
}"""

# The SHA-256 of what the cache holds for `url`, or null.
CACHED_DIGEST = """async (url) => {
  const response = await caches.match(url);
  if (!response) return null;
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", await response.arrayBuffer()));
  return Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
}"""
# True once the cache holds `url` with the SHA-256 `good`.
HOLDS = f"async ([url, good]) => (await ({CACHED_DIGEST})(url)) === good"


@pytest.fixture
def context(browser: Browser):
    context = browser.new_context(service_workers="allow")
    yield context
    context.close()


def spoiled_then_healed(context: BrowserContext, site, name: str, how: str) -> Page:
    """A first visit keeps the runtime; its copy of `name` is then spoiled in the service
    worker's cache. The next visit's first press answers, the copy is good again, and the visit
    after that answers with no retry."""
    page = first_visit(context, site)
    url = address_of(site, name)
    assert page.evaluate(SPOIL, [url, how])
    assert page.evaluate(CACHED_DIGEST, url) != recorded_digests(site)[url]
    page.close()
    page = context.new_page()
    page.add_init_script(RECORD_STATUSES)
    page.goto(site.url + "allegations/")
    answer(page, "allegations", ALLEGATION)
    assert submit_and_wait(page, "allegations") == "allegation"
    assert [s for s in statuses(page) if RETRYING in s], statuses(page)
    wait_until(page, HOLDS, [url, recorded_digests(site)[url]])
    # A start that failed on the bad copy may have thrown the snapshot away with it; the page
    # stores it again once it has answered. A reader's next visit comes later than this test's:
    # wait for it to be stored, so that the next visit can start from it.
    snapshot = address_of(site, "snapshot.bin")
    wait_until(page, HOLDS, [snapshot, recorded_digests(site)[snapshot]])
    again = context.new_page()
    again.add_init_script(RECORD_STATUSES)
    again.goto(site.url + "allegations/")
    answer(again, "allegations", ALLEGATION)
    assert submit_and_wait(again, "allegations") == "allegation"
    assert not [s for s in statuses(again) if RETRYING in s]
    return again


def test_a_cut_webassembly_file_in_the_cache_is_replaced(context, site):
    page = spoiled_then_healed(context, site, "pyodide.asm.wasm", "cut")
    assert start(page) == "snapshot"


def test_a_tampered_pyodide_module_in_the_cache_is_replaced(context, site):
    spoiled_then_healed(context, site, "pyodide.asm.mjs", "append")


def test_a_garbled_archive_in_the_cache_is_replaced(context, site):
    """Garbled where a start from the stored snapshot reads it too."""
    spoiled_then_healed(context, site, "python.zip", "garble")


def test_a_changed_snapshot_in_the_cache_is_replaced(context, site):
    """A changed snapshot cannot end a start (Python starts normally instead): it is thrown away
    and stored again, so the visit after starts from the snapshot again."""
    page = first_visit(context, site)
    url = address_of(site, "snapshot.bin")
    assert page.evaluate(SPOIL, [url, "garble"])
    page.goto(site.url + "allegations/")
    answer(page, "allegations", ALLEGATION)
    assert submit_and_wait(page, "allegations") == "allegation"
    assert start(page) == "normal"
    good = recorded_digests(site)[url]
    wait_until(page, HOLDS, [url, good])
    page.goto(site.url + "notifiable-incidents/")
    page.goto(site.url + "allegations/")
    answer(page, "allegations", ALLEGATION)
    assert submit_and_wait(page, "allegations") == "allegation"
    assert start(page) == "snapshot"


# -- a slow device ---------------------------------------------------------------------------

CPU_CGROUP = Path("/sys/fs/cgroup/cpu")


@pytest.fixture
def slow_chromium(tmp_path: Path):
    """Chromium confined to a tenth of this machine (a fifth of one of its two cores) by a
    cgroup: a stand-in for a low-end phone."""
    group = CPU_CGROUP / f"wt2015-slow-{os.getpid()}"
    try:
        group.mkdir(exist_ok=True)
        (group / "cpu.cfs_quota_us").write_text(str(int(0.1 * (os.cpu_count() or 1) * 100_000)))
    except OSError as error:
        message = f"no cgroup to slow Chromium down with: {error}"
        if os.environ.get("CI"):
            pytest.fail(message)  # CI must never pass by skipping the slow device
        pytest.skip(message)
    wrapper = tmp_path / "slow-chromium"
    wrapper.write_text(f'#!/bin/sh\necho $$ > {group}/cgroup.procs\nexec {CHROMIUM} "$@"\n')
    wrapper.chmod(0o755)
    yield str(wrapper)
    for pid in (group / "cgroup.procs").read_text().split():  # a browser left behind
        (CPU_CGROUP / "cgroup.procs").write_text(pid)
    group.rmdir()


def test_a_start_on_a_much_slower_device_finishes(playwright, site, slow_chromium):
    """Python's start is a long stretch with no message (tens of seconds here); the page waits
    for it, shows that Python is being made ready, and answers."""
    browser = playwright.chromium.launch(executable_path=slow_chromium, args=CHROMIUM_ARGS)
    try:
        page = browser.new_page(service_workers="block")
        page.set_default_timeout(240_000)
        page.add_init_script(RECORD_STATUSES)
        started = time.monotonic()
        page.goto(site.url + "allegations/")
        answer(page, "allegations", ALLEGATION)
        assert submit_and_wait(page, "allegations", timeout=300_000) == "allegation"
        print(
            f"\na tenth of this machine: answered {time.monotonic() - started:.0f} s after loading"
        )
        assert not [s for s in statuses(page) if "could not start" in s]
    finally:
        browser.close()


# -- plain HTTP ------------------------------------------------------------------------------


def test_a_site_served_over_plain_http_says_so(playwright, site):
    """Under a host name over plain HTTP (not a secure context) the checker cannot check what it
    runs: the page says the site is not served securely, and starts no Python (no worker, no
    archive). The head's preloads of Pyodide's three files are still fetched: a page's HTML
    cannot ask whether it is in a secure context (build_scripts/postpass/preload.py)."""
    browser = playwright.chromium.launch(
        executable_path=CHROMIUM,
        args=[*CHROMIUM_ARGS, "--host-resolver-rules=MAP wt2015.test 127.0.0.1"],
    )
    try:
        page = browser.new_page(service_workers="block")
        requested: list[str] = []
        page.on("request", lambda request: requested.append(request.url))
        page.goto(site.url.replace("127.0.0.1", "wt2015.test") + "allegations/")
        assert page.evaluate("window.isSecureContext") is False
        answer(page, "allegations", ALLEGATION)
        page.locator("form[data-checker] button[type=submit]").click()
        expect(page.locator(STATUS)).to_contain_text("not served securely")
        expect(page.locator(STATUS)).not_to_contain_text("this browser")
        expect(page.locator(RESULT)).to_have_count(0)
        assert not [url for url in requested if "/assets/py/" in url or "checker-worker" in url]
        preloaded = {url.rsplit("/", 1)[1] for url in requested if "/assets/pyodide/" in url}
        assert preloaded <= set(preload.PRELOADED)
    finally:
        browser.close()
