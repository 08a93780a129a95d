"""Every sentence of the privacy page is a promise to the reader, and each has a test.

A reader's visit is played once, in its own browser context: each checker is answered (with
dates and an organisation name), checked, checked again, its answers copied as a link and its
record prepared for printing; the site is searched. Everything the browser sent, stored and
showed is recorded. Each test below names the sentences it proves (`@proves`), and
`test_every_sentence_on_the_page_is_proved` fails when the page says something no test proves,
or a test claims a sentence the page no longer says.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlparse

import pytest
from playwright.sync_api import Browser, Page

from build_scripts.postpass.pack import unpacked
from checkers import CHECKERS

from . import test_keeping_answers, test_next_visit, test_privacy, test_site_build
from .answers import example_answers
from .browser_helpers import RESULT, answer, submit_and_wait

pytestmark = pytest.mark.browser

ORGANISATION = "Zebrafinch Family Centre"  # a name found nowhere else on the site
SEARCHED = "custody zqxjv"  # a word no page has, so it can be looked for in every request

# Sentences that describe the page rather than promise anything.
NOT_PROMISES = {
    "People type facts about children and colleagues into the checkers on this site.",
    "This page says exactly what happens to them.",
}

PROVED: dict[str, str] = {}  # sentence -> the test that proves it


def proves(*sentences: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    def register(test: Callable[..., Any]) -> Callable[..., Any]:
        for sentence in sentences:
            PROVED[sentence] = test.__name__
        return test

    return register


def proved_elsewhere(sentence: str, module: Any, test_name: str) -> None:
    """A sentence another module's test proves; the name is checked to exist."""
    PROVED[sentence] = f"{module.__name__}::{test_name}"
    assert callable(getattr(module, test_name)), test_name


NO_PRINT_DIALOG = "window.print = () => {};"

# Everything the browser holds for the site. For Cache Storage, each stored address with the
# SHA-256 of its body and whether the body holds any of `typed`; for IndexedDB, every record.
STORAGE = """async (typed) => {
  const entries = (s) => Object.fromEntries([...Array(s.length).keys()].map(
    (i) => [s.key(i), s.getItem(s.key(i))]));
  const hex = (buffer) => Array.from(new Uint8Array(buffer),
    (b) => b.toString(16).padStart(2, "0")).join("");
  const cached = {};
  for (const name of await caches.keys()) {
    const cache = await caches.open(name);
    for (const request of await cache.keys()) {
      const body = await (await cache.match(request)).arrayBuffer();
      const text = new TextDecoder("latin1").decode(body).toLowerCase();
      cached[request.url] = {
        cache: name,
        sha256: hex(await crypto.subtle.digest("SHA-256", body)),
        typed: typed.filter((t) => text.includes(t.toLowerCase())),
      };
    }
  }
  const records = {};
  for (const { name } of await indexedDB.databases()) {
    const db = await new Promise((ok, fail) => {
      const open = indexedDB.open(name);
      open.onsuccess = () => ok(open.result);
      open.onerror = () => fail(open.error);
    });
    for (const store of db.objectStoreNames) {
      records[`${name}/${store}`] = await new Promise((ok) => {
        const all = db.transaction(store).objectStore(store).getAll();
        all.onsuccess = () => ok(JSON.stringify(all.result));
      });
    }
    db.close();
  }
  return {
    cookie: document.cookie,
    local: entries(localStorage),
    session: entries(sessionStorage),
    databases: (await indexedDB.databases()).map((d) => d.name),
    cached,
    records,
  };
}"""


@dataclass
class Request:
    url: str
    method: str
    body: str | None
    during_second_check: bool = False


@dataclass
class Visit:
    site: Any
    requests: list[Request] = field(default_factory=list)
    set_cookies: list[str] = field(default_factory=list)
    addresses: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    copied: dict[str, str] = field(default_factory=dict)
    printed_organisation: dict[str, list[str]] = field(default_factory=dict)
    storage: dict[str, Any] = field(default_factory=dict)
    csp_violations: list[str] = field(default_factory=list)
    offsite_fetch: str = ""
    answers: dict[str, dict[str, Any]] = field(default_factory=dict)
    scheme_on_next_page: str = ""

    def typed(self) -> list[str]:
        """What the reader typed: the organisation name, every date, the search words."""
        dates = [v for a in self.answers.values() for v in a.values()
                 if isinstance(v, str) and v[:2] == "20"]  # fmt: skip
        return [ORGANISATION, "zqxjv", *dates]


