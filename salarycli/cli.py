"""The salarycli command line: parse, call the core, hand records to output.render.

Every error leaves as one line on stderr, "salarycli: error: ...", with the exit code README
lists: 1 no answer (unknown role, unpublished figure), 2 usage, 3 bad data, 130 interrupted.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import IO, TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperGroup

from salarycli import dataset, matching, output, report
from salarycli.errors import BadInput, InvalidData, SalarycliError
from salarycli.estimate import ladder, ranked
from salarycli.matching import Match
from salarycli.output import Chart, Column, Format, Pivot, View
from salarycli.query import Asker
from salarycli.records import Estimate, Market, Role

if TYPE_CHECKING:
    from salarycli import batch

PROG = "salarycli"


class _Group(TyperGroup):
    """Runs a command and turns every error into one line on stderr and an exit code."""

    def main(self, *args: Any, **kwargs: Any) -> Any:
        kwargs["standalone_mode"] = False
        dataset.choose(
            None
        )  # each run starts from the bundled data (tests run many in one process)
        try:
            code = super().main(*args, **kwargs)
        except InvalidData as error:
            for problem in error.problems:
                print(problem, file=sys.stderr)
            code = _fail(error.message, error.exit_code)
        except SalarycliError as error:
            code = _fail(error.message, error.exit_code)
        except typer.TyperException as error:  # usage errors of the command line itself
            # (no arguments at all prints the help, then raises with an empty message)
            message = error.format_message()
            code = _fail(_usage_message(error), error.exit_code) if message else error.exit_code
        except typer.Abort:
            code = _fail("aborted", 1)
        for warning in dataset.user_warnings:
            print(warning, file=sys.stderr)
        dataset.user_warnings.clear()
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


@contextmanager
def _closed_pipe_ends_quietly() -> Iterator[None]:
    """A reader that closed the pipe ends the command quietly, with exit 1 (the Python docs'
    "Note on SIGPIPE": point stdout at devnull so that the exit flush is quiet too)."""
    try:
        yield
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise typer.Exit(1) from None


def _show(
    records: Sequence[output.Record], fmt: Format | None, view: View, *, single: bool = False
) -> None:
    """Write records to stdout in the chosen format (by default: table at a terminal, else tsv)."""
    with _closed_pipe_ends_quietly():
        output.render(
            records, fmt or output.default_format(sys.stdout), sys.stdout, view, single=single
        )


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
    add_completion=True,
    pretty_exceptions_enable=False,
)


def _complete_role(incomplete: str) -> list[str]:
    """TAB on a role: featured roles, then aliases and every name, that start with it."""
    data = dataset.active()
    featured = [role.role for role in data.roles if role.featured]
    aliases = [alias for alias, _ in dataset.load_aliases()]
    names = [name for role in data.roles for name in (role.role, role.title)]
    return matching.complete([*featured, *aliases, *names], incomplete)


def _complete_place(incomplete: str) -> list[str]:
    """TAB on --location: states by code and name, metro areas and their principal cities."""
    names: list[str] = []
    for place in dataset.load_places():
        if place.kind == "country":
            continue
        names += [place.usps] if place.usps else []
        names += [place.name, *(f"{city}, {'-'.join(place.states)}" for city in place.cities)]
    return matching.complete(names, incomplete)


def _complete_country(incomplete: str) -> list[str]:
    places = dataset.load_places()
    return matching.complete(
        [name for p in places if p.kind == "country" for name in (p.code, p.name)], incomplete
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
LocationOption = Annotated[
    str | None,
    typer.Option(
        "--location",
        "-L",
        autocompletion=_complete_place,
        help='A state ("CA", "Texas"), metro area or principal city ("Austin, TX"). Default: US.',
        show_default=False,
    ),
]
CountryOption = Annotated[
    str | None,
    typer.Option(
        "--country",
        "-c",
        autocompletion=_complete_country,
        help='One of 30 OECD countries by ISO code or name ("DE", "Germany"); approximate.',
        show_default=False,
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
    data: Annotated[
        str | None,
        typer.Option(
            "--data",
            envvar="SALARYCLI_DATA",
            help="Your own data: a folder with roles.csv (levels.csv, aliases.csv), or a .json "
            "or .toml file. Its roles extend and override the bundled ones.",
            show_default=False,
        ),
    ] = None,
    only_data: Annotated[
        bool, typer.Option("--only-data", help="Use the roles of --data alone.")
    ] = False,
) -> None:
    """Estimate salaries by role and experience, from BLS OEWS May 2025 and the seed table."""
    if only_data and not data:
        raise BadInput("--only-data needs --data PATH (or SALARYCLI_DATA)")
    dataset.choose(data, only_data)


def _caption(items: Sequence[Estimate | Role]) -> str:
    labels = [label for item in items for label in item.source.split("; ")]
    return "Source: " + "; ".join(dict.fromkeys(labels))


def _where(where: Market) -> str:
    """One line on the place an estimate is for, and the factor applied."""
    if where.basis == "national" and where.place.kind == "national":
        return ""
    if where.basis == "country":
        return f"Location: {where.place.name}, factor {float(where.factor):.4f} (approximate)"
    return (
        f"Location: {where.place.name}, {where.basis} figures for SOC {where.market_soc}, "
        f"factor {float(where.factor):.4f}"
    )


def _reference(role: Role, where: Market) -> str:
    """Says whose distribution the market figures are, when not the role's own occupation."""
    if role.soc or not where.market_soc:
        return ""
    return f"Market figures: SOC {where.market_soc}, the reference occupation of {role.role}"


