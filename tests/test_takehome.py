"""Issue #16, take-home pay: returns against figures derived by hand from the published 2025
rules, and what --net shows and refuses.

2025 federal rules used by hand (IRS, after the July 2025 law): standard deduction $15,750
single, $31,500 married filing jointly; brackets single 10% to $11,925, 12% to $48,475, 22% to
$103,350, 24% to $197,300, 32% to $250,525, 35% to $626,350; married 10% to $23,850, 12% to
$96,950, 22% to $206,700, 24% to $394,600. Under $100,000 of taxable income Form 1040 takes the
tax from the Tax Table: the tax at the middle of the income's $50 row, to the dollar. Social
Security 6.2% up to $176,100; Medicare 1.45%, and 0.9% more over $200,000 single or $250,000
married. Pennsylvania 3.07% of wages; Arizona 2.5% of federal taxable income; North Carolina
4.25% after a $12,750 standard deduction."""

from __future__ import annotations

import json
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from salarycli.core.takehome import TakeHome
from salarycli.session import Session
from salarycli.sources import load_places
from tests.conftest import left_of, run

# (wages, place, filing) -> federal, state, Social Security, Medicare, take-home; each derived
# in the comment beside it (state payroll contributions: Seattle's below)
RETURNS = [
    # taxable 44,250: row 44,250-44,300, 1,192.50 + 12% x (44,275 - 11,925) = 5,074.50
    (60_000, "Austin, TX", "single", 5_075, 0, 3_720, 870, 50_335),
    # taxable 28,500: row mid 28,525, 2,385 + 12% x 4,675 = 2,946
    (60_000, "Austin, TX", "married", 2_946, 0, 3_720, 870, 52_464),
    # taxable 84,250: row mid 84,275: 1,192.50 + 4,386 + 22% x 35,800 = 13,454.50; NC 4.25% x
    # 87,250 = 3,708.13
    (100_000, "Raleigh", "single", 13_455, 3_708, 6_200, 1_450, 75_187),
    # taxable 99,950 (a Tax Table row): mid 99,975: 5,578.50 + 22% x 51,500 = 16,908.50
    (115_700, "Austin, TX", "single", 16_909, 0, 7_173, 1_678, 89_940),
    # taxable 100,000 (the formula): 5,578.50 + 22% x 51,525 = 16,914
    (115_750, "Austin, TX", "single", 16_914, 0, 7_177, 1_678, 89_981),
    # taxable 134,250: 17,651 + 24% x 30,900 = 25,067
    (150_000, "Austin, TX", "single", 25_067, 0, 9_300, 2_175, 113_458),
    # PA 3.07% x 150,000 = 4,605; and Pittsburgh's earned income tax, 3% = 4,500
    (150_000, "Pittsburgh", "single", 25_067, 4_605, 9_300, 2_175, 104_353),
    (150_000, "Phoenix", "single", 25_067, 3_356, 9_300, 2_175, 110_102),  # AZ 2.5% x 134,250
    # taxable 118,500: 11,157 + 22% x 21,550 = 15,898; WA PFML 0.92% x 71.52% x 150,000 =
    # 986.98 and WA Cares 0.58% = 870: 1,857 of contributions
    (150_000, "Seattle", "married", 15_898, 0, 9_300, 2_175, 120_770),
    # taxable 234,250: 39,199 + 32% x 36,950 = 52,023; Medicare 3,625 + 0.9% x 50,000
    (250_000, "Austin, TX", "single", 52_023, 0, 10_918, 4_075, 182_984),
    # taxable 268,500: 35,302 + 24% x 61,800 = 50,134; Medicare 4,350 + 0.9% x 50,000
    (300_000, "Austin, TX", "married", 50_134, 0, 10_918, 4_800, 234_148),
    # taxable 489,250: 56,231 + 35% x 238,725 = 140,784.75; Medicare 7,322.50 + 2,745
    (505_000, "Miami", "single", 140_785, 0, 10_918, 10_068, 343_229),
]


