"""Build data/titles.csv, the job-title index, from O*NET 27.0 and the curated aliases.

    python scripts/build_titles.py                 # reads ../shared/data/onet-27.0
    python scripts/build_titles.py --source DIR    # a folder holding the same O*NET files

Every title O*NET 27.0 lists (Alternate Titles, Sample of Reported Titles, Occupation Data) is
mapped from its O*NET-SOC code (NN-NNNN.NN) to the OEWS occupation salarycli prices:
the same six-digit code; else the explicit CROSSWALK below (SOC 2018 codes OEWS publishes
combined under another detailed code); else OEWS's aggregate code (13-1021 -> 13-1020);
else the title is kept as "unpriced" (military occupations, legislators), which salarycli
refuses with that reason rather than guessing.

A title several occupations share is decided by the ambiguity rule (README, "How a title is
resolved"): each candidate's score is its O*NET evidence weight times its OEWS national
employment; the best is chosen when it scores at least MARGIN times the runner-up, otherwise
the title is ambiguous and salarycli refuses it, naming the candidates and their pay.

The curated aliases (data/aliases.csv) are merged in: a title O*NET lacks is kept; one O*NET
gives the same answer is O*NET's; one whose curated occupation is among O*NET's candidates
takes the curated pick (its basis says so); one O*NET lists only elsewhere is a conflict, and
the build fails unless data/title_decisions.csv decides it, with a reason.

The script checks the O*NET files' sha256 against those recorded, writes the same bytes every
run (rows sorted by title) and records the output's checksum in provenance.json.
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import build_common as common  # noqa: E402
from build_common import read_csv, sha256  # noqa: E402

from salarycli.resolve.normal import normalise  # noqa: E402

SOURCE = ROOT.parent / "shared" / "data" / "onet-27.0"
SOURCE_ID = "onet-27.0"
FILES = {
    "Alternate Titles.txt": "c3adaa59500f4a18649d6f49ee8798fa6d2c03b7a0f6b0a1a2f064c5c95c9cf5",
    "Sample of Reported Titles.txt": (
        "b1f648c97e2ebe3b027a60292833027b55c14b48c2126dc2a546062cccf192b5"
    ),
    "Occupation Data.txt": "164236c5e0f1d16bfbafe017a16f20a993948cc4b1534d1da631652c81708f0f",
}
# SOC 2018 occupations OEWS May 2025 publishes only combined, under another detailed code.
CROSSWALK = {
    "21-1011": "21-1018",  # Substance Abuse and Behavioral Disorder Counselors
    "21-1014": "21-1018",  # Mental Health Counselors
    "25-2055": "25-2052",  # Special Education Teachers, Kindergarten
    "25-2056": "25-2052",  # Special Education Teachers, Elementary School
    "25-9042": "25-9045",  # Teaching Assistants, Preschool ... Secondary
    "25-9043": "25-9045",  # Teaching Assistants, Special Education
    "25-9049": "25-9045",  # Teaching Assistants, All Other
    "51-2022": "51-2028",  # Electrical and Electronic Equipment Assemblers
    "51-2023": "51-2028",  # Electromechanical Equipment Assemblers
    "53-1042": "53-1047",  # First-Line Supervisors of Helpers, Laborers, and Material Movers
    "53-1043": "53-1047",  # ... of Material-Moving Machine and Vehicle Operators
    "53-1044": "53-1047",  # ... of Passenger Attendants
    "53-1049": "53-1047",  # ... of Transportation Workers, All Other
}
STRONG = 4  # O*NET evidence that outweighs a curated alias: reported, or three sources
MARGIN = 2.0  # how many times the runner-up's score the chosen occupation needs
MOST_OTHERS = 4  # runner-ups (or candidates of an ambiguous title) recorded per title
ABBREVIATION = re.compile(r"^[A-Z][A-Za-z&]{1,6}$")  # "(CISO)", "(RN)", "(CPhT)"
PARENTHESES = re.compile(r"\s*\(([^()]*)\)")
HEADER = ["title", "role", "others", "basis"]


@dataclass
class Evidence:
    """What O*NET says of one title for one OEWS occupation."""

    sources: set[str] = field(default_factory=set)  # Alternate Titles' source codes
    alternate: bool = False
    reported: bool = False  # in the Sample of Reported Titles
    shown: bool = False  # ... and "Shown in My Next Move"
    official: bool = False  # the occupation's own O*NET title

    @property
    def weight(self) -> int:
        """1, plus one per source listing the title, 2 if workers reported it (3 if O*NET shows
        it in My Next Move), 4 if it is the occupation's own title."""
        return (
            1
            + len(self.sources)
            + (2 if self.reported else 0)
            + (1 if self.shown else 0)
            + (4 if self.official else 0)
        )


