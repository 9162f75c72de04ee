"""What employers' own titles add to the title index (scripts/build_titles.py).

The DOL LCA disclosure filings of fiscal years 2022-2025, counted per title and SOC code
(../shared/data/lca/lca_title_soc_counts_fy2022_2025_idealidler.csv), say which occupation
employers file a title under. Each title is read as salarycli reads a typed one (level words,
codes and qualifiers set aside: "SR. SOFTWARE ENGINEER II - JAVA" counts for "software
engineer"), its codes mapped to the OEWS occupation they fall in, and its evidence counted in
employers, not filings: one employer filing a thousand "VICE PRESIDENT"s under Software
Developers is one voice. The rule (docs/titles.md):
- a title is learned when at least EMPLOYERS employers filed it under an OEWS occupation
  salarycli prices and one occupation holds at least SHARE of them and at least RATIO times
  the runner-up's;
- a title whose filings fail that test teaches nothing: it is read as any other title
  (employers' codes are sometimes strategic, so their disagreement is weak evidence; a title
  that names no one occupation is refused by data/title_bare_words.csv instead).
Rows whose code is not a SOC 2018 code (SOC_2018_VALID != Y, mostly FY2022's 2010 codes) are
left out rather than mapped. FY2010-FY2020 and FY2026 filings are never read here: they are
the held-out benchmark (benchmarks/lca_titles.py).
"""

from __future__ import annotations

import csv
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

FILE = "lca_title_soc_counts_fy2022_2025_idealidler.csv"
SHA256 = "401375092e620d3f2569de39ad57222809ba4396d35253c1fc3d417a0cc89869"
EMPLOYERS = 3
SHARE = 0.6
RATIO = 2.0
OVERRIDE = 10  # employers needed to choose among O*NET's own candidates for a title
MOST_OTHERS = 4


class Learned(NamedTuple):
    """What the filings say of one title: the occupation ("" when they disagree), the others
    best first, the employers behind the first, and all employers."""

    role: str
    others: tuple[str, ...]
    top: int
    total: int


def counts(
    path: Path,
    code_of: Callable[[str], str | None],
    key_of: Callable[[str], str | None],
) -> dict[str, Counter[str]]:
    """title key -> OEWS code -> employers, from the aggregated filings."""
    found: dict[str, Counter[str]] = defaultdict(Counter)
    with path.open(encoding="utf-8", newline="") as stream:
        for row in csv.DictReader(stream):
            if row["SOC_2018_VALID"] != "Y":
                continue
            code = code_of(row["SOC_CODE"])
            key = key_of(row["JOB_TITLE"])
            if code and key:
                found[key][code] += int(row["EMPLOYERS"])
    return found


def learn(found: dict[str, Counter[str]]) -> dict[str, Learned]:
    """Each title with enough employers: learned (role set) or not agreed (role empty)."""
    out = {}
    for key, by_code in found.items():
        total = sum(by_code.values())
        if total < EMPLOYERS:
            continue
        ranked = sorted(by_code, key=lambda code: (-by_code[code], code))
        top = by_code[ranked[0]]
        second = by_code[ranked[1]] if len(ranked) > 1 else 0
        agreed = top >= SHARE * total and top >= RATIO * second
        if agreed:
            out[key] = Learned(ranked[0], tuple(ranked[1 : MOST_OTHERS + 1]), top, total)
        else:  # kept for the candidates a bare word is refused with, never as a row
            out[key] = Learned("", tuple(ranked[:MOST_OTHERS]), top, total)
    return out
