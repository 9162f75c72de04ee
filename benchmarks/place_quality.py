"""Places as people type them: right, wrong and refused, against areas salarycli did not decide.

    python benchmarks/place_quality.py [--show]

benchmarks/heldout_places_300.csv lists place strings as people write them (cities in every
form, ZIP codes, misspellings, counties, regional nicknames, New York City's boroughs and
neighbourhoods, states, "remote", names several places share, small towns), each with what it
means: a city and state, a ZIP code, a county and state, a state, the nation, or "ambiguous".
The expected OEWS area is decided from the public sources in ../shared/data/geo, never from
salarycli:
- a city: its county in simplemaps' US cities (the most populous city of that name in that
  state); a ZIP code: the county holding most of its addresses in HUD's ZIP-county crosswalk
  (March 2023); a county: itself;
- the county's metropolitan statistical area in OMB's July 2023 delineation (list 1) is the
  expected area ("00" + CBSA code, as OEWS codes it); a county in a micropolitan area or in
  none falls back to its state, as salarycli does ("SS00000");
- "ambiguous": right only when salarycli refuses and every candidate it names is accepted.
A refusal of an unambiguous string is "refused"; any other area with exit 0 is "wrong".
Targets (issue #23): at least 90% right, at most 0.5% wrong, every refusal's candidates
accepted by the command.
"""

from __future__ import annotations

import argparse
import csv
from collections import Counter
from pathlib import Path

from salarycli.core.records import Place
from salarycli.errors import AmbiguousPlace, SalarycliError, UnknownPlace
from salarycli.session import Session

HERE = Path(__file__).resolve().parent
GEO = HERE.parent.parent / "shared" / "data" / "geo"


def rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as stream:
        return list(csv.DictReader(stream))


class Geography:
    """Counties, their metro areas and their states, from OMB, HUD and simplemaps."""

    def __init__(self) -> None:
        self.metro: dict[str, str] = {}  # county FIPS -> "00" + CBSA, metropolitan only
        self.county_named: dict[tuple[str, str], str] = {}  # (county name, state) -> FIPS
        for row in rows(GEO / "omb-cbsa-2023" / "list1_2023.csv"):
            fips = row["FIPS State Code"].zfill(2) + row["FIPS County Code"].zfill(3)
            if row["Metropolitan/Micropolitan Statistical Area"].startswith("Metropolitan"):
                self.metro[fips] = "00" + row["CBSA Code"]
        self.city: dict[tuple[str, str], tuple[int, str]] = {}
        self.state_fips: dict[str, str] = {}
        for row in rows(GEO / "simplemaps-uscities" / "uscities.csv"):
            fips, state = row["county_fips"].zfill(5), row["state_id"]
            self.state_fips[state] = fips[:2]
            self.county_named[(row["county_name"].casefold(), state)] = fips
            population = int(float(row["population"] or 0))
            for name in {row["city"], row["city_ascii"]}:
                key = (name.casefold(), state)
                if population > self.city.get(key, (-1, ""))[0]:
                    self.city[key] = (population, fips)
        self.zip_county: dict[str, tuple[float, str]] = {}
        for row in rows(GEO / "hud-zip-county" / "ZIP_COUNTY_032023.csv"):
            ratio = float(row["TOT_RATIO"] or 0)
            if ratio > self.zip_county.get(row["ZIP"], (-1.0, ""))[0]:
                self.zip_county[row["ZIP"]] = (ratio, row["COUNTY"].zfill(5))

    def area(self, means: str) -> str:
        """The OEWS area code a meaning is expected to give."""
        kind, _, what = means.partition(":")
        if kind == "national":
            return "US"
        if kind == "ambiguous":
            return "ambiguous"
        if kind == "state":
            return self.state_fips[what] + "00000"
        if kind == "zip":
            fips = self.zip_county[what][1]
        elif kind == "city":
            name, state = what.split("|")
            fips = self.city[(name.casefold(), state)][1]
        else:  # county
            name, state = what.split("|")
            fips = self.county_named[(name.removesuffix(" County").casefold(), state)]
        return self.metro.get(fips, fips[:2] + "00000")


def answered(place: Place) -> str:
    """The OEWS area salarycli's answer is priced by."""
    if place.kind == "national":
        return "US"
    if place.kind in ("state", "metro"):
        return place.code
    if place.within is not None:
        return place.within.code
    return (place.state_code or "") + "00000"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="print every string not right")
    options = parser.parse_args()
    geography = Geography()
    session = Session()
    outcomes: Counter[str] = Counter()
    bad_candidates = []
    shown = []
    table = rows(HERE / "heldout_places_300.csv")
    for row in table:
        expected = geography.area(row["means"])
        try:
            got = answered(session.place(row["typed"], None))
        except AmbiguousPlace as refusal:
            candidates = refusal.candidates
            outcome = "right" if expected == "ambiguous" else "refused"
            got = "ambiguous"
        except UnknownPlace as refusal:
            candidates = refusal.suggestions
            outcome, got = "refused", "unknown"
        except SalarycliError:
            candidates, outcome, got = [], "refused", "error"
        else:
            candidates = []
            outcome = "right" if got == expected else "wrong"
        for candidate in candidates:
            try:
                session.place(candidate, None)
            except SalarycliError:
                bad_candidates.append((row["typed"], candidate))
        outcomes[outcome] += 1
        if outcome != "right":
            shown.append(
                f"{outcome}\t{row['typed']}\t{row['means']}\texpected {expected}\tgot {got}"
            )
    total = len(table)
    print(f"place strings: {total}")
    for outcome in ("right", "refused", "wrong"):
        print(f"  {outcome:<8} {outcomes[outcome]:>4}  {outcomes[outcome] / total:6.1%}")
    print(f"  refusal candidates the command does not accept: {len(bad_candidates)}")
    if options.show:
        print(*shown, sep="\n")
        print(
            *(f"bad candidate\t{typed}\t{candidate}" for typed, candidate in bad_candidates),
            sep="\n",
        )


if __name__ == "__main__":
    main()
