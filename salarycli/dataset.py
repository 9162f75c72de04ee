"""Finds and loads the bundled dataset (data/ in a checkout, salarycli/data in a wheel).

Loading is plain csv and json into the records of records.py: no pydantic here, because every
estimate loads the data. The bundled files are validated when they are built
(scripts/build_data.py) and by the test suite (tests/test_data.py), not on each run.
"""

from __future__ import annotations

import csv
import json
from dataclasses import replace
from decimal import Decimal
from functools import cache
from pathlib import Path

from salarycli import market
from salarycli.errors import DataError
from salarycli.records import Dataset, Level, Market, Place, Role, Source, Wages

OEWS_SOURCE = "bls-oews-2025"
OECD_SOURCE = "oecd-2022"
SEED_SOURCE = "seed-cityjobs"  # the page the level ladder and Machine Learning Engineer come from
CURRENCY = "USD"
# The files a dataset folder holds; the build script writes the oews_* ones.
LEVELS = "levels.csv"
FEATURED = "featured.csv"
PROVENANCE = "provenance.json"
OCCUPATIONS = "oews_occupations.csv"
NATIONAL = "oews_national.csv"
FOOTNOTES = "oews_footnotes.csv"
AREAS = "oews_areas.csv"
AREA_FILES = {"state": "oews_state.csv", "metro": "oews_metro.csv"}
STATES = "states.csv"
COUNTRIES = "oecd_average_wages.csv"
ALIASES = "aliases.csv"
SENIORITY = "seniority.csv"
CURRENCIES = "currencies.csv"
USER_SOURCE = "user"


def data_dir() -> Path:
    """The bundled data folder: inside the installed package, or data/ beside it in a checkout."""
    package = Path(__file__).resolve().parent
    for candidate in (package / "data", package.parent / "data"):
        if (candidate / PROVENANCE).is_file() and (candidate / NATIONAL).is_file():
            return candidate
    raise DataError(f"salarycli's bundled data is missing (looked in {package / 'data'})")


@cache
def load_bundled() -> Dataset:
    """The dataset that ships with salarycli, loaded once per process."""
    return load(data_dir())


def load(folder: Path) -> Dataset:
    """Load a dataset folder laid out like data/ (see data/README.md)."""
    sources = _read_sources(folder / PROVENANCE)
    levels = tuple(_read_levels(folder / LEVELS))
    oews = _read_oews(folder, sources[OEWS_SOURCE].label)
    featured = _read_featured(folder / FEATURED, oews, sources)
    featured_socs = {role.soc for role in featured}
    roles = tuple(featured) + tuple(role for role in oews.values() if role.soc not in featured_socs)
    return Dataset(roles=roles, levels=levels, sources=sources)


def _rows(path: Path) -> list[dict[str, str]]:
    try:
        with path.open(newline="", encoding="utf-8") as stream:
            return list(csv.DictReader(stream))
    except OSError as error:
        raise DataError(f"cannot read {path}: {error.strerror}") from error


def _table(path: Path) -> tuple[dict[str, int], list[list[str]]]:
    """A csv file as its column positions by name and its rows."""
    try:
        with path.open(newline="", encoding="utf-8") as stream:
            header, *rows = csv.reader(stream)
    except OSError as error:
        raise DataError(f"cannot read {path}: {error.strerror}") from error
    return {name: at for at, name in enumerate(header)}, rows


def _number(text: str) -> int | None:
    return int(text) if text else None


def _read_sources(path: Path) -> dict[str, Source]:
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise DataError(f"cannot read {path}: {error.strerror}") from error
    return {entry["id"]: Source(**entry) for entry in document["sources"]}


def _read_levels(path: Path) -> list[Level]:
    return [
        Level(
            level=row["level"],
            min_years=int(row["min_years"]),
            max_years=_number(row["max_years"]),
            multiplier=Decimal(row["multiplier"]),
        )
        for row in _rows(path)
    ]


