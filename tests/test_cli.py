"""The command-line contract: list, schema, assess; exit 2 and one `error:` line on bad input."""

from __future__ import annotations

import contextlib
import io
import json
import os
import shutil
import subprocess
import sys
import threading

import pytest

from checkers import CHECKERS, api, cli

from . import golden
from .conftest import ROOT


def run(*args: str, stdin: str | io.StringIO = "") -> subprocess.CompletedProcess[str]:
    """The command in this process (as `python -m checkers` runs it), so that every line of
    the CLI is measured by the tests; `run_process` runs the real command. `stdin`: its text,
    or the stream itself."""
    out, err = io.StringIO(), io.StringIO()
    stream = io.StringIO(stdin) if isinstance(stdin, str) else stdin
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.main(list(args), stream, prog="python -m checkers")
    return subprocess.CompletedProcess(list(args), code, out.getvalue(), err.getvalue())


def run_process(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "checkers", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=ROOT,
    )


@pytest.mark.parametrize(
    ("args", "stdin", "code"),
    [
        (["list"], "", 0),
        (["schema", "allegations"], "", 0),
        (["assess", "notifiable-incident", "-"], json.dumps({"child_died": True}), 2),
        (["frobnicate"], "", 2),
    ],
)
def test_the_real_command_agrees_with_the_in_process_one(args, stdin, code):
    real, here = run_process(*args, stdin=stdin), run(*args, stdin=stdin)
    assert real.returncode == here.returncode == code
    if args[0] == "list":
        assert real.stdout == here.stdout
    else:
        assert json.loads(real.stdout or "null") == json.loads(here.stdout or "null")
    assert real.stderr == here.stderr


def test_a_bad_command_is_one_error_line_and_exit_2():
    for args in ([], ["list", "x"], ["schema"], ["assess"], ["assess", "allegations", "a", "b"],
                 ["frobnicate"], ["--nope"]):  # fmt: skip
        out = run(*args)
        assert (out.returncode, out.stdout) == (2, ""), args
        assert out.stderr.startswith("error: ") and out.stderr.count("\n") == 1, out.stderr
        assert out.stderr.endswith(" --help)\n"), out.stderr


@pytest.mark.parametrize("args", [["-h"], ["--help"], ["assess", "--help"], ["schema", "-h"]])
def test_help_goes_to_stdout_and_exits_0(args):
    out = run(*args)
    assert (out.returncode, out.stderr) == (0, "")
    assert out.stdout.startswith("usage: ")
    if args[0].startswith("-"):
        for command in ("list", "schema", "assess"):
            assert command in out.stdout


def test_version():
    from checkers import __version__

    out = run("--version")
    assert (out.returncode, out.stdout, out.stderr) == (
        0,
        f"working-together-2015 {__version__}\n",
        "",
    )


@pytest.mark.build  # builds and installs a wheel: not for the quick loop
def test_it_installs_as_a_command_from_a_clone(tmp_path):
    """pip (as pipx does) installs the project into a fresh environment, with a `wt2015`
    command that answers as `python -m checkers` does."""
    clone = tmp_path / "clone"  # pip builds in the folder it installs from
    shutil.copytree(ROOT, clone, ignore=shutil.ignore_patterns(
        ".git", ".venv", "node_modules", "site", ".cache", "__pycache__"))  # fmt: skip
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    subprocess.run([str(venv / "bin" / "pip"), "install", "--quiet", "--no-deps", str(clone)],
                   check=True, cwd=tmp_path)  # fmt: skip
    command = venv / "bin" / "wt2015"
    out = subprocess.run([str(command), "assess", "notifiable-incident", "-"],
                         input=json.dumps(GOOD), capture_output=True, text=True)  # fmt: skip
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout) == api.assess("notifiable-incident", GOOD)
    out = subprocess.run([str(command), "--version"], capture_output=True, text=True)
    assert out.stdout.startswith("working-together-2015 ")
    bad = subprocess.run([str(command), "assess"], capture_output=True, text=True)
    assert (
        bad.returncode == 2 and bad.stderr.startswith("error: ") and "wt2015 --help" in bad.stderr
    )


