"""Figures brought from May 2025 to a later quarter by the BLS Employment Cost Index (--aged).

OEWS May 2025 is the newest release; pay has risen since. An aged figure is the published one
x (the latest quarter's index / the index of 2025-06, the quarter holding May 2025), rounded
once, half up: an approximation, labelled as one wherever it is shown. Pure: no I/O.
"""

from __future__ import annotations

from math import floor
from typing import NamedTuple

from salarycli.core.exact import Fraction
from salarycli.core.record import replace
from salarycli.core.records import Estimate

MONEY = ("base_salary", "salary", "p25", "p75", "at_least")


class Aging(NamedTuple):
    """From May 2025 to `to` (a quarter, "2026-Q1") by `ratio` of the ECI."""

    to: str
    ratio: Fraction

    @property
    def label(self) -> str:
        change = float(self.ratio - 1) * 100
        return (
            f"aged from May 2025 to {self.to} by the BLS Employment Cost Index, {change:+.1f}% "
            "(an approximation: total compensation, all civilian workers)"
        )

    def money(self, amount: int | None) -> int | None:
        """A published whole-dollar figure, aged and rounded once, half up."""
        return None if amount is None else floor(amount * self.ratio + Fraction(1, 2))


def from_index(rows: list[tuple[str, str]]) -> Aging:
    """The aging to the latest quarter of (quarter's last month "2026-03-01", index) rows,
    the first of which is 2025-06, the quarter holding May 2025."""
    (start, base), *_, (end, latest) = rows
    assert start.startswith("2025-06"), start
    year, month = end[:4], int(end[5:7])
    return Aging(f"{year}-Q{(month - 1) // 3 + 1}", Fraction(latest) / Fraction(base))


def aged(estimate: Estimate, aging: Aging) -> Estimate:
    """An estimate with every money figure aged, and a note saying by what."""
    changed = {name: aging.money(getattr(estimate, name)) for name in MONEY}
    note = "; ".join(filter(None, (estimate.note, aging.label)))
    return replace(estimate, **changed, note=note)
