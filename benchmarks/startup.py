"""How long the everyday commands take from the shell, as ratios to `python -c pass` in one run.

    python benchmarks/startup.py [--runs N] [--tree PATH]

Runs each command N times, interleaved so that machine load hits all alike, and reports the
median wall time of each and its ratio to `python -c pass`. Issue #15's targets (the rows marked
with a target) are ratios; figures measured here go in benchmarks/RESULTS.md, and tests never
assert timings.

`--tree PATH` times another checkout of salarycli (an older commit, say) with this virtual
environment: a launcher like the console script puts PATH first on sys.path. The installed
console script is what is timed otherwise (pip compiled its bytecode; from a source checkout
with PYTHONDONTWRITEBYTECODE set, every run compiles the modules it imports: see RESULTS.md).
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ESTIMATE = ["estimate", "Machine Learning Engineer", "--years", "4", "--format"]
# name -> (salarycli arguments, issue #15's target as a ratio to python -c pass, or None)
ROWS: dict[str, tuple[list[str], float | None]] = {
    "estimate -f json": ([*ESTIMATE, "json"], 6.0),
    "estimate -f table": ([*ESTIMATE, "table"], 8.0),
    "--version": (["--version"], 6.0),
    "estimate -L 'Austin, TX' -f json": (
        ["estimate", "Civil Engineer", "-L", "Austin, TX", "-f", "json"],
        6.5,
    ),
    "market -L CA -f table": (
        ["market", "Software Developers", "-L", "CA", "-f", "table"],
        8.5,
    ),
    "estimate an O*NET title (json)": (
        ["estimate", "DevOps Engineer", "-y", "4", "-f", "json"],
        None,
    ),
    "estimate a parsed title (json)": (
        ["estimate", "Sr. Software Engineer II (Remote)", "-f", "json"],
        None,
    ),
    "estimate a typo (json)": (["estimate", "Sofware Enginer", "-y", "4", "-f", "json"], None),
    "estimate --help": (["estimate", "--help"], None),
    "compare (tsv)": (["compare"], None),
    "roles (tsv, 831 rows)": (["roles"], None),
}


def launcher(tree: Path | None) -> list[str]:
    """The command that runs salarycli: the installed console script, or a script that runs
    `tree`'s salarycli.console.main the way the console script does."""
    if tree is None:
        return [str(Path(sys.executable).parent / "salarycli")]
    script = Path(tempfile.mkdtemp()) / "salarycli"
    script.write_text(
        f"#!{sys.executable}\nimport sys\nsys.path.insert(0, {str(tree.resolve())!r})\n"
        "from salarycli.console import main\nsys.exit(main())\n"
    )
    script.chmod(0o755)
    return [str(script)]


def median_seconds(
    commands: dict[str, list[str]], runs: int
) -> tuple[dict[str, float], dict[str, int]]:
    """Each command's median wall time, and its exit code (an older checkout may refuse a
    title a newer one knows: the time of its refusal is still a time, and the table says)."""
    times: dict[str, list[float]] = {name: [] for name in commands}
    codes = {}
    for name, command in commands.items():  # warm the file cache and .pyc files first
        done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        codes[name] = done.returncode
    for _ in range(runs):
        for name, command in commands.items():
            start = time.perf_counter()
            subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            times[name].append(time.perf_counter() - start)
    return {name: statistics.median(values) for name, values in times.items()}, codes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--tree", type=Path, help="time this checkout of salarycli instead")
    options = parser.parse_args()
    run = launcher(options.tree)
    commands = {"python -c pass": [sys.executable, "-c", "pass"]}
    commands.update({name: [*run, *arguments] for name, (arguments, _) in ROWS.items()})
    medians, codes = median_seconds(commands, options.runs)
    base = medians["python -c pass"]
    print(
        f"# {platform.python_implementation()} {platform.python_version()}, "
        f"{os.cpu_count()} cores, {options.runs} runs each, medians"
        + (f", tree {options.tree}" if options.tree else "")
    )
    print(f"{'command':<36} {'ms':>7} {'x pass':>7} {'target':>7} {'exit':>5}")
    for name, seconds in medians.items():
        target = ROWS[name][1] if name in ROWS else None
        aim = f"<={target:g}" if target else ""
        print(f"{name:<36} {seconds * 1000:7.1f} {seconds / base:7.2f} {aim:>7} {codes[name]:5}")


if __name__ == "__main__":
    main()
