"""Issue #3: places, the market behind the average, rank and relocate."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest

from salarycli.core import market
from salarycli.core.records import Dataset, Market, Place, Wages
from salarycli.errors import AmbiguousPlace, BadInput, UnknownPlace
from salarycli.resolve.amounts import Amount, parse_amount
from salarycli.resolve.places import PlaceIndex, choose_places
from salarycli.resolve.titles import RoleIndex
from salarycli.sources import Catalog, files, load_places, oews
from salarycli.sources import schema as models
from tests.conftest import run

AREAS = oews.Areas(files.data_dir())


@pytest.fixture(scope="module")
def places() -> PlaceIndex:
    from salarycli.session import Session

    return Session().place_index()


def market_of(data: Dataset, role: str, place: Place) -> Market:
    return market.market_for(RoleIndex.build(data.roles).match(role).role, place, Catalog())


# --- the data -----------------------------------------------------------------------------


def test_place_counts_and_schema() -> None:
    found = load_places()
    kinds = [place.kind for place in found]
    assert (kinds.count("state"), kinds.count("metro"), kinds.count("country")) == (54, 528, 30)
    for place in found:
        models.Place.model_validate(place)


def test_every_area_block_holds_exactly_its_rows() -> None:
    """offset/length in oews_areas.csv point at each area's rows and nothing else."""
    for kind, name in oews.AREA_FILES.items():
        content = (files.data_dir() / name).read_bytes()
        blocks = sorted(
            (p.offset, p.length, p.code) for p in load_places() if p.kind == kind and p.length
        )
        assert blocks[0][0] == content.index(b"\n") + 1  # right after the header
        for (offset, length, code), following in zip(
            blocks, [*blocks[1:], (len(content), 0, "")], strict=True
        ):
            assert offset + length == following[0]  # contiguous, covering the whole file
            lines = content[offset : offset + length].decode().splitlines()
            assert lines and all(line.startswith(f"{code},") for line in lines)


def test_every_area_row_is_valid() -> None:
    for name in oews.AREA_FILES.values():
        with (files.data_dir() / name).open(encoding="utf-8") as stream:
            for row in csv.DictReader(stream):
                figures = {
                    k: int(v) if v else None
                    for k, v in row.items()
                    if k not in ("area_code", "soc", "top_coded", "hourly")
                }
                wages = Wages(**figures, hourly=row["hourly"])  # type: ignore[arg-type]
                models.Wages.model_validate(wages, strict=False)
                assert all(h is None or 0 < h < 1000 for h in wages.by_hour), row
                for name in filter(None, row["top_coded"].split(";")):
                    assert row[name] == "", (row, name)  # a top-coded figure is no number


def test_known_area_values(places: PlaceIndex) -> None:
    civil = "17-2051"
    assert AREAS.wages(places.find("CA"), civil).annual_mean == 124540  # type: ignore[union-attr]
    assert AREAS.wages(places.find("Texas"), civil).annual_mean == 104250  # type: ignore[union-attr]
    houston = AREAS.wages(places.find("Houston"), civil)
    hourly = tuple(
        Decimal(f) for f in ["53.55", "32.33", "38.47", "48.53", "62.97", "80.89"]
    )  # BLS's
    assert houston == Wages(
        12140, 111370, 67250, 80010, 100950, 130990, 168240, hourly="53.55;;;;62.97;80.89"
    )
    assert houston.by_hour == hourly
    assert AREAS.wages(places.find("Houston"), "99-9999") is None


def test_state_codes_agree_with_the_bls_metro_names() -> None:
    found = load_places()
    usps = {p.state_code: p.usps for p in found if p.kind == "state"}
    for place in found:
        if place.kind == "metro" and len(place.states) == 1:
            assert usps[place.state_code] == place.states[0], place.name


# --- naming a place -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "name"),
    [
        ("CA", "California"),
        ("california", "California"),
        ("  CALIFORNIA ", "California"),
        ("DC", "District of Columbia"),
        ("Puerto Rico", "Puerto Rico"),
        ("San Jose-Sunnyvale-Santa Clara, CA", "San Jose-Sunnyvale-Santa Clara, CA"),
        ("san jose", "San Jose-Sunnyvale-Santa Clara, CA"),
        ("Austin, TX", "Austin-Round Rock-San Marcos, TX"),
        ("austin tx", "Austin-Round Rock-San Marcos, TX"),
        ("Houston", "Houston-Pasadena-The Woodlands, TX"),
        ("Portland, ME", "Portland-South Portland, ME"),
        ("Portland, OR", "Portland-Vancouver-Hillsboro, OR-WA"),
        ("Vancouver, WA", "Vancouver, WA"),  # a city in the metro, in Washington
        ("Nashville", "Nashville-Davidson--Murfreesboro--Franklin, TN"),
        ("Wilkes-Barre", "Scranton--Wilkes-Barre, PA"),
        ("Winston-Salem", "Winston-Salem, NC"),
        ("St. Louis", "St. Louis, MO-IL"),
        ("Alaska nonmetropolitan area", "Alaska nonmetropolitan area"),
        ("US", "United States"),
        ("", "United States"),
    ],
)
def test_find_place(places: PlaceIndex, typed: str, name: str) -> None:
    assert places.find(typed).name == name


def test_an_ambiguous_place_lists_the_candidates(places: PlaceIndex) -> None:
    with pytest.raises(AmbiguousPlace) as caught:
        places.find("Springfield")
    assert caught.value.message == (
        "'Springfield' could be any of: Springfield, MA; Springfield, MO; Springfield, IL; "
        "Springfield, OH; Springfield, OR; Springfield, VA. Say which"
    )
    with pytest.raises(AmbiguousPlace) as caught:
        places.find("Washington")
    assert caught.value.candidates == ["Washington (state)", "Washington, DC"]
    for candidate in ["Washington (state)", "Washington, DC", "Springfield, MO"]:
        places.find(candidate)  # every candidate is accepted as it is written


def test_an_unknown_place_suggests(places: PlaceIndex) -> None:
    with pytest.raises(UnknownPlace) as caught:
        places.find("Calfornai Beach")
    assert caught.value.message == (
        "unknown location 'Calfornai Beach'; did you mean 'California (state)'? "
        "(salarycli locations lists them)"
    )
    assert caught.value.exit_code == 1


@pytest.mark.parametrize(
    ("typed", "name"), [("DE", "Germany"), ("germany", "Germany"), ("CA", "Canada")]
)
def test_find_country(places: PlaceIndex, typed: str, name: str) -> None:
    assert places.find_country(typed).name == name


def test_location_and_country_together_is_a_usage_error() -> None:
    with pytest.raises(BadInput, match="give --location or --country, not both"):
        choose_places(["CA"], ["DE"], load_places)


# --- how a place changes an estimate ------------------------------------------------------


