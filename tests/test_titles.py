"""Issue #5: job titles people type -> the role and level salarycli finds, and how."""

from __future__ import annotations

import csv
import json

import pytest

from salarycli.core.records import Dataset
from salarycli.errors import UnknownRole
from salarycli.resolve.titles import RoleIndex, normalise
from salarycli.sources import bundled as dataset
from salarycli.sources.files import data_dir
from tests.conftest import run


@pytest.fixture(scope="module")
def index(data: Dataset) -> RoleIndex:
    return RoleIndex.build(data.roles, dataset.load_aliases, dataset.load_seniority())


# typed title, role found, level the title sets (None: none), how it matched
TITLES = [
    # abbreviations
    ("SWE", "Software Developers", None, "alias"),
    ("SDE", "Software Developers", None, "alias"),
    ("MLE", "Machine Learning Engineer", None, "alias"),
    ("RN", "Registered Nurses", None, "alias"),
    ("LPN", "Licensed Practical and Licensed Vocational Nurses", None, "alias"),
    ("CPA", "Accountants and Auditors", None, "alias"),
    ("PM", "Project Management Specialists", None, "alias"),
    ("QA", "Software Quality Assurance Analysts and Testers", None, "alias"),
    ("SRE", "Network and Computer Systems Administrators", None, "alias"),
    ("DBA", "Database Administrators", None, "alias"),
    ("UX", "Web and Digital Interface Designers", None, "alias"),
    ("HR", "Human Resources Specialists", None, "alias"),
    ("CNA", "Nursing Assistants", None, "alias"),
    ("EMT", "Emergency Medical Technicians", None, "alias"),
    ("NP", "Nurse Practitioners", None, "alias"),
    ("CEO", "Chief Executives", None, "alias"),
    ("CFO", "Financial Managers", None, "alias"),
    ("CTO", "Computer and Information Systems Managers", None, "alias"),
    ("PA-C", "Physician Assistants", None, "alias"),
    ("OB/GYN", "Obstetricians and Gynecologists", None, "alias"),
    ("CDL Driver", "Heavy and Tractor-Trailer Truck Drivers", None, "alias"),
    # software and data
    ("Software Engineer", "Software Developers", None, "alias"),
    ("software engineers", "Software Developers", None, "alias"),
    ("Full Stack Developer", "Software Developers", None, "alias"),
    ("front-end developer", "Web Developers", None, "alias"),
    ("data scientist", "Data Scientists", None, "exact"),
    ("ML engineer", "Machine Learning Engineer", None, "alias"),
    ("ml-engineer", "Machine Learning Engineer", None, "alias"),
    ("Data Engineer", "Database Architects", None, "alias"),
    ("Penetration Tester", "Information Security Analysts", None, "alias"),
    ("Help Desk Technician", "Computer User Support Specialists", None, "alias"),
    ("Network Engineer", "Computer Network Architects", None, "alias"),
    ("UX/UI Designer", "Web and Digital Interface Designers", None, "alias"),
    ("Statistician", "Statisticians", None, "exact"),
    # seniority words set the level
    ("Senior Software Engineer", "Software Developers", "Senior", "seniority"),
    ("Sr. Software Engineer", "Software Developers", "Senior", "seniority"),
    ("SWE II", "Software Developers", "Mid Level", "seniority"),
    ("Software Engineer III", "Software Developers", "Experienced", "seniority"),
    ("Software Engineer IV", "Software Developers", "Senior", "seniority"),
    ("Junior Software Developer", "Software Developers", "Entry Level", "seniority"),
    ("Junior Developer", None, None, None),  # "Developer" alone could be several roles
    ("Jr Web Developer", "Web Developers", "Entry Level", "seniority"),
    ("Associate Data Scientist", "Data Scientists", "Entry Level", "seniority"),
    ("Entry Level Accountant", "Accountants and Auditors", "Entry Level", "seniority"),
    ("entry-level accountant", "Accountants and Auditors", "Entry Level", "seniority"),
    ("Mid-Level Data Analyst Statistician", None, None, None),  # no such role: must fail
    ("Lead Data Scientist", "Data Scientists", "Senior", "seniority"),
    ("Staff Software Engineer", "Software Developers", "Senior", "seniority"),
    ("Principal Software Engineer", "Software Developers", "Veteran", "seniority"),
    ("Distinguished Engineer Software Engineer", None, None, None),
    ("Senior Civil Engineer", "Civil Engineer", "Senior", "seniority"),
    ("Junior Chemical Engineer", "Chemical Engineer", "Entry Level", "seniority"),
    ("Sr Electrical Engineer", "Electrical Engineer", "Senior", "seniority"),
    ("Senior ML Engineer", "Machine Learning Engineer", "Senior", "seniority"),
    ("Senior RN", "Registered Nurses", "Senior", "seniority"),
    ("Lead Carpenter", "Carpenters", "Senior", "seniority"),
    ("Senior Accountant", "Accountants and Auditors", "Senior", "seniority"),
    ("Accountant I", "Accountants and Auditors", "Entry Level", "seniority"),
    ("Accountant II", "Accountants and Auditors", "Mid Level", "seniority"),
    ("Mid Software Engineer", "Software Developers", "Mid Level", "seniority"),
    # titles that contain a seniority word as part of the name stay as they are
    ("Staff Nurse", "Registered Nurses", None, "alias"),
    ("Staff Accountant", "Accountants and Auditors", None, "alias"),
    ("Sales Associate", "Retail Salespersons", None, "alias"),
    ("Principal", "Education Administrators, Kindergarten through Secondary", None, "alias"),
    ("Associate Attorney", "Lawyers", None, "alias"),
    # official titles, singular forms, punctuation, "&"
    ("Registered Nurse", "Registered Nurses", None, "exact"),
    ("Civil Engineers", "Civil Engineer", None, "exact"),
    ("  CIVIL   ENGINEER  ", "Civil Engineer", None, "exact"),
    ("Chief Executive", "Chief Executives", None, "exact"),
    ("Lawyer", "Lawyers", None, "exact"),
    ("Dentist, General", "Dentists, General", None, "exact"),
    ("Dentists General", "Dentists, General", None, "exact"),
    ("Paralegals & Legal Assistants", "Paralegals and Legal Assistants", None, "exact"),
    (
        "Heavy and Tractor-Trailer Truck Driver",
        "Heavy and Tractor-Trailer Truck Drivers",
        None,
        "exact",
    ),
    (
        "Electrical and Electronic Engineering Technologists and Technicians",
        "Electronics Technician",
        None,
        "exact",
    ),
    ("Machine Learning Engineer", "Machine Learning Engineer", None, "exact"),
    # SOC codes
    ("17-2051", "Civil Engineer", None, "soc"),
    ("172051", "Civil Engineer", None, "soc"),
    ("15-1252", "Software Developers", None, "soc"),
    ("29-1141", "Registered Nurses", None, "soc"),
    # healthcare, finance, education, trades, transport, hospitality, legal, public service
    ("Nurse Practitioner", "Nurse Practitioners", None, "exact"),
    ("Physical Therapist", "Physical Therapists", None, "exact"),
    ("Pharmacy Tech", "Pharmacy Technicians", None, "alias"),
    ("Vet Tech", "Veterinary Technologists and Technicians", None, "alias"),
    ("Family Doctor", "Family Medicine Physicians", None, "alias"),
    ("Financial Analyst", "Financial and Investment Analysts", None, "alias"),
    ("Bookkeeper", "Bookkeeping, Accounting, and Auditing Clerks", None, "alias"),
    ("Bank Teller", "Tellers", None, "alias"),
    (
        "High School Teacher",
        "Secondary School Teachers, Except Special and Career/Technical Education",
        None,
        "alias",
    ),
    ("Elementary Teacher", "Elementary School Teachers, Except Special Education", None, "alias"),
    ("Electrician", "Electricians", None, "exact"),
    ("Plumber", "Plumbers, Pipefitters, and Steamfitters", None, "alias"),
    (
        "HVAC Tech",
        "Heating, Air Conditioning, and Refrigeration Mechanics and Installers",
        None,
        "alias",
    ),
    ("Welder", "Welders, Cutters, Solderers, and Brazers", None, "alias"),
    ("Truck Driver", "Heavy and Tractor-Trailer Truck Drivers", None, "alias"),
    ("Forklift Operator", "Industrial Truck and Tractor Operators", None, "alias"),
    ("Uber Driver", "Taxi Drivers", None, "alias"),
    ("Barista", "Fast Food and Counter Workers", None, "alias"),
    ("Line Cook", "Cooks, Restaurant", None, "alias"),
    ("Waitress", "Waiters and Waitresses", None, "alias"),
    ("Housekeeper", "Maids and Housekeeping Cleaners", None, "alias"),
    ("Attorney", "Lawyers", None, "alias"),
    ("Paralegal", "Paralegals and Legal Assistants", None, "alias"),
    ("Police Officer", "Police and Sheriff's Patrol Officers", None, "alias"),
    ("Firefighter", "Firefighters", None, "exact"),
    ("Social Worker Clinical LCSW", None, None, None),
    ("LCSW", "Mental Health and Substance Abuse Social Workers", None, "alias"),
    ("Recruiter", "Human Resources Specialists", None, "alias"),
    ("Marketing Manager", "Marketing Managers", None, "exact"),
    (
        "Account Executive",
        "Sales Representatives, Wholesale and Manufacturing, Except Technical and Scientific Products",
        None,
        "alias",
    ),
    ("Real Estate Agent", "Real Estate Sales Agents", None, "alias"),
    ("Chemist", "Chemists", None, "exact"),
    ("Economist", "Economists", None, "exact"),
    (
        "Executive Assistant",
        "Executive Secretaries and Executive Administrative Assistants",
        None,
        "alias",
    ),
    ("Customer Service Rep", "Customer Service Representatives", None, "fuzzy"),
    ("Pastor", "Clergy", None, "alias"),
    # typos: fuzzy, accepted only when clearly best
    ("Sofware Engineer", "Software Developers", None, "fuzzy"),
    ("Registerd Nurse", "Registered Nurses", None, "fuzzy"),
    ("Machine Lerning Engineer", "Machine Learning Engineer", None, "fuzzy"),
    ("Acountant", "Accountants and Auditors", None, "fuzzy"),
    ("Pharmacist Clinical", None, None, None),
    ("Senior Sofware Engineer", "Software Developers", "Senior", "fuzzy"),
    ("Electrcian", "Electricians", None, "fuzzy"),
    # ambiguous or unknown: exit 1 with candidates, never a guess
    ("Engineer", None, None, None),
    ("Manager", None, None, None),
    ("Analyst", None, None, None),
    ("Teacher", None, None, None),
    ("Consultant", None, None, None),
    ("Specialist", None, None, None),
    ("Technician", None, None, None),
    ("Senior", None, None, None),
    ("Chief Vibes Officer", None, None, None),
]


