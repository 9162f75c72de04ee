"""How long one estimate takes from the shell, as a ratio to `python -c pass` in the same run.

    python benchmarks/startup.py [--runs N]

Runs each command N times, interleaved so that machine load hits both alike, and reports the
median wall time of each and their ratio. The target (issue #2) is at most 10x. Figures measured
here go in benchmarks/RESULTS.md; tests never assert timings.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

SALARYCLI = str(Path(sys.executable).parent / "salarycli")
ESTIMATE = [SALARYCLI, "estimate", "Machine Learning Engineer", "--years", "4", "--format"]
COMMANDS = {
    "python -c pass": [sys.executable, "-c", "pass"],
    "estimate --format json": [*ESTIMATE, "json"],
    "estimate --format table": [*ESTIMATE, "table"],
    "estimate an O*NET title (json)": [
        SALARYCLI,
        "estimate",
        "DevOps Engineer",
        "-y",
        "4",
        "-f",
        "json",
    ],
    "estimate a parsed title (json)": [
        SALARYCLI,
        "estimate",
        "Sr. Software Engineer II (Remote)",
        "-f",
        "json",
    ],
    "estimate a typo (json)": [SALARYCLI, "estimate", "Sofware Enginer", "-y", "4", "-f", "json"],
    "compare (tsv)": [SALARYCLI, "compare"],
    "roles (tsv, 831 rows)": [SALARYCLI, "roles"],
}


def median_seconds(runs: int) -> tuple[dict[str, float], dict[str, int]]:
    """Each command's median wall time, and its exit code (an older checkout may refuse a
    title a newer one knows: the time of its refusal is still a time, and the table says)."""
    times: dict[str, list[float]] = {name: [] for name in COMMANDS}
    codes = {}
    for name, command in COMMANDS.items():  # warm the file cache and .pyc files first
        done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        codes[name] = done.returncode
    for _ in range(runs):
        for name, command in COMMANDS.items():
            start = time.perf_counter()
            subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            times[name].append(time.perf_counter() - start)
    return {name: statistics.median(values) for name, values in times.items()}, codes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21)
    runs = parser.parse_args().runs
    medians, codes = median_seconds(runs)
    base = medians["python -c pass"]
    print(
        f"# {platform.python_implementation()} {platform.python_version()}, "
        f"{os.cpu_count()} cores, {runs} runs each, medians"
    )
    print(f"{'command':<32} {'ms':>8} {'x python -c pass':>18} {'exit':>5}")
    for name, seconds in medians.items():
        print(f"{name:<32} {seconds * 1000:8.1f} {seconds / base:18.1f} {codes[name]:5}")


if __name__ == "__main__":
    main()
