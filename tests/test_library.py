"""The library API in salarycli/__init__.py."""

from __future__ import annotations

from importlib.metadata import version

import pytest

import salarycli
from salarycli.core.estimator import ladder
from salarycli.errors import BadInput, UnknownRole


def test_estimate_by_years_and_by_level() -> None:
    assert callable(salarycli.estimate) and callable(ladder)
    result = salarycli.estimate("Machine Learning Engineer", years=4)
    assert (result.level, result.salary, result.years) == ("Mid Level", 142495, 4.0)
    assert salarycli.estimate("17-2051", level="senior").salary == 126219
    assert salarycli.estimate("civil engineer", years="2.9").level == "Entry Level"


def test_estimate_errors() -> None:
    with pytest.raises(BadInput, match="give years or level"):
        salarycli.estimate("Civil Engineer")
    with pytest.raises(UnknownRole):
        salarycli.estimate("Astronaut", years=3)
    with pytest.raises(BadInput, match="give --years or --level, not both"):
        salarycli.estimate("Civil Engineer", years=3, level="mid")


def test_load_dataset_and_version() -> None:
    data = salarycli.load_dataset()
    assert (data.roles[0].role, len(data.roles), len(data.levels)) == (
        "Machine Learning Engineer",
        831,
        5,
    )
    assert salarycli.__version__ == version("salarycli")


def test_sessions_of_the_library_are_bounded() -> None:
    """Each dataset gets its own session; only the last few are kept (no growth without bound)."""
    import salarycli as api
    from salarycli.core.records import Dataset

    bundled = api.load_dataset()
    copies = [Dataset(bundled.roles, bundled.levels, bundled.sources) for _ in range(20)]
    for copy in copies:
        assert api.estimate("Civil Engineer", years=3, data=copy).salary == 84112
    assert len(api._sessions) == api.SESSIONS
    assert [kept for kept, _ in api._sessions.values()] == copies[-api.SESSIONS :]
