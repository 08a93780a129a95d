"""Speed and size of the built site, measured in headless Chromium under network profiles.

    python -m build_scripts.dev.bench [--runs 5] [--profiles all|loopback,…] [--site site]
    (make bench builds first)

The site is served as `make serve` serves it (the same headers, the build's Brotli and gzip
copies). Each profile is applied through Chromium's DevTools protocol
(Network.emulateNetworkConditions), which also holds back the checker's worker; requests the
service worker makes itself are not held back (see "cold" below). For each profile, in each run, in fresh
browser contexts (no HTTP cache):

- bare: a module worker that loads Pyodide from the same WebAssembly and scripts, with
  Pyodide's own full standard library and lock file (as shipped in the npm package, served
  compressed the same way), and imports json;
- cold: on a checker page, from pressing the button as soon as the page has loaded to the
  result shown (a first visit; the service worker, which plays no part in it, is blocked so
  that nothing escapes the throttling);
- repeat: another browser context, once a first answer there has made the service worker
  keep the runtime: the page opened again and the button pressed as soon as it has loaded
  (from then on, everything comes from the service worker's cache);
- offline: the same, with the network switched off.

Then the height of each worked example's result on a 390 px phone (build_scripts/dev/
result_heights.py), and the bytes a first visit transfers (compressed, as sent) for a page without a checker and
for a checker page, until Python has started and the network is idle; the bytes a host sends
for a first visit that answers once (the service worker's keeping included) and for the repeat
visit, from `make serve` (as nginx, with the Brotli copies) and from a host that compresses
nothing (`make serve --plain`: the archive and the snapshot go as their .gz copies); and the memory a
checker page adds once Python is ready (normal start and snapshot start), summed over this
benchmark's Chromium processes as PSS from /proc (Linux only).

Figures are printed, never asserted: timing belongs here, not in the test suite. (The byte
budget, which is deterministic, is a test: tests/test_byte_budget.py.)
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import suppress
from datetime import date
from pathlib import Path
from typing import ClassVar

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from build_scripts.dev import result_heights  # noqa: E402
from build_scripts.dev.serve import Handler, make_server  # noqa: E402
from build_scripts.postpass.compress import brotli_compress  # noqa: E402
from build_scripts.prepass import runtime  # noqa: E402

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]  # fmt: skip

# name: (download in Mbit/s, round-trip latency in ms); None is no throttling.
PROFILES: dict[str, tuple[float, int] | None] = {
    "loopback": None,
    "40 Mbps / 20 ms": (40, 20),
    "10 Mbps / 40 ms": (10, 40),
    "1.6 Mbps / 150 ms": (1.6, 150),
}
# The goals of issue #30, by profile: cold / bare; cold / the transfer time of a first
# visit's bytes; a repeat (and an offline) visit, from navigation to answer.
COLD_GOAL = {"loopback": 0.3, "10 Mbps / 40 ms": 0.45, "1.6 Mbps / 150 ms": 0.5}
TRANSFER_GOAL = 1.3
REPEAT_GOAL_MS = 1000
BYTES_GOAL = {"checker page": 4_000_000, "page without a checker": 300_000}

BARE_PAGE = """<!doctype html><meta charset="utf-8"><title>bare</title>
<script type="module" src="bare.js"></script>"""
BARE_SCRIPT = """const w = new Worker("bare-worker.js", { type: "module" });
w.onmessage = () => { window.bare = performance.now(); };
w.postMessage({ pyodide: new URL("/%s", location.href).href,
                stdlib: new URL("python_stdlib.zip", location.href).href });"""
BARE_WORKER = """self.onmessage = async ({ data }) => {
  const { loadPyodide } = await import(data.pyodide + "pyodide.mjs");
  const py = await loadPyodide({ indexURL: data.pyodide, stdLibURL: data.stdlib,
                                 lockFileURL: new URL("pyodide-lock.json", location.href).href });
  py.runPython("import json");
  self.postMessage("ready");
};"""

NOTIFIABLE = {
    "child_died": "yes", "seriously_harmed": "no", "abuse_or_neglect": "suspected",
    "looked_after": "no", "regulated_setting": "no",
}  # fmt: skip

# Clicks the button and resolves with the milliseconds until a result (a new data-outcome):
# {press: from the press, opened: from the page's navigation start, painted: from the press
# to the end of the frame that first shows it}. Each answer is a choice's value, or a date
# typed into its field.
PRESS_AND_WAIT = """async ([checker, answers]) => {
  const form = document.querySelector(`form[data-checker="${checker}"]`);
  for (const [name, value] of Object.entries(answers)) {
    const choice = form.querySelector(`input[name="${name}"][value="${value}"]`);
    if (choice) choice.checked = true;
    else form.querySelector(`input[name="${name}"]`).value = value;
  }
  const result = form.closest("[data-checker-section]").querySelector("[data-checker-result]");
  result.removeAttribute("data-outcome");
  return await new Promise((resolve) => {
    const t0 = performance.now();
    new MutationObserver((_, obs) => {
      if (!result.dataset.outcome) return;
      const shown = performance.now();
      obs.disconnect();
      // (a task queued from the next frame's callback runs once that frame is painted)
      requestAnimationFrame(() => setTimeout(() => resolve({
        press: shown - t0, opened: shown, painted: performance.now() - t0,
      })));
    }).observe(result, { attributes: true });
    form.querySelector("button[type=submit]").click();
  });
}"""
STORED = "async (url) => Boolean(await caches.match(url))"
# The snapshot, stored under its own address or as its .gz copy (build_scripts/postpass/pack.py)
SNAPSHOT_STORED = (
    "async (url) => Boolean(await caches.match(url) || await caches.match(url + '.gz'))"
)
CLEAR_SNAPSHOT = """async (url) => {
  for (const name of await caches.keys()) await (await caches.open(name)).delete(url);
}"""
CHECKER_PAGE = "notifiable-incidents/"


class BenchHandler(Handler):
    bench_dir = ""
    sent: ClassVar[list[int]] = [0]  # response bytes sent, as sent (compressed or not)

    def send_header(self, keyword: str, value: str) -> None:
        if keyword.lower() == "content-length":
            self.sent[0] += int(value)
        super().send_header(keyword, value)

    def translate_path(self, path: str) -> str:
        if path.startswith("/__bench__/"):
            return str(Path(self.bench_dir) / path.removeprefix("/__bench__/").split("?")[0])
        return super().translate_path(path)


def bench_files(site: Path, bench_dir: Path) -> None:
    """The bare page, and Pyodide's own standard library and lock file with Brotli copies."""
    (pyodide,) = site.glob("assets/pyodide/*/pyodide.mjs")  # the site's copy of Pyodide
    (bench_dir / "bare.html").write_text(BARE_PAGE)
    (bench_dir / "bare.js").write_text(
        BARE_SCRIPT % (pyodide.parent.relative_to(site).as_posix() + "/")
    )
    (bench_dir / "bare-worker.js").write_text(BARE_WORKER)
    for name in ("python_stdlib.zip", runtime.LOCK_FILE):
        shutil.copy2(runtime.NODE_PYODIDE / name, bench_dir / name)
        packed = brotli_compress((bench_dir / name).read_bytes())
        (bench_dir / (name + ".br")).write_bytes(packed)