def _lines(*lines: str | None) -> str:
    return "\n".join(line for line in lines if line)


def _years_text(years: float) -> str:
    return output.format_value(years, "number")


@app.command("estimate")
def estimate_command(
    role: Annotated[
        str,
        typer.Argument(
            help='Role name, common title or SOC code: "Civil Engineer", "SWE II", "17-2051".',
            autocompletion=_complete_role,
        ),
    ],
    years: YearsOption = None,
    level: LevelOption = None,
    location: LocationOption = None,
    country: CountryOption = None,
    explain: Annotated[
        bool, typer.Option("--explain", help="Say how the role was found (table view).")
    ] = False,
    fmt: FormatOption = None,
) -> None:
    """Estimate one role's salary at a level, or show its whole ladder, anywhere.

    ROLE "-" reads roles from stdin, one per line, and writes one estimate per line.
    """
    asker = Asker()
    chosen = asker.level(years, level)
    if role == "-":
        if fmt is Format.table:
            raise BadInput(
                "estimate - writes one line per role: give --format csv, tsv or json "
                "(json: one object per line)"
            )
        from salarycli import batch  # only streams pay for it

        kind = {Format.json: "jsonl", Format.csv: "csv"}.get(fmt, "tsv") if fmt else "tsv"
        settings = batch.Settings("lines", kind, years, level, location, country)
        _run_batch(sys.stdin.buffer, None, settings, asker)
        return
    place = asker.place(location, country)
    match = asker.match(role)
    found = match.role
    where = asker.market(found, place)
    place_text = "" if place.kind == "national" else f" in {place.name}"
    base = output.format_value(found.base_salary, "money", found.currency)
    how = match.explanation if explain else None
    if chosen is None and match.level is None:
        rungs = asker.ladder(match, place)
        market_range = output.as_records(rungs[:1])[0]
        caption = _lines(
            how,
            _where(where),
            _reference(found, where),
            "Market 25th-75th percentile: "
            + _cell(market_range, Column("p25", "", "range", "p75")),
            _caption(rungs),
        )
        view = View(
            LADDER_COLUMNS,
            title=f"{found.role}{place_text}: base salary {base}",
            caption=caption,
            notes=[where.note] if where.note else [],
        )
        _show(output.as_records(rungs), fmt, view)
        return
    result = asker.answer(match, chosen, place)
    years_text = f" with {_years_text(result.years)} years" if result.years is not None else ""
    view = View(
        ESTIMATE_COLUMNS,
        title=f"{found.role}{years_text}{place_text}: base salary {base}",
        caption=_lines(how, _where(where), _reference(found, where), _caption([result])),
        notes=[result.note] if result.note else [],
    )
    _show(output.as_records([result]), fmt, view, single=True)


