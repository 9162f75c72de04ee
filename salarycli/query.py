"""One question end to end: what a user typed (role, years or level, place) in, an Estimate out.

The one place that chains matching, dataset and the estimator, so that `estimate`, `batch`,
`compare` and the library API answer the same text with the same number.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from salarycli import dataset, matching
from salarycli.errors import BadInput
from salarycli.estimate import estimate
from salarycli.matching import PlaceIndex, RoleIndex
from salarycli.records import Dataset, Estimate, Level, Market, Place, Role


@dataclass
class Asker:
    """Answers many questions over one dataset; builds each name index once, when first needed."""

    data: Dataset = field(default_factory=dataset.load_bundled)
    _roles: RoleIndex | None = None
    _places: PlaceIndex | None = None

    def role(self, text: str) -> Role:
        if self._roles is None:
            self._roles = RoleIndex.build(self.data.roles)
        return self._roles.find(text)

    def place_index(self) -> PlaceIndex:
        if self._places is None:
            self._places = PlaceIndex.build(dataset.load_places())
        return self._places

    def places(self, locations: Sequence[str], countries: Sequence[str]) -> list[Place]:
        """The places named; the nation when none is."""
        return matching.choose_places(locations, countries, self.place_index)

    def place(self, location: str | None, country: str | None) -> Place:
        return self.places([location] if location else [], [country] if country else [])[0]

    def level(self, years: str | None, level: str | None) -> tuple[Level, float | None] | None:
        """The level --years or --level asks for, with the years; None when neither is given."""
        return matching.choose_level(self.data.levels, years, level)

    def market(self, role: Role, place: Place) -> Market:
        return dataset.market_for(self.data, role, place)

    def estimate(
        self,
        role: str,
        years: str | None = None,
        level: str | None = None,
        location: str | None = None,
        country: str | None = None,
    ) -> Estimate:
        """One estimate, checked in the order the command line checks: usage, then names."""
        chosen = self.level(years, level)
        place = self.place(location, country)
        found = self.role(role)
        if chosen is None:
            raise BadInput("give years or level")
        return estimate(found, *chosen, self.market(found, place))
