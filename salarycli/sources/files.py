"""Where the bundled data lives and how its csv and json files are read (no pydantic: every
estimate reads them). The bundled files are validated when they are built
(scripts/build_data.py) and by the test suite (tests/test_data.py), not on each run."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from salarycli.core.records import Source
from salarycli.errors import DataError

PROVENANCE = "provenance.json"


def data_dir() -> Path:
    """The bundled data folder: inside the installed package, or data/ beside it in a checkout."""
    package = Path(__file__).resolve().parent.parent
    for candidate in (package / "data", package.parent / "data"):
        if (candidate / PROVENANCE).is_file() and (candidate / "oews_national.csv").is_file():
            return candidate
    raise DataError(f"salarycli's bundled data is missing (looked in {package / 'data'})")


def rows(path: Path) -> list[dict[str, str]]:
    """A csv file as dicts (small files; large ones use table())."""
    try:
        with path.open(newline="", encoding="utf-8") as stream:
            return list(csv.DictReader(stream))
    except OSError as error:
        raise DataError(f"cannot read {path}: {error.strerror}") from error


def table(path: Path) -> tuple[dict[str, int], list[list[str]]]:
    """A csv file as its column positions by name and its rows.

    Plain csv.reader with column positions, not DictReader: it runs on every estimate and
    DictReader triples its cost."""
    try:
        with path.open(newline="", encoding="utf-8") as stream:
            header, *found = csv.reader(stream)
    except OSError as error:
        raise DataError(f"cannot read {path}: {error.strerror}") from error
    return {name: at for at, name in enumerate(header)}, found


def number(text: str) -> int | None:
    return int(text) if text else None


def sources(folder: Path) -> dict[str, Source]:
    """The provenance of every bundled source, by id."""
    path = folder / PROVENANCE
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise DataError(f"cannot read {path}: {error.strerror}") from error
    return {entry["id"]: Source(**entry) for entry in document["sources"]}