def _read_oews(folder: Path, source: str) -> dict[str, Role]:
    """The OEWS national roles by SOC code, in SOC order.

    Plain csv.reader with column positions, not DictReader: this runs on every estimate and
    DictReader triples its cost.
    """
    footnotes = {row["code"]: row["text"] for row in _rows(folder / FOOTNOTES)}
    columns, rows = _table(folder / NATIONAL)
    wages = {row[columns["soc"]]: row for row in rows}
    figure = [
        columns[name] for name in ("employment", "annual_mean", "p10", "p25", "p50", "p75", "p90")
    ]
    note = columns["annual_mean_footnote"]
    names, occupations = _table(folder / OCCUPATIONS)
    soc_at, title_at, group_at = names["soc"], names["title"], names["major_group"]
    roles: dict[str, Role] = {}
    for occupation in occupations:
        soc, title = occupation[soc_at], occupation[title_at]
        row = wages[soc]
        employment, mean, p10, p25, p50, p75, p90 = (_number(row[at]) for at in figure)
        missing_reason = None
        if mean is None:
            missing_reason = f"BLS OEWS May 2025 publishes no annual mean wage for {title}"
            if row[note] in footnotes:
                missing_reason += f" ({footnotes[row[note]]})"
        roles[soc] = Role(
            role=title,
            soc=soc,
            title=title,
            group=occupation[group_at],
            base_salary=mean,
            currency=CURRENCY,
            source=source,
            employment=employment,
            annual_mean=mean,
            p10=p10,
            p25=p25,
            p50=p50,
            p75=p75,
            p90=p90,
            missing_reason=missing_reason,
        )
    return roles


def _read_featured(path: Path, oews: dict[str, Role], sources: dict[str, Source]) -> list[Role]:
    """The seed's six roles, under the seed's names."""
    featured = []
    for row in _rows(path):
        name, soc, reference = row["role"], row["soc"], row["reference_soc"]
        if soc:
            if soc not in oews:
                raise DataError(f"{path.name}: {name} names SOC {soc}, which is not in OEWS")
            featured.append(replace(oews[soc], role=name, featured=True))
            continue
        group = oews[reference].group if reference in oews else None
        featured.append(
            Role(
                role=name,
                soc=None,
                title=name,
                group=group,
                base_salary=_number(row["base_salary"]),
                currency=CURRENCY,
                source=sources[row["source"]].label,
                featured=True,
                reference_soc=reference or None,
            )
        )
    return featured


@cache
def load_places() -> tuple[Place, ...]:
    """Every place of the bundled data: states, metro and nonmetro areas, then countries."""
    return places(data_dir())


def places(folder: Path) -> tuple[Place, ...]:
    usps = {row["state_code"]: row["usps"] for row in _rows(folder / STATES)}
    at, areas = _table(folder / AREAS)
    code, kind, state, name = at["area_code"], at["area_type"], at["state_code"], at["area"]
    cities, states, offset, length = at["cities"], at["states"], at["offset"], at["length"]
    found = [
        Place(
            code=row[code],
            name=row[name],
            kind=row[kind],
            state_code=row[state],
            usps=usps.get(row[state]) if row[kind] == "state" else None,
            cities=tuple(row[cities].split(";")) if row[cities] else (),
            states=tuple(row[states].split(";")) if row[states] else (),
            offset=int(row[offset]),
            length=int(row[length]),
        )
        for row in areas
    ]
    found += [
        Place(
            code=row["iso2"],
            name=row["country"],
            kind="country",
            average_wage=int(row["average_annual_wage_usd_ppp"]),
        )
        for row in _rows(folder / COUNTRIES)
    ]
    return tuple(found)


def area_wages(place: Place, soc: str, folder: Path | None = None) -> Wages | None:
    """One occupation's figures in a state or metro area, or None where BLS has no row.

    Reads only that area's block of its file (offset and length from oews_areas.csv).
    """
    if place.kind not in AREA_FILES or not place.length:
        return None
    path = (folder or data_dir()) / AREA_FILES[place.kind]
    try:
        with path.open("rb") as stream:
            stream.seek(place.offset)
            block = stream.read(place.length).decode("utf-8")
    except OSError as error:
        raise DataError(f"cannot read {path}: {error.strerror}") from error
    start = block.find(f"{place.code},{soc},")
    if start < 0:
        return None
    line = block[start : block.index("\n", start)]
    _, code, *figures = next(csv.reader([line]))
    employment, mean, p10, p25, p50, p75, p90 = (_number(value) for value in figures)
    return Wages(code, employment, mean, p10, p25, p50, p75, p90)


def national_wages(role: Role) -> Wages:
    """A role's national figures as Wages."""
    assert role.soc is not None
    return Wages(
        role.soc,
        role.employment,
        role.annual_mean,
        role.p10,
        role.p25,
        role.p50,
        role.p75,
        role.p90,
    )


