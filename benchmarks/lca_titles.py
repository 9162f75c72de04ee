"""Real employer job titles, held out: how often salarycli names the employer's occupation.

    python benchmarks/lca_titles.py [--show N] [--sample N] [--out FILE]

The title index learns from the DOL LCA filings of fiscal years 2022-2025 (the aggregated
title/SOC counts in ../shared/data/lca/, scripts/build_titles.py). This measures on filings
from other fiscal years only, which nothing in the build reads:
- FY2010-FY2017 (the first 999 rows of each year's disclosure file) and FY2020 Q1 (the first
  5,000 rows): each distinct title (case and spacing folded) with the employer's SOC code. SOC
  2000 and 2010 codes are mapped to SOC 2018 by benchmarks/soc_2010_2018.csv (the main rows of
  BLS's crosswalks; a code that BLS split is satisfied by any of its parts); a row whose code
  is neither 2018 nor in that table is left out, and so is a title whose filings name no single
  most common code.
- FY2026 Q1 (the first 30,000 rows, titles without codes): only the share refused.

A title is scored by the OEWS occupation salarycli answers: "employer" if it is the employer's
code (or the OEWS occupation that contains it), "broad" if it shares the employer's 5-digit
broad group (15-125x), "other" otherwise, and "refused" when salarycli exits 1. `--sample N`
writes N disagreements (seeded, reproducible) to read by hand.
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path

from salarycli.errors import SalarycliError
from salarycli.session import Session

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "scripts"))
from build_titles import CROSSWALK  # noqa: E402

LCA = HERE.parent.parent / "shared" / "data" / "lca"
HELD_OUT = ["lca_fy2010_2017_file_heads_adidottxt.csv", "lca_fy2020q1_first5000_cpworkacc.csv"]
UNLABELLED = "lca_fy2026q1_no_soc_bganguly.csv"
OUTCOMES = ("employer", "broad", "other", "refused")


def read(name: str) -> list[dict[str, str]]:
    with (LCA / name).open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


def crosswalk() -> dict[str, tuple[str, ...]]:
    with (HERE / "soc_2010_2018.csv").open(encoding="utf-8", newline="") as stream:
        return {row["old"]: tuple(row["new"].split(";")) for row in csv.DictReader(stream)}


def oews(code: str, priced: set[str]) -> str:
    """The OEWS occupation a SOC 2018 code falls in (as scripts/build_titles.py maps it)."""
    code = code[:7]
    for candidate in (code, CROSSWALK.get(code, ""), code[:6] + "0"):
        if candidate in priced:
            return candidate
    return code


def labelled(priced: set[str]) -> dict[str, tuple[str, tuple[str, ...]]]:
    """Each held-out title as typed (its most common spelling) -> (the title, the employer's
    acceptable OEWS codes)."""
    old = crosswalk()
    codes: dict[str, Counter[tuple[str, ...]]] = defaultdict(Counter)
    spelling: dict[str, Counter[str]] = defaultdict(Counter)
    for name in HELD_OUT:
        for row in read(name):
            title, code = row["JOB_TITLE"].strip(), row["SOC_CODE"].strip()[:7]
            if not title or len(code) != 7:
                continue
            if row["SOC_2018_VALID"] == "Y":
                accepted: tuple[str, ...] = (code,)
            elif code in old:
                accepted = old[code]
            else:
                continue
            key = " ".join(title.casefold().split())
            codes[key][tuple(sorted({oews(one, priced) for one in accepted}))] += 1
            spelling[key][title] += 1
    out = {}
    for key, counted in codes.items():
        ranked = counted.most_common(2)
        if len(ranked) == 2 and ranked[0][1] == ranked[1][1]:
            continue  # the employers' filings name no single most common code
        out[key] = (spelling[key].most_common(1)[0][0], ranked[0][0])
    return out


def answer(session: Session, title: str) -> str | None:
    """The OEWS code salarycli answers, or None when it refuses."""
    try:
        role = session.match(title).role
    except SalarycliError:
        return None
    return role.soc or role.reference_soc or role.role


def score(answered: str | None, accepted: tuple[str, ...]) -> str:
    if answered is None:
        return "refused"
    if answered in accepted:
        return "employer"
    if any(answered[:6] == code[:6] for code in accepted):
        return "broad"
    return "other"


def ceiling(session: Session, titles: dict[str, tuple[str, tuple[str, ...]]]) -> None:
    """How often the employers' code agrees with salarycli by how the title was found: a
    title O*NET itself lists under one occupation bounds what label noise lets any resolver
    reach on these filings."""
    by_how: dict[str, Counter[str]] = defaultdict(Counter)
    for title, accepted in titles.values():
        try:
            match = session.match(title)
        except SalarycliError:
            continue
        role = match.role
        how = f"{match.matched_by} ({match.basis or 'name'})"
        by_how[how][score(role.soc or role.reference_soc or role.role, accepted)] += 1
    print("agreement with the employer's code, by how salarycli found the title:")
    for how, tally in sorted(by_how.items(), key=lambda item: -sum(item[1].values())):
        total = sum(tally.values())
        if total >= 40:
            print(f"  {how:<28} {total:>5,}  employer {tally['employer'] / total:6.1%}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", type=int, default=0, help="print N titles of each outcome")
    parser.add_argument("--sample", type=int, default=0, help="write N disagreements to --out")
    parser.add_argument("--out", type=Path, default=Path("lca_disagreements.csv"))
    options = parser.parse_args()
    session = Session()
    priced = {role.soc for role in session.data.roles if role.soc}
    titles = labelled(priced)
    outcomes: dict[str, list[tuple[str, str | None, tuple[str, ...]]]] = defaultdict(list)
    for title, accepted in titles.values():
        answered = answer(session, title)
        outcomes[score(answered, accepted)].append((title, answered, accepted))
    total = len(titles)
    print(f"held-out LCA titles (FY2010-FY2017 heads, FY2020 Q1): {total:,} distinct, labelled")
    for outcome in OUTCOMES:
        count = len(outcomes[outcome])
        print(f"  {outcome:<9} {count:>6,}  {count / total:6.1%}")
    unlabelled = {" ".join(row["JOB_TITLE"].casefold().split()) for row in read(UNLABELLED)}
    unlabelled.discard("")
    refused = sum(answer(session, title) is None for title in unlabelled)
    print(
        f"FY2026 Q1 titles (no codes): {len(unlabelled):,} distinct, refused {refused:,} "
        f"({refused / len(unlabelled):.1%})"
    )
    ceiling(session, titles)
    for outcome in OUTCOMES:
        for title, answered, accepted in outcomes[outcome][: options.show]:
            print(f"{outcome}\t{title}\t{answered}\t{';'.join(accepted)}")
    if options.sample:
        pool = outcomes["other"] + outcomes["broad"]
        chosen = random.Random(2026).sample(pool, min(options.sample, len(pool)))
        with options.out.open("w", encoding="utf-8", newline="") as stream:
            writer = csv.writer(stream)
            writer.writerow(["title", "salarycli", "employer", "judgement"])
            for title, answered, accepted in chosen:
                writer.writerow([title, answered, ";".join(accepted), ""])
        print(f"{len(chosen)} disagreements written to {options.out}")


if __name__ == "__main__":
    main()
