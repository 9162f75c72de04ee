"""The dataset that ships with salarycli: the seed's ladder and featured roles on top of the
OEWS occupations, and the small tables title matching and user data use (aliases, seniority
words, currency codes). Each is read once per process, when first needed."""

from __future__ import annotations

from decimal import Decimal
from functools import cache
from pathlib import Path

from salarycli.core.ladder_fit import spans
from salarycli.core.record import replace
from salarycli.core.records import Dataset, Level, Role, Source
from salarycli.errors import DataError
from salarycli.sources import files, oews

SEED_SOURCE = "seed-cityjobs"  # the page the level ladder and Machine Learning Engineer come from
LEVELS = "levels.csv"
FEATURED = "featured.csv"
ALIASES = "aliases.csv"
SENIORITY = "seniority.csv"
CURRENCIES = "currencies.csv"
TITLES = "titles.csv"
US_PLACES = "us_places.csv"
NICKNAMES = "place_nicknames.csv"
TITLE_WORDS = "title_words.txt"
LEVEL_CODES = "level_codes.csv"
SHORT_FORMS = "short_forms.csv"
TITLE_NOISE = "title_noise.csv"
TITLE_SPECIALTIES = "title_specialties.csv"
ECI = "eci.csv"
GROWTH = "oews_growth.csv"
CONFIDENCE = "oews_confidence.txt"
CONFIDENT = {"h": "high", "m": "medium", "l": "low"}


@cache  # one entry: the bundled data does not change while a process runs
def load_bundled() -> Dataset:
    """The dataset that ships with salarycli, loaded once per process."""
    return load(files.data_dir())


def load(folder: Path) -> Dataset:
    """Load a dataset folder laid out like data/ (see data/README.md)."""
    sources = files.sources(folder)
    levels = tuple(
        spans(
            [
                Level(
                    level=row["level"],
                    min_years=int(row["min_years"]),
                    max_years=files.number(row["max_years"]),
                    multiplier=Decimal(row["multiplier"]),
                    percentile=files.number(row.get("percentile", "")),
                )
                for row in files.rows(folder / LEVELS)
            ]
        )
    )
    occupations = oews.roles(folder, sources[oews.SOURCE].label)
    featured = _featured(folder / FEATURED, occupations, sources)
    featured_socs = {role.soc for role in featured}
    roles = tuple(featured) + tuple(
        role for role in occupations.values() if role.soc not in featured_socs
    )
    return Dataset(roles=roles, levels=levels, sources=sources)


def _featured(path: Path, occupations: dict[str, Role], sources: dict[str, Source]) -> list[Role]:
    """The seed's six roles, under the seed's names."""
    featured = []
    for row in files.rows(path):
        name, soc, reference = row["role"], row["soc"], row["reference_soc"]
        if soc:
            if soc not in occupations:
                raise DataError(f"{path.name}: {name} names SOC {soc}, which is not in OEWS")
            featured.append(replace(occupations[soc], role=name, featured=True))
            continue
        group = occupations[reference].group if reference in occupations else None
        featured.append(
            Role(
                role=name,
                soc=None,
                title=name,
                group=group,
                base_salary=files.number(row["base_salary"]),
                currency=oews.CURRENCY,
                source=sources[row["source"]].label,
                featured=True,
                reference_soc=reference or None,
            )
        )
    return featured


@cache
def load_aliases() -> tuple[tuple[str, str], ...]:
    """The bundled job-title aliases: (alias, the role name or SOC code it means)."""
    return tuple((row["alias"], row["role"]) for row in files.rows(files.data_dir() / ALIASES))


@cache
def load_currencies() -> frozenset[str]:
    """The ISO 4217 currency codes a user's data may use."""
    return frozenset(row["code"] for row in files.rows(files.data_dir() / CURRENCIES))


@cache
def load_titles() -> bytes:
    """The job-title index (data/titles.csv), read once per process."""
    return _bytes(TITLES)


@cache
def load_title_words() -> str:
    """Every word of every title (data/title_words.txt), one a line."""
    return _text(TITLE_WORDS)