GOOD = {
    "child_died": True,
    "seriously_harmed": False,
    "abuse_or_neglect": "known",
    "looked_after": False,
    "regulated_setting": False,
    "aware_on": "2015-04-02",
}


def test_list():
    out = run("list")
    assert out.returncode == 0
    assert out.stdout.split() == list(CHECKERS)
    assert {"notifiable-incident", "serious-harm", "allegations", "whistleblowing"} <= set(
        out.stdout.split()
    )


@pytest.mark.parametrize("checker_id", list(CHECKERS))
def test_schema(checker_id):
    out = run("schema", checker_id)
    assert out.returncode == 0
    schema = json.loads(out.stdout)
    assert schema["checker"] == checker_id
    assert [q["id"] for q in schema["questions"]] == [q.id for q in CHECKERS[checker_id].questions]


def test_assess_from_stdin_and_file(tmp_path):
    from_stdin = run("assess", "notifiable-incident", "-", stdin=json.dumps(GOOD))
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(GOOD))
    from_file = run("assess", "notifiable-incident", str(path))
    assert from_stdin.returncode == from_file.returncode == 0
    result = json.loads(from_stdin.stdout)
    assert result == json.loads(from_file.stdout) == api.assess("notifiable-incident", GOOD)
    assert result["notify_by"] == "2015-04-13"
    assert set(result) >= {"checker", "outcome", "summary", "reasons", "actions"}


@pytest.mark.parametrize(
    ("args", "answers", "names"),
    [
        (["assess", "no-such-checker"], GOOD, "checker"),
        (["assess", "notifiable-incident"], {**GOOD, "colour": "red"}, "colour"),
        (["assess", "notifiable-incident"], {**GOOD, "child_died": "yes"}, "child_died"),
        (["assess", "notifiable-incident"], {**GOOD, "child_died": 1}, "child_died"),
        (
            ["assess", "notifiable-incident"],
            {**GOOD, "abuse_or_neglect": "maybe"},
            "abuse_or_neglect",
        ),
        (["assess", "notifiable-incident"], {**GOOD, "aware_on": "2015-02-30"}, "aware_on"),
        (["assess", "notifiable-incident"], {**GOOD, "aware_on": "30/01/2015"}, "aware_on"),
        (["assess", "notifiable-incident"], {**GOOD, "aware_on": "1999-01-04"}, "aware_on"),
        (
            ["assess", "notifiable-incident"],
            {k: v for k, v in GOOD.items() if k != "looked_after"},
            "looked_after",
        ),
        (["assess", "notifiable-incident"], [1, 2], "answers"),
        (
            ["assess", "serious-harm"],
            {
                "abuse_or_neglect": "known",
                "child_died": False,
                "life_threatening_injury": False,
                "serious_or_long_term_impairment": False,
                "interagency_concerns": "no",
                "death_in_custody": True,
            },
            "death_in_custody",
        ),
        (
            ["assess", "allegations"],
            {
                "harmed_or_may_have_harmed": True,
                "possible_criminal_offence": False,
                "risk_of_harm": False,
                "removed_due_to_risk": False,
                "reported_on": "2015-13-01",
            },
            "reported_on",
        ),
    ],
)
def test_bad_input(args, answers, names):
    out = run(*args, "-", stdin=json.dumps(answers))
    assert out.returncode == 2
    assert out.stdout == ""
    lines = out.stderr.splitlines()
    assert len(lines) == 1, out.stderr
    assert lines[0].startswith("error: ")
    assert names in lines[0]
    assert "Traceback" not in out.stderr


@pytest.mark.parametrize(
    "text",
    [
        "",
        "{",
        "not json",
        "[[[[" * 300 + "]]]]" * 300,
        "9" * 5000,  # longer than Python will convert
        '{"child_died": ' + "1" * 5000 + "}",
        '{"harmed_or_may_have_harmed": true, "harmed_or_may_have_harmed": false}',
        '{"risk_of_harm": NaN}',
        '{"risk_of_harm": Infinity}',
        "[]",
        '"answers"',
        "null",
        " " * 1_000_001,
    ],
)
def test_invalid_json(text):
    out = run("assess", "allegations", "-", stdin=text)
    assert out.returncode == 2
    assert len(out.stderr.splitlines()) == 1
    assert out.stderr.startswith("error: ")


