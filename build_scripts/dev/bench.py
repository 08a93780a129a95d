"""Speed and size of the built site, measured in headless Chromium.

    python -m build_scripts.dev.bench [--runs 5] [--site site]   (make bench builds first)

Prints medians over several runs, each in a fresh browser context (no HTTP cache):

- bare: a module worker that only loads Pyodide from the site's own files and imports json;
- cold: on a checker page, from pressing the button right after the page has loaded to the
  result shown;
- warm: a second answer on the same page, and a first answer after instant navigation to
  another checker page;
- the ratio cold / bare;
- bytes transferred per page type (a page without a checker, a checker page).

Figures are printed, never asserted: timing belongs here, not in the test suite.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import threading
from contextlib import suppress
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from build_scripts.dev.serve import Handler, Server  # noqa: E402
from build_scripts.prepass import runtime  # noqa: E402

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]  # fmt: skip

BARE_PAGE = """<!doctype html><meta charset="utf-8"><title>bare</title><script type="module">
const t0 = performance.now();
const w = new Worker("bare-worker.js", {type: "module"});
w.onmessage = (e) => { window.bare = performance.now() - t0; };
w.postMessage(new URL("/%s", location.href).href);
</script>"""
BARE_WORKER = """self.onmessage = async (e) => {
  const { loadPyodide } = await import(e.data + "pyodide.mjs");
  const py = await loadPyodide({ indexURL: e.data });
  py.runPython("import json");
  self.postMessage("ready");
};"""

NOTIFIABLE = {
    "child_died": "yes", "seriously_harmed": "no", "abuse_or_neglect": "suspected",
    "looked_after": "no", "regulated_setting": "no",
}  # fmt: skip
SERIOUS = {
    "abuse_or_neglect": "known", "child_died": "no", "life_threatening_injury": "yes",
    "serious_or_long_term_impairment": "no", "interagency_concerns": "unclear",
    "death_in_custody": "no",
}  # fmt: skip

# Clicks the button and resolves with the milliseconds until a result (a new data-outcome).
PRESS_AND_WAIT = """async ([checker, answers]) => {
  const form = document.querySelector(`form[data-checker="${checker}"]`);
  for (const [name, value] of Object.entries(answers))
    form.querySelector(`input[name="${name}"][value="${value}"]`).checked = true;
  const result = form.closest("[data-checker-section]").querySelector("[data-checker-result]");
  result.removeAttribute("data-outcome");
  return await new Promise((resolve) => {
    const t0 = performance.now();
    new MutationObserver((_, obs) => {
      if (result.dataset.outcome) { obs.disconnect(); resolve(performance.now() - t0); }
    }).observe(result, { attributes: true });
    form.querySelector("button[type=submit]").click();
  });
}"""


class BenchHandler(Handler):
    bench_dir = ""

    def translate_path(self, path: str) -> str:
        if path.startswith("/__bench__/"):
            return str(Path(self.bench_dir) / path.removeprefix("/__bench__/").split("?")[0])
        return super().translate_path(path)


def serve(site: Path, bench_dir: Path, port: int) -> tuple[Server, str]:
    def handler(*a, **kw):
        return BenchHandler(*a, directory=str(site), **kw)

    BenchHandler.bench_dir = str(bench_dir)
    server = Server(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def transferred(page, url: str) -> int:
    total = 0
    responses = []
    page.context.on("response", lambda response: responses.append(response))
    page.goto(url, wait_until="networkidle")
    page.wait_for_timeout(300)
    page.wait_for_load_state("networkidle")
    for response in responses:
        if response.request.method != "GET":
            continue  # a HEAD has no body (Playwright reports the Content-Length)
        with suppress(Exception):  # a request still in flight, or aborted
            total += response.request.sizes()["responseBodySize"]
    return total


def main() -> int:
    parser = argparse.ArgumentParser(description="Speed and size of the built site.")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", 8000)))
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    if not (args.site / "index.html").exists():
        print(f"no built site at {args.site}: run make bench", file=sys.stderr)
        return 2
    bench_dir = Path(tempfile.mkdtemp())
    (bench_dir / "bare.html").write_text(BARE_PAGE % runtime.PYODIDE_DIR)
    (bench_dir / "bare-worker.js").write_text(BARE_WORKER)
    server, url = serve(args.site, bench_dir, args.port)
    figures: dict[str, list[float]] = {k: [] for k in ("bare", "cold", "warm_same", "warm_nav")}
    sizes: dict[str, list[int]] = {"home (no checker)": [], "guidance page (no checker)": [],
                                   "checker page": []}  # fmt: skip
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for _ in range(args.runs):
            ctx = browser.new_context()
            page = ctx.new_page()
            page.goto(url + "__bench__/bare.html")
            page.wait_for_function("window.bare", timeout=120_000)
            figures["bare"].append(page.evaluate("window.bare"))
            ctx.close()

            ctx = browser.new_context()
            page = ctx.new_page()
            page.goto(url + "notifiable-incidents/", wait_until="load")
            figures["cold"].append(
                page.evaluate(PRESS_AND_WAIT, ["notifiable-incident", NOTIFIABLE])
            )
            figures["warm_same"].append(
                page.evaluate(PRESS_AND_WAIT, ["notifiable-incident", NOTIFIABLE])
            )
            page.locator("nav.md-nav--primary a", has_text="Serious harm").first.click()
            page.wait_for_selector("form[data-checker='serious-harm'][data-bound]")
            figures["warm_nav"].append(page.evaluate(PRESS_AND_WAIT, ["serious-harm", SERIOUS]))
            ctx.close()

            for name, path in (("home (no checker)", ""), ("guidance page (no checker)",
                               "draft-and-final/"), ("checker page", "serious-harm/")):  # fmt: skip
                ctx = browser.new_context()
                sizes[name].append(transferred(ctx.new_page(), url + path))
                ctx.close()
        browser.close()
    server.shutdown()

    med = {k: statistics.median(v) for k, v in figures.items()}
    print(f"Chromium headless, {args.runs} runs each, fresh context per run; medians:")
    print(f"  bare Pyodide start (worker, import json): {med['bare']:8.0f} ms")
    print(f"  cold answer (button -> result)          : {med['cold']:8.0f} ms")
    print(f"  ratio cold / bare                       : {med['cold'] / med['bare']:8.2f}")
    print(f"  warm answer, same page                  : {med['warm_same']:8.1f} ms")
    print(f"  warm answer after instant navigation    : {med['warm_nav']:8.1f} ms")
    print("Bytes transferred per page type (fresh context, until the network is idle):")
    for name, values in sizes.items():
        print(f"  {name:28s}: {statistics.median(values) / 1e6:8.2f} MB")
    print("all runs (ms):", {k: [round(x) for x in v] for k, v in figures.items()})
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