def _cell(record: output.Record, column: Column) -> str:
    return output.cell_text(record, column)


@app.command()
def compare(
    roles: Annotated[
        list[str] | None, typer.Argument(help="Roles to compare. Default: the six featured roles.")
    ] = None,
    years: YearsOption = None,
    level: LevelOption = None,
    location: Annotated[
        list[str] | None,
        typer.Option("--location", "-L", help="A US place; give it more than once to compare."),
    ] = None,
    country: Annotated[
        list[str] | None,
        typer.Option("--country", "-c", help="An OECD country; more than once to compare."),
    ] = None,
    fmt: FormatOption = None,
) -> None:
    """Compare roles and places side by side: every level, or one column sorted high to low."""
    asker = Asker()
    chosen = asker.level(years, level)
    places = asker.places(location or [], country or [])
    found = _roles(asker, roles)
    currencies = sorted({match.role.currency for match in found})
    if len(currencies) > 1:
        raise BadInput(
            "compare puts one currency in a table, and these roles are in "
            + ", ".join(currencies)
            + ": compare them separately"
        )
    pairs = [(match, place) for match in found for place in places]
    local = len(places) > 1 or places[0].kind != "national"
    if chosen is None:
        tidy = [item for match, place in pairs for item in asker.ladder(match, place)]
        notes = list(dict.fromkeys(item.note for item in tidy if item.note))
        rows = ("role", "location") if local else ("role",)
        pivot = Pivot(row=rows, column="level", value="salary")
        header = (Column("role", "Role, location" if local else "Role"),)
        view = View(header, caption=_caption(tidy), pivot=pivot, notes=notes)
        _show(output.as_records(tidy), fmt, view)
        return
    ordered = ranked([asker.answer(match, chosen, place) for match, place in pairs])
    results = [item for item, _ in ordered]
    notes = list(dict.fromkeys(item.note for item in results if item.note))
    records = output.as_records(results, difference_to_top=[gap for _, gap in ordered])
    rung, given = chosen
    title = f"At {rung.level}" + (f", {_years_text(given)} years" if given is not None else "")
    columns = COMPARE_COLUMNS if not local else (COMPARE_COLUMNS[0], LOCATION, *COMPARE_COLUMNS[1:])
    _show(records, fmt, View(columns, title=title, caption=_caption(results), notes=notes))


def _roles(asker: Asker, names: Sequence[str] | None) -> list[Match]:
    """The roles named, or the featured ones; with your data alone (none featured), all of
    its roles when they fit in a table."""
    if not names:
        chosen = [role for role in asker.data.roles if role.featured]
        if not chosen and len(asker.data.roles) <= 20:
            chosen = list(asker.data.roles)
        if not chosen:
            raise BadInput("no featured roles to compare: name the roles to compare")
        return [asker.match(role.role) for role in chosen]
    return list({match.role.role: match for match in map(asker.match, names)}.values())