def serve(site: Path, bench_dir: Path, port: int, plain: bool = False) -> tuple[object, str]:
    """The site as `make serve` serves it; `plain`: as a host that compresses nothing."""
    server = make_server(site, port, plain=plain)
    handler = type("Handler", (BenchHandler,), {"sent": [0]})  # bytes counted per server
    server.RequestHandlerClass = lambda *a, **kw: handler(*a, directory=str(site), **kw)
    server.sent = handler.sent  # type: ignore[attr-defined]
    BenchHandler.bench_dir = str(bench_dir)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def throttle(page, profile: tuple[float, int] | None) -> None:
    if profile is None:
        return
    mbps, latency = profile
    cdp = page.context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", {
        "offline": False, "latency": latency,
        "downloadThroughput": mbps * 1e6 / 8, "uploadThroughput": mbps * 1e6 / 8,
    })  # fmt: skip


def wait_until(page, expression: str, arg: object = None, seconds: float = 300) -> None:
    """Polls from Python: Playwright's wait_for_function evaluates strings, which the site's
    policy forbids. (The tests use it too.)"""
    deadline = time.monotonic() + seconds
    while not page.evaluate(expression, arg):
        if time.monotonic() > deadline:
            raise TimeoutError(f"never true: {expression} ({arg})")
        page.wait_for_timeout(200)


