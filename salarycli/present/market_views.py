"""What `market`, `rank`, `relocate` and `market --by industry` show: the spread of an
occupation's pay where it is, and a salary's place in it (split from views.py)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from salarycli.core import report
from salarycli.core.records import Estimate, Market, Place, Role, Wages
from salarycli.present.render import format_value
from salarycli.present.table import Chart, Column, View
from salarycli.present.views import Shown, _caption, _lines, _where

WAGE_LEVEL_NOTE = (
    "wage levels I-IV are interpolated at the 17th, 34th, 50th and 67th percentiles from the "
    "published ones: an approximation of the Department of Labor's prevailing-wage levels, "
    "not an official determination"
)
MARKET_COLUMNS = (
    Column("statistic", "Statistic"),
    Column("percentile", "Percentile", "number"),
    Column("salary", "Salary", "money"),
)
HOURLY_COLUMNS = (
    Column("statistic", "Statistic"),
    Column("percentile", "Percentile", "number"),
    Column("hourly", "Hourly", "money"),
    Column("hourly_basis", "Hourly figure"),
)
HOURLY_NOTE = (
    "hourly figures are BLS's own where it publishes them (the mean and percentiles); wage "
    "levels and estimates are the yearly figure / 2,080 hours"
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
AGAINST_COLUMNS = (
    Column("estimate", "Estimate for those years", "money"),
    Column("difference", "Difference", "signed_money"),
    Column("difference_percent", "Difference, %", "number"),
    Column("estimate_percentile", "Estimate's percentile", "number"),
)
RELOCATE_COLUMNS = (
    Column("salary", "Salary", "money", currency="from_currency"),
    Column("from_location", "From"),
    Column("to_location", "To"),
    Column("percentile", "Its percentile where paid", "number"),
    Column("same_percentile_salary", "Same percentile at destination", "money"),
    Column("ratio", "Ratio of means (to / from)", "factor"),
    Column("ratio_salary", "Scaled by the ratio of means", "money"),
)
BY_INDUSTRY_COLUMNS = (
    Column("industry_code", "NAICS"),
    Column("industry", "Industry"),
    Column("employment", "Employed", "number"),
    Column("annual_mean", "Mean", "money"),
    Column("p10", "p10", "money"),
    Column("p50", "Median", "money"),
    Column("p90", "p90", "money"),
)


def market(
    role: Role,
    where: Market,
    place: Place,
    rungs: Sequence[Estimate],
    hourly: bool = False,
    growth: Sequence[tuple[str, int]] = (),
) -> Shown:
    """The spread of pay: percentiles, wage levels, the ladder on it, and a bar chart; per
    hour (`hourly`), BLS's hourly figures where it publishes them, else the yearly / 2,080;
    and the occupation's national mean in each release it is comparable across (`growth`)."""
    records = report.market_records(role, where, rungs)
    grown = report.growth_records(records[0], growth) if growth and not hourly else []
    wages = report.distribution(role, where)
    hourly = hourly or where.hourly  # BLS publishes only hourly wages for some occupations
    field = "hourly" if hourly else "salary"
    figures = {record["statistic"]: record[field] for record in records}
    ranks = [rank for rank in (10, 25, 50, 75, 90) if figures.get(f"p{rank}") is not None]
    points = [(rank, figures[f"p{rank}"]) for rank in ranks]
    whose = f" (distribution of SOC {where.market_soc})" if where.market_soc != role.soc else ""
    employed = format_value(wages.employment, "number")
    mean = format_value(figures["mean"], "money") + (" an hour" if hourly else "")
    if wages.annual_mean is None and "annual_mean" in wages.top_coded:
        mean = f"at least {format_value(wages.at_least, 'money')}"  # BLS top-codes it
        mean += " a year" if hourly else ""
    chart = None
    if len(points) >= 2:
        box = (
            (figures["p25"], figures["p75"]) if figures.get("p25") and figures.get("p75") else None
        )
        chart = Chart(
            low=(f"p{points[0][0]}", points[0][1]),
            high=(f"p{points[-1][0]}", points[-1][1]),
            box=box,
            median=figures.get("p50"),
            marks=[(rung.level, figures[rung.level]) for rung in rungs if rung.salary is not None],
        )
    title = f"{role.role} in {place.name}{whose}: {employed} employed, mean {mean}"
    if where.basis != place.kind and place.kind != "national":
        own = where.own.employment if where.own else None
        here = f"{format_value(own, 'number')} employed" if own else "no figures published"
        title = (
            f"{role.role} in {place.name}{whose}: {here} there; {where.basis_name} figures: "
            f"{employed} employed, mean {mean}"
        )
    notes = [n for n in (where.note, None if where.hourly else WAGE_LEVEL_NOTE) if n]
    if hourly and not where.hourly:
        notes.append(HOURLY_NOTE)
    view = View(
        HOURLY_COLUMNS if hourly else MARKET_COLUMNS,
        title=title,
        notes=notes,
        caption=_lines(
            _where(where),
            _grown(grown),
            _caption(rungs) if rungs else f"Source: {where.source}",
        ),
        chart=chart,
    )
    return [*records, *grown], view


