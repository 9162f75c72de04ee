"""BLS OEWS May 2025: every occupation's national figures, and its state and metro figures.

The build script (scripts/build_data.py) writes the oews_* files; each area's rows sit together
in oews_state.csv or oews_metro.csv, and oews_areas.csv gives their byte range, so one area is
read by itself.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from pathlib import Path

from salarycli.core.record import replace
from salarycli.core.records import Place, Role, Wages
from salarycli.errors import DataError
from salarycli.sources import files

SOURCE = "bls-oews-2025"
CURRENCY = "USD"
OCCUPATIONS = "oews_occupations.csv"
NATIONAL = "oews_national.csv"
FOOTNOTES = "oews_footnotes.csv"
TOP_CODE_NOTE = "5"  # BLS's footnote for a wage published only as a lower bound
AREAS = "oews_areas.csv"
AREA_FILES = {"state": "oews_state.csv", "metro": "oews_metro.csv"}
STATES = "states.csv"


def roles(folder: Path, source: str) -> dict[str, Role]:
    """The OEWS national roles by SOC code, in SOC order."""
    footnotes = {row["code"]: row["text"] for row in files.rows(folder / FOOTNOTES)}
    columns, found = files.table(folder / NATIONAL)
    wages = {row[columns["soc"]]: row for row in found}
    figure = [
        columns[name] for name in ("employment", "annual_mean", "p10", "p25", "p50", "p75", "p90")
    ]
    note = columns["annual_mean_footnote"]
    hourly_at = columns["hourly"]
    names, occupations = files.table(folder / OCCUPATIONS)
    soc_at, title_at, group_at = names["soc"], names["title"], names["major_group"]
    by_soc: dict[str, Role] = {}
    number = files.number
    for occupation in occupations:
        soc, title = occupation[soc_at], occupation[title_at]
        row = wages[soc]
        employment, mean, p10, p25, p50, p75, p90 = (number(row[at]) for at in figure)
        figures = Wages(employment, mean, p10, p25, p50, p75, p90, hourly=row[hourly_at])
        missing_reason = None
        if figures.annual_mean is None:
            missing_reason = f"BLS OEWS May 2025 publishes no annual mean wage for {title}"
            if row[note] in footnotes:
                missing_reason += f" ({footnotes[row[note]]})"
        by_soc[soc] = Role(
            role=title,
            soc=soc,
            title=title,
            group=occupation[group_at],
            base_salary=figures.annual_mean,
            currency=CURRENCY,
            source=source,
            wages=figures,
            missing_reason=missing_reason,
            ranked=True,
        )
    return by_soc


class Areas:
    """The states, metro and nonmetro areas OEWS publishes, and their figures."""

    kinds: tuple[str, ...] = ("state", "metro")

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._top_code: int | None = None

    def places(self) -> list[Place]:
        usps = {row["state_code"]: row["usps"] for row in files.rows(self.folder / STATES)}
        at, areas = files.table(self.folder / AREAS)
        code, kind, state, name = at["area_code"], at["area_type"], at["state_code"], at["area"]
        cities, states, offset, length = at["cities"], at["states"], at["offset"], at["length"]
        return [
            Place(
                code=row[code],
                name=row[name],
                kind=row[kind],
                state_code=row[state],
                usps=usps.get(row[state]) if row[kind] == "state" else None,
                cities=tuple(row[cities].split(";")) if row[cities] else (),
                states=tuple(row[states].split(";")) if row[states] else (),
                offset=int(row[offset]),
                length=int(row[length]),
            )
            for row in areas
        ]

    def wages(self, place: Place, soc: str) -> Wages | None:
        """One occupation's figures in a state or metro area, or None where BLS has no row.

        Reads only that area's block of its file (offset and length from oews_areas.csv)."""
        if place.kind not in AREA_FILES or not place.length:
            return None
        path = self.folder / AREA_FILES[place.kind]
        try:
            with path.open("rb") as stream:
                stream.seek(place.offset)
                block = stream.read(place.length).decode("utf-8")
        except OSError as error:
            raise DataError(f"cannot read {path}: {error.strerror}") from error
        start = block.find(f"{place.code},{soc},")
        if start < 0:
            return None
        return self.parse(block[start : block.index("\n", start)])

    def rows(self) -> Iterator[tuple[Place, str, Wages]]:
        """Every (area, SOC code, figures) of the state and metro tables, in file order: what
        `data export --what wages` writes."""
        areas = {place.code: place for place in self.places()}
        for kind in self.kinds:
            path = self.folder / AREA_FILES[kind]
            with path.open(encoding="utf-8", newline="") as stream:
                next(stream)  # the header
                for line in stream:
                    area, soc = line.split(",", 2)[:2]
                    yield areas[area], soc, self.parse(line.rstrip("\n"))

    def parse(self, line: str) -> Wages:
        """One row of the area (or industry) tables: code, soc, figures, top_coded, hourly."""
        _, _, *figures, capped, hourly = next(csv.reader([line]))
        employment, mean, p10, p25, p50, p75, p90 = (files.number(value) for value in figures)
        wages = Wages(employment, mean, p10, p25, p50, p75, p90, hourly=hourly)
        if capped:
            wages = replace(wages, top_coded=tuple(capped.split(";")), at_least=self.top_code())
        return wages

    def top_code(self) -> int:
        """The wage BLS publishes figures at or above only as "equal to or greater than" it
        (footnote 5 of the release: "... or $239,200 per year")."""
        if self._top_code is None:
            footnotes = {row["code"]: row["text"] for row in files.rows(self.folder / FOOTNOTES)}
            found = re.search(r"\$([\d,]+) per year", footnotes.get(TOP_CODE_NOTE, ""))
            if found is None:
                raise DataError(f"{FOOTNOTES}: footnote {TOP_CODE_NOTE} names no yearly top code")
            self._top_code = int(found[1].replace(",", ""))
        return self._top_code
