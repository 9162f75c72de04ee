"""Issue #16, purchasing power: BEA's Regional Price Parities as bundled, which one a place
takes, and what --real and relocate show with them."""

from __future__ import annotations

import csv
import json
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from salarycli.core.prices import (
    Parity,
    in_national_dollars,
    parity_code,
    same_buying_power,
)
from salarycli.session import Session
from salarycli.sources import load_parities
from salarycli.sources.files import data_dir
from tests.conftest import load_script, run

SOURCES = Path(__file__).parent / "sources" / "bea-rpp"


def test_the_build_writes_the_bundled_table_byte_for_byte(tmp_path: Path) -> None:
    build = load_script("build_prices")
    rows = build.build(SOURCES)
    output = build.common.csv_bytes(build.HEADER, rows)
    assert output == (data_dir() / "bea_rpp.csv").read_bytes()
    provenance = json.loads((data_dir() / "provenance.json").read_text())
    entry = next(e for e in provenance["sources"] if e["id"] == "bea-rpp")
    assert entry["checksums"]["data/bea_rpp.csv"] == build.sha256(output)
    assert len(output) < 200_000  # the budget for the table


def test_a_changed_source_is_refused(tmp_path: Path) -> None:
    build = load_script("build_prices")
    for name in build.FILES:
        (tmp_path / name).write_bytes((SOURCES / name).read_bytes())
    (tmp_path / "SARPP_STATE_2008_2023.csv").write_bytes(b"changed")
    with pytest.raises(SystemExit, match=r"SARPP_STATE_2008_2023\.csv: sha256"):
        build.build(tmp_path)


def source_rows() -> dict[tuple[str, str, str], tuple[str, str]]:
    """(table, code, line) -> (name, latest value), read straight from BEA's files."""
    found = {}
    for path in sorted(SOURCES.glob("*.csv")):
        with path.open(newline="") as stream:
            for row in csv.reader(stream):
                if len(row) > 9 and row[0] != "GeoFIPS":
                    code = row[0].strip().strip('"')
                    found[(row[3], code, row[4])] = (row[1], row[-1])
    return found


def test_every_bundled_figure_is_the_source_row_of_its_latest_year() -> None:
    source = source_rows()
    lines = {"SARPP": ("5", "6", "7", "8", "9"), "MARPP": ("1", "2", "3", "4", "5")}
    lines["PARPP"] = lines["MARPP"]
    with (data_dir() / "bea_rpp.csv").open(newline="") as stream:
        bundled = list(csv.DictReader(stream))
    assert len(bundled) == 538
    for row in bundled:
        table = {"state": "SARPP", "metro": "MARPP", "nation": "MARPP"}.get(row["kind"], "PARPP")
        if row["kind"] == "nation-nonmetro":
            table = "MARPP"
        figures = [row[f] for f in ("all_items", "goods", "housing", "utilities", "other")]
        for line, figure in zip(lines[table], figures, strict=True):
            assert source[(table, row["code"], line)][1] == figure, (row["code"], line)
        assert row["year"] == ("2023" if table == "SARPP" else "2024")


@pytest.mark.parametrize(
    ("code", "all_items"),
    [  # as ../shared/data/SOURCES-places.md quotes them from BEA's release
        ("06000", "112.581"),  # California, 2023
        ("15000", "108.609"),  # Hawaii
        ("11000", "110.804"),  # DC
        ("28000", "87.292"),  # Mississippi
        ("41940", "110.423"),  # San Jose, 2024
        ("41860", "115.613"),  # San Francisco-Oakland-Fremont
        ("46520", "110.961"),  # Urban Honolulu
        ("35620", "112.563"),  # New York
        ("42660", "111.133"),  # Seattle
        ("00999", "88.699"),  # the US nonmetropolitan portion
        ("00000", "100.000"),
    ],
)
def test_figures_quoted_by_the_sources_notes(code: str, all_items: str) -> None:
    assert load_parities()[code].all_items == Decimal(all_items)


def test_dc_has_no_nonmetro_portion() -> None:
    assert "11999" not in load_parities() and "11998" in load_parities()


@pytest.mark.parametrize(
    ("location", "code"),
    [
        ("Austin, TX", "12420"),  # a metro: its own
        ("Palo Alto, CA", "41940"),  # a city in a metro: the metro's
        ("94301", "41940"),  # a ZIP code too
        ("Marfa, TX", "48999"),  # a town outside every metro: its state's nonmetro portion
        ("Northwest Alabama nonmetropolitan area", "01999"),  # an OEWS nonmetro area: the same
        ("CA", "06000"),  # a state: its own (2023)
        ("Remote", "00000"),  # the nation
    ],
)
def test_which_price_level_a_place_takes(location: str, code: str) -> None:
    assert parity_code(Session().place(location, None)) == code


