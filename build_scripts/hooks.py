"""MkDocs hooks: the build steps that turn checkers and sources into the site.

- before the build: citations are checked against the anchors in docs/ (the build fails on a
  broken one), and the checkers wheel is built;
- in each page: forms, draft/final comparisons, the glossary and worked examples are rendered
  from their single sources; numbered paragraphs get a permalink;
- after each page: a Content-Security-Policy meta tag allowing only this origin;
- after the build: the wheel and the Pyodide runtime are copied into the site.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # mkdocs loads hooks by path; make the project importable
    sys.path.insert(0, str(ROOT))

from mkdocs.exceptions import PluginError  # noqa: E402

from build_scripts import (  # noqa: E402
    citations,
    csp,
    draft_and_final,
    examples_page,
    forms,
    glossary,
    runtime,
)
from checkers import CHECKERS  # noqa: E402

_state: dict[str, Any] = {}

EMBED = re.compile(r'<div data-checker-embed="([\w-]+)"></div>')
COMPARE = re.compile(r'<div data-compare="([\w-]+)"></div>')
PARA = re.compile(r'<div class="para([^"]*)" data-para="([^"]+)" id="([\w-]+)">')


def on_config(config: Any) -> Any:
    problems = citations.broken(Path(config["docs_dir"]))
    if problems:
        raise PluginError("broken citations:\n  " + "\n  ".join(problems))
    _state["wheel"] = runtime.build_wheel()
    return config


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    if "<div data-glossary></div>" in markdown:
        markdown = markdown.replace("<div data-glossary></div>", glossary.render_markdown())
    if "<div data-worked-examples></div>" in markdown:
        markdown = markdown.replace(
            "<div data-worked-examples></div>", examples_page.render_markdown()
        )
    return markdown


def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    base = root_relative(page.url)

    def form(match: re.Match[str]) -> str:
        checker_id = match.group(1)
        if checker_id not in CHECKERS:
            raise PluginError(f"{page.file.src_path}: no checker {checker_id!r}")
        return forms.render_form(
            CHECKERS[checker_id],
            base,
            wheel=_state["wheel"].name,
            pyodide=runtime.PYODIDE_DIR,
            snapshot=_state["wheel"].snapshot_name,
        )

    def compare(match: re.Match[str]) -> str:
        if match.group(1) not in draft_and_final.COMPARISONS:
            raise PluginError(f"{page.file.src_path}: no comparison {match.group(1)!r}")
        return draft_and_final.render(match.group(1))

    html = EMBED.sub(form, html)
    html = COMPARE.sub(compare, html)
    return add_paragraph_links(html)


def add_paragraph_links(html: str) -> str:
    """A visible permalink (and, with JavaScript, a copy button) on each numbered paragraph."""

    def link(match: re.Match[str]) -> str:
        extra, label, anchor = match.groups()
        label = label if not label.isdigit() else f"paragraph {label}"
        return (
            f'<div class="para{extra}" id="{anchor}" data-para="{label}">'
            f'<span class="para-tools"><a class="para-link" href="#{anchor}" '
            f'aria-label="Link to {label}" title="Link to {label}">¶</a>'
            f'<button type="button" class="para-copy" data-copy-para="{anchor}" hidden '
            f'aria-label="Copy link to {label}">Copy link</button></span>'
        )

    return PARA.sub(link, html)


def on_post_page(output: str, page: Any, config: Any) -> str:
    return csp.add_policy(output)


def on_post_build(config: Any) -> None:
    site = Path(config["site_dir"])
    not_found = site / "404.html"  # a static template: no on_post_page for it
    if not_found.exists():
        not_found.write_text(csp.add_policy(not_found.read_text(encoding="utf-8")), "utf-8")
    runtime.install(site, _state["wheel"])


def root_relative(url: str) -> str:
    """The relative path from a page's URL to the site root ("" for the home page)."""
    depth = url.count("/")
    return "../" * depth