def read_onet(folder: Path) -> dict[str, list[list[str]]]:
    """Each O*NET file's rows (header dropped), after checking its checksum."""
    tables = {}
    for name, expected in FILES.items():
        data = (folder / name).read_bytes()
        if sha256(data) != expected:
            sys.exit(f"{name}: sha256 {sha256(data)} is not the recorded {expected}")
        rows = list(csv.reader(io.StringIO(data.decode("utf-8")), delimiter="\t"))
        tables[name] = rows[1:]
    return tables


def oews_code(onet: str, priced: set[str]) -> tuple[str, bool]:
    """The OEWS occupation an O*NET-SOC code falls in, and whether OEWS prices it."""
    code = onet[:7]
    for candidate in (code, CROSSWALK.get(code, ""), code[:6] + "0"):
        if candidate in priced:
            return candidate, True
    return code, False


def variants(title: str) -> list[str]:
    """The forms a title is indexed under: as written; without a parenthesis; the
    parenthesis alone when it is an abbreviation ("Chief Executive Officer (CEO)")."""
    forms = [title]
    inner = PARENTHESES.findall(title)
    bare = PARENTHESES.sub("", title).strip()
    if inner and bare:
        forms.append(bare)
        forms.extend(part for part in inner if ABBREVIATION.match(part))
    return forms


def collect(tables: dict[str, list[list[str]]], priced: set[str]) -> dict[str, dict[str, Evidence]]:
    """title key -> OEWS code -> the evidence O*NET gives."""
    found: dict[str, dict[str, Evidence]] = defaultdict(lambda: defaultdict(Evidence))

    def add(onet: str, title: str) -> list[Evidence]:
        code, _ = oews_code(onet, priced)
        return [found[normalise(form)][code] for form in variants(title) if normalise(form)]

    for onet, title, _description in tables["Occupation Data.txt"]:
        for evidence in add(onet, title):
            evidence.official = True
    for onet, title, _short, sources in tables["Alternate Titles.txt"]:
        for evidence in add(onet, title):
            evidence.alternate = True
            evidence.sources.update(sources.split(","))
    for onet, title, shown in tables["Sample of Reported Titles.txt"]:
        for evidence in add(onet, title):
            evidence.reported = True
            evidence.shown = evidence.shown or shown == "Y"
    return found


def decide(
    candidates: dict[str, Evidence], employment: dict[str, int], priced: set[str]
) -> tuple[str, list[str], str]:
    """(the chosen code or "" when ambiguous, the others best first, the basis)."""
    if len(candidates) == 1:
        (code,) = candidates
        return code, [], "onet" if code in priced else "unpriced"
    if not any(code in priced for code in candidates):  # military occupations, mostly
        return "", sorted(candidates)[:MOST_OTHERS], "unpriced"
    scores = {
        code: evidence.weight * employment.get(code, 0) for code, evidence in candidates.items()
    }
    ranked = sorted(scores, key=lambda code: (-scores[code], code))
    best, second = ranked[0], ranked[1]
    if scores[best] > 0 and scores[best] >= MARGIN * scores[second]:
        return best, ranked[1 : MOST_OTHERS + 1], "onet-evidence"
    return "", ranked[:MOST_OTHERS], "ambiguous"


