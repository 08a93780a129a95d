"""Each decision checker's decision as a flowchart, made from the checker itself.

The chart is never drawn by hand: every combination of the checker's yes/no and multiple-choice
answers ("Not sure" and "Not answered" included) is run through the checker, and the questions
are followed in the checker's own order, branching only where the answer changes the outcome.
Identical branches are drawn once (a reduced decision diagram), so a chart stays small. Dates
change deadlines, not outcomes, and are left out (tests/test_flowcharts.py checks both: every
path of the chart gives the checker's outcome, with and without dates).

Graphviz's `dot` (Debian's package, installed by make setup) lays the chart out as static SVG:
no script, nothing fetched. Each question links to its paragraph; a text version of the same
decision stands under the chart, and the chart downloads as SVG, as PNG and as 16:9 slides
(build_scripts/prepass/slides.py). For slides there is also the chart of definite answers only: the same decision made without
"Not sure", with fewer questions (the full chart shows what "Not sure" does).
"""

from __future__ import annotations

import functools
import itertools
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from typing import Any

from build_scripts.licence import credit
from checkers import CHECKERS
from checkers.errors import InputError
from checkers.model import Checker, Question, Result
from checkers.period import REPLACED
from checkers.web.encoding import FORM_LABELS, NOT_ANSWERED, form_value

# Every checker whose outcome is a decision gets a chart (the registry says which).
DECISION_CHECKERS = tuple(c.id for c in CHECKERS.values() if c.decision)
ABSENT = object()  # an optional question left unanswered
TONE_COLOURS = {"act": "#fbeaec", "review": "#fff4e0", "clear": "#e8f4ea", "open": "#f3f3f3"}
FIRST_ARROW_WEIGHT = 5  # how much straighter than the others dot keeps a first answer's arrow
DEFINITE_NOTE = (
    "Definite answers only: this chart leaves out “Not sure”. The full chart, at the address"
    " below, shows what a “Not sure” answer does."
)
# At the foot of every downloaded chart and slide: a chart on a slide is read without the page.
RULES_NOTE = (
    "These are the 2015 rules (Working Together to Safeguard Children 2015), replaced by the "
    f"2018 edition on {REPLACED.day} {REPLACED:%B %Y}: not the rules for a decision about a "
    "child today."
)
PNG_DPI = 192  # a 1920-pixel-wide slide shows the widest chart at about full width


@dataclass
class Step:
    """A question with where each answer leads: another step's key or an outcome."""

    key: str
    question: Question
    answers: dict[str, str] = field(default_factory=dict)  # label -> key of the next node


@dataclass
class Diagram:
    checker: Checker
    start: str
    steps: dict[str, Step]
    outcomes: dict[str, str]  # key -> outcome id

    def label(self, outcome: str) -> str:
        decision, _, duty = outcome.partition(DUTY_MARK)
        return self.checker.outcome(decision).name + DUTY_LABELS.get(duty, "")

    def tone(self, outcome: str) -> str:
        return self.checker.outcome(outcome.partition(DUTY_MARK)[0]).tone

    def paths(self) -> list[tuple[list[tuple[Question, str]], str]]:
        """Every path from the start: the answers along it (by label) and the outcome."""
        found = []

        def walk(key: str, taken: list[tuple[Question, str]]) -> None:
            if key in self.outcomes:
                found.append((taken, self.outcomes[key]))
                return
            step = self.steps[key]
            for label, nxt in step.answers.items():
                walk(nxt, [*taken, (step.question, label)])

        walk(self.start, [])
        return found


def choices(q: Question, definite: bool = False) -> list[Any]:
    """The answers the form allows to `q` (definite ones only: no "Not sure")."""
    if q.kind == "bool":
        values: list[Any] = [True, False]
    else:
        values = [c.value for c in q.choices]
    values += [None] if q.unsure and not definite else []
    # A question asked only on another answer is left out where that answer rules it out.
    return values if q.required and not q.asked_if else [ABSENT, *values]


def answer_label(q: Question, value: Any) -> str:
    if value is ABSENT:
        return NOT_ANSWERED
    if q.kind == "bool" or value is None:
        return FORM_LABELS[form_value(value)]
    return next(c.label for c in q.choices if c.value == value)


def answer_value(q: Question, label: str) -> Any:
    """The answer a label stands for (ABSENT for "Not answered")."""
    return next(v for v in choices(q) if answer_label(q, v) == label)


def decision_questions(checker: Checker) -> list[Question]:
    return [q for q in checker.questions if q.kind in ("bool", "choice")]


# A duty a result names beside its outcome, drawn as part of the chart's end point: the DBS
# referral of the allegations check (paragraph 6 of the proposed text), which is owed whatever
# the outcome when the person has been removed because they pose a risk of harm to children.
DUTY_MARK = "+"
DUTY_LABELS = {
    "dbs": "; and the organisation must refer the person to the DBS: it is an offence to fail "
    "to make a referral without good reason",
    "dbs_open": "; whether the organisation must refer the person to the DBS depends on the "
    "“Not sure” answer about removal",
}


