"""Turning typed text into a role, a level and years."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from salarycli.core.ladder import RangeYears, choose, find_level, parse_years, with_title
from salarycli.core.records import Dataset
from salarycli.errors import BadInput, UnknownRole
from salarycli.resolve.search import search_roles
from salarycli.resolve.titles import RoleIndex, normalise
from salarycli.session import Session
from salarycli.sources.bundled import load_bundled
from tests.conftest import run


@pytest.fixture(scope="module")
def index() -> RoleIndex:
    return Session().role_index()


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("civil engineer", "Civil Engineer"),
        ("Civil Engineers", "Civil Engineer"),
        ("CIVIL ENGINEER", "Civil Engineer"),
        ("  civil \t engineer ", "Civil Engineer"),
        ("17-2051", "Civil Engineer"),
        ("172051", "Civil Engineer"),
        ("machine learning engineers", "Machine Learning Engineer"),
        (
            "Electrical and Electronic Engineering Technologists and Technicians",
            "Electronics Technician",
        ),
        ("electro-mechanical technician", "Electro-Mechanical Technician"),
        ("Registered Nurse", "Registered Nurses"),
        ("15-1252", "Software Developers"),
        ("15-2051", "Data Scientists"),
    ],
)
def test_role_lookup(index: RoleIndex, typed: str, found: str) -> None:
    assert index.match(typed).role.role == found


def test_unknown_role_suggests_the_closest(index: RoleIndex) -> None:
    with pytest.raises(UnknownRole) as caught:
        index.match("Machine Learnin Wizardry")
    assert caught.value.suggestions[0] == "Machine Learning Engineer"
    assert caught.value.exit_code == 1


def test_a_word_of_a_name_suggests_roles_with_it(index: RoleIndex) -> None:
    assert index.suggest("civil") == [
        "Civil Engineer",
        "Architectural and Civil Drafters",
        "Civil Engineering Technologists and Technicians",
    ]


def test_nothing_close_suggests_nothing(index: RoleIndex) -> None:
    with pytest.raises(UnknownRole) as caught:
        index.match("qqqq zzzz")
    assert caught.value.suggestions == []
    assert caught.value.message == "unknown role 'qqqq zzzz' (salarycli roles lists them)"


@pytest.mark.parametrize("typed", ["", "   "])
def test_empty_role_is_a_usage_error(index: RoleIndex, typed: str) -> None:
    with pytest.raises(BadInput, match="the role is empty"):
        index.match(typed)


def test_normalise() -> None:
    assert normalise("  Engineers,  All Other ") == "engineer all other"
    assert normalise("Glass") == "glass"  # a double s is not a plural


def test_no_two_roles_share_a_name(data: Dataset) -> None:
    owners: dict[str, set[str]] = {}
    for role in data.roles:
        for name in (role.role, role.title):
            owners.setdefault(normalise(name), set()).add(role.role)
    assert {key: names for key, names in owners.items() if len(names) > 1} == {}


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("0", 0.0),
        ("4", 4.0),
        ("2.9", 2.9),
        (" 3 ", 3.0),
        (".5", 0.5),
        ("70", 70.0),
        ("7+", 7.0),
        ("5 years", 5.0),
        ("5 yrs", 5.0),
        ("1 year", 1.0),
        ("4y", 4.0),
    ],
)
def test_parse_years(text: str, years: float) -> None:
    assert parse_years(text) == years


@pytest.mark.parametrize(
    "text", ["-1", "nan", "inf", "-inf", "abc", "", "70.01", "1e1", "4_0", "y", "71+"]
)
def test_parse_years_refuses(text: str) -> None:
    with pytest.raises(BadInput) as caught:
        parse_years(text)
    assert caught.value.message == f"--years must be a number from 0 to 70, got {text!r}"
    assert caught.value.exit_code == 2


@pytest.mark.parametrize(
    ("text", "middle", "level"),
    [
        ("3-5", 4, "Mid Level"),
        ("0 - 2", 1, "Entry Level"),
        ("6-10 years", 8, "Experienced"),
        ("11-19", 15, "Senior"),
        ("20-70", 45, "Veteran"),
        ("3.5-4", 3.75, "Mid Level"),
        ("4-4", 4, "Mid Level"),
    ],
)
def test_a_range_within_one_level_is_its_middle_with_a_note(
    text: str, middle: float, level: str
) -> None:
    levels = load_bundled().levels
    years = parse_years(text, levels)
    assert isinstance(years, RangeYears) and years == middle
    found = choose(levels, text, None)
    assert found is not None and (found[0].level, found[1]) == (level, middle)
    _, notes = with_title(levels, found, None, None)
    assert notes == [
        f"years {text.strip()!r} read as {middle:g}, the middle of the range: every year of it "
        f"is {level}"
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2-4", "2 years is Entry Level and 4 years Mid Level; give the years you mean (3, "),
        ("5-6", "5 years is Mid Level and 6 years Experienced; give the years you mean (5.5, "),
        ("0-70", "0 years is Entry Level and 70 years Veteran; give the years you mean (35, "),
    ],
)
def test_a_range_across_levels_is_refused_naming_them(text: str, message: str) -> None:
    with pytest.raises(BadInput) as caught:
        parse_years(text, load_bundled().levels)
    assert caught.value.message == (
        f"--years takes one number, got {text!r}: {message}the middle, is one)"
    )
    for backwards in ("5-3", "60-80"):
        with pytest.raises(BadInput) as caught:
            parse_years(backwards, load_bundled().levels)
        assert caught.value.message == (
            "--years takes one number (or a range from low to high, within 0 to 70), got "
            f"{backwards!r}"
        )


def test_a_range_in_estimate_and_batch_alike() -> None:
    record = json.loads(run("estimate", "Senior Civil Engineer", "-y", "3-5", "-f", "json").stdout)
    batched = json.loads(
        run("batch", "-f", "jsonl", input="role,years\nSenior Civil Engineer,3-5\n").stdout
    )
    assert (record["years"], record["salary"], record["note"]) == (
        4,
        84112,
        "years '3-5' read as 4, the middle of the range: every year of it is Mid Level; the "
        "title says Senior ('senior'); the option's Mid Level is used",
    )
    assert (batched["years"], batched["estimate_years"], batched["estimate_note"]) == (
        "3-5",
        4,
        record["note"],
    )
    refused = run("estimate", "Civil Engineer", "-y", "2-4")
    assert (refused.exit_code, refused.stdout) == (2, "")


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("entry", "Entry Level"),
        ("Entry Level", "Entry Level"),
        ("MID", "Mid Level"),
        ("senior", "Senior"),
        ("experienced", "Experienced"),
        ("  veteran ", "Veteran"),
    ],
)
def test_find_level(data: Dataset, text: str, level: str) -> None:
    assert find_level(data.levels, text).level == level


@pytest.mark.parametrize("text", ["junior", "", "level", "entry mid"])
def test_find_level_refuses(data: Dataset, text: str) -> None:
    with pytest.raises(BadInput) as caught:
        find_level(data.levels, text)
    assert caught.value.message == (
        f"unknown level {text!r}; choose one of: Entry Level, Mid Level, Experienced, Senior, "
        "Veteran (or a title's level word: junior, senior, staff, principal, ...)"
    )


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("junior", "Entry Level"),
        ("Jr.", "Entry Level"),
        ("intern", "Entry Level"),
        ("intermediate", "Mid Level"),
        ("III", "Experienced"),
        ("staff", "Senior"),
        ("Senior Staff", "Veteran"),
        ("principal", "Veteran"),
    ],
)
def test_level_accepts_every_level_word_a_title_understands(text: str, level: str) -> None:
    # issue #27: "-l junior" was refused although "Junior" in a title means Entry Level
    result = run("estimate", "Software Developers", "-l", text, "-f", "json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["level"] == level


@given(st.text(max_size=12))
def test_level_words_never_crash(text: str) -> None:
    # any text: a level, or the one-line refusal
    from salarycli.sources.bundled import load_level_names

    try:
        found = find_level(load_bundled().levels, text, load_level_names())
    except BadInput as problem:
        assert problem.message.startswith("unknown level ")
    else:
        assert found.level in {"Entry Level", "Mid Level", "Experienced", "Senior", "Veteran"}


def test_search_by_words_soc_prefix_and_group(data: Dataset) -> None:
    assert [r.role for r in search_roles(data.roles, "soft dev", None)] == ["Software Developers"]
    assert [r.role for r in search_roles(data.roles, "actor", None)] == ["Actors"]
    assert [r.soc for r in search_roles(data.roles, "17-20", None)][:3] == [
        "17-2041",
        "17-2051",
        "17-2071",
    ]
    engineers = search_roles(data.roles, "engineer", "engineering")
    assert len(engineers) == 25  # 18 engineers and 7 engineering technologist roles
    assert {r.group for r in engineers} == {"Architecture and Engineering Occupations"}
    assert search_roles(data.roles, "zzz", None) == []


def test_one_year_is_singular() -> None:
    # issue #27: "with 1 years"
    table = run("estimate", "Software Developers", "-y", "1", "-f", "table", env={"COLUMNS": "150"})
    assert table.stdout.startswith("Software Developers with 1 year: $97,627 at Entry Level")
    assert "4 years:" in run("estimate", "Software Developers", "-y", "4", "-f", "table").stdout
    compare = run("compare", "Software Developers", "Nurse", "-y", "1", "-f", "table")
    assert compare.stdout.startswith("At Entry Level, 1 year\n")
    verdict = json.loads(
        run("rank", "Software Developers", "100000", "-y", "1", "-f", "json").stdout
    )
    assert "the estimate for 1 year in the United States" in verdict["verdict"]
