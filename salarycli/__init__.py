"""salarycli: salary estimates by role and experience, from BLS OEWS May 2025 and a seed table.

The library API:

    >>> import salarycli
    >>> salarycli.estimate("Machine Learning Engineer", years=4).salary
    142495

`salarycli.estimate` is this function; the estimator module of the same name is reached with
`from salarycli.estimate import ...` (the form salarycli's own code uses). The module is
imported (through salarycli.query) before the function is defined, so the name stays the
function's.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from salarycli.dataset import load_aliases, load_bundled, merged
from salarycli.query import Asker
from salarycli.records import Dataset, Estimate, Level, Role

__all__ = ["Dataset", "Estimate", "Level", "Role", "estimate", "load_dataset"]


def load_dataset(path: str | Path | None = None, only: bool = False) -> Dataset:
    """The bundled dataset, or your own on top of it, as `--data PATH` (and `--only-data`)
    give it: a folder with roles.csv (levels.csv, aliases.csv), or a .json or .toml file.
    Raises salarycli.errors.InvalidData, whose `problems` list every problem."""
    if path is None:
        return load_bundled()
    data, aliases = merged(Path(path), only)
    _askers[id(data)] = Asker(data=data, aliases=lambda: aliases + load_aliases())
    return data


def estimate(
    role: str,
    years: float | str | None = None,
    level: str | None = None,
    location: str | None = None,
    country: str | None = None,
    data: Dataset | None = None,
) -> Estimate:
    """One estimate, as `salarycli estimate ROLE --years N` (or `--level NAME`) gives it, with
    `--location` or `--country` when given, from `data` (default: the bundled dataset). Give
    years or level, or a title with a seniority word ("Senior Civil Engineer")."""
    chosen = data or load_bundled()
    asker = _askers.get(id(chosen))
    if asker is None:
        asker = _askers[id(chosen)] = Asker(data=chosen, aliases=load_aliases)
    return asker.estimate(role, None if years is None else str(years), level, location, country)


_askers: dict[int, Asker] = {}  # by id of the dataset they answer from


def __getattr__(name: str) -> Any:
    if name == "__version__":  # read lazily: importlib.metadata costs start-up time
        from importlib.metadata import version

        return version("salarycli")
    raise AttributeError(f"module 'salarycli' has no attribute {name!r}")
