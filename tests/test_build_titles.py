"""scripts/build_titles.py: the crosswalk, the ambiguity rule, the curated merge and the
checksum guard, on a small O*NET folder (the real one is outside the repository)."""

from __future__ import annotations

import hashlib
from pathlib import Path
from types import ModuleType

import pytest

from salarycli.sources.files import data_dir
from tests.conftest import load_script

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def build() -> ModuleType:
    return load_script("build_titles")


def xlsx(path: Path, header: list[str], rows: list[list[str]]) -> None:
    """An O*NET file as the O*NET Center distributes it: a workbook of one sheet."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    for row in [header, *rows]:
        sheet.append(row)
    book.save(path)


def tsv(path: Path, header: list[str], rows: list[list[str]]) -> None:
    """An xlsx file named as the .txt one O*NET 27.0 shipped (the old tests' names)."""
    name = {
        "Occupation Data.txt": "Occupation Data.xlsx",
        "Alternate Titles.txt": "Alternate Titles.xlsx",
        "Sample of Reported Titles.txt": "Sample of Reported Titles.xlsx",
    }[path.name]
    columns = {
        "Alternate Titles.xlsx": [
            "O*NET-SOC Code",
            "Title",
            "Alternate Title",
            "Short Title",
            "Source(s)",
        ],
        "Sample of Reported Titles.xlsx": [
            "O*NET-SOC Code",
            "Title",
            "Reported Job Title",
            "Shown in My Next Move",
        ],
    }.get(name)
    if columns:  # 29.3's files carry the occupation's title in a second column
        rows = [[row[0], "x", *row[1:]] for row in rows]
        header = columns
    xlsx(path.with_name(name), header, rows)


def small_onet(folder: Path, build: ModuleType, monkeypatch: pytest.MonkeyPatch) -> None:
    """Three occupations, titles shared in the ways the rule tells apart."""
    folder.mkdir()
    tsv(
        folder / "Occupation Data.txt",
        ["O*NET-SOC Code", "Title", "Description"],
        [
            ["15-1252.00", "Software Developers", "d"],
            ["15-2051.00", "Data Scientists", "d"],
            ["13-1021.00", "Buyers and Purchasing Agents, Farm Products", "d"],
            ["55-1016.00", "Infantry Officers", "d"],
            ["55-3016.00", "Infantry", "d"],
            ["21-1014.00", "Mental Health Counselors", "d"],
        ],
    )
    tsv(
        folder / "Alternate Titles.txt",
        ["O*NET-SOC Code", "Alternate Title", "Short Title", "Source(s)"],
        [
            ["15-1252.00", "Software Engineer", "n/a", "02,04"],
            ["15-1252.00", "Programmer Analyst (PA)", "n/a", "08"],
            ["15-2051.00", "Data Analyst", "n/a", "02,08,10"],
            ["15-1252.00", "Data Analyst", "n/a", "08"],
            ["15-2051.00", "Modeler", "n/a", "08"],
            ["15-1252.00", "Modeler", "n/a", "08"],
            ["13-1021.00", "Grain Buyer", "n/a", "04"],
            ["15-1252.00", "Analyst", "n/a", "08"],
            ["15-2051.00", "Analyst", "n/a", "08"],
            ["55-1016.00", "Infantry Officer", "n/a", "04"],
            ["55-1016.00", "Rifleman", "n/a", "04"],
            ["55-3016.00", "Rifleman", "n/a", "04"],
            ["21-1014.00", "Therapist", "n/a", "04"],
        ],
    )
    tsv(
        folder / "Sample of Reported Titles.txt",
        ["O*NET-SOC Code", "Reported Job Title", "Shown in My Next Move"],
        [["15-2051.00", "Data Analyst", "Y"]],
    )
    monkeypatch.setattr(
        build,
        "FILES",
        {name: hashlib.sha256((folder / name).read_bytes()).hexdigest() for name in build.FILES},
    )


def small_data(folder: Path) -> None:
    folder.mkdir()
    (folder / "oews_occupations.csv").write_text(
        "soc,title,major_group\n15-1252,Software Developers,x\n15-2051,Data Scientists,x\n"
        "13-1020,Buyers and Purchasing Agents,x\n21-1018,Counselors,x\n"
    )
    (folder / "oews_national.csv").write_text(
        "soc,employment,annual_mean\n15-1252,1000000,1\n15-2051,600000,1\n13-1020,1,1\n"
        "21-1018,1,1\n"
    )
    (folder / "featured.csv").write_text("role,soc,reference_soc,base_salary,source\n")
    (folder / "aliases.csv").write_text(
        "alias,role,source\nSWE,15-1252,x\nModeler,15-2051,x\nGrain Buyer,15-1252,x\n"
    )
    (folder / "title_decisions.csv").write_text("title,role,others,reason\n")


@pytest.fixture
def built(
    build: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> tuple[dict[str, list[str]], list[str]]:
    small_onet(tmp_path / "onet", build, monkeypatch)
    small_data(tmp_path / "data")
    rows, conflicts = build.build(tmp_path / "onet", tmp_path / "data")
    return {row[0]: row[1:] for row in rows}, conflicts


def test_codes_map_to_what_oews_prices(build: ModuleType) -> None:
    priced = {"15-1252", "13-1020", "21-1018", "51-2090"}
    assert build.oews_code("15-1252.00", priced) == ("15-1252", True)
    assert build.oews_code("13-1021.00", priced) == ("13-1020", True)  # OEWS's aggregate
    assert build.oews_code("21-1014.00", priced) == ("21-1018", True)  # the crosswalk
    assert build.oews_code("51-2092.00", priced) == ("51-2090", True)
    assert build.oews_code("55-1016.00", priced) == ("55-1016", False)  # not priced


def test_variants_index_a_title_with_and_without_its_abbreviation(build: ModuleType) -> None:
    assert build.variants("Chief Executive Officer (CEO)") == [
        "Chief Executive Officer (CEO)",
        "Chief Executive Officer",
        "CEO",
    ]
    assert build.variants("Cook (fast food)") == ["Cook (fast food)", "Cook"]
    assert build.variants("Welder") == ["Welder"]


def test_the_ambiguity_rule(built: tuple[dict[str, list[str]], list[str]]) -> None:
    rows, _ = built
    # reported, shown in My Next Move, three sources: weight 7 x 600,000 = 4,200,000, at
    # least twice weight 2 x 1,000,000: chosen, the runner-up kept
    assert rows["data analyst"] == ["15-2051", "15-1252", "onet-evidence"]
    # one source each: 2,000,000 against 1,200,000 is not twice: refused with both
    assert rows["analyst"] == ["", "15-1252;15-2051", "ambiguous"]
    assert rows["software engineer"] == ["15-1252", "", "onet"]
    assert rows["programmer analyst"] == ["15-1252", "", "onet"]
    assert rows["pa"] == ["15-1252", "", "onet"]
    assert rows["infantry officer"] == ["55-1016", "", "unpriced"]
    assert rows["rifleman"] == ["", "55-1016;55-3016", "unpriced"]  # no candidate is priced
    assert rows["grain buyer"][0] != ""  # O*NET's, not the curated alias's


def test_a_curated_alias_among_o_net_candidates_wins_and_o_net_is_shown(
    built: tuple[dict[str, list[str]], list[str]],
) -> None:
    rows, conflicts = built
    assert rows["modeler"] == ["15-2051", "15-1252", "curated-onet"]
    assert rows["swe"] == ["15-1252", "", "curated"]
    # weak O*NET evidence (one source): the curated occupation wins, O*NET's is shown
    assert rows["grain buyer"] == ["15-1252", "13-1020", "curated-over-onet"]
    assert conflicts == ["curated,Grain Buyer,15-1252,13-1020,2"]


def test_a_decision_overrides_everything(
    build: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    small_onet(tmp_path / "onet", build, monkeypatch)
    small_data(tmp_path / "data")
    (tmp_path / "data" / "title_decisions.csv").write_text(
        "title,role,others,reason\nData Analyst,,15-2051;15-1252,too close to call\n"
    )
    rows, _ = build.build(tmp_path / "onet", tmp_path / "data")
    assert ["data analyst", "", "15-2051;15-1252", "decision"] in rows


def test_rows_are_sorted_as_text_so_a_lookup_can_bisect(
    build: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    small_onet(tmp_path / "onet", build, monkeypatch)
    small_data(tmp_path / "data")
    rows, _ = build.build(tmp_path / "onet", tmp_path / "data")
    lines = build.csv_bytes(rows).decode().splitlines()[1:]
    assert lines == sorted(lines)


def test_a_source_with_another_checksum_is_refused(
    build: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    small_onet(tmp_path / "onet", build, monkeypatch)
    with (tmp_path / "onet" / "Alternate Titles.xlsx").open("ab") as stream:
        stream.write(b"\0")
    with pytest.raises(SystemExit, match=r"Alternate Titles\.xlsx: sha256"):
        build.read_onet(tmp_path / "onet")


def test_the_bundled_index_is_what_the_build_recorded() -> None:
    import json

    document = json.loads((data_dir() / "provenance.json").read_text(encoding="utf-8"))
    onet = next(entry for entry in document["sources"] if entry["id"] == "onet-29.3")
    data = (data_dir() / "titles.csv").read_bytes()
    assert hashlib.sha256(data).hexdigest() == onet["checksums"]["data/titles.csv"]
    assert "CC BY 4.0" in onet["license"]
    lines = data.decode().splitlines()
    assert lines[0] == "title,role,others,basis"
    assert lines[1:] == sorted(lines[1:])
    assert len(lines) - 1 == 55409
    words = (data_dir() / "title_words.txt").read_bytes()
    assert hashlib.sha256(words).hexdigest() == onet["checksums"]["data/title_words.txt"]
    onet_words = {
        w for line in lines[1:] if not line.endswith(",lca") for w in line.split(",")[0].split()
    }
    assert onet_words <= set(words.decode().split())
    assert words.decode().split() == sorted(set(words.decode().split()))


LCA_HEADER = "JOB_TITLE,SOC_CODE,SOC_TITLE,SOC_2018_VALID,FILINGS,EMPLOYERS,FISCAL_YEARS\n"


def test_employers_titles_are_learned_by_the_documented_rule(
    build: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    small_onet(tmp_path / "onet", build, monkeypatch)
    small_data(tmp_path / "data")
    lca = tmp_path / "counts.csv"
    lca.write_text(
        LCA_HEADER
        # 5 employers of 6 agree, the 2010 code is not read: learned, the runner-up kept
        + "SR. DATA ENGINEER,15-1252,x,Y,40,5,2024\n"
        + "DATA ENGINEER II,15-2051,x,Y,900,1,2024\n"
        + "DATA ENGINEER,15-1132,x,N,50,9,2022\n"
        # a word in no other title (a typo, or a product name): left to typo correction
        + "SOFWARE ENGINEER,15-1252,x,Y,9,5,2024\n"
        # 2 employers: too few to say anything
        + "GRAIN MODELER,15-1252,x,Y,3,2,2024\n"
        # 3 against 2: no clear majority, nothing learned
        + "DATA WRANGLER,15-1252,x,Y,30,3,2024\nDATA WRANGLER,15-2051,x,Y,30,2,2024\n"
        # O*NET's ambiguous "analyst": 12 employers choose among its own candidates
        + "ANALYST,15-2051,x,Y,30,12,2024\n"
        # O*NET's one occupation for a title is never overruled
        + "SOFTWARE ENGINEER,15-2051,x,Y,99,50,2024\n",
        encoding="utf-8",
    )
    rows = {row[0]: row[1:] for row in build.build(tmp_path / "onet", tmp_path / "data", lca)[0]}
    assert rows["data engineer"] == ["15-1252", "15-2051", "lca"]
    assert "sofware engineer" not in rows
    assert "grain modeler" not in rows
    assert "data wrangler" not in rows
    assert rows["analyst"] == ["15-2051", "15-1252", "onet-lca"]
    assert rows["software engineer"] == ["15-1252", "", "onet"]


def test_a_bare_word_is_refused_with_its_likely_occupations(
    build: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    small_onet(tmp_path / "onet", build, monkeypatch)
    small_data(tmp_path / "data")
    (tmp_path / "data" / "title_bare_words.csv").write_text("word,reason\nAnalyst,of what\n")
    rows = {row[0]: row[1:] for row in build.build(tmp_path / "onet", tmp_path / "data")[0]}
    assert rows["analyst"] == ["", "15-1252;15-2051", "bare"]
