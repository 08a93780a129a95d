"""How tall each worked example's result is on a 390 px phone: what a reader scrolls through
before the next question, measured in headless Chromium from the example's own link.

    python -m build_scripts.dev.result_heights [--site site] [--before OLD_SITE]

With `--before`, the same measure on another build (an earlier commit's, say) beside it, so a
change to how results are laid out shows what it saved. `make bench` prints these too.
Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from build_scripts.prepass.worked_examples import link, load  # noqa: E402

PHONE = {"width": 390, "height": 844}
HEIGHT = "document.querySelector('[data-checker-result]').getBoundingClientRect().height"


def measure(browser, url: str) -> dict[str, float]:
    """{example id: the height of its result in CSS pixels} on a phone-sized page."""
    from build_scripts.dev.bench import wait_until

    context = browser.new_context(viewport=PHONE, device_scale_factor=1)
    heights = {}
    for example in load():
        page = context.new_page()
        page.goto(url + link(example))  # the link names its page
        wait_until(page, "!!document.querySelector('[data-checker-result][data-outcome]')")
        heights[example["id"]] = page.evaluate(HEIGHT)
        page.close()
    context.close()
    return heights


def print_heights(now: dict[str, float], before: dict[str, float] | None = None) -> None:
    print(
        "| worked example (390 px phone) | " + ("before | " if before else "") + "result height |"
    )
    print("| --- | " + ("--- | " if before else "") + "--- |")
    for example_id, px in now.items():
        old = f"{before[example_id]:.0f} px | " if before and example_id in before else ""
        print(f"| {example_id} | {old}{px:.0f} px |")
    total = f"{sum(now.values()):.0f} px"
    if before:
        print(f"| all | {sum(before.values()):.0f} px | {total} |")
    else:
        print(f"| all | {total} |")


def main() -> int:
    from playwright.sync_api import sync_playwright

    from build_scripts.dev.bench import ARGS, CHROMIUM, serve

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    parser.add_argument("--before", type=Path, help="another build to measure beside it")
    parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", 8000)))
    args = parser.parse_args()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        figures = []
        for port, site in enumerate([args.site, args.before], start=args.port):
            if site is None:
                continue
            server, url = serve(site, Path(site), port)
            figures.append(measure(browser, url))
            server.shutdown()
        browser.close()
    print_heights(figures[0], figures[1] if len(figures) > 1 else None)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
