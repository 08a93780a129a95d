"""When Python's start goes wrong, the reader hears so quickly and can try again; nothing
waits for a fixed two minutes, and a slow connection that keeps delivering is never locked out.

Each fault is made with Playwright's routing (which covers the worker's requests): a
WebAssembly file refused on GET, served with the wrong type, or corrupt; the standard library
archive refused, or never answering; a worker that dies after starting; a start slower than the page's
stall limit that keeps making progress.
"""

from __future__ import annotations

import re
import time

import pytest
from playwright.sync_api import Page, Route, expect

from .browser_helpers import RESULT, answer, submit_and_wait

pytestmark = pytest.mark.browser

ALLEGATION = {
    "harmed_or_may_have_harmed": True,
    "possible_criminal_offence": False,
    "risk_of_harm": False,
    "removed_due_to_risk": False,
}
STATUS = "[data-checker-status]"
FAST = 20_000  # ms: far below the old fixed two minutes


def press(page: Page) -> None:
    page.locator("form[data-checker] button[type=submit]").click()


def start_fails_fast(page: Page, site) -> float:
    page.goto(site.url + "allegations/")
    answer(page, "allegations", ALLEGATION)
    started = time.monotonic()
    press(page)
    expect(page.locator(STATUS)).to_contain_text("could not start", timeout=FAST)
    expect(page.locator(STATUS)).to_contain_text("press the button again")
    expect(page.locator(RESULT)).to_have_count(0)
    return time.monotonic() - started


def test_webassembly_refused_on_get_fails_fast(page: Page, site):
    page.route("**/*.wasm", lambda route: route.fulfill(status=503, body="busy"))
    seconds = start_fails_fast(page, site)
    print(f"\nGET 503 on the WebAssembly: message after {seconds:.1f} s")


def test_webassembly_with_the_wrong_type_fails_fast(page: Page, site):
    def wrong_type(route: Route) -> None:
        response = route.fetch()
        route.fulfill(response=response, headers={**response.headers, "content-type": "text/plain"})

    page.route("**/*.wasm", wrong_type)
    seconds = start_fails_fast(page, site)
    print(f"\nWebAssembly as text/plain: message after {seconds:.1f} s")


def test_corrupt_webassembly_fails_fast(page: Page, site):
    page.route(
        "**/*.wasm",
        lambda route: route.fulfill(body=b"\0asm\1\0\0\0 not a module",
                                    headers={"content-type": "application/wasm"}),
    )  # fmt: skip
    seconds = start_fails_fast(page, site)
    print(f"\ncorrupt WebAssembly: message after {seconds:.1f} s")


def test_a_failed_start_can_be_retried(page: Page, site):
    """After a failure, the next press starts afresh (here the network has come back)."""
    broken = [True]

    def flaky(route: Route) -> None:
        if broken[0]:
            route.fulfill(status=503, body="busy")
        else:
            route.continue_()

    page.route("**/*.wasm", flaky)
    start_fails_fast(page, site)
    broken[0] = False
    assert submit_and_wait(page, "allegations") == "allegation"


def test_the_archive_refused_fails_fast(page: Page, site):
    """Pyodide only logs a standard library archive it could not fetch, and would then wait
    for ever; the worker ends the start instead."""
    page.route("**/python.zip", lambda route: route.fulfill(status=503, body="busy"))
    seconds = start_fails_fast(page, site)
    print(f"\nGET 503 on the archive: message after {seconds:.1f} s")


def with_short_limits(page: Page, site, path: str, script: str = "", **limits_ms: int) -> None:
    """Serve `path` (js/checkers.js or js/checker-worker.js; `script` in place of the built
    one, if given) with some of its limits shortened, as NAME=ms (for example
    CALL_LIMIT_MS=2000): the behaviour past a limit is seen without waiting for it."""
    script = script or (site.dir / path).read_text(encoding="utf-8")
    for name, ms in limits_ms.items():
        script, found = re.subn(rf"const {name} = [\d_]+;", f"const {name} = {ms};", script)
        assert found == 1, name
    page.route(
        "**/" + path,
        lambda route: route.fulfill(body=script, headers={"content-type": "text/javascript"}),
    )


def test_a_stalled_archive_ends_the_start(page: Page, site):
    """A download that never answers is given up after the worker's stall limit (here
    shortened to 3 s): the reader is told, and can press again. (A stall stores nothing bad,
    so the start is not tried again at once.)"""
    stalled: list[Route] = []
    page.route("**/python.zip", lambda route: stalled.append(route))  # never answered
    assert "const STALL_MS = 45_000;" in worker_script(site)  # as served (README says so)
    with_short_limits(page, site, "js/checker-worker.js", STALL_MS=3_000)
    page.goto(site.url + "allegations/")
    answer(page, "allegations", ALLEGATION)
    started = time.monotonic()
    press(page)
    expect(page.locator(STATUS)).to_contain_text("could not start", timeout=30_000)
    expect(page.locator(RESULT)).to_have_count(0)
    assert len(stalled) == 1
    print(f"\nstalled archive (3 s limit): message after {time.monotonic() - started:.1f} s")


def worker_script(site) -> str:
    return (site.dir / "js" / "checker-worker.js").read_text(encoding="utf-8")


def test_a_lost_worker_is_reported_and_replaced(page: Page, site):
    """A worker that stops answering after it started: the page says so once the call's
    time is up, keeps the answers, and the next press starts a new worker that answers."""
    original = worker_script(site)
    dying = original.replace(
        "self.onmessage = async ({ data }) => {",
        'self.onmessage = async ({ data }) => {\n  if (data.type === "call") return; // lost',
    )
    assert dying != original
    served = []

    def worker(route: Route) -> None:
        served.append(route.request.url)
        body = dying if len(served) == 1 else original
        route.fulfill(body=body, headers={"content-type": "text/javascript"})

    page.route("**/js/checker-worker.js", worker)
    with_short_limits(page, site, "js/checkers.js", CALL_LIMIT_MS=2_000)  # 20 s as served
    page.goto(site.url + "allegations/")
    answer(page, "allegations", ALLEGATION)
    press(page)
    expect(page.locator(STATUS)).to_contain_text("stopped responding", timeout=20_000)
    expect(page.locator("input[name=harmed_or_may_have_harmed][value=yes]")).to_be_checked()
    assert submit_and_wait(page, "allegations") == "allegation"
    assert len(served) == 2


def test_a_slow_start_that_keeps_going_is_waited_for(page: Page, site):
    """No fixed limit: a start that delivers bytes steadily for longer than the worker's stall
    limit and the page's silence limit (here shortened to 3 s each; 45 s and 60 s as served)
    is waited for, and its answer shown. A stand-in worker reports progress every second for
    8 s before starting the real thing."""
    original = worker_script(site)
    slow = original.replace(
        "const how = await start(data);",
        "for (let s = 0; s < 8; s++) {\n"
        "        await new Promise((r) => setTimeout(r, 1000));\n"
        '        self.postMessage({ type: "progress", bytes: s * 100_000 });\n'
        "      }\n"
        "      const how = await start(data);",
    )
    assert slow != original
    with_short_limits(page, site, "js/checker-worker.js", script=slow, STALL_MS=3_000)
    with_short_limits(page, site, "js/checkers.js", SILENCE_LIMIT_MS=3_000)
    page.goto(site.url + "allegations/")
    answer(page, "allegations", ALLEGATION)
    press(page)
    expect(page.locator("[data-checker-progress]")).to_contain_text("% of the download done")
    page.wait_for_selector(RESULT, timeout=120_000)
    expect(page.locator(STATUS)).not_to_contain_text("could not start")