def snapshot_url(page) -> str:
    address = page.locator("form[data-checker]").first.get_attribute("data-snapshot")
    return page.evaluate("(a) => new URL(a, location.origin + '/').href", address)


def bare_start(browser, url: str, profile) -> float:
    """From the bare page's navigation start to Python ready."""
    ctx = browser.new_context(service_workers="block")
    page = ctx.new_page()
    throttle(page, profile)
    page.goto(url + "__bench__/bare.html")
    wait_until(page, "() => window.bare")
    ms = page.evaluate("window.bare")
    ctx.close()
    return ms


def open_and_answer(page, address: str) -> dict:
    """Open a checker page and press as soon as its form is bound (pressed earlier, the
    browser would submit it): PRESS_AND_WAIT's figures."""
    page.goto(address, wait_until="commit")
    wait_until(page, "() => document.querySelector('form[data-bound]')", seconds=120)
    return page.evaluate(PRESS_AND_WAIT, ["notifiable-incident", NOTIFIABLE])


# The page's marks of Python's start (docs/js/page/runtime.js), from its navigation start.
MARKS = """() => Object.fromEntries(performance.getEntriesByType("mark")
  .filter((m) => m.name.startsWith("python:")).map((m) => [m.name.slice(7), m.startTime]))"""
# A repeat visit's, from the snapshot ("starting": its WebAssembly instantiated).
REPEAT_STEPS = {
    "repeat worker": "worker made",
    "repeat downloading": "worker running",
    "repeat starting": "compiled",
    "repeat importing": "snapshot restored",
    "repeat ready": "checkers answer",
    "repeat": "answer shown",
}
# A cold start's steps, as printed.
STEPS = {
    "wasm_first_byte": "WebAssembly's first byte",
    "worker": "worker made",
    "downloading": "worker running",
    "wasm_end": "WebAssembly's last byte",
    "starting": "compiled",
    "importing": "Python started",
    "ready": "checkers imported",
    "cold": "answer shown",
}


def cold_answer(browser, url: str, profile) -> dict[str, float]:
    """A first visit, from the navigation start to the answer shown, pressed as soon as the
    page takes a press; with the steps of Python's start on the way (STEPS). The service worker
    is blocked: it plays no part in a first visit's downloads, and the requests it makes
    itself would escape the throttling."""
    ctx = browser.new_context(service_workers="block")
    wasm = []  # every request for the WebAssembly: the page's preload and the worker's
    ctx.on("requestfinished", lambda r: wasm.append(r) if r.url.endswith(".wasm") else None)
    page = ctx.new_page()
    throttle(page, profile)
    answer = open_and_answer(page, url + CHECKER_PAGE)
    steps = {"cold": answer["opened"], **page.evaluate(MARKS)}
    origin = page.evaluate("performance.timeOrigin")
    timings = [r.timing for r in wasm]
    if timings:  # (times in ms since the epoch, plus ms since the request's start)
        steps["wasm_first_byte"] = (
            min(t["startTime"] + t["responseStart"] for t in timings) - origin
        )
        steps["wasm_end"] = min(t["startTime"] + t["responseEnd"] for t in timings) - origin
    ctx.close()
    return steps


