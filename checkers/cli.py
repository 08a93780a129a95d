"""python -m checkers list | schema ID | assess ID [FILE|-]

Exit 0 with JSON on stdout; on bad input exit 2 with one line on stderr starting "error:".
"""

from __future__ import annotations

import json
import sys
from typing import TextIO

from .model import InputError
from .registry import CHECKERS, get

USAGE = "usage: python -m checkers list | schema ID | assess ID [FILE|-]"


def main(argv: list[str] | None = None, stdin: TextIO | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    stdin = stdin or sys.stdin
    try:
        return run(args, stdin)
    except InputError as exc:
        return fail(exc.first_line())


def run(args: list[str], stdin: TextIO) -> int:
    match args:
        case ["list"]:
            print("\n".join(CHECKERS))
        case ["schema", checker_id]:
            print(json.dumps(get(checker_id).schema(), indent=2, ensure_ascii=False))
        case ["assess", checker_id, *source] if len(source) <= 1:
            checker = get(checker_id)
            answers = read_answers(source[0] if source else "-", stdin)
            print(json.dumps(checker.run(answers), indent=2, ensure_ascii=False))
        case _:
            print(USAGE, file=sys.stderr)
            return 2
    return 0


def read_answers(source: str, stdin: TextIO) -> object:
    try:
        if source == "-":
            text = stdin.read()
        else:
            with open(source, encoding="utf-8") as f:
                text = f.read()
    except OSError as exc:
        raise InputError.one("file", f"cannot read {source}: {exc.strerror}") from None
    except UnicodeDecodeError:
        raise InputError.one("file", f"{source} is not UTF-8 text") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError.one(
            "answers", f"not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
        ) from None
    except RecursionError:
        raise InputError.one("answers", "is nested too deeply to be answers") from None


def fail(message: str) -> int:
    print(f"error: {message}", file=sys.stderr)
    return 2
