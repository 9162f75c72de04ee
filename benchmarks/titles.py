"""Title resolution: how often a typed title is answered right, and how fast (issues #5, #11).

    python benchmarks/titles.py [--runs N] [--quality-only]

Reports, in one run:
- quality on benchmarks/heldout_titles.csv, titles as job postings and people write them, each
  with the occupations a reviewer accepts (written by hand, not drawn from O*NET's files): the
  share answered right, refused (exit 1 with candidates) and answered wrongly with exit 0, for
  clear titles, ambiguous ones, typos and non-titles (targets: >= 85% of clear titles right,
  <= 1% of all titles wrong);
- in-process time per title, medians over the held-out titles of each kind: known (the whole
  title is a name or title), parsed, fuzzy, refused (targets: a known title < 0.05 ms, any
  title < 2 ms), and the one-off costs of opening the title index and of the vocabulary a first
  typo needs;
- `salarycli batch` over O*NET's 6,390 distinct reported titles and its 42,877 distinct
  alternate titles, beside as many rows of one title (target: >= 20,000 distinct titles a
  second);
- the wall time of a shell TAB press, beside `python -c pass` (target: under 150 ms).
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import os
import statistics
import subprocess
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

from salarycli.errors import SalarycliError

HERE = Path(__file__).resolve().parent
SALARYCLI = str(Path(sys.executable).parent / "salarycli")
ONET = HERE.parent.parent / "shared" / "data" / "onet-27.0"
REPORTED = ONET / "Sample of Reported Titles.txt"
ALTERNATE = ONET / "Alternate Titles.txt"
LCA_2026 = HERE.parent.parent / "shared" / "data" / "lca" / "lca_fy2026q1_no_soc_bganguly.csv"


def wall(
    command: list[str], runs: int, env: dict[str, str] | None = None, feed: bytes = b""
) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(
            command,
            env=env,
            input=feed,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            check=False,
        )
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def held_out(name: str) -> list[dict[str, str]]:
    with (HERE / name).open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


def quality(rows: list[dict[str, str]]) -> list[tuple[str, str, str]]:
    """Each title's outcome (right, refused, wrong) and how it matched, printed by kind."""
    from salarycli.session import Session

    session = Session()
    outcomes = []
    by_kind: dict[str, Counter[str]] = defaultdict(Counter)
    wrong = []
    for row in rows:
        accepted = set(filter(None, row["acceptable"].split(";")))
        try:
            match = session.match(row["title"])
        except SalarycliError:
            outcome, how = "refused", "refused"
        else:
            how = match.matched_by
            found = {match.role.soc, match.role.role}
            outcome = "right" if found & accepted else "wrong"
            if outcome == "wrong":
                wrong.append(f"{row['title']!r} -> {match.role.role} ({match.role.soc})")
        by_kind[row["kind"]][outcome] += 1
        by_kind["all"][outcome] += 1
        outcomes.append((row["title"], outcome, how))
    print(f"{'held-out titles':18}{'n':>5}{'right':>9}{'refused':>9}{'wrong':>9}")
    for kind in ("clear", "ambiguous", "typo", "nonsense", "all"):
        tally = by_kind[kind]
        total = sum(tally.values())
        shares = [f"{100 * tally[name] / total:8.1f}%" for name in ("right", "refused", "wrong")]
        print(f"{kind:18}{total:5}{''.join(shares)}")
    for line in wrong:
        print(f"  wrong: {line}")
    return outcomes


