"""data/us_places.csv: every US city, ZIP code and county, bisected like the title index.

Opening it reads 2.7 MB and splits it into lines (a few ms), only when a place is not a state
or a metro area; a lookup is a bisection and one line parsed.
"""

from __future__ import annotations

import csv
from bisect import bisect_left
from typing import NamedTuple


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
    def __init__(self, text: str) -> None:
        self.lines = text.split("\n")
        if self.lines and not self.lines[-1]:
            self.lines.pop()
        self._names: list[str] | None = None

    def get(self, key: str) -> Row | None:
        """The row of a place_key'd name ("palo alto ca", "94301", "king county wa")."""
        probe = key + ","
        at = bisect_left(self.lines, probe, 1)
        if at < len(self.lines) and self.lines[at].startswith(probe):
            return _row(self.lines[at])
        return None

    def city_names(self) -> list[str]:
        """Every city's name without its state, once: what an unknown place is compared with."""
        if self._names is None:
            names = {line[: line.index(",")][:-3] for line in self.lines[1:] if ",city," in line}
            self._names = sorted(names)
        return self._names

    def named(self, key: str) -> list[Row]:
        """The cities called `key` in any state ("portland" -> Portland, OR; Portland, ME; ...),
        most populous first."""
        probe = key + " "
        at = bisect_left(self.lines, probe, 1)
        found = []
        while at < len(self.lines) and self.lines[at].startswith(probe):
            line = self.lines[at]
            state = line[len(probe) : line.index(",")]
            if len(state) == 2 and state.isalpha():  # "portland or", not "portland heights or"
                row = _row(line)
                if row.kind == "city":
                    found.append(row)
            at += 1
        return sorted(found, key=lambda row: -row.population)


def _row(line: str) -> Row:
    key, kind, name, state, area, population = next(csv.reader([line]))
    return Row(key, kind, name, state, area, int(population or 0))