def test_the_table_is_big_enough() -> None:
    assert len(TITLES) >= 100


@pytest.mark.parametrize(("typed", "role", "level", "how"), TITLES)
def test_typed_titles(
    index: RoleIndex, typed: str, role: str | None, level: str | None, how: str | None
) -> None:
    if role is None:
        with pytest.raises(UnknownRole):
            index.match(typed)
        return
    found = index.match(typed)
    assert (found.role.role, found.level, found.matched_by) == (role, level, how)


def test_every_alias_resolves_to_a_role_that_exists(data: Dataset, index: RoleIndex) -> None:
    names = {role.role for role in data.roles} | {role.soc for role in data.roles if role.soc}
    aliases = dataset.load_aliases()
    assert len(aliases) >= 400
    for alias, target in aliases:
        assert target in names, (alias, target)
        found = index.match(alias)
        assert found.matched_by in ("alias", "exact"), alias
        assert target in (found.role.role, found.role.soc), (alias, target, found.role.role)


def test_no_alias_is_taken_by_a_role_name_of_another_role(data: Dataset) -> None:
    own = {normalise(n): r.role for r in data.roles for n in (r.role, r.title)}
    by_soc = {r.soc: r.role for r in data.roles if r.soc}
    for alias, target in dataset.load_aliases():
        if normalise(alias) in own:
            assert own[normalise(alias)] == by_soc.get(target, target), alias


