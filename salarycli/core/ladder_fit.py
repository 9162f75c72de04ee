"""Each occupation's own ladder: a level's salary is a percentile of the occupation's wage
distribution where the estimate is for (issue #24).

OEWS publishes five percentiles (10th, 25th, 50th, 75th, 90th). A level sits at a percentile
rank (data/levels.csv, `percentile`: 20, 30, 55, 72 and 89, fitted on real offers by
benchmarks/real_pay.py); its salary is the distribution at that rank, read linearly between
the two published percentiles around it. So no level falls below the 10th percentile or above
the 90th, and an occupation with a narrow spread gets a narrow ladder. A percentile BLS
publishes only as "at least" its top code is read as the top code, and a figure read from it
is a lower bound. Pure: no I/O.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from salarycli.core.exact import Fraction
from salarycli.core.record import replace
from salarycli.core.records import Level, Wages

PUBLISHED = (10, 25, 50, 75, 90)


def points(wages: Wages) -> tuple[tuple[int, int], ...] | None:
    """The published (rank, wage) points (Wages.percentiles), or None unless all five are."""
    known = wages.percentiles
    return known if len(known) == len(PUBLISHED) else None


def whole(wages: Wages | None) -> bool:
    """Whether all five percentiles are given: a role whose levels may sit at percentiles of
    its distribution (a user's role, where its ladder gives percentiles)."""
    return wages is not None and points(wages) is not None


def quantile(wages: Wages, rank: float) -> Fraction:
    """The wage at a percentile rank, read linearly between the published percentiles
    around it (core.market.wage_at), and held within the 10th and 90th."""
    from salarycli.core.market import wage_at

    known = points(wages)
    if known is None:
        raise ValueError("the five percentiles are needed")
    wanted = Fraction(min(max(rank, PUBLISHED[0]), PUBLISHED[-1])).limit_denominator(1000)
    found = wage_at(known, wanted)
    assert found is not None  # within the published points
    return found


def at_rank(wages: Wages, rank: float) -> tuple[Fraction, bool] | None:
    """The wage at a percentile rank and whether it is only a lower bound (it rests on a
    top-coded percentile); None unless each percentile is published or top-coded."""
    names = ("p10", "p25", "p50", "p75", "p90")
    figures = [getattr(wages, name) for name in names]
    capped = [name in wages.top_coded for name in names]
    if wages.at_least is not None:
        figures = [
            wages.at_least if cap else figure for figure, cap in zip(figures, capped, strict=True)
        ]
    if any(figure is None for figure in figures):
        return None
    complete = Wages(None, None, *figures)
    wanted = min(max(rank, PUBLISHED[0]), PUBLISHED[-1])
    above = next(at for at, published in enumerate(PUBLISHED) if published >= wanted)
    below = max(above - 1, 0) if PUBLISHED[above] > wanted else above
    return quantile(complete, wanted), capped[above] or capped[below]


def spans(levels: Sequence[Level]) -> list[Level]:
    """The ladder with each ranked level's span: halfway to its neighbours' ranks, from the
    10th percentile at the bottom to the 90th at the top; a ladder without percentiles as it
    is."""
    ranks = [level.percentile for level in levels]
    if any(rank is None for rank in ranks):
        return list(levels)
    edges = [float(PUBLISHED[0])]
    edges += [(low + high) / 2 for low, high in pairwise(ranks)]  # type: ignore[operator]
    edges.append(float(PUBLISHED[-1]))
    return [replace(level, span=(edges[at], edges[at + 1])) for at, level in enumerate(levels)]