def _grown(grown: Sequence[dict[str, Any]]) -> str | None:
    """ "National mean: $101,160 (May 2023) -> $107,050 (May 2024, +5.8%) -> ..." """
    if not grown:
        return None
    steps = [
        f"{format_value(record['salary'], 'money')} ({record['statistic'].split(', ')[1]}"
        + (f", {record['change']})" if record["change"] else ")")
        for record in grown
    ]
    return (
        "National mean, release by release (a year apart): "
        + " -> ".join(steps)
        + "; from BLS OEWS May 2023 and May 2024 (national)"
    )


def rank(
    role: Role,
    where: Market,
    place: Place,
    salary: int,
    rungs: Sequence[Estimate],
    against: Estimate | None = None,
    said: str | None = None,
) -> Shown:
    """Where a salary sits in the occupation's pay there; `against` the estimate for the
    experience asked for. `said` is how the amount was read, when it was not a year's pay."""
    record = report.rank_record(role, where, salary, rungs, against)
    record["note"] = "; ".join(n for n in (said, record["note"]) if n) or None
    title = f"{format_value(salary, 'money')} as {role.role} in {place.name}"
    if record["verdict"]:
        title += f": {record['verdict']}"
    view = View(
        (*RANK_COLUMNS[:1], *(AGAINST_COLUMNS if against else ()), *RANK_COLUMNS[1:]),
        title=title,
        vertical=True,
        notes=[n for n in (said, where.note, WAGE_LEVEL_NOTE) if n],
        caption=_caption(rungs),
    )
    return [record], view


def relocate(role: Role, salary: int, start: Market, end: Market, said: str | None = None) -> Shown:
    """A salary moved from one market to another; `said` is how the amount was read, when it
    was not a year's pay."""
    notes = list(dict.fromkeys(n for n in (said, start.note, end.note) if n))
    record = report.relocate_record(role, salary, start, end, notes)
    sources = [where.source for where in (start, end)]
    view = View(
        RELOCATE_COLUMNS,
        title=f"{format_value(salary, 'money', record['from_currency'])} as {role.role}: "
        f"{start.place.name} -> {end.place.name}",
        vertical=True,
        notes=notes,
        caption="Source: " + "; ".join(dict.fromkeys(sources)),
    )
    return [record], view


def by_industry(role: Role, found: Sequence[tuple[Place, Wages]]) -> Shown:
    """The role's national mean in each industry, highest first, with its employment (an
    industry where BLS publishes no mean comes last)."""
    ranked = sorted(
        found,
        key=lambda item: (item[1].annual_mean is None, -(item[1].annual_mean or 0), item[0].code),
    )
    records = [
        {
            "role": role.role,
            "soc": role.soc or role.reference_soc,
            "industry_code": place.code,
            "industry": place.name,
            "employment": wages.employment,
            "annual_mean": wages.annual_mean,
            "p10": wages.p10,
            "p25": wages.p25,
            "p50": wages.p50,
            "p75": wages.p75,
            "p90": wages.p90,
            "top_coded": ";".join(wages.top_coded) or None,
            "at_least": wages.at_least if wages.top_coded else None,
            "currency": role.currency,
        }
        for place, wages in ranked
    ]
    employed = sum(wages.employment or 0 for _, wages in found)
    title = (
        f"{role.role} by industry: {len(found)} industries (4-digit NAICS) with national "
        f"figures, {format_value(employed, 'number')} employed in them; highest mean first"
    )
    note = (
        "an industry's figures are national; a small one (see Employed) can top the list "
        "without being where most of this occupation works"
    )
    return records, View(
        BY_INDUSTRY_COLUMNS, title=title, notes=[note], caption="Source: BLS OEWS May 2025"
    )
