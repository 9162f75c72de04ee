"""Every command has help text and appears in README, with the exit codes README promises."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer

from salarycli.cli import app

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
# README, then the docs it links to, in the order their examples run (in one folder)
DOCS = ["README.md", "docs/titles.md", "docs/places.md", "docs/sources.md", "docs/scale.md",
        "docs/development.md"]  # fmt: skip
COMMANDS = typer.main.get_command(app).commands  # type: ignore[attr-defined]


def test_the_commands_are_the_documented_ones() -> None:
    assert sorted(COMMANDS) == [
        "batch",
        "compare",
        "data",
        "estimate",
        "industries",
        "levels",
        "locations",
        "market",
        "rank",
        "relocate",
        "roles",
        "takehome",
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


def readme_blocks() -> list[list[tuple[str, list[str]]]]:
    """The text blocks of README and docs/ as lists of (`$ ` command, the output shown)."""
    blocks = []
    text = "".join((ROOT / name).read_text(encoding="utf-8") for name in DOCS)
    for block in text.split("```text\n")[1:]:
        examples: list[tuple[str, list[str]]] = []
        for line in block.split("\n```")[0].splitlines():
            if line.startswith("$ "):
                examples.append((line[2:], []))
            elif examples:
                examples[-1][1].append(line)
        if examples:
            blocks.append(examples)
    return blocks


@pytest.fixture(scope="module")
def shell_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One folder for all of README's examples, which run in order (files made by one block
    are used by later ones, as a reader following README would)."""
    return tmp_path_factory.mktemp("readme")


@pytest.mark.parametrize("block", readme_blocks(), ids=lambda b: b[0][0][:50])
def test_readme_shows_real_output(
    block: list[tuple[str, list[str]]], monkeypatch: pytest.MonkeyPatch, shell_folder: Path
) -> None:
    """README's examples are what salarycli prints today, run in order in one folder: a bare
    `salarycli ...` at a 100-column terminal without colour, anything else (pipes, files)
    through bash, as a shell would."""
    import shlex
    import subprocess
    import sys

    from salarycli.present import render as output
    from tests.conftest import run

    monkeypatch.setattr(output, "is_terminal", lambda stream: True)
    monkeypatch.chdir(Path(__file__).resolve().parent.parent)  # README's paths: examples/...
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setenv("NO_COLOR", "1")
    for command, shown in block:
        while shown and not shown[-1].strip():
            shown.pop()
        words = shlex.split(command)
        if words[0] == "salarycli" and not set("|<>;") & set(command.replace("'", "")):
            result = run(*words[1:])
            printed = result.stdout + result.stderr
        else:
            done = subprocess.run(
                ["bash", "-c", command],
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
                cwd=shell_folder,
                check=False,
                env={"PATH": f"{Path(sys.executable).parent}:/usr/bin:/bin", "LC_ALL": "C.UTF-8"},
            )
            printed = done.stdout
        assert [line.rstrip() for line in printed.rstrip("\n").splitlines()] == shown, command


def test_provenance_checksums_match_the_shipped_files() -> None:
    # every file of data/ that provenance.json gives a checksum for is the file it describes
    import hashlib
    import json

    root = Path(__file__).resolve().parent.parent
    document = json.loads((root / "data" / "provenance.json").read_text(encoding="utf-8"))
    found: dict[str, str] = {}

    def walk(node: object) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "checksums":
                    found.update({k: v for k, v in value.items() if k.startswith("data/")})
                else:
                    walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(document)
    assert "data/tax_2025.csv" in found and "data/local_taxes_2025.csv" in found
    wrong = [
        name
        for name, digest in found.items()
        if hashlib.sha256((root / name).read_bytes()).hexdigest() != digest
    ]
    assert wrong == []


def test_readme_links_every_doc_and_every_doc_links_back() -> None:
    # issue #27: a short front, the reference by command, methods and development in docs/
    assert sorted(str(path.relative_to(ROOT)) for path in (ROOT / "docs").glob("*.md")) == sorted(
        DOCS[1:]
    )
    for name in DOCS[1:]:
        assert f"]({name})" in README
        assert "[Back to README](../README.md)" in (ROOT / name).read_text(encoding="utf-8")
    assert len(README.splitlines()) < 1_100
