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

from functools import cache
from typing import Any

from salarycli.dataset import load_bundled
from salarycli.query import Asker
from salarycli.records import Dataset, Estimate, Level, Role

__all__ = ["Dataset", "Estimate", "Level", "Role", "estimate", "load_dataset"]


def load_dataset() -> Dataset:
    """The bundled dataset: roles, the level ladder and their sources."""
    return load_bundled()


def estimate(
    role: str,
    years: float | str | None = None,
    level: str | None = None,
    location: str | None = None,
    country: str | None = None,
) -> Estimate:
    """One estimate, as `salarycli estimate ROLE --years N` (or `--level NAME`) gives it, with
    `--location` or `--country` when given. Give one of years and level."""
    return _asker().estimate(role, None if years is None else str(years), level, location, country)


@cache
def _asker() -> Asker:
    return Asker()


def __getattr__(name: str) -> Any:
    if name == "__version__":  # read lazily: importlib.metadata costs start-up time
        from importlib.metadata import version

        return version("salarycli")
    raise AttributeError(f"module 'salarycli' has no attribute {name!r}")
