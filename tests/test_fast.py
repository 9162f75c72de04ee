"""Issue #15: the fast path (cli/fast.py) runs the everyday commands without Typer. It must
not drift from Typer: its table of options is checked against Typer's declarations, and
thousands of random argument lists go through both, with the same stdout, stderr and exit code
required. The everyday commands must not import Typer, rich, pydantic or rapidfuzz."""

from __future__ import annotations

import contextlib
import io
import json
import random
import subprocess
import sys
from collections.abc import Callable

import pytest
import typer.main
from typer._types import TyperChoice
from typer.core import TyperArgument, TyperGroup, TyperOption

from salarycli.cli import app, fast
from salarycli.present.render import Format

COMMAND = typer.main.get_command(app)
assert isinstance(COMMAND, TyperGroup)


@pytest.mark.parametrize("name", sorted(fast.COMMANDS))
def test_the_fast_table_is_typers_declaration(name: str) -> None:
    """Option by option: the same strings, the same parameter, value or flag or repeated; the
    same positional arguments in order; the same --format choices."""
    declared = COMMAND.commands[name]
    spec = fast.COMMANDS[name]
    arguments = [p for p in declared.params if isinstance(p, TyperArgument)]
    assert [(p.name, p.nargs == -1) for p in arguments] == list(spec.arguments)
    options: dict[str, tuple[str, str]] = {}
    for param in declared.params:
        if not isinstance(param, TyperOption) or param.name == "help":
            continue
        kind = fast.FLAG if param.is_flag else fast.MANY if param.multiple else fast.VALUE
        assert param.name is not None
        options.update({flag: (param.name, kind) for flag in param.opts + param.secondary_opts})
        if param.name == "fmt":
            assert isinstance(param.type, TyperChoice)
            assert list(param.type.choices) == [item.value for item in spec.formats]
        if param.name in fast.CHOICES:
            assert isinstance(param.type, TyperChoice)
            assert tuple(param.type.choices) == fast.CHOICES[param.name]
    assert options == spec.options


ROLES = ["Machine Learning Engineer", "civil engineer", "SWE II", "17-2051", "Nope Nope", "nurse",
         "Sr. Software Engineer II (Remote)", "Chief Executives", "PM", "Senior", " ", "", "-1",
         "Actuaries", "Sofware Enginer", "[/]", "é", "-", "--"]  # fmt: skip
YEARS = ["4", "0", "70", "71", "-1", "abc", "7.5", "", "4 years", "1e3"]
LEVELS = ["entry", "Senior", "mid level", "nope", ""]
PLACES = ["CA", "Austin, TX", "New York", "Nowhere", "94301", "Remote", "", "San Jose", "-L"]
COUNTRIES = ["DE", "Germany", "XX", ""]
SALARIES = ["135k", "65", "$120,000", "abc", "0", "-5"]
FORMATS = ["json", "TSV", "csv", "table", "xml", "jsonl", ""]
VALUES = {"years": YEARS, "level": LEVELS, "location": PLACES, "country": COUNTRIES,
          "origin": PLACES, "destination": PLACES, "origin_country": COUNTRIES,
          "destination_country": COUNTRIES, "fmt": FORMATS,
          "per": ["hour", "year", "HOUR", "day", ""],
          "industry": ["5132", "software publishers", "Manufacturing", "zzz", "", "computer"],
          "by": ["industry", "Industry", "state", ""],
          "filing": ["single", "Married", "joint", "head", ""],
          "state": ["CA", "Colorado", "Narnia", "", "Remote"],
          "pretax": ["5000", "5k", "abc", "-1", "", "999999"],
          "paychecks": ["26", "12", "0", "x", "", "400"],
          "period": ["year", "month", "paycheck", "Month", "day", ""]}  # fmt: skip
STRAYS = ["--help", "-h", "--nope", "--", "-", "--data", "x", "--explain", "--version", "-y4"]


def random_argv(chooser: random.Random) -> list[str]:
    """An argument list a person might type, or mistype, for one of the fast commands."""
    name = chooser.choice([*fast.COMMANDS, "roles", "levels"])
    spec = fast.COMMANDS.get(name)
    if spec is None:
        return [name]
    argv = [name]
    positional = [chooser.choice(ROLES)]
    if any(arg == "salary" for arg, _ in spec.arguments):
        positional.append(chooser.choice(SALARIES))
    if name == "compare":
        positional = chooser.sample(ROLES[:8], chooser.randint(0, 3))
    if name == "takehome":
        positional = [chooser.choice(SALARIES)]
    flags = sorted(spec.options)
    tokens = [[text] for text in positional]
    for _ in range(chooser.randint(0, 4)):
        flag = chooser.choice(flags)
        parameter, kind = spec.options[flag]
        if kind == fast.FLAG:
            tokens.append([flag])
            continue
        value = chooser.choice(VALUES[parameter])
        use_equals = flag.startswith("--") and chooser.random() < 0.2
        tokens.append([f"{flag}={value}"] if use_equals else [flag, value])
    if chooser.random() < 0.1:
        tokens.append([chooser.choice(STRAYS)])
    if chooser.random() < 0.1 and tokens:
        tokens.pop(chooser.randrange(len(tokens)))
    chooser.shuffle(tokens)
    return argv + [token for group in tokens for token in group]


