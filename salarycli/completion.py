"""What TAB offers for a role, a place or a country: the names the session's data holds, as
each option accepts them (the command line's options use these; resolve.complete matches)."""

from __future__ import annotations

from salarycli.resolve.complete import complete
from salarycli.sources import load_places
from salarycli.sources.bundled import load_aliases, load_bundled


def complete_role(incomplete: str) -> list[str]:
    """TAB on a role: featured roles, then aliases and every name, that start with it."""
    roles = load_bundled().roles
    featured = [role.role for role in roles if role.featured]
    aliases = [alias for alias, _ in load_aliases()]
    names = [name for role in roles for name in (role.role, role.title)]
    return complete([*featured, *aliases, *names], incomplete)


def complete_place(incomplete: str) -> list[str]:
    """TAB on --location: states by code and name, metro areas and their principal cities,
    each city with the one state it is in, every one as --location accepts it ("Vancouver,
    WA"; "New York (state)", whose name a city of a million shares)."""
    from salarycli.resolve.place_table import PlaceTable
    from salarycli.resolve.places import BIG_CITY, place_key
    from salarycli.sources.bundled import load_us_places

    table = PlaceTable(load_us_places())
    names: list[str] = []
    for place in load_places():
        if place.kind == "country":
            continue
        names += [place.usps] if place.usps else []
        cities = table.named(place_key(place.name)) if place.kind == "state" else []
        shared = any(row.population >= BIG_CITY for row in cities)  # "New York": say which
        names.append(f"{place.name} (state)" if shared else place.name)
        for city in place.cities:
            for state in place.states:
                row = table.get(place_key(f"{city} {state}"))
                names += [f"{city}, {state}"] if row and row.kind == "city" else []
    return complete(names, incomplete)


def complete_country(incomplete: str) -> list[str]:
    countries = [place for place in load_places() if place.kind == "country"]
    return complete([name for p in countries for name in (p.code, p.name)], incomplete)
