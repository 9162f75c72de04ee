"""The fast path: the everyday commands run without importing Typer, when their arguments are
plain.

Importing Typer and building its commands costs about 40 ms a run, most of an estimate's time.
For estimate, compare, market, rank, relocate and `--version`, this module reads the argument
list itself, but only when it is plain: every token a known option with its value, a flag or a
positional argument, in the numbers the command takes. Anything else (help, completion, an
unknown or repeated option, a value that starts with "-" or is blank, `--`, `--data`,
SALARYCLI_DATA) returns None and Typer runs the command, so every usage error, help text and
completion is Typer's own. A plain command runs the same function Typer's command runs
(actions.py) and ends the same way (exits.finish).

COMMANDS mirrors the Typer declarations in commands.py; tests/test_fast.py checks it against
them option by option, and runs thousands of random argument lists through both paths, requiring
the same stdout, stderr and exit code.
"""

from __future__ import annotations

import os
from typing import NamedTuple

from salarycli.present.render import REPORT_FORMATS, Format

VALUE, FLAG, MANY = "value", "flag", "many"  # an option takes a value, is a flag, or repeats


class Command(NamedTuple):
    """A command as fast.py reads it: its positional parameters in order, each (name, many),
    and its options, each option string -> (parameter name, VALUE | FLAG | MANY)."""

    arguments: tuple[tuple[str, bool], ...]
    options: dict[str, tuple[str, str]]
    formats: tuple[Format, ...] = REPORT_FORMATS


def _options(*specs: tuple[str, str, str]) -> dict[str, tuple[str, str]]:
    """Options from (option strings, parameter, kind): "--years -y" names both spellings."""
    return {flag: (name, kind) for flags, name, kind in specs for flag in flags.split()}


PER = ("year", "hour")  # --per's choices
# the options that take one of a few words
CHOICES = {
    "per": PER,
    "period": ("year", "month", "paycheck"),  # takehome's --per
    "by": ("industry",),
    "filing": ("single", "joint", "head", "married"),
}
LEVEL = (("--years -y", "years", VALUE), ("--level -l", "level", VALUE))
FORMAT = ("--format -f", "fmt", VALUE)
LOCATION = ("--location -L", "location", VALUE)
INDUSTRY = ("--industry -i", "industry", VALUE)
PER_OPTION = ("--per", "per", VALUE)
REAL = ("--real", "real", FLAG)
AGED = ("--aged", "aged", FLAG)
NET = (("--net", "net", FLAG), ("--filing", "filing", VALUE), ("--state", "state", VALUE))
COMMANDS = {
    "estimate": Command(
        (("role", False),),
        _options(
            *LEVEL,
            LOCATION,
            ("--country -c", "country", VALUE),
            INDUSTRY,
            ("--explain", "explain", FLAG),
            PER_OPTION,
            REAL,
            *NET,
            AGED,
            FORMAT,
        ),
    ),
    "compare": Command(
        (("roles", True),),
        _options(
            *LEVEL,
            ("--location -L", "location", MANY),
            ("--country -c", "country", MANY),
            ("--industry -i", "industry", MANY),
            PER_OPTION,
            REAL,
            *NET,
            AGED,
            FORMAT,
        ),
    ),
    "market": Command(
        (("role", False),),
        _options(LOCATION, INDUSTRY, ("--by", "by", VALUE), PER_OPTION, *NET, FORMAT),
    ),
    "rank": Command(
        (("role", False), ("salary", False)),
        _options(LOCATION, INDUSTRY, *LEVEL, PER_OPTION, *NET, FORMAT),
    ),
    "takehome": Command(
        (("salary", False),),
        _options(
            LOCATION,
            ("--state", "state", VALUE),
            ("--filing", "filing", VALUE),
            ("--pretax", "pretax", VALUE),
            ("--per", "period", VALUE),
            ("--paychecks", "paychecks", VALUE),
            FORMAT,
        ),
    ),
    "relocate": Command(
        (("role", False), ("salary", False)),
        _options(
            ("--from", "origin", VALUE),
            ("--to", "destination", VALUE),
            ("--from-country", "origin_country", VALUE),
            ("--to-country", "destination_country", VALUE),
            PER_OPTION,
            ("--net", "net", FLAG),
            ("--filing", "filing", VALUE),
            FORMAT,
        ),
    ),
}
# What makes Typer's own behaviour apply: its completion, or an option's value from the
# environment.
HANDS_OVER = ("_SALARYCLI_COMPLETE", "SALARYCLI_DATA")


