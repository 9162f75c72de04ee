"""OECD average annual wages (2022, USD at purchasing power parity) for 30 countries: a
whole-economy figure, so a country's market is an approximation (core.market.country_market)."""

from __future__ import annotations

from pathlib import Path

from salarycli.core.records import Place, Wages
from salarycli.sources import files

SOURCE = "oecd-2022"
COUNTRIES = "oecd_average_wages.csv"


class Countries:
    kinds: tuple[str, ...] = ("country",)

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def places(self) -> list[Place]:
        return [
            Place(
                code=row["iso2"],
                name=row["country"],
                kind="country",
                average_wage=int(row["average_annual_wage_usd_ppp"]),
            )
            for row in files.rows(self.folder / COUNTRIES)
        ]

    def wages(self, place: Place, soc: str) -> Wages | None:
        return None  # the OECD table has no figures by occupation
