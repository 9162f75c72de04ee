"""What each command shows: its records, and for tables the title, columns, notes, caption and
chart around them. Pure functions of what the session answered; tested into a StringIO."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from salarycli.core import report
from salarycli.core.estimator import ranked
from salarycli.core.market import base_there, currency_at, ordinal
from salarycli.core.record import fields
from salarycli.core.records import (
    Dataset,
    Estimate,
    Level,
    Market,
    Place,
    Role,
    hourly_of,
    role_row,
    years_phrase,
)
from salarycli.present.render import format_value
from salarycli.present.table import Column, Pivot, View, cell_text
from salarycli.resolve.answer import Answer

Shown = tuple[list[dict[str, Any]], View]  # records, and how a table shows them

LADDER_COLUMNS = (
    Column("level", "Level"),
    Column("level_years", "Years"),
    Column("multiplier", "Multiplier", "multiplier"),
    Column("salary", "Salary", "money"),
)
LOCATION = Column("location", "Location")
COMPARE_COLUMNS = (
    Column("role", "Role"),
    Column("level", "Level"),
    Column("salary", "Salary", "money"),
    Column("difference_to_top", "Difference", "signed_money"),
)
ROLE_COLUMNS = (
    Column("role", "Role"),
    Column("soc", "SOC"),
    Column("group", "Group"),
    Column("base_salary", "Base salary", "money"),
)
LOCATION_COLUMNS = (
    Column("location", "Location"),
    Column("location_type", "Type"),
    Column("code", "Code"),
    Column("cities", "Principal cities"),
)
INDUSTRY_COLUMNS = (
    Column("industry_code", "Code"),
    Column("industry", "Industry"),
    Column("level", "Level", "number"),
)
LEVEL_COLUMNS = (
    Column("level", "Level"),
    Column("level_years", "Years"),
    Column("multiplier", "Multiplier", "multiplier"),
    Column("percentile", "Percentile"),
)


def estimate_records(items: Sequence[Estimate], **extra: Sequence[Any]) -> list[dict[str, Any]]:
    """Estimates as records in field order, plus `extra` columns."""
    names = list(fields(Estimate))
    rows = [{name: getattr(item, name) for name in names} for item in items]
    for key, values in extra.items():
        for row, value in zip(rows, values, strict=True):
            row[key] = value
    return rows


def _caption(items: Sequence[Estimate | Role]) -> str:
    labels = [label for item in items for label in item.source.split("; ")]
    return "Source: " + "; ".join(dict.fromkeys(labels))


def _where(where: Market) -> str:
    """One line on the place an estimate is for, and the factor applied."""
    if where.basis == "national" and where.place.kind == "national":
        return ""
    if where.basis == "country":
        return f"Location: {where.place.name}, factor {float(where.factor):.4f} (approximate)"
    if where.basis == "industry":
        return (
            f"Industry: {where.place.name} ({where.place.code}), national figures for SOC "
            f"{where.market_soc}, factor {float(where.factor):.4f}"
        )
    whose = where.basis
    if where.place.located and where.basis == "metro":  # a city's figures are its metro's
        whose = f"{where.basis_name} metro"
    return (
        f"Location: {where.place.name}, {whose} figures for SOC {where.market_soc}, "
        f"factor {float(where.factor):.4f}"
    )


def _reference(role: Role, where: Market) -> str:
    """Says whose distribution the market figures are, when not the role's own occupation."""
    if role.soc or not where.market_soc:
        return ""
    return f"Market figures: SOC {where.market_soc}, the reference occupation of {role.role}"


def _lines(*lines: str | None) -> str:
    return "\n".join(line for line in lines if line)


def _notes(items: Sequence[Estimate]) -> list[str]:
    return list(dict.fromkeys(item.note for item in items if item.note))


