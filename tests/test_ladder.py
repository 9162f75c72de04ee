"""Issue #24: each occupation's ladder from its own wage distribution, and aged figures."""

from __future__ import annotations

import csv
import io
import json
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from salarycli.core.aging import Aging, aged, from_index
from salarycli.core.estimator import yearly_minimum
from salarycli.core.ladder_fit import at_rank
from salarycli.core.records import Wages
from salarycli.session import Session
from tests.conftest import run

SESSION = Session()
RANKED = [role for role in SESSION.data.roles if role.ranked and role.wages]
PLACES = [None, "CA", "TX", "Seattle", "Brooklyn", "Boise, ID", "Cheyenne, WY", "Corpus Christi"]


def ladder(role: str, location: str | None = None) -> list[int | None]:
    place = SESSION.place(location, None)
    return [rung.salary for rung in SESSION.ladder(SESSION.match(role), place)]


def test_a_narrow_occupations_ladder_nationally_in_a_state_and_a_metro() -> None:
    # Baristas: p10-p90 22,840 / 27,700 / 31,200 / 36,070 / 42,650 nationally; the 20th is
    # 22,840 + 4,860 x 10/15 = 26,080; the 30th 27,700 + 3,500 x 5/25 = 28,400; ...
    assert ladder("Baristas") == [26080, 28400, 32174, 35486, 42211]
    # Washington: 35,050 / 35,880 / 37,710 / 44,240 / 47,860
    assert ladder("Baristas", "WA") == [35603, 36246, 39016, 43456, 47619]
    # Seattle-Tacoma-Bellevue: 35,580 / 36,690 / 39,150 / 45,250 / 50,980
    assert ladder("Baristas", "Seattle-Tacoma-Bellevue, WA") == [36320, 37182, 40370, 44518, 50598]
    # Seattle itself: the metro's figures, but no level under the city's $20.76 an hour,
    # $43,181 a year
    assert ladder("Baristas", "Seattle") == [43181, 43181, 43181, 44518, 50598]


def test_a_wide_occupations_ladder_nationally_in_a_state_and_a_metro() -> None:
    # Civil Engineers: 68,240 / 79,930 / 100,840 / 129,680 / 163,220 nationally
    assert ladder("Civil Engineer") == [76033, 84112, 106608, 126219, 160984]
    # California: 77,980 / 96,590 / 122,500 / 149,350 / 175,940
    assert ladder("Civil Engineer", "CA") == [90387, 101772, 127870, 146128, 174167]
    houston = ladder("Civil Engineer", "Houston")
    assert houston[2] == 106958


def test_the_seeds_five_figures_are_unchanged() -> None:
    assert ladder("Machine Learning Engineer") == [118746, 142495, 158328, 174161, 197910]


def test_user_data_keeps_its_own_multipliers() -> None:
    company = Session(path="examples/company-bands")
    assert company.estimate("Platform Engineer", years="4").salary == 165000


def test_a_narrow_occupations_entry_level_is_not_below_the_areas_10th_percentile() -> None:
    # the flat ladder gave Brooklyn's entry barista $27,848 ($13.39 an hour), under the area's
    # 10th percentile; the 20th percentile of New York's metro is $34,010 ($16.35 an hour),
    # still under New York City's $16.50: the minimum wage, x 2,080 hours, is the floor
    record = json.loads(
        run("estimate", "Barista", "-y", "1", "-L", "Brooklyn", "-f", "json").stdout
    )
    wages = SESSION.market(SESSION.role("Baristas"), SESSION.place("Brooklyn", None)).wages
    assert wages is not None and wages.p10 is not None
    assert (record["salary"], wages.p10) == (34320, 33070)
    assert record["percentile"] == 23.3  # where $34,320 falls, no longer the level's 20th
    assert (record["level_low"], record["level_high"]) == (34320, 34480)
    assert record["note"].endswith(
        "; the Entry Level figure, $34,010 ($16.35 an hour), is below the minimum wage in "
        "Brooklyn, NY ($16.50 an hour from 2025-01-01): raised to $34,320, 2,080 hours at it"
    )
    mid = json.loads(run("estimate", "Barista", "-y", "4", "-L", "Brooklyn", "-f", "json").stdout)
    assert (mid["salary"], mid["percentile"]) == (34668, 30)  # above the floor: as it was
    assert "minimum wage" not in mid["note"]


