"""The market behind an estimate, pure: which figures a place uses (the fallback chain), its
location factor, and where a salary sits in an occupation's distribution.

No I/O: figures come through the Figures interface, which sources.Catalog implements over the
registered data sources. Percentile points are the published (10, p10) ... (90, p90); between
two of them a wage is interpolated linearly (piecewise linear, so monotone), and nothing is
extrapolated beyond the lowest or highest published point.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from math import floor
from typing import NamedTuple, Protocol

from salarycli.core.exact import Fraction
from salarycli.core.record import replace
from salarycli.core.records import Market, Place, Role, Wages
from salarycli.errors import MissingFigure

# The US Department of Labor sets its four prevailing-wage levels near these percentiles of the
# OEWS distribution (Level I: mean of the bottom third; IV: mean of the top two thirds).
WAGE_LEVELS = (("I", 17), ("II", 34), ("III", 50), ("IV", 67))
NATIONAL = Place(code="US", name="United States", kind="national")
REMOTE = Place(
    code="US",
    name="United States",
    kind="national",
    note="a remote job is not tied to a place: national figures",
)

Points = Sequence[tuple[int, int]]


class Figures(Protocol):
    """What the market needs from the data sources (sources.Catalog is the implementation)."""

    def national(self, soc: str) -> Wages | None:
        """An occupation's published national figures (BLS's, whatever the user's data)."""

    def area(self, place: Place, soc: str) -> Wages | None:
        """An occupation's published figures in a state, metro or other area; None: none."""

    def parent(self, place: Place) -> Place:
        """The wider area a place falls back to: a metro's state, a state's nation."""

    def average_wage(self, code: str) -> int | None:
        """A country's average annual wage (USD at PPP), by ISO code ("US" included)."""

    def source(self, place: Place) -> str:
        """The label of the source that publishes `place`'s figures."""


def market_for(role: Role, place: Place, figures: Figures) -> Market:
    """The market `role` is estimated in at `place` (_market), with what finding the place
    decided in its note ("Portland" is Portland, OR; "Remote" is the nation)."""
    found = _market(role, place, figures)
    if place.note:
        found = replace(found, note="; ".join(filter(None, (place.note, found.note))))
    return found


def _market(role: Role, place: Place, figures: Figures) -> Market:
    """The market `role` is estimated in at `place`: a country's average-wage ratio; in the US,
    the first area up the chain (metro -> its state -> the nation) where the source published an
    annual mean for the role's occupation; nationally, the role's own distribution if it has
    one (a user's bands)."""
    if place.kind == "country":
        us_average = figures.average_wage("US")
        assert us_average is not None
        return country_market(place, us_average, figures.source(place))
    occupation = role.soc or role.reference_soc
    national = figures.national(occupation) if occupation else None
    if place.kind == "industry":  # national figures in one industry; no fallback
        wages = figures.area(place, occupation) if occupation else None
        if occupation and (wages is None or (wages.annual_mean is None and not wages.floored)):
            raise MissingFigure(
                f"BLS publishes no annual mean wage for SOC {occupation} in the industry "
                f"{place.name} ({place.code})"
            )
        inside = [(place.kind, place.name, wages)]
        return locate(role, place, inside, national, figures.source(place))
    if place.kind == "national" and role.wages and role.wages.any_percentile:
        own = role.wages
        if own.annual_mean is None:
            own = replace(own, annual_mean=role.base_salary)
        return national_market(role, own, role.source)
    if place.kind == "national" and national is None:
        return national_market(role, None, role.source)
    chain: list[tuple[str, str, Wages | None]] = []
    area = place
    if place.located:  # its metro's figures, then its own state's
        if place.within is not None and occupation:
            within = place.within
            chain.append((within.kind, within.name, figures.area(within, occupation)))
        area = figures.parent(place)
    while occupation and area.kind != "national":
        chain.append((area.kind, area.name, figures.area(area, occupation)))
        area = figures.parent(area)
    chain.append(("national", NATIONAL.name, national))
    found = locate(role, place, chain, national, figures.source(place))
    if place.located:  # its own note for the fallback's; a lower bound's note stays
        kept = found.note if found.lower_bound else None
        note = "; ".join(filter(None, (_part_note(place, found, occupation), kept)))
        found = replace(found, note=note)
    return found


def _part_note(place: Place, found: Market, occupation: str | None) -> str:
    """Why a city's, ZIP code's or county's figures are those of its metro, state or nation."""
    within = place.within
    if within is not None and found.basis == within.kind:
        return f"{place.name} is in the {within.name} metro area: its figures"
    if within is not None:
        return (
            f"BLS published no annual mean wage for SOC {occupation} in {within.name}, the "
            f"metro area {place.name} is in; using {found.basis_name} ({found.basis})"
        )
    return (
        f"{place.name} is in no metro area (BLS's nonmetropolitan areas are not mapped to "
        f"places here); using {found.basis_name} ({found.basis})"
    )


