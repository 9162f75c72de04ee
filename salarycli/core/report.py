"""The records `market`, `rank`, `relocate` and `locations` show, built from a role, its
market and its ladder there. Pure: no I/O, no typer, no rich; the command line hands these
records to present.render.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from salarycli.core import estimator, market
from salarycli.core.exact import Fraction
from salarycli.core.records import (
    CENT,
    Estimate,
    Level,
    Market,
    Place,
    Role,
    Wages,
    hourly_of,
    years_phrase,
)
from salarycli.errors import MissingFigure

Record = dict[str, Any]
PERCENTILES = (10, 25, 50, 75, 90)


def distribution(role: Role, where: Market) -> Wages:
    """The pay distribution of `where`, or MissingFigure when there is none to show (one whose
    percentiles are all top-coded is one: each is at least the top code)."""
    if where.hourly and where.wages is not None:
        return where.wages
    if where.wages is None or not (where.wages.percentiles or where.wages.top_coded):
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
    if where.hourly:  # hourly wages only: BLS's mean and percentiles, nothing yearly
        rungs = []
        points = ()
    statistics: list[tuple[str, float | None, int | None]] = [("mean", None, wages.annual_mean)]
    published = dict(points)
    hourly = dict(zip(PERCENTILES, wages.by_hour[1:], strict=True))
    for rank in PERCENTILES:  # a top-coded percentile is a row too, its figure a lower bound
        if rank in published or f"p{rank}" in wages.top_coded or (where.hourly and hourly[rank]):
            statistics.append((f"p{rank}", rank, published.get(rank)))
    levels = market.wage_levels(points) if points else []
    statistics += [(f"wage level {n}", rank, wage) for n, rank, wage in levels]
    floors = _level_floors(wages, levels)
    statistics += [
        (
            rung.level,
            None if rung.salary is None else _percent(market.position(points, rung.salary)),
            rung.salary,
        )
        for rung in rungs
    ]
    floors.update({rung.level: rung.at_least for rung in rungs if rung.at_least is not None})
    base = {**_where_fields(role, where), "employment": wages.employment}
    names = ("mean", *(f"p{rank}" for rank in PERCENTILES))
    by_hour = dict(zip(names, wages.by_hour, strict=True))
    return [
        {
            **base,
            "statistic": name,
            "percentile": rank,
            "salary": wage,
            # what BLS says of a top-coded figure: at least this much (the salary is then empty)
            "at_least": wages.at_least if name in _capped(wages) else floors.get(name),
            **_hourly(by_hour.get(name), wage),
            "currency": role.currency,
            "note": where.note,
        }
        for name, rank, wage in statistics
    ]


def growth_records(template: Record, growth: Sequence[tuple[str, int]]) -> list[Record]:
    """The occupation's national mean in each release, as market rows: "national mean, May
    2024" with its change from the release before ("+5.8%")."""
    rows = []
    before: int | None = None
    for label, mean in growth:
        change = None if before is None else f"{float(Fraction(mean, before) - 1) * 100:+.1f}%"
        rows.append(
            {
                **{key: None for key in template},
                **{key: template[key] for key in ("role", "soc", "market_soc", "currency")},
                "statistic": f"national mean, {label}",
                "salary": mean,
                "change": change,
                "note": None if change is None else f"{change} from the release before",
            }
        )
        before = mean
    return rows


def _hourly(published: Decimal | None, wage: int | None) -> Record:
    """A figure per hour: BLS's own where it publishes one, else the yearly one / 2,080."""
    if published is not None:
        return {"hourly": published, "hourly_basis": "BLS hourly"}
    if wage is not None:
        return {"hourly": hourly_of(wage), "hourly_basis": "annual / 2,080"}
    return {"hourly": None, "hourly_basis": None}