@app.command("market")
def market_command(
    role: Annotated[
        str, typer.Argument(help="Role name or SOC code.", autocompletion=_complete_role)
    ],
    location: LocationOption = None,
    fmt: FormatOption = None,
) -> None:
    """The spread of pay behind the average: percentiles, wage levels, the ladder on it."""
    asker = Asker()
    place = asker.place(location, None)
    found = asker.role(role)
    where = asker.market(found, place)
    rungs = ladder(found, asker.data.levels, where)
    records = report.market_records(found, where, rungs)
    wages = report.distribution(found, where)
    points = wages.percentiles
    whose = f" (distribution of SOC {where.market_soc})" if where.market_soc != found.soc else ""
    employed = output.format_value(wages.employment, "number")
    mean = output.format_value(wages.annual_mean, "money")
    chart = None
    if len(points) >= 2:
        box = (wages.p25, wages.p75) if wages.p25 and wages.p75 else None
        chart = Chart(
            low=(f"p{points[0][0]}", points[0][1]),
            high=(f"p{points[-1][0]}", points[-1][1]),
            box=box,
            median=wages.p50,
            marks=[(rung.level, rung.salary) for rung in rungs],
        )
    view = View(
        MARKET_COLUMNS,
        title=f"{found.role} in {place.name}{whose}: {employed} employed, mean {mean}",
        notes=[n for n in (where.note, WAGE_LEVEL_NOTE) if n],
        caption=_lines(_where(where), _caption(rungs)),
        chart=chart,
    )
    _show(records, fmt, view)


WAGE_LEVEL_NOTE = (
    "wage levels I-IV are interpolated at the 17th, 34th, 50th and 67th percentiles from the "
    "published ones: an approximation of the Department of Labor's prevailing-wage levels, "
    "not an official determination"
)


@app.command()
def rank(
    role: Annotated[
        str, typer.Argument(help="Role name or SOC code.", autocompletion=_complete_role)
    ],
    salary: Annotated[str, typer.Argument(help="A yearly salary: 120000, 120,000, 120k, $120k.")],
    location: LocationOption = None,
    fmt: FormatOption = None,
) -> None:
    """Is this offer good? Where a salary sits in the occupation's pay there."""
    asker = Asker()
    amount = matching.parse_salary(salary)
    place = asker.place(location, None)
    found = asker.role(role)
    where = asker.market(found, place)
    rungs = ladder(found, asker.data.levels, where)
    record = report.rank_record(found, where, amount, rungs)
    view = View(
        RANK_COLUMNS,
        title=f"{output.format_value(amount, 'money')} as {found.role} in {place.name}",
        vertical=True,
        notes=[n for n in (where.note, WAGE_LEVEL_NOTE) if n],
        caption=_caption(rungs),
    )
    _show([record], fmt, view, single=True)


@app.command()
def relocate(
    role: Annotated[
        str, typer.Argument(help="Role name or SOC code.", autocompletion=_complete_role)
    ],
    salary: Annotated[str, typer.Argument(help="The salary where you are: 120000, 120k.")],
    origin: Annotated[
        str | None, typer.Option("--from", help="Where the salary is paid (a US place).")
    ] = None,
    destination: Annotated[
        str | None, typer.Option("--to", help="Where you are going (a US place).")
    ] = None,
    origin_country: Annotated[
        str | None, typer.Option("--from-country", help="Or: an OECD country it is paid in.")
    ] = None,
    destination_country: Annotated[
        str | None, typer.Option("--to-country", help="Or: an OECD country you are going to.")
    ] = None,
    fmt: FormatOption = None,
) -> None:
    """What a salary is worth elsewhere: the same percentile there, and the ratio of means."""
    asker = Asker()
    amount = matching.parse_salary(salary)
    ends = []
    for name, place_text, country_text in (
        ("--from", origin, origin_country),
        ("--to", destination, destination_country),
    ):
        if place_text is None and country_text is None:
            raise BadInput(f"give {name} PLACE or {name}-country COUNTRY")
        ends.append(asker.place(place_text, country_text))
    found = asker.role(role)
    start, end = (asker.market(found, place) for place in ends)
    notes = list(dict.fromkeys(n for n in (start.note, end.note) if n))
    record = report.relocate_record(found, amount, start, end, notes)
    sources = [where.source for where in (start, end)]
    view = View(
        RELOCATE_COLUMNS,
        title=f"{output.format_value(amount, 'money')} as {found.role}: "
        f"{start.place.name} -> {end.place.name}",
        vertical=True,
        notes=notes,
        caption="Source: " + "; ".join(dict.fromkeys(sources)),
    )
    _show([record], fmt, view, single=True)


