"""salarycli: salary estimates by role and experience, from BLS OEWS May 2025 and a seed table.

The library API:

    >>> import salarycli
    >>> salarycli.estimate("Machine Learning Engineer", years=4).salary
    142495

An estimate's `salary` is None where BLS publishes the wage it rests on only as a lower bound
(top-coded); `at_least` then holds the bound.

The package's rooms (docs/development.md, "How the code is laid out"): core/ is the pure
estimator, ladder and market; sources/ loads data; resolve/ turns what was typed into roles,
places and amounts; present/ writes records; cli/, batch and this API are the ways in;
session ties them together.
"""

from __future__ import annotations

# Nothing is imported here at start: the console script imports this package before it can
# take over Ctrl-C (salarycli/console.py), so every import waits until it is needed.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path
    from typing import Any

    from salarycli.core.records import Dataset, Estimate, Level, Role
    from salarycli.session import Session

# The one place the version is written: pyproject.toml reads it from here ([tool.hatch.version]),
# and `salarycli --version` prints it without asking importlib.metadata (~50 ms).
__version__ = "0.1.0"
__all__ = [
    "Dataset",
    "Estimate",
    "Level",
    "Role",
    "Session",
    "estimate",
    "estimate_frame",
    "load_dataset",
]
SESSIONS = 8  # the datasets whose name indexes are kept between calls, most recent first


def estimate_frame(frame: Any, **columns: Any) -> Any:
    """`salarycli batch` for a pandas DataFrame (or a pyarrow Table or RecordBatch): the rows
    with the estimate fields appended (salarycli.frame.estimate_frame; the extra
    salarycli[frame])."""
    from salarycli.frame import estimate_frame as frame_estimate

    return frame_estimate(frame, **columns)


def load_dataset(path: str | Path | None = None, only: bool = False) -> Dataset:
    """The bundled dataset, or your own on top of it, as `--data PATH` (and `--only-data`)
    give it: a folder with roles.csv (levels.csv, aliases.csv), or a .json or .toml file.
    Raises salarycli.errors.InvalidData, whose `problems` list every problem."""
    from salarycli.session import Session
    from salarycli.sources.bundled import load_bundled

    if path is None:
        return load_bundled()
    return Session(path=str(path), only=only).data


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
    from salarycli.sources.bundled import load_bundled

    session = _session_for(data or load_bundled())
    return session.estimate(role, None if years is None else str(years), level, location, country)


# The last few datasets' sessions, each kept with its dataset so that an id is not reused while
# its session is remembered; bounded, so a long-running program does not grow.
_sessions: dict[int, tuple[Dataset, Session]] = {}  # in order of use, the latest last


def _session_for(data: Dataset) -> Session:
    from salarycli.session import Session

    kept = _sessions.pop(id(data), None)
    if kept is None or kept[0] is not data:
        kept = (data, Session(data))
    _sessions[id(data)] = kept
    while len(_sessions) > SESSIONS:
        del _sessions[next(iter(_sessions))]
    return kept[1]


def __getattr__(name: str) -> Any:
    if name in ("Dataset", "Estimate", "Level", "Role"):
        from salarycli.core import records

        return getattr(records, name)
    if name == "Session":
        from salarycli.session import Session

        return Session
    raise AttributeError(f"module 'salarycli' has no attribute {name!r}")
