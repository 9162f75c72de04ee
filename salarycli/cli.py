"""The salarycli command line: parse, call the core, hand records to output.render.

Every error leaves as one line on stderr, "salarycli: error: ...", with the exit code README
lists: 1 no answer (unknown role, unpublished figure), 2 usage, 3 bad data, 130 interrupted.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from salarycli import dataset, matching, output
from salarycli.errors import SalarycliError
from salarycli.estimate import estimate, ladder, ranked
from salarycli.output import Column, Format, Pivot, View
from salarycli.records import Dataset, Estimate, Role

PROG = "salarycli"


class _Group(TyperGroup):
    """Runs a command and turns every error into one line on stderr and an exit code."""

    def main(self, *args: Any, **kwargs: Any) -> Any:
        kwargs["standalone_mode"] = False
        try:
            code = super().main(*args, **kwargs)
        except SalarycliError as error:
            code = _fail(error.message, error.exit_code)
        except typer.TyperException as error:  # usage errors of the command line itself
            # (no arguments at all prints the help, then raises with an empty message)
            message = error.format_message()
            code = _fail(_usage_message(error), error.exit_code) if message else error.exit_code
        except typer.Abort:
            code = _fail("aborted", 1)
        sys.exit(code if isinstance(code, int) else 0)

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            _fail("interrupted", 130)
            raise typer.Exit(130) from None


def _usage_message(error: typer.TyperException) -> str:
    message = error.format_message()
    context = getattr(error, "ctx", None)
    if context is not None:
        message += f" (see '{context.command_path} --help')"
    return message


def _fail(message: str, code: int) -> int:
    print(f"{PROG}: error: {message}", file=sys.stderr)
    return code


def _show(
    records: Sequence[output.Record], fmt: Format | None, view: View, *, single: bool = False
) -> None:
    """Write records to stdout; a reader that closed the pipe ends the command quietly."""
    try:
        output.render(
            records, fmt or output.default_format(sys.stdout), sys.stdout, view, single=single
        )
    except BrokenPipeError:
        # The Python docs' "Note on SIGPIPE": point stdout at devnull so the exit flush is quiet.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise typer.Exit(1) from None


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import version

        print(f"{PROG} {version(PROG)}")
        raise typer.Exit()


app = typer.Typer(
    cls=_Group,
    name=PROG,
    help="Estimate salaries by role and experience, from BLS OEWS May 2025 and the seed table.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

FormatOption = Annotated[
    Format | None,
    typer.Option(
        "--format",
        "-f",
        case_sensitive=False,
        help="Output format. Default: table at a terminal, tsv in a pipe.",
        show_default=False,
    ),
]
YearsOption = Annotated[
    str | None,
    typer.Option(
        "--years", "-y", help="Completed years of experience, 0 to 70.", show_default=False
    ),
]
LevelOption = Annotated[
    str | None,
    typer.Option(
        "--level",
        "-l",
        help='A level by name or first word: "entry", "Mid Level".',
        show_default=False,
    ),
]


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    """Estimate salaries by role and experience, from BLS OEWS May 2025 and the seed table."""


def _caption(items: Sequence[Estimate | Role]) -> str:
    return "Source: " + "; ".join(dict.fromkeys(item.source for item in items))


@app.command("estimate")
def estimate_command(
    role: Annotated[
        str, typer.Argument(help='Role name or SOC code: "Civil Engineer", "17-2051".')
    ],
    years: YearsOption = None,
    level: LevelOption = None,
    fmt: FormatOption = None,
) -> None:
    """Estimate one role's salary at a level, or show its whole ladder."""
    data = dataset.load_bundled()
    chosen = matching.choose_level(data.levels, years, level)
    found = matching.RoleIndex.build(data.roles).find(role)
    if chosen is None:
        rungs = ladder(found, data.levels)
        base = output.format_value(found.base_salary, "money", found.currency)
        view = View(
            LADDER_COLUMNS, title=f"{found.role}: base salary {base}", caption=_caption(rungs)
        )
        _show(output.as_records(rungs), fmt, view)
        return
    result = estimate(found, *chosen)
    title = (
        f"{found.role} with {_years_text(result.years)} years" if result.years is not None else None
    )
    view = View(ESTIMATE_COLUMNS, title=title, caption=_caption([result]))
    _show(output.as_records([result]), fmt, view, single=True)


