"""The loaded datasets as rows, for `salarycli data` (info, export, validate). Loading belongs
to the session's layer, so the command line asks here rather than reading sources/ itself."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from salarycli.core.records import Place, Wages
from salarycli.sources import files, load_places, oews, registered

if TYPE_CHECKING:
    from salarycli.sources.user import UserData


def places() -> tuple[Place, ...]:
    """Every place of the registered sources: states, metro and nonmetro areas, countries."""
    return load_places()


def wage_rows() -> Iterator[tuple[Place, str, Wages]]:
    """Every (area, SOC code, figures) of BLS's state and metro tables, streamed in file order."""
    areas = next(source for _, source in registered() if isinstance(source, oews.Areas))
    return areas.rows()


def bundled_rows(name: str) -> list[dict[str, str]]:
    """A bundled csv of data/ (titles.csv, us_places.csv) as dicts."""
    return files.rows(files.data_dir() / name)


def checked(path: Path) -> UserData:
    """A user's dataset, read and validated; InvalidData lists every problem."""
    from salarycli.sources import user  # only `data validate` pays for it

    return user.read(path)
