"""A visible permalink (and, with JavaScript, a copy button) on each numbered paragraph:
`<div class="para" data-para="7" id="scr-para-7">` in the Markdown."""

from __future__ import annotations

import re

from build_scripts.paragraphs import para_label

PARA = re.compile(r'<div class="para([^"]*)" data-para="([^"]+)" id="([\w-]+)">')


def add(html: str) -> str:
    def link(match: re.Match[str]) -> str:
        extra, label, anchor = match.groups()
        label = para_label(label)
        return (
            f'<div class="para{extra}" id="{anchor}" data-para="{label}">'
            f'<span class="para-tools"><a class="para-link" href="#{anchor}" '
            f'aria-label="Link to {label}" title="Link to {label}">¶</a>'
            f'<button type="button" class="para-copy" data-copy-para="{anchor}" hidden '
            f'aria-label="Copy link to {label}">Copy link</button>'
            '<span class="visually-hidden" data-copy-said aria-live="polite"></span></span>'
        )

    return PARA.sub(link, html)