def market_for(
    data: Dataset, role: Role, place: Place, by_soc: dict[str, Role] | None = None
) -> Market:
    """The market `role` is estimated in at `place`, with its fallback chain read from data/:
    a metro, then the state BLS files it under, then the nation. `by_soc` (the bundled OEWS
    roles by SOC code) saves building that index on every call."""
    bls = data.sources[OEWS_SOURCE].label
    if place.kind == "country":
        us_average = next(
            p.average_wage for p in load_places() if p.code == "US" and p.average_wage
        )
        return market.country_market(place, us_average, data.sources[OECD_SOURCE].label)
    occupation = role.soc or role.reference_soc
    if by_soc is None:
        by_soc = {known.soc: known for known in load_bundled().roles if known.soc}
    reference = by_soc.get(occupation or "")
    national = national_wages(reference) if reference else None
    if place.kind == "national" and (role.p10 or role.p25 or role.p50 or role.p75 or role.p90):
        # the role's own distribution: the OEWS one for an OEWS role, or a user's bands
        own = Wages(
            role.soc or "",
            role.employment,
            role.annual_mean or role.base_salary,
            role.p10,
            role.p25,
            role.p50,
            role.p75,
            role.p90,
        )
        return market.national_market(role, own, role.source)
    if place.kind == "national" and national is None:
        return market.national_market(role, None, role.source)
    chain: list[tuple[str, str, Wages | None]] = []
    if occupation and place.kind == "metro":
        chain.append(("metro", place.name, area_wages(place, occupation)))
        state = next(
            p for p in load_places() if p.kind == "state" and p.state_code == place.state_code
        )
        chain.append(("state", state.name, area_wages(state, occupation)))
    if occupation and place.kind == "state":
        chain.append(("state", place.name, area_wages(place, occupation)))
    chain.append(("national", market.NATIONAL.name, national))
    return market.locate(role, place, chain, national, bls)


@cache
def load_aliases() -> tuple[tuple[str, str], ...]:
    """The bundled job-title aliases: (alias, the role name or SOC code it means)."""
    return tuple((row["alias"], row["role"]) for row in _rows(data_dir() / ALIASES))


@cache
def load_seniority() -> dict[str, str]:
    """Seniority words ("senior", "jr", "ii") and the level each sets."""
    return {row["word"]: row["level"] for row in _rows(data_dir() / SENIORITY)}


@cache
def load_currencies() -> frozenset[str]:
    """The ISO 4217 currency codes a user's data may use."""
    return frozenset(row["code"] for row in _rows(data_dir() / CURRENCIES))


# --- the dataset in use: the bundled one, or merged with a user's (--data / SALARYCLI_DATA) ----

_choice: tuple[str | None, bool] = (None, False)
_active: Dataset | None = None
_user_aliases: tuple[tuple[str, str], ...] = ()
user_warnings: list[str] = []
user_counts: dict[str, int] = {}  # what the user's data held, for `data info`


def choose(path: str | None, only: bool = False) -> None:
    """Use the user's data at `path` (with the bundled roles unless `only`) from now on."""
    global _choice, _active
    _choice, _active = (path, only), None


def chosen() -> tuple[str | None, bool]:
    """The user data in use (its path, or None) and whether it is used alone."""
    return _choice


def active() -> Dataset:
    """The dataset in use (see choose); read and validated on first use."""
    global _active, _user_aliases
    if _active is None:
        path, only = _choice
        if path is None:
            _active, _user_aliases = load_bundled(), ()
        else:
            _active, _user_aliases = merged(Path(path), only)
    return _active


def active_aliases() -> tuple[tuple[str, str], ...]:
    """The aliases in use: the user's first, then the bundled ones."""
    active()
    return _user_aliases + load_aliases()


def merged(path: Path, only: bool = False) -> tuple[Dataset, tuple[tuple[str, str], ...]]:
    """The bundled dataset with a user's on top: user roles extend the bundled ones and replace
    any of the same name (`only`: the user's roles alone); a user ladder replaces the bundled."""
    from salarycli import userdata

    bundled = load_bundled()
    user = userdata.read(path)
    user_warnings[:] = user.warnings
    user_counts.update(
        roles=len(user.roles), levels=len(user.levels or ()), aliases=len(user.aliases)
    )
    theirs = {" ".join(role.role.casefold().split()): role for role in user.roles}
    if only:
        roles = tuple(user.roles)
    else:
        kept = [theirs.pop(" ".join(r.role.casefold().split()), r) for r in bundled.roles]
        roles = tuple(kept) + tuple(theirs.values())
    label = f"your data ({path.name})"
    source = Source(id=USER_SOURCE, label=label, publisher="you", title=str(path))
    data = Dataset(
        roles=roles,
        levels=tuple(user.levels) if user.levels else bundled.levels,
        sources={**bundled.sources, USER_SOURCE: source},
    )
    return data, tuple(user.aliases)
