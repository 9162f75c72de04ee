"""Build data/us_places.csv: every US city, ZIP code and county, and the OEWS area over it.

    python scripts/build_places.py                # reads ../shared/data/geo
    python scripts/build_places.py --source DIR   # a folder laid out like shared/data/geo

From three public files (../shared/data/SOURCES-places.md gives their provenance):
- OMB Bulletin 23-01 (July 2023), county -> CBSA: a county in a metropolitan statistical area
  is in the OEWS metro area whose code is the CBSA code with two leading zeros (all 393 match);
- simplemaps US Cities Basic (CC BY 4.0, simplemaps.com/data/us-cities): 31,254 places, each
  with its state, primary county and population;
- HUD-USPS ZIP -> county, 2023 Q1: each ZIP goes to the county with most of its addresses.
  HUD still uses Connecticut's old counties, which the 2023 delineation replaced with planning
  regions; a Connecticut ZIP takes the planning region of the simplemaps place that lists it.
A county outside every metropolitan area gets no area: BLS groups such counties into
nonmetropolitan areas whose county lists are not bundled, so salarycli uses the state.

Rows are sorted as text, so a lookup bisects the lines (resolve/places.py): `key` (the name
as place_key normalises it: "palo alto ca", "94301", "king county wa"), `kind` (city, zip,
county), `name` (as shown), `state` (FIPS code), `area` (OEWS metro area code, or empty),
`population` (cities: simplemaps' estimate; counties: the sum of their places' estimates, a lower
bound; used only to rank places that share a name).
The script checks each input's sha256 and writes the same bytes every run.
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import build_common as common  # noqa: E402
from build_common import read_csv, sha256  # noqa: E402

from salarycli.resolve.places import place_key  # noqa: E402

SOURCE = ROOT.parent / "shared" / "data" / "geo"
FILES = {
    "omb-cbsa-2023/list1_2023.csv": (
        "5b24e143308cce1eed68d4611005aeaf0c7407c06e776428395adbb4c4da1c1c"
    ),
    "simplemaps-uscities/uscities.csv": (
        "cdf90dddc580dd32f593b37e1d923fca50c9c261d77e4102457bec46f17c851d"
    ),
    "hud-zip-county/ZIP_COUNTY_032023.csv": (
        "dd70c86b77f549b5349220576e092e32c8afe9c0c86cbbde8490d988dfd7f49c"
    ),
}
HEADER = ["key", "kind", "name", "state", "area", "population"]


def read(folder: Path, name: str) -> list[dict[str, str]]:
    data = (folder / name).read_bytes()
    if sha256(data) != FILES[name]:
        sys.exit(f"{name}: sha256 {sha256(data)} is not the recorded {FILES[name]}")
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


def build(folder: Path, data: Path) -> list[list[str]]:
    oews = {row["area_code"] for row in read_csv(data / "oews_areas.csv")}
    states = {row["usps"]: row["state_code"] for row in read_csv(data / "states.csv")}
    metro_of: dict[str, str] = {}  # county FIPS -> OEWS metro area code
    county_names: dict[str, str] = {}
    for row in read(folder, "omb-cbsa-2023/list1_2023.csv"):
        county = row["FIPS State Code"] + row["FIPS County Code"]
        county_names[county] = row["County/County Equivalent"]
        code = "00" + row["CBSA Code"]
        if row["Metropolitan/Micropolitan Statistical Area"].startswith("Metro"):
            if code not in oews:
                sys.exit(f"CBSA {row['CBSA Code']} is a metro area OEWS does not publish")
            metro_of[county] = code
    rows: dict[str, list[str]] = {}
    zip_place: dict[str, str] = {}  # ZIP -> county of the most populous place listing it
    county_people: dict[str, int] = defaultdict(int)  # the people of a county's places
    places = read(folder, "simplemaps-uscities/uscities.csv")
    places.sort(key=lambda row: -int(row["population"]))
    for row in places:
        state, county = states[row["state_id"]], row["county_fips"]
        county_names.setdefault(county, row["county_name"])
        county_people[county] += int(row["population"])
        name = f"{row['city']}, {row['state_id']}"
        area = metro_of.get(county, "")
        for spelling in dict.fromkeys((row["city"], row["city_ascii"])):
            key = place_key(f"{spelling} {row['state_id']}")
            # two places of one name in one state: the more populous keeps it
            rows.setdefault(key, [key, "city", name, state, area, row["population"]])
        for code in row["zips"].split():
            zip_place.setdefault(code, county)
    by_zip: dict[str, tuple[float, str]] = {}
    for row in read(folder, "hud-zip-county/ZIP_COUNTY_032023.csv"):
        county, share = row["COUNTY"], float(row["TOT_RATIO"])
        if county.startswith("09"):  # Connecticut: old county -> the place's planning region
            county = zip_place.get(row["ZIP"], county)
        if row["ZIP"] not in by_zip or share > by_zip[row["ZIP"]][0]:
            by_zip[row["ZIP"]] = (share, county)
    for code, (_, county) in by_zip.items():
        rows[code] = [code, "zip", f"ZIP {code}", county[:2], metro_of.get(county, ""), ""]
    usps = {fips: code for code, fips in states.items()}
    counties: dict[str, list[str]] = defaultdict(list)
    for county, title in county_names.items():
        if county[:2] not in usps:
            continue
        name = f"{title}, {usps[county[:2]]}"
        counties[place_key(name)].append(county)
        key = place_key(name)
        people = str(county_people[county]) if county in county_people else ""
        rows.setdefault(key, [key, "county", name, county[:2], metro_of.get(county, ""), people])
    return [rows[key] for key in sorted(rows, key=lambda key: key + ",")]


def csv_bytes(rows: list[list[str]]) -> bytes:
    return common.csv_bytes(HEADER, rows)


def provenance_entries(output: bytes) -> list[dict[str, object]]:
    digest = sha256(output)
    return [
        {
            "id": "omb-cbsa-2023",
            "label": "OMB metropolitan area delineations, July 2023",
            "publisher": "U.S. Office of Management and Budget, via the U.S. Census Bureau",
            "title": "List 1. Core Based Statistical Areas, Metropolitan Divisions, and Combined "
            "Statistical Areas, July 2023 (OMB Bulletin 23-01)",
            "release": "July 2023",
            "published": "2023-07-21",
            "retrieved": None,
            "url": "https://www.census.gov/geographies/reference-files/time-series/demo/metro-micro/delineation-files.html",
            "via": "shared/data/geo/omb-cbsa-2023 (../shared/data/SOURCES-places.md)",
            "license": "Public domain (U.S. government work)",
            "notes": "County -> metropolitan area, for data/us_places.csv.",
            "checksums": {
                "omb-cbsa-2023/list1_2023.csv": FILES["omb-cbsa-2023/list1_2023.csv"],
                "data/us_places.csv": digest,
            },
        },
        {
            "id": "simplemaps-uscities",
            "label": "simplemaps US Cities Database (Basic)",
            "publisher": "Pareto Software LLC (simplemaps.com)",
            "title": "US Cities Database, Basic edition",
            "release": "January 2025 (workbook created 2025-01-23; version not confirmed)",
            "published": "2025-01",
            "retrieved": None,
            "url": "https://simplemaps.com/data/us-cities",
            "via": "shared/data/geo/simplemaps-uscities (../shared/data/SOURCES-places.md)",
            "license": "CC BY 4.0; attribution: simplemaps.com/data/us-cities",
            "notes": "US places, their state, primary county and population (simplemaps' own "
            "estimate, an urban-area figure for large cities), used to find a place's county "
            "and to rank places that share a name; never shown as a census population.",
            "checksums": {
                "simplemaps-uscities/uscities.csv": FILES["simplemaps-uscities/uscities.csv"],
                "data/us_places.csv": digest,
            },
        },
        {
            "id": "hud-zip-county",
            "label": "HUD-USPS ZIP Code Crosswalk, ZIP to county, 2023 Q1",
            "publisher": "U.S. Department of Housing and Urban Development, Office of Policy "
            "Development and Research",
            "title": "HUD-USPS ZIP Code Crosswalk Files: ZIP-COUNTY, 1st quarter 2023",
            "release": "2023 Q1",
            "published": "2023-09",
            "retrieved": None,
            "url": "https://www.huduser.gov/portal/datasets/usps_crosswalk.html",
            "via": "shared/data/geo/hud-zip-county (../shared/data/SOURCES-places.md)",
            "license": "Public domain (U.S. government work)",
            "notes": "Each ZIP code goes to the county with the largest share of its addresses.",
            "checksums": {
                "hud-zip-county/ZIP_COUNTY_032023.csv": FILES[
                    "hud-zip-county/ZIP_COUNTY_032023.csv"
                ],
                "data/us_places.csv": digest,
            },
        },
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=SOURCE, help="the geo folder")
    parser.add_argument("--out", type=Path, default=ROOT / "data", help="the data folder")
    options = parser.parse_args()
    rows = build(options.source, options.out)
    output = csv_bytes(rows)
    (options.out / "us_places.csv").write_bytes(output)
    common.record_provenance(options.out, provenance_entries(output))
    kinds: dict[str, int] = defaultdict(int)
    for row in rows:
        kinds[row[1]] += 1
    print(f"us_places.csv: {len(rows)} rows, {len(output):,} bytes; {dict(kinds)}")


if __name__ == "__main__":
    main()