def later_visits(browser, url: str, profile) -> dict[str, float]:
    """A repeat visit and an offline visit, in a browser context where a first visit (not
    timed) has answered and the service worker has stored what it keeps. Both are timed from
    the navigation start to the answer shown: everything comes from the service worker's
    cache."""
    ctx = browser.new_context()
    page = ctx.new_page()
    open_and_answer(page, url + CHECKER_PAGE)
    wait_until(page, SNAPSHOT_STORED, snapshot_url(page))
    page.close()
    page = ctx.new_page()
    throttle(page, profile)
    repeat = open_and_answer(page, url + CHECKER_PAGE)["opened"]
    steps = {f"repeat {step}": ms for step, ms in page.evaluate(MARKS).items()}
    how = page.evaluate("document.documentElement.dataset.pythonStart")
    page.close()
    ctx.set_offline(True)
    page = ctx.new_page()
    offline = open_and_answer(page, url + CHECKER_PAGE)["opened"]
    ctx.close()
    if how != "snapshot":
        print(f"  (the repeat visit started {how!r}, not from the snapshot)", file=sys.stderr)
    return {"repeat": repeat, "offline": offline, **steps}


def chromium_memory_mb() -> float:
    """The memory of this benchmark's Chromium (every Chromium process descended from this
    one, through Playwright's driver), summed as proportional set size: PSS shares each shared
    page out among the processes using it, so none counts twice."""
    parents: dict[int, int] = {}
    names: dict[int, str] = {}
    for proc in Path("/proc").iterdir():
        try:
            if proc.name.isdigit():
                stat = (proc / "stat").read_text()
                names[int(proc.name)] = stat[stat.index("(") + 1 : stat.rindex(")")]
                parents[int(proc.name)] = int(stat[stat.rindex(")") + 2 :].split()[1])
        except (OSError, ValueError):  # gone meanwhile
            continue

    def ours(pid: int) -> bool:
        while pid > 1:
            pid = parents.get(pid, 0)
            if pid == os.getpid():
                return True
        return False

    total_kb = 0
    for pid, name in names.items():
        if "chrom" not in name or not ours(pid):
            continue
        try:
            rollup = Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()
        except OSError:
            continue
        total_kb += sum(int(line.split()[1]) for line in rollup if line.startswith("Pss:"))
    return total_kb / 1024


def settled_memory_mb(page) -> float:
    page.wait_for_timeout(2_000)  # the start's transient buffers collected
    return chromium_memory_mb()


def memory(browser, url: str) -> dict:
    """What a checker page adds to the browser's memory once Python is ready, over the same
    tab showing a page without a checker: on a first visit (a normal start) and on a repeat
    visit (from the stored snapshot); and the whole browser then."""
    ctx = browser.new_context()
    page = ctx.new_page()
    page.goto(url + CHECKER_PAGE, wait_until="load")
    page.evaluate(PRESS_AND_WAIT, ["notifiable-incident", NOTIFIABLE])
    snapshot = snapshot_url(page)
    wait_until(page, STORED, snapshot)
    page.close()
    figures: dict[str, list[float]] = {}
    for _ in range(3):  # the medians of three: what the browser frees, and when, varies
        for how in ("normal", "snapshot"):
            page = ctx.new_page()
            page.goto(url + "draft-and-final/", wait_until="load")
            before = settled_memory_mb(page)
            if how == "normal":
                page.evaluate(CLEAR_SNAPSHOT, snapshot)
            page.goto(url + CHECKER_PAGE, wait_until="load")  # the same tab
            page.evaluate(PRESS_AND_WAIT, ["notifiable-incident", NOTIFIABLE])
            started = page.evaluate("document.documentElement.dataset.pythonStart")
            if started != how:
                print(f"  (memory: the start was {started!r}, not {how!r})", file=sys.stderr)
            after = settled_memory_mb(page)
            figures.setdefault(how, []).append(after - before)
            figures.setdefault("browser", []).append(after)
            page.close()
    ctx.close()
    print("memory: " + ", ".join(f"{k} {[round(v) for v in vs]}" for k, vs in figures.items()),
          file=sys.stderr)  # fmt: skip
    out: dict = {key: statistics.median(values) for key, values in figures.items()}
    for how in ("normal", "snapshot"):
        out[f"{how} range"] = f"{min(figures[how]):.0f}–{max(figures[how]):.0f} MB"
    return out


