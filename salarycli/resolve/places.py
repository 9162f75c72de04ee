"""Turns a place as typed into a Place: a state, a metro area, any US city, ZIP code or county,
a nickname, or a country (a separate namespace: "CA" is California, --country CA is Canada).

In this order (docs/places.md): the nation ("US", "Remote"); a state or metro area by its
name or code, or a state with "(state)" after it; a nickname (data/place_nicknames.csv); a
ZIP code, "City, ST" or "County, ST" (data/us_places.csv); a bare city name, which is the most
populous place of that name when it is at least MUCH_LARGER times the next, else ambiguous.
A state's name is the state, unless a city of a million people or more has the same name
("New York", "Washington"): then it is ambiguous. Every candidate an ambiguity names is
written as the command accepts it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from functools import cache
from typing import TYPE_CHECKING, Any

from salarycli.core.market import NATIONAL, REMOTE
from salarycli.core.record import field, record, replace
from salarycli.core.records import Place
from salarycli.errors import AmbiguousPlace, BadInput, UnknownPlace
from salarycli.resolve import fuzzy

if TYPE_CHECKING:  # read only when a place is not a state or a metro area
    from salarycli.resolve.place_table import PlaceTable, Row

MUCH_LARGER = 5  # how many times the next place of a name the one chosen must hold
BIG_CITY = 1_000_000  # a city this large makes its state's name ambiguous
PLAIN_NICKNAME = "common nickname of the place"
BIG_TYPO = 100_000  # a misspelling with no state is read as a city only this large
REMOTE_NAMES = ("remote", "anywhere", "nationwide", "remote us", "remote usa")


def place_key(text: str) -> str:
    """How place names are compared: case and accents folded ("Mayagüez" is "mayaguez"), "."
    and "," dropped, "Saint" as "St", spaces collapsed."""
    folded = text.casefold().replace(".", "").replace(",", " ")
    if not folded.isascii():
        import unicodedata  # only for a name with an accent: it costs start-up otherwise

        decomposed = unicodedata.normalize("NFKD", folded)
        folded = "".join(char for char in decomposed if not unicodedata.combining(char))
    words = folded.split()
    if "saint" in folded:
        words = [SHORT_WORDS.get(word, word) for word in words]
    return " ".join(words)


SHORT_WORDS = {"saint": "st", "sainte": "ste"}


NATIONAL_NAMES = ("us", "usa", "united states", "united states of america", "national")


@record(slots=False)
class PlaceIndex:
    """Every name a place answers to: states by USPS code and name, metro areas by their BLS
    name and its cities part, countries by ISO code and name; and, read only when those miss,
    the nicknames and every US city, ZIP code and county (`table`, `nicknames`)."""

    by_key: dict[str, list[Place]] = field(default_factory=dict)
    countries: dict[str, Place] = field(default_factory=dict)
    metros: dict[str, Place] = field(default_factory=dict)  # by BLS area code
    table: Callable[[], PlaceTable] = lambda: _no_places()
    nicknames: Callable[[], dict[str, tuple[str, str]]] = dict

    @classmethod
    def build(
        cls,
        places: Iterable[Place],
        table: Callable[[], PlaceTable] | None = None,
        nicknames: Callable[[], dict[str, tuple[str, str]]] | None = None,
    ) -> PlaceIndex:
        index = cls()
        if table is not None:
            index.table = cache(table)
        if nicknames is not None:
            index.nicknames = cache(nicknames)
        for place in places:
            if place.kind == "country":
                for name in (place.code, place.name):
                    index.countries[place_key(name)] = place
                continue
            if place.kind == "metro":
                index.metros[place.code] = place
            for name in _place_names(place):
                found = index.by_key.setdefault(place_key(name), [])
                if place not in found:
                    found.append(place)
        return index

    def find(self, text: str, nickname: bool = True, rewrite: bool = True) -> Place:
        """A US place; "US" or an empty name is the nation, "Remote" the nation with a note.
        Ambiguous or unknown: exit 1, naming candidates the command accepts."""
        key = place_key(text)
        if not key or key in NATIONAL_NAMES:
            return NATIONAL
        if key in REMOTE_NAMES:
            return REMOTE
        if key.endswith(" (state)"):
            states = [p for p in self.by_key.get(key[:-8], []) if p.kind == "state"]
            if states:
                return states[0]
        found = self.by_key.get(key, [])
        # "LA" standing alone is Louisiana: a state's code wins over a nickname, but not
        # one written with periods ("L.A."), and a newspaper's "Penn." is Pennsylvania
        if nickname and "." in text and key in self.nicknames():
            return self._nicknamed(text, key)
        if text.strip().endswith(".") and not found:
            from salarycli.resolve.place_forms import AP_STATES

            if key in AP_STATES:
                return self.find(AP_STATES[key], nickname=False)
        if found:
            return self._named(text, key, found)
        if nickname and key in self.nicknames():
            return self._nicknamed(text, key)
        place = self._in_table(text, key)
        if place is not None:
            return place
        if not (nickname and rewrite):
            raise UnknownPlace(text.strip(), [], "location", "salarycli locations")
        from salarycli.resolve.place_forms import is_remote, rewrites

        if is_remote(key):
            return REMOTE
        for other in rewrites(key, self._state_keys()):
            if other != key:
                try:
                    return self.find(other, rewrite=False)
                except UnknownPlace:
                    continue
        county = self._county(text, key)
        if county is not None:
            return county
        misspelt = self._misspelt(key)
        if misspelt is not None:
            return misspelt
        raise UnknownPlace(text.strip(), self._suggest_us(key), "location", "salarycli locations")

    def _nicknamed(self, text: str, key: str) -> Place:
        """The place a nickname stands for, saying which and why (data/place_nicknames.csv)."""
        meant, reason = self.nicknames()[key]
        place = self.find(meant, nickname=False)
        if place.note or reason == PLAIN_NICKNAME:  # "NYC" needs no word on what it means
            return place
        return replace(place, note=f"{text.strip()!r} is read as {place.name}: {reason}")

    def _in_table(self, text: str, key: str) -> Place | None:
        """A city, ZIP code or county of data/us_places.csv, or None."""
        row = self.table().get(key)
        if row is not None:
            return self._from_row(row)
        same = self.table().named(key)
        if same:
            return self._most_populous(text, same)
        return None

    def _county(self, text: str, key: str) -> Place | None:
        """A county without its state ("Travis County"): the one county of that name, or the
        most populous when its places hold MUCH_LARGER times the next's ("Harris County" is
        Harris County, TX); otherwise ambiguous, listing them."""
        if not key.endswith((" county", " parish", " borough")):
            return None
        rows = [
            row
            for line in self.table().lines.starting(key + " ")
            if (row := _county_row(line, key)) is not None
        ]
        rows.sort(key=lambda row: -row.population)
        if not rows:
            return None
        if len(rows) == 1:
            return self._from_row(rows[0])
        if rows[0].population >= MUCH_LARGER * max(rows[1].population, 1):
            others = ", ".join(row.name for row in rows[1:4]) + (", ..." if len(rows) > 4 else "")
            note = f"{text.strip()!r} is taken as {rows[0].name}, by far the largest; also {others}"
            return replace(self._from_row(rows[0]), note=note)
        raise AmbiguousPlace(text.strip(), [row.name for row in rows[:6]])

    def _state_keys(self) -> dict[str, str]:
        """Each state's place_key'd name -> its USPS code."""
        return {
            key: places[0].usps
            for key, places in self.by_key.items()
            if places[0].kind == "state" and places[0].usps and len(key) > 2
        }

    def _misspelt(self, key: str) -> Place | None:
        """A city within one edit (two from 8 letters) of `key`: of the state named, or with
        no state, the most populous of the close names when it holds at least BIG_TYPO people
        and MUCH_LARGER times any other (resolve/place_forms.py)."""
        words = key.split()
        state = words[-1] if len(words) > 1 and len(words[-1]) == 2 else ""
        city = " ".join(words[:-1]) if state else key
        if len(city) < 5 or not city.replace(" ", "").isalpha():
            return None
        most = 1 if len(city) < 6 else 2
        if not state and len(city) >= 8:  # "Massachusets": a state's name
            names = list(self._state_keys())
            named = fuzzy.nearest(city, names, most)
            if len(named) == 1:
                found = self.by_key[named[0]][0]
                return replace(found, note=f"read {key!r} as {found.name} (a misspelling)")
        names = self.table().city_names()
        if state:  # a name other states have is no misspelling of one this state has
            names = [name for name in names if name != city]
        close = fuzzy.nearest(city, names, most)
        rows = [row for name in close for row in self.table().named(name)]
        if state:
            rows = [row for row in rows if row.key.endswith(" " + state)]
            if len(rows) != 1:
                return None
        else:
            rows.sort(key=lambda row: -row.population)
            if not rows or rows[0].population < BIG_TYPO:
                return None
            if len(rows) > 1 and rows[0].population < MUCH_LARGER * rows[1].population:
                return None
        place = self._from_row(rows[0])
        return replace(place, note=f"read {key!r} as {rows[0].name} (a misspelling)")

    def _suggest_us(self, key: str) -> list[str]:
        """Up to three places close to an unknown one: states and metro areas by name, then
        cities (the most populous of each close name), each as the command accepts it."""
        found = self._suggest(key, self.by_key)
        cities = self.table().city_names()
        for close, _ in fuzzy.closest(key, cities, limit=3, cutoff=0.8):
            found += [row.name for row in self.table().named(close)[:1]]
        return list(dict.fromkeys(found))[:3]

    def _named(self, text: str, key: str, found: list[Place]) -> Place:
        """A state or metro area by name: a state's name wins over a city's unless the city
        has a million people or more ("New York")."""
        state = found[0]
        if len(found) == 1 and state.kind == "state" and key != place_key(state.usps or ""):
            big = [row for row in self.table().named(key) if row.population >= BIG_CITY]
            if big:
                candidates = [_described(found[0]), *(row.name for row in big)]
                raise AmbiguousPlace(text.strip(), candidates)
        if len(found) == 1:
            return found[0]
        raise AmbiguousPlace(text.strip(), [_described(place) for place in found])

    def _most_populous(self, text: str, same: list[Row]) -> Place:
        """A bare city name: the most populous place of that name when it is at least
        MUCH_LARGER times the next (the others named in its note), else ambiguous."""
        first = same[0]
        if len(same) == 1:
            return self._from_row(first)
        if first.population >= MUCH_LARGER * same[1].population:
            others = ", ".join(row.name for row in same[1:4]) + (", ..." if len(same) > 4 else "")
            note = f"{text.strip()!r} is taken as {first.name}, by far the largest; also {others}"
            return replace(self._from_row(first), note=note)
        raise AmbiguousPlace(text.strip(), [row.name for row in same[:6]])

    def _from_row(self, row: Row) -> Place:
        """A city, ZIP code or county as a Place within its metro area. A principal city of
        its metro (one the metro's name lists) is the metro itself, when it lies in the state
        BLS files the metro under; otherwise it stays a city, so that its fallback is its
        own state ("Vancouver, WA" falls back to Washington, not Oregon)."""
        metro = self.metros.get(row.area) if row.area else None
        city = place_key(row.name.rpartition(", ")[0])
        if (
            metro is not None
            and row.kind == "city"
            and row.state == metro.state_code
            and city in {place_key(name) for name in metro.cities}
        ):
            return replace(metro, city=row.name)
        return Place(
            code=metro.code if metro else row.key,
            name=row.name,
            kind=row.kind,
            state_code=row.state,
            located=True,
            within=metro,
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
            found += [_described(place) for place in places]
        return list(dict.fromkeys(found))[:3]


def _county_row(line: str, key: str) -> Row | None:
    """The row of a county called `key` in some state ("travis county tx"), else None."""
    from salarycli.resolve.place_table import _row

    state = line[len(key) + 1 : line.index(",")]
    if len(state) != 2 or ",county," not in line:
        return None
    return _row(line)


def _no_places() -> PlaceTable:
    from salarycli.resolve.place_table import PlaceTable

    return PlaceTable(b"")


def _place_names(place: Place) -> list[str]:
    """A state's name and USPS code; a metro area's BLS name and its cities part. Its
    principal cities are found as cities (data/us_places.csv), each in its own state."""
    names = [place.name]
    if place.usps:
        names.append(place.usps)
    if place.kind == "metro" and ", " in place.name and len(place.cities) > 1:
        names.append(place.name.rsplit(", ", 1)[0])  # "Portland-Vancouver-Hillsboro"
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
