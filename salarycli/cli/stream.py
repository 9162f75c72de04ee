"""`salarycli batch` and `estimate -`: streams of records through salarycli.batch, a summary
line and row problems on stderr, exit 1 when any record failed."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from typing import IO, TYPE_CHECKING, Annotated

import typer

from salarycli.cli.exits import PROG
from salarycli.cli.options import (
    CountryOption,
    FilingOption,
    LevelOption,
    LocationOption,
    NetOption,
    PerOption,
    RealOption,
    StateOption,
    YearsOption,
    format_option,
)
from salarycli.cli.show import output, say, writing
from salarycli.errors import BadInput, Ended
from salarycli.present import render
from salarycli.present.render import STREAM_FORMATS, Format
from salarycli.session import Session

if TYPE_CHECKING:
    from salarycli import batch as batch_module


class BatchInput(StrEnum):
    csv = "csv"
    tsv = "tsv"
    jsonl = "jsonl"
    lines = "lines"


def batch(
    ctx: typer.Context,
    source: Annotated[
        str,
        typer.Argument(
            metavar="FILE", help="A csv, tsv, jsonl or text file; - or nothing reads stdin."
        ),
    ] = "-",
    input_format: Annotated[
        BatchInput | None,
        typer.Option(
            "--input-format",
            case_sensitive=False,
            help="Default: from the file's extension; csv for stdin.",
            show_default=False,
        ),
    ] = None,
    fmt: Annotated[
        Format | None,
        format_option(
            STREAM_FORMATS, "Default: csv for csv, tsv for tsv and lines, jsonl for jsonl."
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
    per: PerOption = "year",
    role_column: Annotated[
        str | None,
        typer.Option(metavar="NAME", help="The column that holds the role, by its name."),
    ] = None,
    years_column: Annotated[
        str | None,
        typer.Option(metavar="NAME", help="The column that holds the years of experience."),
    ] = None,
    location_column: Annotated[
        str | None,
        typer.Option(metavar="NAME", help="The column that holds the place."),
    ] = None,
    net: NetOption = False,
    filing: FilingOption = "single",
    state: StateOption = None,
    real: RealOption = False,
    quiet: Annotated[
        bool,
        typer.Option(
            "--quiet",
            "-q",
            help="No progress bar and no line for each failed record; the summary only when "
            "any failed.",
        ),
    ] = False,
    errors: Annotated[
        str | None,
        typer.Option(
            metavar="FILE",
            help="Write every failed input record to FILE with its line and reason (csv; "
            "jsonl for jsonl input), to fix and run again.",
        ),
    ] = None,
) -> None:
    """Estimate every record of a csv, tsv, jsonl or plain list, streaming, in order.

    csv and tsv need a header row. Columns are found by name, in any case: the role in role,
    job title, title, position, occupation or job; the years in years, years of experience,
    experience or yoe (7, 7+, 5 years); or the level in level or seniority; the place in
    location, city, work location, zip or place; or country. --role-column, --years-column
    and --location-column name any other. --years, --level, --location and --country fill in
    for a column the input lacks. Every input column is passed through unchanged, before
    the estimate's fields (a field an input column names gains "estimate_").
    """
    from salarycli import batch

    session: Session = ctx.obj
    kind = batch.input_format_for(source, input_format.value if input_format else None)
    output = fmt.value if fmt else batch.DEFAULT_OUTPUT[kind]
    settings = batch.Settings(
        kind, output, years, level, location, country, strict, safe_csv, per,
        net, real, filing.lower(), role_column, years_column, location_column, state, quiet,
    )  # fmt: skip
    if state is not None:
        if not net:
            from salarycli.cli.actions import STATE_WITHOUT_NET

            raise BadInput(STATE_WITHOUT_NET)
        session.tax_place(session.place(None, None), state)  # a bad state: an error at once
    if years is not None or level is not None:
        session.level(years, level)  # a bad default is an error before any record
    if location is not None or country is not None:
        session.place(location, country)
    with _errors_file(errors, source) as failed:
        if source == "-":
            _run(_stdin(), None, settings, session, failed)
            return
        try:
            stream = open(source, "rb")  # noqa: SIM115 (closed below)
        except OSError as error:
            raise BadInput(f"cannot read {source!r}: {error.strerror}") from None
        with stream:
            _run(stream, source, settings, session, failed)


@contextmanager
def _errors_file(path: str | None, source: str) -> Iterator[IO[str] | None]:
    """--errors FILE, opened before the first record (a FILE that cannot be written is an
    error at once); never the input itself."""
    if path is None:
        yield None
        return
    if source != "-" and os.path.exists(path) and os.path.samefile(path, source):
        raise BadInput(f"--errors {path!r} is the input file: give another")
    try:
        stream = open(path, "w", encoding="utf-8", newline="")  # noqa: SIM115 (closed below)
    except OSError as error:
        raise BadInput(f"cannot write --errors {path!r}: {error.strerror}") from None
    with stream:
        yield stream


def estimate_lines(
    session: Session,
    fmt: Format | None,
    years: str | None,
    level: str | None,
    location: str | None,
    country: str | None,
) -> None:
    """`estimate -`: one role per line of stdin, one estimate per line of stdout; a table, once
    stdin ends, with --format table or at a terminal (as every command draws one there)."""
    from salarycli import batch

    if fmt is Format.table or (fmt is None and render.is_terminal(output())):
        _table_of_lines(session, years, level, location, country)
        return
    kind = {Format.json: "jsonl", Format.csv: "csv"}.get(fmt, "tsv") if fmt else "tsv"
    settings = batch.Settings("lines", kind, years, level, location, country, prefix="")
    _run(_stdin(), None, settings, session)


def _table_of_lines(
    session: Session,
    years: str | None,
    level: str | None,
    location: str | None,
    country: str | None,
) -> None:
    """`estimate -` as a table: every line's estimate (or why not), drawn when stdin ends."""
    import io
    import json

    from salarycli import batch
    from salarycli.cli.show import show
    from salarycli.present import views

    answers = io.StringIO()
    settings = batch.Settings("lines", "jsonl", years, level, location, country, prefix="")
    summary = batch.run(_stdin(), answers, sys.stderr, settings, session)
    records = [json.loads(line) for line in answers.getvalue().splitlines()]
    show(*views.lines_table(records), Format.table)
    say(f"{PROG}: {summary.line}")
    if summary.failed:
        raise Ended(1)