@pytest.mark.parametrize(
    ("wages", "where", "filing", "federal", "state", "social", "medicare", "left"), RETURNS
)
def test_returns_derived_by_hand(
    wages: int,
    where: str,
    filing: str,
    federal: int,
    state: int,
    social: int,
    medicare: int,
    left: int,
) -> None:
    session = Session()
    found, why = session.take_home(wages, session.place(where, None), filing)
    assert why is None and isinstance(found, TakeHome)
    assert (
        found.federal_income_tax,
        found.state_income_tax,
        found.social_security,
        found.medicare,
        found.take_home,
    ) == (federal, state, social, medicare, left)
    local = found.local_income_tax or 0
    assert left == wages - federal - state - social - medicare - found.state_payroll - local


def test_outside_the_checked_wages_take_home_is_missing() -> None:
    session = Session()
    austin = session.place("Austin, TX", None)
    assert session.take_home(9_999, austin, "single") == (
        None,
        "take-home is computed from $10,000 a year",
    )
    assert session.take_home(1_000_001, austin, "single")[1] == (
        "take-home is computed up to $1,000,000 a year"
    )


def test_every_state_and_dc_gives_a_figure_at_every_wage_in_range() -> None:
    session = Session()
    states = [p for p in load_places() if p.kind == "state" and p.usps not in ("PR", "GU", "VI")]
    assert len(states) == 51
    refused: dict[str, set[int]] = {}
    for place in states:
        if place.usps in ("MD", "IN"):  # take-home there needs the county (test_income_tax)
            county = {"MD": "Montgomery County, MD", "IN": "Marion County, IN"}[place.usps]
            place = session.place(county, None)
        for wages in (10_000, 15_000, 19_000, 25_000, 30_000, 32_901, 77_777, 1_000_000):
            for filing in ("single", "joint", "head"):
                found, why = session.take_home(wages, place, filing)
                assert found is not None
                if found.take_home is None:  # a low-income rule not computed, named
                    assert why is not None and "not computed" in why, (place.name, wages, why)
                    refused.setdefault(found.state, set()).add(wages)
                else:
                    assert why is None
    assert refused == {}  # every low-income rule of 2025 is computed


def test_estimate_net_fields_and_breakdown() -> None:
    record = json.loads(
        run(
            "estimate", "Software Developers", "-y", "5", "-L", "Austin, TX", "--net", "-f", "json"
        ).stdout
    )
    # 110,024: taxable 94,274, under 100,000: the Tax Table row 94,250-94,300, at its midpoint
    # 94,275: 1,192.50 + 4,386 + 22% x 45,800 = 15,654.50 -> 15,655; SS 6,821.49; Medicare
    # 1,595.35; take-home the wage less the fields: 85,953
    assert {k: record[k] for k in ("salary", "filing_status", "tax_year", "tax_state")} == {
        "salary": 110024,
        "filing_status": "single",
        "tax_year": 2025,
        "tax_state": "TX",
    }
    assert (
        record["federal_income_tax"],
        record["state_income_tax"],
        record["social_security"],
        record["medicare"],
        record["take_home"],
    ) == (15655, 0, 6821, 1595, 85953)
    table = run(
        "estimate", "Software Developers", "-y", "5", "-L", "Austin, TX", "--net", "-f", "table"
    )
    assert (
        "Note: $110,024 - federal income tax $15,655 - TX income tax $0 - Social Security "
        "$6,821 - Medicare $1,595 = take-home $85,953" in table.stdout
    )
    assert "Note: take-home: 2025 federal, state and local income tax, Social Security, " in (
        table.stdout
    )


def test_compare_net_real_answers_where_one_is_best_off() -> None:
    result = run(
        "compare", "Software Developers", "-y", "5", "-L", "Austin, TX", "-L", "Seattle",
        "-L", "Denver", "--net", "--real", "-f", "json",
    )  # fmt: skip
    records = json.loads(result.stdout)
    # Seattle: taxable 123,946: 17,651 + 24% x 20,596 = 22,594; WA PFML 919 and WA Cares 810;
    # 139,696 - 22,594 - 8,661 - 2,026 - 1,729 = 104,686; x 100 / 111.133 = 94,199. Austin:
    # 85,953 x 100 / 98.066 = 87,648. Denver: 126,434, federal taxable 110,684: 17,651 + 24% x
    # 7,334 = 19,411; Colorado 4.40% x 110,684 = 4,870, less its $29 sales tax refund; FAMLI
    # 0.45% = 569; SS 7,839; Medicare 1,833; Denver's occupational privilege tax $69: 91,872;
    # x 100 / 105.782 = 86,850
    assert [
        (r["location"], r["take_home"], r["real_take_home"], r["real_take_home_difference_to_top"])
        for r in records
    ] == [
        ("Seattle-Tacoma-Bellevue, WA", 104686, 94199, 0),
        ("Austin-Round Rock-San Marcos, TX", 85953, 87648, -6551),
        ("Denver-Aurora-Centennial, CO", 91872, 86850, -7349),
    ]