def estimate(answer: Answer, explain: bool) -> Shown:
    """One estimate, or the role's whole ladder."""
    found, where, place = answer.match.role, answer.market, answer.place
    place_text = "" if place.kind == "national" else f" in {place.name}"
    mean_there = base_there(found, where)
    if answer.aging is not None:
        mean_there = answer.aging.money(mean_there)
    base = format_value(mean_there, "money", currency_at(found.currency, where))
    if where.lower_bound:  # built on a top-coded wage: every figure is at least this
        base = f"at least {base}"
    if where.factor != 1:  # the base the estimate uses there, and the one it was scaled from
        published = found.base_salary
        if answer.aging is not None:
            published = answer.aging.money(published)
        unscaled = format_value(published, "money", found.currency)
        whose = f" on {where.basis_name} figures" if where.basis_name != place.name else ""
        base += f"{whose} ({unscaled} x {float(where.factor):.4f})"
    how = answer.match.explanation if explain else None
    records = estimate_records(answer.estimates)
    occupation = answer.market_title or (f"SOC {where.market_soc}" if where.market_soc else "")
    market = f"{occupation} market" if occupation else "Market"
    ranked = answer.ranked
    there = " there" if place.kind != "national" else ""
    mean = (f"mean{there}" if ranked else "base salary") + f" {base}"
    sure = _sure(answer.estimates[0].confidence)
    if answer.whole_ladder:
        spread = cell_text(records[0], Column("p25", "", "range", "p75"))
        caption = _lines(
            how,
            _where(where),
            _reference(found, where),
            f"{market}, 25th-75th percentile: " + spread,
            sure,
            _caption(answer.estimates),
        )
        title = (
            f"{found.role}{place_text}: each level a percentile of pay for {occupation}; {mean}"
            if ranked
            else f"{found.role}{place_text}: {mean} x each level's multiplier"
        )
        notes = [note for note in (answer.match.note, where.note) if note]
        return records, View(LADDER_COLUMNS, title=title, caption=caption, notes=notes)
    result = answer.estimates[0]
    years = result.years
    years_text = f" with {years_phrase(years)}" if years is not None else ""
    view = View(
        (*LADDER_COLUMNS, Column("p25", f"{market} p25-p75", "range", "p75")),
        title=f"{found.role}{years_text}{place_text}: {_said(result, occupation)}; {mean}",
        caption=_lines(
            how, _where(where), _reference(found, where), _spans(result), sure, _caption([result])
        ),
        notes=[result.note] if result.note else [],
    )
    return records, view


def _spans(result: Estimate) -> str | None:
    """ "Experienced spans $114,727-$136,999 here: its ranks of the distribution" """
    if result.level_low is None or result.level_high is None:
        return None
    low = format_value(result.level_low, "money", result.currency)
    high = format_value(result.level_high, "money", result.currency)
    return f"{result.level} spans {low}-{high} here: halfway to the levels either side"


def _sure(confidence: str | None) -> str | None:
    """ "Confidence: high (...)" for a table; machine formats carry the field itself."""
    if confidence is None:
        return None
    return (
        f"Confidence: {confidence}, by BLS's relative standard errors of the figures it rests on "
        "(high: mean wage within 5% and employment within 10%; medium: 10% and 25%)"
    )


def _said(result: Estimate, occupation: str) -> str:
    """ "$127,870 at Experienced, the 55th percentile of pay for Civil Engineers" """
    figure = result.salary if result.salary is not None else result.at_least
    money = format_value(figure, "money", result.currency)
    text = f"{money if result.salary is not None else 'at least ' + money} at {result.level}"
    if result.percentile is not None and occupation:
        text += f", the {ordinal(round(result.percentile))} percentile of pay for {occupation}"
    return text


HOURLY_ESTIMATE_COLUMNS = (
    Column("level", "Level"),
    Column("level_years", "Years"),
    Column("multiplier", "Multiplier", "multiplier"),
    Column("hourly", "Hourly", "money"),
)


def hourly_estimate(
    role: Role, where: Market, place: Place, levels: Sequence[Level], years: float | None
) -> Shown:
    """Estimates per hour for an occupation BLS publishes only hourly wages for."""
    records = report.hourly_estimates(role, where, levels, years)
    years_text = f" with {years_phrase(years)}" if years is not None else ""
    place_text = "" if place.kind == "national" else f" in {place.name}"
    mean = format_value(records[0]["base_hourly"], "money")
    low, high = records[0]["p25_hourly"], records[0]["p75_hourly"]
    spread = f"{format_value(low, 'money')}-{format_value(high, 'money')}" if low and high else None
    view = View(
        HOURLY_ESTIMATE_COLUMNS,
        title=f"{role.role}{years_text}{place_text}: BLS hourly mean {mean} (no yearly figure)",
        notes=[n for n in (where.note,) if n],
        caption=_lines(
            _where(where),
            f"Market 25th-75th percentile: {spread} an hour" if spread else None,
            f"Source: {where.source}",
        ),
    )
    return records, view


def compare_ladders(tidy: Sequence[Estimate], local: bool) -> Shown:
    """Every level of each role (and place), one row each."""
    rows = ("role", "location") if local else ("role",)
    pivot = Pivot(row=rows, column="level", value="salary")
    header = (Column("role", "Role, location" if local else "Role"),)
    view = View(header, caption=_caption(tidy), pivot=pivot, notes=_notes(tidy))
    return estimate_records(tidy), view