def address(page: Page) -> tuple[str, int]:
    return page.url, page.evaluate("history.length")


@pytest.fixture(scope="module")
def visit(browser: Browser, site) -> Visit:
    record = Visit(site)
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    context.add_init_script(f"({test_privacy.CSP_LISTENER})()")
    context.add_init_script(NO_PRINT_DIALOG)
    second_check = [False]
    context.on(
        "request",
        lambda r: record.requests.append(Request(r.url, r.method, r.post_data, second_check[0])),
    )
    context.on(
        "response",
        lambda r: record.set_cookies.append(r.url) if "set-cookie" in r.headers else None,
    )
    page = context.new_page()
    for checker_id, checker in CHECKERS.items():
        answers = example_answers(checker_id)
        record.answers[checker_id] = answers
        page.goto(site.url + checker.page)
        page.wait_for_selector(f"form[data-checker='{checker_id}'][data-bound]")
        steps = [address(page)]
        if checker.print_title:
            page.locator(f"form[data-checker='{checker_id}'] [data-organisation]").fill(
                ORGANISATION
            )
        for name, value in answers.items():
            answer(page, checker_id, {name: value})
            steps.append(address(page))
        submit_and_wait(page, checker_id)
        steps.append(address(page))
        if checker_id == next(iter(CHECKERS)):
            # The first answer has the service worker keep the site for next time (proved
            # below); that is done before the second check.
            test_next_visit.wait_until_stored(page, test_next_visit.snapshot_url(page))
            test_next_visit.wait_until(page, "document.documentElement.dataset.runtimeKept")
        # Once Python has started, checking again sends nothing at all.
        page.wait_for_load_state("networkidle")
        second_check[0] = True
        page.locator(f"form[data-checker='{checker_id}'] button[type=submit]").click()
        page.wait_for_timeout(300)
        page.wait_for_selector(RESULT)
        page.wait_for_load_state("networkidle")
        second_check[0] = False
        steps.append(address(page))
        record.addresses[checker_id] = steps
        page.locator(f"form[data-checker='{checker_id}'] [data-copy-answers]").click()
        copy_field = page.locator(f"form[data-checker='{checker_id}'] [data-copy-field]")
        page.wait_for_function("el => el.value !== ''", arg=copy_field.element_handle())
        record.copied[checker_id] = copy_field.input_value()
        if checker.print_title:
            page.locator("[data-checker-result] [data-print-plan]").first.click()
            record.printed_organisation[checker_id] = page.locator(
                "[data-checker-result] [data-plan-organisation]"
            ).all_inner_texts()
        record.csp_violations += page.evaluate("window.__cspViolations")

    # The colours, chosen with the header's button, then another page opened.
    page.goto(site.url)
    dark = page.get_by_role("radio", name="Use the dark colours")
    dark.locator("xpath=following-sibling::label[1]").click()
    page.wait_for_function("document.body.dataset.mdColorScheme === 'slate'")
    page.goto(site.url + "glossary/")
    record.scheme_on_next_page = page.evaluate("document.body.dataset.mdColorScheme")
    page.goto(site.url)
    page.locator("input.md-search__input").click()
    page.keyboard.type(SEARCHED)
    page.wait_for_selector(".md-search-result__meta")
    page.wait_for_timeout(500)
    # Another website, asked for from the page itself (an image would be refused the same way).
    record.offsite_fetch = page.evaluate(
        """() => fetch("http://127.0.0.2:9/collect?x=1").then(() => "sent", (e) => "refused")"""
    )
    page.wait_for_timeout(200)
    record.csp_violations += page.evaluate("window.__cspViolations")
    record.storage = page.evaluate(STORAGE, [ORGANISATION, SEARCHED.split()[1]])
    record.storage["cookies"] = context.cookies()
    context.close()
    return record


def contains_typed(text: str, visit: Visit) -> list[str]:
    return [t for t in visit.typed() if t.lower() in text.lower()]


# -- What happens to your answers ------------------------------------------------------------


