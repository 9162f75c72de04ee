"""Throughput and memory of `salarycli batch`, against a plain csv passthrough, in one run.

    python benchmarks/batch.py [--rows N] [--tree PATH] [--ids]

Generates an N-row csv (default 1,000,000) of role and years: roles drawn from the bundled
dataset (the five without a published mean included), about 1% unknown roles and 1% bad years.
Reports, as medians of --runs interleaved runs, rows per second of
`salarycli batch FILE > /dev/null`, of a plain Python
csv.reader -> csv.writer passthrough of the same file, their ratio, and the peak memory (max
RSS) of `salarycli batch` on 1,000 rows and on N rows. Issue #4's targets on a 2-core machine:
at least 400,000 rows/s, at least 0.5x the passthrough, and 1M rows within 20 MiB of 1k rows;
issue #15's: at least 450,000 rows/s and 0.85x. `--tree PATH` times another checkout of
salarycli with this virtual environment (as benchmarks/startup.py does). `--ids` puts a
distinct id in front of every row, as an HR export has (no line repeats, so none is written
from memory).
"""

from __future__ import annotations

import argparse
import csv
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from startup import launcher  # a sibling script, found beside this one

PASSTHROUGH = (
    "import csv, sys\n"
    "with open(sys.argv[1], newline='', encoding='utf-8') as f:\n"
    "    w = csv.writer(sys.stdout, lineterminator='\\n')\n"
    "    for row in csv.reader(f):\n"
    "        w.writerow(row)\n"
)


def generate(path: Path, rows: int, seed: int = 2025, ids: bool = False) -> None:
    from salarycli.sources.bundled import load_bundled

    names = [role.role for role in load_bundled().roles]
    unknown = ["Chief Vibes Officer", "Astronaut Dentist", "Wizard", "Senior Nothing"]
    bad_years = ["-1", "abc", "nan", "71", ""]
    chooser = random.Random(seed)
    with path.open("w", newline="", encoding="utf-8") as stream:
        writer = csv.writer(stream, lineterminator="\n")
        writer.writerow(["id", "role", "years"] if ids else ["role", "years"])
        for number in range(rows):
            draw = chooser.random()
            role = chooser.choice(unknown) if draw < 0.01 else chooser.choice(names)
            if 0.01 <= draw < 0.02:
                years = chooser.choice(bad_years)
            else:
                years = str(chooser.randint(0, 40)) if draw < 0.9 else f"{chooser.randint(0, 39)}.5"
            writer.writerow([f"E{number:07d}", role, years] if ids else [role, years])


def timed(command: list[str], rows: int | None = None) -> tuple[float, int]:
    """Wall seconds and peak RSS in KiB of one run, its output thrown away. With `rows`, the
    run must be a salarycli batch that accounted for exactly that many records."""
    start = time.perf_counter()
    with open(os.devnull, "w") as sink, tempfile.TemporaryFile("w+") as errors:
        process = subprocess.Popen(command, stdout=sink, stderr=errors)
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
        errors.seek(0)
        last = errors.read().splitlines()[-1:] or [""]
    if rows is not None:
        counts = [int(word) for word in last[0].replace(",", "").split() if word.isdigit()]
        if os.waitstatus_to_exitcode(status) not in (0, 1) or sum(counts) != rows:
            sys.exit(f"{command} did not account for {rows} records: {last[0]}")
    return elapsed, usage.ru_maxrss


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=3, help="runs of each, the median reported")
    parser.add_argument("--tree", type=Path, help="time this checkout of salarycli instead")
    parser.add_argument("--ids", action="store_true", help="a distinct id column in each row")
    options = parser.parse_args()
    rows, runs = options.rows, options.runs
    salarycli = launcher(options.tree)
    with tempfile.TemporaryDirectory() as folder:
        small, big = Path(folder) / "small.csv", Path(folder) / "big.csv"
        generate(small, 1_000, ids=options.ids)
        generate(big, rows, ids=options.ids)
        batch_runs, copy_runs = [], []
        for _ in range(runs):  # interleaved, so that machine load hits both alike
            batch_runs.append(timed([*salarycli, "batch", str(big)], rows))
            copy_runs.append(timed([sys.executable, "-c", PASSTHROUGH, str(big)]))
        batch_seconds = statistics.median(seconds for seconds, _ in batch_runs)
        copy_seconds = statistics.median(seconds for seconds, _ in copy_runs)
        batch_peak = max(peak for _, peak in batch_runs)
        _, small_peak = timed([*salarycli, "batch", str(small)], 1_000)
    batch_rate, copy_rate = rows / batch_seconds, rows / copy_seconds
    print(
        f"# {platform.python_implementation()} {platform.python_version()}, "
        f"{os.cpu_count()} cores, {rows:,} rows, median wall time of {runs} runs, start-up included"
        + (f", tree {options.tree}" if options.tree else "")
        + (", a distinct id in each row" if options.ids else "")
    )
    print(f"salarycli batch          {batch_rate:12,.0f} rows/s  ({batch_seconds:.2f} s)")
    print(f"csv passthrough          {copy_rate:12,.0f} rows/s  ({copy_seconds:.2f} s)")
    print(f"ratio of the medians     {batch_rate / copy_rate:12.2f} x")
    paired = statistics.median(
        copy[0] / ours[0] for ours, copy in zip(batch_runs, copy_runs, strict=True)
    )
    print(f"median of paired ratios  {paired:12.2f} x  (each round's batch against its own copy)")
    print(f"peak memory, 1,000 rows  {small_peak / 1024:12.1f} MiB")
    print(
        f"peak memory, {rows:,} rows {batch_peak / 1024:10.1f} MiB "
        f"({(batch_peak - small_peak) / 1024:+.1f} MiB)"
    )


if __name__ == "__main__":
    main()