def chart_outcome(result: Result) -> str:
    """The end point a result reaches: its outcome, and a duty it names beside it."""
    if result.checker.id == "allegations":
        duty = {True: "dbs", False: "", None: "dbs_open"}[result.extra["dbs_referral_required"]]
        return result.outcome + (DUTY_MARK + duty if duty else "")
    return result.outcome


@functools.cache
def diagram_of(checker_id: str, definite: bool = False) -> Diagram:
    return diagram(CHECKERS[checker_id], definite)


def asked_as_in_the_form(questions: list[Question], answers: dict[str, Any]) -> bool:
    """False when an answer is given to a question the form would not show (one asked only on
    another answer: "In which setting?" only after "Yes, in custody", the harms only while the
    child is alive), or a question the form shows and requires is left out."""
    for q in questions:
        if not q.asked_if:
            continue
        name, wanted = q.asked_if
        asked = name in answers and answers[name] in (wanted, None)
        if (q.id in answers and not asked) or (asked and q.required and q.id not in answers):
            return False
    return True


def diagram(checker: Checker, definite: bool = False) -> Diagram:
    questions = decision_questions(checker)
    table: dict[tuple[Any, ...], str] = {}
    for combo in itertools.product(*(choices(q, definite) for q in questions)):
        answers = {q.id: v for q, v in zip(questions, combo, strict=True) if v is not ABSENT}
        if not asked_as_in_the_form(questions, answers):
            continue
        try:
            table[combo] = chart_outcome(checker.run(answers))
        except InputError:
            continue  # answers that contradict each other: no path leads there

    steps: dict[str, Step] = {}
    outcomes: dict[str, str] = {}
    made: dict[str, str] = {}  # a question's branches -> its key, so identical ones are shared

    def node(depth: int, rows: dict[tuple[Any, ...], str]) -> str | None:
        """The node for the answers given so far; `rows` are the combinations that start
        with them."""
        if not rows:
            return None
        found = set(rows.values())
        if len(found) == 1:
            outcome = found.pop()
            key = "outcome_" + re.sub(r"\W", "_", outcome)
            outcomes[key] = outcome
            return key
        q = questions[depth]
        branches = {}
        for value in choices(q, definite):
            child = node(depth + 1, {c: o for c, o in rows.items() if c[depth] == value})
            if child is not None:
                branches[answer_label(q, value)] = child
        if len(set(branches.values())) == 1:  # this question does not matter here
            return next(iter(branches.values()))
        shape = f"{q.id}:{sorted(branches.items())}"
        if shape not in made:
            key = f"q{len(steps) + 1}"
            made[shape] = key
            steps[key] = Step(key, q, branches)
        return made[shape]

    start = node(0, table)
    assert start is not None
    # Number the steps in the order a reader meets them.
    order = [k for k in _reading_order(start, steps) if k in steps]
    renumber = {old: f"q{i}" for i, old in enumerate(order, 1)}
    renamed = {
        renumber[k]: Step(
            renumber[k], s.question, {a: renumber.get(n, n) for a, n in s.answers.items()}
        )
        for k, s in steps.items()
    }
    return Diagram(
        checker,
        renumber.get(start, start),
        dict(sorted(renamed.items(), key=lambda i: int(i[0][1:]))),
        outcomes,
    )


def _reading_order(start: str, steps: dict[str, Step]) -> list[str]:
    seen: list[str] = []
    queue = [start]
    while queue:
        key = queue.pop(0)
        if key in seen:
            continue
        seen.append(key)
        if key in steps:
            queue.extend(steps[key].answers.values())
    return seen


# -- drawing ------------------------------------------------------------------------------------


def wrap(text: str, width: int = 34) -> str:
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    lines.append(line)
    return "\\n".join(lines)


def dot_quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\\\\n", "\\n") + '"'


def leads(step: Step) -> dict[str, list[str]]:
    """Where the step's answers lead, with the answers that lead to each place (one arrow)."""
    out: dict[str, list[str]] = {}
    for label, nxt in step.answers.items():
        out.setdefault(nxt, []).append(label)
    return out


@dataclass(frozen=True)
class Type:
    """Type sizes in points and line lengths in characters: the page's chart, or a slide's."""

    node: float = 12
    edge: float = 11
    foot: float = 10
    title: float = 0
    question_width: int = 34
    outcome_width: int = 30
    foot_width: int = 100
    edge_width: int = 0  # 0: an arrow's answers on one line


PAGE_TYPE = Type()


