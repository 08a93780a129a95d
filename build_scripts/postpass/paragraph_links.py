"""A visible permalink (and, with JavaScript, a copy button) on each numbered paragraph:
`<div class="para" data-para="7" id="scr-para-7">` in the Markdown."""

from __future__ import annotations

import re

from build_scripts.paragraphs import para_label

PARA = re.compile(r'<div class="para([^"]*)" data-para="([^"]+)" id="([\w-]+)">')


# What a copy button says: its own text, then for two seconds after a press (shown, and said
# aloud beside it, as the button's name is its unchanging aria-label).
COPY = "Copy link"
MESSAGES = {
    "copied": "Copied",
    "copy-failed": "Copy failed",
    "said-copied": "Link copied",
    "said-failed": "Could not copy the link",
}
# Once per page, in its first paragraph's tools (inside the content that Material's instant
# navigation swaps), for the page script to read.
MESSAGES_ELEMENT = (
    "<span hidden data-para-messages "
    + " ".join(f'data-msg-{k}="{v}"' for k, v in MESSAGES.items())
    + "></span>"
)


def add(html: str) -> str:
    first = True

    def link(match: re.Match[str]) -> str:
        nonlocal first
        extra, label, anchor = match.groups()
        label = para_label(label)
        messages, first = (MESSAGES_ELEMENT if first else ""), False
        return (
            f'<div class="para{extra}" id="{anchor}" data-para="{label}">'
            f'<span class="para-tools"><a class="para-link" href="#{anchor}" '
            f'aria-label="Link to {label}" title="Link to {label}">¶</a>'
            f'<button type="button" class="para-copy" data-copy-para="{anchor}" hidden '
            f'aria-label="Copy link to {label}">{COPY}</button>'
            f'<span class="visually-hidden" data-copy-said aria-live="polite"></span>{messages}'
            "</span>"
        )

    return PARA.sub(link, html)
