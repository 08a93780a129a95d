"""Helpers for the Playwright tests: answer a checker form the way a reader does."""

from __future__ import annotations

import json
import re
from html import escape, unescape
from typing import Any

from playwright.sync_api import Page, expect

from checkers import CHECKERS
from checkers.web.encoding import form_value

RESULT = "[data-checker-result][data-outcome]"


def answer(page: Page, checker_id: str, answers: dict[str, Any]) -> None:
    form = page.locator(f"form[data-checker='{checker_id}']")
    checker = CHECKERS[checker_id]
    for name, value in answers.items():
        if checker.not_asked(checker.question(name), answers):
            continue  # hidden in the page while another answer rules it out
        if isinstance(value, bool) or value is None:
            value = form_value(value)
        if checker.question(name).kind == "date":
            form.locator(f"input[name='{name}']").fill(value)
        else:
            form.locator(f"input[name='{name}'][value='{value}']").check()


def submit_and_wait(page: Page, checker_id: str, timeout: float = 60_000) -> str:
    """Press the checker's button and return the outcome of this press (not of an earlier
    result still showing): the form is busy from the press until its answer is in."""
    form = f"form[data-checker='{checker_id}']"
    page.locator(f"{form} button[type=submit]").click()
    page.wait_for_function(
        "f => !document.querySelector(f).dataset.busy", arg=form, timeout=timeout
    )
    page.wait_for_selector(RESULT, timeout=timeout)
    return page.locator("[data-checker-result]").get_attribute("data-outcome")


def press_and_expect_no_result(page: Page, path: str, checker_id: str, answers: dict[str, Any],
                               message: str, timeout: float = 60_000) -> None:  # fmt: skip
    """Open `path`, answer, press the button: the status line says `message`, and no result
    is shown."""
    page.goto(path)
    answer(page, checker_id, answers)
    page.locator(f"form[data-checker='{checker_id}'] button[type=submit]").click()
    expect(page.locator("[data-checker-status]")).to_contain_text(message, timeout=timeout)
    expect(page.locator(RESULT)).to_have_count(0)


def with_runtime_digest(html: str, name: str, sha256: str, suffix: str = "") -> str:
    """The page as another build would give it: in the digests its forms record, the file
    called `name` gets `sha256`, and its address `suffix` (the form's own address for it too)."""

    def changed(match: re.Match) -> str:
        digests = json.loads(unescape(match.group(1)))
        (address,) = [a for a in digests if a.endswith("/" + name)]
        digests[address + suffix] = sha256
        if suffix:
            del digests[address]
        return f'data-runtime-sha256="{escape(json.dumps(digests, sort_keys=True))}"'

    html = re.sub(r'data-runtime-sha256="([^"]+)"', changed, html)
    return re.sub(rf'(="[^"]*/{re.escape(name)})"', rf'\1{suffix}"', html) if suffix else html
