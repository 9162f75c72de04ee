"""Data sources behind one small interface, and the registry that lists them.

A source of places and their wage figures is a class with

    kinds: tuple[str, ...]                            the Place kinds it publishes figures for
    places() -> list[Place]                           its places
    wages(place: Place, soc: str) -> Wages | None     an occupation's figures in one of them

constructed with the data folder. REGISTRY lists them; adding a source is one module here and
one line in REGISTRY (docs/development.md, "Adding a data source"). Catalog puts the
registered sources together as the core's market.Figures: the core decides which figures to
use, a source only loads them.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Protocol

from salarycli.core.market import NATIONAL
from salarycli.core.prices import Parity
from salarycli.core.records import Place, Role, Wages
from salarycli.sources import files, industries, oecd, oews
from salarycli.sources.bundled import load_bundled


class PlaceSource(Protocol):
    kinds: tuple[str, ...]

    def places(self) -> list[Place]: ...

    def wages(self, place: Place, soc: str) -> Wages | None: ...


# In the order places are listed: states and metro areas, then countries.
REGISTRY: dict[str, Callable[[Path], PlaceSource]] = {
    oews.SOURCE: oews.Areas,
    oecd.SOURCE: oecd.Countries,
}


@cache  # one entry: the bundled sources do not change while a process runs
def registered(folder: Path | None = None) -> tuple[tuple[str, PlaceSource], ...]:
    """Each registered source, by its id in provenance.json, opened on the data folder."""
    where = folder or files.data_dir()
    return tuple((source_id, kind(where)) for source_id, kind in REGISTRY.items())


@cache
def load_industries() -> industries.Industries:
    """The OEWS national figures by industry (not places: --industry, not --location)."""
    return industries.Industries(files.data_dir())


@cache
def load_parities() -> dict[str, Parity]:
    """BEA's Regional Price Parities by BEA area code (--real, relocate)."""
    from salarycli.sources.prices import read_parities

    return read_parities(files.data_dir())


@cache
def load_places() -> tuple[Place, ...]:
    """Every place of the registered sources: states, metro and nonmetro areas, countries."""
    return tuple(place for _, source in registered() for place in source.places())


@cache
def usps_by_fips() -> dict[str, str]:
    """Each state's USPS code by its FIPS code (a city, ZIP code or county knows only the
    latter)."""
    return {p.state_code or "": p.usps or "" for p in load_places() if p.kind == "state"}


class Catalog:
    """The registered sources as one market.Figures. BLS national figures come from the
    bundled OEWS roles whatever the user's data; everything is read when first asked for."""

    def __init__(self) -> None:
        self._by_soc: dict[str, Role] | None = None
        self._owner: dict[str, tuple[str, PlaceSource]] = {}
        for source_id, source in registered():
            for kind in source.kinds:
                self._owner[kind] = (source_id, source)
        self._states: dict[str, Place] | None = None

    def national(self, soc: str) -> Wages | None:
        if self._by_soc is None:
            roles = load_bundled().roles
            self._by_soc = {role.soc: role for role in roles if role.soc}
        role = self._by_soc.get(soc)
        return role.wages if role else None

    def area(self, place: Place, soc: str) -> Wages | None:
        if place.kind == industries.KIND:  # opened only when an industry is asked for
            return load_industries().wages(place, soc)
        owner = self._owner.get(place.kind)
        return owner[1].wages(place, soc) if owner else None

    def parent(self, place: Place) -> Place:
        if place.kind not in ("state", "national", "country") and place.state_code:
            if self._states is None:
                self._states = {p.state_code or "": p for p in load_places() if p.kind == "state"}
            return self._states[place.state_code]
        return NATIONAL

    def average_wage(self, code: str) -> int | None:
        return next(
            (p.average_wage for p in load_places() if p.code == code and p.average_wage), None
        )

    def source(self, place: Place) -> str:
        source_id = self._owner[place.kind][0] if place.kind in self._owner else oews.SOURCE
        # (industries, as every figure not of a registered source, are OEWS's)
        return load_bundled().sources[source_id].label