def test_an_oews_role_at_a_level_is_that_percentile_of_the_areas_distribution() -> None:
    result = run("estimate", "Civil Engineer", "-y", "8", "-L", "California", "-f", "json")
    record = json.loads(result.stdout)
    # Experienced, the 55th percentile of California's: 122,500 + (149,350 - 122,500) x 5/25
    assert (record["salary"], record["location"], record["location_type"]) == (
        127870,
        "California",
        "state",
    )
    assert (record["location_basis"], record["location_factor"]) == (
        "state",
        round(124540 / 108670, 6),
    )
    assert (record["p25"], record["p75"], record["note"]) == (96590, 149350, None)
    assert (
        json.loads(run("estimate", "civil engineer", "-y", "8", "-L", "TX", "-f", "json").stdout)[
            "salary"
        ]
        == 102956  # 96,860 + (127,340 - 96,860) x 5/25 = 102,956
    )
    houston = json.loads(
        run("estimate", "17-2051", "-y", "8", "-L", "Houston", "-f", "json").stdout
    )
    assert (houston["salary"], houston["location_basis"]) == (106958, "metro")


def test_factor_applies_with_one_rounding() -> None:
    record = json.loads(
        run("estimate", "Civil Engineer", "-y", "1", "-L", "CA", "-f", "json").stdout
    )
    # the 20th percentile: 77,980 + (96,590 - 77,980) x 10/15 = 90,386.67, rounded once
    assert record["salary"] == 90387
    assert (
        market.whole_dollars(Fraction(158328) * Fraction(9, 10) * Fraction(212760, 126800))
        == (
            json.loads(
                run(
                    "estimate",
                    "Machine Learning Engineer",
                    "-y",
                    "4",
                    "-L",
                    "San Jose",
                    "-f",
                    "json",
                ).stdout
            )["salary"]
        )
    )


def test_machine_learning_engineer_uses_its_reference_occupation(
    data: Dataset, places: PlaceIndex
) -> None:
    where = market_of(data, "Machine Learning Engineer", places.find("San Jose"))
    assert where.market_soc == "15-2051"  # Data Scientists: San Jose mean 212,760, national 126,800
    assert where.factor == Fraction(212760, 126800)


def test_a_metro_without_a_figure_falls_back_to_its_state(
    data: Dataset, places: PlaceIndex
) -> None:
    where = market_of(data, "Civil Engineer", places.find("Elizabethtown, KY"))
    assert (where.basis, where.basis_name, where.factor) == (
        "state",
        "Kentucky",
        Fraction(105310, 108670),
    )
    assert where.note == (
        "BLS published no annual mean wage for SOC 17-2051 in Elizabethtown, KY; using Kentucky (state)"
    )
    record = json.loads(
        run("estimate", "Civil Engineer", "-y", "8", "-L", "Elizabethtown, KY", "-f", "json").stdout
    )
    assert (record["salary"], record["location_type"], record["location_basis"]) == (
        105330,  # Kentucky's 55th percentile: 100,930 + (122,930 - 100,930) x 5/25
        "metro",
        "state",
    )
    assert record["note"] == where.note
    table = run(
        "estimate", "Civil Engineer", "-y", "8", "-L", "Elizabethtown, KY", "-f", "table"
    ).stdout
    assert f"Note: {where.note}" in table


def test_a_state_without_a_figure_falls_back_to_national(data: Dataset, places: PlaceIndex) -> None:
    where = market_of(data, "Chemical Engineer", places.find("CA"))
    assert (where.basis, where.factor) == ("national", 1)
    assert (
        where.note
        == "BLS published no annual mean wage for SOC 17-2041 in California; using United States (national)"
    )


def test_a_country_result_carries_its_note() -> None:
    record = json.loads(
        run("estimate", "Civil Engineer", "-y", "8", "-c", "DE", "-f", "json").stdout
    )
    # the US Experienced figure (the 55th percentile, 106,608) x Germany's average wage ratio
    assert record["salary"] == market.whole_dollars(Fraction(106608) * Fraction(58940, 77463))
    assert record["salary"] == 81116  # 106,608 x 58,940 / 77,463 = 81,115.76
    assert (record["location"], record["location_type"], record["location_basis"]) == (
        "Germany",
        "country",
        "country",
    )
    assert (record["p25"], record["p75"]) == (None, None)  # no distribution for a country
    assert record["note"].startswith("approximate: the US figure scaled by Germany's average wage")
    table = run("estimate", "Civil Engineer", "-y", "8", "-c", "Germany", "-f", "table").stdout
    assert (
        "Note: approximate: " in table and "Location: Germany, factor 0.7609 (approximate)" in table
    )


def test_compare_places() -> None:
    result = run(
        "compare", "Civil Engineer", "-L", "CA", "-L", "TX", "-L", "Houston", "-y", "8", "-f", "csv"
    )
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [(r["location"], r["salary"], r["difference_to_top"]) for r in rows] == [
        ("California", "127870", "0"),
        ("Houston-Pasadena-The Woodlands, TX", "106958", "-20912"),
        ("Texas", "102956", "-24914"),
    ]
    ladder = list(
        csv.DictReader(io.StringIO(run("compare", "-c", "DE", "-c", "JP", "-f", "csv").stdout))
    )
    assert len(ladder) == 6 * 2 * 5  # roles x places x levels
    assert {r["location"] for r in ladder} == {"Germany", "Japan"}


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (
            ["estimate", "Civil Engineer", "-L", "Aurora"],
            1,
            "'Aurora' could be any of: Aurora, CO; Aurora, IL; Aurora, OH; Aurora, MO; Aurora, NE; Aurora, IN. Say which",
        ),
        (
            ["estimate", "Civil Engineer", "-L", "Atlantiss"],
            1,
            "unknown location 'Atlantiss'; did you mean 'Atlantis, FL', 'Atlantic, IA'? (salarycli locations lists them)",
        ),
        (
            ["estimate", "Civil Engineer", "-c", "Germny"],
            1,
            "unknown country 'Germny'; did you mean 'Germany'? (salarycli locations --type country lists them)",
        ),
        (
            ["estimate", "Civil Engineer", "-L", "CA", "-c", "DE"],
            2,
            "give --location or --country, not both",
        ),
        (["compare", "-L", "CA", "-c", "DE"], 2, "give --location or --country, not both"),
        (
            ["rank", "Civil Engineer", "abc"],
            2,
            "a salary is from $1 to $100,000,000 a year (120000, 120,000 or 120k; an hourly wage as 65/hr), got 'abc'",
        ),
        (
            ["rank", "Civil Engineer", "0"],
            2,
            "a salary is from $1 to $100,000,000 a year (120000, 120,000 or 120k; an hourly wage as 65/hr), got '0'",
        ),
        (
            ["rank", "Civil Engineer", "nan"],
            2,
            "a salary is from $1 to $100,000,000 a year (120000, 120,000 or 120k; an hourly wage as 65/hr), got 'nan'",
        ),
        (
            ["rank", "Civil Engineer", "--", "-5"],
            2,
            "a salary is from $1 to $100,000,000 a year (120000, 120,000 or 120k; an hourly wage as 65/hr), got '-5'",
        ),
        (
            ["relocate", "Civil Engineer", "100k", "--to", "CA"],
            2,
            "give --from PLACE or --from-country COUNTRY",
        ),
        (
            ["relocate", "Civil Engineer", "100k", "--from", "CA"],
            2,
            "give --to PLACE or --to-country COUNTRY",
        ),
        (
            ["compare", "Actors", "-y", "3", "-L", "CA"],
            1,
            "BLS publishes only hourly wages for SOC 27-2011 (its members do not generally work year-round, full time), so salarycli gives no yearly figure for it: `salarycli estimate 'Actors'` answers it per hour",
        ),
        (["locations", "zzzz"], 1, "no places match 'zzzz'"),
    ],
)
def test_place_errors(args: list[str], code: int, message: str) -> None:
    result = run(*args)
    assert (result.exit_code, result.stdout, result.stderr) == (
        code,
        "",
        f"salarycli: error: {message}\n",
    )


