"""Issue #6: your own salary data (--data), validated; data info / validate / export."""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner, Result

import salarycli
from salarycli.cli import app
from salarycli.errors import InvalidData
from salarycli.sources import user as userdata

ROLES = "role,base_salary,currency,soc\nData Engineer II,150000,USD,15-1243\nRust Wizard,210000,EUR,\nCivil Engineer,120000,,17-2051\n"
LEVELS = "level,min_years,multiplier\nJunior,0,0.8\nMid,2,1\nSenior,5,1.3\nPrincipal,10,1.6\n"


def go(*args: str, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(app, list(args), env=env, catch_exceptions=False)


def folder(
    tmp_path: Path, roles: str | bytes = ROLES, levels: str | None = LEVELS, name: str = "bands"
) -> Path:
    path = tmp_path / name
    path.mkdir()
    (path / "roles.csv").write_bytes(roles.encode() if isinstance(roles, str) else roles)
    if levels is not None:
        (path / "levels.csv").write_text(levels)
    return path


def problems_of(path: Path) -> list[str]:
    with pytest.raises(InvalidData) as caught:
        userdata.read(path)
    return caught.value.problems


# --- validation: every problem, each with its exact line ----------------------------------


@pytest.mark.parametrize(
    ("roles", "problem"),
    [
        ("role,currency\nX,USD\n", "roles.csv:1: base_salary: required column is missing"),
        ("base_salary\n100\n", "roles.csv:1: role: required column is missing"),
        ("role,base_salary\nA,100k\n", "roles.csv:2: base_salary: not a number: '100k'"),
        (
            "role,base_salary\nA,100\nB,0\n",
            "roles.csv:3: base_salary: must be from 1 to 100,000,000, not '0'",
        ),
        (
            "role,base_salary\nA,-5\n",
            "roles.csv:2: base_salary: must be from 1 to 100,000,000, not '-5'",
        ),
        (
            "role,base_salary\nA,nan\n",
            "roles.csv:2: base_salary: not a number: 'nan'",
        ),
        (
            "role,base_salary\nA,inf\n",
            "roles.csv:2: base_salary: must be from 1 to 100,000,000, not 'inf'",
        ),
        ("role,base_salary\nA,1\n\nB,2\na ,3\n", "roles.csv:5: role: 'a' repeats 'A' of line 2"),
        (
            "role,base_salary,currency\nA,1,XYZ\n",
            "roles.csv:2: currency: unknown currency code 'XYZ' (ISO 4217, like USD or EUR)",
        ),
        (
            "role,base_salary,soc\nA,1,172051\n",
            "roles.csv:2: soc: '172051' is not a SOC code like 17-2051",
        ),
        (
            "role,base_salary,p25,p75\nA,1,90,80\n",
            "roles.csv:2: row: percentiles decrease: p25 90 > p75 80",
        ),
        ("", "roles.csv: empty file"),
        ("role,base_salary\n", "roles.csv: no roles, only a header"),
    ],
)
def test_each_role_problem_with_its_line(tmp_path: Path, roles: str, problem: str) -> None:
    path = folder(tmp_path, roles, None)
    assert f"{path}/{problem}" in problems_of(path)


@pytest.mark.parametrize(
    ("levels", "problem"),
    [
        (
            "level,min_years,multiplier\nA,1,1\nB,5,2\n",
            "levels.csv:2: min_years: levels must start at 0, not 1",
        ),
        (
            "level,min_years,multiplier\nA,0,1\nB,0,2\n",
            "levels.csv:3: min_years: overlaps 'A' of line 2 (both start at 0)",
        ),
        (
            "level,min_years,max_years,multiplier\nA,0,6,1\nB,5,,2\n",
            "levels.csv:2: max_years: overlaps 'B' of line 3, which starts at 5",
        ),
        (
            "level,min_years,max_years,multiplier\nA,0,2,1\nB,5,,2\n",
            "levels.csv:2: max_years: gap before 'B' of line 3: years 3-4 are in no level",
        ),
        (
            "level,min_years,multiplier\nA,0,0\n",
            "levels.csv:2: multiplier: must be greater than 0, not 0",
        ),
        (
            "level,min_years,multiplier\nA,0,-1\n",
            "levels.csv:2: multiplier: must be greater than 0, not -1",
        ),
        (
            "level,min_years,max_years,multiplier\nA,0,9,1\n",
            "levels.csv:2: max_years: the last level is open-ended: leave it empty",
        ),
        ("level,min_years\nA,0\n", "levels.csv:1: multiplier: required column is missing"),
    ],
)
def test_each_level_problem_with_its_line(tmp_path: Path, levels: str, problem: str) -> None:
    path = folder(tmp_path, ROLES, levels)
    assert f"{path}/{problem.format(p=path)}" in problems_of(path)


def test_every_problem_is_listed_not_just_the_first(tmp_path: Path) -> None:
    path = folder(
        tmp_path, "role,base_salary\nA,0\nB,x\nA,5\n", "level,min_years,multiplier\nA,3,0\n"
    )
    assert problems_of(path) == [
        f"{path}/roles.csv:2: base_salary: must be from 1 to 100,000,000, not '0'",
        f"{path}/roles.csv:3: base_salary: not a number: 'x'",
        f"{path}/levels.csv:2: multiplier: must be greater than 0, not 0",
    ]


def test_wrong_encoding_names_its_line(tmp_path: Path) -> None:
    path = folder(tmp_path, b"role,base_salary\nA,1\nB\xff,2\n", None)
    assert problems_of(path) == [f"{path}/roles.csv:3: encoding: not UTF-8 text (byte 22)"]


def test_a_file_over_50_mb_is_refused_before_reading(tmp_path: Path) -> None:
    path = folder(tmp_path, "role,base_salary\nA,1\n", None)
    with (path / "roles.csv").open("r+b") as stream:
        stream.truncate(50 * 1024 * 1024 + 1)  # sparse: nothing is written, nothing is read
    assert problems_of(path) == [
        f"{path}/roles.csv: 52,428,801 bytes; salarycli reads files up to 50 MB"
    ]


def test_an_unknown_column_is_a_warning(tmp_path: Path) -> None:
    path = folder(tmp_path, "role,base_salary,team\nA,100\n", None)
    assert userdata.read(path).warnings == [
        f"{path}/roles.csv:1: team: unknown column, ignored (warning)"
    ]
    result = go("data", "validate", str(path))
    assert (result.exit_code, result.stdout) == (0, "ok: 1 roles, 0 levels\n")
    assert result.stderr == f"{path}/roles.csv:1: team: unknown column, ignored (warning)\n"


def test_validate_lists_problems_and_exits_3(tmp_path: Path) -> None:
    path = folder(tmp_path, "role,base_salary\nA,0\n", None)
    result = go("data", "validate", str(path))
    assert (result.exit_code, result.stdout) == (3, "")
    assert result.stderr.splitlines() == [
        f"{path}/roles.csv:2: base_salary: must be from 1 to 100,000,000, not '0'",
        f"salarycli: error: 1 problem in {path}; nothing was estimated",
    ]
    assert go("--data", str(path), "estimate", "A", "-y", "1").exit_code == 3


def test_loading_never_writes(tmp_path: Path) -> None:
    path = folder(tmp_path)
    before = {p: (p.stat().st_mtime_ns, p.read_bytes()) for p in path.iterdir()}
    go("--data", str(path), "estimate", "Rust Wizard", "-y", "3")
    assert {p: (p.stat().st_mtime_ns, p.read_bytes()) for p in path.iterdir()} == before
    assert sorted(os.listdir(path)) == ["levels.csv", "roles.csv"]


# --- the same data as a folder, json and toml ---------------------------------------------


def test_folder_json_and_toml_give_identical_results(tmp_path: Path) -> None:
    base = folder(tmp_path)
    document = {
        "roles": [
            {
                "role": "Data Engineer II",
                "base_salary": 150000,
                "currency": "USD",
                "soc": "15-1243",
            },
            {"role": "Rust Wizard", "base_salary": 210000, "currency": "EUR"},
            {"role": "Civil Engineer", "base_salary": 120000, "soc": "17-2051"},
        ],
        "levels": [
            {"level": "Junior", "min_years": 0, "multiplier": 0.8},
            {"level": "Mid", "min_years": 2, "multiplier": 1},
            {"level": "Senior", "min_years": 5, "multiplier": 1.3},
            {"level": "Principal", "min_years": 10, "multiplier": 1.6},
        ],
    }
    (tmp_path / "bands.json").write_text(json.dumps(document))
    toml = "".join(
        f"[[{table}]]\n" + "".join(f"{k} = {json.dumps(v)}\n" for k, v in row.items())
        for table in ("roles", "levels")
        for row in document[table]
    )
    (tmp_path / "bands.toml").write_text(toml)
    results = []
    for path in (base, tmp_path / "bands.json", tmp_path / "bands.toml"):
        out = go(
            "--data",
            str(path),
            "compare",
            "Data Engineer II",
            "Civil Engineer",
            "-y",
            "6",
            "-f",
            "csv",
        )
        rows = [
            (r["role"], r["level"], r["salary"]) for r in csv.DictReader(io.StringIO(out.stdout))
        ]
        results.append(rows)
    assert (
        results[0]
        == results[1]
        == results[2]
        == [("Data Engineer II", "Senior", "195000"), ("Civil Engineer", "Senior", "156000")]
    )
    bad = tmp_path / "bad.json"
    bad.write_text('{"roles": [{"role": "A", "base_salary": -1}]}')
    assert problems_of(bad) == [
        f"{bad}:roles[0]: base_salary: must be from 1 to 100,000,000, not '-1'"
    ]


# --- how user data combines with the bundled data -----------------------------------------


def test_user_roles_extend_and_override(tmp_path: Path) -> None:
    path = folder(tmp_path, levels=None)
    civil = json.loads(
        go("--data", str(path), "estimate", "Civil Engineer", "-y", "8", "-f", "json").stdout
    )
    assert (civil["base_salary"], civil["salary"]) == (120000, 120000)
    assert civil["source"] == "your data (bands); BLS OEWS May 2025"  # the market range is BLS's
    nurse = json.loads(go("--data", str(path), "estimate", "RN", "-y", "8", "-f", "json").stdout)
    assert nurse["salary"] == 100510  # bundled roles are still there, on the bundled ladder
    assert go("--data", str(path), "--only-data", "estimate", "RN", "-y", "8").exit_code == 1
    listed = go("--data", str(path), "--only-data", "roles", "-f", "csv").stdout
    assert [r["role"] for r in csv.DictReader(io.StringIO(listed))] == [
        "Data Engineer II",
        "Rust Wizard",
        "Civil Engineer",
    ]


def test_a_user_ladder_replaces_the_bundled_one(tmp_path: Path) -> None:
    path = folder(tmp_path)
    levels = go("--data", str(path), "levels", "-f", "csv").stdout
    assert levels.splitlines()[1:] == [  # no percentiles: the multipliers apply
        "Junior,0-1,0,1,0.8,",
        "Mid,2-4,2,4,1,",
        "Senior,5-9,5,9,1.3,",
        "Principal,10+,10,,1.6,",
    ]
    record = json.loads(
        go(
            "--data", str(path), "estimate", "Civil Engineer", "-y", "6", "-L", "CA", "-f", "json"
        ).stdout
    )
    assert (record["level"], record["salary"]) == (
        "Senior",
        178782,
    )  # 120,000 x 1.3 x 124,540/108,670


def test_currency_is_shown_and_not_mixed(tmp_path: Path) -> None:
    path = folder(tmp_path)
    table = go("--data", str(path), "estimate", "Rust Wizard", "-y", "6", "-f", "table").stdout
    assert "273,000 EUR" in table
    mixed = go("--data", str(path), "compare", "Rust Wizard", "Civil Engineer", "-y", "3")
    assert (mixed.exit_code, mixed.stdout) == (2, "")
    assert (
        mixed.stderr
        == "salarycli: error: compare puts one currency in a table, and these roles are in EUR, USD: compare them separately\n"
    )


def test_option_wins_over_the_environment(tmp_path: Path) -> None:
    mine = folder(tmp_path, "role,base_salary\nMine,100\n", None, "mine")
    theirs = folder(tmp_path, "role,base_salary\nTheirs,200\n", None, "theirs")
    env = {"SALARYCLI_DATA": str(theirs)}
    assert (
        go("--only-data", "roles", "-f", "csv", env=env)
        .stdout.splitlines()[1]
        .startswith("Theirs,")
    )
    assert (
        go("--data", str(mine), "--only-data", "roles", "-f", "csv", env=env)
        .stdout.splitlines()[1]
        .startswith("Mine,")
    )
    assert go("--only-data", "roles").exit_code == 2


# --- about the data -----------------------------------------------------------------------


def test_data_info(tmp_path: Path) -> None:
    info = json.loads(go("data", "info", "-f", "json").stdout)
    assert info["counts"] == {
        "roles": 831,
        "levels": 5,
        "places": 612,
        "aliases": 1539,
        "titles": 55409,
    }
    assert info["user_data"] is None
    bls = next(s for s in info["sources"] if s["id"] == "bls-oews-2025")
    assert (bls["published"], bls["retrieved"]) == ("2026-05-15", "2026-09-26")
    assert "oews-2025.sqlite.gz=3966d23d" in bls["checksums"]
    path = folder(tmp_path)
    mine = json.loads(go("--data", str(path), "data", "info", "-f", "json").stdout)
    assert mine["user_data"] == {
        "path": str(path),
        "only_data": False,
        "roles": 3,
        "levels": 4,
        "aliases": 0,
    }
    assert mine["counts"]["roles"] == 831 + 2  # Civil Engineer replaced, two added


def test_exported_roles_read_back_as_user_data_with_the_same_estimates(tmp_path: Path) -> None:
    exported = go("data", "export", "--what", "roles").stdout
    assert (
        exported.splitlines()[0]
        == "role,soc,title,group,base_salary,currency,source,featured,reference_soc,employment,annual_mean,p10,p25,p50,p75,p90"
    )
    path = tmp_path / "export"
    path.mkdir()
    (path / "roles.csv").write_text(exported)
    (path / "levels.csv").write_text(go("data", "export", "--what", "levels").stdout)
    for question in (
        ["Machine Learning Engineer", "-y", "4"],
        ["Civil Engineer", "-y", "8", "-L", "CA"],
        ["SWE II"],
        ["Registered Nurses", "-l", "senior", "-c", "DE"],
    ):
        bundled = go("estimate", *question, "-f", "json")
        again = go("--data", str(path), "--only-data", "estimate", *question, "-f", "json")
        assert json.loads(again.stdout) == json.loads(bundled.stdout), question
    # an occupation BLS publishes only hourly wages for: per hour, from BLS's figures, as bundled
    actors = ["estimate", "Actors", "-y", "3", "-f", "json"]
    again = go("--data", str(path), "--only-data", *actors)
    assert (again.exit_code, json.loads(again.stdout)) == (0, json.loads(go(*actors).stdout))


@pytest.mark.parametrize(
    ("what", "fmt", "first"),
    [
        ("levels", "csv", "level,min_years,max_years,multiplier,percentile"),
        ("places", "csv", "location,location_type,code,usps,states,cities,average_wage,currency"),
        (
            "levels",
            "jsonl",
            '{"level": "Entry Level", "min_years": 0, "max_years": 2, "multiplier": 0.75, '
            '"percentile": 20}',
        ),
    ],
)
def test_export_tables(what: str, fmt: str, first: str) -> None:
    assert go("data", "export", "--what", what, "-f", fmt).stdout.splitlines()[0] == first


# --- the library --------------------------------------------------------------------------


def test_library_api_with_user_data(tmp_path: Path) -> None:
    data = salarycli.load_dataset(folder(tmp_path))
    assert salarycli.estimate("Rust Wizard", years=6, data=data).salary == 273000
    assert salarycli.estimate("Civil Engineer", years=6, data=data).salary == 156000
    assert salarycli.estimate("Civil Engineer", years=6).salary == 106608  # bundled by default


printable = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.one_of(
        printable, st.just("role,base_salary\n").flatmap(lambda h: printable.map(lambda t: h + t))
    )
)
def test_random_csv_either_validates_or_lists_problems(
    tmp_path_factory: pytest.TempPathFactory, text: str
) -> None:
    path = tmp_path_factory.mktemp("random")
    (path / "roles.csv").write_text(text)
    result = go("data", "validate", str(path))
    assert result.exit_code in (0, 3), result.stderr
    assert "Traceback" not in result.stderr
    if result.exit_code == 3:
        assert result.stderr.splitlines()[-1].startswith("salarycli: error: ")
    else:
        assert result.stdout.startswith("ok: ")


