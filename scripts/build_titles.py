"""Build data/titles.csv, the job-title index, from O*NET 29.3, the curated aliases and the
titles employers write on DOL LCA filings.

    python scripts/build_titles.py                 # reads ../shared/data/onet-29.3 and lca/
    python scripts/build_titles.py --source DIR --lca FILE

Every title O*NET 29.3 lists (Alternate Titles, Sample of Reported Titles, Occupation Data) is
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
import io
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import build_common as common  # noqa: E402
import title_lca  # noqa: E402
from build_common import read_csv, sha256  # noqa: E402

from salarycli.resolve.normal import normalise  # noqa: E402
from salarycli.resolve.title_words import Words, readings  # noqa: E402
from salarycli.sources.bundled import load_title_reading  # noqa: E402

SOURCE = ROOT.parent / "shared" / "data" / "onet-29.3"
SOURCE_ID = "onet-29.3"
LCA = ROOT.parent / "shared" / "data" / "lca" / title_lca.FILE
FILES = {
    "Alternate Titles.xlsx": "2dd1ee54ed76a005e099cfb19ac7afea3bcd0528f1c919330f23f80d22d6ef77",
    "Sample of Reported Titles.xlsx": (
        "d94f9cac64d72b200af085cd9ce8d90090af2ad1b3db6b2e6b0d5e7908de87a8"
    ),
    "Occupation Data.xlsx": "13b2aa4c08e6c9a3708d5e5ac83e13da5cc184e3798313c8942a266d00593ace",
}
# the columns read from each file, by their header
COLUMNS = {
    "Alternate Titles.xlsx": ("O*NET-SOC Code", "Alternate Title", "Source(s)"),
    "Sample of Reported Titles.xlsx": (
        "O*NET-SOC Code",
        "Reported Job Title",
        "Shown in My Next Move",
    ),
    "Occupation Data.xlsx": ("O*NET-SOC Code", "Title"),
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
    """The columns COLUMNS names of each O*NET file, after checking its checksum."""
    import openpyxl  # the build's only use of it (pip install openpyxl)

    tables = {}
    for name, expected in FILES.items():
        data = (folder / name).read_bytes()
        if sha256(data) != expected:
            sys.exit(f"{name}: sha256 {sha256(data)} is not the recorded {expected}")
        sheet = openpyxl.load_workbook(io.BytesIO(data), read_only=True).active
        rows = [["" if cell is None else str(cell) for cell in row] for row in sheet.values]
        at = [rows[0].index(column) for column in COLUMNS[name]]
        tables[name] = [[row[index] for index in at] for row in rows[1:]]
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

    for onet, title in tables["Occupation Data.xlsx"]:
        for evidence in add(onet, title):
            evidence.official = True
    for onet, title, sources in tables["Alternate Titles.xlsx"]:
        for evidence in add(onet, title):
            evidence.alternate = True
            evidence.sources.update(sources.split(","))
    for onet, title, shown in tables["Sample of Reported Titles.xlsx"]:
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


def lca_key(title: str, words: Words) -> str | None:
    """The title as salarycli reads a typed one, without its level words, weak ones too
    ("Associate Data Scientist" counts for "data scientist", whose level "Associate" sets)."""
    if not normalise(title):
        return None
    for reading in readings(title, words):
        if len(reading.cores) == 1 and not set(reading.cores[0].split()) & words.seniority.keys():
            return reading.cores[0]
    return None


def learned_from(path: Path, priced: set[str]) -> dict[str, title_lca.Learned]:
    """The titles LCA filings decide (scripts/title_lca.py), after checking the checksum."""
    if sha256(path.read_bytes()) != title_lca.SHA256 and path.name == title_lca.FILE:
        sys.exit(f"{path.name}: sha256 is not the recorded {title_lca.SHA256}")
    words = Words.of(*load_title_reading())

    def code_of(soc: str) -> str | None:
        code, is_priced = oews_code(soc, priced)
        return code if is_priced else None

    return title_lca.learn(title_lca.counts(path, code_of, lambda title: lca_key(title, words)))


def merge_learned(
    rows: dict[str, list[str]],
    learned: dict[str, title_lca.Learned],
    found: dict[str, dict[str, Evidence]],
) -> None:
    """Employers' titles fill what O*NET and the curated tables leave: a title they lack is
    learned (unless a word of it is in no other title: likely a typo, left to typo
    correction); among O*NET's own candidates for a title, a clear employer majority
    chooses."""
    known = {word for key in rows for word in key.split()}
    shared = Counter(word for key in learned for word in key.split())
    for key, got in learned.items():
        row = rows.get(key)
        if row is None and any(
            not word.isalnum() or (word not in known and shared[word] < 3) for word in key.split()
        ):
            continue  # a word only a filing or two spell ("sofware"), or stray marks ("“")
        if row is None:
            if got.role:
                rows[key] = [key, got.role, ";".join(got.others), "lca"]
            continue
        onet = found.get(key, {})
        if (
            row[3] in ("ambiguous", "onet-evidence")
            and got.role
            and got.role != row[1]
            and got.role in onet
            and got.total >= title_lca.OVERRIDE
        ):
            rest = [code for code in [row[1], *row[2].split(";")] if code and code != got.role]
            rows[key] = [key, got.role, ";".join(rest[:MOST_OTHERS]), "onet-lca"]


def bare_words(
    rows: dict[str, list[str]], learned: dict[str, title_lca.Learned], data: Path
) -> None:
    """Words that name no one occupation (data/title_bare_words.csv) are refused with the
    occupations employers and O*NET most often mean by them."""
    path = data / "title_bare_words.csv"
    if not path.exists():
        return
    for bare in read_csv(path):
        key = normalise(bare["word"])
        got = learned.get(key)
        listed = rows.get(key, [key, "", "", ""])
        candidates = [listed[1], *listed[2].split(";")]
        if got is not None:
            candidates = [got.role, *got.others, *candidates]
        chosen = list(dict.fromkeys(code for code in candidates if code))
        rows[key] = [key, "", ";".join(chosen[:MOST_OTHERS]), "bare"]


def build(folder: Path, data: Path, lca: Path | None = None) -> tuple[list[list[str]], list[str]]:
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
    learned = learned_from(lca, priced) if lca is not None else {}
    merge_learned(rows, learned, found)
    bare_words(rows, learned, data)
    # sorted as the lines' text, so that a lookup can bisect them (resolve/title_table.py)
    return [rows[key] for key in sorted(rows, key=lambda key: key + ",")], conflicts


def csv_bytes(rows: list[list[str]]) -> bytes:
    return common.csv_bytes(HEADER, rows)


def words_bytes(rows: list[list[str]]) -> bytes:
    """title_words.txt: every word of every O*NET or curated title, and each word of a title
    learned from LCA filings that at least three learned titles share, sorted, one a line: the
    words typo correction knows, without reading the index (a word only a filing or two spell,
    often itself a typo, is never a word a typo is corrected to)."""
    words = {word for row in rows if not row[3].startswith("lca") for word in row[0].split()}
    learned = Counter(word for row in rows if row[3].startswith("lca") for word in row[0].split())
    words.update(word for word, count in learned.items() if count >= 3)
    return ("\n".join(sorted(words)) + "\n").encode("utf-8")


def provenance_entry(output: bytes, words: bytes, count: int) -> dict[str, object]:
    checksums = {f"onet:{name}": digest for name, digest in FILES.items()}
    checksums[f"lca:{title_lca.FILE}"] = title_lca.SHA256
    checksums["data/titles.csv"] = sha256(output)
    checksums["data/title_words.txt"] = sha256(words)
    return {
        "id": SOURCE_ID,
        "label": "O*NET 29.3 job titles, with titles from DOL LCA filings FY2022-FY2025",
        "publisher": "National Center for O*NET Development, for the U.S. Department of Labor, "
        "Employment and Training Administration (USDOL/ETA); LCA disclosure data: U.S. "
        "Department of Labor, Office of Foreign Labor Certification",
        "title": "O*NET 29.3 Database: Alternate Titles, Sample of Reported Titles, "
        "Occupation Data; LCA disclosure data FY2022-FY2025 counted per title and SOC code",
        "release": "29.3 (May 2025)",
        "published": "2025-05",
        "retrieved": None,
        "url": "https://www.onetcenter.org/database.html",
        "via": "the unchanged copies in the project's shared/data/onet-29.3 (from the public "
        "repository eugene-maina72/Phase_5_Capstone_Project-SmartPath, commit "
        "272806922b0125717ea71ca8c5df809427642593) and shared/data/lca (the title counts of "
        "idealidler/h1b-wage-map, commit e6bc83ade710009587a7afdc63e52f99a18e57b4)",
        "license": "CC BY 4.0. O*NET 29.3 Database by the U.S. Department of Labor, Employment "
        "and Training Administration (USDOL/ETA), used under the CC BY 4.0 license. "
        "salarycli has modified it: titles normalised and mapped to OEWS occupations. "
        "The LCA disclosure data are public-domain U.S. government works.",
        "notes": f"{count} normalised titles in data/titles.csv, built by "
        "scripts/build_titles.py (with scripts/title_lca.py) from O*NET, the curated "
        "data/aliases.csv, data/title_decisions.csv and data/title_bare_words.csv, and the "
        "titles employers agree on in LCA filings of fiscal years 2022-2025 (basis lca). "
        "Titles only: every salary still comes from BLS OEWS.",
        "checksums": checksums,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=SOURCE, help="the O*NET 29.3 folder")
    parser.add_argument("--lca", type=Path, default=LCA, help="the LCA title/SOC counts")
    parser.add_argument("--out", type=Path, default=ROOT / "data", help="the data folder")
    parser.add_argument(
        "--conflicts", action="store_true", help="list curated aliases O*NET disagrees with"
    )
    options = parser.parse_args()
    rows, conflicts = build(options.source, options.out, options.lca)
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
