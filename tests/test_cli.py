"""The command line in-process: every command in every format, every exit code and message."""

from __future__ import annotations

import csv
import io
import json

import pytest

from tests.conftest import run

FIELDS = (
    "role,soc,level,years,multiplier,base_salary,salary,currency,source,level_years,location,"
    "location_type,location_basis,location_factor,p25,p75,market_soc,note,matched_by,query,alternatives,at_least,percentile,confidence,level_low,level_high"
)
MLE_TSV = (
    FIELDS.replace(",", "\t") + "\n"
    "Machine Learning Engineer\t\tMid Level\t4\t0.9\t158328\t142495\tUSD\t"
    "cityjobs.info, Machine Learning Engineer job description; BLS OEWS May 2025\t3-5\t"
    "United States\tnational\tnational\t1\t85660\t158880\t15-2051\t\texact\t"
    "Machine Learning Engineer\t\t\t64.4\t\t\t\n"
)


def test_estimate_defaults_to_tsv_off_a_terminal() -> None:
    result = run("estimate", "Machine Learning Engineer", "--years", "4")
    assert (result.exit_code, result.stdout, result.stderr) == (0, MLE_TSV, "")


def test_estimate_json_is_one_object() -> None:
    result = run("estimate", "Machine Learning Engineer", "-y", "4", "--format", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == {
        "role": "Machine Learning Engineer",
        "soc": None,
        "level": "Mid Level",
        "years": 4,
        "multiplier": 0.9,
        "base_salary": 158328,
        "salary": 142495,
        "currency": "USD",
        "source": "cityjobs.info, Machine Learning Engineer job description; BLS OEWS May 2025",
        "level_years": "3-5",
        "location": "United States",
        "location_type": "national",
        "location_basis": "national",
        "location_factor": 1,
        "p25": 85660,  # of the reference occupation, 15-2051 Data Scientists
        "p75": 158880,
        "market_soc": "15-2051",
        "note": None,
        "matched_by": "exact",
        "query": "Machine Learning Engineer",
        "alternatives": None,
        "at_least": None,
        "percentile": 64.4,
        "confidence": None,  # the seed's figures are not BLS's
        "level_low": None,  # nor is it a percentile of a distribution
        "level_high": None,
    }


def test_estimate_csv_quotes_the_source() -> None:
    result = run("estimate", "civil engineers", "-y", "1", "-f", "csv")
    assert result.stdout == (
        FIELDS + "\n"
        "Civil Engineer,17-2051,Entry Level,1,0.6997,108670,76033,USD,BLS OEWS May 2025,0-2,"
        "United States,national,national,1,79930,129680,17-2051,,exact,civil engineers,,,20,high,"
        "68240,79930\n"
    )


def test_estimate_table() -> None:
    result = run("estimate", "Machine Learning Engineer", "-y", "4", "-f", "table")
    assert [line.rstrip() for line in result.stdout.splitlines()] == [
        # the percentile in Data Scientists' distribution: 50 + 25 x 22,265 / 38,650 = 64.4
        "Machine Learning Engineer with 4 years: $142,495 at Mid Level, the 64th percentile of "
        "pay for Data Scientists; base salary $158,328",
        "",
        "  Level       Years   Multiplier     Salary   Data Scientists market p25-p75",
        " ────────────────────────────────────────────────────────────────────────────",
        "  Mid Level   3-5           0.90   $142,495                 $85,660-$158,880",
        "",
        "Market figures: SOC 15-2051, the reference occupation of Machine Learning Engineer",
        "Source: cityjobs.info, Machine Learning Engineer job description; BLS OEWS May 2025",
    ]


def test_estimate_by_level_and_soc_code() -> None:
    result = run("estimate", "17-2051", "--level", "SENIOR", "-f", "csv")
    assert result.stdout.splitlines()[1] == (
        "Civil Engineer,17-2051,Senior,,1.1615,108670,126219,USD,BLS OEWS May 2025,11-19,"
        "United States,national,national,1,79930,129680,17-2051,,soc,17-2051,,,72,high,"
        "116414,141978"  # the 63.5th and 80.5th percentiles
    )


def test_estimate_without_years_is_the_ladder() -> None:
    result = run("estimate", "Machine Learning Engineer", "-f", "table")
    assert [line.rstrip() for line in result.stdout.splitlines()] == [
        "Machine Learning Engineer: base salary $158,328 x each level's multiplier",
        "",
        "  Level         Years   Multiplier     Salary",
        " ─────────────────────────────────────────────",
        "  Entry Level   0-2           0.75   $118,746",
        "  Mid Level     3-5           0.90   $142,495",
        "  Experienced   6-10          1.00   $158,328",
        "  Senior        11-19         1.10   $174,161",
        "  Veteran       20+           1.25   $197,910",
        "",
        "Market figures: SOC 15-2051, the reference occupation of Machine Learning Engineer",
        "Data Scientists market, 25th-75th percentile: $85,660-$158,880",
        "Source: cityjobs.info, Machine Learning Engineer job description; BLS OEWS May 2025",
    ]
    tsv = run("estimate", "Machine Learning Engineer")
    assert [line.split("\t")[6] for line in tsv.stdout.splitlines()] == [
        "salary",
        "118746",
        "142495",
        "158328",
        "174161",
        "197910",
    ]
    as_json = json.loads(run("estimate", "Civil Engineer", "-f", "json").stdout)
    # each level a percentile of Civil Engineers' national distribution (20, 30, 55, 72, 89)
    assert [item["salary"] for item in as_json] == [76033, 84112, 106608, 126219, 160984]


def test_compare_featured_roles_every_level() -> None:
    result = run("compare", "-f", "table")
    assert [line.rstrip() for line in result.stdout.splitlines()] == [
        "",
        "  Role                            Entry Level   Mid Level   Experienced     Senior    Veteran",
        " ─────────────────────────────────────────────────────────────────────────────────────────────",
        "  Machine Learning Engineer          $118,746    $142,495      $158,328   $174,161   $197,910",
        "  Chemical Engineer                   $91,687    $103,264      $131,470   $153,332   $181,167",
        "  Civil Engineer                      $76,033     $84,112      $106,608   $126,219   $160,984",
        "  Electrical Engineer                 $87,403     $98,390      $127,094   $149,072   $182,210",
        "  Electro-Mechanical Technician       $55,800     $62,604       $76,828    $86,783   $108,467",
        "  Electronics Technician              $57,577     $64,926       $82,082    $95,315   $114,497",
        "",
        "Source: cityjobs.info, Machine Learning Engineer job description; BLS OEWS May 2025",
    ]
    tidy = run("compare", "-f", "csv").stdout.splitlines()
    assert len(tidy) == 1 + 6 * 5  # one record per (role, level)
    assert tidy[0] == FIELDS


def test_compare_one_level_sorted_with_difference_to_top() -> None:
    result = run("compare", "--level", "senior", "-f", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert list(rows[0])[-1] == "difference_to_top"
    assert [(row["role"], row["salary"], row["difference_to_top"]) for row in rows] == [
        ("Machine Learning Engineer", "174161", "0"),
        ("Chemical Engineer", "153332", "-20829"),
        ("Electrical Engineer", "149072", "-25089"),
        ("Civil Engineer", "126219", "-47942"),
        ("Electronics Technician", "95315", "-78846"),
        ("Electro-Mechanical Technician", "86783", "-87378"),
    ]


def test_compare_named_roles_table_and_json() -> None:
    table = run("compare", "civil engineer", "software developers", "-y", "4", "-f", "table")
    assert [line.rstrip() for line in table.stdout.splitlines()] == [
        "At Mid Level, 4 years",
        "",
        "  Role                  Level         Salary   Difference",
        " ─────────────────────────────────────────────────────────",
        "  Software Developers   Mid Level   $111,364           $0",
        "  Civil Engineer        Mid Level    $84,112     -$27,252",
        "",
        "Source: BLS OEWS May 2025",
    ]
    records = json.loads(
        run("compare", "17-2051", "Civil Engineers", "-y", "4", "-f", "json").stdout
    )
    assert [(r["role"], r["salary"], r["difference_to_top"]) for r in records] == [
        ("Civil Engineer", 84112, 0)  # the same role named twice is compared once
    ]


def test_compare_tsv_default() -> None:
    result = run("compare", "-y", "0")
    assert result.stdout.splitlines()[1].split("\t")[:7] == [
        "Machine Learning Engineer",
        "",
        "Entry Level",
        "0",
        "0.75",
        "158328",
        "118746",
    ]


def test_roles_search_every_format() -> None:
    assert run("roles", "soft dev", "-f", "csv").stdout == (
        "role,soc,title,group,base_salary,currency,source,featured,reference_soc,employment,"
        "annual_mean,p10,p25,p50,p75,p90\n"
        "Software Developers,15-1252,Software Developers,Computer and Mathematical Occupations,"
        "148100,USD,BLS OEWS May 2025,false,,1687890,148100,82460,105210,135980,171980,214670\n"
    )
    actors = json.loads(run("roles", "actor", "-f", "json").stdout)
    assert actors[0]["base_salary"] is None and actors[0]["employment"] == 55000
    table = run("roles", "actor", "-f", "table").stdout
    assert [line.rstrip() for line in table.splitlines()] == [
        "",
        "  Role     SOC       Group                                                        Base salary",
        " " + "─" * 93,
        "  Actors   27-2011   Arts, Design, Entertainment, Sports, and Media Occupations           n/a",
        "",
        "1 role",
    ]
    assert len(run("roles").stdout.splitlines()) == 1 + 831
    assert len(run("roles", "--group", "engineering", "-f", "tsv").stdout.splitlines()) == 1 + 36


def test_levels_every_format() -> None:
    assert run("levels", "-f", "csv").stdout == (
        "level,level_years,min_years,max_years,multiplier,percentile\n"
        "Entry Level,0-2,0,2,0.75,20\nMid Level,3-5,3,5,0.9,30\nExperienced,6-10,6,10,1,55\n"
        "Senior,11-19,11,19,1.1,72\nVeteran,20+,20,,1.25,89\n"
    )
    assert json.loads(run("levels", "-f", "json").stdout)[4] == {
        "level": "Veteran",
        "level_years": "20+",
        "min_years": 20,
        "max_years": None,
        "multiplier": 1.25,
        "percentile": 89,
    }
    assert run("levels").stdout.splitlines()[1] == "Entry Level\t0-2\t0\t2\t0.75\t20"
    table = [line.rstrip() for line in run("levels", "-f", "table").stdout.splitlines()]
    assert table[3] == "  Entry Level   0-2           0.75   20"


def test_version() -> None:
    from importlib.metadata import version

    result = run("--version")
    assert (result.exit_code, result.stdout) == (0, f"salarycli {version('salarycli')}\n")


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (
            ["estimate", "Machine Lerning Enginer Wizard"],
            1,
            "unknown role 'Machine Lerning Enginer Wizard'; did you mean 'Machine Learning Engineer', "
            "'Data Scientists', 'Computer and Information Research Scientists'? "
            "(salarycli roles lists them)",
        ),
        (
            ["compare", "Actors", "-y", "3"],
            1,
            "BLS publishes only hourly wages for SOC 27-2011 (its members do not generally work "
            "year-round, full time), so salarycli gives no yearly figure for it: "
            "`salarycli estimate 'Actors'` answers it per hour",
        ),
        (
            ["compare", "civil engineer", "nobody"],
            1,
            "unknown role 'nobody' (salarycli roles lists them)",
        ),
        (["roles", "zzz"], 1, "no roles match 'zzz'"),
        (
            ["estimate", "civil engineer", "-y", "-1"],
            2,
            "--years must be a number from 0 to 70, got '-1'",
        ),
        (
            ["estimate", "civil engineer", "-y", "nan"],
            2,
            "--years must be a number from 0 to 70, got 'nan'",
        ),
        (
            ["estimate", "civil engineer", "-y", "inf"],
            2,
            "--years must be a number from 0 to 70, got 'inf'",
        ),
        (
            ["estimate", "civil engineer", "-y", "four"],
            2,
            "--years must be a number from 0 to 70, got 'four'",
        ),
        (["compare", "-y", "71"], 2, "--years must be a number from 0 to 70, got '71'"),
        (
            ["estimate", "civil engineer", "-l", "junior-ish"],
            2,
            "unknown level 'junior-ish'; choose one of: Entry Level, Mid Level, Experienced, Senior, Veteran (or a title's level word: junior, senior, staff, principal, ...)",
        ),
        (
            ["estimate", "civil engineer", "-y", "3", "-l", "mid"],
            2,
            "give --years or --level, not both",
        ),
        (["compare", "-y", "3", "-l", "mid"], 2, "give --years or --level, not both"),
        (["estimate", " "], 2, "the role is empty; give a role name or SOC code (salarycli roles)"),
        (
            ["estimate", "civil engineer", "-f", "xml"],
            2,
            "Invalid value for '--format' / '-f': 'xml' is not one of 'table', 'json', 'jsonl', 'csv', 'tsv'. "
            "(see 'salarycli estimate --help')",
        ),
        (["estimate"], 2, "Missing argument 'ROLE'. (see 'salarycli estimate --help')"),
        (["levels", "--bogus"], 2, "No such option: --bogus (see 'salarycli levels --help')"),
        (["wages"], 2, "No such command 'wages'. (see 'salarycli --help')"),
    ],
)
def test_errors_are_one_line_on_stderr_with_their_exit_code(
    args: list[str], code: int, message: str
) -> None:
    result = run(*args)
    assert (result.exit_code, result.stdout, result.stderr) == (
        code,
        "",
        f"salarycli: error: {message}\n",
    )


def test_usage_error_wins_over_unknown_role() -> None:
    assert run("estimate", "nobody", "-y", "-3").exit_code == 2


def test_no_arguments_prints_help() -> None:
    result = run()
    assert result.exit_code == 0  # asking for help is not a failure (issue #10, case 19)
    assert "estimate" in result.stdout and "compare" in result.stdout
    assert "error" not in result.stderr


def test_format_is_case_insensitive() -> None:
    assert run("levels", "-f", "CSV").stdout.startswith("level,level_years,")


def test_no_colour_in_a_forced_table_when_not_a_terminal() -> None:
    assert "\x1b[" not in run("compare", "-f", "table").stdout


def test_unreadable_data_is_exit_3(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from salarycli.sources import bundled as dataset

    monkeypatch.setattr(dataset, "load_bundled", lambda: dataset.load(tmp_path))
    result = run("levels")
    assert (result.exit_code, result.stdout) == (3, "")
    assert (
        result.stderr
        == f"salarycli: error: cannot read {tmp_path}/provenance.json: No such file or directory\n"
    )