@proves(
    "The checkers run inside your browser.",
    "Your answers are worked on by a copy of Python that the page loads from this site; they "
    "are never sent to this site or to anyone else.",
)
def test_answers_are_worked_on_in_the_browser_and_never_sent(visit: Visit):
    origin = urlparse(visit.site.url).netloc
    python = [r.url for r in visit.requests if "/assets/py" in r.url]
    assert python and all(urlparse(u).netloc == origin for u in python)
    # A check made once Python is running sends no request at all: the answer comes from the page.
    assert [r.url for r in visit.requests if r.during_second_check] == []
    assert [r for r in visit.requests if r.body] == []
    assert [r.url for r in visit.requests if contains_typed(r.url, visit)] == []


@proves("Your answers are not stored: not in cookies, not in the browser’s storage.")
def test_answers_are_not_stored(visit: Visit):
    storage = visit.storage
    assert storage["cookie"] == "" and storage["cookies"] == []
    kept = repr(storage["local"]) + repr(storage["session"]) + repr(storage["records"])
    assert contains_typed(kept, visit) == []
    names = {q.id for c in CHECKERS.values() for q in c.questions}
    assert [n for n in names if n in kept] == []
    # The service worker's caches hold the site's own files (proved below), and its one
    # database the times they were stored (Workbox's expiration records).
    assert storage["cached"] and not [u for u, c in storage["cached"].items() if c["typed"]]
    assert all(name.startswith("workbox-expiration") for name in storage["databases"])
    for records in storage["records"].values():
        for record in json.loads(records):
            assert set(record) <= {"id", "cacheName", "url", "timestamp"}, record


# -- What your browser keeps for next time ---------------------------------------------------


def site_file(site, url: str) -> Path:
    path = site.dir / urlparse(url).path.lstrip("/")
    return path / "index.html" if url.endswith("/") else path


@proves(
    "So that the checkers start quickly next time and work without a connection, your browser "
    "keeps copies of the pages of this site you open and the files they use; once a checker "
    "has answered, it also keeps the files the checkers run on and every page of the site."
)
def test_the_browser_keeps_the_sites_files_for_next_time(visit: Visit):
    cached = visit.storage["cached"]
    site = visit.site
    pages = re.findall(r"<loc>([^<]+)</loc>", (site.dir / "sitemap.xml").read_text())
    assert len(pages) > 15 and set(pages) <= set(cached)
    python = {p.name.removesuffix(".gz") for p in site.dir.glob("assets/py/*/*.gz")}
    assert python == {url.rsplit("/", 1)[1] for url in cached if "/assets/py/" in url}
    assert [u for u in cached if u.endswith(("/pyodide.asm.wasm", "/checker-worker.js"))]
    assert [u for u in cached if u.endswith("/checkers.js")]  # what the pages load


@proves(
    "These are copies of this site’s own files, the same for every reader: none of them holds "
    "an answer, a date or anything else you typed."
)
def test_what_is_kept_is_the_sites_own_files(visit: Visit):
    for url, entry in visit.storage["cached"].items():
        assert url.startswith(visit.site.url) and "?" not in url and "#" not in url, url
        # Byte for byte the file the site serves every reader.
        assert (
            entry["sha256"] == hashlib.sha256(unpacked(site_file(visit.site, url))).hexdigest()
        ), url
        assert entry["typed"] == [], url


proved_elsewhere(
    "While you move between the pages of this site, the page keeps them in its memory, so that "
    "following a guidance link or going back finds them as you left them.",
    test_keeping_answers,
    "test_answers_and_result_survive_a_guidance_link_and_back",
)


