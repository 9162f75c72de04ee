"""BLS OEWS May 2025 by industry: every occupation's national figures in each of 443 NAICS
industries (sectors to 6-digit industries, as BLS publishes them).

The build (scripts/build_data.py) writes oews_industries.csv (code, name, level, and where its
rows are) and oews_industry_wages.zlib: each industry's rows, in the columns of the area tables,
as one zlib block. An industry is read and inflated by itself (about 0.2 ms); ranking an
occupation across industries inflates them all (about 40 ms).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from salarycli.core.records import Place, Wages
from salarycli.errors import DataError
from salarycli.sources import files, oews

LISTING = "oews_industries.csv"
WAGES = "oews_industry_wages.zlib"
KIND = "industry"  # the Place kind an industry is, as a market


class Industries:
    """The industries OEWS publishes national figures for, each as a Place of kind
    "industry" (`code` its BLS industry code, `state_code` its display level)."""

    kinds: tuple[str, ...] = (KIND,)

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._areas = oews.Areas(folder)

    @cache  # noqa: B019 (one instance per data folder, kept for the process)
    def places(self) -> list[Place]:
        at, rows = files.table(self.folder / LISTING)
        return [
            Place(
                code=row[at["code"]],
                name=row[at["industry"]],
                kind=KIND,
                state_code=row[at["level"]],
                offset=int(row[at["offset"]]),
                length=int(row[at["length"]]),
            )
            for row in rows
        ]

    def wages(self, place: Place, soc: str) -> Wages | None:
        """One occupation's national figures in one industry; None where BLS published none."""
        block = self._block(place)
        start = block.find(f"\n{place.code},{soc},")
        if start < 0:
            return None
        return self._areas.parse(block[start + 1 : block.index("\n", start + 1)])

    def across(self, soc: str, level: str) -> list[tuple[Place, Wages]]:
        """One occupation's figures in every industry of a display level ("4": the 4-digit
        NAICS industries BLS's occupation profiles rank), where BLS published any."""
        found = []
        for place in self.places():
            if place.state_code == level and place.length:
                wages = self.wages(place, soc)
                if wages is not None:
                    found.append((place, wages))
        return found

    def _block(self, place: Place) -> str:
        import zlib  # only industries need it

        path = self.folder / WAGES
        try:
            with path.open("rb") as stream:
                stream.seek(place.offset)
                return zlib.decompress(stream.read(place.length)).decode("utf-8")
        except (OSError, zlib.error) as error:
            raise DataError(f"cannot read {path}: {error}") from error