def test_duplicate_keys_name_the_field():
    out = run("assess", "allegations", "-", stdin='{"risk_of_harm": true, "risk_of_harm": false}')
    assert out.stderr == "error: risk_of_harm: appears twice in the same JSON object\n"


def test_an_ascii_only_terminal_still_gets_json():
    out = subprocess.run(
        [sys.executable, "-m", "checkers", "assess", "notifiable-incident", "-"],
        input=json.dumps(GOOD).encode(),
        capture_output=True,
        cwd=ROOT,
        env={"PYTHONIOENCODING": "ascii", "PATH": "/usr/bin:/bin", "PYTHONDONTWRITEBYTECODE": "1"},
    )
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout.decode("ascii")) == api.assess("notifiable-incident", GOOD)


def test_null_is_not_sure_but_a_missing_key_is_an_error():
    answers = {**GOOD, "looked_after": None}
    out = run("assess", "notifiable-incident", "-", stdin=json.dumps(answers))
    assert out.returncode == 0
    assert json.loads(out.stdout)["outcome"] == "notifiable"


def test_missing_file():
    out = run("assess", "allegations", "/no/such/file.json")
    assert out.returncode == 2
    assert out.stderr.startswith("error: file: cannot read")


LIMBS = ('"harmed_or_may_have_harmed": true, "possible_criminal_offence": false, '
         '"risk_of_harm": false, "removed_due_to_risk": false')  # fmt: skip


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("", "answers: not valid JSON (line 1, column 1: Expecting value)"),
        (
            "{\n\n  x",
            "answers: not valid JSON (line 3, column 3: Expecting property name "
            "enclosed in double quotes)",
        ),
        ("[]", "answers: must be a JSON object of answers"),
        ("null", "answers: must be a JSON object of answers"),
        ('{"risk_of_harm": NaN}', "answers: NaN is not a JSON value"),
        ('{"risk_of_harm": -Infinity}', "answers: -Infinity is not a JSON value"),
        ("[" * 1200 + "]" * 1200, "answers: is nested too deeply to be answers"),
        ('{"a": ' + "1" * 5000 + "}", "answers: holds a number too long to read"),
        (" " * 1_000_001, "answers: is longer than 1000000 characters"),
        (" " * 999_998 + "{}", "harmed_or_may_have_harmed: an answer is required"),
        (
            '{"risk_of_harm": true, "risk_of_harm": true}',
            "risk_of_harm: appears twice in the same JSON object",
        ),
        (
            "{" + LIMBS + ', "reported_on": "2015-02-30"}',
            "reported_on: 2015-02-30 is not a real date",
        ),
        (
            "{" + LIMBS + ', "reported_on": "2009-12-31"}',
            "reported_on: 2009-12-31 is outside the dates this site can count working days for "
            "(2010-01-01 to 2035-12-31)",
        ),
        (
            "{" + LIMBS + ', "reported_on": "2036-01-01"}',
            "reported_on: 2036-01-01 is outside the dates this site can count working days for "
            "(2010-01-01 to 2035-12-31)",
        ),
        (
            "{" + LIMBS + ', "reported_on": 20150101}',
            "reported_on: must be a date written YYYY-MM-DD",
        ),
        (
            "{" + LIMBS + ', "reported_on": "2015-1-01"}',
            "reported_on: must be a date written YYYY-MM-DD",
        ),
        (
            "{" + LIMBS + ', "reported_on": "２015-01-01"}',
            "reported_on: must be a date written YYYY-MM-DD",
        ),
        (
            '{"harmed_or_may_have_harmed": "yes"}',
            "harmed_or_may_have_harmed: must be true, false or null (not sure)",
        ),
        ('{"bad\\nname": true}', "'bad\\nname': unknown field for checker allegations"),
        ('{"bad name": true}', "'bad name': unknown field for checker allegations"),
        ('{"é": true}', "'é': unknown field for checker allegations"),
    ],
)
def test_each_error_line_exactly(text, line):
    out = run("assess", "allegations", "-", stdin=text)
    assert (out.returncode, out.stdout, out.stderr) == (2, "", f"error: {line}\n")


