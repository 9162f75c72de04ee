"""What `salarycli data` shows: the sources and counts loaded (info), and the tables it exports
(roles, levels, places and BLS's state and metro wages) for DuckDB, pandas or a spreadsheet."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from salarycli.core import report
from salarycli.core.records import WAGE_FIELDS, Dataset, Place, Source, Wages, role_row
from salarycli.present.render import Record
from salarycli.present.table import Column, View
from salarycli.present.views import Shown

SOURCE_FIELDS = (
    "id",
    "label",
    "publisher",
    "title",
    "release",
    "published",
    "retrieved",
    "url",
    "via",
    "license",  # the credit each licence asks for (O*NET, simplemaps: CC BY 4.0)
)
SOURCE_COLUMNS = (
    *(Column(name, name.capitalize()) for name in SOURCE_FIELDS),
    Column("checksums", "Checksums"),
)
EXPORT_COLUMNS: dict[str, tuple[Column, ...]] = {
    "roles": (
        Column("role", "Role"),
        Column("soc", "SOC"),
        Column("base_salary", "Base salary", "money"),
    ),
    "levels": (
        Column("level", "Level"),
        Column("min_years", "From"),
        Column("max_years", "To"),
        Column("multiplier", "Multiplier", "multiplier"),
        Column("percentile", "Percentile"),
    ),
    "places": (
        Column("location", "Location"),
        Column("location_type", "Type"),
        Column("code", "Code"),
    ),
}


WAGE_EXPORT_FIELDS = (
    "area_code", "area_type", "area", "state_code", "soc", "employment", "annual_mean",
    "p10", "p25", "p50", "p75", "p90", "top_coded", "at_least", "hourly_mean", "h10", "h25",
    "h50", "h75", "h90",
)  # fmt: skip


def wage_records(rows: Iterable[tuple[Place, str, Wages]]) -> Iterator[dict[str, Any]]:
    """The state and metro tables as tidy records (one per area and occupation), streamed:
    BLS's figures as published, hourly ones included, empty where unpublished."""
    for place, soc, wages in rows:
        hourly = wages.by_hour
        yield {
            "area_code": place.code,
            "area_type": place.kind,
            "area": place.name,
            "state_code": place.state_code,
            "soc": soc,
            **{name: getattr(wages, name) for name in WAGE_FIELDS},
            "top_coded": ";".join(wages.top_coded) or None,
            "at_least": wages.at_least if wages.top_coded else None,
            **dict(zip(("hourly_mean", "h10", "h25", "h50", "h75", "h90"), hourly, strict=True)),
        }


def export(what: str, data: Dataset, places: Sequence[Place]) -> Shown:
    """A loaded table as tidy records; an exported roles csv reads back in as --data."""
    records: list[dict[str, Any]]
    if what == "roles":
        records = [role_row(role) for role in data.roles]
    elif what == "levels":
        records = [
            {name: getattr(level, name) for name in ("level", "min_years", "max_years")}
            | {"multiplier": level.multiplier, "percentile": level.percentile}
            for level in data.levels
        ]
    else:
        records = [report.place_record(place) for place in places]
    return records, View(EXPORT_COLUMNS[what])


def source_record(source: Source) -> dict[str, Any]:
    return {
        **{name: getattr(source, name) for name in SOURCE_FIELDS},
        "checksums": "; ".join(f"{k}={v}" for k, v in source.checksums.items()) or None,
    }


def data_info(
    data: Dataset,
    counts: dict[str, int],
    path: str | None,
    only: bool,
    user_counts: dict[str, int],
    single_document: bool,
) -> Shown:
    """What is loaded. As json, one document: the sources, the counts and the user's data."""
    records = [source_record(source) for source in data.sources.values()]
    user: Record | None = {"path": path, "only_data": only, **user_counts} if path else None
    if single_document:
        return [{"sources": records, "counts": counts, "user_data": user}], View()
    summary = ", ".join(f"{count:,} {name}" for name, count in counts.items())
    if path:
        mine = ", ".join(f"{count} {name}" for name, count in user_counts.items())
        summary += f"; your data: {path} ({mine}" + (", used alone)" if only else ")")
    return records, View(SOURCE_COLUMNS, title=f"Loaded: {summary}", vertical=True)


def title_records(rows: Iterable[dict[str, str]]) -> Iterator[dict[str, Any]]:
    """The title index as tidy records: a normalised title, the role it names (a SOC code or
    a featured role's name; empty when the title is ambiguous) and how it was decided."""
    for row in rows:
        yield {
            "title": row["title"],
            "role": row["role"] or None,
            "others": row["others"] or None,
            "basis": row["basis"],
        }


def place_index_records(
    places: Sequence[Place], located: Iterable[dict[str, str]]
) -> Iterator[dict[str, Any]]:
    """Every name a US place answers to, as place_key writes it (case folded, "." and ","
    dropped, spaces collapsed): the nation, a state by its name and USPS code, a metro area by
    its BLS name, and every city, ZIP code and county; each with the OEWS metro area whose
    figures it takes (empty: none), the state (FIPS) it falls back to and the minimum wage
    there (sources.min_wages: dollars an hour; empty: none known)."""
    from salarycli.resolve.places import place_key

    nation = Place("US", "United States", "national")
    for name in ("United States", "US"):
        yield _indexed(place_key(name), nation, None, None)
    for place in places:
        if place.kind == "state":
            for name in (place.name, place.usps or ""):
                if name:
                    yield _indexed(place_key(name), place, None, place.state_code)
        elif place.kind == "metro":
            yield _indexed(place_key(place.name), place, place.code, place.state_code)
    for row in located:
        here = Place("", row["name"], row["kind"], state_code=row["state"])
        yield _indexed(row["key"], here, row["area"] or None, row["state"])


def _indexed(key: str, place: Place, area: str | None, state: str | None) -> dict[str, Any]:
    from salarycli.sources.min_wages import applying

    wage = applying(place)
    return {
        "key": key,
        "kind": place.kind,
        "name": place.name,
        "area_code": area,
        "state_code": state,
        "min_wage": None if wage is None else str(wage.hourly),
    }
