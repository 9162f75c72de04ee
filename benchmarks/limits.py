"""Hostile sizes stay linear and lean (issue #10, cases 8 and 9), measured from the shell.

    python benchmarks/limits.py [--runs R] [--megabytes M]

1. A user roles.csv of about M MB (default 49): `salarycli data validate FOLDER` and one
   `salarycli --data FOLDER estimate ...`: median wall seconds and peak memory (max RSS) of R
   runs. Issue #10's target: under 5 s and under 500 MB.
2. `salarycli batch` over a csv whose one line is 4, 16 and 64 MB long, and over one quoted
   field of 16 MB spread over many lines: wall seconds and seconds per MB, which stay flat when
   reading is linear (it was quadratic: 1.8 s for 4 MB, 13.6 s for 16 MB, 300 MB never ended).
"""

from __future__ import annotations

import argparse
import csv
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SALARYCLI = str(Path(sys.executable).parent / "salarycli")


def timed(command: list[str], stdin: Path | None = None) -> tuple[float, float]:
    """Wall seconds and peak RSS in MiB of one run; its output thrown away."""
    with open(os.devnull, "w") as sink, (stdin or Path(os.devnull)).open("rb") as source:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdin=source, stdout=sink, stderr=subprocess.DEVNULL)
        _, _, usage = os.wait4(process.pid, 0)
        return time.perf_counter() - start, usage.ru_maxrss / 1024


def median_of(runs: int, command: list[str], stdin: Path | None = None) -> tuple[float, float]:
    results = [timed(command, stdin) for _ in range(runs)]
    return statistics.median(r[0] for r in results), max(r[1] for r in results)


def user_data(folder: Path, megabytes: int) -> int:
    roles = 0
    with (folder / "roles.csv").open("w", newline="") as stream:
        writer = csv.writer(stream, lineterminator="\n")
        writer.writerow(["role", "base_salary", "currency", "soc", "group", "p25", "p75"])
        while stream.tell() < megabytes * 1_000_000:
            for _ in range(1000):
                base = 50_000 + roles % 90_000
                writer.writerow(
                    [
                        f"Band {roles:07d} Software Engineer",
                        base,
                        "USD",
                        "15-1252",
                        "Engineering",
                        base - 5000,
                        base + 10000,
                    ]
                )
                roles += 1
    return roles


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--megabytes", type=int, default=49)
    options = parser.parse_args()
    print(
        f"# {platform.python_implementation()} {platform.python_version()}, {os.cpu_count()} "
        f"cores, medians of {options.runs} runs, peak memory the largest"
    )
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / "bands"
        folder.mkdir()
        roles = user_data(folder, options.megabytes)
        size = (folder / "roles.csv").stat().st_size / 1_000_000
        print(f"user data: {size:.1f} MB, {roles:,} roles")
        for name, command in (
            ("data validate", [SALARYCLI, "data", "validate", str(folder)]),
            (
                "estimate with it",
                [
                    *(SALARYCLI, "--data", str(folder), "estimate"),
                    *("Band 0000123 Software Engineer", "--years", "3", "-f", "json"),
                ],
            ),
        ):
            seconds, peak = median_of(options.runs, command)
            print(f"  {name:<20} {seconds:7.2f} s  {peak:8.1f} MiB")
        print("batch, one long line or one long field:")
        for label, megabytes, quoted in (
            ("line", 4, False),
            ("line", 16, False),
            ("line", 64, False),
            ("quoted field", 16, True),
        ):
            source = Path(scratch) / "long.csv"
            with source.open("w") as stream:
                stream.write("role,years\nCivil Engineer,3\n")
                # written a MB at a time: a child forked while this process held the whole
                # line would count it in its peak memory
                stream.write('"' if quoted else "")
                for _ in range(megabytes):
                    stream.write("A\n" * 500_000 if quoted else "x" * 1_000_000)
                stream.write('",3\n' if quoted else ",3\n")
                stream.write("Civil Engineer,4\n")
            seconds, peak = median_of(options.runs, [SALARYCLI, "batch"], source)
            print(
                f"  {label:<13}{megabytes:4d} MB {seconds:7.2f} s  {seconds / megabytes:6.3f} s/MB"
                f"  {peak:8.1f} MiB"
            )
            source.unlink()


if __name__ == "__main__":
    main()
