"""The command line: wt2015 (or python -m checkers) list | schema ID | assess ID [FILE|-]

Exit 0 with JSON on stdout (or the help, or the version); on bad input, a bad command
included, exit 2 with one line on stderr starting "error:". Output that cannot be written (a
full disk) is one such line and exit 1; a reader that has gone (`| head -1`), silence and exit 1.
Never a traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import stat
import sys
import threading
from pathlib import Path
from typing import TextIO

from . import __version__
from .errors import InputError
from .json_input import MAX_BYTES, loads
from .registry import CHECKERS, get

DESCRIPTION = (
    "The checks of Working Together to Safeguard Children 2015 (the 2015 rules, replaced in "
    "2018): answers as a JSON object in, the result as JSON out."
)


class UsageError(Exception):
    pass


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        # One line, and exit 2, as for any other bad input (argparse prints its usage too).
        raise UsageError(message)


def parser(prog: str) -> Parser:
    top = Parser(prog=prog, description=DESCRIPTION)
    top.add_argument("--version", action="version", version=f"working-together-2015 {__version__}")
    # Subcommands' parsers are of the top one's class, so their errors are one line too.
    commands = top.add_subparsers(dest="command", required=True, metavar="COMMAND")
    commands.add_parser("list", help="the checkers' ids, one a line")
    schema = commands.add_parser("schema", help="a checker's questions, as JSON")
    schema.add_argument("checker", metavar="ID", help="a checker's id (see list)")
    assess = commands.add_parser("assess", help="answers in, the result out, as JSON")
    assess.add_argument("checker", metavar="ID", help="a checker's id (see list)")
    assess.add_argument("source", metavar="FILE", nargs="?", default="-",
                        help="a JSON object of answers; - or none for standard input")  # fmt: skip
    return top


def main(
    argv: list[str] | None = None, stdin: TextIO | None = None, prog: str | None = None
) -> int:
    """`prog` names the command in help and errors: `wt2015` (the console script's own name)
    unless told, as `python -m checkers` tells it."""
    stdin = stdin or sys.stdin  # None when closed (`<&-`)
    prog = prog or Path(sys.argv[0]).name
    if sys.stdout is None:  # `>&-`: the output would be lost without a word
        return fail("standard output is closed", code=1)
    try:
        try:
            code = run(parser(prog).parse_args(argv), stdin)  # None: sys.argv[1:]
        except SystemExit:  # --help and --version print, then exit 0 (errors raise UsageError)
            code = 0
        sys.stdout.flush()  # a full disk (`> /dev/full`) may be found only here
    except UsageError as exc:
        return fail(f"{exc} (see {prog} --help)")
    except InputError as exc:
        return fail(exc.first_line())
    except BrokenPipeError:  # the reader went away (`| head -1`): nothing to say, nowhere
        _drop_stdout()
        return 1
    except OSError as exc:  # writing failed (reading failures are InputErrors above)
        _drop_stdout()
        return fail(f"cannot write the output: {exc.strerror}", code=1)
    return code


def _drop_stdout() -> None:
    """Point standard output at nothing, so that Python's own flush at exit has nothing left
    to fail on (it would print a traceback)."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


def run(args: argparse.Namespace, stdin: TextIO | None) -> int:
    if args.command == "list":
        print("\n".join(CHECKERS))
    elif args.command == "schema":
        print(as_json(get(args.checker).schema()))
    else:
        checker = get(args.checker)
        print(as_json(checker.run(read_answers(args.source, stdin)).to_json()))
    return 0


def as_json(value: object) -> str:
    """Pretty JSON; escaped to ASCII when the terminal cannot show the rest (still JSON)."""
    encoding = str(getattr(sys.stdout, "encoding", None)).lower().replace("-", "")  # or "none"
    return json.dumps(value, indent=2, ensure_ascii=encoding not in ("utf8", "utf16", "utf32"))


# How long a named pipe may stay without anyone writing to it before the command gives up.
FIFO_WAIT_SECONDS = 10.0


def read_answers(source: str, stdin: TextIO | None) -> object:
    """The answers, read up to a bound: answers are small, and a file of any size is not."""
    try:
        if source == "-":
            if stdin is None:  # `<&-`
                raise InputError.one("stdin", "is closed: give the answers as a FILE")
            text = stdin.read(MAX_BYTES + 1)
        else:
            with _open(source) as f:
                text = f.read(MAX_BYTES + 1)
    except OSError as exc:
        raise InputError.one("file", f"cannot read {source}: {exc.strerror}") from None
    except UnicodeDecodeError:
        raise InputError.one("file", f"{source} is not UTF-8 text") from None
    return loads(text)


def _open(source: str) -> TextIO:
    """The file, opened for reading; a named pipe that no one opens for writing within
    FIFO_WAIT_SECONDS is an error, not a wait for ever (opening one blocks until then)."""
    if not stat.S_ISFIFO(os.stat(source).st_mode):
        return _open_text(source)
    opened: list[TextIO] = []
    # A daemon: a pipe no one ever opens must not keep the process alive after the error.
    opener = threading.Thread(target=lambda: opened.append(_open_text(source)), daemon=True)
    opener.start()
    opener.join(FIFO_WAIT_SECONDS)
    if not opened:
        raise InputError.one("file", f"no one wrote to {source} (waited {FIFO_WAIT_SECONDS:g} s)")
    return opened[0]


def _open_text(source: str) -> TextIO:
    return open(source, encoding="utf-8")  # JSON's own encoding, whatever the locale's


def fail(message: str, code: int = 2) -> int:
    if sys.stderr is not None:
        print(f"error: {message}", file=sys.stderr)
    return code