def test_places_without_a_price_level() -> None:
    session = Session()
    assert session.parity(session.place("San Juan, PR", None)) is None  # BEA prices no territory
    assert session.parity(session.place(None, "DE")) is None  # a country: PPP dollars already


def test_estimate_real_is_salary_x_100_over_the_price_level() -> None:
    record = json.loads(
        run(
            "estimate", "Software Developers", "-y", "5", "-L", "Austin, TX", "--real", "-f", "json"
        ).stdout
    )
    # 110,024 x 100 / 98.066 = 112,193.8
    assert (record["salary"], record["rpp"], record["rpp_year"], record["real_salary"]) == (
        110024,
        98.066,
        2024,
        112194,
    )
    assert record["rpp_area"] == "Austin-Round Rock-San Marcos, TX (Metropolitan Statistical Area)"
    table = run("estimate", "Software Developers", "-L", "Austin, TX", "--real", "-f", "table")
    assert "  Mid Level     3-5           0.77   $110,024   $112,194" in table.stdout
    assert "Note: Austin-Round Rock-San Marcos, TX, 2024: prices 98.066 (US = 100)" in table.stdout


def test_compare_real_sorts_by_what_the_salary_buys() -> None:
    result = run(
        "compare",
        "Software Developers",
        "-y",
        "5",
        "-L",
        "Austin, TX",
        "-L",
        "Seattle",
        "-L",
        "San Juan, PR",
        "--real",
        "-f",
        "json",
    )
    records = json.loads(result.stdout)
    # Seattle 139,696 x 100 / 111.133 = 125,702; Austin 110,024 -> 112,194; San Juan: no level
    assert [
        (r["location"], r["salary"], r["real_salary"], r["real_difference_to_top"]) for r in records
    ] == [
        ("Seattle-Tacoma-Bellevue, WA", 139696, 125702, 0),
        ("Austin-Round Rock-San Marcos, TX", 110024, 112194, -13508),
        ("San Juan-Bayamon-Caguas, PR", 66836, None, None),
    ]


def test_relocate_three_methods_on_a_known_pair() -> None:
    record = json.loads(
        run(
            "relocate",
            "Software Developers",
            "150k",
            "--from",
            "Austin, TX",
            "--to",
            "San Jose",
            "-f",
            "json",
        ).stdout
    )
    # same buying power: 150,000 x 110.423 / 98.066 = 168,901.05
    assert (
        record["same_percentile_salary"],
        record["ratio_salary"],
        record["from_rpp"],
        record["to_rpp"],
        record["same_prices_salary"],
    ) == (219061, 231543, 98.066, 110.423, 168901)
    abroad = json.loads(
        run(
            "relocate",
            "Software Developers",
            "70k PPP",
            "--from-country",
            "DE",
            "--to",
            "Seattle",
            "-f",
            "json",
        ).stdout
    )
    assert (abroad["from_rpp"], abroad["same_prices_salary"]) == (None, None)


def test_real_refuses_hourly_only_roles_and_stdin() -> None:
    hourly = run("estimate", "Actors", "-y", "3", "--real")
    assert (hourly.exit_code, hourly.stdout) == (1, "")
    assert hourly.stderr.endswith(": --real takes a yearly salary\n")
    lines = run("estimate", "-", "-y", "3", "--real", input="Civil Engineer\n")
    assert lines.exit_code == 2


def parity(level: str) -> Parity:
    value = Decimal(level)
    return Parity("x", "metro", "X", 2024, value, value, value, value, value)


levels = st.decimals(min_value=Decimal("70.000"), max_value=Decimal("130.000"), places=3)


@given(st.integers(min_value=1, max_value=100_000_000), levels, levels)
def test_buying_power_there_and_back(salary: int, start: Decimal, end: Decimal) -> None:
    there = same_buying_power(salary, parity(str(start)), parity(str(end)))
    back = same_buying_power(there, parity(str(end)), parity(str(start)))
    assert abs(back - salary) <= 1  # one rounding each way, at most half a dollar x 130/70
    assert (
        in_national_dollars(salary, parity(str(start)))
        == in_national_dollars(there, parity(str(end)))
        or abs(
            in_national_dollars(salary, parity(str(start)))
            - in_national_dollars(there, parity(str(end)))
        )
        <= 1
    )