def to_dot(
    d: Diagram,
    base: str,
    foot: str = "",
    type_: Type = PAGE_TYPE,
    title: str = "",
    stubs: dict[str, str] | None = None,
) -> str:
    """The chart in dot's language; `foot`, if given, is written under it and `title` over
    it. `stubs` draws some steps as a box of words instead (a slide's "See question 7 (part 2
    of 3)")."""
    stubs = stubs or {}
    font = 'fontname="Helvetica,Arial,sans-serif"'
    lines = [
        "digraph decision {",
        # ordering=out keeps each question's answers left to right in the form's order, and
        # the heavy first arrow (below) hangs each question straight above its first answer's
        # node: question 1 then stands at the chart's left edge, where a box that scrolls
        # sideways opens (dot would centre it over the whole chart, off a phone's screen).
        f'  graph [rankdir=TB, ordering=out, nodesep=0.35, ranksep=0.45, bgcolor="white", {font}];',
        f'  node [{font}, fontsize={type_.node:g}, shape=box, style="rounded,filled", fillcolor="#ffffff", color="#0b4f8a", penwidth=1.4, margin="0.15,0.08"];',
        f'  edge [{font}, fontsize={type_.edge:g}, color="#3b3b3b", fontcolor="#1a1a1a"];',
    ]
    if foot:
        lines.append(
            f"  graph [label={dot_quote(wrap(foot, type_.foot_width))}, labelloc=b, "
            f'fontsize={type_.foot:g}, fontcolor="#3b3b3b"];'
        )
    if title:
        lines.append(
            f"  subgraph cluster_part {{ label={dot_quote(title)}; labelloc=t; "
            f"fontsize={type_.title:g}; color=white;"
        )
    for key, words in stubs.items():
        lines.append(
            f"  {key} [label={dot_quote(wrap(words, type_.question_width))}, "
            'style="rounded,dashed", color="#3b3b3b"];'
        )
    for key, step in d.steps.items():
        if key in stubs:
            continue
        number = key[1:]
        attrs = [
            f"label={dot_quote(wrap(f'{number}. {step.question.text}', type_.question_width))}"
        ]
        if step.question.cite:
            attrs.append(f"href={dot_quote(base + step.question.cite)}")
            attrs.append(f"tooltip={dot_quote('The guidance for question ' + number)}")
        lines.append(f"  {key} [{', '.join(attrs)}];")
    for key, outcome in d.outcomes.items():
        tone = d.tone(outcome)
        label = wrap(d.label(outcome)[:1].upper() + d.label(outcome)[1:], type_.outcome_width)
        lines.append(
            f'  {key} [label={dot_quote(label)}, shape=box, style="filled,bold", '
            f'fillcolor="{TONE_COLOURS[tone]}", color="#1a1a1a"];'
        )
    for key, step in d.steps.items():
        if key in stubs:
            continue
        for i, (nxt, labels) in enumerate(leads(step).items()):
            weight = f"weight={FIRST_ARROW_WEIGHT}, " if i == 0 else ""
            said = " or ".join(labels)
            label = dot_quote(
                " " + (wrap(said, type_.edge_width) if type_.edge_width else said) + " "
            )
            lines.append(f"  {key} -> {nxt} [{weight}label={label}];")
    lines.append("}" if not title else "}}")
    return "\n".join(lines) + "\n"


def dot_binary() -> str:
    found = shutil.which("dot")
    if not found:
        raise RuntimeError("Graphviz's dot is missing: make setup installs Debian's graphviz")
    return found


def render(dot: str, fmt: str, dpi: int = PNG_DPI) -> bytes:
    args = [dot_binary(), f"-T{fmt}"] + ([f"-Gdpi={dpi}"] if fmt == "png" else [])
    return subprocess.run(args, input=dot.encode(), capture_output=True, check=True).stdout


def inline_svg(svg: str, title_id: str) -> str:
    """dot's SVG, made fit to sit in a page: no XML prologue or comments, and no fixed size —
    it fills its box, shrinking to 60% of its drawn size at most (so its words stay readable)
    and scrolling sideways inside the box below that, as on a phone; links in plain href."""
    svg = svg[svg.index("<svg") :]
    svg = re.sub(r"<!--.*?-->\s*", "", svg, flags=re.S)
    match = re.match(r'<svg width="(\d+)pt" height="(\d+)pt"', svg)
    assert match, svg[:200]
    width_px = int(match.group(1)) * 4 / 3
    # SVG 2's plain href: crawlers (and Lighthouse's crawlable-anchors) do not follow xlink:href.
    svg = svg.replace(" xlink:href=", " href=")
    return svg.replace(
        match.group(0),
        f'<svg class="flowchart-svg" style="min-width: {width_px * 0.6:.0f}px; max-width: '
        f'{width_px:.0f}px" role="group" aria-labelledby="{title_id}"',
        1,
    )


