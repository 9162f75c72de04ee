"""Every command has help text and appears in README, with the exit codes README promises."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer

from salarycli.cli import app

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
COMMANDS = typer.main.get_command(app).commands  # type: ignore[attr-defined]


def test_the_commands_are_the_documented_ones() -> None:
    assert sorted(COMMANDS) == [
        "compare",
        "estimate",
        "levels",
        "locations",
        "market",
        "rank",
        "relocate",
        "roles",
    ]


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_command_has_help_and_is_in_readme(name: str) -> None:
    assert COMMANDS[name].help
    assert f"salarycli {name}" in README


@pytest.mark.parametrize("code", ["0", "1", "2", "3", "130"])
def test_readme_lists_exit_codes(code: str) -> None:
    assert f"| {code} |" in README


def test_readme_gives_the_two_setup_commands() -> None:
    assert 'pip install . && salarycli estimate "Machine Learning Engineer" --years 4' in README
    assert "pip install -e '.[test]' && pytest" in README