def test_the_minimum_wage_where_the_estimate_is() -> None:
    from salarycli.sources.min_wages import applying

    def hourly(location: str | None) -> str | None:
        wage = applying(SESSION.place(location, None))
        return None if wage is None else f"{wage.where} {wage.hourly}"

    assert hourly(None) == "United States 7.25"
    assert hourly("WA") == "Washington 16.66"
    assert hourly("Seattle-Tacoma-Bellevue, WA") == "Washington 16.66"  # the metro: the state's
    assert hourly("Seattle, WA") == "Seattle, WA 20.76"  # the city, whose metro's figures apply
    assert hourly("Chicago") == "Chicago, IL 16.20"
    assert hourly("Kings County, NY") == "Kings County, NY 16.50"
    assert hourly("Albany, NY") == "New York 15.50"  # outside NYC, Long Island, Westchester
    assert hourly("10001") == "New York 15.50"  # a ZIP code: its state's lowest
    assert hourly("Philadelphia") == "Pennsylvania 7.25"  # PA-NJ-DE-MD: the lowest
    assert hourly("Cheyenne, WY") == "Wyoming 7.25"  # the federal minimum over WY's $5.15
    assert applying(SESSION.place(None, "Germany")) is None


def test_every_state_and_dc_has_a_sourced_minimum_wage() -> None:
    from salarycli.sources.files import data_dir
    from salarycli.sources.files import rows as read

    rows = read(data_dir() / "min_wages.csv")
    states = {row["state"] for row in rows if row["kind"] == "state"}
    fifty = {row["usps"] for row in read(data_dir() / "states.csv")}
    assert states == fifty - {"PR", "GU", "VI", "AS", "MP"} and len(states) == 51
    assert all(row["source"] and row["url"].startswith("https://") for row in rows)
    assert all(row["effective"] <= "2025-05-12" for row in rows)  # in effect in May 2025


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(RANKED), st.sampled_from(PLACES))
def test_levels_rise_with_years_and_stay_within_p10_and_p90(
    role: object, where: str | None
) -> None:
    from salarycli.core.records import Role

    assert isinstance(role, Role)
    place = SESSION.place(where, None)
    market = SESSION.market(role, place)
    if market.hourly or role.base_salary is None:
        return
    rungs = SESSION.ladder(SESSION.match(role.soc or role.role), place)
    figures = [rung.salary if rung.salary is not None else rung.at_least for rung in rungs]
    assert all(figure is not None for figure in figures)
    assert figures == sorted(figures)  # never lower with more years  # type: ignore[type-var]
    wages = market.wages
    if wages is None or at_rank(wages, 50) is None:
        return  # no whole distribution here: the flat ladder applies
    low = wages.p10 if wages.p10 is not None else wages.at_least
    assert low is not None
    least = yearly_minimum(market, role.currency) or 0
    for rung in rungs:
        if rung.salary is not None:
            assert rung.salary >= max(low, least)  # never under p10 nor the minimum wage
            if wages.p90 is not None:  # past p90 only as the minimum wage itself (a city's
                # floor over figures that fall back to the nation's: Seattle's shampooers)
                assert rung.salary <= wages.p90 or rung.salary == least
        else:  # a lower bound is allowed past the published top only as "at least"
            assert rung.at_least is not None and rung.at_least >= low


def test_a_top_coded_percentile_makes_the_level_a_lower_bound() -> None:
    wages = Wages(1, None, 120360, 225580, None, None, None, ("p50", "p75", "p90"), 239200)
    # 120,360 + 105,220 x 10/15 = 190,506.67, between published percentiles: exact
    assert at_rank(wages, 20) == (Fraction(571520, 3), False)
    assert at_rank(wages, 55) == (Fraction(239200), True)  # on top codes: at least


# --- aged figures ---------------------------------------------------------------------------