def example_answers(checker) -> dict[str, str]:
    """The answers of `checker`'s first worked example that its form asks, as the form's
    values (each outcome's examples give a result, never errors)."""
    from build_scripts.prepass.worked_examples import load
    from checkers.web.encoding import form_value

    given = next(e for e in load() if e["checker"] == checker.id)["answers"]
    return {
        name: form_value(value) if isinstance(value, bool) or value is None else value
        for name, value in given.items()
        if not checker.not_asked(checker.question(name), given)
    }


# Every long animation frame of the page (Chromium's Long Animation Frames API, buffered from
# the navigation), with the scripts that ran in it for more than 5 ms.
LONG_FRAMES = """() => { window.__frames = [];
  new PerformanceObserver((list) => window.__frames.push(...list.getEntries().map((e) => e.toJSON())))
    .observe({ type: "long-animation-frame", buffered: true }); }"""


def long_tasks(browser, url: str) -> dict[str, dict[str, float]]:
    """On each checker page, from opening it to its first answer and the page settled: the
    longest script task of the page script (checkers.js) and of Material's bundle, each with
    the style and layout it forced."""
    from checkers import CHECKERS

    found = {}
    for page_path in sorted({c.page for c in CHECKERS.values()}):
        ctx = browser.new_context(service_workers="block")
        page = ctx.new_page()
        page.add_init_script(f"({LONG_FRAMES})()")
        page.goto(url + page_path, wait_until="load")
        wait_until(page, "() => document.documentElement.dataset.pythonStart", seconds=120)
        checker = next(c for c in CHECKERS.values() if c.page == page_path)
        page.evaluate(PRESS_AND_WAIT, [checker.id, example_answers(checker)])
        page.wait_for_timeout(1000)
        longest = {"checkers.js": 0.0, "Material": 0.0}
        for frame in page.evaluate("window.__frames"):
            for script in frame["scripts"]:
                source = script["sourceURL"].rsplit("/", 1)[-1]
                who = (
                    "checkers.js"
                    if source == "checkers.js"
                    else "Material"
                    if "bundle" in source
                    else None
                )
                if who:
                    longest[who] = max(longest[who], script["duration"])
        found[page_path] = longest
        ctx.close()
    return found


# The last call's time in Python itself, as the page recorded it (docs/js/page/runtime.js).
PYTHON_MS = (
    """() => performance.getEntriesByName("python:handle_form", "measure").at(-1).duration"""
)


def second_answers(browser, url: str, presses: int = 5) -> dict[str, dict[str, float]]:
    """Each check's answer on a page where Python has started (a first press, not timed), on
    its first worked example's answers (those the form asks): the medians of `presses` of the
    press to the result in the page, the press to the end of the frame that shows it, and
    Python's own time in handle_form."""
    from checkers import CHECKERS

    ctx = browser.new_context()
    # First, a visit whose answer has made the service worker keep what it keeps (the runtime
    # and every page: seconds of work on both cores here, which would otherwise be timed).
    page = ctx.new_page()
    open_and_answer(page, url + CHECKER_PAGE)
    wait_until(page, "() => document.documentElement.dataset.runtimeKept", seconds=120)
    page.close()
    found = {}
    for checker in CHECKERS.values():
        answers = example_answers(checker)
        page = ctx.new_page()
        page.goto(url + checker.page, wait_until="load")
        page.evaluate(PRESS_AND_WAIT, [checker.id, answers])
        runs: dict[str, list[float]] = {}
        for _ in range(presses):
            figures = page.evaluate(PRESS_AND_WAIT, [checker.id, answers])
            figures["python"] = page.evaluate(PYTHON_MS)
            for key in ("press", "painted", "python"):
                runs.setdefault(key, []).append(figures[key])
        found[checker.id] = {key: statistics.median(values) for key, values in runs.items()}
        page.close()
    ctx.close()
    return found


