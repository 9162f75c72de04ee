"""The records `market`, `rank`, `relocate` and `locations` show, built from a role, its
market and its ladder there. Pure: no I/O, no typer, no rich; the command line hands these
records to present.render.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from salarycli.core import market
from salarycli.core.records import Estimate, Market, Place, Role, Wages
from salarycli.errors import MissingFigure

Record = dict[str, Any]
PERCENTILES = (10, 25, 50, 75, 90)


def distribution(role: Role, where: Market) -> Wages:
    """The pay distribution of `where`, or MissingFigure when there is none to show."""
    if where.wages is None or not where.wages.percentiles:
        raise MissingFigure(
            f"there is no distribution of pay for {role.role} in {where.place.name} "
            "(a country has only an average; your data may give p10-p90)"
        )
    return where.wages


def _where_fields(role: Role, where: Market) -> Record:
    """Which role, and where, and whose figures: the fields market and rank records start
    with. `figures_from` names the area the figures are of (the place itself, or the state or
    nation it fell back to); `location_employment` is the place's own employment where BLS
    published it, even when it published no wages there."""
    own = where.wages if where.own is None and where.basis == where.place.kind else where.own
    return {
        "role": role.role,
        "soc": role.soc,
        "market_soc": where.market_soc,
        "location": where.place.name,
        "location_type": where.place.kind,
        "location_basis": where.basis,
        "figures_from": where.basis_name,
        "location_employment": own.employment if own else None,
    }


def place_record(place: Place) -> Record:
    """A place as `locations` and `data export --what places` show it."""
    return {
        "location": place.name,
        "location_type": place.kind,
        "code": place.code,
        "usps": place.usps,
        "states": "-".join(place.states) or None,
        "cities": "; ".join(place.cities) or None,
        "average_wage": place.average_wage,
        "currency": "USD",
    }


def money(amount: int, currency: str = "USD") -> str:
    """An amount as text: "$142,495", or "51,000 EUR" in another currency."""
    return f"${amount:,}" if currency == "USD" else f"{amount:,} {currency}"


def _percent(position: market.Position | None) -> float | None:
    if position is None or position.percentile is None:
        return None
    return round(float(position.percentile), 1)


def market_records(role: Role, where: Market, rungs: Sequence[Estimate]) -> list[Record]:
    """One tidy record per statistic: the mean, the published percentiles, the four wage
    levels and each level's estimate, with its interpolated percentile."""
    wages = distribution(role, where)
    points = wages.percentiles
    statistics: list[tuple[str, float | None, int | None]] = [("mean", None, wages.annual_mean)]
    statistics += [(f"p{rank}", rank, wage) for rank, wage in points]
    statistics += [(f"wage level {n}", rank, wage) for n, rank, wage in market.wage_levels(points)]
    statistics += [
        (rung.level, _percent(market.position(points, rung.salary)), rung.salary) for rung in rungs
    ]
    base = {**_where_fields(role, where), "employment": wages.employment}
    return [
        {
            **base,
            "statistic": name,
            "percentile": rank,
            "salary": wage,
            "currency": role.currency,
            "note": where.note,
        }
        for name, rank, wage in statistics
    ]


def rank_record(role: Role, where: Market, salary: int, rungs: Sequence[Estimate]) -> Record:
    """Where `salary` sits: its percentile, the wage level it reaches, the nearest level."""
    wages = distribution(role, where)
    points = wages.percentiles
    spot = market.position(points, salary)
    nearest = min(rungs, key=lambda rung: (abs(rung.salary - salary), rung.salary))
    return {
        **_where_fields(role, where),
        "salary": salary,
        "percentile": _percent(spot),
        "position": spot.label,
        "wage_level": market.wage_level_reached(points, salary),
        "nearest_level": nearest.level,
        "nearest_level_salary": nearest.salary,
        **{f"p{rank}": getattr(wages, f"p{rank}") for rank in PERCENTILES},
        "currency": role.currency,
        "note": where.note,
    }


def relocate_record(
    role: Role, salary: int, start: Market, end: Market, notes: list[str]
) -> Record:
    """`salary` moved from `start` to `end`: at the same percentile, and by the ratio of
    means. Adds to `notes` why a same-percentile figure is missing, when it is."""
    moved = market.relocate(salary, start, end)
    if moved.same_percentile is None and start.wages and end.wages and moved.position:
        notes.append(
            f"{money(salary, role.currency)} is {moved.position.label} in {start.place.name}: "
            "no same-percentile "
            "figure without extrapolating"
        )
    same = moved.same_percentile
    return {
        "role": role.role,
        "soc": role.soc,
        "market_soc": start.market_soc or end.market_soc,
        "salary": salary,
        "from_location": start.place.name,
        "from_type": start.place.kind,
        "from_basis": start.basis,
        "to_location": end.place.name,
        "to_type": end.place.kind,
        "to_basis": end.basis,
        "percentile": _percent(moved.position),
        "same_percentile_salary": None if same is None else market.whole_dollars(same),
        "ratio": round(float(moved.ratio), 6),
        "ratio_salary": market.whole_dollars(moved.by_ratio),
        "currency": role.currency,
        "note": "; ".join(notes) or None,
    }
