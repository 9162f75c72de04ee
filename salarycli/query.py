"""One question end to end: what a user typed (role, years or level, place) in, an Estimate out.

The one place that chains matching, dataset and the estimator, so that `estimate`, `batch`,
`compare` and the library API answer the same text with the same number.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace

from salarycli import dataset, matching
from salarycli.errors import BadInput
from salarycli.estimate import estimate, ladder
from salarycli.matching import Match, PlaceIndex, RoleIndex
from salarycli.records import Dataset, Estimate, Level, Market, Place, Role


@dataclass
class Asker:
    """Answers many questions over one dataset; builds each name index once, when first needed."""

    data: Dataset = field(default_factory=dataset.active)
    aliases: Callable[[], Iterable[tuple[str, str]]] = dataset.active_aliases
    _roles: RoleIndex | None = None
    _places: PlaceIndex | None = None
    # Answers already found: a batch asks the same few names and places over and over.
    _match_of: dict[str, Match] = field(default_factory=dict)
    _place_of: dict[tuple[str | None, str | None], Place] = field(default_factory=dict)
    _market_of: dict[tuple[str, str, str], Market] = field(default_factory=dict)
    _by_soc: dict[str, Role] | None = None

    def match(self, text: str) -> Match:
        """The role `text` names, and how it was found (matching.RoleIndex.match)."""
        found = self._match_of.get(text)
        if found is None:
            if self._roles is None:
                seniority = dataset.load_seniority()
                self._roles = RoleIndex.build(self.data.roles, self.aliases, seniority)
            found = self._match_of[text] = self._roles.match(text)
        return found

    def role(self, text: str) -> Role:
        return self.match(text).role

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
                bundled = dataset.load_bundled().roles  # BLS figures, whatever the user's data
                self._by_soc = {known.soc: known for known in bundled if known.soc}
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
        """One estimate, checked in the order the command line checks: usage, then names.
        Without years or level, a seniority word in the title sets the level."""
        chosen = self.level(years, level)
        place = self.place(location, country)
        return self.answer(self.match(role), chosen, place)

    def answer(
        self, match: Match, chosen: tuple[Level, float | None] | None, place: Place
    ) -> Estimate:
        """The estimate for a matched role at the level asked for (or the title's), saying
        how the role was found and where the title and the option disagree."""
        notes = []
        if chosen is None:
            titled = self._level_named(match.level) if match.level else None
            if titled is None:
                raise BadInput("give years or level (or a seniority word in the title)")
            rung, years = titled, None
            notes.append(f"level from the title: {match.word!r} -> {rung.level}")
        else:
            rung, years = chosen
            if match.level and match.level != rung.level:
                notes.append(
                    f"the title says {match.level} ({match.word!r}); the option's {rung.level} "
                    "is used"
                )
        return self._tagged(
            estimate(match.role, rung, years, self.market(match.role, place)), match, notes
        )

    def ladder(self, match: Match, place: Place) -> list[Estimate]:
        """The matched role at every level, in `place`."""
        rungs = ladder(match.role, self.data.levels, self.market(match.role, place))
        return [self._tagged(rung, match, []) for rung in rungs]

    def _level_named(self, name: str) -> Level | None:
        """The ladder's level of that name (a user's ladder may have other names)."""
        return next((level for level in self.data.levels if level.level == name), None)

    @staticmethod
    def _tagged(result: Estimate, match: Match, notes: list[str]) -> Estimate:
        note = "; ".join([*notes, result.note] if result.note else notes) or None
        return replace(result, note=note, matched_by=match.matched_by, query=match.query)
