"""Title resolution speed (issue #5), in one run.

    python benchmarks/titles.py [--runs N]

Reports:
- the wall time of a shell TAB press: `salarycli` asked by bash's completion protocol for the
  roles that start with a 3-letter prefix (target: under 150 ms), beside `python -c pass`;
- in-process: a known name (a dictionary lookup), an alias, and fuzzy misses over every name
  and alias (target: under 20 ms) as salarycli answers them (rapidfuzz), beside the standard
  library's difflib doing the same search: the measurement that made rapidfuzz a dependency.
"""

from __future__ import annotations

import argparse
import contextlib
import difflib
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from salarycli.errors import SalarycliError

SALARYCLI = str(Path(sys.executable).parent / "salarycli")
MISSES = ["xqzzy plumbing wizard", "chief vibes officer", "astronaut dentist", "senior nothing"]


def wall(command: list[str], env: dict[str, str] | None, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, env=env, stdout=subprocess.DEVNULL, check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def in_process(call: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        with contextlib.suppress(SalarycliError):  # a miss raises UnknownRole: that is timed
            call()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21)
    runs = parser.parse_args().runs

    from salarycli.resolve.titles import RoleIndex, normalise
    from salarycli.sources import bundled as dataset

    tab = {
        **os.environ,
        "_SALARYCLI_COMPLETE": "complete_bash",
        "COMP_WORDS": "salarycli estimate Civ",
        "COMP_CWORD": "2",
    }
    print(f"# {os.cpu_count()} cores, medians of {runs} runs")
    base = wall([sys.executable, "-c", "pass"], None, runs)
    press = wall([SALARYCLI], tab, runs)
    print(f"{'python -c pass':40}{base:8.1f} ms")
    print(f"{'TAB on salarycli estimate Civ':40}{press:8.1f} ms  (target < 150)")

    roles = dataset.load_bundled().roles
    index = RoleIndex.build(roles, dataset.load_aliases, dataset.load_seniority())
    index.match("SWE II")  # reads the aliases, and imports rapidfuzz on a first miss:
    in_process(partial(index.match, "xqzzy"), 1)
    for label, typed in (("known name", "Civil Engineers"), ("alias + seniority", "SWE II")):
        ms = in_process(partial(index.match, typed), runs)
        print(f"{label + ' ' + repr(typed):40}{ms:8.3f} ms")
    names = list(index.names)
    print(f"fuzzy misses over {len(names):,} names and aliases:")
    from rapidfuzz import fuzz, process

    print(f"  {'':30}{'whole miss':>12}{'rapidfuzz search':>18}{'difflib search':>16}")
    for miss in MISSES:
        used = in_process(partial(index.match, miss), runs)
        key = normalise(miss)
        fast = in_process(
            partial(process.extract, key, names, scorer=fuzz.ratio, limit=12, score_cutoff=60),
            runs,
        )
        stdlib = in_process(partial(difflib.get_close_matches, key, names, n=12, cutoff=0.6), runs)
        print(f"  {miss!r:30}{used:9.1f} ms{fast:15.2f} ms{stdlib:13.1f} ms")


if __name__ == "__main__":
    main()
