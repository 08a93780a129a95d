"""python -m checkers list | schema ID | assess ID [FILE|-]

Exit 0 with JSON on stdout; on bad input exit 2 with one line on stderr starting "error:".
"""

from __future__ import annotations

import json
import sys
from typing import TextIO

from .errors import InputError
from .json_input import MAX_BYTES, loads
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
            print(as_json(get(checker_id).schema()))
        case ["assess", checker_id, *source] if len(source) <= 1:
            checker = get(checker_id)
            answers = read_answers(source[0] if source else "-", stdin)
            print(as_json(checker.run(answers).to_json()))
        case _:
            print(USAGE, file=sys.stderr)
            return 2
    return 0


def as_json(value: object) -> str:
    """Pretty JSON; escaped to ASCII when the terminal cannot show the rest (still JSON)."""
    encoding = (getattr(sys.stdout, "encoding", None) or "ascii").lower().replace("-", "")
    return json.dumps(value, indent=2, ensure_ascii=encoding not in ("utf8", "utf16", "utf32"))


def read_answers(source: str, stdin: TextIO) -> object:
    """The answers, read up to a bound: answers are small, and a file of any size is not."""
    try:
        if source == "-":
            text = stdin.read(MAX_BYTES + 1)
        else:
            with open(source, encoding="utf-8") as f:
                text = f.read(MAX_BYTES + 1)
    except OSError as exc:
        raise InputError.one("file", f"cannot read {source}: {exc.strerror}") from None
    except UnicodeDecodeError:
        raise InputError.one("file", f"{source} is not UTF-8 text") from None
    return loads(text)


def fail(message: str) -> int:
    print(f"error: {message}", file=sys.stderr)
    return 2