def visit_bytes(browser, url: str, sent: list[int]) -> dict[str, int]:
    """The bytes a host sends (counted by the server, as sent) for a first visit to a checker
    page that answers once, up to the service worker keeping the runtime and every page; and
    for the repeat visit after it."""
    ctx = browser.new_context()
    page = ctx.new_page()
    sent[0] = 0
    page.goto(url + CHECKER_PAGE, wait_until="load")
    page.evaluate(PRESS_AND_WAIT, ["notifiable-incident", NOTIFIABLE])
    wait_until(page, SNAPSHOT_STORED, snapshot_url(page))
    wait_until(page, "() => document.documentElement.dataset.runtimeKept")
    page.wait_for_timeout(1000)  # (the service worker's fetches are not the page's to await)
    first = sent[0]
    page.close()
    page = ctx.new_page()
    sent[0] = 0
    page.goto(url + CHECKER_PAGE, wait_until="load")
    page.evaluate(PRESS_AND_WAIT, ["notifiable-incident", NOTIFIABLE])
    page.wait_for_timeout(1000)
    repeat = sent[0]
    ctx.close()
    return {"first visit, runtime kept": first, "repeat visit": repeat}


def first_visit(browser, url: str, path: str) -> dict[str, int]:
    """Each address a first visit to `path` fetched, the worker's included, with the bytes
    it transferred (compressed, as sent), until Python has started (on a checker page) and
    the network is idle."""
    ctx = browser.new_context()
    responses = []
    ctx.on("requestfinished", lambda request: responses.append(request))
    page = ctx.new_page()
    page.goto(url + path, wait_until="networkidle")
    if page.locator("form[data-checker]").count():
        wait_until(page, "() => document.documentElement.dataset.pythonStart")
    page.wait_for_timeout(500)
    page.wait_for_load_state("networkidle")
    sizes: dict[str, int] = {}
    for request in responses:
        with suppress(Exception):  # a request the page abandoned
            sizes[request.url] = sizes.get(request.url, 0) + request.sizes()["responseBodySize"]
    ctx.close()
    return sizes


def first_visit_bytes(browser, url: str, path: str) -> int:
    return sum(first_visit(browser, url, path).values())


