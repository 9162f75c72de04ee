"""The minimum wage that applies where an estimate is for (data/min_wages.csv).

The table holds each state's (and DC's) minimum wage in effect on 12 May 2025, the OEWS May
2025 reference date, and the cities and counties with a higher one that salarycli resolves,
each row with its source. A state without a minimum wage law, or with one below the federal
minimum, carries the federal $7.25. Sub-state rates are read by the place's own name: a city or
county in the table gets its rate; any other place in the state gets the state's row, which is
the lowest rate a region of the state has (New York outside New York City, Long Island and
Westchester; Oregon's non-urban counties). A metro area asked for by a principal city gets
the city's rate, else its state's; a metro area spanning states gets the lowest of their rates;
the nation gets the federal minimum. So the floor is never above what applies.
"""

from __future__ import annotations

from decimal import Decimal
from functools import cache

from salarycli.core.records import MinimumWage, Place
from salarycli.sources import files, usps_by_fips

MIN_WAGES = "min_wages.csv"


@cache
def load() -> tuple[dict[str, MinimumWage], dict[str, MinimumWage]]:
    """The table's rows: by place name (cities, counties), and by USPS code (states, and
    "US")."""
    folder = files.data_dir()
    named: dict[str, MinimumWage] = {}
    states: dict[str, MinimumWage] = {}
    for row in files.rows(folder / MIN_WAGES):
        wage = MinimumWage(
            hourly=Decimal(row["hourly"]),
            where=row["name"],
            effective=row["effective"],
            source=row["source"],
            url=row["url"],
        )
        if row["kind"] in ("state", "national"):
            states[row["state"]] = wage
        else:
            named[row["name"]] = wage
    return named, states


def applying(place: Place) -> MinimumWage | None:
    """The minimum wage of a US place (None: a country, or a place in no state salarycli
    has a minimum wage for, such as a territory)."""
    named, states = load()
    if place.kind == "country":
        return None
    if place.kind in ("national", "industry"):
        return states.get("US")
    for name in (place.city, place.name):
        if name in named:
            return named[name]
    if place.kind == "metro" and place.states and place.city is None:
        found = [states[code] for code in place.states if code in states]
        return min(found, key=lambda wage: wage.hourly) if len(found) == len(place.states) else None
    code = place.usps or usps_by_fips().get(place.state_code or "")
    return states.get(code or "")
