"""Industries as typed -> the industry OEWS publishes figures for.

A NAICS code at any level BLS publishes ("51", "5132", "513200"; "31" to "33" are
manufacturing's sector), BLS's own code ("51--52", "999101"), or words of the name, in any case
("software publishers", "hospitals"). A name that several industries answer to is refused with
them, unless one of them is named exactly (the broadest, where the same name is published at
two levels: "Oil and Gas Extraction" is 211000, not 211100).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from salarycli.core.records import Place
from salarycli.errors import AmbiguousPlace, UnknownPlace
from salarycli.resolve.normal import normalise

LISTING = "salarycli industries"
_SECTOR_NUMBERS = re.compile(r"\b(\d\d)\b")
_SECTOR = re.compile(r"^Sectors? [\d, and]+ - ")


def find_industry(industries: Sequence[Place], text: str) -> Place:
    """The industry `text` names; UnknownPlace or AmbiguousPlace (exit 1) with candidates,
    each written as this accepts it: "513200 (Software Publishers)" is read by its code."""
    typed = text.strip()
    code = typed.lower().removeprefix("naics").strip()
    lead = code.split(" (")[0]
    if lead != code and any(place.code.lower() == lead for place in industries):
        code = lead
    if code.isdigit() and 2 <= len(code) <= 6:
        found = _by_naics(industries, code)
        if found is not None:
            return found
        nearby = [place for place in industries if place.code.startswith(code[:2])]
        raise UnknownPlace(typed, [_shown(place) for place in nearby[:5]], "industry", LISTING)
    for place in industries:
        if place.code.lower() == code:
            return place
    wanted = normalise(typed)
    exact = [place for place in industries if wanted in (normalise(place.name), _short(place))]
    if exact:
        return min(exact, key=_broadest)
    matches = sorted(search_industries(industries, typed), key=_broadest)
    if len(matches) == 1:
        return matches[0]
    if matches:
        raise AmbiguousPlace(typed, [_shown(place) for place in matches[:8]])
    raise UnknownPlace(typed, [], "industry", LISTING)


def search_industries(industries: Sequence[Place], query: str | None) -> list[Place]:
    """Industries every word of whose name (or code) starts with a word of `query`."""
    if not query or not query.strip():
        return list(industries)
    wanted = normalise(query).split()
    return [
        place
        for place in industries
        if all(any(word.startswith(part) for word in _words(place)) for part in wanted)
    ]


def _by_naics(industries: Sequence[Place], digits: str) -> Place | None:
    """The industry of a NAICS code as typed: a sector's two digits, or 3-6 digits."""
    if len(digits) == 2:
        for place in industries:
            if place.state_code == "2" and digits in _SECTOR_NUMBERS.findall(place.name):
                return place
        return None
    padded = digits.ljust(6, "0")
    return next((place for place in industries if place.code == padded), None)


def _broadest(place: Place) -> tuple[int, str]:
    """Broader industries first (their display level), then by code."""
    return int(place.state_code or 0), place.code


def _short(place: Place) -> str:
    """A sector's name without "Sector 51 - " ("information")."""
    return normalise(_SECTOR.sub("", place.name))


def _words(place: Place) -> list[str]:
    return [*normalise(place.name).split(), place.code.lower()]


def _shown(place: Place) -> str:
    """An industry as --industry accepts it, and says which it is."""
    return f"{place.code} ({place.name})"
