"""How often amounts and industries, typed as people type them, resolve right, wrong or are
refused, on held-out sets (benchmarks/heldout_amounts.csv, heldout_industries.csv).

    python benchmarks/typed.py

An expected "refuse" counts as right when salarycli refuses. A wrong answer (a different
figure or industry, or an answer where a refusal was expected) is the worst outcome.
"""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

from salarycli.errors import SalarycliError
from salarycli.resolve.amounts import parse_amount
from salarycli.resolve.industries import find_industry
from salarycli.sources import load_industries

HERE = Path(__file__).parent


def outcome(expected: str, got: str | None) -> str:
    if got is None:
        return "right (refused)" if expected == "refuse" else "refused"
    return "right" if got == expected else "wrong"


def amount(text: str) -> str:
    return str(parse_amount(text).dollars)


def industry(text: str) -> str:
    return find_industry(load_industries().places(), text).code


def main() -> None:
    for name, answer in (("amounts", amount), ("industries", industry)):
        counts: Counter[str] = Counter()
        wrong = []
        with (HERE / f"heldout_{name}.csv").open(encoding="utf-8") as stream:
            for row in csv.DictReader(stream):
                try:
                    got: str | None = answer(row["typed"])
                except SalarycliError:
                    got = None
                result = outcome(row["expected"], got)
                counts[result] += 1
                if result in ("wrong", "refused"):
                    wrong.append(f"{row['typed']!r}: expected {row['expected']}, got {got}")
        total = sum(counts.values())
        shares = ", ".join(
            f"{key} {value} ({value / total:.0%})" for key, value in sorted(counts.items())
        )
        print(f"{name}: {total} typed: {shares}")
        for line in wrong:
            print("   ", line)


if __name__ == "__main__":
    main()