def test_alias_file_covers_the_domains_the_issue_names() -> None:
    with (data_dir() / "aliases.csv").open(encoding="utf-8") as stream:
        groups = {row["role"][:2] for row in csv.DictReader(stream) if row["role"][:2].isdigit()}
    # software/data 15, engineering 17, healthcare 29/31, finance/business 13, education 25,
    # sales 41, trades 47/49, transport 53, hospitality 35, legal 23, science 19,
    # management 11, public service 33/21
    assert {
        "11",
        "13",
        "15",
        "17",
        "19",
        "21",
        "23",
        "25",
        "29",
        "31",
        "33",
        "35",
        "41",
        "47",
        "49",
        "53",
    } <= groups


def test_an_ambiguous_title_lists_candidates(index: RoleIndex) -> None:
    with pytest.raises(UnknownRole) as caught:
        index.match("Engineer")
    assert len(caught.value.suggestions) == 3


# --- the level a title sets, and the options that overrule it -----------------------------


def test_a_seniority_word_sets_the_level_and_says_why() -> None:
    record = json.loads(run("estimate", "Senior Civil Engineer", "-f", "json").stdout)
    assert (record["level"], record["salary"], record["matched_by"]) == (
        "Senior",
        119537,
        "seniority",
    )
    assert (record["query"], record["note"]) == (
        "Senior Civil Engineer",
        "level from the title: 'senior' -> Senior",
    )


