"""The pure estimator: a role, a level and its market in, Estimates out.

No I/O, no typer, no rich, no pydantic. Money is whole dollars: base_salary x multiplier is
computed with Decimal and rounded once, half up (108,670 x 0.75 = 81,502.5 -> 81,503).
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from math import floor

from salarycli.core.exact import Fraction
from salarycli.core.ladder_fit import at_rank, points
from salarycli.core.market import HOURLY_ONLY_NOTE, currency_at
from salarycli.core.records import HOURS_A_YEAR, Estimate, Level, Market, Role, Wages
from salarycli.errors import MissingFigure

FOUR_PLACES = Decimal("0.0001")  # a ranked level's multiplier, shown: its figure / the mean


def salary(base_salary: int, multiplier: Decimal, factor: Fraction = Fraction(1)) -> int:
    """base_salary x multiplier x location factor in whole dollars, rounded once, half up.

    Exact arithmetic (Fraction) up to that one rounding.
    """
    return floor(Fraction(base_salary) * Fraction(multiplier) * factor + Fraction(1, 2))


def estimate(
    role: Role, level: Level, years: float | None = None, market: Market | None = None
) -> Estimate:
    """The estimate for one role at one level, in `market` (None: national, factor 1, the
    role's own percentiles); `years` is recorded as given (None: not given)."""
    if market is not None and market.hourly:
        occupation = market.market_soc or role.soc
        raise MissingFigure(
            HOURLY_ONLY_NOTE.format(soc=occupation)
            + f": `salarycli estimate {role.role!r}` answers it per hour"
        )
    if role.base_salary is None:
        raise MissingFigure(role.missing_reason or f"{role.role} has no base salary")
    factor = market.factor if market else Fraction(1)
    figure = salary(role.base_salary, level.multiplier, factor)
    bound = market is not None and market.lower_bound  # the factor rests on a top code
    wages = market.wages if market else role.wages
    multiplier = level.multiplier
    placed = _placed(role, level, market)
    topped = None
    if placed is not None:  # the level's percentile of the occupation's own distribution
        exact, capped = placed
        if capped and not bound:
            topped = (
                f"the {level.level} level's {level.percentile}th percentile is top-coded here: "
                "the estimate is a lower bound"
            )
        bound = capped
        figure = floor(exact + Fraction(1, 2))
        multiplier = Decimal(float(exact / (role.base_salary * factor))).quantize(FOUR_PLACES)
    sources = [role.source, market.source] if market else [role.source]
    low, high = _spanned(role, level, market, placed is not None)
    least = yearly_minimum(market, role.currency)
    floored = None
    if least is not None:  # no figure below the minimum wage there
        low, high = (None if end is None else max(end, least) for end in (low, high))
        if not bound and figure < least:
            floored = _floored(level, figure, least, market)
            figure = least
            multiplier = Decimal(float(least / (role.base_salary * factor))).quantize(FOUR_PLACES)
    return Estimate(
        role=role.role,
        soc=role.soc,
        level=level.level,
        years=years,
        multiplier=multiplier,
        base_salary=role.base_salary,
        salary=None if bound else figure,
        currency=currency_at(role.currency, market) if market else role.currency,
        source="; ".join(dict.fromkeys(sources)),
        level_years=level.years_label,
        location=market.place.name if market else "United States",
        location_type=market.place.kind if market else "national",
        location_basis=market.basis if market else "national",
        location_factor=round(float(factor), 6),
        p25=wages.p25 if wages else None,
        p75=wages.p75 if wages else None,
        market_soc=market.market_soc if market else role.soc,
        note="; ".join(
            filter(None, (market.note if market else None, topped, floored, _capped(wages)))
        )
        or None,
        at_least=figure if bound else None,
        percentile=float(level.percentile)
        if placed and level.percentile and not floored
        else _where_in(wages, figure),
        confidence=market.confidence if market and role.ranked else None,
        level_low=low,
        level_high=high,
    )


def yearly_minimum(market: Market | None, currency: str) -> int | None:
    """The yearly equivalent of the minimum wage where a US dollar estimate is for: its hourly
    rate x 2,080 hours, to the dollar, half up; None abroad or without one."""
    if market is None or market.floor is None or currency != "USD":
        return None
    return floor(Fraction(market.floor.hourly) * HOURS_A_YEAR + Fraction(1, 2))


def _floored(level: Level, figure: int, least: int, market: Market | None) -> str:
    """The note of a figure raised to the minimum wage."""
    assert market is not None and market.floor is not None
    wage = market.floor
    hourly = Fraction(figure, HOURS_A_YEAR)
    return (
        f"the {level.level} figure, ${figure:,} (${float(hourly):,.2f} an hour), is below the "
        f"minimum wage in {wage.where} (${wage.hourly} an hour from {wage.effective}): raised "
        f"to ${least:,}, 2,080 hours at it"
    )


def _spanned(
    role: Role, level: Level, market: Market | None, ranked: bool
) -> tuple[int | None, int | None]:
    """The wages at the ends of the ranks a ranked level spans (a top-coded end: none)."""
    if not ranked or level.span is None or (market is not None and market.basis == "country"):
        return None, None
    wages = market.wages if market is not None else role.wages
    ends = [at_rank(wages, rank) if wages is not None else None for rank in level.span]
    low, high = (None if end is None or end[1] else floor(end[0] + Fraction(1, 2)) for end in ends)
    return low, high


def by_rank(role: Role, level: Level, market: Market | None) -> bool:
    """Whether the level's figure is a percentile of the occupation's distribution there."""
    return _placed(role, level, market) is not None


def _placed(role: Role, level: Level, market: Market | None) -> tuple[Fraction, bool] | None:
    """A ranked occupation's figure at the level's percentile of its distribution where the
    estimate is for (a country: of the US distribution, times the country's ratio), and
    whether it is a lower bound; None where the flat multiplier applies instead (the seed's
    role, user data, a distribution BLS publishes only in part)."""
    if not role.ranked or level.percentile is None:
        return None
    abroad = market is not None and market.basis == "country"
    wages = role.wages if market is None or abroad else market.wages
    found = at_rank(wages, level.percentile) if wages is not None else None
    if found is None:
        return None
    figure, bound = found
    return (figure * market.factor if abroad and market else figure), bound


def _where_in(wages: Wages | None, figure: int) -> float | None:
    """The percentile of a figure in a distribution, one decimal; None outside it or none."""
    from salarycli.core.market import position

    known = points(wages) if wages is not None else None
    if not known:
        return None
    found = position(known, figure).percentile
    return None if found is None else round(float(found), 1)


def _capped(wages: Wages | None) -> str | None:
    """A note for a market range BLS publishes only in part: "the 75th percentile is at least
    $239,200 here (top-coded)"."""
    if wages is None or wages.at_least is None:
        return None
    names = [f"{rank}th" for rank in (25, 75) if f"p{rank}" in wages.top_coded]
    if not names:
        return None
    which = " and ".join(names) + (" percentiles are" if len(names) > 1 else " percentile is")
    return f"the {which} at least ${wages.at_least:,} here (top-coded by BLS)"


def ladder(role: Role, levels: Sequence[Level], market: Market | None = None) -> list[Estimate]:
    """The role's estimate at every level, lowest first (the seed's table)."""
    return [estimate(role, level, None, market) for level in levels]


def ranked(estimates: Sequence[Estimate]) -> list[tuple[Estimate, int | None]]:
    """Estimates sorted high to low (a lower bound by its bound), each with its difference to
    the top one (0 or negative; None where either is only a lower bound)."""
    ordered = sorted(estimates, key=lambda item: (-figure_of(item), item.role))
    top = ordered[0].salary if ordered else 0
    return [
        (item, None if item.salary is None or top is None else item.salary - top)
        for item in ordered
    ]


def figure_of(item: Estimate) -> int:
    """An estimate's salary, or its lower bound where only that is known."""
    found = item.salary if item.salary is not None else item.at_least
    assert found is not None
    return found