@proves(
    "“Start again” clears them; leaving the site, closing the tab or reloading the page forgets "
    "them, and going back to the site afterwards does not bring them back."
)
def test_start_again_leaving_closing_and_reloading_forget_the_answers(page: Page, site):
    # "Start again" and leaving the site (then Back) are played in test_keeping_answers:
    assert callable(test_keeping_answers.test_answers_and_result_survive_a_guidance_link_and_back)
    assert callable(test_keeping_answers.test_leaving_the_site_clears_the_answers)
    checker_id = "allegations"
    url = site.url + CHECKERS[checker_id].page
    form = f"form[data-checker='{checker_id}']"
    page.goto(url)
    page.wait_for_selector(f"{form}[data-bound]")
    answer(page, checker_id, example_answers(checker_id))
    submit_and_wait(page, checker_id)

    page.reload()
    page.wait_for_selector(f"{form}[data-bound]")
    assert page.locator(f"{form} input:checked").count() == 0
    assert page.locator("[data-checker-result]").is_hidden()

    answer(page, checker_id, example_answers(checker_id))
    submit_and_wait(page, checker_id)
    other = page.context.new_page()  # as if the tab were closed and the site opened again
    page.close()
    other.goto(url)
    other.wait_for_selector(f"{form}[data-bound]")
    assert other.locator(f"{form} input:checked").count() == 0
    assert other.locator("[data-checker-result]").is_hidden()
    other.close()


@proves(
    "Your answers are not put in the page address as you answer, so they do not appear in the "
    "browser’s history."
)
def test_answering_changes_neither_the_address_nor_the_history(visit: Visit):
    for checker_id, steps in visit.addresses.items():
        assert len(steps) > 3, checker_id
        assert set(steps) == {steps[0]}, (checker_id, steps)
        assert "#" not in steps[0][0] and "?" not in steps[0][0]


@proves(
    "Only when you choose “Copy link to these answers” is a link made, and then it holds only "
    "the yes/no and multiple-choice answers — never a date or anything you typed — after a #, "
    "the part of an address that browsers do not send to a server."
)
def test_a_copied_link_holds_only_categorical_answers_after_the_hash(visit: Visit):
    for checker_id, link in visit.copied.items():
        checker = CHECKERS[checker_id]
        before, _, fragment = link.partition("#")
        assert before == visit.site.url + checker.page
        fields = dict(parse_qsl(fragment))
        assert fields.pop("checker") == checker_id
        assert fields, checker_id
        for name, value in fields.items():
            question = checker.question(name)
            assert question.kind in ("bool", "choice"), (checker_id, name)
            assert value in {"yes", "no", "unsure"} | {c.value for c in question.choices}
        assert contains_typed(link, visit) == []
    # The fragment never reaches the server: no request carries it.
    assert [r.url for r in visit.requests if "checker=" in r.url] == []


@proves("The organisation name you can type on a checker is used only to head the printed record.")
def test_the_organisation_name_heads_the_printed_record(visit: Visit, site):
    printable = [cid for cid, c in CHECKERS.items() if c.print_title]
    assert printable and set(visit.printed_organisation) == set(printable)
    for names in visit.printed_organisation.values():
        assert names and set(names) == {ORGANISATION}


@proves("It is never sent, stored, or put in a link.")
def test_the_organisation_name_is_never_sent_stored_or_linked(visit: Visit, site):
    assert [r.url for r in visit.requests if ORGANISATION.lower() in r.url.lower()] == []
    assert [r for r in visit.requests if r.body] == []
    assert ORGANISATION not in repr(visit.storage)
    assert [link for link in visit.copied.values() if "Zebrafinch" in link] == []
    # Nor kept by the browser's autofill: the forms and the field say so.
    for checker in CHECKERS.values():
        built = (site.dir / checker.page / "index.html").read_text(encoding="utf-8")
        form = re.search(rf'<form data-checker="{checker.id}"[^>]*>', built)
        assert form and 'autocomplete="off"' in form.group(0), checker.id
        for field_tag in re.findall(r"<input[^>]*data-organisation[^>]*>", built):
            assert 'autocomplete="off"' in field_tag


# -- What this site sends and loads ----------------------------------------------------------


@proves(
    "Every file the site uses comes from this site itself: no other website is contacted, so "
    "there are no advertising, analytics, fonts or scripts from elsewhere."
)
def test_every_file_comes_from_this_site(visit: Visit):
    # Every page of the site is visited the same way in test_privacy.
    assert callable(test_privacy.test_every_page_and_every_checker_stays_on_the_origin)
    origin = urlparse(visit.site.url).netloc
    refused = "http://127.0.0.2:9/collect?x=1"  # the page's own attempt, refused below
    off = [r.url for r in visit.requests if urlparse(r.url).netloc not in (origin, "")
           and not r.url.startswith(("data:", "blob:")) and r.url != refused]  # fmt: skip
    assert off == [] and len(visit.requests) > 20


