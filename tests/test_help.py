"""Issue #14: every command's help has real examples, -h works, usage names its arguments."""

from __future__ import annotations

import pytest

from salarycli.cli.examples import EXAMPLES
from tests.conftest import run, sh

COMMANDS = sorted(EXAMPLES)


@pytest.mark.parametrize("name", COMMANDS)
@pytest.mark.parametrize("flag", ["-h", "--help"])
def test_help_has_examples(name: str, flag: str) -> None:
    # "" is the top-level help; "data export" a subcommand's (issue #27)
    result = run(*name.split(), flag)
    assert result.exit_code == 0
    text = " ".join(result.stdout.split())
    assert "Examples:" in text
    for command, what in EXAMPLES[name]:
        assert f"$ {command}" in text
        assert not what or f"# {what}" in text


def test_usage_names_the_arguments_and_values() -> None:
    text = run("estimate", "-h").stdout
    assert "Usage: salarycli estimate [OPTIONS] ROLE " in text
    assert "--years     -y      YEARS" in text and "--level     -l      LEVEL" in text
    assert "<str>" not in text.split("Arguments")[0]
    assert "Usage: salarycli rank [OPTIONS] ROLE SALARY " in run("rank", "-h").stdout
    usages = {
        "compare": "[OPTIONS] [ROLE...]",
        "relocate": "[OPTIONS] ROLE SALARY",
        "roles": "[OPTIONS] [SEARCH]",
        "locations": "[OPTIONS] [SEARCH]",
        "industries": "[OPTIONS] [SEARCH]",
        "batch": "[OPTIONS] [FILE]",
    }
    for name, usage in usages.items():
        assert f"Usage: salarycli {name} {usage} " in run(name, "-h").stdout
    assert "Usage: salarycli data validate [OPTIONS] PATH " in run("data", "validate", "-h").stdout
    assert run("-h").exit_code == 0


def test_batch_help_names_the_columns_it_reads() -> None:
    text = " ".join(run("batch", "--help").stdout.split())
    for words in ("job title", "years of experience", "yoe", "work location", "--role-column"):
        assert words in text


@pytest.mark.parametrize("command", [command for name in COMMANDS for command, _ in EXAMPLES[name]])
def test_every_example_runs(command: str, tmp_path: object) -> None:
    from pathlib import Path

    folder = Path(str(tmp_path))
    (folder / "people.csv").write_text("role,years\nCivil Engineer,4\nNurse,7+\n")
    done = sh(command, folder)
    assert done.returncode == 0, (command, done.stderr)
    written = [path for path in folder.rglob("*") if path.is_file() and path.name != "people.csv"]
    assert done.stdout or any(path.stat().st_size for path in written)


@pytest.mark.parametrize(
    "args", [[name] for name in COMMANDS] + [["data", sub] for sub in ("export", "validate")]
)
def test_install_hints_in_help_are_whole(args: list[str]) -> None:
    # issue #27: rich markup ate "[parquet]" from "pip install 'salarycli[parquet]'"
    text = " ".join(run(*args, "--help", env={"COLUMNS": "250"}).stdout.split())
    assert "pip install 'salarycli'" not in text
    if args == ["data", "export"]:
        assert "needs pyarrow: pip install 'salarycli[parquet]'." in text


def test_each_short_option_means_one_thing_in_every_command() -> None:
    # issue #27: -i was --industry in estimate and --input-format in batch
    import typer.main

    from salarycli.cli.typer_app import app

    meanings: dict[str, set[str]] = {}

    def walk(command: object) -> None:
        for sub in getattr(command, "commands", {}).values():
            walk(sub)
        for param in getattr(command, "params", []):
            names = list(getattr(param, "opts", []))
            long = next((name for name in names if name.startswith("--")), "")
            for name in names:
                if name.startswith("-") and not name.startswith("--"):
                    meanings.setdefault(name, set()).add(long)

    walk(typer.main.get_command(app))
    assert meanings["-i"] == {"--industry"} and meanings["-y"] == {"--years"}
    assert {short: long for short, long in meanings.items() if len(long) > 1} == {}


@pytest.mark.parametrize(
    "args",
    [
        ["estimate", "Software Developers", "-y", "4"],
        ["estimate", "Software Developers"],
        ["compare", "-y", "3"],
        ["roles", "engineer"],
        ["locations", "san jo"],
        ["levels"],
        ["market", "Software Developers", "-L", "CA"],
        ["rank", "nurse", "45/hr"],
        ["takehome", "120k", "-L", "Seattle"],
        ["industries", "software"],
        ["data", "export", "--what", "levels"],
    ],
)
def test_jsonl_everywhere_a_list_is_written(args: list[str]) -> None:
    # issue #27: -f jsonl worked in batch only; it is json's records, one a line
    import json

    lines = run(*args, "-f", "jsonl")
    assert lines.exit_code == 0, lines.stderr
    whole = json.loads(run(*args, "-f", "json").stdout)
    records = whole if isinstance(whole, list) else [whole]
    assert [json.loads(line) for line in lines.stdout.splitlines()] == records
