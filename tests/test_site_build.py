"""The built site: every quotation verbatim from the sources, the banner everywhere,
citations resolving, forms rendered from the checkers, nothing loaded from elsewhere."""

from __future__ import annotations

import gzip
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import brotli
import pytest

from build_scripts import postpass
from build_scripts.postpass import anchors
from checkers import CHECKERS

from . import seed_text


def pages(site) -> list[Path]:
    return sorted(p for p in site.dir.rglob("*.html"))


class QuoteCollector(HTMLParser):
    """Collects each <blockquote> as its <p> and <li> texts (nested lists apart), with the
    source line (`<p class="source">`) that follows it on the page."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.stack: list[list[str]] = []
        self.quotes: list[dict] = []  # {"segments": [...], "source": str | None}
        self.in_source: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "blockquote":
            if not self.depth:
                self.quotes.append({"segments": [], "source": None})
            self.depth += 1
        elif self.depth and tag in ("p", "li"):
            self.stack.append([])
        elif self.depth and tag == "ul" and self.stack:
            # a nested list ends its parent item's own text
            self.quotes[-1]["segments"].append("".join(self.stack[-1]))
            self.stack[-1] = ["\0"]
        elif not self.depth and tag == "p" and ("class", "source") in attrs:
            self.in_source = []

    def handle_endtag(self, tag):
        if tag == "blockquote":
            self.depth -= 1
        elif self.depth and tag in ("p", "li") and self.stack:
            text = "".join(self.stack.pop())
            if not text.startswith("\0"):
                self.quotes[-1]["segments"].append(text)
        elif tag == "p" and self.in_source is not None:
            line = "".join(self.in_source)
            for quote in self.quotes:  # every quotation since the last source line
                if quote["source"] is None:
                    quote["source"] = line
            self.in_source = None

    def handle_data(self, data):
        if self.stack:
            self.stack[-1].append(data)
        elif self.in_source is not None:
            self.in_source.append(data)


def quotations(html: str) -> list[dict]:
    collector = QuoteCollector()
    collector.feed(html)
    for quote in collector.quotes:
        quote["segments"] = [
            re.sub(r"^\s*\d+\.\s+", "", s)  # paragraph numbers are ours
            for s in quote["segments"]
            if s.strip()
        ]
    return collector.quotes


def test_every_quotation_stands_in_order_in_the_source_it_names(site):
    checked = 0
    wrong = []
    for page in pages(site):
        where = page.relative_to(site.dir).as_posix()
        for quote in quotations(page.read_text(encoding="utf-8")):
            source = seed_text.source_named(quote["source"] or "")
            if source is None:
                wrong.append((where, "no source named", quote["segments"][:1]))
                continue
            at = 0
            for segment in quote["segments"]:
                checked += 1
                found = seed_text.position_in(source, segment, at)
                if found < 0:
                    wrong.append((where, source, segment[:120]))
                    break
                at = found + len(seed_text.normalise(segment))
    assert not wrong, wrong
    assert checked > 100


def test_the_sources_in_the_repository_are_the_texts_supplied():
    for name, shared in seed_text.SHARED_NAMES.items():
        mine = (seed_text.SOURCES / name).read_bytes()
        assert len(mine) > 5000
        if (seed_text.SHARED_SEEDS / shared).exists():
            assert mine == (seed_text.SHARED_SEEDS / shared).read_bytes(), name


KEY_PHRASES = {
    "notifiable-incidents": [
        "A notifiable incident is an incident involving the care of a child which meets any of "
        "the following criteria:",
        "A looked-after child has died (including cases where abuse or neglect is not known or "
        "suspected).",
        "A child in a regulated setting or service has died (including cases where abuse or "
        "neglect is not known or suspected).",
        "within five working days of becoming aware that the incident has occurred",
        "Residential Family Centres and Holiday Schemes for Disabled Children.",
    ],
    "serious-harm": [
        "Serious harm includes, but is not limited to, cases, where the child has sustained, as a "
        "result of abuse or neglect, (a) potentially life-threatening injury or (b) serious or "
        "likely long-term impairment of physical/mental health or physical, intellectual, "
        "emotional, social, or behavioural development.",
        "even if a child recovers, this does not mean that serious harm has not occurred.",
        "unless it is clear that there are no concerns about inter-agency working, the LSCB must "
        "commission an SCR.",
        "The final decision on whether to conduct the SCR rests with the LSCB Chair.",
        "the child has been seriously harmed and there is cause for concern as to the way in "
        "which the authority, their Board partners or other relevant persons have worked "
        "together to safeguard the child.",
    ],
    "allegations": [
        "behaved in a way that has harmed a child, or may have harmed a child;",
        "possibly committed a criminal offence against or related to a child; or",
        "behaved towards a child or children in a way that indicates they may pose a risk of "
        "harm to children.",
        "Children’s social care (the single point of contact) should also be informed within one "
        "working day of all allegations that come to an employer’s attention or that are made "
        "directly to the police.",
        "It is an offence to fail to make a referral without good reason.",
        "Any new appointments to such a role, other than current or former designated officers "
        "moving between local authorities, should be qualified social workers.",
    ],
    "whistleblowing": [
        "all organisations with safeguarding duties must have an internal whistleblowing policy "
        "in place.",
        "the policy should reflect the principles of Sir Robert Francis's Freedom to Speak Up "
        "review.",
    ],
    "preventable-child-deaths": [
        "this guidance defines preventable child deaths as those in which modifiable factors may "
        "have contributed to the death.",
    ],
    "consultation": [
        "The consultation was issued on 6 January 2015.",
        "The consultation closes on at 5.00pm on 3 February 2015.",
        "Do you agree that the addition to Chapter 4 guidance on the definition of serious harm "
        "will support LSCBs in determining whether or not serious harm has occurred?",
    ],
    "minor-amendments": [
        "15 working days from the strategy discussion to the child protection conference",
        "45 working day timescale to complete assessment",
        "Channel panels - The update reflects duties set out in the Counter-Terrorism and "
        "Security Act 2015 regarding Channel panels.",
    ],
}


def page_text(site, name: str) -> str:
    html = (site.dir / name / "index.html").read_text(encoding="utf-8")
    html = re.sub(r"<script.*?</script>", " ", html, flags=re.S)
    text = re.sub(r"<[^>]+>", "", html)
    import html as html_lib

    return seed_text.normalise(html_lib.unescape(text))


@pytest.mark.parametrize("page", list(KEY_PHRASES))
def test_statutory_phrases_stand_on_their_page(site, page):
    text = page_text(site, page)
    for phrase in KEY_PHRASES[page]:
        assert seed_text.normalise(phrase) in text, phrase
        assert seed_text.quoted_exactly(phrase), phrase


def test_banner_on_every_page(site):
    for page in pages(site):
        html = page.read_text(encoding="utf-8")
        assert "data-status-banner" in html, page
        assert "Historical guidance." in html


def test_the_status_section_links_the_later_editions(site):
    """The banner's "What replaced it" leads to #status, which links the 2023 edition's GOV.UK
    page and the 2018 edition's archived copy as plain links: nothing is loaded from them."""
    html = (site.dir / "index.html").read_text(encoding="utf-8")
    start = html.index('id="status"')
    section = html[start : html.index("<h2", start)]
    links = dict(re.findall(r'<a data-edition="(\d{4})" href="([^"]+)" rel="noreferrer"', section))
    gov_uk = "https://www.gov.uk/government/publications/working-together-to-safeguard-children--2"
    assert links["2023"] == gov_uk
    assert links["2018"].startswith("https://webarchive.nationalarchives.gov.uk/ukgwa/2023")
    assert links["2018"].endswith("/" + gov_uk)
    for page in pages(site):
        if "handouts" in page.parts:
            continue  # a handout states the 2015 status in full on the paper itself
        assert '#status">What replaced it</a>' in page.read_text(encoding="utf-8"), page


