"""The largest drop in take-home from a raise, by state and filing status: every wage from
$10,000 to $62,000 in $5 steps (about 1.6 million returns, a minute and a half).

    python benchmarks/credit_cliffs.py [--step 5] [--top 12]

Credits for low incomes that end in steps (a threshold, not a phase-out) can leave a worker
with less after a raise; tests/test_income_tax.py's monotonic property allows the largest
found here.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from salarycli import taxes  # noqa: E402
from salarycli.core.income_tax import RULES  # noqa: E402
from salarycli.core.takehome import NO_INCOME_TAX  # noqa: E402
from salarycli.sources.tax_tables import load_localities  # noqa: E402

COUNTIES = {"MD": "Montgomery County, MD", "IN": "Marion County, IN"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--step", type=int, default=5)
    parser.add_argument("--top", type=int, default=12)
    options = parser.parse_args()
    localities = load_localities()
    found: list[tuple[int, int, int, str, str]] = []
    for state in sorted({*RULES, *NO_INCOME_TAX}):
        county = localities[COUNTIES[state]] if state in COUNTIES else None
        for filing in ("single", "joint", "head"):
            best, best_at, drop = -1, 0, (0, 0, 0)
            for wages in range(10_000, 62_000, options.step):
                left = taxes.breakdown(wages, state, filing, 0, county).take_home
                assert left is not None, (state, filing, wages)
                if best - left > drop[0]:
                    drop = (best - left, best_at, wages)
                if left > best:
                    best, best_at = left, wages
            found.append((*drop, state, filing))
    print("drop  from     to       state filing")
    for amount, was, now, state, filing in sorted(found, reverse=True)[: options.top]:
        print(f"{amount:>5} {was:>8,} {now:>8,}  {state:5} {filing}")


if __name__ == "__main__":
    main()
