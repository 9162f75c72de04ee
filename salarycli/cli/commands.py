"""The everyday commands. Each body parses what was typed, asks the session, and shows the
records its view builds (present.views): parse -> call -> render."""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum
from typing import Annotated

import typer

from salarycli.cli.options import (
    COUNTRY_HINT,
    PLACE_HINT,
    CountryOption,
    FormatOption,
    LevelOption,
    LocationOption,
    RoleArgument,
    YearsOption,
    complete_role,
    not_empty,
)
from salarycli.cli.show import show
from salarycli.errors import BadInput, SalarycliError
from salarycli.present import views
from salarycli.resolve import places as place_names
from salarycli.resolve.amounts import parse_salary
from salarycli.resolve.search import search_roles
from salarycli.resolve.titles import Match
from salarycli.session import Session
from salarycli.sources import load_places
from salarycli.sources.bundled import SEED_SOURCE


def estimate(
    ctx: typer.Context,
    role: Annotated[
        str,
        typer.Argument(
            help='Role name, common title or SOC code: "Civil Engineer", "SWE II", "17-2051".',
            autocompletion=complete_role,
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
    session: Session = ctx.obj
    choice = session.level(years, level)
    if role == "-":
        from salarycli.cli.stream import estimate_lines  # only streams pay for it

        estimate_lines(session, fmt, years, level, location, country)
        return
    answer = session.ask(role, choice, location, country)
    show(*views.estimate(answer, explain), fmt, single=not answer.whole_ladder)


def compare(
    ctx: typer.Context,
    roles: Annotated[
        list[str] | None, typer.Argument(help="Roles to compare. Default: the six featured roles.")
    ] = None,
    years: YearsOption = None,
    level: LevelOption = None,
    location: Annotated[
        list[str] | None,
        typer.Option(
            "--location",
            "-L",
            help="A US place; give it more than once to compare.",
            callback=not_empty("--location", PLACE_HINT),
        ),
    ] = None,
    country: Annotated[
        list[str] | None,
        typer.Option(
            "--country",
            "-c",
            help="An OECD country; more than once to compare.",
            callback=not_empty("--country", COUNTRY_HINT),
        ),
    ] = None,
    fmt: FormatOption = None,
) -> None:
    """Compare roles and places side by side: every level, or one column sorted high to low."""
    session: Session = ctx.obj
    choice = session.level(years, level)
    places = session.places(location or [], country or [])
    found = _compared(session, roles)
    pairs = [(match, place) for match in found for place in places]
    local = len(places) > 1 or places[0].kind != "national"
    if choice is None:
        tidy = [item for match, place in pairs for item in session.ladder(match, place)]
        show(*views.compare_ladders(tidy, local), fmt)
        return
    results = [session.answer(match, choice, place) for match, place in pairs]
    show(*views.compare_ranked(results, choice[0], choice[1], local), fmt)


def _compared(session: Session, names: Sequence[str] | None) -> list[Match]:
    """The roles named, or the featured ones (with your data alone, none featured: all of its
    roles when they fit in a table); all in one currency, since compare puts them in one table."""
    if names:
        found = list({match.role.role: match for match in map(session.match, names)}.values())
    else:
        choice = [role for role in session.data.roles if role.featured]
        if not choice and len(session.data.roles) <= 20:
            choice = list(session.data.roles)
        if not choice:
            raise BadInput("no featured roles to compare: name the roles to compare")
        found = [session.match(role.role) for role in choice]
    currencies = sorted({match.role.currency for match in found})
    if len(currencies) > 1:
        raise BadInput(
            "compare puts one currency in a table, and these roles are in "
            + ", ".join(currencies)
            + ": compare them separately"
        )
    return found


def market(
    ctx: typer.Context,
    role: RoleArgument,
    location: LocationOption = None,
    fmt: FormatOption = None,
) -> None:
    """The spread of pay behind the average: percentiles, wage levels, the ladder on it."""
    session: Session = ctx.obj
    place = session.place(location, None)
    found, where, rungs = session.distribution(role, place)
    show(*views.market(found, where, place, rungs), fmt)


def rank(
    ctx: typer.Context,
    role: RoleArgument,
    salary: Annotated[str, typer.Argument(help="A yearly salary: 120000, 120,000, 120k, $120k.")],
    location: LocationOption = None,
    fmt: FormatOption = None,
) -> None:
    """Is this offer good? Where a salary sits in the occupation's pay there."""
    session: Session = ctx.obj
    amount = parse_salary(salary)
    place = session.place(location, None)
    found, where, rungs = session.distribution(role, place)
    show(*views.rank(found, where, place, amount, rungs), fmt, single=True)


def relocate(
    ctx: typer.Context,
    role: RoleArgument,
    salary: Annotated[str, typer.Argument(help="The salary where you are: 120000, 120k.")],
    origin: Annotated[
        str | None,
        typer.Option(
            "--from",
            help="Where the salary is paid (a US place).",
            callback=not_empty("--from", "give a place"),
        ),
    ] = None,
    destination: Annotated[
        str | None,
        typer.Option(
            "--to",
            help="Where you are going (a US place).",
            callback=not_empty("--to", "give a place"),
        ),
    ] = None,
    origin_country: Annotated[
        str | None,
        typer.Option(
            "--from-country",
            help="Or: an OECD country it is paid in.",
            callback=not_empty("--from-country", "give a country"),
        ),
    ] = None,
    destination_country: Annotated[
        str | None,
        typer.Option(
            "--to-country",
            help="Or: an OECD country you are going to.",
            callback=not_empty("--to-country", "give a country"),
        ),
    ] = None,
    fmt: FormatOption = None,
) -> None:
    """What a salary is worth elsewhere: the same percentile there, and the ratio of means."""
    session: Session = ctx.obj
    amount = parse_salary(salary)
    ends = []
    for name, place_text, country_text in (
        ("--from", origin, origin_country),
        ("--to", destination, destination_country),
    ):
        if place_text is None and country_text is None:
            raise BadInput(f"give {name} PLACE or {name}-country COUNTRY")
        ends.append(session.place(place_text, country_text))
    found = session.role(role)
    start, end = (session.market(found, place) for place in ends)
    show(*views.relocate(found, amount, start, end), fmt, single=True)


def roles(
    ctx: typer.Context,
    query: Annotated[
        str | None, typer.Argument(help="Part of a role name or title, or a SOC code prefix.")
    ] = None,
    group: Annotated[
        str | None, typer.Option("--group", "-g", help='Part of a major group name: "engineering".')
    ] = None,
    fmt: FormatOption = None,
) -> None:
    """List and search the roles salarycli knows."""
    session: Session = ctx.obj
    found = search_roles(session.data.roles, query, group)
    if not found:
        wanted = " and ".join(repr(text) for text in (query, group) if text)
        raise SalarycliError(f"no roles match {wanted}")
    show(*views.roles(found), fmt)


class PlaceType(StrEnum):
    state = "state"
    metro = "metro"
    country = "country"


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
    found = place_names.search_places(load_places(), query, kind.value if kind else None)
    if not found:
        wanted = " and ".join(repr(text) for text in (query, kind and kind.value) if text)
        raise SalarycliError(f"no places match {wanted}")
    show(*views.locations(found), fmt)


def levels(ctx: typer.Context, fmt: FormatOption = None) -> None:
    """Show the experience ladder and its multipliers."""
    session: Session = ctx.obj
    show(*views.levels(session.data, SEED_SOURCE), fmt)