def test_every_page_names_the_licence(site):
    for page in pages(site):
        assert "Open Government Licence v3.0" in page.read_text(encoding="utf-8"), page


def test_no_reference_to_another_origin(site):
    """No script, style, font, image or worker from anywhere but this site."""
    pattern = re.compile(r"""(?:src|href)=["'](?:https?:)?//(?!127\.0\.0\.1)""")
    for path in sorted(site.dir.rglob("*")):
        if path.suffix not in (".html", ".css"):
            continue
        text = path.read_text(encoding="utf-8")
        for match in re.finditer(r"<(script|link|img|iframe|source)\b[^>]*>", text):
            assert not pattern.search(match.group(0)), (path, match.group(0))
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text


# Addresses on other sites that shipped JavaScript names, each with why it is never fetched.
# Any other address in a script fails the test below. (The host's policy would refuse them all
# anyway: connect-src and script-src allow only this site.)
NAMED_BUT_NEVER_FETCHED = {
    # Material loads these only for a browser without ResizeObserver, for Mermaid diagrams
    # and for a repository link; the site has none of them.
    "https://unpkg.com/resize-observer-polyfill": "bundle.",
    "https://unpkg.com/mermaid@11/dist/mermaid.min.js": "bundle.",
    "https://api.github.com/repos/": "bundle.",
    "https://api.github.com/users/": "bundle.",
    "https://${e}/api/v4/projects/": "bundle.",  # GitLab, for a repository link as well
    "https://clipboardjs.com/": "bundle.",  # a licence comment
    "http://lunrjs.com": "search.",  # licence comments of the search engine
    "http://tartarus.org/~martin/PorterStemmer/js.txt": "search.",
    "https://bit.ly/2s3ChXG": "search.",  # in a console message of Material's search
    # Pyodide's default package address; the worker always passes this site's own.
    "https://cdn.jsdelivr.net/pyodide/v": "pyodide.mjs",
    "https://${t}": "pyodide.asm.mjs",  # a template in Emscripten's URL handling
}