def whole_dollars(amount: Fraction) -> int:
    """Round once, half up, to whole dollars."""
    return floor(amount + Fraction(1, 2))


def locate(
    role: Role,
    place: Place,
    candidates: Sequence[tuple[str, str, Wages | None]],
    national: Wages | None,
    source: str,
) -> Market:
    """The market of an OEWS place for `role`: the first candidate (most specific area first,
    e.g. metro, then state, then national) where BLS published an annual mean for the role's
    occupation, and its factor against the national mean. A fallback says so in its note."""
    occupation = role.soc or role.reference_soc
    if role.base_salary is None and occupation and hourly_only(national):
        return _hourly_market(role, place, candidates, national, occupation, source)
    if role.base_salary is None:
        raise MissingFigure(role.missing_reason or f"{role.role} has no base salary")
    if occupation is None:
        raise MissingFigure(
            f"{role.role} has no SOC code, so BLS figures cannot place it: give it a soc "
            "(or reference_soc) in your data"
        )
    if national is None or national.annual_mean is None:
        raise MissingFigure(f"BLS publishes no national mean wage for SOC {occupation}")
    for basis, basis_name, wages in candidates:
        if wages is not None and wages.annual_mean is None and wages.floored:
            return _lower_bound(place, basis, basis_name, wages, national, occupation, source)
        if wages is None or wages.annual_mean is None:
            continue
        note = None
        if basis != place.kind:
            note = (
                f"BLS published no annual mean wage for SOC {occupation} in {place.name}; "
                f"using {basis_name} ({basis})"
            )
        factor = Fraction(wages.annual_mean, national.annual_mean)
        own = _own(candidates, basis, basis_name)
        return Market(place, basis, basis_name, factor, wages, occupation, source, note, own)
    raise MissingFigure(f"BLS publishes no annual mean wage for SOC {occupation} in {place.name}")


def _own(
    candidates: Sequence[tuple[str, str, Wages | None]], basis: str, name: str
) -> Wages | None:
    """The asked place's own figures when the market fell back past them, else None."""
    first_kind, first_name, first = candidates[0]
    return first if (basis, name) != (first_kind, first_name) else None


def hourly_only(wages: Wages | None) -> bool:
    """Whether BLS publishes only hourly wages for an occupation: no annual mean, but an
    hourly one (actors, dancers, musicians: "occupations that do not generally work
    year-round, full time", its footnote 4)."""
    return wages is not None and wages.annual_mean is None and wages.by_hour[0] is not None


HOURLY_ONLY_NOTE = (
    "BLS publishes only hourly wages for SOC {soc} (its members do not generally work "
    "year-round, full time), so salarycli gives no yearly figure for it"
)


def _hourly_market(
    role: Role,
    place: Place,
    candidates: Sequence[tuple[str, str, Wages | None]],
    national: Wages | None,
    occupation: str,
    source: str,
) -> Market:
    """The market of an occupation BLS publishes only hourly wages for: the first area with
    an hourly mean, its factor against the national hourly mean."""
    assert national is not None
    national_mean = national.by_hour[0]
    assert national_mean is not None
    note = HOURLY_ONLY_NOTE.format(soc=occupation)
    for basis, basis_name, wages in candidates:
        mean = wages.by_hour[0] if wages is not None else None
        if wages is None or mean is None:
            continue
        if basis != place.kind:
            note += f"; BLS published no hourly mean for it in {place.name}: using {basis_name}"
        factor = Fraction(mean) / Fraction(national_mean)
        own = _own(candidates, basis, basis_name)
        return Market(
            place, basis, basis_name, factor, wages, occupation, source, note, own, hourly=True
        )
    raise MissingFigure(f"BLS publishes no hourly mean wage for SOC {occupation} in {place.name}")


def _lower_bound(
    place: Place,
    basis: str,
    basis_name: str,
    wages: Wages,
    national: Wages,
    occupation: str,
    source: str,
) -> Market:
    """The market of an area whose mean BLS publishes only as at least its top code: the
    factor of that floor, every figure on it a lower bound; never another area's lower one."""
    assert wages.at_least is not None and national.annual_mean is not None
    note = (
        f"BLS publishes the mean wage of SOC {occupation} in {basis_name} only as at least "
        f"${wages.at_least:,} a year (it top-codes wages this high): the estimate is a lower "
        "bound"
    )
    factor = Fraction(wages.at_least, national.annual_mean)
    return Market(
        place, basis, basis_name, factor, wages, occupation, source, note, lower_bound=True
    )


def national_market(role: Role, wages: Wages | None, source: str) -> Market:
    """The nation as a market: factor 1, and the role's own distribution where it has one."""
    if role.base_salary is None:
        raise MissingFigure(role.missing_reason or f"{role.role} has no base salary")
    return Market(NATIONAL, "national", NATIONAL.name, Fraction(1), wages, role.soc, source)


PPP = "_PPP"  # "USD_PPP": US dollars at purchasing power parity (OECD), not US dollars


