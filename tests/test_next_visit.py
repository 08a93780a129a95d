"""The visit after the first: the service worker (sw.js, made with Workbox) keeps what a
visit used, so a repeat visit starts Python from the stored snapshot, and works with the
network off; a stored file that was changed is never run; a page from a newer build never
meets the checkers of an older one.

These tests run in contexts that allow service workers (the rest of the suite blocks them,
see conftest.py) and drive real Chromium offline with `context.set_offline`.
"""

from __future__ import annotations

import hashlib
import json

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from build_scripts.dev import bench
from build_scripts.dev.bench import STORED, snapshot_url
from build_scripts.postpass.pack import unpacked
from checkers import CHECKERS, api

from .browser_helpers import RESULT, answer, submit_and_wait, with_runtime_digest
from .test_browser import ALLEGATION, NOTIFIABLE

pytestmark = pytest.mark.browser


def wait_until(page: Page, expression: str, arg: object = None) -> None:
    bench.wait_until(page, expression, arg, seconds=60)


def wait_until_stored(page: Page, url: str) -> None:
    wait_until(page, STORED, url)


def start(page: Page) -> str:
    return page.evaluate("document.documentElement.dataset.pythonStart")


def first_visit(context: BrowserContext, site) -> Page:
    """A guidance page, then a checker answered once; returns once the snapshot is stored."""
    page = context.new_page()
    page.goto(site.url + "draft-and-final/")
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    page.goto(site.url + "notifiable-incidents/")
    answer(page, "notifiable-incident", NOTIFIABLE)
    assert submit_and_wait(page, "notifiable-incident") == "notifiable"
    assert start(page) == "normal"
    wait_until_stored(page, snapshot_url(page))
    return page


@pytest.fixture
def context(browser: Browser):
    context = browser.new_context(service_workers="allow")
    yield context
    context.close()


def archive_digest(site) -> str:
    (archive,) = site.dir.glob("assets/py/*/python.zip.gz")
    return hashlib.sha256(unpacked(archive.with_suffix(""))).hexdigest()


def expected_outcome(checker_id: str, answers: dict) -> str:
    from .test_handle_form import form_values

    message = {"checker": checker_id, "values": form_values(checker_id, answers), "base": "/"}
    return json.loads(api.handle_form(json.dumps(message)))["result"]["outcome"]


def test_a_repeat_visit_starts_from_the_snapshot_and_works_offline(context, site):
    page = first_visit(context, site)
    page.reload()
    answer(page, "notifiable-incident", NOTIFIABLE)
    assert submit_and_wait(page, "notifiable-incident") == "notifiable"
    assert start(page) == "snapshot"

    context.set_offline(True)
    page = context.new_page()
    page.goto(site.url + "notifiable-incidents/")
    answer(page, "notifiable-incident", NOTIFIABLE)
    outcome = expected_outcome("notifiable-incident", NOTIFIABLE)
    assert submit_and_wait(page, "notifiable-incident") == outcome == "notifiable"
    assert start(page) == "snapshot"
    expect(page.locator(RESULT)).to_contain_text("2015")  # the rules' edition, as online
    # The guidance pages read as online, opened before or not.
    for path in ("draft-and-final/", "whistleblowing/"):
        page.goto(site.url + path)
        expect(page.locator("article h1")).to_be_visible()


def test_a_changed_stored_snapshot_is_not_used(context, site):
    """A stored snapshot whose bytes changed (one bank holiday's name, inside it) is refused:
    Python starts normally instead, and answers."""
    page = first_visit(context, site)
    url = snapshot_url(page)
    changed = page.evaluate(
        """async (url) => {
          for (const name of await caches.keys()) {
            const cache = await caches.open(name);
            const response = await cache.match(url);
            if (!response) continue;
            const bytes = new Uint8Array(await response.arrayBuffer());
            const text = new TextDecoder("latin1").decode(bytes);
            const at = text.indexOf("Boxing Day");
            if (at < 0) return false;
            bytes[at + 9] = "x".charCodeAt(0);
            await cache.put(url, new Response(bytes, { headers: response.headers }));
            return true;
          }
          return false;
        }""",
        url,
    )
    assert changed
    warnings: list[str] = []
    page.on("console", lambda m: warnings.append(m.text) if m.type == "warning" else None)
    page.goto(site.url + "allegations/")
    answer(page, "allegations", ALLEGATION)
    assert submit_and_wait(page, "allegations") == "allegation"
    assert start(page) == "normal"
    assert [w for w in warnings if "not the file this site was built with" in w]


def test_a_page_from_another_build_gets_its_own_checkers(page: Page, site):
    """Instant navigation keeps the worker across pages; a page built with other Python
    files (here: another address for the archive, as a new build would have) gets a new worker
    started from its own files, never the one already running."""
    requested: list[str] = []
    page.context.on("request", lambda request: requested.append(request.url))

    def another_build(route):
        html = route.fetch().text()
        html = with_runtime_digest(html, "python.zip", archive_digest(site), suffix="?build=2")
        route.fulfill(body=html, content_type="text/html")

    page.context.route("**/allegations/", another_build)
    page.goto(site.url + "notifiable-incidents/")
    answer(page, "notifiable-incident", NOTIFIABLE)
    assert submit_and_wait(page, "notifiable-incident") == "notifiable"
    assert not [url for url in requested if "build=2" in url]
    page.locator("nav.md-nav--primary a", has_text="Allegations").first.click()
    page.wait_for_selector("form[data-checker='allegations'][data-bound]")
    answer(page, "allegations", ALLEGATION)
    assert submit_and_wait(page, "allegations") == "allegation"
    assert [url for url in requested if url.endswith(".zip?build=2")]


def test_every_checker_answers_offline_from_the_snapshot(context, site):
    """Once a checker has answered, every checker's page and the snapshot are stored, so
    every checker answers offline, not only the one first used."""
    first_visit(context, site)
    context.set_offline(True)
    page = context.new_page()
    for checker in CHECKERS.values():
        page.goto(site.url + checker.page)
        page.wait_for_selector(f"form[data-checker='{checker.id}'][data-bound]")
        page.locator(f"form[data-checker='{checker.id}'] button[type=submit]").click()
        # An empty form is answered by Python with its errors: it is running, offline.
        expect(page.locator("[data-error-summary]").first).to_be_visible(timeout=30_000)


def test_under_save_data_the_runtime_is_not_kept(context, site):
    """A reader whose browser asks sites to send less (Save-Data) is not sent the snapshot:
    only the page itself is kept."""
    context.add_init_script(
        "Object.defineProperty(navigator, 'connection', { value: { saveData: true } });"
    )
    page = context.new_page()
    page.goto(site.url + "notifiable-incidents/")
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    answer(page, "notifiable-incident", NOTIFIABLE)
    assert submit_and_wait(page, "notifiable-incident") == "notifiable"
    page.wait_for_timeout(3000)  # time enough for the runtime to be stored, were it asked for
    assert not page.evaluate(STORED, snapshot_url(page))
    assert page.evaluate("document.documentElement.dataset.runtimeKept") is None