def test_no_script_names_another_origin(site):
    """The origin scan covers JavaScript: every address on another site in a shipped script
    is known, and never fetched. Lunr's language files are shipped by Material but never
    loaded (the site is English); their addresses are licence comments."""
    found = {}
    for path in [*site.dir.rglob("*.js"), *site.dir.rglob("*.mjs")]:
        if "lunr" in path.parts:
            continue
        for url in re.findall(r"https?://[^\s\"'`)]+", path.read_text(encoding="utf-8")):
            known = next((k for k in NAMED_BUT_NEVER_FETCHED if url.startswith(k)), None)
            if known is None or NAMED_BUT_NEVER_FETCHED[known] not in path.name:
                found[url] = path.name
    assert found == {}
    worker = (site.dir / "js" / "checker-worker.js").read_text(encoding="utf-8")
    # Both starts take their options from one place, which keeps packages here.
    assert worker.count("packageBaseUrl: files.pyodide") == 1
    assert worker.count("loadPyodide(options(files))") == 1
    assert worker.count("loadPyodide({ ...options(files), _loadSnapshot") == 1


def test_citations_resolve_to_ids_in_the_built_pages(site):
    assert anchors.broken_citations(site.dir) == []


def test_a_broken_citation_fails_the_check(tmp_path):
    page = tmp_path / "notifiable-incidents" / "index.html"
    page.parent.mkdir()
    page.write_text('<h2 id="criteria">Criteria</h2>')
    problems = anchors.broken_citations(tmp_path)
    assert any("ni-para-2" in p for p in problems)
    assert not any("#criteria:" in p and "notifiable" in p for p in problems)
    assert any("no built page allegations/index.html" in p for p in problems)


def test_no_built_page_holds_an_unfilled_placeholder(site):
    """Every include the pre-pass writes was filled in by the generator."""
    assert anchors.unfilled(site.dir, postpass.pages(site.dir)) == []
    for path in postpass.pages(site.dir):
        assert "--8<--" not in path.read_text(encoding="utf-8"), path


@pytest.mark.parametrize(
    "left",
    [
        '<p>--8&lt;-- "includes/generated/checker-allegations.html"</p>',
        '<div data-checker-embed="allegations"></div>',
        '<div data-compare="criteria"></div>',
    ],
)
def test_an_unfilled_placeholder_fails_the_build(tmp_path, left):
    """A generator that does not process the includes (or an old placeholder) stops the
    post-pass before anything is installed."""
    (tmp_path / "index.html").write_text(f"<html><body>{left}</body></html>")
    with pytest.raises(postpass.PostpassError, match="unfilled"):
        postpass.run(tmp_path, made=None, work=tmp_path, site_url="http://127.0.0.1:8000/")  # type: ignore[arg-type]


@pytest.mark.parametrize("checker_id", list(CHECKERS))
def test_forms_are_rendered_from_the_schema(site, checker_id):
    checker = CHECKERS[checker_id]
    html = (site.dir / checker.page / "index.html").read_text(encoding="utf-8")
    assert f'<form data-checker="{checker_id}"' in html
    assert "data-checker-result" in html and 'aria-live="polite"' in html
    for q in checker.questions:
        if q.kind == "bool":
            assert f'name="{q.id}" value="yes"' in html and f'name="{q.id}" value="no"' in html
        elif q.kind == "choice":
            for c in q.choices:
                assert f'name="{q.id}" value="{c.value}"' in html
        else:
            assert re.search(rf'<input type="date" id="[\w-]+" name="{q.id}"', html)
        assert q.text.replace("’", "’") in html.replace("&#x27;", "'")


def test_pages_without_a_checker_do_not_mention_pyodide(site):
    for page in pages(site):
        html = page.read_text(encoding="utf-8")
        if "data-checker=" not in html:
            assert "pyodide" not in html.lower(), page


def test_runtime_is_self_hosted(site):
    assert list(site.dir.glob("assets/pyodide/*/pyodide.asm.wasm"))
    assert list(site.dir.glob("assets/py/*/python.zip.gz"))  # (test_packed_files.py)
    assert list(site.dir.glob("assets/py/*/snapshot.bin.gz"))
    assert (site.dir / "sw.js").is_file()