def test_relocate_net_finds_the_salary_whose_take_home_buys_the_same() -> None:
    record = json.loads(
        run(
            "relocate", "Software Developers", "150k", "--from", "Austin, TX", "--to",
            "Seattle", "--net", "-f", "json",
        ).stdout
    )  # fmt: skip
    assert record["from_take_home"] == 113_458
    wanted = round(113_458 * 111.133 / 98.066)  # the take-home that buys the same in Seattle
    found = record["same_prices_net_salary"]
    session = Session()
    seattle = session.place("Seattle", None)
    assert session.take_home(found, seattle, "single")[0].take_home >= wanted  # type: ignore[union-attr]
    assert session.take_home(found - 1, seattle, "single")[0].take_home < wanted  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (
            ["-y", "3"],
            2,
            "salarycli: error: take-home needs the US state you would live in: give --location "
            "(a city, county, ZIP code or state), or --state with a remote job\n",
        ),
        (
            ["-y", "3", "-L", "Portland-Vancouver-Hillsboro, OR-WA"],
            2,
            "salarycli: error: Portland-Vancouver-Hillsboro, OR-WA spans OR and WA, whose taxes "
            "differ: for take-home, name the city with its state (Philadelphia, PA), a county, a "
            "ZIP code, or give --state\n",
        ),
        (["-y", "3", "-c", "DE"], 2, "salarycli: error: take-home is computed for US taxes only\n"),
    ],
)
def test_net_refuses_what_has_no_state(args: list[str], code: int, message: str) -> None:
    result = run("estimate", "Civil Engineer", *args, "--net")
    assert (result.exit_code, result.stdout, result.stderr) == (code, "", message)


def test_net_needs_no_tax_library(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "tenforty", None)  # import tenforty raises ImportError
    for state in ("AZ", "Montgomery County, MD", "CA", "TX"):
        result = run("estimate", "Civil Engineer", "-y", "3", "-L", state, "--net", "-f", "json")
        record = json.loads(result.stdout)
        assert result.exit_code == 0 and isinstance(record["take_home"], int), state


def test_batch_net_adds_take_home_to_each_record() -> None:
    text = 'id,role,years,location\n1,Software Developers,5,"Austin, TX"\n2,Civil Engineer,4,CA\n3,Civil Engineer,4,\n'
    result = run("batch", "--net", "-f", "jsonl", input=text)
    first, second, third = (json.loads(line) for line in result.stdout.splitlines())
    assert (first["estimate_take_home"], first["estimate_tax_state"], first["estimate_error"]) == (
        85953,
        "TX",
        None,
    )
    # California, 101,772: federal taxable 86,022, Tax Table row at 86,025: 1,192.50 + 4,386 +
    # 22% x 37,550 = 13,839.50; CA taxable 96,066: 3,201.97 + 9.3% x 23,342 - 153 = 5,219.78;
    # SDI 1.2% = 1,221.26; SS 6,309.86; Medicare 1,475.69: take-home 73,705
    assert (
        second["estimate_tax_state"],
        second["estimate_federal_income_tax"],
        second["estimate_state_income_tax"],
    ) == (
        "CA",
        13_840,
        5_220,
    )
    assert (second["estimate_ca_sdi"], second["estimate_take_home"]) == (1_221, 73_705)
    assert (
        third["estimate_take_home"] is None
        and "take-home needs the US state" in third["estimate_note"]
    )
    assert result.exit_code == 0


