"""The page script (docs/js/page/) holds no wording and no encoding of its own: every
message comes from the page (the form's data-msg-*, the paragraphs' data-para-messages) and
every encoding from checkers/web/encoding.py through the form's data-* attributes. Its
types and lint are checked by `tsc` and ESLint in `make test-fast` and `make test`."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from build_scripts.postpass import paragraph_links
from checkers.web import encoding
from checkers.web.form import MESSAGES

from .conftest import ROOT

SOURCES = sorted((ROOT / "docs" / "js" / "page").glob("*.js"))
COMMENT = re.compile(r"/\*.*?\*/|//[^\n]*", re.S)
STRING = re.compile(r'"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`')


def literals(path: Path) -> list[str]:
    code = COMMENT.sub("", path.read_text(encoding="utf-8"))
    return [m.group(0)[1:-1] for m in STRING.finditer(code)]


def test_there_are_modules():
    assert {p.name for p in SOURCES} >= {"checkers.js", "runtime.js", "check.js", "result.js"}


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.name)
def test_a_module_says_what_it_is_for(path: Path):
    assert path.read_text(encoding="utf-8").startswith("// ")


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.name)
def test_a_module_holds_no_wording_or_encoding(path: Path):
    words = [*MESSAGES.values(), *paragraph_links.MESSAGES.values(), paragraph_links.COPY]
    encodings = [encoding.FRAGMENT_START, encoding.UNREADABLE_DATE, *encoding.FORM_VALUES]
    for text in literals(path):
        assert text not in encodings, f"{path.name}: {text!r} is the encoding's"
        assert not any(w in text for w in words if len(w) > 3), f"{path.name}: {text!r}"
        # A sentence for a reader: several words, a capital, no markup or selector syntax.
        assert not re.fullmatch(r"[A-Z][a-z]+( [a-z]+){2,}[.…]?", text), f"{path.name}: {text!r}"


def test_the_site_gets_one_classic_script(site):
    bundle = (site.dir / "js" / "checkers.js").read_text(encoding="utf-8")
    assert bundle.startswith("(function () {")
    assert not re.search(r"^\s*(import|export)\b", bundle, re.M)
    assert not (site.dir / "js" / "page").exists()  # the modules are not shipped