def _stdin() -> IO[bytes]:
    if sys.stdin is None:
        raise BadInput("stdin is closed: give a file, or pipe records in")
    return sys.stdin.buffer


def _run(
    stream: IO[bytes],
    path: str | None,
    settings: batch_module.Settings,
    session: Session,
    errors: IO[str] | None = None,
) -> None:
    """Run a batch to stdout; row problems and the summary go to stderr (with -q, the summary
    only when a record failed); exit 1 if any failed."""
    from salarycli import batch

    with writing():
        out = output()  # before the progress bar, which must never take stdout
        with _progress(stream, None if settings.quiet else path) as progress:
            # sys.stderr here is the bar's: problems are printed above the bar
            summary = batch.run(stream, out, sys.stderr, settings, session, progress, errors)
    if summary.failed or not settings.quiet:
        say(f"{PROG}: {summary.line}")
    if summary.failed:
        raise Ended(1)


@contextmanager
def _progress(stream: IO[bytes], path: str | None) -> Iterator[Callable[[], None] | None]:
    """A transient progress bar on stderr, only for a file, only when stderr is a terminal and
    stdout is not: records written to the terminal show the progress themselves, and a bar
    redrawn between them would share their lines. It never redirects stdout: the records go
    where stdout goes, a file or a pipe."""
    if path is None or not render.is_terminal(sys.stderr) or render.is_terminal(sys.stdout):
        yield None
        return
    from rich.console import Console
    from rich.progress import Progress

    total = os.fstat(stream.fileno()).st_size
    # soft_wrap: a line printed above the bar (a failed record's) is never cut at the width
    console = Console(stderr=True, soft_wrap=True)
    bar = Progress(console=console, transient=True, redirect_stdout=False)
    with bar:
        task = bar.add_task("estimating", total=total)
        yield lambda: bar.update(task, completed=stream.tell())