class BatchInput(StrEnum):
    csv = "csv"
    tsv = "tsv"
    jsonl = "jsonl"
    lines = "lines"


class BatchOutput(StrEnum):
    csv = "csv"
    tsv = "tsv"
    jsonl = "jsonl"
    json = "json"


@app.command("batch")
def batch_command(
    source: Annotated[
        str, typer.Argument(help="A csv, tsv, jsonl or text file; - or nothing reads stdin.")
    ] = "-",
    input_format: Annotated[
        BatchInput | None,
        typer.Option(
            "--input-format",
            "-i",
            case_sensitive=False,
            help="Default: from the file's extension; csv for stdin.",
            show_default=False,
        ),
    ] = None,
    fmt: Annotated[
        BatchOutput | None,
        typer.Option(
            "--format",
            "-f",
            case_sensitive=False,
            help="Default: csv for csv, tsv for tsv and lines, jsonl for jsonl.",
            show_default=False,
        ),
    ] = None,
    years: YearsOption = None,
    level: LevelOption = None,
    location: LocationOption = None,
    country: CountryOption = None,
    strict: Annotated[bool, typer.Option("--strict", help="Stop at the first failure.")] = False,
    safe_csv: Annotated[
        bool,
        typer.Option("--safe-csv", help="Prefix cells starting with = + - @ tab CR with a quote."),
    ] = False,
) -> None:
    """Estimate every record of a csv, tsv, jsonl or plain list, streaming, in order."""
    from salarycli import batch

    kind = batch.input_format_for(source, input_format.value if input_format else None)
    settings = batch.Settings(
        kind,
        fmt.value if fmt else batch.DEFAULT_OUTPUT[kind],
        years,
        level,
        location,
        country,
        strict,
        safe_csv,
    )
    asker = Asker()
    if years is not None or level is not None:
        asker.level(years, level)  # a bad default is an error before any record
    if location is not None or country is not None:
        asker.place(location, country)
    if source == "-":
        _run_batch(sys.stdin.buffer, None, settings, asker)
        return
    try:
        stream = open(source, "rb")  # noqa: SIM115 (closed below)
    except OSError as error:
        raise BadInput(f"cannot read {source!r}: {error.strerror}") from None
    with stream:
        _run_batch(stream, source, settings, asker)


def _run_batch(stream: IO[bytes], path: str | None, settings: batch.Settings, asker: Asker) -> None:
    """Run a batch to stdout; row problems and the summary go to stderr; exit 1 if any failed."""
    from salarycli import batch

    with _closed_pipe_ends_quietly(), _progress(stream, path) as progress:
        summary = batch.run(stream, sys.stdout, sys.stderr, settings, asker, progress)
    print(f"{PROG}: {summary.line}", file=sys.stderr)
    if summary.failed:
        raise typer.Exit(1)