def _level_floors(wages: Wages, levels: Sequence[tuple[str, int, int | None]]) -> dict[str, int]:
    """What is known of a wage level that falls among top-coded percentiles: at least the top
    code at or above the first of them, else at least the last published percentile below."""
    capped = sorted(int(name[1:]) for name in wages.top_coded if name != "annual_mean")
    if not capped or wages.at_least is None:
        return {}
    floors = {}
    for name, rank, wage in levels:
        if wage is not None:
            continue
        if rank >= capped[0]:
            floors[f"wage level {name}"] = wages.at_least
        else:
            below = [value for point, value in wages.percentiles if point < rank]
            if below:
                floors[f"wage level {name}"] = below[-1]
    return floors


def _placed(wages: Wages, salary: int) -> tuple[float | None, str]:
    """Where `salary` sits among the percentiles, saying only what is known when some are
    top-coded: under the top code, among the published ones below the first top-coded one;
    at or over it, above those (its percentile is not published)."""
    points = wages.percentiles
    capped = sorted(int(name[1:]) for name in wages.top_coded if name != "annual_mean")
    if not capped or wages.at_least is None:
        spot = market.position(points, salary)
        return _percent(spot), spot.label
    below = [(rank, wage) for rank, wage in points if rank < capped[0]]
    if salary < wages.at_least:
        if not below or salary < below[0][1]:
            first = below[0][0] if below else capped[0]
            return None, f"below the {market.ordinal(first)} percentile"
        if salary > below[-1][1]:
            return None, (
                f"between the {market.ordinal(below[-1][0])} and the "
                f"{market.ordinal(capped[0])} percentile"
            )
        spot = market.position(below, salary)
        return _percent(spot), spot.label
    if below:
        return None, f"above the {market.ordinal(below[-1][0])} percentile"
    return None, f"at or above ${wages.at_least:,}, which BLS says every percentile here is"


def _reached(wages: Wages, points: market.Points, salary: int) -> str:
    """The highest wage level `salary` reaches; "at least" it when a level above is known
    only as at least a figure the salary reaches (BLS top-coding)."""
    levels = market.wage_levels(points)
    floors = _level_floors(wages, levels)
    reached, unsure = "below I", False
    for name, _, wage in levels:
        if wage is not None:
            if salary >= wage:
                reached, unsure = name, False
            continue
        floor = floors.get(f"wage level {name}")
        if floor is not None and salary >= floor:
            unsure = True  # it may or may not reach this level
    if unsure and reached == "below I":
        return "not known: BLS top-codes the levels it could reach"
    return f"at least {reached}" if unsure else reached


def _capped(wages: Wages) -> set[str]:
    """The statistics of a market's records that are top-coded: "mean", "p50", ..."""
    return {"mean" if name == "annual_mean" else name for name in wages.top_coded}


def rank_record(
    role: Role,
    where: Market,
    salary: int,
    rungs: Sequence[Estimate],
    against: Estimate | None = None,
) -> Record:
    """Where `salary` sits: its percentile, the wage level it reaches, the nearest level; and,
    `against` the estimate for the experience asked for, how far from it and the verdict."""
    wages = distribution(role, where)
    points = wages.percentiles
    percentile, label = _placed(wages, salary)
    known = [rung for rung in rungs if rung.salary is not None]
    nearest = (
        min(known, key=lambda rung: (abs(estimator.figure_of(rung) - salary), rung.level))
        if known
        else None  # every level's estimate is only a lower bound: none is nearest
    )
    return {
        **_where_fields(role, where),
        "salary": salary,
        "percentile": percentile,
        "position": label,
        "wage_level": _reached(wages, points, salary),
        "nearest_level": nearest.level if nearest else None,
        "nearest_level_salary": nearest.salary if nearest else None,
        **_against(wages, salary, percentile, label, against),
        **{f"p{rank}": getattr(wages, f"p{rank}") for rank in PERCENTILES},
        # the percentiles BLS publishes only as at least `at_least` (their fields are empty)
        "top_coded": sorted(_capped(wages) - {"mean"}, key=lambda name: int(name[1:])) or None,
        "at_least": wages.at_least if wages.top_coded else None,
        "currency": role.currency,
        "note": where.note,
    }


