"""Loading a 10,000-role user csv and producing one estimate (issue #6: under 1 s wall).

    python benchmarks/userdata.py [--roles N] [--runs R]

Writes a roles.csv of N roles (name, base_salary, currency, soc, p25, p75) to a scratch folder,
then times, as medians of R runs: `salarycli estimate` without --data (the baseline), `salarycli
--data FOLDER estimate ...` for one of the user's roles, and `salarycli data validate FOLDER`;
and, in-process, how long validating the file takes by itself.
"""

from __future__ import annotations

import argparse
import csv
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SALARYCLI = str(Path(sys.executable).parent / "salarycli")


def wall(command: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--roles", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=7)
    options = parser.parse_args()
    from salarycli.sources import user as userdata

    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        with (folder / "roles.csv").open("w", newline="") as stream:
            writer = csv.writer(stream, lineterminator="\n")
            writer.writerow(["role", "base_salary", "currency", "soc", "p25", "p75"])
            for number in range(options.roles):
                base = 50_000 + number * 7
                writer.writerow(
                    [
                        f"Band {number:05d} Engineer",
                        base,
                        "USD",
                        "15-1252",
                        base - 9_000,
                        base + 11_000,
                    ]
                )
        baseline = wall(
            [SALARYCLI, "estimate", "Civil Engineer", "-y", "4", "-f", "json"], options.runs
        )
        question = ["estimate", "Band 04242 Engineer", "-y", "4", "-f", "json"]
        with_data = wall([SALARYCLI, "--data", scratch, *question], options.runs)
        validate = wall([SALARYCLI, "data", "validate", scratch], options.runs)
        starts = []
        for _ in range(options.runs):
            start = time.perf_counter()
            userdata.read(folder)
            starts.append(time.perf_counter() - start)
        reading = statistics.median(starts) * 1000
    print(f"# {options.roles:,} user roles, medians of {options.runs} runs")
    print(f"{'estimate, bundled data only':44}{baseline:8.0f} ms")
    print(f"{'--data FOLDER estimate (one user role)':44}{with_data:8.0f} ms  (target < 1000)")
    print(f"{'data validate FOLDER':44}{validate:8.0f} ms")
    print(f"{'reading and validating the csv, in-process':44}{reading:8.0f} ms")


if __name__ == "__main__":
    main()
