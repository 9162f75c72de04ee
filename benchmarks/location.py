"""What `--location` adds to one estimate: the difference of medians, in the same run.

    python benchmarks/location.py [--runs N]

Issue #3's budget (and #12's) is at most 10 ms added by a place lookup. Runs the national
estimate and the same estimate in a state, a metro (read from the largest file), a country, a
city, a ZIP code, a county and a nickname (read from data/us_places.csv), interleaved, and
reports each median and its difference from the national one.
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
ESTIMATE = [SALARYCLI, "estimate", "Civil Engineer", "--years", "8", "--format", "json"]
COMMANDS = {
    "national": ESTIMATE,
    "--location CA": [*ESTIMATE, "--location", "CA"],
    "--location Houston (metro)": [*ESTIMATE, "--location", "Houston"],
    "--location 'Portland, ME'": [*ESTIMATE, "--location", "Portland, ME"],
    "--country DE": [*ESTIMATE, "--country", "DE"],
    "--location 'Palo Alto' (city)": [*ESTIMATE, "--location", "Palo Alto"],
    "--location 94301 (ZIP)": [*ESTIMATE, "--location", "94301"],
    "--location 'King County, WA'": [*ESTIMATE, "--location", "King County, WA"],
    "--location NYC (nickname)": [*ESTIMATE, "--location", "NYC"],
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=31)
    runs = parser.parse_args().runs
    times: dict[str, list[float]] = {name: [] for name in COMMANDS}
    for command in COMMANDS.values():  # warm up
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    for _ in range(runs):
        for name, command in COMMANDS.items():
            start = time.perf_counter()
            subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
            times[name].append(time.perf_counter() - start)
    medians = {name: statistics.median(values) * 1000 for name, values in times.items()}
    print(
        f"# {platform.python_implementation()} {platform.python_version()}, "
        f"{os.cpu_count()} cores, {runs} runs each, medians"
    )
    print(f"{'estimate':<34} {'ms':>8} {'added ms':>9}")
    for name, ms in medians.items():
        print(f"{name:<34} {ms:8.1f} {ms - medians['national']:9.1f}")


if __name__ == "__main__":
    main()