def main() -> int:
    parser = argparse.ArgumentParser(description="Speed and size of the built site.")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--profiles", default="all", help="comma-separated names, or all")
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", 8000)))
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    if not (args.site / "index.html").exists():
        print(f"no built site at {args.site}: run make bench", file=sys.stderr)
        return 2
    profiles = PROFILES if args.profiles == "all" else {
        name: PROFILES[name] for name in args.profiles.split(",")
    }  # fmt: skip
    bench_dir = Path(tempfile.mkdtemp())
    bench_files(args.site, bench_dir)
    server, url = serve(args.site, bench_dir, args.port)
    rows = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        sizes = {
            "page without a checker": first_visit_bytes(browser, url, "draft-and-final/"),
            "home page": first_visit_bytes(browser, url, ""),
            "checker page": first_visit_bytes(browser, url, CHECKER_PAGE),
        }
        plain, plain_url = serve(args.site, bench_dir, 0, plain=True)
        by_host = {
            "make serve (as nginx: Brotli copies)": visit_bytes(browser, url, server.sent),
            "a host that compresses nothing": visit_bytes(browser, plain_url, plain.sent),
        }
        plain.shutdown()
        for name, profile in profiles.items():
            figures: dict[str, list[float]] = {}
            for _ in range(args.runs):
                run = {"bare": bare_start(browser, url, profile)}
                run |= cold_answer(browser, url, profile) | later_visits(browser, url, profile)
                for key, ms in run.items():
                    figures.setdefault(key, []).append(ms)
            rows[name] = {key: statistics.median(values) for key, values in figures.items()}
            print(f"{name}: " + ", ".join(f"{k} {[round(v) for v in vs]}" for k, vs in
                                          figures.items()), file=sys.stderr)  # fmt: skip
        heights = result_heights.measure(browser, url)
        again = second_answers(browser, url)
        tasks = long_tasks(browser, url)
        used = memory(browser, url)
        version = browser.version
        browser.close()
    try:
        scores = lighthouse(url)
    except (subprocess.SubprocessError, ValueError, KeyError) as exc:  # the rest still prints
        print(f"Lighthouse failed: {exc}", file=sys.stderr)
        scores = []
    server.shutdown()
    print_table(rows, sizes, args.runs, version)
    print()
    print_cold_steps(rows)
    print()
    print("| host | first visit, runtime kept | repeat visit |")
    print("| --- | --- | --- |")
    for host, figures in by_host.items():
        print(f"| {host} | " + " | ".join(f"{v / 1e6:.2f} MB" for v in figures.values()) + " |")
    print()
    print(f"Memory a checker page adds once Python is ready (Chromium's processes, PSS; median "
          f"and range of 3): {used['normal']:.0f} MB ({used['normal range']}) on a first visit, "
          f"{used['snapshot']:.0f} MB ({used['snapshot range']}) from the snapshot; the whole "
          f"browser then {used['browser']:.0f} MB, after the runs above")  # fmt: skip
    print()
    print("A second answer on an open page (medians of 5):")
    print()
    print("| check | press to result in the page | press to the frame showing it | "
          "Python's own time | goal |")  # fmt: skip
    print("| --- | --- | --- | --- | --- |")
    for checker_id, ms in again.items():
        print(f"| {checker_id} | {ms['press']:.0f} ms | {ms['painted']:.0f} ms | "
              f"{ms['python']:.1f} ms | ≤ 30 ms |")  # fmt: skip
    print()
    print("The longest script task on each checker page, from opening it to its first answer")
    print("(Long Animation Frames; goal: none over 50 ms):")
    print()
    print("| page | page script (checkers.js) | Material's bundle |")
    print("| --- | --- | --- |")
    for page_path, longest in tasks.items():
        print(f"| {page_path} | {longest['checkers.js']:.0f} ms | {longest['Material']:.0f} ms |")
    print()
    print_lighthouse(scores, url)
    print()
    result_heights.print_heights(heights)
    return 0


def lighthouse(url: str, runs: int = 3) -> list[dict]:
    """Lighthouse's mobile performance score and metrics for the home page and every checker's
    page (tests/lighthouse_run.mjs, as the tests run it for the other categories): each the
    median of `runs`, with the range of the score (it varies from run to run on one machine)."""
    from checkers import CHECKERS

    pages = ["", *sorted({c.page for c in CHECKERS.values()})]
    env = {
        **os.environ,
        "LIGHTHOUSE_CATEGORIES": "performance",
        "LIGHTHOUSE_FORM_FACTORS": "mobile",
    }
    found: dict[str, list[dict]] = {}
    for _ in range(runs):
        run = subprocess.run(
            ["node", str(ROOT / "tests" / "lighthouse_run.mjs"), CHROMIUM, *(url + p for p in pages)],
            capture_output=True, text=True, timeout=900, check=True, env=env, cwd=ROOT,
        )  # fmt: skip
        for report in json.loads(run.stdout):
            found.setdefault(report["url"], []).append(report)
    out = []
    for page_url, reports in found.items():
        scores = [r["scores"]["performance"] for r in reports]
        # (a run that could not measure a metric gives null for it)
        metrics = {
            m: statistics.median(
                [r["metrics"][m] for r in reports if r["metrics"].get(m) is not None]
                or [float("nan")]
            )
            for m in reports[0]["metrics"]
        }
        out.append({"url": page_url, "score": statistics.median(scores), "range": (min(scores), max(scores)),
                    "metrics": metrics})  # fmt: skip
    return out