def test_aging_is_the_latest_quarter_over_may_2025s() -> None:
    aging = from_index(
        [("2025-06-01", "171.444"), ("2025-09-01", "172.905"), ("2026-03-01", "175.743")]
    )
    assert aging == Aging("2026-Q1", Fraction(175743, 171444))
    assert aging.label.startswith(
        "aged from May 2025 to 2026-Q1 by the BLS Employment Cost Index, +2.5%"
    )


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 10_000_000))
def test_an_aged_figure_is_the_published_one_times_the_ratio_rounded_once(amount: int) -> None:
    aging = Aging("2026-Q1", Fraction(175743, 171444))
    exact = amount * aging.ratio
    found = aging.money(amount)
    assert found is not None and abs(found - exact) <= Fraction(1, 2)
    assert found - exact != Fraction(-1, 2)  # half goes up


def test_aged_estimates_in_every_format() -> None:
    plain = json.loads(
        run("estimate", "Civil Engineer", "-y", "8", "-L", "CA", "-f", "json").stdout
    )
    older = json.loads(
        run("estimate", "Civil Engineer", "-y", "8", "-L", "CA", "--aged", "-f", "json").stdout
    )
    # 127,870 x 175.743 / 171.444 = 131,076.2; 96,590 -> 99,012.2; 149,350 -> 153,094.8
    assert (plain["salary"], plain["p25"], plain["p75"]) == (127870, 96590, 149350)
    assert (older["salary"], older["p25"], older["p75"], older["base_salary"]) == (
        131076,
        99012,
        153095,
        111395,
    )
    assert older["note"] == (
        "aged from May 2025 to 2026-Q1 by the BLS Employment Cost Index, +2.5% (an "
        "approximation: total compensation, all civilian workers)"
    )
    table = run("estimate", "Civil Engineer", "-y", "8", "-L", "CA", "--aged", "-f", "table").stdout
    assert "$131,076 at Experienced" in table and "Note: aged from May 2025 to 2026-Q1" in table
    csv_out = run("compare", "Civil Engineer", "-L", "CA", "-y", "8", "--aged", "-f", "csv").stdout
    assert ",131076," in csv_out


def test_aged_applies_to_a_whole_estimate_object() -> None:
    result = SESSION.estimate("Civil Engineer", years="8")
    older = aged(result, Aging("x", Fraction(2)))
    assert (older.salary, older.base_salary, older.p25, older.p75) == (
        2 * 106608,
        2 * 108670,
        2 * 79930,
        2 * 129680,
    )


# --- growth between releases --------------------------------------------------------------


def test_an_occupations_national_mean_release_by_release() -> None:
    assert SESSION.growth("17-2051") == [
        ("May 2023", 101160),
        ("May 2024", 107050),
        ("May 2025", 108670),
    ]
    assert SESSION.growth("55-1011") == []  # not published: not comparable
    table = run("market", "Civil Engineer", "-f", "table").stdout
    flat = " ".join(table.split())
    assert (
        "National mean, release by release (a year apart): $101,160 (May 2023) -> $107,050 "
        "(May 2024, +5.8%) -> $108,670 (May 2025, +1.5%)"
    ) in flat


def test_the_growth_table_is_what_its_build_recorded() -> None:
    import hashlib

    from salarycli.sources.files import data_dir

    document = json.loads((data_dir() / "provenance.json").read_text(encoding="utf-8"))
    entry = next(item for item in document["sources"] if item["id"] == "bls-oews-history")
    data = (data_dir() / "oews_growth.csv").read_bytes()
    assert hashlib.sha256(data).hexdigest() == entry["checksums"]["data/oews_growth.csv"]
    assert data.decode().splitlines()[0] == "soc,mean_2023,mean_2024"
    assert len(data.decode().splitlines()) - 1 == 825


# --- how sure BLS is ------------------------------------------------------------------------


def test_confidence_follows_the_documented_rule() -> None:
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
    from build_confidence import label

    assert label("1.0", "3.7") == "h"  # California's civil engineers: wage 1.0%, employment 3.7%
    assert label("4.8", "17.5") == "m"  # Austin's advertising managers: employment over 10%
    assert label("13.0", "11.5") == "l"  # Austin's personal financial advisors: wage over 10%
    assert label("5.0", "10.0") == "h" and label("10.0", "25.0") == "m"  # at most, inclusive
    assert label("-", "2.0") == "-" and label(None, None) == "-"