def currency_at(currency: str, where: Market) -> str:
    """The currency of a figure `where`: in a country other than the US, a US-dollar figure is
    in PPP dollars (what OECD's average wages are in), so it is labelled USD_PPP."""
    abroad = where.basis == "country" and where.place.code != "US"
    return currency + PPP if abroad and currency == "USD" else currency


def country_market(place: Place, us_average: int, source: str) -> Market:
    """A country's market: the ratio of its OECD average wage to the United States'."""
    assert place.average_wage is not None
    note = (
        f"approximate: the US figure scaled by {place.name}'s average wage over the United "
        "States' (OECD 2022, USD at PPP), a whole-economy ratio, not this occupation's wage there"
    )
    if place.code != "US":
        note += (
            "; in PPP dollars (USD_PPP): what the pay buys there, counted in what a dollar buys "
            "in the US, not a conversion at the exchange rate"
        )
    factor = Fraction(place.average_wage, us_average)
    return Market(place, "country", place.name, factor, None, None, source, note)


def wage_at(points: Points, percentile: Fraction | int) -> Fraction | None:
    """The wage at `percentile`, interpolated between published points; None outside them."""
    for (low_rank, low), (high_rank, high) in itertools.pairwise(points):
        if low_rank <= percentile <= high_rank:
            share = Fraction(percentile) - low_rank
            return low + (high - low) * share / (high_rank - low_rank)
    if len(points) == 1 and points[0][0] == percentile:
        return Fraction(points[0][1])
    return None


class Position(NamedTuple):
    """Where a salary sits: an interpolated percentile, or beyond the published range."""

    percentile: Fraction | None  # None when below the lowest or above the highest point
    below: int | None = None  # the lowest published percentile, when the salary is under it
    above: int | None = None  # the highest published percentile, when the salary is over it

    @property
    def label(self) -> str:
        if self.below is not None:
            return f"below the {ordinal(self.below)} percentile"
        if self.above is not None:
            return f"above the {ordinal(self.above)} percentile"
        assert self.percentile is not None
        return f"{ordinal(round(self.percentile))} percentile"


def position(points: Points, salary: int) -> Position:
    """The inverse of wage_at: the interpolated percentile of `salary`."""
    if not points:
        raise MissingFigure("BLS published no percentile wages for this occupation here")
    if salary < points[0][1]:
        return Position(None, below=points[0][0])
    if salary > points[-1][1]:
        return Position(None, above=points[-1][0])
    for (low_rank, low), (high_rank, high) in itertools.pairwise(points):
        if low <= salary <= high:
            if high == low:
                return Position(Fraction(low_rank))
            share = Fraction(salary - low, high - low)
            return Position(low_rank + (high_rank - low_rank) * share)
    return Position(Fraction(points[0][0]))  # a single published point equal to the salary


def wage_levels(points: Points) -> list[tuple[str, int, int | None]]:
    """The four prevailing-wage levels: (name, percentile, wage or None where not published)."""
    levels = []
    for name, percentile in WAGE_LEVELS:
        wage = wage_at(points, percentile)
        levels.append((name, percentile, None if wage is None else whole_dollars(wage)))
    return levels


def wage_level_reached(points: Points, salary: int) -> str:
    """The highest prevailing-wage level `salary` reaches ("below I" when none)."""
    reached = "below I"
    for name, _, wage in wage_levels(points):
        if wage is not None and salary >= wage:
            reached = name
    return reached


def ordinal(number: int) -> str:
    suffix = (
        "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    )
    return f"{number}{suffix}"


class Relocation(NamedTuple):
    """A salary moved from one market to another, two ways.

    `same_percentile`: the destination's wage at the salary's percentile in the origin
    (rank-preserving; None when either market has no distribution or the salary lies outside
    the origin's published range). `by_ratio`: the salary x the ratio of the two markets' means
    to the national mean (for countries, of their average wages).
    """

    position: Position | None
    same_percentile: Fraction | None
    ratio: Fraction
    by_ratio: Fraction


def relocate(salary: int, origin: Market, destination: Market) -> Relocation:
    for market in (origin, destination):
        if market.lower_bound:
            raise MissingFigure(f"{market.note}; a salary is not carried to or from one")
    ratio = destination.factor / origin.factor
    by_ratio = salary * ratio
    if origin.wages is None or destination.wages is None:
        return Relocation(None, None, ratio, by_ratio)
    where = position(origin.wages.percentiles, salary)
    same = (
        None
        if where.percentile is None
        else wage_at(destination.wages.percentiles, where.percentile)
    )
    return Relocation(where, same, ratio, by_ratio)


def base_there(role: Role, where: Market) -> int | None:
    """The role's base salary where it is estimated: its base times the place's factor, the
    figure every level's estimate there multiplies (the national base nationally)."""
    if role.base_salary is None:
        return None
    return whole_dollars(Fraction(role.base_salary) * where.factor)
