"""Each occupation's own ladder: a level's salary is a percentile of the occupation's wage
distribution where the estimate is for (issue #24).

OEWS publishes five percentiles (10th, 25th, 50th, 75th, 90th). A level sits at a percentile
rank (PERCENTILE_RANKS, fitted on real offers: benchmarks/real_pay.py); its salary is the
distribution at that rank, read linearly between the two published percentiles around it. So
no level falls below the 10th percentile or above the 90th, and an occupation with a narrow
spread gets a narrow ladder. Pure: no I/O.
"""

from __future__ import annotations

from fractions import Fraction

from salarycli.core.records import Wages

# the percentile rank of each level, fitted on DOL LCA offers of FY2020 and FY2023 aged to
# May 2025 (benchmarks/real_pay.py prints the fit; benchmarks/RESULTS.md, issue #24)
PERCENTILE_RANKS: dict[str, float] = {
    "Entry Level": 25,
    "Mid Level": 40,
    "Experienced": 50,
    "Senior": 70,
    "Veteran": 85,
}
PUBLISHED = (10, 25, 50, 75, 90)


def points(wages: Wages) -> list[tuple[int, int]] | None:
    """The published (rank, wage) points, or None unless all five are published."""
    figures = (wages.p10, wages.p25, wages.p50, wages.p75, wages.p90)
    if any(figure is None for figure in figures):
        return None
    return [(rank, figure) for rank, figure in zip(PUBLISHED, figures, strict=True) if figure]


def quantile(wages: Wages, rank: float) -> Fraction:
    """The wage at a percentile rank, read linearly between the published percentiles
    around it, and held within the 10th and 90th."""
    known = points(wages)
    if not known or len(known) < len(PUBLISHED):
        raise ValueError("the five percentiles are needed")
    wanted = Fraction(rank).limit_denominator(1000)
    if wanted <= PUBLISHED[0]:
        return Fraction(known[0][1])
    for (low_rank, low), (high_rank, high) in zip(known, known[1:], strict=False):
        if wanted <= high_rank:
            share = (wanted - low_rank) / (high_rank - low_rank)
            return low + (high - low) * share
    return Fraction(known[-1][1])
