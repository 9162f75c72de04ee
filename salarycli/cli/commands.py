"""The everyday commands as Typer declares them: their arguments, options and help. Each hands
what was typed to actions.py, which does the work (and which fast.py calls without Typer)."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer
from typer._types import TyperChoice

from salarycli.cli import actions
from salarycli.cli.options import (
    INDUSTRY_HINT,
    AgedOption,
    CountryOption,
    FilingOption,
    FormatOption,
    IndustryOption,
    LevelOption,
    LocationOption,
    NetOption,
    PerOption,
    RealOption,
    RoleArgument,
    StateOption,
    YearsOption,
    not_empty,
    place_option,
    unfiltered,
)
from salarycli.completion import complete_role


def estimate(
    ctx: typer.Context,
    role: Annotated[
        str,
        typer.Argument(
            metavar="ROLE",
            help='Role name, common title or SOC code: "Civil Engineer", "SWE II", "17-2051".',
            shell_complete=unfiltered(complete_role),
        ),
    ],
    years: YearsOption = None,
    level: LevelOption = None,
    location: LocationOption = None,
    country: CountryOption = None,
    industry: IndustryOption = None,
    explain: Annotated[
        bool, typer.Option("--explain", help="Say how the role was found (table view).")
    ] = False,
    per: PerOption = "year",
    real: RealOption = False,
    net: NetOption = False,
    filing: FilingOption = "single",
    state: StateOption = None,
    aged: AgedOption = False,
    fmt: FormatOption = None,
) -> None:
    """Estimate one role's salary at a level, or show its whole ladder, anywhere.

    ROLE "-" reads roles from stdin, one per line, and writes one estimate per line.
    """
    actions.estimate(
        ctx.obj,
        role,
        years,
        level,
        location,
        country,
        industry,
        explain,
        per,
        fmt,
        real=real,
        net=net,
        filing=filing.lower(),
        state=state,
        aged=aged,
    )


def compare(
    ctx: typer.Context,
    roles: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="ROLE...", help="Roles to compare. Default: the six featured roles."
        ),
    ] = None,
    years: YearsOption = None,
    level: LevelOption = None,
    location: Annotated[
        list[str] | None,
        place_option("--location", "-L", help="A US place; give it more than once to compare."),
    ] = None,
    country: Annotated[
        list[str] | None,
        place_option(
            "--country", "-c", help="An OECD country; more than once to compare.", country=True
        ),
    ] = None,
    industry: Annotated[
        list[str] | None,
        typer.Option(
            "--industry",
            "-i",
            help="An industry (national figures); more than once to compare.",
            callback=not_empty("--industry", INDUSTRY_HINT),
        ),
    ] = None,
    per: PerOption = "year",
    real: RealOption = False,
    net: NetOption = False,
    filing: FilingOption = "single",
    state: StateOption = None,
    aged: AgedOption = False,
    fmt: FormatOption = None,
) -> None:
    """Compare roles and places side by side: every level, or one column sorted high to low.

    With --net, sorted by take-home pay; with --real, by what it buys at national-average
    prices."""
    actions.compare(
        ctx.obj,
        roles,
        years,
        level,
        location,
        country,
        industry,
        per,
        fmt,
        real=real,
        net=net,
        filing=filing.lower(),
        state=state,
        aged=aged,
    )


def market(
    ctx: typer.Context,
    role: RoleArgument,
    location: LocationOption = None,
    industry: IndustryOption = None,
    by: Annotated[
        str | None,
        typer.Option(
            "--by",
            click_type=TyperChoice(["industry"], case_sensitive=False),
            help="Rank the nation's industries (4-digit NAICS) by the role's mean wage, with "
            "their employment.",
            show_default=False,
        ),
    ] = None,
    per: PerOption = "year",
    fmt: FormatOption = None,
    net: NetOption = False,
    filing: FilingOption = "single",
    state: StateOption = None,
) -> None:
    """The spread of pay behind the average: percentiles, wage levels, the ladder on it."""
    actions.market(ctx.obj, role, location, industry, by, per, fmt, net, filing.lower(), state)


def rank(
    ctx: typer.Context,
    role: RoleArgument,
    salary: Annotated[
        str,
        typer.Argument(
            metavar="SALARY",
            help="The offer: 120000, 120,000, 120k, $120k/yr, or an hourly wage: 65/hr, $32.50/h.",
        ),
    ],
    location: LocationOption = None,
    industry: IndustryOption = None,
    years: YearsOption = None,
    level: LevelOption = None,
    per: PerOption = "year",
    fmt: FormatOption = None,
    net: NetOption = False,
    filing: FilingOption = "single",
    state: StateOption = None,
) -> None:
    """Is this offer good? Where a salary sits in the occupation's pay there, and, with
    --years or --level, against the estimate for that experience."""
    actions.rank(
        ctx.obj,
        role,
        salary,
        location,
        industry,
        years,
        level,
        per,
        fmt,
        net,
        filing.lower(),
        state,
    )


def takehome(
    ctx: typer.Context,
    salary: Annotated[
        str,
        typer.Argument(
            metavar="SALARY",
            help="A year's pay: 120000, 120,000, 120k, $120k/yr, or an hourly wage: 65/hr "
            "(x 2,080 hours).",
        ),
    ],
    location: LocationOption = None,
    state: StateOption = None,
    filing: FilingOption = "single",
    pretax: Annotated[
        str | None,
        typer.Option(
            "--pretax",
            metavar="AMOUNT",
            help="Pre-tax deductions a year (401(k) deferrals): they lower income tax, not "
            "Social Security, Medicare or state contributions.",
        ),
    ] = None,
    period: Annotated[
        str,
        typer.Option(
            "--per",
            click_type=TyperChoice(["year", "month", "paycheck"], case_sensitive=False),
            help="Show a year's figures (default), a month's or a paycheck's.",
            show_default=False,
        ),
    ] = "year",
    paychecks: Annotated[
        str | None,
        typer.Option(
            "--paychecks",
            metavar="N",
            help="Paychecks a year with --per paycheck (default 26, every other week).",
        ),
    ] = None,
    fmt: FormatOption = None,
) -> None:
    """Take-home pay of any salary: 2025 federal, state and local income tax, Social
    Security, Medicare and state payroll contributions, as a paycheck calculator gives it."""
    actions.takehome(
        ctx.obj, salary, location, state, filing, pretax, period.lower(), paychecks, fmt
    )


def relocate(
    ctx: typer.Context,
    role: RoleArgument,
    salary: Annotated[
        str,
        typer.Argument(
            metavar="SALARY",
            help="The salary where you are: 120000, 120k, 65/hr; for --from-country, in PPP "
            "dollars: 70k PPP.",
        ),
    ],
    origin: Annotated[
        str | None,
        place_option("--from", help="Where the salary is paid (a US place).", hint="give a place"),
    ] = None,
    destination: Annotated[
        str | None,
        place_option("--to", help="Where you are going (a US place).", hint="give a place"),
    ] = None,
    origin_country: Annotated[
        str | None,
        place_option(
            "--from-country",
            help="Or: an OECD country it is paid in.",
            country=True,
            hint="give a country",
        ),
    ] = None,
    destination_country: Annotated[
        str | None,
        place_option(
            "--to-country",
            help="Or: an OECD country you are going to.",
            country=True,
            hint="give a country",
        ),
    ] = None,
    per: PerOption = "year",
    net: NetOption = False,
    filing: FilingOption = "single",
    fmt: FormatOption = None,
) -> None:
    """What a salary is worth elsewhere: the same percentile there, the ratio of means, and
    the salary that buys the same there (after tax, with --net)."""
    actions.relocate(
        ctx.obj,
        role,
        salary,
        origin,
        destination,
        origin_country,
        destination_country,
        per,
        fmt,
        net=net,
        filing=filing.lower(),
    )


def roles(
    ctx: typer.Context,
    query: Annotated[
        str | None,
        typer.Argument(
            metavar="SEARCH", help="Part of a role name or title, or a SOC code prefix."
        ),
    ] = None,
    group: Annotated[
        str | None, typer.Option("--group", "-g", help='Part of a major group name: "engineering".')
    ] = None,
    fmt: FormatOption = None,
) -> None:
    """List and search the roles salarycli knows."""
    actions.roles(ctx.obj, query, group, fmt)


class PlaceType(StrEnum):
    state = "state"
    metro = "metro"
    country = "country"


def locations(
    ctx: typer.Context,
    query: Annotated[
        str | None,
        typer.Argument(
            metavar="SEARCH", help='Words of a place name, a city or a code: "san jo", "TX".'
        ),
    ] = None,
    kind: Annotated[
        PlaceType | None,
        typer.Option("--type", "-t", help="Only states, metro areas or countries."),
    ] = None,
    fmt: FormatOption = None,
) -> None:
    """List and search the places --location and --country take."""
    actions.locations(ctx.obj, query, kind.value if kind else None, fmt)


def industries(
    ctx: typer.Context,
    query: Annotated[
        str | None,
        typer.Argument(
            metavar="SEARCH", help='Words of an industry name or the start of its code: "software".'
        ),
    ] = None,
    fmt: FormatOption = None,
) -> None:
    """List and search the industries --industry takes (OEWS's national figures by industry)."""
    actions.industries(ctx.obj, query, fmt)


def levels(ctx: typer.Context, fmt: FormatOption = None) -> None:
    """Show the experience ladder and its multipliers."""
    actions.levels(ctx.obj, fmt)
