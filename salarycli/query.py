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
    # Answers already found: a batch asks the same few names and places over and over.
    _role_of: dict[str, Role] = field(default_factory=dict)
    _place_of: dict[tuple[str | None, str | None], Place] = field(default_factory=dict)
    _market_of: dict[tuple[str, str, str], Market] = field(default_factory=dict)
    _by_soc: dict[str, Role] | None = None

    def role(self, text: str) -> Role:
        found = self._role_of.get(text)
        if found is None:
            if self._roles is None:
                self._roles = RoleIndex.build(self.data.roles)
            found = self._role_of[text] = self._roles.find(text)
        return found

    def place_index(self) -> PlaceIndex:
        if self._places is None:
            self._places = PlaceIndex.build(dataset.load_places())
        return self._places

    def places(self, locations: Sequence[str], countries: Sequence[str]) -> list[Place]:
        """The places named; the nation when none is."""
        return matching.choose_places(locations, countries, self.place_index)

    def place(self, location: str | None, country: str | None) -> Place:
        found = self._place_of.get((location, country))
        if found is None:
            named = self.places([location] if location else [], [country] if country else [])
            found = self._place_of[(location, country)] = named[0]
        return found

    def level(self, years: str | None, level: str | None) -> tuple[Level, float | None] | None:
        """The level --years or --level asks for, with the years; None when neither is given."""
        return matching.choose_level(self.data.levels, years, level)

    def market(self, role: Role, place: Place) -> Market:
        key = (role.role, place.kind, place.code)
        found = self._market_of.get(key)
        if found is None:
            if self._by_soc is None:
                self._by_soc = {known.soc: known for known in self.data.roles if known.soc}
            found = dataset.market_for(self.data, role, place, self._by_soc)
            self._market_of[key] = found
        return found

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