@proves(
    "The site’s pages set a Content Security Policy that tells the browser to refuse any request "
    "to another website."
)
def test_the_policy_refuses_a_request_to_another_website(visit: Visit):
    assert callable(test_site_build.test_content_security_policy)  # the policy on every page
    assert visit.offsite_fetch == "refused"
    # Reported once by the header's policy and once by the meta tag's: the same request.
    refused = [v for v in visit.csp_violations if v.startswith("connect-src")]
    assert refused and set(refused) == {"connect-src http://127.0.0.2:9/collect?x=1"}
    assert [r.url for r in visit.requests if "127.0.0.2" in r.url] == []


@proves(
    "The search box searches an index downloaded from this site; what you type in it is not "
    "sent anywhere."
)
def test_search_words_stay_in_the_browser(visit: Visit):
    assert [r.url for r in visit.requests if r.url.endswith("search/search_index.json")]
    assert [r.url for r in visit.requests if "zqxjv" in r.url.lower() or "custody" in r.url] == []


# -- What the host may see -------------------------------------------------------------------


@proves(
    "Like any website, the server that hosts these pages sees which pages and files are "
    "requested, from which address, as in any web server’s logs.",
    "It never sees what you answer in a checker or type in the search box.",
)
def test_the_host_sees_only_plain_requests_for_pages_and_files(visit: Visit):
    origin = urlparse(visit.site.url).netloc
    to_host = [r for r in visit.requests if urlparse(r.url).netloc == origin]
    assert to_host
    for request in to_host:
        assert request.method in ("GET", "HEAD") and not request.body, request
        assert urlparse(request.url).query == "", request.url
    assert [r.url for r in to_host if contains_typed(r.url, visit)] == []


# -- Cookies and storage ---------------------------------------------------------------------


@proves("The site sets no cookies.")
def test_the_site_sets_no_cookies(visit: Visit):
    assert visit.set_cookies == []
    assert visit.storage["cookies"] == [] and visit.storage["cookie"] == ""


@proves(
    "If you choose light or dark colours with the button in the header, that choice is kept in "
    "the browser’s own storage on your device, so that the next page shows the same colours; the "
    "page template may keep other small display preferences there too."
)
def test_the_colours_chosen_are_kept_on_the_device(visit: Visit):
    palette = [json.loads(v) for k, v in visit.storage["local"].items() if "palette" in k]
    assert len(palette) == 1 and palette[0]["color"]["scheme"] == "slate", visit.storage["local"]
    assert visit.scheme_on_next_page == "slate"


@proves("None of it is ever sent anywhere, and none of it holds anything you answered.")
def test_display_preferences_hold_nothing_answered(visit: Visit):
    kept = {**visit.storage["local"], **visit.storage["session"]}
    assert all(len(v or "") < 2_000 for v in kept.values()), kept  # small
    assert contains_typed(repr(kept), visit) == []
    # Never sent: no request carries a cookie-like header body or query; nothing has a body.
    assert [r for r in visit.requests if r.body] == []
    for value in kept.values():
        if value and len(value) > 6:
            assert [r.url for r in visit.requests if value in r.url] == []


# -- The page and the tests agree ------------------------------------------------------------


def sentences_on_the_page(site) -> list[str]:
    built = (site.dir / "privacy" / "index.html").read_text(encoding="utf-8")
    article = built[built.index("<article") : built.index("</article>")]
    article = re.sub(r"<h[12].*?</h[12]>", " ", article, flags=re.S)
    article = re.sub(r"</?(?:p|li|ul|ol|div)\b[^>]*>", " ", article)
    text = html.unescape(re.sub(r"<[^>]+>", "", article))
    text = re.sub(r"\s+", " ", text).strip()
    return re.split(r"(?<=[.!?])\s+(?=[A-Z“])", text)


def test_every_sentence_on_the_page_is_proved(site):
    said = sentences_on_the_page(site)
    assert len(said) > 10
    unproved = [s for s in said if s not in PROVED and s not in NOT_PROMISES]
    assert unproved == [], "each promise on the privacy page needs a test here"
    gone = [s for s in PROVED if s not in said]
    assert gone == [], "a test proves a sentence the privacy page no longer says"
