"""scripts/build_places.py: county -> metro, a city's and a ZIP's county, Connecticut's planning
regions, and the checksum guard, on small copies of the three sources."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from types import ModuleType

import pytest

from salarycli.sources.files import data_dir
from tests.conftest import load_script

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def build() -> ModuleType:
    return load_script("build_places")


def small_geo(folder: Path, build: ModuleType, monkeypatch: pytest.MonkeyPatch) -> None:
    (folder / "omb-cbsa-2023").mkdir(parents=True)
    (folder / "simplemaps-uscities").mkdir()
    (folder / "hud-zip-county").mkdir()
    header = (
        "CBSA Code,Metropolitan Division Code,CSA Code,CBSA Title,Metropolitan/Micropolitan "
        "Statistical Area,Metropolitan Division Title,CSA Title,County/County Equivalent,State "
        "Name,FIPS State Code,FIPS County Code,Central/Outlying County\n"
    )
    (folder / "omb-cbsa-2023" / "list1_2023.csv").write_text(
        header
        + "41940,,488,X,Metropolitan Statistical Area,,,Santa Clara County,California,06,085,Central\n"
        + "38900,,,X,Metropolitan Statistical Area,,,Clark County,Washington,53,011,Central\n"
        + "14860,,,X,Metropolitan Statistical Area,,,Western Connecticut Planning Region,Connecticut,09,190,Central\n"
        + "99999,,,X,Micropolitan Statistical Area,,,Lone County,California,06,999,Central\n",
        encoding="utf-8",
    )
    columns = "city,city_ascii,state_id,state_name,county_fips,county_name,lat,lng,population,density,source,military,incorporated,timezone,ranking,zips,id\n"
    (folder / "simplemaps-uscities" / "uscities.csv").write_text(
        "\ufeff"
        + columns
        + "Palo Alto,Palo Alto,CA,California,06085,Santa Clara,0,0,67231,0,x,FALSE,TRUE,x,2,94301 94306,1\n"
        + "Vancouver,Vancouver,WA,Washington,53011,Clark,0,0,192696,0,x,FALSE,TRUE,x,2,98660,2\n"
        + "Lone Pine,Lone Pine,CA,California,06999,Lone,0,0,100,0,x,FALSE,TRUE,x,3,93545,3\n"
        + "Stamford,Stamford,CT,Connecticut,09190,Western,0,0,135000,0,x,FALSE,TRUE,x,2,06901,4\n"
        + "Cañon City,Canon City,CO,Colorado,08043,Fremont,0,0,16000,0,x,FALSE,TRUE,x,3,81212,5\n",
        encoding="utf-8",
    )
    (folder / "hud-zip-county" / "ZIP_COUNTY_032023.csv").write_text(
        "ZIP,COUNTY,USPS_ZIP_PREF_CITY,USPS_ZIP_PREF_STATE,RES_RATIO,BUS_RATIO,OTH_RATIO,TOT_RATIO\n"
        "94301,06085,PALO ALTO,CA,1,1,1,1.0\n"
        "98660,53011,VANCOUVER,WA,1,1,1,0.7\n"
        "98660,41051,VANCOUVER,WA,0,0,0,0.3\n"
        "06901,09001,STAMFORD,CT,1,1,1,1.0\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(
        build,
        "FILES",
        {name: hashlib.sha256((folder / name).read_bytes()).hexdigest() for name in build.FILES},
    )


@pytest.fixture
def rows(
    build: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> dict[str, list[str]]:
    small_geo(tmp_path / "geo", build, monkeypatch)
    found = build.build(tmp_path / "geo", data_dir())
    lines = build.csv_bytes(found).decode().splitlines()[1:]
    assert lines == sorted(lines)  # sorted as text, so that a lookup can bisect them
    return {row[0]: row[1:] for row in found}


def test_cities_zips_and_counties_get_their_metro(rows: dict[str, list[str]]) -> None:
    assert rows["palo alto ca"] == ["city", "Palo Alto, CA", "06", "0041940", "67231"]
    assert rows["94301"] == ["zip", "ZIP 94301", "06", "0041940", ""]
    assert rows["vancouver wa"] == ["city", "Vancouver, WA", "53", "0038900", "192696"]
    assert rows["98660"][3] == "0038900"  # the county with most of the ZIP's addresses
    # a county's population is its places' (here Palo Alto's): only to rank namesakes
    assert rows["santa clara county ca"] == [
        "county",
        "Santa Clara County, CA",
        "06",
        "0041940",
        "67231",
    ]


def test_a_micropolitan_county_has_no_area(rows: dict[str, list[str]]) -> None:
    assert rows["lone pine ca"] == ["city", "Lone Pine, CA", "06", "", "100"]


def test_connecticut_zips_take_the_planning_region_of_their_place(
    rows: dict[str, list[str]],
) -> None:
    assert rows["06901"] == ["zip", "ZIP 06901", "09", "0014860", ""]


def test_accents_are_folded_into_one_key(rows: dict[str, list[str]]) -> None:
    assert rows["canon city co"][1] == "Cañon City, CO"


def test_a_source_with_another_checksum_is_refused(
    build: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    small_geo(tmp_path / "geo", build, monkeypatch)
    with (tmp_path / "geo" / "hud-zip-county" / "ZIP_COUNTY_032023.csv").open("a") as stream:
        stream.write("99999,06085,X,CA,1,1,1,1.0\n")
    with pytest.raises(SystemExit, match=r"ZIP_COUNTY_032023\.csv: sha256"):
        build.build(tmp_path / "geo", data_dir())


def test_the_bundled_places_are_what_the_build_recorded() -> None:
    document = json.loads((data_dir() / "provenance.json").read_text(encoding="utf-8"))
    by_id = {entry["id"]: entry for entry in document["sources"]}
    digest = hashlib.sha256((data_dir() / "us_places.csv").read_bytes()).hexdigest()
    for source in ("omb-cbsa-2023", "simplemaps-uscities", "hud-zip-county"):
        assert by_id[source]["checksums"]["data/us_places.csv"] == digest
    assert "simplemaps.com/data/us-cities" in by_id["simplemaps-uscities"]["license"]