def test_a_choice_error_lists_the_choices():
    out = run("assess", "serious-harm", "-", stdin='{"abuse_or_neglect": "maybe"}')
    assert out.stderr == (
        'error: abuse_or_neglect: must be one of "known", "suspected", "not_suspected" or null (not sure)\n'
    )


def test_a_required_yes_no_without_not_sure_says_so():
    from checkers.model import yes_no

    q = yes_no("q", "Question?", unsure=False)
    assert (q.unsure, q.required) == (False, True)
    with pytest.raises(Exception, match="must be true or false"):
        q.parse(None)
    optional = yes_no("o", "Optional?", required=False)
    assert (optional.unsure, optional.required) == (False, False)


def test_list_exactly():
    out = run("list")
    assert (out.returncode, out.stderr) == (0, "")
    assert out.stdout == "\n".join(CHECKERS) + "\n"


def test_assess_reads_stdin_without_a_dash():
    out = run("assess", "notifiable-incident", stdin=json.dumps(GOOD))
    assert out.returncode == 0
    assert json.loads(out.stdout) == api.assess("notifiable-incident", GOOD)


class Terminal(io.StringIO):
    def __init__(self, encoding: str | None) -> None:
        super().__init__()
        self._encoding = encoding

    @property
    def encoding(self):  # type: ignore[override]
        return self._encoding


@pytest.mark.parametrize(
    ("encoding", "escaped"),
    [("utf-8", False), ("UTF-8", False), ("utf8", False), ("utf-16", False), ("UTF-32", False),
     ("ascii", True), ("latin-1", True), (None, True)],
)  # fmt: skip
def test_json_is_pretty_and_escaped_only_where_the_terminal_needs_it(
    monkeypatch, encoding, escaped
):
    monkeypatch.setattr(sys, "stdout", Terminal(encoding))
    text = cli.as_json({"a": "café", "b": [1]})
    assert text == ('{\n  "a": "caf\\u00e9",\n  "b": [\n    1\n  ]\n}' if escaped
                    else '{\n  "a": "café",\n  "b": [\n    1\n  ]\n}')  # fmt: skip


def test_a_terminal_without_an_encoding_gets_ascii(monkeypatch):
    monkeypatch.setattr(sys, "stdout", object())
    assert cli.as_json("é") == '"\\u00e9"'


def test_files_are_read_as_utf8_and_bounded(tmp_path):
    latin = tmp_path / "latin.json"
    latin.write_bytes('{"é": true}'.encode("latin-1"))
    out = run("assess", "allegations", str(latin))
    assert out.stderr == f"error: file: {latin} is not UTF-8 text\n"
    big = tmp_path / "big.json"
    big.write_text(" " * 1_000_001, encoding="utf-8")
    out = run("assess", "allegations", str(big))
    assert out.stderr == "error: answers: is longer than 1000000 characters\n"
    utf8 = tmp_path / "utf8.json"
    utf8.write_text('{"é": true}', encoding="utf-8")
    out = run("assess", "allegations", str(utf8))
    assert out.stderr == "error: 'é': unknown field for checker allegations\n"
    out = run("assess", "allegations", str(tmp_path / "missing.json"))
    assert out.stderr == (
        f"error: file: cannot read {tmp_path / 'missing.json'}: No such file or directory\n"
    )


def test_the_api_names_a_bad_request():
    assert json.loads(api.assess_json("[]")) == {"error": "request: must be a JSON object"}
    assert json.loads(api.assess_json("{")) == {
        "error": "request: not valid JSON (line 1, column 2: Expecting property name enclosed "
        "in double quotes)"
    }


def test_problems_come_in_question_order():
    """A missing early answer is named before a wrong later one, and an unknown field first."""
    answers = {"possible_criminal_offence": True, "risk_of_harm": False,
               "removed_due_to_risk": "yes", "colour": "red"}  # fmt: skip
    with pytest.raises(api.InputError) as exc:
        api.assess("allegations", answers)
    assert [p.field for p in exc.value.problems] == [
        "colour", "harmed_or_may_have_harmed", "removed_due_to_risk"]  # fmt: skip