def _text(name: str) -> str:
    return _bytes(name).decode("utf-8")


def _bytes(name: str) -> bytes:
    path = files.data_dir() / name
    try:
        return path.read_bytes()
    except OSError as error:
        raise DataError(f"cannot read {path}: {error.strerror}") from error


TitleWords = tuple[
    dict[str, tuple[str, bool]],
    dict[str, str],
    dict[str, tuple[str, ...]],
    frozenset[str],
    dict[str, str],
]


@cache
def load_level_words() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The level words and the level codes titles may hold, without their levels: all a
    role's own name is checked against, without reading the other title tables."""
    folder = files.data_dir()
    return (
        tuple(row["word"] for row in files.rows(folder / SENIORITY)),
        tuple(row["code"] for row in files.rows(folder / LEVEL_CODES)),
    )


@cache
def load_level_names() -> dict[str, str]:
    """Each level word and level code a title understands, with its level's name ("junior"
    -> "Entry Level", "iii" -> "Experienced"): what --level accepts beside the names."""
    folder = files.data_dir()
    found = {row["code"]: row["level"] for row in files.rows(folder / LEVEL_CODES)}
    found.update((row["word"], row["level"]) for row in files.rows(folder / SENIORITY))
    return found


@cache
def load_title_reading() -> TitleWords:
    """The tables a title is read with: level words (word -> level, strong), level codes,
    short forms and what they mean, noise words, specialties and their specialists
    (resolve.title_words.Words)."""
    folder = files.data_dir()
    seniority = {
        row["word"]: (row["level"], row["strength"] == "strong")
        for row in files.rows(folder / SENIORITY)
    }
    codes = {row["code"]: row["level"] for row in files.rows(folder / LEVEL_CODES)}
    short = {
        row["form"]: tuple(row["means"].split("|")) for row in files.rows(folder / SHORT_FORMS)
    }
    noise = frozenset(row["word"] for row in files.rows(folder / TITLE_NOISE))
    from salarycli.resolve.normal import normalise

    specialties = {
        normalise(row["specialty"]): normalise(row["title"])
        for row in files.rows(folder / TITLE_SPECIALTIES)
    }
    return seniority, codes, short, noise, specialties


@cache
def load_eci() -> list[tuple[str, str]]:
    """The Employment Cost Index from the quarter holding May 2025 on (data/eci.csv)."""
    return [(row["quarter_month"], row["index"]) for row in files.rows(files.data_dir() / ECI)]


@cache
def load_growth() -> dict[str, tuple[int | None, int | None]]:
    """Each occupation's national mean in OEWS May 2023 and May 2024 (data/oews_growth.csv)."""
    return {
        row["soc"]: (files.number(row["mean_2023"]), files.number(row["mean_2024"]))
        for row in files.rows(files.data_dir() / GROWTH)
    }


@cache
def load_confidence() -> tuple[dict[str, int], dict[str, str]]:
    """data/oews_confidence.txt: each occupation's position, and each area's letters."""
    first, *lines = _text(CONFIDENCE).splitlines()
    positions = {soc: at for at, soc in enumerate(first.split(","))}
    return positions, dict(line.split(",", 1) for line in lines)


def confidence(area: str, soc: str) -> str | None:
    """How sure BLS is of an area's figures for an occupation: "high", "medium" or "low" by
    their relative standard errors (scripts/build_confidence.py); None where none is given."""
    positions, areas = load_confidence()
    at, letters = positions.get(soc), areas.get(area)
    return None if at is None or letters is None else CONFIDENT.get(letters[at])


@cache
def load_us_places() -> bytes:
    """Every US city, ZIP code and county with its metro area (data/us_places.csv)."""
    return _bytes(US_PLACES)


@cache
def load_place_nicknames() -> dict[str, tuple[str, str]]:
    """Nicknames of places ("NYC", "Bay Area") by place_key: the name each stands for, and
    why (data/place_nicknames.csv)."""
    from salarycli.resolve.places import place_key

    rows = files.rows(files.data_dir() / NICKNAMES)
    return {place_key(row["nickname"]): (row["place"], row["reason"]) for row in rows}
