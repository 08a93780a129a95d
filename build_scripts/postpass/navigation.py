"""Ways about a built page for a keyboard or screen-reader user, added to whatever the
generator made:

- every heading's "¶" link is named after its heading ("Link to the section: Background"):
  the generator names it "¶" (its text), which a screen reader reads out as "pilcrow";
- a page with a check gets a second skip link beside the generator's "Skip to content",
  straight to the check, so that a keyboard user does not Tab through the guidance first.
"""

from __future__ import annotations

import re
from html import escape, unescape

HEADING = re.compile(
    r'(<h[1-6] id="(?P<id>[^"]+)"[^>]*>)(?P<text>.*?)<a class="headerlink" href="#(?P=id)"'
)
TAG = re.compile(r"<[^>]+>")
CHECK_TITLE = re.compile(r'<h3 id="(?P<id>[^"]+)" class="checker-title"[^>]*>(?P<text>.*?)</h3>')
SKIP = re.compile(r'<a href="#[^"]*" class="md-skip">[^<]*</a>')


def _name_heading_link(match: re.Match[str]) -> str:
    text = " ".join(unescape(TAG.sub("", match["text"])).split())
    return (
        f'{match.group(1)}{match["text"]}<a class="headerlink" '
        f'aria-label="Link to the section: {escape(text)}" href="#{match["id"]}"'
    )


def add(html: str) -> str:
    html = HEADING.sub(_name_heading_link, html)
    checks = CHECK_TITLE.findall(html)
    skip = SKIP.search(html)
    if checks and skip:
        links = "".join(
            # (the page's script moves the focus: Material's instant navigation takes the link,
            # scrolls, and leaves the focus where it was)
            f'<a href="#{anchor}" class="md-skip" target="_self" data-moves-focus>'
            f"Skip to the check: {text}</a>"
            for anchor, text in checks
        )
        html = html[: skip.end()] + links + html[skip.end() :]
    return html