def test_user_aliases_name_user_roles(tmp_path: Path) -> None:
    path = folder(tmp_path)
    (path / "aliases.csv").write_text("alias,role,source\nRW,Rust Wizard,our job architecture\n")
    record = json.loads(go("--data", str(path), "estimate", "RW", "-y", "3", "-f", "json").stdout)
    assert (record["role"], record["matched_by"], record["query"], record["currency"]) == (
        "Rust Wizard",
        "alias",
        "RW",
        "EUR",
    )


@pytest.mark.parametrize("example", ["company-bands", "company-bands.json", "company-bands.toml"])
def test_the_shipped_examples_are_valid_and_alike(example: str) -> None:
    root = Path(__file__).resolve().parent.parent / "examples"
    result = go("data", "validate", str(root / example))
    assert (result.exit_code, result.stdout) == (0, "ok: 5 roles, 4 levels\n")
    record = json.loads(
        go("--data", str(root / example), "estimate", "PE", "-y", "7", "-f", "json").stdout
    )
    assert (record["role"], record["level"], record["salary"], record["p25"]) == (
        "Platform Engineer",
        "Senior",
        198000,
        150000,
    )


def test_market_and_rank_without_a_distribution_say_so(tmp_path: Path) -> None:
    path = folder(tmp_path)
    for args in (["market", "Rust Wizard"], ["rank", "Rust Wizard", "100k"]):
        result = go("--data", str(path), *args)
        assert (result.exit_code, result.stdout) == (1, "")
        assert result.stderr.endswith(
            "salarycli: error: there is no distribution of pay for Rust Wizard in United States "
            "(a country has only an average; your data may give p10-p90)\n"
        )
    bands = folder(
        tmp_path,
        "role,base_salary,p10,p50,p90\nBand A,100000,80000,100000,130000\n",
        None,
        "withbands",
    )
    record = json.loads(go("--data", str(bands), "rank", "Band A", "115k", "-f", "json").stdout)
    assert (record["percentile"], record["position"]) == (
        70.0,
        "70th percentile",
    )  # 50 + 40 x 15/30
