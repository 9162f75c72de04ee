"""Which states' income tax --net computes: tenforty against PolicyEngine-US, on a grid.

    python benchmarks/tax_agreement.py policyengine.json          # report
    python benchmarks/tax_agreement.py policyengine.json --write  # and write data/tax_states.csv

policyengine.json is benchmarks/tax_policyengine.py's output (51 states x wages of 30,000,
60,000, 100,000, 150,000, 250,000 and 500,000 x single and married filing jointly, one earner).
tenforty (this environment's, the tax extra) computes the same returns. A state's income tax
is computed by --net from the least wage of the grid from which the two agree within $1 at
every higher point, both filing statuses: the state income tax, the federal income tax (but for
the IRS Tax Table's rows, below) and the additional Medicare tax; a state without an income tax
where PolicyEngine-US also finds none (PolicyEngine-US adds Alaska's Permanent Fund dividend to
income, so its federal figures there are not compared). Where PolicyEngine-US finds a local
income tax (Indiana's county taxes), the state's row says so: --net does not include it.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from salarycli.core.takehome import FILINGS, NO_INCOME_TAX, TAX_YEAR  # noqa: E402

NAMES = {
    "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California",
    "CO": "Colorado", "CT": "Connecticut", "DE": "Delaware", "DC": "District of Columbia",
    "FL": "Florida", "GA": "Georgia", "HI": "Hawaii", "ID": "Idaho", "IL": "Illinois",
    "IN": "Indiana", "IA": "Iowa", "KS": "Kansas", "KY": "Kentucky", "LA": "Louisiana",
    "ME": "Maine", "MD": "Maryland", "MA": "Massachusetts", "MI": "Michigan", "MN": "Minnesota",
    "MS": "Mississippi", "MO": "Missouri", "MT": "Montana", "NE": "Nebraska", "NV": "Nevada",
    "NH": "New Hampshire", "NJ": "New Jersey", "NM": "New Mexico", "NY": "New York",
    "NC": "North Carolina", "ND": "North Dakota", "OH": "Ohio", "OK": "Oklahoma", "OR": "Oregon",
    "PA": "Pennsylvania", "RI": "Rhode Island", "SC": "South Carolina", "SD": "South Dakota",
    "TN": "Tennessee", "TX": "Texas", "UT": "Utah", "VT": "Vermont", "VA": "Virginia",
    "WA": "Washington", "WV": "West Virginia", "WI": "Wisconsin", "WY": "Wyoming",
}  # fmt: skip
TOLERANCE = Decimal(1)
# Form 1040 takes the tax on taxable income under $100,000 from the IRS Tax Table, which
# computes it at the middle of each $50 row: up to 24% x $25 = $6 (and a dollar of rounding)
# from the formula PolicyEngine-US applies. tenforty follows the form.
TAX_TABLE = Decimal(7)
TAX_TABLE_BELOW = 100_000  # taxable income
STANDARD_DEDUCTION = {False: 15_750, True: 31_500}


def tenforty_return(income: int, state: str, married: bool) -> tuple[Decimal, Decimal, Decimal]:
    import tenforty

    result = tenforty.evaluate_return(
        year=TAX_YEAR,
        state=None if state in NO_INCOME_TAX else state,
        filing_status=FILINGS["joint" if married else "single"],
        w2_income=income,
        backend="graph",
    )
    return (
        Decimal(repr(result.federal_income_tax)),
        Decimal(0) if state in NO_INCOME_TAX else Decimal(repr(result.state_total_tax)),
        Decimal(repr(result.federal_additional_medicare_tax)),
    )


def compare(rows: list[dict[str, object]]) -> dict[str, dict[str, str]]:
    """Per state: the least wage from which tenforty and PolicyEngine-US agree at every point
    of the grid (both filing statuses), and the largest disagreement below it."""
    gaps: dict[str, dict[int, tuple[Decimal, str]]] = defaultdict(dict)
    local: dict[str, bool] = defaultdict(bool)
    for row in rows:
        state, income, married = str(row["state"]), int(str(row["income"])), bool(row["married"])
        federal, state_tax, additional = tenforty_return(income, state, married)
        pairs = {
            "state income tax": (state_tax, Decimal(str(row["state_income_tax"]))),
            "federal income tax": (federal, Decimal(str(row["income_tax"]))),
            "additional Medicare tax": (additional, Decimal(str(row["additional_medicare_tax"]))),
        }
        if state in NO_INCOME_TAX:  # only that the state has none: PolicyEngine-US counts
            pairs = {"state income tax": pairs["state income tax"]}  # Alaska's dividend too
        status = "married filing jointly" if married else "single"
        for what, (ours, theirs) in pairs.items():
            gap = abs(ours - theirs)
            table = income - STANDARD_DEDUCTION[married] < TAX_TABLE_BELOW
            if what == "federal income tax" and table and gap <= TAX_TABLE:
                continue  # the Tax Table's rows, not a disagreement
            if gap > TOLERANCE and gap > gaps[state].get(income, (Decimal(0), ""))[0]:
                gaps[state][income] = (
                    gap,
                    f"{what} ${ours:,.0f} (tenforty) against ${theirs:,.0f} (PolicyEngine-US) "
                    f"at ${income:,}, {status}",
                )
        local[state] = local[state] or Decimal(str(row["local_income_tax"])) > 0
    grid = sorted({int(str(row["income"])) for row in rows})
    found = {}
    for state in sorted(NAMES):
        bad = gaps[state]
        above = [wage for wage in grid if wage > max(bad, default=0)]
        start = above[0] if above else None
        worst = max(bad.values(), default=(Decimal(0), ""))
        if start is None:
            why = (
                f"{NAMES[state]}'s 2025 income tax is not computed: tenforty and "
                f"PolicyEngine-US disagree by up to ${worst[0]:,.0f} ({worst[1]})"
            )
        elif bad:
            why = (
                f"{NAMES[state]}'s 2025 income tax is computed from ${start:,} a year: below, "
                f"tenforty and PolicyEngine-US disagree by up to ${worst[0]:,.0f} ({worst[1]})"
            )
        else:
            why = ""
        found[state] = {
            "state": state,
            "computed_from": "" if start is None else str(start),
            "largest_difference_below": f"{worst[0]:.2f}",
            "local_tax": "yes" if local[state] else "",
            "why": why,
        }
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("policyengine", type=Path)
    parser.add_argument("--write", action="store_true", help="write data/tax_states.csv")
    options = parser.parse_args()
    rows = json.loads(options.policyengine.read_text())
    found = compare(rows)
    low = min(int(str(row["income"])) for row in rows)
    every = [s for s, row in found.items() if row["computed_from"] == str(low)]
    print(f"{len(rows)} returns; {len(every)} of {len(found)} states agree within ${TOLERANCE}")
    print(f"at every wage from ${low:,}: " + " ".join(every))
    for state, row in found.items():
        if row["computed_from"] != str(low):
            print(f"  {state}: from {row['computed_from'] or 'never'}: {row['why']}")
    if options.write:
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, list(next(iter(found.values()))), lineterminator="\n")
        writer.writeheader()
        writer.writerows(found.values())
        (ROOT / "data" / "tax_states.csv").write_text(buffer.getvalue(), encoding="utf-8")


if __name__ == "__main__":
    main()
