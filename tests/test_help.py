"""Issue #14: every command's help has real examples, -h works, usage names its arguments."""

from __future__ import annotations

import pytest

from salarycli.cli.examples import EXAMPLES
from tests.conftest import run, sh

COMMANDS = sorted(EXAMPLES)


@pytest.mark.parametrize("name", COMMANDS)
@pytest.mark.parametrize("flag", ["-h", "--help"])
def test_help_has_examples(name: str, flag: str) -> None:
    result = run(name, flag)
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
    assert done.stdout or (folder / "estimates.csv").read_text()


@pytest.mark.parametrize(
    "args", [[name] for name in COMMANDS] + [["data", sub] for sub in ("export", "validate")]
)
def test_install_hints_in_help_are_whole(args: list[str]) -> None:
    # issue #27: rich markup ate "[parquet]" from "pip install 'salarycli[parquet]'"
    text = " ".join(run(*args, "--help", env={"COLUMNS": "250"}).stdout.split())
    assert "pip install 'salarycli'" not in text
    if args == ["data", "export"]:
        assert "needs pyarrow: pip install 'salarycli[parquet]'." in text