def test_an_error_quotes_a_not_sure_answer_as_not_sure():
    """No way of filling in the "not sure" answer fits: the message says "not sure", never
    the "yes" or "no" that was tried for it."""
    answers = {
        "abuse_or_neglect": "not_suspected",
        "child_died": None,
        "life_threatening_injury": False,
        "serious_or_long_term_impairment": False,
        "child_recovered": True,
        "interagency_concerns": "no",
        "death_in_custody": True,
    }
    out = run("assess", "serious-harm", "-", stdin=json.dumps(answers))
    assert out.returncode == 2
    assert out.stderr.startswith("error: child_died: is not sure (null)")
    assert "child_died is yes" not in out.stderr and "child_died is no" not in out.stderr


def test_a_full_disk_is_one_error_line_not_a_traceback():
    for args in (["schema", "serious-harm"], ["list"]):
        with open("/dev/full", "w") as full:
            out = subprocess.run([sys.executable, "-m", "checkers", *args], stdout=full,
                                 stderr=subprocess.PIPE, text=True, cwd=ROOT)  # fmt: skip
        assert out.returncode == 1, args
        assert out.stderr == "error: cannot write the output: No space left on device\n", out.stderr


def test_a_reader_that_has_gone_is_silence_and_a_failure():
    """`wt2015 schema serious-harm | head -1`, with the reader gone before anything is written."""
    process = subprocess.Popen([sys.executable, "-m", "checkers", "schema", "serious-harm"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)  # fmt: skip
    process.stdout.close()
    err = process.stderr.read()
    assert process.wait() == 1
    assert err == b""


@pytest.mark.parametrize(
    ("redirect", "line", "code"),
    [("<&-", "error: stdin: is closed: give the answers as a FILE\n", 2),
     (">&-", "error: standard output is closed\n", 1)],
)  # fmt: skip
def test_closed_standard_streams_are_one_error_line(redirect, line, code):
    out = subprocess.run(["bash", "-c", f'"$0" -m checkers assess allegations {redirect}',
                          sys.executable], capture_output=True, text=True, cwd=ROOT)  # fmt: skip
    assert (out.returncode, out.stderr) == (code, line)


def test_a_named_pipe_no_one_writes_to_is_an_error_not_a_hang(tmp_path, monkeypatch):
    fifo = tmp_path / "answers"
    os.mkfifo(fifo)
    monkeypatch.setattr(cli, "FIFO_WAIT_SECONDS", 0.2)
    before = set(threading.enumerate())
    out = run("assess", "allegations", str(fifo))
    assert out.returncode == 2
    assert out.stderr == f"error: file: no one wrote to {fifo} (waited 0.2 s)\n"
    left = set(threading.enumerate()) - before  # the opener, still waiting in open()
    assert left and all(thread.daemon for thread in left), "it would keep the command alive"
    open(fifo, "w").close()  # let the opener finish
    for thread in left:
        thread.join(5)


def test_a_named_pipe_with_a_writer_is_read(tmp_path):
    fifo = tmp_path / "answers"
    os.mkfifo(fifo)
    writer = threading.Thread(target=lambda: fifo.write_text(json.dumps(GOOD)))
    writer.start()
    out = run("assess", "notifiable-incident", str(fifo))
    writer.join()
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout) == api.assess("notifiable-incident", GOOD)


BAD_COMMANDS = ([], ["list", "x"], ["schema"], ["assess"], ["assess", "allegations", "a", "b"],
                ["frobnicate"], ["--nope"])  # fmt: skip


def test_the_help_and_every_usage_error_are_reviewed(monkeypatch):
    """What the command says of itself, word for word, in tests/golden/cli.txt: its help, its
    version and its one line for each bad command."""
    monkeypatch.setenv("COLUMNS", "100")  # argparse wraps help to the terminal's width
    said = []
    for args in (["--help"], ["list", "--help"], ["schema", "--help"], ["assess", "--help"],
                 ["--version"]):  # fmt: skip
        out = run(*args)
        said.append(f"$ python -m checkers {' '.join(args)}\n{out.stdout}")
    for args in BAD_COMMANDS:
        said.append(f"$ python -m checkers {' '.join(args)}\n{run(*args).stderr}")
    text = "\n".join(said)
    assert text == golden.matches_text("cli.txt", text)


