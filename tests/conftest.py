"""Shared fixtures: the bundled dataset and a runner for the command line."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path
from types import ModuleType

import pytest
from typer.testing import CliRunner, Result

from salarycli.cli import app
from salarycli.core.records import Dataset
from salarycli.core.takehome import TakeHome
from salarycli.sources.bundled import load_bundled


@pytest.fixture(scope="session")
def data() -> Dataset:
    return load_bundled()


def left_of(found: TakeHome) -> int:
    """A breakdown's take-home as its parts say: the wage less every tax and contribution."""
    return (
        found.gross
        - found.pretax
        - found.federal_income_tax
        - (found.state_income_tax or 0)
        - (found.local_income_tax or 0)
        - found.social_security
        - found.medicare
        - found.state_payroll
    )


def run(*args: str, env: dict[str, str] | None = None, input: str | None = None) -> Result:
    """Run salarycli in-process, stdout and stderr kept apart; stdout is not a terminal."""
    return CliRunner().invoke(app, list(args), env=env, input=input, catch_exceptions=False)


SCRIPT = str(Path(sys.executable).parent / "salarycli")


def sh(command: str, cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """A shell command line with the installed salarycli first on PATH, in the C.UTF-8 locale."""
    environment = {"PATH": f"{Path(sys.executable).parent}:/usr/bin:/bin", "LC_ALL": "C.UTF-8"}
    environment.update(env)
    return subprocess.run(
        ["bash", "-c", command],
        cwd=cwd,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def start_batch() -> subprocess.Popen[str]:
    """`salarycli batch` reading stdin, sent a header and one record, the pipe left open."""
    process = subprocess.Popen(
        [SCRIPT, "batch"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdin and process.stdout and process.stderr
    process.stdin.write("role,years\nCivil Engineer,4\n")
    process.stdin.flush()
    return process


def stop_a_running_batch(sent: signal.Signals) -> tuple[int, str]:
    """Start `salarycli batch`, wait until it has answered a record and waits for more, send it
    `sent`, and return its exit code and stderr."""
    process = start_batch()
    assert process.stdout and process.stderr
    process.stdout.readline()  # running, and waiting for more input
    time.sleep(0.2)
    process.send_signal(sent)
    return process.wait(timeout=30), process.stderr.read()


def drain(leader: int) -> bytes:
    """Everything a pseudo-terminal shows until the command on it ends."""
    import os

    shown = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal closed: the command ended
            break
        if not chunk:
            break
        shown += chunk
    return shown


def load_script(name: str) -> ModuleType:
    """A build script of scripts/ as a module (registered, as a dataclass in it needs)."""
    import importlib.util

    path = Path(__file__).resolve().parent.parent / "scripts" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module