def test_every_estimate_says_how_sure_in_every_format() -> None:
    high = json.loads(run("estimate", "Civil Engineer", "-y", "8", "-L", "CA", "-f", "json").stdout)
    medium = json.loads(
        run("estimate", "11-2011", "-y", "8", "-L", "Austin, TX", "-f", "json").stdout
    )
    low = json.loads(run("estimate", "13-2052", "-y", "8", "-L", "Austin, TX", "-f", "json").stdout)
    assert [r["confidence"] for r in (high, medium, low)] == ["high", "medium", "low"]
    seed = json.loads(run("estimate", "Machine Learning Engineer", "-y", "4", "-f", "json").stdout)
    assert seed["confidence"] is None  # a job page's figure: no BLS standard error behind it
    csv_out = run("estimate", "13-2052", "-y", "8", "-L", "Austin, TX", "-f", "csv").stdout
    record = next(csv.DictReader(io.StringIO(csv_out)))
    assert record["confidence"] == "low"
    table = run("estimate", "13-2052", "-y", "8", "-L", "Austin, TX", "-f", "table").stdout
    assert "Confidence: low, by BLS's relative standard errors" in " ".join(table.split())


def test_the_confidence_table_is_what_its_build_recorded() -> None:
    import hashlib

    from salarycli.sources.files import data_dir

    document = json.loads((data_dir() / "provenance.json").read_text(encoding="utf-8"))
    entry = next(item for item in document["sources"] if item["id"] == "bls-oews-2025-rse")
    data = (data_dir() / "oews_confidence.txt").read_bytes()
    assert hashlib.sha256(data).hexdigest() == entry["checksums"]["data/oews_confidence.txt"]
    lines = data.decode().splitlines()
    assert len(lines[0].split(",")) == 830 and lines[1].startswith("US,")
    assert {len(line.split(",", 1)[1]) for line in lines[1:]} == {830}


def test_a_level_spans_halfway_to_its_neighbours_ranks() -> None:
    levels = SESSION.data.levels
    assert [level.span for level in levels] == [
        (10.0, 25.0),
        (25.0, 42.5),
        (42.5, 63.5),
        (63.5, 80.5),
        (80.5, 90.0),
    ]
    # California's civil engineers, Experienced: the 42.5th percentile, 96,590 + 25,910 x
    # 17.5/25 = 114,727, to the 63.5th, 122,500 + 26,850 x 13.5/25 = 136,999
    record = json.loads(
        run("estimate", "Civil Engineer", "-y", "8", "-L", "CA", "-f", "json").stdout
    )
    assert (record["level_low"], record["salary"], record["level_high"]) == (114727, 127870, 136999)
    table = run("estimate", "Civil Engineer", "-y", "8", "-L", "CA", "-f", "table").stdout
    assert "Experienced spans $114,727-$136,999 here" in table
    # on top codes, a span's end is not known: left empty rather than invented
    top = json.loads(
        run("estimate", "29-1212", "-y", "8", "-L", "Corpus Christi", "-f", "json").stdout
    )
    assert (top["salary"], top["level_low"], top["level_high"]) == (None, None, None)


def test_an_hourly_only_occupations_levels_are_floored_too() -> None:
    from decimal import Decimal

    from salarycli.core.record import replace
    from salarycli.core.records import MinimumWage
    from salarycli.core.report import hourly_estimates

    actors = SESSION.role("Actors")
    market = SESSION.market(actors, SESSION.place("CA", None))
    assert market.hourly and market.floor is not None and market.floor.hourly == Decimal("16.50")
    high = MinimumWage(Decimal("50.00"), "Somewhere", "2025-01-01", "a test's rate", "https://x")
    records = hourly_estimates(actors, replace(market, floor=high), SESSION.data.levels, None)
    mean = market.wages.by_hour[0] if market.wages else None
    assert mean is not None
    for record, level in zip(records, SESSION.data.levels, strict=True):
        own = (mean * level.multiplier).quantize(Decimal("0.01"))
        assert record["hourly"] == max(own, Decimal("50.00"))
        assert ("below the minimum wage in Somewhere" in (record["note"] or "")) == (own < 50)