class Unwritable(io.StringIO):
    """Standard output whose writes fail as `error` does (a full disk, a reader gone)."""

    def __init__(self, error: OSError) -> None:
        super().__init__()
        self.error = error

    def write(self, text: str) -> int:
        raise self.error


def in_process(monkeypatch, *args: str, stdout: object = "real", stdin: object = "real"):
    """`cli.main()` as the console script calls it (no argv, no prog), with `args` on the
    command line and the standard streams replaced ("real": an empty one): the exit code and
    what went to standard error."""
    err = io.StringIO()
    monkeypatch.setattr(sys, "argv", ["/usr/local/bin/wt2015", *args])
    monkeypatch.setattr(sys, "stderr", err)
    monkeypatch.setattr(sys, "stdout", io.StringIO() if stdout == "real" else stdout)
    monkeypatch.setattr(sys, "stdin", io.StringIO() if stdin == "real" else stdin)
    return cli.main(), err.getvalue()


def test_the_console_script_reads_its_own_arguments_and_name(monkeypatch):
    out = io.StringIO()
    assert in_process(monkeypatch, "list", stdout=out) == (0, "")
    assert out.getvalue().split() == list(CHECKERS)
    assert in_process(monkeypatch) == (
        2, "error: the following arguments are required: COMMAND (see wt2015 --help)\n")  # fmt: skip


def test_closed_and_failing_streams_in_process(monkeypatch):
    """The same cases as the real command's (below), in this process, where mutation testing
    sees them: one line and the right code for each."""
    assert in_process(monkeypatch, "list", stdout=None) == (
        1, "error: standard output is closed\n")  # fmt: skip
    assert in_process(monkeypatch, "assess", "allegations", stdin=None) == (
        2, "error: stdin: is closed: give the answers as a FILE\n")  # fmt: skip
    full = Unwritable(OSError(28, "No space left on device"))
    assert in_process(monkeypatch, "list", stdout=full) == (
        1, "error: cannot write the output: No space left on device\n")  # fmt: skip
    assert in_process(monkeypatch, "list", stdout=Unwritable(BrokenPipeError(32, "gone"))) == (
        1, "")  # fmt: skip


def test_dropping_standard_output_points_it_at_nothing_writable(monkeypatch):
    read_end, write_end = os.pipe()
    try:
        stream = open(write_end, "w", closefd=False)  # noqa: SIM115 (closed below)
        monkeypatch.setattr(sys, "stdout", stream)
        cli._drop_stdout()
        assert os.path.samestat(os.fstat(write_end), os.stat(os.devnull))
        stream.write("still writable, to nothing\n")
        stream.flush()  # a read-only /dev/null here would fail
        stream.close()
    finally:
        os.close(read_end)
        os.close(write_end)


class Endless(io.StringIO):
    """A stream that never ends (`wt2015 assess ID /dev/zero`, or `yes |`), counting what is
    taken from it."""

    taken = 0

    def read(self, size: int | None = -1) -> str:
        assert size is not None and size >= 0, "a read without a bound would never return"
        self.taken += size
        return " " * size


def test_answers_are_read_up_to_one_character_past_the_bound_and_no_further(monkeypatch):
    endless = Endless()
    out = run("assess", "allegations", stdin=endless)
    assert (out.returncode, out.stderr) == (
        2,
        "error: answers: is longer than 1000000 characters\n",
    )
    assert endless.taken == 1_000_001
    endless = Endless()
    monkeypatch.setattr(cli, "_open", lambda source: endless)
    out = run("assess", "allegations", "/a/file/of/any/size")
    assert (out.returncode, out.stderr) == (
        2,
        "error: answers: is longer than 1000000 characters\n",
    )
    assert endless.taken == 1_000_001


class BadDescriptor(io.StringIO):
    def fileno(self) -> int:
        return 1_000_000  # beyond any open file: dup2 fails with EBADF


def test_dropping_standard_output_never_raises_whatever_it_is(monkeypatch):
    """It runs while a failure is being reported: it must not become a second failure."""
    closed = open(os.devnull, "w")  # noqa: SIM115 (closed at once)
    closed.close()
    for stdout in (closed, object(), BadDescriptor()):  # ValueError, AttributeError, OSError
        monkeypatch.setattr(sys, "stdout", stdout)
        cli._drop_stdout()
