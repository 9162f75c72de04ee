"""Place resolution: how often a typed place is answered right, and how fast (issue #12).

    python benchmarks/places.py [--runs N]

Quality on benchmarks/heldout_places.csv: places as people type them (cities, ZIP codes,
nicknames, states, ambiguous and made-up names), written by hand for this purpose, each with a
word the right area's name holds ("Seattle" for "Tacoma, WA") or nothing when it should be
refused. Right: answered, and the figures' area (a city's metro, or the place) holds that word;
refused: exit 1; wrong: anything else answered. Then the in-process time of a lookup, medians:
the first place of a process (the place index, and for a city or ZIP the city file) and later
ones. What `--location` adds to a whole estimate is benchmarks/location.py.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import statistics
import subprocess
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

from salarycli.errors import SalarycliError

HERE = Path(__file__).resolve().parent


def quality() -> list[str]:
    from salarycli.session import Session

    places = Session().place_index()
    with (HERE / "heldout_places.csv").open(encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    tally: dict[str, Counter[str]] = defaultdict(Counter)
    wrong = []
    for row in rows:
        try:
            found = places.find(row["typed"])
        except SalarycliError:
            outcome = "refused"
        else:
            within = getattr(found, "within", None)  # (an older tree has none)
            area = within.name if within else found.name
            ok = row["acceptable"] and row["acceptable"].casefold() in area.casefold()
            outcome = "right" if ok else "wrong"
            if not ok:
                wrong.append(f"{row['typed']!r} -> {found.name} ({area})")
        tally[row["kind"]][outcome] += 1
        tally["all"][outcome] += 1
    print(f"{'held-out places':18}{'n':>5}{'right':>9}{'refused':>9}{'wrong':>9}")
    for kind in ("clear", "refuse", "all"):
        counts = tally[kind]
        total = sum(counts.values())
        shares = "".join(
            f"{100 * counts[name] / total:8.1f}%" for name in ("right", "refused", "wrong")
        )
        print(f"{kind:18}{total:5}{shares}")
    for line in wrong:
        print(f"  wrong: {line}")
    return [row["typed"] for row in rows]


FIRST = """
import sys, time
from salarycli.session import Session
session = Session()
session.match("Civil Engineer")
start = time.perf_counter()
try:
    session.place(sys.argv[1], None)
except Exception:
    pass
print((time.perf_counter() - start) * 1000)
"""


def timing(typed: list[str], runs: int) -> None:
    from salarycli.session import Session

    print("\nfirst place of a fresh process (the place index built; for a city or ZIP, the")
    print("city file read), ms, medians:")
    for name in ("CA", "Houston", "Palo Alto", "94301"):
        times = [
            float(
                subprocess.run(
                    [sys.executable, "-c", FIRST, name], capture_output=True, text=True, check=True
                ).stdout
            )
            for _ in range(runs)
        ]
        print(f"  {name:12} {statistics.median(times):6.2f}")
    places = Session().place_index()
    per = []
    for name in typed:
        times = []
        for _ in range(runs):
            begin = time.perf_counter()
            with contextlib.suppress(SalarycliError):
                places.find(name)
            times.append(time.perf_counter() - begin)
        per.append(statistics.median(times) * 1000)
    print(f"later lookups: median {statistics.median(per):.3f} ms, largest {max(per):.3f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    options = parser.parse_args()
    typed = quality()
    timing(typed, options.runs)


if __name__ == "__main__":
    main()