def parse(argv: list[str]) -> dict[str, object] | None:
    """The parameters of the command argv[0], if `argv` is plain (see above); None hands it to
    Typer."""
    if not argv or argv[0] not in COMMANDS or any(name in os.environ for name in HANDS_OVER):
        return None
    command = COMMANDS[argv[0]]
    values: dict[str, object] = {}
    positional: list[str] = []
    tokens = iter(argv[1:])
    for token in tokens:
        if not _plain(token):
            return None
        if not token.startswith("-"):
            positional.append(token)
            continue
        flag, equals, value = token.partition("=") if token.startswith("--") else (token, "", "")
        if flag not in command.options:
            return None
        name, kind = command.options[flag]
        if kind == FLAG:
            if equals or name in values:
                return None
            values[name] = True
            continue
        if not equals:
            value = next(tokens, "")
        if not _plain(value) or value.startswith("-"):
            return None
        if kind == MANY:
            values.setdefault(name, [])
            values[name].append(value)  # type: ignore[attr-defined]
        elif name in values:
            return None
        else:
            values[name] = value
    if "fmt" in values:
        chosen = _format(str(values["fmt"]), command.formats)
        if chosen is None:
            return None
        values["fmt"] = chosen
    for name, choices in CHOICES.items():  # read as Typer reads them: case-insensitive
        if name in values:
            picked = str(values[name]).casefold()
            if picked not in choices:
                return None
            values[name] = picked
    return _placed(command, positional, values)


def _plain(token: str) -> bool:
    """Neither blank, nor "-" (stdin), nor "--", nor text that is not valid UTF-8."""
    if not token.strip() or token in ("-", "--"):
        return False
    try:
        token.encode()
    except UnicodeEncodeError:  # bytes that were not UTF-8 in argv: Typer says what it says
        return False
    return True


def _format(text: str, formats: tuple[Format, ...]) -> Format | None:
    """A --format value as Typer's case-insensitive choice reads it."""
    folded = text.casefold()
    return next((item for item in formats if item.value.casefold() == folded), None)


def _placed(
    command: Command, positional: list[str], values: dict[str, object]
) -> dict[str, object] | None:
    """The positional arguments given their names, if there are as many as the command takes."""
    singles = [name for name, many in command.arguments if not many]
    if len(command.arguments) == len(singles):
        if len(positional) != len(singles):
            return None
        values.update(zip(singles, positional, strict=True))
    else:  # one argument that takes any number of values (compare's roles)
        (name, _), *_ = command.arguments
        values[name] = positional or None
    return values


def run(argv: list[str]) -> bool:
    """Run `argv` if it is plain and exit; False if Typer must run it."""
    if argv == ["--version"]:
        from salarycli import __version__
        from salarycli.cli.exits import PROG, finish
        from salarycli.cli.show import output, writing

        def version() -> None:
            with writing():
                output().write(f"{PROG} {__version__}\n")

        finish(None, version, _no_usage)
    values = parse(argv)
    if values is None:
        return False
    from salarycli.cli import actions
    from salarycli.cli.exits import finish
    from salarycli.session import Session

    session = Session()
    action = getattr(actions, argv[0])
    finish(session, lambda: action(session, **values), _no_usage)


def _no_usage(error: Exception) -> None:
    """No usage error reaches the fast path's commands: Typer checks them."""
    return None
