"""The options several commands share, the --format option over the one Format enum (each
command offers its own subset), and what TAB completes."""

from __future__ import annotations

import os
import re
import warnings
from collections.abc import Callable, Sequence
from typing import Annotated, Any

import typer
from typer._types import TyperChoice

from salarycli.completion import complete_country, complete_place, complete_role
from salarycli.errors import BadInput
from salarycli.present.render import REPORT_FORMATS, Format


def unfiltered(candidates: Callable[[str], list[str]]) -> Any:
    """A TAB completer that Typer does not filter again: Typer's `autocompletion` keeps only
    candidates that start with what was typed, in its case ("soft" lost "Software
    Developers"); salarycli's own matching ignores case, so it is given as click's
    `shell_complete` (bash, zsh and fish alike)."""

    def complete_in_any_case(ctx: Any, param: Any, incomplete: str) -> list[str]:
        found = candidates(incomplete)
        if os.environ.get("_SALARYCLI_COMPLETE") == "complete_bash":
            return [bash_escaped(value) for value in found]
        return found

    return complete_in_any_case


def bash_escaped(value: str) -> str:
    """`value` as one word of a bash command line: bash inserts a completion as it is given
    ("Pittsburgh, PA" would be two arguments), while zsh and fish quote what they insert."""
    return re.sub(r"([^\w@%+=:,./-])", r"\\\1", value)


# Typer warns that `shell_complete` may go in a later version; the pin (<0.29) keeps it.
warnings.filterwarnings("ignore", "In Typer, only the parameter 'autocompletion'")


def not_empty(option: str, hint: str) -> Any:
    """A callback refusing an empty value: `-L ""` must not quietly mean the whole US."""

    def check(ctx: typer.Context, value: Any) -> Any:
        values = value if isinstance(value, list | tuple) else [value]
        if not ctx.resilient_parsing and any(v is not None and not v.strip() for v in values):
            raise BadInput(f"{option} is empty: {hint}")
        return value

    return check


PLACE_HINT = "give a place, or leave the option out for the US"
COUNTRY_HINT = "give a country, or leave the option out for the US"


def format_option(formats: Sequence[Format], help: str) -> Any:
    """--format/-f offering `formats` of the one Format enum, case-insensitively."""
    return typer.Option(
        "--format",
        "-f",
        click_type=TyperChoice([item.value for item in formats], case_sensitive=False),
        help=help,
        show_default=False,
    )


FormatOption = Annotated[
    Format | None,
    format_option(REPORT_FORMATS, "Output format. Default: table at a terminal, tsv in a pipe."),
]
YearsOption = Annotated[
    str | None,
    typer.Option(
        "--years",
        "-y",
        metavar="YEARS",
        help="Completed years of experience, 0 to 70.",
        show_default=False,
    ),
]


def place_option(*names: str, help: str, country: bool = False, hint: str | None = None) -> Any:
    """An option that names a US place (with `country`, an OECD country): TAB completes it,
    and a blank value is refused with `hint` (by default: leave the option out for the US)."""
    hint = hint or (COUNTRY_HINT if country else PLACE_HINT)
    return typer.Option(
        *names,
        metavar="COUNTRY" if country else "PLACE",
        shell_complete=unfiltered(complete_country if country else complete_place),
        callback=not_empty(names[0], hint),
        help=help,
        show_default=False,
    )


LocationOption = Annotated[
    str | None,
    place_option(
        "--location",
        "-L",
        help='A state ("CA"), metro area, city ("Palo Alto, CA"), ZIP code, county or nickname '
        '("NYC"); "Remote" for national figures. Default: US.',
    ),
]
CountryOption = Annotated[
    str | None,
    place_option(
        "--country",
        "-c",
        help='One of 30 OECD countries by ISO code or name ("DE", "Germany"); approximate.',
        country=True,
    ),
]
LevelOption = Annotated[
    str | None,
    typer.Option(
        "--level",
        "-l",
        metavar="LEVEL",
        help='A level by name or first word ("entry", "Mid Level"), or a title\'s level word '
        '("junior", "staff", "III").',
        show_default=False,
    ),
]
INDUSTRY_HINT = "give an industry, or leave the option out for all industries"
IndustryOption = Annotated[
    str | None,
    typer.Option(
        "--industry",
        "-i",
        metavar="INDUSTRY",
        callback=not_empty("--industry", INDUSTRY_HINT),
        help='National figures in one industry: a NAICS code at any level ("5132", "51") or '
        'words of its name ("software publishers"); `salarycli industries` lists them. Not '
        "with --location: OEWS publishes industry figures for the nation only.",
        show_default=False,
    ),
]
PerOption = Annotated[
    str,
    typer.Option(
        "--per",
        click_type=TyperChoice(["year", "hour"], case_sensitive=False),
        help="Show pay per year (default) or per hour: BLS's own hourly figures where it "
        "publishes them, else the yearly figure / 2,080 hours, as each record says.",
        show_default=False,
    ),
]
AgedOption = Annotated[
    bool,
    typer.Option(
        "--aged",
        help="Bring every figure from May 2025 (OEWS) to the latest quarter of the BLS "
        "Employment Cost Index (an approximation, labelled in the note).",
    ),
]
RealOption = Annotated[
    bool,
    typer.Option(
        "--real",
        help="Also show each salary in US-average dollars: salary x 100 / the place's price "
        "level (BEA Regional Price Parities, all items).",
    ),
]
NetOption = Annotated[
    bool,
    typer.Option(
        "--net",
        help="Also show take-home pay: less 2025 federal, state and local income tax, Social "
        "Security, Medicare and state payroll contributions.",
    ),
]
FilingOption = Annotated[
    str,
    typer.Option(
        "--filing",
        click_type=TyperChoice(["single", "joint", "head", "married"], case_sensitive=False),
        help="Filing status for take-home: single (default), joint (married filing jointly, "
        "one earner; also: married) or head (head of household).",
        show_default=False,
    ),
]
StateOption = Annotated[
    str | None,
    typer.Option(
        "--state",
        metavar="STATE",
        help="The US state you live in, whose taxes take-home uses (a remote job, or a metro "
        "area across states): CA or California.",
    ),
]
RoleArgument = Annotated[
    str,
    typer.Argument(
        metavar="ROLE", help="Role name or SOC code.", shell_complete=unfiltered(complete_role)
    ),
]
