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

from salarycli.errors import DataError
from salarycli.records import Dataset, Level, Role, Source

OEWS_SOURCE = "bls-oews-2025"
SEED_SOURCE = "seed-cityjobs"  # the page the level ladder and Machine Learning Engineer come from
CURRENCY = "USD"
# The files a dataset folder holds; the build script writes the oews_* ones.
LEVELS = "levels.csv"
FEATURED = "featured.csv"
PROVENANCE = "provenance.json"
OCCUPATIONS = "oews_occupations.csv"
NATIONAL = "oews_national.csv"
FOOTNOTES = "oews_footnotes.csv"


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