def timing(outcomes: list[tuple[str, str, str]], runs: int) -> None:
    from salarycli.resolve.title_table import TitleTable
    from salarycli.session import Session
    from salarycli.sources import bundled

    text = bundled.load_titles()
    start = time.perf_counter()
    for _ in range(runs):
        TitleTable(text)
    opened = (time.perf_counter() - start) / runs * 1000
    session = Session()
    index = session.role_index()
    index.match("DevOps Engineer")  # opens the title index
    start = time.perf_counter()
    index.vocabulary()
    first_typo = (time.perf_counter() - start) * 1000
    start = time.perf_counter()
    index.table().words()
    first_refusal = (time.perf_counter() - start) * 1000
    print(
        f"\nonce per process: opening the title index {opened:.2f} ms; the words a typo is "
        f"corrected to {first_typo:.1f} ms; the word index suggestions use {first_refusal:.1f} ms"
    )
    index.match("Sofware Engineer")  # imports rapidfuzz
    groups: dict[str, list[str]] = defaultdict(list)
    for title, _, how in outcomes:
        kind = {"exact": "known", "alias": "known", "title": "known", "soc": "known"}.get(how, how)
        groups[kind].append(title)
    print(f"{'per title (in-process)':24}{'n':>5}{'median ms':>12}{'max ms':>10}")
    for kind in ("known", "parsed", "fuzzy", "partial", "refused"):
        medians = []
        for title in groups[kind]:
            times = []
            for _ in range(runs):
                index._nearest.clear()  # each time as the first time a word is met
                start = time.perf_counter()
                with contextlib.suppress(SalarycliError):
                    index.match(title)
                times.append(time.perf_counter() - start)
            medians.append(statistics.median(times) * 1000)
        if medians:
            print(
                f"{kind:24}{len(medians):5}{statistics.median(medians):12.4f}{max(medians):10.3f}"
            )


def batch(runs: int) -> None:
    """Distinct titles through `salarycli batch`, beside the same number of rows of one title
    in the same run: the difference is what distinct titles cost."""
    if not REPORTED.is_file():
        print(f"\n(skipped the batch: {REPORTED} is not here)")
        return
    command = [SALARYCLI, "batch", "-i", "lines", "-y", "4", "-f", "jsonl"]
    for path, label in ((REPORTED, "reported"), (ALTERNATE, "alternate"), (LCA_2026, "LCA")):
        with path.open(encoding="utf-8") as stream:
            if path == LCA_2026:  # real employer titles, FY2026 Q1: most are not O*NET's
                column = next(csv.reader(stream)).index("JOB_TITLE")
                found = {row[column].strip() for row in csv.reader(stream)}
            else:
                found = {line.split("\t")[1] for line in list(stream)[1:]}
            titles = sorted(title for title in found if title and "\n" not in title)
        distinct = ("\n".join(titles) + "\n").encode()
        repeated = ("Software Developers\n" * len(titles)).encode()
        many = wall(command, runs, feed=distinct)
        same = wall(command, runs, feed=repeated)
        print(
            f"\nbatch of {len(titles):,} distinct {label} titles: {many * 1000:.0f} ms "
            f"({len(titles) / many:,.0f} titles/s, start-up included); one title "
            f"{len(titles):,} times: {same * 1000:.0f} ms; so {len(titles) / (many - same):,.0f} "
            "distinct titles/s beyond what the same rows of one title cost"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--quality-only", action="store_true")
    options = parser.parse_args()
    print(f"# {os.cpu_count()} cores, medians of {options.runs} runs")
    outcomes = []
    for name in ("heldout_titles.csv", "heldout_titles_2.csv"):
        print(f"\n## {name}")
        outcomes += quality(held_out(name))
    if options.quality_only:
        return
    timing(outcomes, options.runs)
    batch(max(3, options.runs // 3))
    tab = {
        **os.environ,
        "_SALARYCLI_COMPLETE": "complete_bash",
        "COMP_WORDS": "salarycli estimate Civ",
        "COMP_CWORD": "2",
    }
    base = wall([sys.executable, "-c", "pass"], options.runs)
    press = wall([SALARYCLI], options.runs, env=tab)
    print(
        f"\nTAB on 'salarycli estimate Civ': {press * 1000:.1f} ms "
        f"(python -c pass {base * 1000:.1f} ms; target < 150)"
    )


if __name__ == "__main__":
    main()