def text_version(d: Diagram, base: str) -> str:
    """The same decision as a numbered list: each question, and where each answer leads."""
    items = []
    for key, step in d.steps.items():
        q = step.question
        cite = f' (<a href="{escape(base + q.cite)}">the guidance</a>)' if q.cite else ""
        ways = []
        for nxt, labels in leads(step).items():
            if nxt in d.outcomes:
                where = f"<strong>{escape(d.label(d.outcomes[nxt]))}</strong>"
            else:
                where = f'go to <a href="#{d.checker.id}-flow-{nxt}">question {nxt[1:]}</a>'
            ways.append(f"<li>{escape(' or '.join(labels))}: {where}</li>")
        items.append(
            f'<li id="{d.checker.id}-flow-{key}" value="{key[1:]}">{escape(q.text)}{cite}'
            f"<ul>{''.join(ways)}</ul></li>"
        )
    return f'<ol class="flowchart-steps">{"".join(items)}</ol>'


def download_name(checker_id: str, definite: bool) -> str:
    return f"flowchart-{checker_id}" + ("-definite" if definite else "")


def download_links(checker_id: str, base: str, slides: dict[bool, list[str]] | None = None) -> str:
    """Links to both charts' downloads, each link's words saying which file it is; `slides`
    (each chart's slide files, made by build_scripts/prepass/slides.py) adds a link to each."""
    links = []
    for definite, words in ((False, ""), (True, "Definite answers only, ")):
        folder = f"{base}assets/flowcharts/"
        name = folder + download_name(checker_id, definite)
        links.append(f'<a href="{name}.svg" download>{words}SVG</a>')
        links.append(f'<a href="{name}.png" download>{words}PNG</a>')
        made = (slides or {}).get(definite, [])
        for i, slide in enumerate(made, 1):
            links.append(
                f'<a href="{folder}{slide}" download>{words}slide {i} of {len(made)} (16:9)</a>'
            )
    return " · ".join(links)


def figure(
    checker_id: str, base: str, site_url: str, slides: dict[bool, list[str]] | None = None
) -> str:
    """The page fragment for a checker's chart, its links made from `base`; the chart's own
    links are full addresses (from `site_url`): Material's instant navigation sets `href`
    afresh on every element whose href is relative, which an SVG link refuses (a TypeError on
    every page load, its loop broken), and it leaves full addresses alone."""
    d = diagram_of(checker_id)
    svg = render(to_dot(d, site_url), "svg").decode()
    title_id = f"{checker_id}-flowchart-title"
    html = f"""<figure class="flowchart" data-flowchart="{checker_id}" data-search-exclude>
<figcaption id="{title_id}">The decision of the check “{escape(CHECKERS[checker_id].title)}”, made from the checker's own rules. Each question links to its paragraph.</figcaption>
<div class="flowchart-scroll" tabindex="0" role="region" aria-labelledby="{title_id}">
{inline_svg(svg, title_id)}
</div>
<p class="flowchart-downloads">Download the chart: {download_links(checker_id, base, slides)}</p>
<details class="flowchart-text">
<summary>The same decision as a list</summary>
{text_version(d, base)}
</details>
</figure>
"""
    return "\n".join(line for line in html.splitlines() if line.strip()) + "\n"


def away_foot(checker_id: str, definite: bool, site_url: str) -> str:
    """The foot of a chart read away from the page (a download, a slide): which chart, which
    rules, and where it came from on what terms."""
    address = f"{site_url}{CHECKERS[checker_id].page}#flowchart"
    return " ".join([*([DEFINITE_NOTE] if definite else []), RULES_NOTE, credit(address)])


def write_downloads(checker_id: str, site_url: str, target: Path) -> None:
    """The chart, and the chart of definite answers only, as SVG and as PNG for slides, with
    full addresses in their links and, at their foot, where they came from and on what terms:
    a downloaded chart is read away from the site."""
    target.mkdir(parents=True, exist_ok=True)
    for definite in (False, True):
        foot = away_foot(checker_id, definite, site_url)
        dot = to_dot(diagram_of(checker_id, definite), site_url, foot=foot)
        for fmt in ("svg", "png"):
            name = f"{download_name(checker_id, definite)}.{fmt}"
            (target / name).write_bytes(render(dot, fmt))


def trainers_list(slides: dict[str, dict[bool, list[str]]] | None = None) -> str:
    """The For trainers page's list: each chart's page and its downloads."""
    items = []
    for checker_id in DECISION_CHECKERS:
        checker = CHECKERS[checker_id]
        made = (slides or {}).get(checker_id)
        items.append(
            f'<li><a href="../{checker.page}#flowchart">{escape(checker.title)}</a>: '
            f"{download_links(checker_id, '../', made)}</li>"
        )
    return '<ul class="flowchart-list">' + "".join(items) + "</ul>\n"
