"""Speed of --net: distinct (salary, state) returns per second, and batch --net against batch.

    python benchmarks/takehome.py [--pairs N]

1. N distinct (salary, state, filing) returns through Session.take_home (the tax library's
   cache empty, in process): returns per second; then the same N again (all remembered).
2. `salarycli batch --net` and `salarycli batch` over one csv of 20,000 records that ask
   N distinct questions (roles x years x states), median of 3 interleaved runs each, start-up
   included.
Issue #16's target: at least 1,000 distinct pairs a second, repeated pairs cached; issue #25's:
batch --net at least 20,000 distinct returns a second.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from salarycli.core.income_tax import RULES  # noqa: E402
from salarycli.core.takehome import NO_INCOME_TAX  # noqa: E402

STATES = sorted({*RULES, *NO_INCOME_TAX})  # all 50 states and DC


def returns_per_second(pairs: int) -> tuple[float, float]:
    from salarycli import taxes
    from salarycli.session import Session

    session = Session()
    places = {state: session.place(state, None) for state in STATES}
    chooser = random.Random(16)
    asked = {
        (
            chooser.randrange(10_000, 1_000_000),
            chooser.choice(STATES),
            chooser.choice(["single", "joint", "head"]),
        )
        for _ in range(pairs)
    }
    taxes.breakdown.cache_clear()
    start = time.perf_counter()
    for salary, state, filing in asked:
        session.take_home(salary, places[state], filing)
    fresh = len(asked) / (time.perf_counter() - start)
    start = time.perf_counter()
    for salary, state, filing in asked:
        session.take_home(salary, places[state], filing)
    again = len(asked) / (time.perf_counter() - start)
    return fresh, again


def batch_file(path: Path, rows: int) -> None:
    from salarycli.sources.bundled import load_bundled

    roles = [role.role for role in load_bundled().roles if role.soc][:200]
    chooser = random.Random(2026)
    with path.open("w", newline="") as stream:
        writer = csv.writer(stream, lineterminator="\n")
        writer.writerow(["role", "years", "location"])
        for _ in range(rows):
            writer.writerow([chooser.choice(roles), chooser.randint(0, 30), chooser.choice(STATES)])


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    with open(os.devnull, "w") as sink:
        subprocess.run(command, stdout=sink, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=50_000)
    options = parser.parse_args()
    fresh, again = returns_per_second(options.pairs)
    print(f"distinct returns, first time   {fresh:10,.0f} a second")
    print(f"the same returns again         {again:10,.0f} a second")
    salarycli = str(Path(sys.executable).parent / "salarycli")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "people.csv"
        batch_file(path, 20_000)
        plain, net = [], []
        for _ in range(3):
            plain.append(timed([salarycli, "batch", str(path)]))
            net.append(timed([salarycli, "batch", "--net", str(path)]))
    print(f"batch, 20,000 records          {statistics.median(plain):10.2f} s")
    print(f"batch --net, the same          {statistics.median(net):10.2f} s")


if __name__ == "__main__":
    main()
