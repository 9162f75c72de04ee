"""Turns a place as typed into a Place: a state, a metro area or a principal city, or a
country (a separate namespace: "CA" is California, --country CA is Canada)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from salarycli.core.market import NATIONAL
from salarycli.core.records import Place
from salarycli.errors import AmbiguousPlace, BadInput, UnknownPlace
from salarycli.resolve import fuzzy


def place_key(text: str) -> str:
    """How place names are compared: case folded, "." and "," dropped, spaces collapsed."""
    return " ".join(text.casefold().replace(".", "").replace(",", " ").split())


NATIONAL_NAMES = ("us", "usa", "united states", "united states of america", "national")


@dataclass
class PlaceIndex:
    """Every name a place answers to: states by USPS code and name, metro areas by their BLS
    name, their cities part and each principal city with or without its state, countries by
    ISO code and name (a separate namespace: "CA" is California, --country CA is Canada)."""

    by_key: dict[str, list[Place]] = field(default_factory=dict)
    countries: dict[str, Place] = field(default_factory=dict)

    @classmethod
    def build(cls, places: Iterable[Place]) -> PlaceIndex:
        index = cls()
        for place in places:
            if place.kind == "country":
                for name in (place.code, place.name):
                    index.countries[place_key(name)] = place
                continue
            for name in _place_names(place):
                found = index.by_key.setdefault(place_key(name), [])
                if place not in found:
                    found.append(place)
        return index

    def find(self, text: str) -> Place:
        """A US place; "US" or an empty name is the nation. Ambiguous or unknown: exit 1."""
        key = place_key(text)
        if not key or key in NATIONAL_NAMES:
            return NATIONAL
        found = self.by_key.get(key, [])
        if len(found) == 1:
            return found[0]
        if found:
            raise AmbiguousPlace(text.strip(), [_described(place) for place in found])
        raise UnknownPlace(
            text.strip(), self._suggest(key, self.by_key), "location", "salarycli locations"
        )

    def find_country(self, text: str) -> Place:
        key = place_key(text)
        if key in ("us", "usa", "united states"):
            return NATIONAL
        if key in self.countries:
            return self.countries[key]
        raise UnknownPlace(
            text.strip(),
            self._suggest(key, self.countries),
            "country",
            "salarycli locations --type country",
        )

    @staticmethod
    def _suggest(key: str, names: dict[str, Any]) -> list[str]:
        found: list[str] = []
        for close, _ in fuzzy.closest(key, names, limit=6, cutoff=0.7):
            places = names[close] if isinstance(names[close], list) else [names[close]]
            found += [place.name for place in places]
        return list(dict.fromkeys(found))[:3]


def _place_names(place: Place) -> list[str]:
    names = [place.name]
    if place.usps:
        names.append(place.usps)
    if place.kind == "metro" and ", " in place.name:
        names.append(place.name.rsplit(", ", 1)[0])
        for city in place.cities:
            names += [city, *(f"{city} {state}" for state in place.states)]
    return names


def choose_places(
    locations: Sequence[str], countries: Sequence[str], index: Callable[[], PlaceIndex]
) -> list[Place]:
    """The places --location or --country name (the nation when neither is given). `index`
    supplies the place index, and is called only when a place is named."""
    if locations and countries:
        raise BadInput("give --location or --country, not both")
    if not locations and not countries:
        return [NATIONAL]
    names = index()
    found = [names.find(text) for text in locations] + [names.find_country(c) for c in countries]
    return list(dict.fromkeys(found))


def search_places(places: Iterable[Place], query: str | None, kind: str | None) -> list[Place]:
    """Places of `kind` (any when None) every word of whose names starts with a word of
    `query` ("san jo", "tx"), in data order: states, metro areas, countries."""
    found = [place for place in places if kind is None or place.kind == kind]
    if query and query.strip():
        wanted = place_key(query).split()
        found = [
            place
            for place in found
            if all(any(word.startswith(part) for word in _place_words(place)) for part in wanted)
        ]
    return found


def _place_words(place: Place) -> list[str]:
    names = [place.name, place.code, place.usps or "", *place.cities, *place.states]
    return [word for name in names for word in place_key(name.replace("-", " ")).split()]


def _described(place: Place) -> str:
    return place.name if place.kind != "state" else f"{place.name} (state)"