def _years_text(years: float) -> str:
    return output.format_value(years, "number")


@app.command()
def compare(
    roles: Annotated[
        list[str] | None, typer.Argument(help="Roles to compare. Default: the six featured roles.")
    ] = None,
    years: YearsOption = None,
    level: LevelOption = None,
    fmt: FormatOption = None,
) -> None:
    """Compare roles side by side: every level, or one column sorted high to low."""
    data = dataset.load_bundled()
    chosen = matching.choose_level(data.levels, years, level)
    found = _roles(data, roles)
    if chosen is None:
        tidy = [item for role in found for item in ladder(role, data.levels)]
        pivot = Pivot(row="role", column="level", value="salary")
        view = View((Column("role", "Role"),), caption=_caption(tidy), pivot=pivot)
        _show(output.as_records(tidy), fmt, view)
        return
    ordered = ranked([estimate(role, *chosen) for role in found])
    results = [item for item, _ in ordered]
    records = output.as_records(results, difference_to_top=[gap for _, gap in ordered])
    rung, given = chosen
    title = f"At {rung.level}" + (f", {_years_text(given)} years" if given is not None else "")
    _show(records, fmt, View(COMPARE_COLUMNS, title=title, caption=_caption(results)))


def _roles(data: Dataset, names: Sequence[str] | None) -> list[Role]:
    if not names:
        return [role for role in data.roles if role.featured]
    index = matching.RoleIndex.build(data.roles)
    return list({role.role: role for role in (index.find(name) for name in names)}.values())


@app.command()
def roles(
    query: Annotated[
        str | None, typer.Argument(help="Part of a role name or title, or a SOC code prefix.")
    ] = None,
    group: Annotated[
        str | None, typer.Option("--group", "-g", help='Part of a major group name: "engineering".')
    ] = None,
    fmt: FormatOption = None,
) -> None:
    """List and search the roles salarycli knows."""
    data = dataset.load_bundled()
    found = matching.search_roles(data.roles, query, group)
    if not found:
        wanted = " and ".join(repr(text) for text in (query, group) if text)
        raise SalarycliError(f"no roles match {wanted}")
    records = output.as_records(found, exclude=("missing_reason",))
    count = f"{len(found)} role" + ("" if len(found) == 1 else "s")
    _show(records, fmt, View(ROLE_COLUMNS, caption=count))


@app.command()
def levels(fmt: FormatOption = None) -> None:
    """Show the experience ladder and its multipliers."""
    data = dataset.load_bundled()
    records = [
        {
            "level": level.level,
            "level_years": level.years_label,
            "min_years": level.min_years,
            "max_years": level.max_years,
            "multiplier": level.multiplier,
        }
        for level in data.levels
    ]
    _show(
        records,
        fmt,
        View(LEVEL_COLUMNS, caption="Source: " + data.sources[dataset.SEED_SOURCE].label),
    )


ESTIMATE_COLUMNS = (
    Column("role", "Role"),
    Column("level", "Level"),
    Column("level_years", "Years"),
    Column("multiplier", "Multiplier", "multiplier"),
    Column("base_salary", "Base salary", "money"),
    Column("salary", "Salary", "money"),
)
LADDER_COLUMNS = (
    Column("level", "Level"),
    Column("level_years", "Years"),
    Column("multiplier", "Multiplier", "multiplier"),
    Column("salary", "Salary", "money"),
)
COMPARE_COLUMNS = (
    Column("role", "Role"),
    Column("level", "Level"),
    Column("salary", "Salary", "money"),
    Column("difference_to_top", "Difference", "signed_money"),
)
ROLE_COLUMNS = (
    Column("role", "Role"),
    Column("soc", "SOC"),
    Column("group", "Group"),
    Column("base_salary", "Base salary", "money"),
)
LEVEL_COLUMNS = (
    Column("level", "Level"),
    Column("level_years", "Years"),
    Column("multiplier", "Multiplier", "multiplier"),
)


def main() -> None:
    """The console script."""
    app()