def _against(
    wages: Wages, salary: int, percentile: float | None, label: str, rung: Estimate | None
) -> Record:
    """The offer against the estimate for the years (or level) asked for: the estimate, the
    difference in dollars and percent, the estimate's own percentile, and a verdict a person
    reads ("8% below the estimate for 7 years in Austin, TX; 51st percentile of the market")."""
    fields: Record = dict.fromkeys(
        ("level", "years", "estimate", "difference", "difference_percent", "estimate_percentile")
    )
    fields["verdict"] = None
    if rung is None:
        return fields
    fields.update(level=rung.level, years=rung.years, estimate=rung.salary)
    what = years_phrase(rung.years) if rung.years is not None else f"the {rung.level} level"
    what += " in the United States" if rung.location_type == "national" else f" in {rung.location}"
    market_part = (
        f"{market.ordinal(round(percentile))} percentile of the market"
        if percentile is not None
        else f"{label} of the market"
    )
    if rung.salary is None:  # the estimate is only a lower bound: no difference is known
        bound = estimator.figure_of(rung)
        fields["verdict"] = (
            f"the estimate for {what} is at least ${bound:,} (top-coded by BLS); {market_part}"
        )
        return fields
    difference = salary - rung.salary
    share = difference / rung.salary * 100
    fields.update(
        difference=difference,
        difference_percent=round(share, 1),
        estimate_percentile=_placed(wages, rung.salary)[0],
    )
    side = "at" if round(share) == 0 else f"{abs(share):.0f}% {'below' if share < 0 else 'above'}"
    fields["verdict"] = f"{side} the estimate for {what}; {market_part}"
    return fields


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
        "from_currency": market.currency_at(role.currency, start),
        "currency": market.currency_at(role.currency, end),
        "note": "; ".join(notes) or None,
    }


HOURLY_ESTIMATE = "BLS hourly mean x multiplier"


def hourly_estimates(
    role: Role, where: Market, levels: Sequence[Level], years: float | None
) -> list[Record]:
    """Estimates per hour for an occupation BLS publishes only hourly wages for: the area's
    hourly mean x each level's multiplier, to the cent; no yearly figure (`salary` empty)."""
    wages = where.wages
    assert where.hourly and wages is not None
    mean = wages.by_hour[0]
    assert mean is not None
    hourly = wages.by_hour
    least = where.floor.hourly if where.floor and role.currency == "USD" else None
    return [
        {
            "role": role.role,
            "soc": role.soc,
            "level": level.level,
            "years": years,
            "multiplier": level.multiplier,
            "base_hourly": mean,
            "hourly": _at_least(mean * level.multiplier, least),
            "hourly_basis": HOURLY_ESTIMATE,
            "salary": None,
            "currency": role.currency,
            "source": where.source,
            "level_years": level.years_label,
            "location": where.place.name,
            "location_type": where.place.kind,
            "location_basis": where.basis,
            "location_factor": round(float(where.factor), 6),
            "p25_hourly": hourly[2],
            "p75_hourly": hourly[4],
            "market_soc": where.market_soc,
            "note": "; ".join(filter(None, (where.note, _floor_note(where, mean, level, least))))
            or None,
        }
        for level in levels
    ]


def _at_least(hourly: Decimal, least: Decimal | None) -> Decimal:
    """An hourly figure to the cent, half up, and never below the minimum wage `least`."""
    cents = hourly.quantize(CENT, ROUND_HALF_UP)
    return cents if least is None else max(cents, least)


def _floor_note(where: Market, mean: Decimal, level: Level, least: Decimal | None) -> str | None:
    """The note of an hourly level raised to the minimum wage where it is."""
    figure = (mean * level.multiplier).quantize(CENT, ROUND_HALF_UP)
    if least is None or figure >= least or where.floor is None:
        return None
    return (
        f"the {level.level} figure, ${figure} an hour, is below the minimum wage in "
        f"{where.floor.where} (${least} an hour from {where.floor.effective}): raised to it"
    )