def compare_ranked(
    results: Sequence[Estimate], level: Level, years: float | None, local: bool
) -> Shown:
    """One level of each role (and place), sorted high to low, with the gap to the top."""
    ordered = ranked(results)
    items = [item for item, _ in ordered]
    records = estimate_records(items, difference_to_top=[gap for _, gap in ordered])
    title = f"At {level.level}" + (f", {years_phrase(years)}" if years is not None else "")
    columns = COMPARE_COLUMNS if not local else (COMPARE_COLUMNS[0], LOCATION, *COMPARE_COLUMNS[1:])
    return records, View(columns, title=title, caption=_caption(items), notes=_notes(items))


PER_HOUR_NOTE = "per hour: each estimate / 2,080 hours, as BLS annualises hourly wages"


LINES_COLUMNS = (
    Column("query", "Typed"),
    Column("role", "Role"),
    Column("level", "Level"),
    Column("salary", "Salary", "money"),
    Column("location", "Location"),
    Column("error", "Why not"),
)


def lines_table(records: list[dict[str, Any]]) -> Shown:
    """`estimate -` at a terminal: a row per line typed, its estimate or why there is none."""
    count = f"{len(records)} role" + ("" if len(records) == 1 else "s")
    return records, View(LINES_COLUMNS, caption=count)


def per_hour(shown: Shown) -> Shown:
    """Estimates shown per hour: each record gains `hourly` (its salary / 2,080, to the cent)
    and `hourly_basis`; the table shows the hourly figure in the salary's place."""
    records, view = shown
    for record in records:
        salary = record.get("salary")
        record["hourly"] = hourly_of(salary) if salary is not None else None
        record["hourly_basis"] = "annual / 2,080" if salary is not None else None
    columns = [
        Column("hourly", "Hourly", "money") if column.field == "salary" else column
        for column in view.columns
        if column.kind not in ("range", "signed_money")  # yearly ranges and differences
    ]
    pivot = view.pivot._replace(value="hourly") if view.pivot else None
    notes = [*view.notes, PER_HOUR_NOTE]
    return records, view._replace(columns=columns, pivot=pivot, notes=notes)


def per_hour_fields(shown: Shown, published: dict[str, Any], note: str) -> Shown:
    """A vertical view (rank, relocate) per hour: each money field gains `<field>_hourly`, the
    figure BLS publishes per hour where `published` has it, else the yearly one / 2,080; the
    table shows those in the yearly figures' places."""
    records, view = shown
    money = [column for column in view.columns if column.kind in ("money", "signed_money")]
    for record in records:
        for column in money:
            value = record.get(column.field)
            hourly = published.get(column.field)
            if hourly is None and value is not None:
                hourly = hourly_of(value)
            record[f"{column.field}_hourly"] = hourly
    columns = [
        column._replace(field=f"{column.field}_hourly", header=f"{column.header}, per hour")
        if column in money
        else column
        for column in view.columns
    ]
    return records, view._replace(columns=columns, notes=[*view.notes, note])


def roles(found: Sequence[Role]) -> Shown:
    records = [role_row(role) for role in found]
    count = f"{len(found)} role" + ("" if len(found) == 1 else "s")
    return records, View(ROLE_COLUMNS, caption=count)


def locations(found: Sequence[Place]) -> Shown:
    records = [report.place_record(place) for place in found]
    count = f"{len(found)} place" + ("" if len(found) == 1 else "s")
    return records, View(LOCATION_COLUMNS, caption=count)


def industries(found: Sequence[Place]) -> Shown:
    records = [
        {"industry_code": place.code, "industry": place.name, "level": int(place.state_code or 0)}
        for place in found
    ]
    count = f"{len(found)} industr" + ("y" if len(found) == 1 else "ies")
    return records, View(INDUSTRY_COLUMNS, caption=count + " (level: 2 sector ... 5 6-digit)")


def level_record(level: Level) -> dict[str, Any]:
    return {
        "level": level.level,
        "level_years": level.years_label,
        "min_years": level.min_years,
        "max_years": level.max_years,
        "multiplier": level.multiplier,
        "percentile": level.percentile,
    }


def levels(data: Dataset, seed_source: str) -> Shown:
    records = [level_record(level) for level in data.levels]
    ranked = any(level.percentile for level in data.levels)
    caption = _lines(
        "Multiplier: the seed's (Machine Learning Engineer, and roles of your data without "
        "percentiles); Percentile: where the level sits in an OEWS occupation's own distribution"
        if ranked
        else None,
        "Source: "
        + data.sources[seed_source].label
        + ("; percentiles fitted on DOL LCA offers (benchmarks/real_pay.py)" if ranked else ""),
    )
    return records, View(LEVEL_COLUMNS, caption=caption)
