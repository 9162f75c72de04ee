"""What users run: the installed `salarycli` script and `python -m salarycli`, in pipes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from salarycli.present import render as output
from salarycli.sources import bundled as dataset
from tests.conftest import run, sh

SCRIPT = str(Path(sys.executable).parent / "salarycli")
MLE = "Machine Learning Engineer"


def test_installed_script_from_another_folder(tmp_path: Path) -> None:
    done = subprocess.run(
        [SCRIPT, "estimate", MLE, "--years", "4", "--format", "json"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert (done.returncode, done.stderr) == (0, "")
    assert '"salary": 142495' in done.stdout and '"level": "Mid Level"' in done.stdout


def test_python_dash_m(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "salarycli", "compare", "--format", "csv"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout.splitlines()[1].startswith("Machine Learning Engineer,,Entry Level,,0.75,")


@pytest.mark.parametrize(
    "command",
    [
        "salarycli compare | head -n 1",
        "salarycli roles | head -n 1",
        "salarycli roles -f json | head -c 1 >/dev/null; echo",
        "python -m salarycli roles | head -n 1",
    ],
)
def test_a_closed_pipe_ends_quietly(command: str, tmp_path: Path) -> None:
    done = sh(f"set -o pipefail; {command}", tmp_path)
    assert "Traceback" not in done.stderr and "Exception ignored" not in done.stderr
    assert done.stderr == ""


def test_reader_gone_before_the_first_write_exits_1_without_a_traceback() -> None:
    process = subprocess.Popen(
        [SCRIPT, "roles"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # nobody will read what it writes
    stderr = process.stderr.read()
    assert (process.wait(timeout=60), stderr) == (1, "")


def test_errors_go_to_stderr_only(tmp_path: Path) -> None:
    done = sh("salarycli estimate 'Astronaut Wizard' 2>err >out; echo $?", tmp_path)
    assert done.stdout == "1\n"
    assert (tmp_path / "out").read_text() == ""
    assert (tmp_path / "err").read_text().startswith("salarycli: error: unknown role")


def test_ctrl_c_is_exit_130_and_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted() -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(dataset, "load_bundled", interrupted)
    result = run("levels")
    assert (result.exit_code, result.stdout, result.stderr) == (
        130,
        "",
        "salarycli: error: interrupted\n",
    )


def test_tables_colour_at_a_terminal_unless_no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(output, "is_terminal", lambda stream: True)
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")
    assert "\x1b[" in run("levels").stdout  # a terminal gets the table, in colour
    monkeypatch.setenv("NO_COLOR", "1")
    plain = run("levels").stdout
    assert "Entry Level" in plain and "\x1b[" not in plain


def test_an_everyday_estimate_imports_neither_pydantic_nor_rich_nor_rapidfuzz() -> None:
    """What keeps start-up fast (benchmarks/RESULTS.md): these load only where needed."""
    code = (
        "import sys, io, contextlib\n"
        "from salarycli.cli import app\n"
        "from typer.testing import CliRunner\n"
        "CliRunner().invoke(app, ['estimate', 'SWE II', '-L', 'CA', '-f', 'json'])\n"
        "print(sorted(m for m in ('pydantic', 'rich', 'rapidfuzz') if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout == "[]\n"


def test_version_from_the_console_script_alone(tmp_path: Path) -> None:
    # issue #27: --version answers before the command line is imported (1.7x `python -c
    # pass`); its output fails as every command's does
    import salarycli

    done = subprocess.run([SCRIPT, "--version"], capture_output=True, text=True, check=False)
    assert (done.returncode, done.stdout, done.stderr) == (
        0,
        f"salarycli {salarycli.__version__}\n",
        "",
    )
    full = sh("salarycli --version > /dev/full; echo $?", tmp_path)
    assert full.stdout == "1\n"
    assert full.stderr == "salarycli: error: cannot write the output: no space left on device\n"
    closed = sh("salarycli --version >&-; echo $?", tmp_path)
    assert (closed.stdout, closed.stderr) == (
        "1\n",
        "salarycli: error: cannot write the output: stdout is closed\n",
    )
