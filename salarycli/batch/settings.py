"""A batch's settings, its summary and its records as read, and the readers' small helpers:
the input format a file's name implies, a row of the wrong width, whether to remember lines."""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterator
from typing import Any

from salarycli.batch.lines import Lines, Twice
from salarycli.core.record import record as plain_record
from salarycli.errors import BadInput

QUESTION = ("role", "years", "level", "location", "country")
EXTENSIONS = {
    ".csv": "csv",
    ".tsv": "tsv",
    ".tab": "tsv",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".txt": "lines",
}
DEFAULT_OUTPUT = {"csv": "csv", "tsv": "tsv", "jsonl": "jsonl", "lines": "tsv"}


@plain_record(slots=False)
class Settings:
    input_format: str = "csv"
    output_format: str = "csv"
    years: str | None = None  # defaults for a column the input lacks
    level: str | None = None
    location: str | None = None
    country: str | None = None
    strict: bool = False
    safe_csv: bool = False
    per: str = "year"  # "hour": each record gains hourly and hourly_basis
    net: bool = False  # each record gains take-home pay (present.takehome.net_fields_all)
    real: bool = False  # and national-average dollars (core.prices.price_fields)
    filing: str = "single"
    role_column: str | None = None  # the input's columns for these, by name, when given
    years_column: str | None = None
    location_column: str | None = None
    state: str | None = None  # --state: the state whose taxes take-home uses (remote work)
    quiet: bool = False  # -q: no line for each failure (the summary only when any failed)
    prefix: str = "estimate_"  # before each estimate field's name ("" for `estimate -`)

    def columns(self) -> dict[str, str | None]:
        return {
            "role": self.role_column,
            "years": self.years_column,
            "location": self.location_column,
        }


@plain_record(slots=False)
class Summary:
    estimated: int = 0
    failed: int = 0
    causes: str = ""  # the failures by cause (batch.failures)

    @property
    def line(self) -> str:
        said = f"{self.estimated} estimated, {self.failed} failed"
        return f"{said}: {self.causes}" if self.causes else said


@plain_record(slots=False)
class Incoming:
    line: int
    question: tuple[str | None, ...]  # role, years, level, location, country as typed
    extras: list[tuple[str, Any]]  # pass-through fields, in input order
    problem: str | None = None  # why the record cannot even be asked


def input_format_for(path: str, chosen: str | None) -> str:
    if chosen:
        return chosen
    for ending, name in EXTENSIONS.items():
        if path.lower().endswith(ending):
            return name
    return "csv"


def defaults_for(settings: Settings, columns: set[str]) -> dict[str, str | None]:
    """The question's fields the options fill in: --years/--level when the input has neither
    column; --location/--country when it has neither of those."""
    levels = not columns & {"years", "level"}
    places = not columns & {"location", "country"}
    return {
        "role": None,
        "years": settings.years if levels else None,
        "level": settings.level if levels else None,
        "location": settings.location if places else None,
        "country": settings.country if places else None,
    }


def odd_row(
    row: list[str],
    header: list[str],
    at: dict[str, int],
    defaults: dict[str, str | None],
    flagged: bool,
) -> Iterator[tuple[tuple[str | None, ...], list[tuple[str, Any]], str | None]]:
    """A row that is blank, short, long, or on a line that could not be kept as it was
    (`flagged`): its question, pass-through fields and problem (none for a blank line).
    A short row's missing cells are empty; a long row is an error, written with the
    header's number of cells (its line number and error say what was cut)."""
    if not flagged and (not row or (len(row) == 1 and not row[0].strip())):
        return  # a blank line
    width = len(header)
    problem = None
    if len(row) > width:
        problem = f"{len(row)} fields, but the header has {width}"
    elif len(row) < width:
        row = row + [""] * (width - len(row))
    question = tuple(
        (row[at[name]].strip() or None) if name in at else defaults[name] for name in QUESTION
    )
    yield question, list(zip(header, row[:width], strict=True)), problem


def always(line: str) -> bool:
    return True


def trial(hits: int, again: Callable[[str], bool], remembered: int) -> Callable[[str], bool]:
    """After `remembered` lines: whether to go on remembering each line as it comes
    (`again`), or, when fewer than 1 in 64 of them was met again (a distinct id in every
    row: remembering lines costs memory and pays nothing), only lines met a second time."""
    return again if hits >= remembered // 64 else Twice().again


def header_row(reader: Iterator[list[str]], lines: Lines, kind: str) -> list[str]:
    """The header row of csv or tsv (`kind`): the first that is not blank; BadInput when there
    is none."""
    while True:
        try:
            header = next(reader, None)
        except csv.Error as error:
            raise BadInput(f"the header row is not valid {kind}: {error}") from None
        if lines.problems:
            problem = lines.problems[min(lines.problems)]
            raise BadInput(problem.replace(f"line {min(lines.problems)}", "the header row"))
        if header is None:
            raise BadInput("the input is empty: no header row")
        if any(cell.strip() for cell in header):  # blank lines before it are passed over
            return header
