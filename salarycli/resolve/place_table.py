"""data/us_places.csv: every US city, ZIP code and county, bisected like the title index.

Opening it reads 2.7 MB (1-2 ms), only when a place is not a state or a metro area by its
code; a lookup is a bisection by position and one line parsed (resolve/sorted_lines.py).
"""

from __future__ import annotations

import csv
from typing import NamedTuple

from salarycli.resolve.sorted_lines import SortedLines


class Row(NamedTuple):
    """A city, ZIP code or county: its name as shown, its state's FIPS code, the OEWS metro
    area it lies in (empty outside every metro) and, for a city, its population."""

    key: str
    kind: str  # city | zip | county
    name: str
    state: str
    area: str
    population: int


class PlaceTable:
    def __init__(self, data: bytes) -> None:
        self.lines = SortedLines(data)
        self._names: list[str] | None = None

    def get(self, key: str) -> Row | None:
        """The row of a place_key'd name ("palo alto ca", "94301", "king county wa")."""
        line = self.lines.find(key)
        return _row(line) if line is not None else None

    def city_names(self) -> list[str]:
        """Every city's name without its state, once: what an unknown place is compared with."""
        if self._names is None:
            names = {line[: line.index(",")][:-3] for line in self.lines if ",city," in line}
            self._names = sorted(names)
        return self._names

    def named(self, key: str) -> list[Row]:
        """The cities called `key` in any state ("portland" -> Portland, OR; Portland, ME; ...),
        most populous first."""
        probe = key + " "
        found = []
        for line in self.lines.starting(probe):
            state = line[len(probe) : line.index(",")]
            if len(state) == 2 and state.isalpha():  # "portland or", not "portland heights or"
                row = _row(line)
                if row.kind == "city":
                    found.append(row)
        return sorted(found, key=lambda row: -row.population)


def _row(line: str) -> Row:
    key, kind, name, state, area, population = next(csv.reader([line]))
    return Row(key, kind, name, state, area, int(population or 0))
