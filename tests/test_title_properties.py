"""Issue #11: title resolution under any input, and the index against itself."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from salarycli.errors import AmbiguousRole, SalarycliError, UnknownRole
from salarycli.resolve.normal import normalise, singular
from salarycli.resolve.title_words import words_of
from salarycli.resolve.titles import TYPO_MIN, RoleIndex
from salarycli.session import Session

SESSION = Session()
INDEX: RoleIndex = SESSION.role_index()
LEVELS = {level.level for level in SESSION.data.levels}
SETTINGS = settings(max_examples=150, deadline=None)
# words titles are made of: real title words, level words and codes, qualifiers, noise
PIECES = [
    *sorted(INDEX.table().words())[::40],
    "senior", "sr.", "jr", "lead", "staff", "principal", "ii", "III", "2", "L5", "IC4", "e5",
    "level", "(remote)", "- nights", ",", "RN", "BSN", "PM", "SWE", "sde2", "of", "&", "/",
]  # fmt: skip


@SETTINGS
@given(st.text(max_size=60))
def test_any_text_is_answered_or_refused_by_salarycli(text: str) -> None:
    try:
        found = SESSION.match(text)
    except SalarycliError:
        return
    assert found.role in INDEX.listed()
    assert found.level is None or found.level in LEVELS


@SETTINGS
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=7))
def test_titles_made_of_title_words_levels_and_qualifiers(pieces: list[str]) -> None:
    text = " ".join(pieces)
    try:
        found = INDEX.match(text)
    except (UnknownRole, AmbiguousRole):
        return
    except SalarycliError as other:  # an empty role after stripping is a usage error
        assert not text.strip(), other
        return
    assert found.level is None or found.level in LEVELS
    if found.matched_by == "fuzzy":
        for typed, read in found.corrected:
            assert len(typed) >= TYPO_MIN and typed not in INDEX.table().words()
            assert read in INDEX.vocabulary()


@SETTINGS
@given(st.text(max_size=60))
def test_the_one_pass_key_is_normalise(text: str) -> None:
    assert " ".join(singular(word) for word in words_of(text) if word) == normalise(text)


@SETTINGS
@given(st.data())
def test_a_typo_is_corrected_to_a_known_word_or_refused(data: st.DataObject) -> None:
    lines = INDEX.table().lines
    line = lines[data.draw(st.integers(min_value=1, max_value=len(lines) - 1))]
    key = line.split(",")[0]
    words = key.split()
    long = [at for at, word in enumerate(words) if len(word) >= 7 and word.isalpha()]
    if not long or "'" in key:
        return
    at = data.draw(st.sampled_from(long))
    cut = data.draw(st.integers(min_value=1, max_value=len(words[at]) - 2))
    words[at] = words[at][:cut] + words[at][cut + 1 :]  # one letter dropped
    try:
        found = INDEX.match(" ".join(words))
    except SalarycliError:
        return
    if found.matched_by == "fuzzy":
        assert len(found.corrected) == 1 and found.corrected[0][0] == singular(words[at])


def test_every_title_of_the_index_answers_as_its_row_says() -> None:
    """All 55,409 titles: the occupation the row names, a refusal for an ambiguous or
    unpriced one; a role's own name wins over a title that normalises the same."""
    table = INDEX.table()
    wrong = []
    for line in table.lines[1:]:
        key, role, _, basis = line.split(",")
        if "'" in key:  # "children's" is indexed as "children'": typed, it normalises so
            continue
        try:
            found = INDEX.match(key)
        except AmbiguousRole:
            if role:
                wrong.append((key, role, "refused as ambiguous"))
            continue
        except UnknownRole as refused:
            # "Intern" is an O*NET title, but salarycli reads it as a level (README)
            if basis != "unpriced" and role and "that is a level" not in refused.message:
                wrong.append((key, role, "refused as unknown"))
            continue
        if found.matched_by == "exact":
            continue
        if role not in (found.role.soc, found.role.role):
            wrong.append((key, role, found.role.role))
    assert wrong == []


def test_titles_typed_in_other_cases_and_spacing_answer_the_same() -> None:
    rows = random.Random(11).sample(INDEX.table().lines[1:], 300)
    for line in rows:
        key, role, _, basis = line.split(",")
        if not role or "'" in key or basis == "unpriced":
            continue
        shouted = "  " + key.upper().replace(" ", "   ") + " "
        assert INDEX.match(shouted).role == INDEX.match(key).role, key


@pytest.mark.parametrize("typed", ["\x00", "a\x1fb", "x" * 201, "\ud800"])
def test_text_the_session_refuses_before_matching(typed: str) -> None:
    with pytest.raises(SalarycliError):
        SESSION.match(typed)


@SETTINGS
@given(
    st.sets(
        st.text(alphabet="ab ,c'", min_size=1, max_size=6).map(lambda t: t.replace(",", "")),
        max_size=40,
    ),
    st.lists(st.text(alphabet="ab c'", max_size=6), max_size=80),
)
def test_sorted_lines_find_what_a_dict_finds_by_position_and_by_list(
    keys: set[str], asked: list[str]
) -> None:
    from salarycli.resolve.sorted_lines import SPLIT_AFTER, SortedLines

    rows = {key: f"{key},{index}" for index, key in enumerate(sorted(keys)) if key}
    text = "key,value\n" + "".join(line + "\n" for line in sorted(rows.values()))
    lines = SortedLines(text.encode())
    for key in [*asked, *rows][: SPLIT_AFTER * 2]:  # past SPLIT_AFTER: the list is bisected
        assert lines.find(key) == rows.get(key), key
    assert len(lines) == len(rows)


# --- qualifiers (issue #23) ---------------------------------------------------------------

ANSWERED = [
    line.split(",")[0]
    for line in INDEX.table().lines[1::97]
    if line.split(",")[3] in ("onet", "curated") and line.split(",")[1][:2].isdigit()
]
CONTEXTS = [
    *sorted(INDEX.table().words())[7::53],
    "Starbucks", "Amazon", "Nights", "Remote", "Travel", "Contract", "Seasonal", "Bilingual",
    "Neurology", "Finance", "Pediatrics", "Hardware", "Construction Site", "Manual", "ICU",
]  # fmt: skip


def _group(text: str) -> str | None:
    try:
        role = INDEX.match(text).role
    except SalarycliError:
        return None
    return (role.soc or role.reference_soc or "")[:2]


@SETTINGS
@given(
    st.sampled_from(ANSWERED),
    st.sampled_from(CONTEXTS),
    st.sampled_from(["{t} ({q})", "{t} - {q}", "{t}, {q}", "{t} | {q}"]),
)
def test_a_qualifier_never_moves_a_title_to_another_major_group(
    title: str, qualifier: str, form: str
) -> None:
    """Unless the qualifier itself names an occupation of that group, or the title and the
    qualifier together are a title of their own ("Sales (Engineer)" is a sales engineer)."""
    before = _group(title)
    after = _group(form.format(t=title, q=qualifier))
    if after is None or after == before:
        return
    joined = INDEX.table().get(normalise(f"{title} {qualifier}")) or INDEX.table().get(
        normalise(f"{qualifier} {title}")
    )
    assert after == _group(qualifier) or joined is not None, (title, qualifier, before, after)