def test_an_option_wins_over_the_title_and_the_output_says_so() -> None:
    record = json.loads(
        run("estimate", "Senior Civil Engineer", "--years", "4", "-f", "json").stdout
    )
    assert (record["level"], record["salary"]) == ("Mid Level", 97803)
    assert record["note"] == "the title says Senior ('senior'); the option's Mid Level is used"
    same = json.loads(
        run("estimate", "Senior Civil Engineer", "--level", "senior", "-f", "json").stdout
    )
    assert same["note"] is None


def test_explain_in_the_table_view() -> None:
    table = run("estimate", "ml engineer", "-y", "4", "--explain", "-f", "table").stdout
    assert "matched 'ml engineer' -> an alias of Machine Learning Engineer" in table
    fuzzy = run("estimate", "Sofware Engineer", "-y", "4", "--explain", "-f", "table").stdout
    assert (
        "matched 'Sofware Engineer' -> closest name 'Software Engineer' (Software Developers), similarity 0.97"
        in fuzzy
    )
    plain = run("estimate", "ml engineer", "-y", "4", "-f", "table").stdout
    assert "matched" not in plain


def test_batch_applies_the_same_rules_per_record() -> None:
    from typer.testing import CliRunner

    from salarycli.cli import app

    result = CliRunner().invoke(
        app, ["batch", "-i", "lines", "-f", "jsonl"], input="Senior SWE\nSWE\nRN II\n"
    )
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["role"], r["level"], r["matched_by"], r["error"]) for r in records] == [
        ("Software Developers", "Senior", "seniority", None),
        ("SWE", None, None, "give years or level (or a seniority word in the title)"),
        ("Registered Nurses", "Mid Level", "seniority", None),
    ]


# --- speed (measured, not asserted, in benchmarks/titles.py; here: it works at all) --------


def test_a_known_name_does_not_read_the_aliases(data: Dataset) -> None:
    calls = []
    index = RoleIndex.build(data.roles, lambda: calls.append(1) or dataset.load_aliases(), {})
    assert index.match("Civil Engineers").matched_by == "exact"
    assert calls == []
    assert index.match("SWE").matched_by == "alias"
    assert calls == [1]


# --- shell completion ---------------------------------------------------------------------


def _tab(**env: str) -> list[str]:
    import os
    import subprocess
    import sys
    from pathlib import Path

    script = str(Path(sys.executable).parent / "salarycli")
    done = subprocess.run(
        [script], env={**os.environ, **env}, capture_output=True, text=True, check=True
    )
    return done.stdout.splitlines()


def test_tab_completes_roles_featured_first() -> None:
    words = _tab(
        _SALARYCLI_COMPLETE="complete_bash", COMP_WORDS="salarycli estimate Civ", COMP_CWORD="2"
    )
    assert words[0] == "Civil Engineer" and "Civil Engineers" in words
    assert all("civ" in word.casefold() for word in words)


def test_tab_completes_places_and_countries() -> None:
    words = _tab(
        _SALARYCLI_COMPLETE="complete_bash",
        COMP_WORDS="salarycli estimate x -L Aus",
        COMP_CWORD="4",
    )
    assert words == ["Austin-Round Rock-San Marcos, TX", "Austin, TX"]
    words = _tab(
        _SALARYCLI_COMPLETE="complete_bash",
        COMP_WORDS="salarycli estimate x -c Ger",
        COMP_CWORD="4",
    )
    assert words == ["Germany"]


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_completion_scripts_for_each_shell(shell: str) -> None:
    result = run("--show-completion", shell)
    assert result.exit_code == 0
    assert "_SALARYCLI_COMPLETE" in result.stdout