def test_only_what_is_used_is_shipped(site):
    """Pyodide's own standard library and the wheel are not shipped (the archive replaces
    both), and the lock file lists no package, so Pyodide never looks for one."""
    assert list(site.dir.glob("assets/pyodide/*/python_stdlib.zip")) == []
    assert list(site.dir.rglob("*.whl")) == []
    (lock,) = site.dir.glob("assets/pyodide/*/pyodide-lock.json")
    data = json.loads(lock.read_text(encoding="utf-8"))
    assert data["packages"] == {} and data["info"]["python"].startswith("3.")


def test_content_security_policy(site):
    for page in pages(site):
        html = page.read_text(encoding="utf-8")
        match = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', html)
        assert match, page
        policy = match.group(1)
        assert "default-src 'self'" in policy
        assert "'wasm-unsafe-eval'" in policy
        assert "'unsafe-eval'" not in policy.replace("'wasm-unsafe-eval'", "")
        assert html.index("Content-Security-Policy") < html.find("<script") or "<script" not in html
        script_src = next(d for d in policy.split("; ") if d.startswith("script-src"))
        assert "'unsafe-inline'" not in script_src
        assert "connect-src 'self'" in policy


def test_no_source_maps_are_shipped(site):
    """Material's maps point at sources the site does not have; none is shipped or named."""
    assert list(site.dir.rglob("*.map")) == []
    for path in [*site.dir.rglob("*.js"), *site.dir.rglob("*.mjs"), *site.dir.rglob("*.css")]:
        assert "sourceMappingURL" not in path.read_text(encoding="utf-8"), path


def test_compressed_copies_hold_the_same_bytes(site):
    copies = sorted(site.dir.rglob("*.br"))
    assert len(copies) > 20
    for packed in copies:
        original = packed.with_name(packed.name.removesuffix(".br"))
        gz = original.with_name(original.name + ".gz")
        if not original.exists():  # the archive and the snapshot (test_packed_files.py)
            assert brotli.decompress(packed.read_bytes()) == gzip.decompress(gz.read_bytes())
            continue
        assert brotli.decompress(packed.read_bytes()) == original.read_bytes(), packed
        assert gzip.decompress(gz.read_bytes()) == original.read_bytes(), gz


def test_abbreviations_are_defined_once_and_shown_everywhere(site):
    from build_scripts.prepass import glossary

    terms = dict(glossary.entries())
    for term in ("LSCB", "SCR", "LADO", "DBS", "CSE", "SEN", "EHC", "FGM", "YOI", "STC", "CSEGG"):
        assert term in terms, term
    html = (site.dir / "allegations" / "index.html").read_text(encoding="utf-8")
    assert '<abbr title="local authority designated officer">LADO</abbr>' in html
    glossary_html = (site.dir / "glossary" / "index.html").read_text(encoding="utf-8")
    for term, meaning in terms.items():
        assert f'id="{term.lower()}"' in glossary_html
        assert meaning.split(";")[0].replace("’", "’")[:20] in glossary_html.replace("&rsquo;", "’")


def test_the_search_partial_differs_from_materials_only_by_the_dialogs_name():
    """overrides/partials/search.html is Material's own with an aria-label added: on a
    Material upgrade, this fails until the copy is taken again from the new version."""
    import material

    theirs = Path(material.__file__).parent / "templates" / "partials" / "search.html"
    ours = Path(__file__).parent.parent / "overrides" / "partials" / "search.html"

    def body(path: Path) -> list[str]:
        text = re.sub(r"^\{#-.*?-#\}\n", "", path.read_text(), count=1, flags=re.S)
        return text.splitlines()

    named = '<div class="md-search" data-md-component="search" role="dialog"'
    expected = [
        line.replace(named + ">", named + " aria-label=\"{{ lang.t('search') }}\">")
        for line in body(theirs)
    ]
    assert body(ours) == expected


def test_every_page_names_its_search_dialog(site):
    for page in pages(site):
        html = page.read_text()
        if 'data-md-component="search"' in html:
            assert 'role="dialog" aria-label="Search"' in html, page


@pytest.mark.parametrize("edit_uri", ["", "https://example.org/wt2015/edit/main/docs/"])
def test_the_edit_link_comes_from_edit_uri_alone(monkeypatch, edit_uri):
    """EDIT_URI given, Material shows "Edit this page" on each page (MkDocs' edit_uri, and
    Material's content.action.edit); never a repo_url, which has Material fetch the
    repository's facts from its host in the reader's browser."""
    from mkdocs.config import load_config
    from mkdocs.structure.files import File
    from mkdocs.structure.pages import Page

    root = Path(__file__).parent.parent
    monkeypatch.setenv("EDIT_URI", edit_uri)
    config = load_config(str(root / "mkdocs.yml"))
    assert config.repo_url is None
    assert "content.action.edit" in config.theme["features"]
    page = Page(None, File("glossary.md", str(root / "docs"), "/tmp/site", False), config)
    assert page.edit_url == (edit_uri + "glossary.md" if edit_uri else None)