def ended(run: Callable[[], object]) -> tuple[int, str, str]:
    """The exit code, stdout and stderr of a run that ends with sys.exit, as the console
    script's run does."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            ran = run()
        except SystemExit as stop:
            code = stop.code
        else:
            raise AssertionError(f"the run did not end: {ran}")
    assert isinstance(code, int)
    return code, out.getvalue(), err.getvalue()


def through_fast(argv: list[str]) -> tuple[int, str, str]:
    return ended(lambda: fast.run(argv))


def through_typer(argv: list[str]) -> tuple[int, str, str]:
    """Typer's command, built once (the console script builds it each run, as app() does)."""
    return ended(lambda: COMMAND.main(args=argv, prog_name="salarycli"))


def test_random_argument_lists_give_what_typer_gives(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in fast.HANDS_OVER:
        monkeypatch.delenv(name, raising=False)
    chooser = random.Random(15)
    taken = 0
    codes: set[int] = set()
    tried = 0
    while taken < 2000:
        tried += 1
        argv = random_argv(chooser)
        if fast.parse(argv) is None:
            continue  # Typer runs it: the same by construction
        taken += 1
        expected = through_typer(argv)
        assert through_fast(argv) == expected, argv
        codes.add(expected[0])
    assert codes == {0, 1, 2}  # answers, refusals and bad input among them
    assert tried < 10000  # the generator is not mostly what the fast path hands over


@pytest.mark.parametrize(
    "argv",
    [
        ["--help"],
        ["estimate", "--help"],
        ["estimate", "-h"],
        ["estimate", "x", "-y"],
        ["estimate", "x", "--years", "-1"],
        ["estimate", "-"],
        ["estimate", "x", "-f", "xml"],
        ["estimate", "x", "--explain=yes"],
        ["estimate", "x", "--years", "4", "--years", "5"],
        ["estimate", "x", "y"],
        ["estimate", "x", "-L", ""],
        ["estimate", "x", "-y4"],
        ["estimate", "--", "-x"],
        ["--data", "d", "estimate", "x"],
        ["rank", "x"],
        ["roles"],
        ["--version", "estimate"],
        [],
    ],
)
def test_what_is_not_plain_goes_to_typer(argv: list[str]) -> None:
    assert fast.parse(argv) is None


def test_the_environment_hands_over_to_typer(monkeypatch: pytest.MonkeyPatch) -> None:
    argv = ["estimate", "Civil Engineer", "-y", "4"]
    assert fast.parse(argv) == {"role": "Civil Engineer", "years": "4"}
    for name in fast.HANDS_OVER:
        with monkeypatch.context() as patch:
            patch.setenv(name, "x")
            assert fast.parse(argv) is None


def test_plain_arguments_are_read_as_typer_reads_them() -> None:
    assert fast.parse(["estimate", "-f", "JSON", "--years=4", "SWE", "--explain", "-L", "CA"]) == {
        "fmt": Format.json,
        "years": "4",
        "role": "SWE",
        "explain": True,
        "location": "CA",
    }
    assert fast.parse(["compare", "-L", "CA", "-L", "TX"]) == {
        "location": ["CA", "TX"],
        "roles": None,
    }
    assert fast.parse(["relocate", "A", "120k", "--from", "TX", "--to-country", "DE"]) == {
        "origin": "TX",
        "destination_country": "DE",
        "role": "A",
        "salary": "120k",
    }


HEAVY = ("typer", "click", "rich", "pydantic", "rapidfuzz")
PROBE = (
    "import atexit, sys\n"
    "def heavy():\n"
    f"    found = sorted({{m.split('.')[0] for m in sys.modules}} & set({HEAVY!r}))\n"
    "    sys.__stderr__.write('HEAVY ' + ' '.join(found) + '\\n')\n"
    "atexit.register(heavy)\n"
    "sys.argv = ['salarycli', *sys.argv[1:]]\n"
    "from salarycli.console import main\n"
    "main()\n"
)


@pytest.mark.parametrize(
    "argv",
    [
        ["estimate", "Machine Learning Engineer", "--years", "4", "-f", "json"],
        ["estimate", "Machine Learning Engineer", "--years", "4", "-f", "table"],
        ["estimate", "Civil Engineer", "-L", "Austin, TX", "-f", "json"],
        ["market", "Software Developers", "-L", "CA", "-f", "table"],
        ["compare", "-f", "table"],
        ["--version"],
    ],
)
def test_the_everyday_commands_import_nothing_heavy(argv: list[str]) -> None:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *argv], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr.splitlines()[-1] == "HEAVY ", done.stderr
    assert done.stdout.strip()
    if "json" in argv:
        json.loads(done.stdout)