def print_lighthouse(reports: list[dict], url: str) -> None:
    print("Lighthouse, mobile (its simulated slow 4G and 4× slower CPU), performance (goal ≥ 90),")
    print("medians of 3 runs:")
    print()
    print("| page | performance (range) | first contentful paint | largest contentful paint | "
          "total blocking time |")  # fmt: skip
    print("| --- | --- | --- | --- | --- |")
    for r in reports:
        m = r["metrics"]
        low, high = r["range"]
        print(f"| {r['url'].removeprefix(url) or '(home)'} | {r['score']:.0f} ({low}–{high}) "
              f"| {m['first-contentful-paint'] / 1000:.1f} s "
              f"| {m['largest-contentful-paint'] / 1000:.1f} s "
              f"| {m['total-blocking-time']:.0f} ms |")  # fmt: skip


def transfer_ms(size: int, profile: tuple[float, int] | None) -> float | None:
    """The floor for a first answer: the first visit's bytes at the profile's bandwidth, and
    two round trips (the page, then what its head asks for)."""
    if profile is None:
        return None
    mbps, latency = profile
    return size * 8 / (mbps * 1e6) * 1000 + 2 * latency


def print_table(rows: dict, sizes: dict, runs: int, version: str) -> None:
    cpus = os.cpu_count()
    print(f"{date.today().isoformat()}, Chromium {version} headless, {platform.machine()}, "
          f"{cpus} cores; medians of {runs} runs, fresh browser context per run; every time "
          f"from the page's navigation start")  # fmt: skip
    print()
    print(
        "| network | transfer of a first visit's bytes | bare start | cold answer | "
        "cold / bare (goal) | cold / transfer (goal) | repeat visit | offline visit |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for name, r in rows.items():
        floor = transfer_ms(sizes["checker page"], PROFILES[name])
        cold = r["cold"] / r["bare"]
        goal = f" (≤ {COLD_GOAL[name]})" if name in COLD_GOAL else ""
        versus = f"{r['cold'] / floor:.2f}" if floor else "–"
        versus += f" (≤ {TRANSFER_GOAL})" if name in COLD_GOAL and floor else ""
        print(f"| {name} | {f'{floor / 1000:.2f} s' if floor else '–'} "
              f"| {r['bare'] / 1000:.2f} s | {r['cold'] / 1000:.2f} s | {cold:.2f}{goal} "
              f"| {versus} | {r['repeat'] / 1000:.2f} s (≤ {REPEAT_GOAL_MS / 1000:.1f} s) "
              f"| {r['offline'] / 1000:.2f} s (≤ {REPEAT_GOAL_MS / 1000:.1f} s) |")  # fmt: skip
    print()
    print("| first visit | bytes sent (compressed) | goal |")
    print("| --- | --- | --- |")
    for name, value in sizes.items():
        goal = BYTES_GOAL.get(name, BYTES_GOAL["page without a checker"])
        print(f"| {name} | {value / 1e6:.2f} MB | ≤ {goal / 1e6:.1f} MB |")


def print_steps(title: str, steps: dict[str, str], rows: dict) -> None:
    """One table of a start's steps (`steps`: key → column), a row per network profile."""
    print(f"{title}, from the navigation start (medians):")
    print()
    print("| network | " + " | ".join(steps.values()) + " |")
    print("| --- |" + " --- |" * len(steps))
    for name, r in rows.items():
        cells = (f"{r[key] / 1000:.2f} s" if key in r else "–" for key in steps)
        print(f"| {name} | " + " | ".join(cells) + " |")


def print_cold_steps(rows: dict) -> None:
    """Where a visit's time goes: each step of a first visit's start (from Chromium's timing of
    the WebAssembly's download and the page's performance marks) and of a repeat visit's."""
    print_steps("A first visit's steps", STEPS, rows)
    print()
    print_steps("A repeat visit's steps (from the stored snapshot)", REPEAT_STEPS, rows)


if __name__ == "__main__":
    raise SystemExit(main())
