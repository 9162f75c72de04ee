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


def readme_examples() -> list[tuple[str, list[str]]]:
    """Each `$ salarycli ...` line of README's text blocks, with the output shown under it."""
    examples: list[tuple[str, list[str]]] = []
    for block in README.split("```text\n")[1:]:
        for line in block.split("\n```")[0].splitlines():
            if line.startswith("$ "):
                examples.append((line[2:], []))
            elif examples:
                examples[-1][1].append(line)
    return examples


@pytest.mark.parametrize(("command", "shown"), readme_examples(), ids=lambda x: str(x)[:60])
def test_readme_shows_real_output(
    command: str, shown: list[str], monkeypatch: pytest.MonkeyPatch, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    """README's examples are what salarycli prints today: at a 100-column terminal without
    colour, or through the pipe they show."""
    import shlex
    import subprocess
    import sys

    from salarycli import output
    from tests.conftest import run

    while shown and not shown[-1].strip():
        shown.pop()
    if "|" in command:
        done = subprocess.run(
            ["bash", "-c", command],
            capture_output=True,
            text=True,
            cwd=tmp_path,
            check=False,
            env={"PATH": f"{Path(sys.executable).parent}:/usr/bin:/bin"},
        )
        printed = done.stdout + done.stderr
    else:
        monkeypatch.setattr(output, "is_terminal", lambda stream: True)
        monkeypatch.setenv("COLUMNS", "100")
        monkeypatch.setenv("NO_COLOR", "1")
        result = run(*shlex.split(command)[1:])
        printed = result.stdout + result.stderr
    assert [line.rstrip() for line in printed.rstrip("\n").splitlines()] == shown
