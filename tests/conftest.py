"""Shared fixtures: the bundled dataset and a runner for the command line."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner, Result

from salarycli.cli import app
from salarycli.core.records import Dataset
from salarycli.sources.bundled import load_bundled


@pytest.fixture(scope="session")
def data() -> Dataset:
    return load_bundled()


def run(*args: str, env: dict[str, str] | None = None) -> Result:
    """Run salarycli in-process, stdout and stderr kept apart; stdout is not a terminal."""
    return CliRunner().invoke(app, list(args), env=env, catch_exceptions=False)