# --- the market behind the average --------------------------------------------------------

CA_CIVIL = ((10, 77980), (25, 96590), (50, 122500), (75, 149350), (90, 175940))


def test_wage_at_interpolates_piecewise_linearly() -> None:
    assert market.wage_at(CA_CIVIL, 25) == 96590
    assert market.wage_at(CA_CIVIL, 17) == 77980 + Fraction(96590 - 77980) * 7 / 15
    assert market.wage_at(CA_CIVIL, 5) is None and market.wage_at(CA_CIVIL, 95) is None


def test_wage_levels() -> None:
    assert market.wage_levels(CA_CIVIL) == [
        ("I", 17, 86665),
        ("II", 34, 105918),
        ("III", 50, 122500),
        ("IV", 67, 140758),
    ]
    # 77,980 + 18,610 x 7/15 = 86,664.67; 96,590 + 25,910 x 9/25 = 105,917.6; 122,500 + 26,850 x 17/25 = 140,758


def test_market_command() -> None:
    records = list(
        csv.DictReader(io.StringIO(run("market", "Civil Engineer", "-L", "CA", "-f", "csv").stdout))
    )
    assert [(r["statistic"], r["percentile"], r["salary"]) for r in records] == [
        ("mean", "", "124540"),
        ("p10", "10", "77980"),
        ("p25", "25", "96590"),
        ("p50", "50", "122500"),
        ("p75", "75", "149350"),
        ("p90", "90", "175940"),
        ("wage level I", "17", "86665"),
        ("wage level II", "34", "105918"),
        ("wage level III", "50", "122500"),
        ("wage level IV", "67", "140758"),
        ("Entry Level", "20", "90387"),  # each level at its own percentile
        ("Mid Level", "30", "101772"),
        ("Experienced", "55", "127870"),
        ("Senior", "72", "146128"),
        ("Veteran", "89", "174167"),
        # the occupation's national mean in each release (data/oews_growth.csv)
        ("national mean, May 2023", "", "101160"),
        ("national mean, May 2024", "", "107050"),
        ("national mean, May 2025", "", "108670"),
    ]
    assert records[-1]["note"] == "+1.5% from the release before"  # 108,670 / 107,050
    assert {r["employment"] for r in records[:-3]} == {"55180"}
    table = run("market", "Civil Engineer", "-L", "CA", "-f", "table").stdout.splitlines()
    assert table[0] == "Civil Engineer in California: 55,180 employed, mean $124,540"
    bar = next(line for line in table if line.startswith("p10 "))
    assert bar.startswith("p10 $77,980 ├") and bar.endswith("┤ p90 $175,940")
    assert "█" in bar and "┃" in bar
    assert "1 Entry Level $90,387" in table and "5 Veteran $174,167" in table
    assert any("not an official determination" in line for line in table)


def test_chart_places_marks_and_flags_those_off_the_bar() -> None:
    from salarycli.present.table import Chart, chart_lines

    lines = chart_lines(
        Chart(("p10", 100), ("p90", 200), (125, 175), 150, [("low", 50), ("mid", 150)], width=11)
    )
    assert lines == [
        "p10 $100 ├─███┃███─┤ p90 $200",  # 125 and 175 fall at 2.5 and 7.5 of 10: cells 2 and 8
        "         <    2",
        "         █ 25th-75th percentile   ┃ median",
        "1 low $50 (off the bar)",
        "2 mid $150",
    ]


# --- is this offer good? ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("salary", "percentile", "label", "level"),
    [
        (96590, Fraction(25), "25th percentile", "I"),  # at a published point
        (109545, Fraction(75, 2), "38th percentile", "II"),  # halfway from p25 to p50
        (77980, Fraction(10), "10th percentile", "below I"),
        (77979, None, "below the 10th percentile", "below I"),
        (175941, None, "above the 90th percentile", "IV"),
    ],
)
def test_position(salary: int, percentile: Fraction | None, label: str, level: str) -> None:
    where = market.position(CA_CIVIL, salary)
    assert (where.percentile, where.label) == (percentile, label)
    assert market.wage_level_reached(CA_CIVIL, salary) == level


def test_rank_command() -> None:
    record = json.loads(
        run("rank", "Civil Engineer", "$120k", "-L", "Houston", "-f", "json").stdout
    )
    # 120,000 between p50 100,950 and p75 130,990: 50 + 25 x 19,050 / 30,040 = 65.85
    assert (record["salary"], record["percentile"], record["position"]) == (
        120000,
        65.9,
        "66th percentile",
    )
    assert (record["wage_level"], record["nearest_level"], record["nearest_level_salary"]) == (
        "III",
        "Senior",
        127385,
    )
    assert record["location_basis"] == "metro" and record["p90"] == 168240
    low = json.loads(run("rank", "Civil Engineer", "50,000", "-f", "json").stdout)
    assert (low["percentile"], low["position"], low["wage_level"]) == (
        None,
        "below the 10th percentile",
        "below I",
    )


@pytest.mark.parametrize(
    ("text", "dollars"),
    [
        ("120000", 120000),
        ("120,000", 120000),
        ("120k", 120000),
        ("$120k", 120000),
        ("$ 95.5K", 95500),
        ("1.2m", 1200000),
    ],
)
def test_parse_salary(text: str, dollars: int) -> None:
    assert parse_amount(text) == Amount(dollars)


# --- what is my salary worth elsewhere? ---------------------------------------------------


def test_relocate_same_percentile_and_ratio(data: Dataset, places: PlaceIndex) -> None:
    record = json.loads(
        run(
            "relocate", "Civil Engineer", "96590", "--from", "CA", "--to", "TX", "-f", "json"
        ).stdout
    )
    assert (record["percentile"], record["same_percentile_salary"]) == (25, 77200)  # TX p25
    assert record["ratio_salary"] == market.whole_dollars(96590 * Fraction(104250, 124540))
    assert (record["from_basis"], record["to_basis"]) == ("state", "state")
    abroad = json.loads(
        run(
            "relocate",
            "Civil Engineer",
            "100000",
            "--from",
            "TX",
            "--to-country",
            "DE",
            "-f",
            "json",
        ).stdout
    )
    assert abroad["same_percentile_salary"] is None and abroad["note"].startswith("approximate:")
    assert abroad["ratio"] == round(float(Fraction(58940, 77463) / Fraction(104250, 108670)), 6)
    beyond = json.loads(
        run(
            "relocate", "Civil Engineer", "300000", "--from", "TX", "--to", "CA", "-f", "json"
        ).stdout
    )
    assert beyond["same_percentile_salary"] is None
    assert (
        beyond["note"]
        == "$300,000 is above the 90th percentile in Texas: no same-percentile figure without extrapolating"
    )


