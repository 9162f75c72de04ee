"""What a salary buys where it is paid: BEA's Regional Price Parities (RPP), pure.

A parity is an area's price level for all items (and for goods, housing, utilities and other
services), the US = 100. A salary in national-average dollars is salary x 100 / RPP: what it
buys at the prices of the country as a whole. Moving a salary so that it buys the same is
salary x RPP(destination) / RPP(origin).

Which parity an estimate's place takes (`parity_code`): a metro area's own (BEA's MSAs are the
OEWS metro areas, by CBSA code); an OEWS nonmetropolitan area, or a city, ZIP code or county
outside every metro area, its state's nonmetropolitan portion; a state its own; a city inside
a metro area that metro's; the nation and national industry figures 100. A country has none
(its figures are in PPP dollars already), nor has an area BEA does not price (Puerto Rico and
the other territories).
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from salarycli.core.record import record
from salarycli.core.records import Place

NATION = "00000"
HUNDRED = Decimal(100)


@record
class Parity:
    code: str  # BEA GeoFIPS
    kind: str  # nation, state, metro, state-metro, state-nonmetro, nation-nonmetro
    name: str
    year: int
    all_items: Decimal
    goods: Decimal
    housing: Decimal
    utilities: Decimal
    other: Decimal

    @property
    def label(self) -> str:
        """Where and when, as notes say it: "San Jose-Sunnyvale-Santa Clara, CA, 2024"."""
        name = self.name.removesuffix(" (Metropolitan Statistical Area)")
        return f"{name}, {self.year}"


def parity_code(place: Place) -> str | None:
    """The BEA area whose prices hold at `place` (see the module's doc), or None."""
    if place.kind in ("national", "industry"):
        return NATION
    if place.kind == "country":
        return None
    if place.located:  # a city, ZIP code or county: its metro's, else its state's nonmetro
        if place.within is not None:
            return parity_code(place.within)
        return f"{place.state_code}999" if place.state_code else None
    if place.kind == "state":
        return f"{place.state_code}000" if place.state_code else None
    if place.kind == "metro":
        if place.code.startswith("00"):  # an MSA: 00 and its CBSA code
            return place.code[2:]
        return f"{place.state_code}999" if place.state_code else None  # a nonmetro area
    return None


def parity_for(place: Place, table: Mapping[str, Parity]) -> Parity | None:
    code = parity_code(place)
    return table.get(code) if code else None


def in_national_dollars(amount: int | Decimal, parity: Parity) -> int:
    """What `amount` paid at `parity`'s prices buys at national-average prices, whole dollars
    (half up)."""
    value = Decimal(amount) * HUNDRED / parity.all_items
    return int(value.quantize(Decimal(1), ROUND_HALF_UP))


def real(amount: int | Decimal | None, parity: Parity | None) -> int | None:
    """in_national_dollars, or None where the amount or the price level is missing."""
    return None if amount is None or parity is None else in_national_dollars(amount, parity)


def same_buying_power(amount: int | Decimal, start: Parity, end: Parity) -> int:
    """The salary at `end` that buys what `amount` buys at `start`, whole dollars (half up)."""
    value = Decimal(amount) * end.all_items / start.all_items
    return int(value.quantize(Decimal(1), ROUND_HALF_UP))


def price_fields(
    salary: int | Decimal | None, at_least: int | None, parity: Parity | None
) -> dict[str, Any]:
    """The fields `--real` adds to an estimate's record: the parity used, and the salary (or,
    for a top-coded figure, its lower bound) in national-average dollars."""
    if parity is None:
        return dict.fromkeys(("rpp", "rpp_area", "rpp_year", "real_salary", "real_at_least"))
    return {
        "rpp": float(parity.all_items),
        "rpp_area": parity.name,
        "rpp_year": parity.year,
        "real_salary": real(salary, parity),
        "real_at_least": real(at_least, parity),
    }