def test_the_everyday_estimate_does_not_import_the_tax_library() -> None:
    import subprocess

    code = (
        "import sys, runpy; sys.argv = ['salarycli', 'estimate', 'Civil Engineer', '-y', '3',"
        " '-L', 'TX', '-f', 'json']\n"
        "try:\n    runpy.run_module('salarycli', run_name='__main__')\n"
        "except SystemExit:\n    pass\n"
        "assert 'tenforty' not in sys.modules and 'polars' not in sys.modules, 'imported'\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr


def test_batch_real_and_net_together() -> None:
    text = 'id,role,years,location\n1,Software Developers,5,"Austin, TX"\n2,Civil Engineer,4,"San Juan, PR"\n'
    result = run("batch", "--net", "--real", "-f", "jsonl", input=text)
    first, second = (json.loads(line) for line in result.stdout.splitlines())
    assert (
        first["estimate_rpp"],
        first["estimate_real_salary"],
        first["estimate_take_home"],
        first["estimate_real_take_home"],
    ) == (
        98.066,
        112194,
        85953,
        87648,
    )
    assert (
        second["estimate_rpp"],
        second["estimate_real_salary"],
        second["estimate_take_home"],
    ) == (None, None, None)
    plain = run("batch", "--real", "-f", "jsonl", input=text)
    assert "estimate_take_home" not in json.loads(plain.stdout.splitlines()[0])


@settings(max_examples=60, deadline=None)
@given(
    st.integers(min_value=30_000, max_value=504_000),
    st.sampled_from(["Austin, TX", "Pittsburgh", "Phoenix", "Raleigh", "Newark, NJ"]),
    st.sampled_from(["single", "married"]),
)
def test_more_pay_never_leaves_less(wages: int, where: str, filing: str) -> None:
    """What relocate --net's search relies on: take-home grows with the salary."""
    session = Session()
    place = session.place(where, None)
    low, _ = session.take_home(wages, place, filing)
    high, _ = session.take_home(wages + 1_000, place, filing)
    assert low is not None and high is not None
    assert low.take_home is not None and high.take_home is not None
    assert high.take_home >= low.take_home
    assert low.take_home == left_of(low)


def test_rank_and_market_take_net_too() -> None:
    # an offer of $150,000 in Seattle: federal 25,067, SS 9,300, Medicare 2,175, WA PFML
    # 0.658% = 986.98 and WA Cares 0.58% = 870: 111,601
    ranked = json.loads(
        run(
            "rank", "Software Developers", "150k", "-L", "Seattle, WA", "--net", "-f", "json"
        ).stdout
    )
    assert (ranked["take_home"], ranked["wa_pfml"], ranked["wa_cares"]) == (111_601, 987, 870)
    market = json.loads(
        run("market", "Software Developers", "-L", "Austin, TX", "--net", "-f", "json").stdout
    )
    mid = next(r for r in market if r["statistic"] == "Mid Level")
    assert (mid["salary"], mid["take_home"]) == (110_024, 85_953)  # as estimate --net gives it
    assert all(r["take_home"] is None for r in market if r["statistic"].startswith("national"))
    refused = run("market", "Software Developers", "-L", "TX", "--net", "--per", "hour")
    assert (refused.exit_code, refused.stdout, refused.stderr) == (
        2,
        "",
        "salarycli: error: --net takes yearly figures: leave out --per hour\n",
    )


def test_state_names_the_state_of_residence_everywhere() -> None:
    # "New York" alone could be the city; for --state it is the state
    result = run("takehome", "50000", "-L", "CA", "--state", "New York", "-f", "json")
    record = json.loads(result.stdout)
    assert (record["tax_state"], record["location"]) == ("NY", "California, taxes of NY")
    text = "id,title,years,location\n1,Software Developers,5,Remote\n"
    batched = run("batch", "--net", "--state", "co", "-f", "jsonl", input=text)
    line = json.loads(batched.stdout)
    assert (line["estimate_tax_state"], line["estimate_take_home"] is not None) == ("CO", True)
    for args, message in (
        (["batch", "--state", "CO"], "--state is the state whose taxes take-home uses: give it with --net"),
        (["batch", "--net", "--state", "Narnia"], "--state takes a US state or DC, not 'Narnia'"),
    ):  # fmt: skip
        refused = run(*args, input=text)
        assert (refused.exit_code, refused.stdout, refused.stderr) == (
            2,
            "",
            f"salarycli: error: {message}\n",
        )