PAIRS = [
    ("CA", "TX"),
    ("Houston", "San Jose"),
    ("Elizabethtown", "Austin, TX"),
    ("NY", "Portland, ME"),
]


@pytest.mark.parametrize(("origin", "destination"), PAIRS)
def test_relocate_round_trips(
    data: Dataset, places: PlaceIndex, origin: str, destination: str
) -> None:
    """A -> B -> A gives the salary back: exactly before rounding; after rounding to whole
    dollars in between, within half a dollar times the ratio of the two segments' slopes."""
    start, end = (market_of(data, "Civil Engineer", places.find(p)) for p in (origin, destination))
    assert start.wages is not None and end.wages is not None
    low = max(start.wages.p10 or 0, end.wages.p10 or 0)
    high = min(start.wages.p90 or 0, end.wages.p90 or 0)
    for salary in range(low, high + 1, max((high - low) // 97, 1)):
        if market.position(start.wages.percentiles, salary).percentile is None:
            continue
        there = market.relocate(salary, start, end).same_percentile
        assert there is not None
        exact = market.wage_at(
            start.wages.percentiles, market.position(end.wages.percentiles, there).percentile
        )  # type: ignore[arg-type]
        assert exact == salary
        rounded = market.whole_dollars(there)
        returned = market.relocate(rounded, end, start).same_percentile
        assert returned is not None
        assert abs(returned - salary) <= Fraction(1, 2) * _steepest_ratio(start.wages, end.wages)


def _steepest_ratio(a: Wages, b: Wages) -> Fraction:
    """The largest ratio of a's slope to b's over matching segments (dollars per percentile)."""
    ratios = []
    for (r1, w1), (r2, w2), (_, v1), (_, v2) in zip(
        a.percentiles, a.percentiles[1:], b.percentiles, b.percentiles[1:], strict=False
    ):
        ratios.append(Fraction(w2 - w1, r2 - r1) / Fraction(max(v2 - v1, 1), r2 - r1))
    return max(ratios)


def test_relocate_round_trip_within_a_dollar_in_most_cases(
    data: Dataset, places: PlaceIndex
) -> None:
    start, end = (market_of(data, "Civil Engineer", places.find(p)) for p in ("CA", "TX"))
    assert start.wages and end.wages
    salaries = range(80000, 175000, 1000)
    back = [
        market.relocate(
            market.whole_dollars(market.relocate(s, start, end).same_percentile), end, start
        ).same_percentile
        for s in salaries
    ]  # type: ignore[arg-type]
    assert all(
        b is not None and abs(market.whole_dollars(b) - s) <= 1
        for s, b in zip(salaries, back, strict=True)
    )


# --- locations ----------------------------------------------------------------------------


def test_locations_command() -> None:
    rows = list(csv.DictReader(io.StringIO(run("locations", "portland", "-f", "csv").stdout)))
    assert [
        (r["location"], r["location_type"], r["code"], r["states"], r["cities"]) for r in rows
    ] == [
        ("Portland-South Portland, ME", "metro", "0038860", "ME", "Portland; South Portland"),
        (
            "Portland-Vancouver-Hillsboro, OR-WA",
            "metro",
            "0038900",
            "OR-WA",
            "Portland; Vancouver; Hillsboro",
        ),
    ]
    countries = list(
        csv.DictReader(io.StringIO(run("locations", "--type", "country", "-f", "csv").stdout))
    )
    assert (
        len(countries) == 30
        and countries[0]["location"] == "Luxembourg"
        and countries[0]["average_wage"] == "78310"
    )
    states = run("locations", "-t", "state").stdout.splitlines()
    assert len(states) == 1 + 54 and states[5].split("\t")[:4] == [
        "California",
        "state",
        "0600000",
        "CA",
    ]
    assert (
        run("locations", "tx", "-t", "state", "-f", "csv")
        .stdout.splitlines()[1]
        .startswith("Texas,state,")
    )


# --- issue #12: the header names the numbers it shows ---------------------------------------


def test_market_header_names_whose_figures_and_the_places_own_employment() -> None:
    from tests.conftest import run

    table = run("market", "Civil Engineer", "-L", "Elizabethtown", "-f", "table")
    assert table.stdout.splitlines()[0] == (
        "Civil Engineer in Elizabethtown, KY: 50 employed there; Kentucky figures: 2,690 "
        "employed, mean $105,310"
    )
    record = json.loads(
        run("market", "Civil Engineer", "-L", "Elizabethtown", "-f", "json").stdout
    )[0]
    assert {
        key: record[key]
        for key in (
            "location",
            "location_basis",
            "figures_from",
            "location_employment",
            "employment",
        )
    } == {
        "location": "Elizabethtown, KY",
        "location_basis": "state",
        "figures_from": "Kentucky",
        "location_employment": 50,
        "employment": 2690,
    }


def test_market_header_when_nothing_is_published_for_the_place() -> None:
    from tests.conftest import run

    first = run("market", "17-3024", "-L", "Cheyenne", "-f", "table").stdout.splitlines()[0]
    assert first == (
        "Electro-Mechanical Technician in Cheyenne, WY: no figures published there; United "
        "States figures: 15,520 employed, mean $76,420"
    )
    record = json.loads(run("market", "17-3024", "-L", "Cheyenne", "-f", "json").stdout)[0]
    assert (record["figures_from"], record["location_employment"], record["employment"]) == (
        "United States",
        None,
        15520,
    )


def test_market_header_for_a_place_with_its_own_figures_is_unchanged() -> None:
    from tests.conftest import run

    record = json.loads(run("market", "Civil Engineer", "-L", "Austin", "-f", "json").stdout)[0]
    assert record["figures_from"] == "Austin-Round Rock-San Marcos, TX"
    assert record["location_employment"] == record["employment"]
    first = run("market", "Civil Engineer", "-L", "Austin", "-f", "table").stdout.splitlines()[0]
    assert first.startswith("Civil Engineer in Austin-Round Rock-San Marcos, TX: ")
    assert "figures" not in first


@pytest.mark.parametrize(
    ("args", "headline"),
    [
        (
            ["Software Developers", "--years", "7", "-L", "Austin"],
            "Software Developers with 7 years in Austin-Round Rock-San Marcos, TX: $141,042 at "
            "Experienced, the 55th percentile of pay for Software Developers; mean there $143,630 "
            "($148,100 x 0.9698)",
        ),
        (
            ["Civil Engineer", "--years", "8", "-L", "Elizabethtown"],
            "Civil Engineer with 8 years in Elizabethtown, KY: $105,330 at Experienced, the 55th "
            "percentile of pay for Civil Engineers; mean there $105,310 on Kentucky figures "
            "($108,670 x 0.9691)",
        ),
        (
            ["Civil Engineer", "--years", "8"],
            "Civil Engineer with 8 years: $106,608 at Experienced, the 55th percentile of pay for "
            "Civil Engineers; mean $108,670",
        ),
    ],
)
def test_the_estimate_headline_names_the_salary_its_level_and_what_it_rests_on(
    args: list[str], headline: str
) -> None:
    from tests.conftest import run

    shown = run("estimate", *args, "-f", "table").stdout.splitlines()
    assert shown[0] == headline
    salary = json.loads(run("estimate", *args, "-f", "json").stdout)["salary"]
    assert f"${salary:,}" in shown[0] and f"${salary:,}" in shown[4]  # the title is the row


# --- issue #12: places as people type them -------------------------------------------------

# typed, the place found (AMBIGUOUS or None: refused), its kind, the OEWS area whose figures it
# uses first (a metro's or state's own code; a city's, ZIP's or county's metro; "" outside
# every metro)
PLACES = [
    ("CA", "California", "state", "0600000"),
    ("california", "California", "state", "0600000"),
    ("Texas", "Texas", "state", "4800000"),
    ("DC", "District of Columbia", "state", "1100000"),
    ("Puerto Rico", "Puerto Rico", "state", "7200000"),
    ("Wyoming", "Wyoming", "state", "5600000"),
    ("New York (state)", "New York", "state", "3600000"),
    ("Washington (state)", "Washington", "state", "5300000"),
    (
        "San Jose-Sunnyvale-Santa Clara, CA",
        "San Jose-Sunnyvale-Santa Clara, CA",
        "metro",
        "0041940",
    ),
    ("Portland-Vancouver-Hillsboro", "Portland-Vancouver-Hillsboro, OR-WA", "metro", "0038900"),
    ("Urban Honolulu, HI", "Urban Honolulu, HI", "metro", "0046520"),
    ("Boise City, ID", "Boise City, ID", "metro", "0014260"),
    ("US", "United States", "national", "US"),
    ("Remote", "United States", "national", "US"),
    ("remote", "United States", "national", "US"),
    ("NYC", "New York-Newark-Jersey City, NY-NJ", "metro", "0035620"),
    ("New York City", "New York-Newark-Jersey City, NY-NJ", "metro", "0035620"),
    ("SF", "San Francisco-Oakland-Fremont, CA", "metro", "0041860"),
    ("Bay Area", "San Francisco-Oakland-Fremont, CA", "metro", "0041860"),
    ("Silicon Valley", "San Jose-Sunnyvale-Santa Clara, CA", "metro", "0041940"),
    ("DFW", "Dallas-Fort Worth-Arlington, TX", "metro", "0019100"),
    ("Twin Cities", "Minneapolis-St. Paul-Bloomington, MN-WI", "metro", "0033460"),
    ("Philly", "Philadelphia-Camden-Wilmington, PA-NJ-DE-MD", "metro", "0037980"),
    ("NOLA", "New Orleans-Metairie, LA", "metro", "0035380"),
    ("Vegas", "Las Vegas-Henderson-North Las Vegas, NV", "metro", "0029820"),
    ("Chi-Town", "Chicago-Naperville-Elgin, IL-IN", "metro", "0016980"),
    ("ATL", "Atlanta-Sandy Springs-Roswell, GA", "metro", "0012060"),
    ("Research Triangle", "Raleigh-Cary, NC", "metro", "0039580"),
    ("Washington DC", "Washington-Arlington-Alexandria, DC-VA-MD-WV", "metro", "0047900"),
    ("Palo Alto", "Palo Alto, CA", "city", "0041940"),
    ("Palo Alto, CA", "Palo Alto, CA", "city", "0041940"),
    ("palo alto ca", "Palo Alto, CA", "city", "0041940"),
    ("Mountain View", "Mountain View, CA", "city", "0041940"),
    ("Mountain View, CA", "Mountain View, CA", "city", "0041940"),
    ("Redmond, WA", "Redmond, WA", "city", "0042660"),
    ("Redmond, OR", "Redmond, OR", "city", "0013460"),
    ("Brooklyn", "Brooklyn, NY", "city", "0035620"),
    ("Brooklyn, NY", "Brooklyn, NY", "city", "0035620"),
    ("Queens", "Queens, NY", "city", "0035620"),
    ("Manhattan", "Manhattan, NY", "city", "0035620"),
    ("Manhattan, NY", "Manhattan, NY", "city", "0035620"),
    ("Manhattan, KS", "Manhattan, KS", "metro", "0031740"),
    ("Honolulu", "Honolulu, HI", "city", "0046520"),
    ("Boise", "Boise, ID", "city", "0014260"),
    ("Boise, ID", "Boise, ID", "city", "0014260"),
    ("Mayagüez, PR", "Mayaguez, PR", "metro", "0032420"),
    ("Mayaguez, PR", "Mayaguez, PR", "metro", "0032420"),
    ("San Juan, PR", "San Juan-Bayamon-Caguas, PR", "metro", "0041980"),
    ("Austin", "Austin-Round Rock-San Marcos, TX", "metro", "0012420"),
    ("Austin, TX", "Austin-Round Rock-San Marcos, TX", "metro", "0012420"),
    ("austin tx", "Austin-Round Rock-San Marcos, TX", "metro", "0012420"),
    ("Houston", "Houston-Pasadena-The Woodlands, TX", "metro", "0026420"),
    ("San Jose", "San Jose-Sunnyvale-Santa Clara, CA", "metro", "0041940"),
    ("San José, PR", "San José, PR", "city", "0041980"),
    ("Portland", "Portland-Vancouver-Hillsboro, OR-WA", "metro", "0038900"),
    ("Portland, OR", "Portland-Vancouver-Hillsboro, OR-WA", "metro", "0038900"),
    ("Portland, ME", "Portland-South Portland, ME", "metro", "0038860"),
    ("Vancouver, WA", "Vancouver, WA", "city", "0038900"),
    ("Nashville", "Nashville-Davidson--Murfreesboro--Franklin, TN", "metro", "0034980"),
    ("Winston-Salem", "Winston-Salem, NC", "metro", "0049180"),
    ("St. Louis", "St. Louis, MO-IL", "metro", "0041180"),
    ("Saint Louis, MO", "St. Louis, MO-IL", "metro", "0041180"),
    ("Columbus", "Columbus, OH", "metro", "0018140"),
    ("Kansas City", "Kansas City, MO-KS", "metro", "0028140"),
    ("Kansas City, KS", "Kansas City, KS", "city", "0028140"),
    ("Richmond", "Richmond, VA", "metro", "0040060"),
    ("Elizabethtown, KY", "Elizabethtown, KY", "metro", "0021060"),
    ("Cheyenne", "Cheyenne, WY", "metro", "0016940"),
    ("Atlantic City", "Atlantic City-Hammonton, NJ", "metro", "0012100"),
    ("Corpus Christi", "Corpus Christi, TX", "metro", "0018580"),
    ("Jersey City", "Jersey City, NJ", "city", "0035620"),
    ("Newark, NJ", "Newark, NJ", "city", "0035620"),
    ("Newark, NY", "Newark, NY", "city", "0040380"),
    ("Camden, NJ", "Camden, NJ", "city", "0037980"),
    ("Bellevue, WA", "Seattle-Tacoma-Bellevue, WA", "metro", "0042660"),
    ("Cambridge, MA", "Boston-Cambridge-Newton, MA-NH", "metro", "0014460"),
    ("Sunnyvale", "San Jose-Sunnyvale-Santa Clara, CA", "metro", "0041940"),
    ("Cupertino", "Cupertino, CA", "city", "0041940"),
    ("Santa Monica", "Santa Monica, CA", "city", "0031080"),
    ("Hoboken", "Hoboken, NJ", "city", "0035620"),
    ("Evanston", "Evanston, IL", "city", "0016980"),
    ("Scottsdale", "Scottsdale, AZ", "city", "0038060"),
    ("Plano", "Plano, TX", "city", "0019100"),
    ("Frisco, TX", "Frisco, TX", "city", "0019100"),
    ("Coeur d'Alene", "Coeur d'Alene, ID", "metro", "0017660"),
    ("Abbeville, AL", "Abbeville, AL", "city", "0020020"),
    ("94301", "ZIP 94301", "zip", "0041940"),
    ("94040", "ZIP 94040", "zip", "0041940"),
    ("98052", "ZIP 98052", "zip", "0042660"),
    ("10001", "ZIP 10001", "zip", "0035620"),
    ("11201", "ZIP 11201", "zip", "0035620"),
    ("96813", "ZIP 96813", "zip", "0046520"),
    ("02139", "ZIP 02139", "zip", "0014460"),
    ("60601", "ZIP 60601", "zip", "0016980"),
    ("73301", "ZIP 73301", "zip", "0012420"),
    ("06510", "ZIP 06510", "zip", "0035300"),
    ("06901", "ZIP 06901", "zip", "0014860"),
    ("00901", "ZIP 00901", "zip", "0041980"),
    ("King County, WA", "King County, WA", "county", "0042660"),
    ("Santa Clara County, CA", "Santa Clara County, CA", "county", "0041940"),
    ("Cook County, IL", "Cook County, IL", "county", "0016980"),
    ("Kings County, NY", "Kings County, NY", "county", "0035620"),
    ("Maricopa County, AZ", "Maricopa County, AZ", "county", "0038060"),
    ("Fairfield County, CT", None, None, None),
    ("Los Angeles County, CA", "Los Angeles County, CA", "county", "0031080"),
    ("Harris County, TX", "Harris County, TX", "county", "0026420"),
    ("Aurora", "AMBIGUOUS", None, None),
    ("Concord", "AMBIGUOUS", None, None),
    ("Springfield", "AMBIGUOUS", None, None),
    ("Arlington", "AMBIGUOUS", None, None),
    ("Pasadena", "AMBIGUOUS", None, None),
    ("Newark", "AMBIGUOUS", None, None),
    ("New York", "AMBIGUOUS", None, None),
    ("Washington", "AMBIGUOUS", None, None),
    ("LA", "Louisiana", "state", "2200000"),  # a state code standing alone is the state
    ("Redmond", "AMBIGUOUS", None, None),
    ("Vancouver, OR", None, None, None),
    ("Portland, WA", None, None, None),
    ("Newark, CA", "Newark, CA", "city", "0041860"),
    ("Atlantiss", None, None, None),
    ("Springfeild", None, None, None),
    ("Nowhereville", None, None, None),
]


def test_the_place_table_is_big_enough() -> None:
    assert len(PLACES) >= 100
    assert len({typed for typed, *_ in PLACES}) == len(PLACES)


@pytest.mark.parametrize(("typed", "name", "kind", "area"), PLACES)
def test_typed_places(
    places: PlaceIndex, typed: str, name: str | None, kind: str | None, area: str | None
) -> None:
    if name is None:
        with pytest.raises(UnknownPlace):
            places.find(typed)
        return
    if name == "AMBIGUOUS":
        with pytest.raises(AmbiguousPlace) as caught:
            places.find(typed)
        for candidate in caught.value.candidates:
            places.find(candidate)  # every candidate is accepted as written
        return
    found = places.find(typed)
    first = found.within.code if found.within else (found.code if not found.located else "")
    assert (found.name, found.kind, first) == (name, kind, area)


def test_a_city_in_a_multi_state_metro_falls_back_to_its_own_state() -> None:
    washington = json.loads(
        run("estimate", "13-1032", "-y", "8", "-L", "Vancouver, WA", "-f", "json").stdout
    )
    oregon = json.loads(
        run("estimate", "13-1032", "-y", "8", "-L", "Portland, OR", "-f", "json").stdout
    )
    assert (washington["location_basis"], oregon["location_basis"]) == ("state", "state")
    assert washington["note"] == (
        "BLS published no annual mean wage for SOC 13-1032 in Portland-Vancouver-Hillsboro, "
        "OR-WA, the metro area Vancouver, WA is in; using Washington (state)"
    )
    assert oregon["note"] == (
        "BLS published no annual mean wage for SOC 13-1032 in Portland-Vancouver-Hillsboro, "
        "OR-WA; using Oregon (state)"
    )
    assert washington["salary"] != oregon["salary"]


def test_a_bare_name_taken_as_the_largest_place_says_so() -> None:
    record = json.loads(
        run("estimate", "Civil Engineer", "-y", "8", "-L", "Manhattan", "-f", "json").stdout
    )
    assert (record["location"], record["location_type"], record["location_basis"]) == (
        "Manhattan, NY",
        "city",
        "metro",
    )
    assert record["note"] == (
        "'Manhattan' is taken as Manhattan, NY, by far the largest; also Manhattan, KS, "
        "Manhattan, IL, Manhattan, MT; Manhattan, NY is in the New York-Newark-Jersey City, "
        "NY-NJ metro area: its figures"
    )


def test_remote_is_the_nation_with_a_note_in_estimate_and_batch() -> None:
    record = json.loads(
        run("estimate", "Civil Engineer", "-y", "8", "-L", "Remote", "-f", "json").stdout
    )
    assert (record["location"], record["location_basis"], record["salary"], record["note"]) == (
        "United States",
        "national",
        106608,
        "a remote job is not tied to a place: national figures",
    )
    result = run(
        "batch",
        "--input-format",
        "csv",
        "-f",
        "jsonl",
        input='role,years,location\nCivil Engineer,8,Remote\nCivil Engineer,8,"Austin, TX"\n',
    )
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert result.exit_code == 0
    assert [(row["location"], row["estimate_location"], row["estimate_error"]) for row in rows] == [
        ("Remote", "United States", None),
        ("Austin, TX", "Austin-Round Rock-San Marcos, TX", None),
    ]


def test_a_place_outside_every_metro_uses_its_state_and_says_why() -> None:
    record = json.loads(
        run("estimate", "Civil Engineer", "-y", "8", "-L", "Boise City, OK", "-f", "json").stdout
    )
    assert (record["location_type"], record["location_basis"]) == ("city", "state")
    assert record["note"] == (
        "Boise City, OK is in no metro area (BLS's nonmetropolitan areas are not mapped to "
        "places here); using Oklahoma (state)"
    )


# --- issue #12: top-coded wages are lower bounds, not gaps ---------------------------------

LOWER_BOUND = (
    "BLS publishes the mean wage of SOC {soc} in {area} only as at least $239,200 a year (it "
    "top-codes wages this high): the estimate is a lower bound"
)


def test_the_build_keeps_every_top_coded_field() -> None:
    cells = fields = 0
    for name in oews.AREA_FILES.values():
        with (files.data_dir() / name).open(encoding="utf-8") as stream:
            for row in csv.DictReader(stream):
                if row["top_coded"]:
                    cells += 1
                    fields += len(row["top_coded"].split(";"))
    assert (cells, fields) == (350, 2042)  # the audit: 2,042 fields in 350 cells
    assert AREAS.top_code() == 239200  # read from BLS footnote 5


@pytest.mark.parametrize(
    ("soc", "place", "area", "bound"),
    [
        # every percentile top-coded: New Jersey's $165,650 was given before
        ("29-1216", "Atlantic City, NJ", "Atlantic City-Hammonton, NJ", 239200),
        # the mean top-coded: Oregon's figure was given before
        ("29-1211", "Portland, OR", "Portland-Vancouver-Hillsboro, OR-WA", 239200),
    ],
)
def test_an_estimate_on_a_top_coded_mean_is_a_lower_bound_in_every_format(
    soc: str, place: str, area: str, bound: int
) -> None:
    note = LOWER_BOUND.format(soc=soc, area=area) + (
        "; the 25th and 75th percentiles are at least $239,200 here (top-coded by BLS)"
    )
    record = json.loads(run("estimate", soc, "--years", "8", "-L", place, "-f", "json").stdout)
    assert (record["salary"], record["at_least"], record["location_basis"], record["note"]) == (
        None,
        bound,
        "metro",
        note,
    )
    row = next(
        csv.DictReader(
            io.StringIO(run("estimate", soc, "-y", "8", "-L", place, "-f", "csv").stdout)
        )
    )
    assert (row["salary"], row["at_least"]) == ("", str(bound))
    table = run("estimate", soc, "--years", "8", "-L", place, "-f", "table").stdout
    flat = " ".join(table.split())
    assert f"at least ${bound:,} at Experienced" in flat and f"≥ ${bound:,}" in flat
    assert note in flat
    batch = run(
        "batch",
        "--input-format",
        "csv",
        "-f",
        "jsonl",
        input=f'role,years,location\n{soc},8,"{place}"\n',
    )
    line = json.loads(batch.stdout)
    assert (
        batch.exit_code,
        line["estimate_salary"],
        line["estimate_at_least"],
        line["estimate_error"],
    ) == (
        0,
        None,
        bound,
        None,
    )
    # every percentile is at least the top code, so is every level: no multiple of a bound
    ladder = json.loads(run("estimate", soc, "-L", place, "-f", "json").stdout)
    assert [(r["level"], r["salary"], r["at_least"]) for r in ladder] == [
        ("Entry Level", None, 239200),
        ("Mid Level", None, 239200),
        ("Experienced", None, 239200),
        ("Senior", None, 239200),
        ("Veteran", None, 239200),
    ]


def test_compare_ranks_a_lower_bound_by_its_bound_with_no_difference() -> None:
    records = json.loads(
        run(
            "compare", "29-1216", "29-1215", "-y", "8", "-L", "Atlantic City, NJ", "-f", "json"
        ).stdout
    )
    assert [(r["role"], r["salary"], r["at_least"], r["difference_to_top"]) for r in records] == [
        ("Family Medicine Physicians", 393890, None, 0),
        ("General Internal Medicine Physicians", None, 239200, None),
    ]


def test_relocate_does_not_carry_a_salary_to_or_from_a_lower_bound() -> None:
    result = run("relocate", "29-1216", "300k", "--from", "Atlantic City, NJ", "--to", "Austin")
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr.endswith(
        "the estimate is a lower bound; a salary is not carried to or from one\n"
    )


def test_rank_where_every_percentile_is_top_coded() -> None:
    below = json.loads(
        run("rank", "29-1216", "200k", "-L", "Atlantic City, NJ", "-f", "json").stdout
    )
    assert (below["position"], below["wage_level"], below["nearest_level"]) == (
        "below the 10th percentile",
        "below I",
        None,
    )
    above = json.loads(
        run("rank", "29-1216", "300k", "-L", "Atlantic City, NJ", "-f", "json").stdout
    )
    assert (above["position"], above["wage_level"]) == (
        "at or above $239,200, which BLS says every percentile here is",
        "not known: BLS top-codes the levels it could reach",
    )


def test_market_shows_top_coded_percentiles_and_levels_as_lower_bounds() -> None:
    table = run("market", "29-1212", "-L", "Corpus Christi", "-f", "table").stdout.splitlines()
    rows = {line.split()[0] + " " + line.split()[1]: line for line in table[4:14]}
    assert rows["p50 50"].rstrip().endswith("≥ $239,200")
    assert rows["p90 90"].rstrip().endswith("≥ $239,200")
    records = json.loads(run("market", "29-1212", "-L", "Corpus Christi", "-f", "json").stdout)
    shown = {r["statistic"]: (r["salary"], r["at_least"]) for r in records}
    assert [shown[name] for name in ("p25", "p50", "p75", "p90")] == [
        (225580, None),
        (None, 239200),
        (None, 239200),
        (None, 239200),
    ]
    # a wage level among top-coded percentiles: at least the top code, or, below the first of
    # them, at least the last published percentile
    assert [shown[f"wage level {n}"] for n in ("I", "II", "III", "IV")] == [
        (169463, None),
        (None, 225580),
        (None, 239200),
        (None, 239200),
    ]
    csv_rows = list(
        csv.DictReader(
            io.StringIO(run("market", "29-1212", "-L", "Corpus Christi", "-f", "csv").stdout)
        )
    )
    assert {r["statistic"]: r["at_least"] for r in csv_rows}["p75"] == "239200"


def test_rank_with_top_coded_percentiles_claims_only_what_is_known() -> None:
    above = json.loads(run("rank", "29-1212", "300k", "-L", "Corpus Christi", "-f", "json").stdout)
    assert (above["position"], above["wage_level"]) == ("above the 25th percentile", "at least I")
    assert (above["p50"], above["top_coded"], above["at_least"]) == (
        None,
        ["p50", "p75", "p90"],
        239200,
    )
    below = json.loads(run("rank", "29-1212", "200k", "-L", "Corpus Christi", "-f", "json").stdout)
    assert below["position"] == "21st percentile"  # between the published p10 and p25
    table = run("rank", "29-1212", "300k", "-L", "Corpus Christi", "-f", "table").stdout
    assert "Median               ≥ $239,200" in table


def test_a_terminal_that_cannot_show_the_sign_gets_ascii(tmp_path: Path) -> None:
    from tests.conftest import sh

    done = sh(
        "salarycli market 29-1212 -L 'Corpus Christi' -f table", tmp_path, PYTHONIOENCODING="ascii"
    )
    assert done.returncode == 0
    assert ">= $239,200" in done.stdout and "\\u2265" not in done.stdout


def test_market_where_the_mean_is_top_coded_says_at_least() -> None:
    first = run("market", "29-1216", "-L", "Atlantic City, NJ", "-f", "table").stdout.splitlines()[
        0
    ]
    assert first == (
        "General Internal Medicine Physicians in Atlantic City-Hammonton, NJ: n/a employed, "
        "mean at least $239,200"
    )
    records = json.loads(run("market", "29-1216", "-L", "Atlantic City, NJ", "-f", "json").stdout)
    assert {r["statistic"]: (r["salary"], r["at_least"]) for r in records}["mean"] == (None, 239200)


def test_an_estimate_names_a_top_coded_market_percentile() -> None:
    record = json.loads(
        run("estimate", "29-1212", "-y", "8", "-L", "Corpus Christi", "-f", "json").stdout
    )
    # BLS publishes the mean (709,920) but the median and above only as at least $239,200:
    # Experienced, the 55th percentile, is known only as a lower bound
    assert (record["salary"], record["at_least"], record["p25"], record["p75"]) == (
        None,
        239200,
        225580,
        None,
    )
    assert record["note"] == (
        "the Experienced level's 55th percentile is top-coded here: the estimate is a lower "
        "bound; the 75th percentile is at least $239,200 here (top-coded by BLS)"
    )
    entry = json.loads(
        run("estimate", "29-1212", "-y", "1", "-L", "Corpus Christi", "-f", "json").stdout
    )
    # Entry, the 20th: 120,360 + (225,580 - 120,360) x 10/15 = 190,506.67, published whole
    assert (entry["salary"], entry["at_least"]) == (190507, None)


def test_a_city_in_a_top_coded_metro_keeps_the_lower_bound_note() -> None:
    record = json.loads(
        run("estimate", "29-1211", "-y", "8", "-L", "Beaverton, OR", "-f", "json").stdout
    )
    assert (record["location_type"], record["salary"], record["at_least"]) == ("city", None, 239200)
    assert record["note"] == (
        "Beaverton, OR is in the Portland-Vancouver-Hillsboro, OR-WA metro area: its figures; "
        + LOWER_BOUND.format(soc="29-1211", area="Portland-Vancouver-Hillsboro, OR-WA")
        + "; the 25th and 75th percentiles are at least $239,200 here (top-coded by BLS)"
    )


# --- places as people write them (issue #23) -----------------------------------------------

WRITTEN = [
    # misspellings: within one edit (two from 6 letters), never across states
    ("Seatle", "Seattle-Tacoma-Bellevue, WA"),
    ("Cincinatti", "Cincinnati, OH-KY-IN"),
    ("Tuscon", "Tucson, AZ"),
    ("Raliegh", "Raleigh-Cary, NC"),
    ("Pittsburg, PA", "Pittsburgh, PA"),
    ("Pittsburg, KS", "Pittsburg, KS"),
    ("Massachusets", "Massachusetts"),
    ("Ft. Worth", "Dallas-Fort Worth-Arlington, TX"),
    # counties without a state, when one state has the name
    ("Travis County", "Travis County, TX"),
    ("Santa Clara County", "Santa Clara County, CA"),
    ("Prince George's County", "Prince George's County, MD"),
    # regions and nicknames (data/place_nicknames.csv)
    ("NoVA", "Washington-Arlington-Alexandria, DC-VA-MD-WV"),
    ("Northern Virginia", "Washington-Arlington-Alexandria, DC-VA-MD-WV"),
    ("East Bay", "San Francisco-Oakland-Fremont, CA"),
    ("Inland Empire", "Riverside-San Bernardino-Ontario, CA"),
    ("PDX", "Portland-Vancouver-Hillsboro, OR-WA"),
    ("KC", "Kansas City, MO-KS"),
    ("DFW", "Dallas-Fort Worth-Arlington, TX"),
    ("Dallas-Fort Worth", "Dallas-Fort Worth-Arlington, TX"),
    ("Raleigh-Durham", "Raleigh-Cary, NC"),
    ("Hampton Roads", "Virginia Beach-Chesapeake-Norfolk, VA-NC"),
    ("Greater Boston", "Boston-Cambridge-Newton, MA-NH"),
    ("South Florida", "Miami-Fort Lauderdale-West Palm Beach, FL"),
    ("Orange County", "Orange County, CA"),
    ("Lehigh Valley", "Allentown-Bethlehem-Easton, PA-NJ"),
    ("Seattle area", "Seattle-Tacoma-Bellevue, WA"),
    ("Long Island", "New York-Newark-Jersey City, NY-NJ"),
    ("South Bay", "San Jose-Sunnyvale-Santa Clara, CA"),
    # New York City's boroughs and neighbourhoods
    ("The Bronx", "Bronx, NY"),
    ("Astoria", "New York-Newark-Jersey City, NY-NJ"),
    ("Flushing", "New York-Newark-Jersey City, NY-NJ"),
    ("Jamaica", "New York-Newark-Jersey City, NY-NJ"),
    ("Long Island City", "New York-Newark-Jersey City, NY-NJ"),
    # remote, in its common forms
    ("Remote - US", "United States"),
    ("Remote (US)", "United States"),
    ("Work from home", "United States"),
    # common forms
    ("Seattle, Washington", "Seattle-Tacoma-Bellevue, WA"),
    ("New York, New York", "New York-Newark-Jersey City, NY-NJ"),
    ("New York City, NY", "New York-Newark-Jersey City, NY-NJ"),
    ("Austin TX 78701", "ZIP 78701"),
    ("ZIP 60601", "ZIP 60601"),
    ("94105-1804", "ZIP 94105"),
    ("Mass.", "Massachusetts"),
    ("N. Carolina", "North Carolina"),
    ("Boston, Mass.", "Boston-Cambridge-Newton, MA-NH"),
    # a state's code alone is the state; qualified, a place
    ("IN", "Indiana"),
    ("OR", "Oregon"),
    ("ME", "Maine"),
    ("DE", "Delaware"),
    # written with periods, the nickname; a newspaper's abbreviation, the state
    ("L.A.", "Los Angeles-Long Beach-Anaheim, CA"),
    ("Penn.", "Pennsylvania"),
    ("Calif.", "California"),
    # a county most of whose namesakes' people live in one state
    ("Harris County", "Harris County, TX"),
    ("Cook County", "Cook County, IL"),
    ("Indy", "Indianapolis-Carmel-Greenwood, IN"),
]


@pytest.mark.parametrize(("typed", "name"), WRITTEN)
def test_places_as_people_write_them(places: PlaceIndex, typed: str, name: str) -> None:
    assert places.find(typed).name == name


def test_a_misspelt_place_says_how_it_was_read(places: PlaceIndex) -> None:
    assert places.find("Seatle").note == "read 'seatle' as Seattle, WA (a misspelling)"
    assert places.find("Pittsburg, PA").note == (
        "read 'pittsburg pa' as Pittsburgh, PA (a misspelling)"
    )


def test_a_county_several_states_have_is_ambiguous_with_candidates(places: PlaceIndex) -> None:
    with pytest.raises(AmbiguousPlace) as caught:
        places.find("Washington County")
    assert len(caught.value.candidates) == 6
    for candidate in caught.value.candidates:
        places.find(candidate)


def test_a_batch_row_in_la_is_louisiana() -> None:
    result = run("batch", "-f", "csv", input="role,years,location\nRegistered Nurses,3,LA\n")
    assert result.exit_code == 0
    assert ",Louisiana," in result.stdout.splitlines()[1]


def test_a_region_says_which_area_stands_for_it_and_why(places: PlaceIndex) -> None:
    assert places.find("Long Island").note == (
        "'Long Island' is read as New York-Newark-Jersey City, NY-NJ: Nassau and Suffolk "
        "counties, a division of the New York metro area (OEWS publishes the metro area whole)"
    )
    assert places.find("NYC").note is None  # a plain nickname needs no word
    assert places.find("Harris County").note == (
        "'Harris County' is taken as Harris County, TX, by far the largest; also Harris County, GA"
    )
