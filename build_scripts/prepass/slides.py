"""Each decision chart as slides for trainers: PNG files of 1920 by 1080 pixels (16:9) whose
smallest text is 24 pixels high, a chart too big for one slide split into parts.

A part is drawn from one question on: the questions below it, nearest first, each joined if the
part still fits a slide with it at the slide's type size (tried by laying the part out with
dot); one that does not fit starts a part of its own. An arrow to a question drawn on another
part ends in a dashed box saying where it goes on ("See question 7 (part 2 of 3)"); the
questions keep the chart's own numbers, so part and page agree. Each part's title says which
part it is, and its foot which rules these are and where it came from.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

from PIL import Image

from checkers import CHECKERS

from .flowcharts import Diagram, Type, away_foot, diagram_of, download_name, render, to_dot

SLIDE = (1920, 1080)  # pixels
DPI = 96  # so that a point is 4/3 of a pixel: 18 pt is 24 px
SLIDE_TYPE = Type(node=18, edge=18, foot=18, title=27, question_width=40, outcome_width=36,
                  foot_width=170, edge_width=28)  # fmt: skip


def _below(d: Diagram, first: str, taken: set[str]) -> list[str]:
    """The questions reached from `first` that no part has drawn yet, nearest first: each one
    reached from one before it, so that any first few of them hang together."""
    found, queue = [first], [first]
    while queue:
        for target in d.steps[queue.pop(0)].answers.values():
            if target in d.steps and target not in taken and target not in found:
                found.append(target)
                queue.append(target)
    return found


def _sub(d: Diagram, steps: list[str]) -> tuple[Diagram, dict[str, str]]:
    """The part's own diagram (its questions and the outcomes they reach) and its stubs: the
    questions its arrows lead to that are drawn elsewhere (their words filled in later)."""
    kept = {k: d.steps[k] for k in steps}
    targets = {t for s in kept.values() for t in s.answers.values()}
    outcomes = {k: v for k, v in d.outcomes.items() if k in targets}
    stubs = {t: "" for t in targets if t in d.steps and t not in kept}
    every = {**kept, **{t: d.steps[t] for t in stubs}}
    return Diagram(d.checker, steps[0], every, outcomes), stubs


def _size(dot: str) -> tuple[int, int]:
    """The drawn size in pixels at the slide's resolution."""
    out = render(dot, "svg").decode()
    match = re.search(r'width="(\d+)pt" height="(\d+)pt"', out)
    assert match, out[:200]
    return tuple(round(int(v) * DPI / 72) for v in match.groups())  # type: ignore[return-value]


def _fits(dot: str) -> bool:
    width, height = _size(dot)
    return width <= SLIDE[0] and height <= SLIDE[1]


PLACEHOLDER = "See question 00 (part 00 of 00)"  # as long as any real one


def _candidate(d: Diagram, steps: list[str], title: str, foot: str) -> str:
    sub, stubs = _sub(d, steps)
    return to_dot(sub, "", foot, SLIDE_TYPE, title + " (part 00 of 00)",
                  dict.fromkeys(stubs, PLACEHOLDER))  # fmt: skip


def parts(d: Diagram, title: str, foot: str) -> list[list[str]]:
    """The chart cut into parts that each fit a slide, from its first question on: each part's
    questions, in reading order."""
    found: list[list[str]] = []
    taken: set[str] = set()
    queue = [d.start]
    while queue:
        first = queue.pop(0)
        if first in taken:
            continue
        if not _fits(_candidate(d, [first], title, foot)):
            raise RuntimeError(f"{d.checker.id}: question {first[1:]} alone does not fit a slide")
        best = [first]
        # Nearest first, each question joined if the part still fits with it; one that does
        # not is left for a part of its own (and so is what hangs below it).
        for candidate in _below(d, first, taken)[1:]:
            joined = any(candidate in d.steps[k].answers.values() for k in best)
            if joined and _fits(_candidate(d, [*best, candidate], title, foot)):
                best.append(candidate)
        found.append(best)
        taken.update(best)
        for key in best:
            queue += [t for t in d.steps[key].answers.values() if t in d.steps and t not in taken]
    return found


def slide_dots(checker_id: str, definite: bool, site_url: str) -> list[str]:
    d = diagram_of(checker_id, definite)
    foot = away_foot(checker_id, definite, site_url)
    title = CHECKERS[checker_id].title + (": definite answers only" if definite else "")
    cut = parts(d, title, foot)
    where = {key: i for i, part in enumerate(cut, 1) for key in part}
    dots = []
    for i, part in enumerate(cut, 1):
        sub, stubs = _sub(d, part)
        words = {key: f"See question {key[1:]} (part {where[key]} of {len(cut)})" for key in stubs}
        name = f"{title} (part {i} of {len(cut)})" if len(cut) > 1 else title
        dots.append(to_dot(sub, site_url, foot, SLIDE_TYPE, name, words))
    return dots


def slide_png(dot: str) -> bytes:
    """The part drawn at the slide's resolution, centred on a white 1920 by 1080 slide (dot
    cannot be asked for an exact size without stretching the type)."""
    drawn = render(dot, "png", dpi=DPI)
    chart = Image.open(io.BytesIO(drawn)).convert("RGB")
    slide = Image.new("RGB", SLIDE, "white")
    slide.paste(chart, ((SLIDE[0] - chart.width) // 2, (SLIDE[1] - chart.height) // 2))
    out = io.BytesIO()
    # 64 colours hold the chart's few inks and their smoothed edges: a third of the bytes
    slide.quantize(colors=64, method=Image.Quantize.MEDIANCUT).save(
        out, format="PNG", optimize=True
    )
    return out.getvalue()


def slide_name(checker_id: str, definite: bool, part: int) -> str:
    return f"{download_name(checker_id, definite)}-slide-{part}.png"


def write_slides(checker_id: str, site_url: str, target: Path) -> dict[bool, list[str]]:
    """Every slide of both charts of a checker (False: the full chart; True: definite answers
    only), and the names written, in order."""
    target.mkdir(parents=True, exist_ok=True)
    names: dict[bool, list[str]] = {}
    for definite in (False, True):
        for i, dot in enumerate(slide_dots(checker_id, definite, site_url), 1):
            name = slide_name(checker_id, definite, i)
            (target / name).write_bytes(slide_png(dot))
            names.setdefault(definite, []).append(name)
    return names
