"""The pure estimator: the seed's table, the years rule and the rounding rule."""

from __future__ import annotations

from decimal import Decimal

import pytest

from salarycli.core.estimator import estimate, ladder, ranked, salary
from salarycli.core.ladder import level_for_years
from salarycli.core.records import Dataset, Role
from salarycli.errors import BadInput, MissingFigure
from salarycli.resolve.titles import RoleIndex

# The seed page's table for Machine Learning Engineer (average 158,328 USD).
SEED = {
    0: ("Entry Level", 118746),
    2: ("Entry Level", 118746),
    3: ("Mid Level", 142495),
    5: ("Mid Level", 142495),
    6: ("Experienced", 158328),
    10: ("Experienced", 158328),
    11: ("Senior", 174161),
    19: ("Senior", 174161),
    20: ("Veteran", 197910),
    45: ("Veteran", 197910),
}


def role(data: Dataset, name: str) -> Role:
    return RoleIndex.build(data.roles).match(name).role


@pytest.mark.parametrize("years", sorted(SEED))
def test_seed_table_is_reproduced_exactly(data: Dataset, years: int) -> None:
    result = estimate(
        role(data, "Machine Learning Engineer"), level_for_years(data.levels, years), years
    )
    assert (result.level, result.salary) == SEED[years]
    assert result.base_salary == 158328
    assert result.years == years
    assert result.source == "cityjobs.info, Machine Learning Engineer job description"


def test_ladder_is_the_seed_table(data: Dataset) -> None:
    rungs = ladder(role(data, "Machine Learning Engineer"), data.levels)
    assert [(r.level, r.level_years, r.multiplier, r.salary) for r in rungs] == [
        ("Entry Level", "0-2", Decimal("0.75"), 118746),
        ("Mid Level", "3-5", Decimal("0.9"), 142495),
        ("Experienced", "6-10", Decimal("1"), 158328),
        ("Senior", "11-19", Decimal("1.1"), 174161),
        ("Veteran", "20+", Decimal("1.25"), 197910),
    ]
    assert all(r.years is None for r in rungs)


def test_civil_engineer_at_one_year_rounds_half_up(data: Dataset) -> None:
    result = estimate(role(data, "Civil Engineer"), level_for_years(data.levels, 1), 1)
    assert result.base_salary == 108670
    # the 20th percentile: 68,240 + (79,930 - 68,240) x 10/15 = 76,033.33 (down)
    assert result.salary == 76033
    assert result.soc == "17-2051"
    assert result.source == "BLS OEWS May 2025"


@pytest.mark.parametrize(
    ("base", "multiplier", "expected"),
    [
        (108670, "0.75", 81503),  # .5 goes up
        (158328, "0.9", 142495),  # .2 goes down
        (158328, "1.1", 174161),  # .8 goes up
        (3, "0.5", 2),  # 1.5 -> 2, not banker's 2 by luck: see next
        (5, "0.5", 3),  # 2.5 -> 3 (round() would give 2)
        (1, "0.25", 0),
    ],
)
def test_salary_rounds_once_half_up(base: int, multiplier: str, expected: int) -> None:
    assert salary(base, Decimal(multiplier)) == expected


@pytest.mark.parametrize(
    ("years", "level"),
    [
        (0, "Entry Level"),
        (2.9, "Entry Level"),
        (2.999, "Entry Level"),
        (3, "Mid Level"),
        (5.99, "Mid Level"),
        (10.5, "Experienced"),
        (19.9, "Senior"),
        (70, "Veteran"),
    ],
)
def test_years_are_completed_years(data: Dataset, years: float, level: str) -> None:
    assert level_for_years(data.levels, years).level == level


@pytest.mark.parametrize("years", [-1, -0.001, 70.5, float("nan"), float("inf")])
def test_years_out_of_range_are_refused(data: Dataset, years: float) -> None:
    with pytest.raises(BadInput, match="years must be a number from 0 to 70"):
        level_for_years(data.levels, years)


def test_a_role_without_an_annual_mean_is_not_estimated(data: Dataset) -> None:
    actors = role(data, "Actors")
    assert actors.base_salary is None
    with pytest.raises(MissingFigure) as caught:
        estimate(actors, data.levels[0])
    assert caught.value.message.startswith(
        "BLS OEWS May 2025 publishes no annual mean wage for Actors (Wages for some occupations"
    )
    assert caught.value.exit_code == 1


def test_ranked_sorts_high_to_low_with_difference_to_top(data: Dataset) -> None:
    level = data.levels[1]
    results = [
        estimate(role(data, name), level) for name in ("Civil Engineer", "Chemical Engineer")
    ]
    assert [(item.role, item.salary, gap) for item, gap in ranked(results)] == [
        ("Chemical Engineer", 103264, 0),
        ("Civil Engineer", 84112, -19152),
    ]