@contextmanager
def _progress(stream: IO[bytes], path: str | None) -> Iterator[Callable[[], None] | None]:
    """A transient progress bar on stderr, only for a file and only when stderr is a terminal."""
    if path is None or not output.is_terminal(sys.stderr):
        yield None
        return
    from rich.console import Console
    from rich.progress import Progress

    total = os.fstat(stream.fileno()).st_size
    with Progress(console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("estimating", total=total)
        yield lambda: bar.update(task, completed=stream.tell())


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
    data = dataset.active()
    found = matching.search_roles(data.roles, query, group)
    if not found:
        wanted = " and ".join(repr(text) for text in (query, group) if text)
        raise SalarycliError(f"no roles match {wanted}")
    records = output.as_records(found, exclude=("missing_reason",))
    count = f"{len(found)} role" + ("" if len(found) == 1 else "s")
    _show(records, fmt, View(ROLE_COLUMNS, caption=count))


class PlaceType(StrEnum):
    state = "state"
    metro = "metro"
    country = "country"


@app.command()
def locations(
    query: Annotated[
        str | None, typer.Argument(help='Words of a place name, a city or a code: "san jo", "TX".')
    ] = None,
    kind: Annotated[
        PlaceType | None,
        typer.Option("--type", "-t", help="Only states, metro areas or countries."),
    ] = None,
    fmt: FormatOption = None,
) -> None:
    """List and search the places --location and --country take."""
    found = matching.search_places(dataset.load_places(), query, kind.value if kind else None)
    if not found:
        wanted = " and ".join(repr(text) for text in (query, kind and kind.value) if text)
        raise SalarycliError(f"no places match {wanted}")
    records = [report.place_record(place) for place in found]
    count = f"{len(found)} place" + ("" if len(found) == 1 else "s")
    _show(records, fmt, View(LOCATION_COLUMNS, caption=count))


@app.command()
def levels(fmt: FormatOption = None) -> None:
    """Show the experience ladder and its multipliers."""
    data = dataset.active()
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


LADDER_COLUMNS = (
    Column("level", "Level"),
    Column("level_years", "Years"),
    Column("multiplier", "Multiplier", "multiplier"),
    Column("salary", "Salary", "money"),
)
data_app = typer.Typer(
    cls=TyperGroup, no_args_is_help=True, help="What data is loaded; check or export datasets."
)
app.add_typer(data_app, name="data")


class DataFormat(StrEnum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    tsv = "tsv"


class DataTable(StrEnum):
    roles = "roles"
    levels = "levels"
    places = "places"


@data_app.command("validate")
def data_validate(
    path: Annotated[str, typer.Argument(help="A folder of csv files, or a .json or .toml file.")],
) -> None:
    """Check a dataset and say "ok" or list every problem (exit 3). Nothing else runs."""
    from salarycli import userdata

    found = userdata.read(Path(path))
    dataset.user_warnings[:] = found.warnings
    levels = len(found.levels) if found.levels else 0
    print(f"ok: {len(found.roles)} roles, {levels} levels")


@data_app.command("info")
def data_info(fmt: FormatOption = None) -> None:
    """What is loaded: the sources, their dates and checksums, and how many of everything."""
    data = dataset.active()
    places = dataset.load_places()
    counts = {
        "roles": len(data.roles),
        "levels": len(data.levels),
        "places": len(places),
        "aliases": len(dataset.active_aliases()),
    }
    records = [
        {
            **{name: getattr(source, name) for name in SOURCE_FIELDS},
            "checksums": "; ".join(f"{k}={v}" for k, v in source.checksums.items()) or None,
        }
        for source in data.sources.values()
    ]
    path, only = dataset.chosen()
    user = {"path": path, "only_data": only, **dataset.user_counts} if path else None
    chosen = fmt or output.default_format(sys.stdout)
    if chosen is Format.json:
        document = {"sources": records, "counts": counts, "user_data": user}
        with _closed_pipe_ends_quietly():
            sys.stdout.write(json.dumps(document, indent=2, ensure_ascii=False) + "\n")
        return
    summary = ", ".join(f"{count:,} {name}" for name, count in counts.items())
    if user:
        mine = ", ".join(f"{user[name]} {name}" for name in dataset.user_counts)
        summary += f"; your data: {path} ({mine}" + (", used alone)" if only else ")")
    _show(records, fmt, View(SOURCE_COLUMNS, title=f"Loaded: {summary}", vertical=True))


@data_app.command("export")
def data_export(
    what: Annotated[
        DataTable, typer.Option("--what", "-w", help="Which table.", case_sensitive=False)
    ] = DataTable.roles,
    fmt: Annotated[
        DataFormat | None,
        typer.Option(
            "--format", "-f", case_sensitive=False, help="Default: csv.", show_default=False
        ),
    ] = None,
) -> None:
    """The loaded data as a tidy table, for DuckDB, pandas or a spreadsheet; an exported roles
    csv reads back in as --data."""
    data = dataset.active()
    if what is DataTable.roles:
        records = output.as_records(list(data.roles), exclude=("missing_reason",))
    elif what is DataTable.levels:
        records = output.as_records(list(data.levels))
    else:
        records = [report.place_record(place) for place in dataset.load_places()]
    kind = fmt or DataFormat.csv
    if kind is DataFormat.jsonl:
        with _closed_pipe_ends_quietly():
            for record in records:
                bare = {key: output.plain(value) for key, value in record.items()}
                sys.stdout.write(json.dumps(bare, ensure_ascii=False) + "\n")
        return
    _show(records, Format(kind.value), View(EXPORT_COLUMNS[what]))


SOURCE_FIELDS = (
    "id",
    "label",
    "publisher",
    "title",
    "release",
    "published",
    "retrieved",
    "url",
    "via",
)
SOURCE_COLUMNS = (
    *(Column(name, name.capitalize()) for name in SOURCE_FIELDS),
    Column("checksums", "Checksums"),
)
EXPORT_COLUMNS: dict[DataTable, tuple[Column, ...]] = {
    DataTable.roles: (
        Column("role", "Role"),
        Column("soc", "SOC"),
        Column("base_salary", "Base salary", "money"),
    ),
    DataTable.levels: (
        Column("level", "Level"),
        Column("min_years", "From"),
        Column("max_years", "To"),
        Column("multiplier", "Multiplier", "multiplier"),
    ),
    DataTable.places: (
        Column("location", "Location"),
        Column("location_type", "Type"),
        Column("code", "Code"),
    ),
}


ESTIMATE_COLUMNS = (*LADDER_COLUMNS, Column("p25", "Market p25-p75", "range", "p75"))
LOCATION = Column("location", "Location")
COMPARE_COLUMNS = (
    Column("role", "Role"),
    Column("level", "Level"),
    Column("salary", "Salary", "money"),
    Column("difference_to_top", "Difference", "signed_money"),
)
MARKET_COLUMNS = (
    Column("statistic", "Statistic"),
    Column("percentile", "Percentile", "number"),
    Column("salary", "Salary", "money"),
)
RANK_COLUMNS = (
    Column("salary", "Salary", "money"),
    Column("position", "Position"),
    Column("wage_level", "Wage level reached"),
    Column("nearest_level", "Nearest level"),
    Column("nearest_level_salary", "Its estimate", "money"),
    Column("location_basis", "Figures"),
    Column("p10", "10th percentile", "money"),
    Column("p25", "25th percentile", "money"),
    Column("p50", "Median", "money"),
    Column("p75", "75th percentile", "money"),
    Column("p90", "90th percentile", "money"),
)
RELOCATE_COLUMNS = (
    Column("salary", "Salary", "money"),
    Column("from_location", "From"),
    Column("to_location", "To"),
    Column("percentile", "Its percentile where paid", "number"),
    Column("same_percentile_salary", "Same percentile at destination", "money"),
    Column("ratio", "Ratio of means (to / from)", "factor"),
    Column("ratio_salary", "Scaled by the ratio of means", "money"),
)
ROLE_COLUMNS = (
    Column("role", "Role"),
    Column("soc", "SOC"),
    Column("group", "Group"),
    Column("base_salary", "Base salary", "money"),
)
LOCATION_COLUMNS = (
    Column("location", "Location"),
    Column("location_type", "Type"),
    Column("code", "Code"),
    Column("cities", "Principal cities"),
)
LEVEL_COLUMNS = (
    Column("level", "Level"),
    Column("level_years", "Years"),
    Column("multiplier", "Multiplier", "multiplier"),
)


def main() -> None:
    """The console script."""
    app()
