"""Issue #13: OEWS's national figures by industry. --industry on estimate, market, rank and
compare; `salarycli industries`; `market ROLE --by industry`."""

from __future__ import annotations

import json

import pytest

from salarycli.errors import AmbiguousPlace, UnknownPlace
from salarycli.resolve.industries import find_industry
from salarycli.sources import load_industries
from tests.conftest import run

INDUSTRIES = load_industries().places()


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("software publishers", "513200"),
        ("Software Publishers", "513200"),
        ("5132", "513200"),
        ("513200", "513200"),
        ("NAICS 5415", "541500"),
        ("51", "51--52"),
        ("31", "31--34"),
        ("33", "31--34"),
        ("45", "44--46"),
        ("51--52", "51--52"),
        ("999101", "999101"),
        ("manufacturing", "31--34"),
        ("information", "51--52"),
        ("hospitals", "622000"),
        ("oil and gas extraction", "211000"),  # published at two levels: the broader
        ("513200 (Software Publishers)", "513200"),  # as a refusal lists it
        ("softw pub", "513200"),
    ],
)
def test_industries_as_typed(typed: str, code: str) -> None:
    assert find_industry(INDUSTRIES, typed).code == code


def test_an_industry_that_several_answer_to_is_refused_with_them() -> None:
    with pytest.raises(AmbiguousPlace) as refused:
        find_industry(INDUSTRIES, "computer")
    assert refused.value.message == (  # broader industries first, then by code
        "'computer' could be any of: 334000 (Computer and Electronic Product Manufacturing); "
        "334100 (Computer and Peripheral Equipment Manufacturing); 541500 (Computer Systems "
        "Design and Related Services); 611400 (Business Schools and Computer and Management "
        "Training); 611405 (Business Schools and Computer and Management Training, Privately "
        "Owned). Say which"
    )
    for candidate in refused.value.candidates:  # each as --industry accepts it
        assert find_industry(INDUSTRIES, candidate).code == candidate.split()[0]


def test_an_unknown_industry_is_refused() -> None:
    with pytest.raises(UnknownPlace) as refused:
        find_industry(INDUSTRIES, "zzz")
    assert refused.value.message == "unknown industry 'zzz' (salarycli industries lists them)"


# (role, industry, employment, mean, p10, p25, p50, p75, p90) from the release's cells
# OEUN0000000513200151252, OEUN0000000622000291141, OEUN000000031--34172141
CELLS = [
    ("Software Developers", "5132", (173080, 158300, 82180, 123720, 164550, 204340, 218330)),
    ("Registered Nurses", "hospitals", (2020230, 104420, 76500, 81780, 100220, 118940, 138710)),
    ("Mechanical Engineers", "31", (130930, 107840, 73030, 82490, 101570, 127800, 157560)),
]


@pytest.mark.parametrize(("role", "industry", "figures"), CELLS)
def test_industry_figures_are_the_release_cells(
    role: str, industry: str, figures: tuple[int, ...]
) -> None:
    records = json.loads(run("market", role, "--industry", industry, "-f", "json").stdout)
    shown = {record["statistic"]: record["salary"] for record in records}
    employment, mean, *percentiles = figures
    assert records[0]["employment"] == employment
    assert [shown[name] for name in ("mean", "p10", "p25", "p50", "p75", "p90")] == [
        mean,
        *percentiles,
    ]
    assert {record["location_type"] for record in records} == {"industry"}


def test_an_estimate_in_an_industry_scales_by_its_mean() -> None:
    record = json.loads(
        run("estimate", "Software Developers", "-y", "4", "-i", "5132", "-f", "json").stdout
    )
    # Mid Level: the 30th percentile of Software Publishers' distribution for the occupation
    assert (record["salary"], record["location"], record["location_type"]) == (
        131886,
        "Software Publishers",
        "industry",
    )
    table = run("estimate", "Software Developers", "-y", "4", "-i", "5132", "-f", "table").stdout
    assert (
        "Industry: Software Publishers (513200), national figures for SOC 15-1252, factor 1.0689"
        in table
    )


def test_rank_in_an_industry() -> None:
    record = json.loads(
        run("rank", "Software Developers", "150k", "-i", "5132", "-y", "4", "-f", "json").stdout
    )
    assert (record["estimate"], record["location"]) == (131886, "Software Publishers")


@pytest.mark.parametrize(
    "args",
    [
        ["estimate", "Software Developers", "-i", "5132", "-L", "CA"],
        ["market", "Software Developers", "-i", "5132", "-L", "CA"],
        ["rank", "Software Developers", "150k", "-i", "5132", "-L", "CA"],
        ["compare", "Software Developers", "-i", "5132", "-L", "CA"],
        ["estimate", "Software Developers", "-i", "5132", "-c", "DE"],
    ],
)
def test_a_place_and_an_industry_together_is_a_usage_error(args: list[str]) -> None:
    result = run(*args)
    assert (result.exit_code, result.stdout, result.stderr) == (
        2,
        "",
        "salarycli: error: OEWS publishes industry figures for the nation only: give "
        "--industry or --location (or --country), not both\n",
    )


def test_no_figure_in_an_industry_is_a_refusal_not_a_fallback() -> None:
    result = run("estimate", "Actuaries", "-y", "4", "-i", "5132")
    assert (result.exit_code, result.stdout, result.stderr) == (
        1,
        "",
        "salarycli: error: BLS publishes no annual mean wage for SOC 15-2011 in the industry "
        "Software Publishers (513200)\n",
    )


def test_market_by_industry_ranks_with_employment() -> None:
    records = json.loads(
        run("market", "Software Developers", "--by", "industry", "-f", "json").stdout
    )
    assert len(records) == 198
    assert [(r["industry_code"], r["employment"], r["annual_mean"]) for r in records[:3]] == [
        ("519200", 43300, 207010),
        ("516200", 24090, 199420),
        ("485300", 6650, 190700),
    ]
    means = [r["annual_mean"] for r in records if r["annual_mean"] is not None]
    assert means == sorted(means, reverse=True)
    result = run("market", "Software Developers", "--by", "industry", "-L", "CA")
    assert (result.exit_code, result.stderr) == (
        2,
        "salarycli: error: --by industry ranks the nation's industry figures: leave out "
        "--location and --industry\n",
    )


def test_industries_lists_and_searches() -> None:
    result = run("industries", "software", "-f", "tsv")
    assert result.stdout == "industry_code\tindustry\tlevel\n513200\tSoftware Publishers\t4\n"
    assert len(run("industries", "-f", "tsv").stdout.splitlines()) == 1 + 443
    missing = run("industries", "zzz")
    assert (missing.exit_code, missing.stderr) == (
        1,
        "salarycli: error: no industries match 'zzz'\n",
    )
