"""The 2025 tax parameters take-home is computed from: data/tax_2025.csv (federal, state and
New York City income tax, built by scripts/build_tax_table.py), data/payroll_2025.csv (state
payroll contributions) and data/local_taxes_2025.csv (local income taxes and the places they
apply in). Each row names its official source. Read once per process, when --net or
`takehome` first needs them."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from functools import cache

from salarycli.core.exact import Fraction, parse
from salarycli.core.income_tax import Schedule, TaxTable
from salarycli.core.takehome import Contribution, Locality
from salarycli.sources import files

TAXES = "tax_2025.csv"
PAYROLL = "payroll_2025.csv"
LOCAL = "local_taxes_2025.csv"


@cache
def load_tax_table() -> TaxTable:
    values: dict[tuple[str, str, str], Fraction] = {}
    rows: dict[tuple[str, str, str], list[tuple[int, Fraction, Fraction]]] = defaultdict(list)
    for row in files.rows(files.data_dir() / TAXES):
        key = (row["jurisdiction"], row["item"], row["filing"])
        value = parse(row["value"])
        if row["bracket"]:
            rows[key].append((int(row["bracket"]), parse(row["from"]), value))
        else:
            values[key] = value
    schedules: dict[tuple[str, str, str], Schedule] = {
        key: Schedule((start, figure) for _, start, figure in sorted(found))
        for key, found in rows.items()
    }
    return TaxTable(values, schedules)


@cache
def load_contributions() -> dict[str, tuple[Contribution, ...]]:
    """Each state's payroll contributions (USPS code -> contributions)."""
    found: dict[str, list[Contribution]] = defaultdict(list)
    for row in files.rows(files.data_dir() / PAYROLL):
        found[row["state"]].append(
            Contribution(
                field=row["field"],
                name=row["name"],
                rate=Decimal(row["rate"]),
                wage_cap=files.number(row["wage_cap"]),
                annual_max=Decimal(row["annual_max"]) if row["annual_max"] else None,
            )
        )
    return {state: tuple(items) for state, items in found.items()}


@cache
def load_localities() -> dict[str, Locality]:
    """Each place a local income tax applies in (by the name salarycli gives it)."""
    found: dict[str, Locality] = {}
    for row in files.rows(files.data_dir() / LOCAL):
        locality = Locality(
            name=row["locality"],
            state=row["state"],
            rule=row["rule"],
            rate=parse(row["rate"]) if row["rate"] else None,
        )
        for place in row["places"].split(";"):
            found[place] = locality
    return found


@cache
def states_by_name() -> dict[str, str]:
    """Each state's USPS code by its name and by its code, as place_key writes them (for
    --state, "New York" is the state, not the city)."""
    from salarycli.resolve.places import place_key
    from salarycli.sources import load_places

    names: dict[str, str] = {}
    for place in load_places():
        if place.kind == "state" and place.usps:
            names[place_key(place.name)] = place.usps
            names[place_key(place.usps)] = place.usps
    return names
