"""Turning typed text into a role, a level and years."""

from __future__ import annotations

import pytest

from salarycli.core.ladder import find_level, parse_years
from salarycli.core.records import Dataset
from salarycli.errors import BadInput, UnknownRole
from salarycli.resolve.search import search_roles
from salarycli.resolve.titles import RoleIndex, normalise
from salarycli.session import Session


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
        f"unknown level {text!r}; choose one of: Entry Level, Mid Level, Experienced, Senior, Veteran"
    )


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