def build(folder: Path, data: Path) -> tuple[list[list[str]], list[str]]:
    """The rows of titles.csv, and the conflicts no decision covers."""
    priced = {row["soc"] for row in read_csv(data / "oews_occupations.csv")}
    employment = {
        row["soc"]: int(row["employment"] or 0) for row in read_csv(data / "oews_national.csv")
    }
    featured = {
        row["role"]: row["soc"] or row["reference_soc"] for row in read_csv(data / "featured.csv")
    }
    found = collect(read_onet(folder), priced)
    rows: dict[str, list[str]] = {}
    for key, candidates in found.items():
        chosen, others, basis = decide(candidates, employment, priced)
        rows[key] = [key, chosen, ";".join(others), basis]

    decisions = {normalise(row["title"]): row for row in read_csv(data / "title_decisions.csv")}
    conflicts = []
    for alias in read_csv(data / "aliases.csv"):
        key, role = normalise(alias["alias"]), alias["role"]
        code = featured.get(role, role)
        if key in decisions:
            continue
        if key not in rows:
            rows[key] = [key, role, "", "curated"]
            continue
        _, chosen, listed, basis = rows[key]
        candidates = found[key]
        if chosen == code:
            continue
        if code in candidates:
            rest = [other for other in [chosen, *listed.split(";")] if other and other != code]
            rows[key] = [key, role, ";".join(rest[:MOST_OTHERS]), "curated-onet"]
        else:
            rest = [other for other in [chosen, *listed.split(";")] if other]
            strongest = max(candidates[other].weight for other in rest)
            if strongest >= STRONG:  # O*NET's own answer stands; the curated one is shown
                rows[key] = [key, chosen, ";".join([*rest[1:], code][:MOST_OTHERS]), basis]
                if not chosen:
                    rows[key][2] = ";".join([*rest[: MOST_OTHERS - 1], code])
                conflicts.append(f"onet,{alias['alias']},{role},{';'.join(rest)},{strongest}")
            else:
                rows[key] = [key, role, ";".join(rest[:MOST_OTHERS]), "curated-over-onet"]
                conflicts.append(f"curated,{alias['alias']},{role},{';'.join(rest)},{strongest}")
    for key, decision in decisions.items():
        rows[key] = [key, decision["role"], decision["others"], "decision"]
    # sorted as the lines' text, so that a lookup can bisect them (resolve/title_table.py)
    return [rows[key] for key in sorted(rows, key=lambda key: key + ",")], conflicts


def csv_bytes(rows: list[list[str]]) -> bytes:
    return common.csv_bytes(HEADER, rows)


def words_bytes(rows: list[list[str]]) -> bytes:
    """title_words.txt: every word of every title, sorted, one a line (what typo correction
    knows, without reading the index)."""
    words = sorted({word for row in rows for word in row[0].split()})
    return ("\n".join(words) + "\n").encode("utf-8")


def provenance_entry(output: bytes, words: bytes, count: int) -> dict[str, object]:
    checksums = {f"onet:{name}": digest for name, digest in FILES.items()}
    checksums["data/titles.csv"] = sha256(output)
    checksums["data/title_words.txt"] = sha256(words)
    return {
        "id": SOURCE_ID,
        "label": "O*NET 27.0 job titles",
        "publisher": "National Center for O*NET Development, for the U.S. Department of Labor, "
        "Employment and Training Administration (USDOL/ETA)",
        "title": "O*NET 27.0 Database: Alternate Titles, Sample of Reported Titles, "
        "Occupation Data",
        "release": "27.0 (August 2022)",
        "published": "2022-08",
        "retrieved": None,
        "url": "https://www.onetcenter.org/database.html",
        "via": "the unchanged copy in the project's shared/data/onet-27.0 (from the public "
        "repository SrivardhiniK/career-path-recommender, commit "
        "532545b40765324b21208050df368ecd10a7e85b)",
        "license": "CC BY 4.0. O*NET 27.0 Database by the U.S. Department of Labor, Employment "
        "and Training Administration (USDOL/ETA), used under the CC BY 4.0 license. "
        "salarycli has modified it: titles normalised and mapped to OEWS occupations.",
        "notes": f"{count} normalised titles in data/titles.csv, built by "
        "scripts/build_titles.py with the curated data/aliases.csv and data/title_decisions.csv. "
        "Titles only: every salary still comes from BLS OEWS.",
        "checksums": checksums,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=SOURCE, help="the O*NET 27.0 folder")
    parser.add_argument("--out", type=Path, default=ROOT / "data", help="the data folder")
    parser.add_argument(
        "--conflicts", action="store_true", help="list curated aliases O*NET disagrees with"
    )
    options = parser.parse_args()
    rows, conflicts = build(options.source, options.out)
    if options.conflicts:
        print("winner,alias,curated,onet,onet_weight", *conflicts, sep="\n")
    output = csv_bytes(rows)
    (options.out / "titles.csv").write_bytes(output)
    words = words_bytes(rows)
    (options.out / "title_words.txt").write_bytes(words)
    common.record_provenance(options.out, [provenance_entry(output, words, len(rows))])
    bases: dict[str, int] = defaultdict(int)
    for row in rows:
        bases[row[3]] += 1
    print(
        f"titles.csv: {len(rows)} titles, {len(output):,} bytes; "
        + ", ".join(f"{basis} {count}" for basis, count in sorted(bases.items()))
    )


if __name__ == "__main__":
    main()
