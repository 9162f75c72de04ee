"""Rewrite the output under each `$ ` example of README.md and docs/ as salarycli prints it.

    python scripts/readme_examples.py          # rewrite README.md in place
    python scripts/readme_examples.py --check  # exit 1 if any example is out of date

Runs the examples the way tests/test_docs.py checks them: a bare `salarycli ...` as at a
100-column terminal without colour, anything else through bash, all in one scratch folder, in
order. Review the diff before committing: this records behaviour, it does not judge it.
"""

from __future__ import annotations

import argparse
import os
import shlex
import subprocess
import sys
import tempfile
from pathlib import Path

README = Path(__file__).resolve().parent.parent / "README.md"
# README, then the docs it links to, in the order their examples run (tests/test_docs.py)
DOCS = ["README.md", "docs/titles.md", "docs/places.md", "docs/sources.md", "docs/scale.md",
        "docs/development.md"]  # fmt: skip
BIN = str(Path(sys.executable).parent)


def run(command: str, folder: str) -> list[str]:
    words = shlex.split(command)
    if words[0] == "salarycli" and not set("|<>;") & set(command.replace("'", "")):
        printed = _at_a_terminal(words[1:])
    else:
        env = {"PATH": f"{BIN}:/usr/bin:/bin", "LC_ALL": "C.UTF-8"}
        done = subprocess.run(
            ["bash", "-c", command],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            cwd=folder,
            env=env,
            check=False,
        )
        printed = done.stdout
    return [line.rstrip() for line in printed.rstrip("\n").splitlines()]


def _at_a_terminal(args: list[str]) -> str:
    """salarycli in-process, its stdout taken for a 100-column terminal without colour."""
    from typer.testing import CliRunner

    from salarycli.cli import app
    from salarycli.present import render as output

    output.is_terminal = lambda stream: True
    os.environ.update(COLUMNS="100", NO_COLOR="1")
    os.chdir(README.parent)  # README's paths are relative to the repository: examples/...
    result = CliRunner().invoke(app, args)
    return result.stdout + result.stderr


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true")
    check = parser.parse_args().check
    stale = False
    with tempfile.TemporaryDirectory() as folder:  # one folder for every document, in order
        for name in DOCS:
            path = README.parent / name
            text = _rewritten(path.read_text(encoding="utf-8").splitlines(), folder)
            if text != path.read_text(encoding="utf-8"):
                stale = True
                if not check:
                    path.write_text(text, encoding="utf-8")
    if check:
        sys.exit(1 if stale else 0)


def _rewritten(lines: list[str], folder: str) -> str:
    """A document with the output under each `$ ` example as salarycli prints it today."""
    result: list[str] = []
    inside = False
    index = 0
    while index < len(lines):
        line = lines[index]
        result.append(line)
        index += 1
        if line.startswith("```text"):
            inside = True
        elif line.startswith("```"):
            inside = False
        elif inside and line.startswith("$ "):
            shown = []
            while index < len(lines) and not lines[index].startswith(("$ ", "```")):
                shown.append(lines[index])
                index += 1
            trailing = []
            while shown and not shown[-1].strip():
                trailing.append(shown.pop())
            result += run(line[2:], folder) + trailing
    return "\n".join(result) + "\n"


if __name__ == "__main__":
    sys.path.insert(0, str(README.parent))
    main()
