"""Reading a job title like a recruiter: what in it is the occupation, and what is not.

"Sr. DevOps Engineer II (AWS) - Remote" is the occupation "devops engineer", at a level the
code "II" sets, with "AWS" and "Remote" set aside. `readings` lists the ways to read a title,
most faithful first; resolve.titles looks each up until one names an occupation.

What is not the occupation, each from a table in data/ (docs/titles.md):
- level words (seniority.csv): "Senior", "Jr"; a weak one ("Staff", "Lead", "Principal",
  "Associate") is part of many real titles ("Staff Accountant") and is taken out only when the
  title is not known with it;
- level codes (level_codes.csv): "II", "3", "L5", "E5", "IC4", "Level 3", "SDE2";
- qualifiers: anything in parentheses or after " - ", "|", ":" or a comma, and credentials,
  schedules and places of work (title_noise.csv): "RN, BSN", "2nd shift", "Remote";
- short forms (short_forms.csv) are written out: "SWE" -> "software engineer"; one with two
  meanings ("PM") gives two cores, and a title whose cores name different occupations is
  ambiguous.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType
from typing import NamedTuple

from salarycli.core.record import record
from salarycli.resolve.normal import marks_of, normalise, words_of

_QUALIFIER = re.compile(r"\s+[-\u2013\u2014]+\s+|\s*[|:,;]\s*")
_BRACKETS = re.compile(r"\s*[(\[]([^()\[\]]*)[)\]]")
_GLUED = re.compile(r"^([a-z]+?)(\d{1,2})$")  # "sde2", "swe3"
_CODE = re.compile(r"^[a-z]+\d+$")  # "l5", "e5", "ic4": a level code wherever it stands
_ORDER = re.compile(r"^(.+?) of (.+)$")  # "director of engineering"


class Words(NamedTuple):
    """The tables a title is read with (sources.bundled loads them from data/)."""

    seniority: dict[str, tuple[str, bool]]  # word -> (level, strong)
    codes: dict[str, str]  # level code -> level
    short: dict[str, tuple[str, ...]]  # short form -> what it means (one or more)
    noise: frozenset[str]  # credentials, schedules, places of work
    marks: frozenset[str] = frozenset()  # words that may set a level: a quick first test
    specialties: Mapping[str, str] = MappingProxyType({})  # "neurology" -> "neurologist"

    @classmethod
    def of(
        cls,
        seniority: dict[str, tuple[str, bool]],
        codes: dict[str, str],
        short: dict[str, tuple[str, ...]],
        noise: frozenset[str],
        specialties: Mapping[str, str] | None = None,
    ) -> Words:
        return cls(
            seniority,
            codes,
            short,
            noise,
            marks_of(seniority, codes),
            MappingProxyType(dict(specialties or {})),
        )


@record(unsafe_hash=True)
class Reading:
    """One way to read a title: the cores to look up (two when a short form has two
    meanings), the level a word or code in it sets, and what was set aside."""

    cores: tuple[str, ...]
    level: str | None = None
    word: str | None = None  # the level word or code, as typed
    dropped: tuple[str, ...] = ()


def _split(text: str) -> tuple[str, list[str]]:
    """The head of a title and its qualifiers: "Registered Nurse, BSN - ICU (Nights)" ->
    ("Registered Nurse", ["BSN", "ICU", "Nights"])."""
    brackets = [part.strip() for part in _BRACKETS.findall(text) if part.strip()]
    rest = _BRACKETS.sub(" ", text)
    parts = [part.strip() for part in _QUALIFIER.split(rest)]
    parts = [part for part in parts if part]
    if not parts:
        return "", brackets
    return parts[0], [*parts[1:], *brackets]


_words = words_of


def _level(
    words: list[str], words_in: Words, weak: bool
) -> tuple[list[str], str | None, str | None]:
    """The words left after taking out level words and codes, the level they set (a code
    before a word), and the one that set it."""
    kept: list[str] = []
    code = word = None
    code_level = word_level = None
    index = 0
    while index < len(words):
        current = words[index]
        pair = " ".join(words[index : index + 2])
        following = words[index + 1] if index + 1 < len(words) else ""
        glued = _GLUED.match(current)
        if current == "level" and following in words_in.codes:
            code, code_level = pair, code_level or words_in.codes[following]
            index += 2
            continue
        # "II" or "2" is a level code only last, after a title ("Engineer 2", not "2nd shift")
        last = index == len(words) - 1 and index > 0
        if current in words_in.codes and (last or _CODE.match(current)):
            code, code_level = current, code_level or words_in.codes[current]
            index += 1
            continue
        if glued and glued[1] in words_in.short and glued[2] in words_in.codes:
            kept.append(glued[1])
            code, code_level = current, code_level or words_in.codes[glued[2]]
            index += 1
            continue
        found = pair if following and pair in words_in.seniority else current
        if found in words_in.seniority and len(words) > found.count(" ") + 1:
            said, strong = words_in.seniority[found]
            if strong or weak:
                word, word_level = word or found, word_level or said
                index += found.count(" ") + 1
                continue
        kept.append(current)
        index += 1
    level = code_level or word_level
    return kept, level, (code if code_level else word)


def _without_noise(words: list[str], noise: frozenset[str]) -> tuple[list[str], list[str]]:
    kept: list[str] = []
    dropped: list[str] = []
    index = 0
    while index < len(words):
        pair = " ".join(words[index : index + 2])
        if index + 1 < len(words) and pair in noise:
            dropped.append(pair)
            index += 2
        elif words[index] in noise and len(words) > 1:
            dropped.append(words[index])
            index += 1
        else:
            kept.append(words[index])
            index += 1
    if not kept and dropped:  # "LPN 2nd shift": the credential is the title
        kept = dropped[0].split()
        dropped = dropped[1:]
    return kept, dropped


def _expanded(words: list[str], short: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
    """The cores a title's words spell once short forms are written out."""
    cores = [""]
    index = 0
    while index < len(words):
        pair = " ".join(words[index : index + 2])
        form = pair if index + 1 < len(words) and pair in short else words[index]
        means = short.get(form, (form,))
        cores = [f"{core} {meaning}".strip() for core in cores for meaning in means]
        index += form.count(" ") + 1
    return tuple(dict.fromkeys(normalise(_deduplicated(core)) for core in cores if core))


def _spliced(words: list[str], short: dict[str, tuple[str, ...]]) -> list[str]:
    """The words with each short form of one meaning written out ("apm" -> "associate product
    manager"), so that level words in it count; one of two meanings waits for _expanded."""
    out: list[str] = []
    for word in words:
        means = short.get(word)
        out.extend(means[0].split() if means and len(means) == 1 else [word])
    return out


def only_level(text: str, words_in: Words, weak: bool = True) -> bool:
    """Whether `text` is nothing but level words and codes ("Senior", "L5", "Level 3"); with
    `weak` False, words like "Principal" that are titles too do not count."""
    words = _words(text)
    kept, level, _ = _level(["x", *words], words_in, weak=weak)
    return bool(words) and level is not None and kept == ["x"]


def _deduplicated(text: str) -> str:
    """ "class a truck truck driver" -> "class a truck driver" (a form written out before
    the word it already holds)."""
    words = text.split()
    return " ".join(
        word for index, word in enumerate(words) if not index or word != words[index - 1]
    )


def level_of(text: str, words_in: Words) -> tuple[str | None, str | None]:
    """The level a known title's strong level words or codes set ("Senior Accountant")."""
    head, qualifiers = _split(text)
    _, level, word = _level(_words(" ".join([head, *qualifiers])), words_in, weak=False)
    return level, word


def readings(text: str, words_in: Words) -> list[Reading]:
    """The ways to read `text`, most faithful first: without qualifiers, strong level words
    and codes; then without weak level words too; each also with a one-word head put after
    its qualifier ("Manager, Software Engineering" -> "software engineering manager") and
    "X of Y" as "Y X" ("Director of Engineering" -> "engineering director")."""
    head, qualifiers = _split(text)
    extra = [word for part in qualifiers for word in _words(part)]
    # a one-word head is the occupation only when what was set aside is noise or in
    # parentheses: "Director, Product Management" is not any director
    telling = [part for part in _QUALIFIER.split(_BRACKETS.sub(" ", text))[1:] if part.strip()]
    bare_head_ok = all(
        _without_noise(_level(["x", *_words(part)], words_in, weak=False)[0], words_in.noise)[0]
        == ["x"]
        for part in telling
    )
    found: list[Reading] = []
    for weak in (False, True):
        words, level, word = _level(_words(head), words_in, weak)
        words, dropped = _without_noise(words, words_in.noise)
        words, inner, inner_word = _level(_spliced(words, words_in.short), words_in, weak)
        level, word = (level, word) if level else (inner, inner_word)
        _, extra_level, extra_word = _level(["x", *extra], words_in, weak=False)
        if level is None and extra_level is not None:
            level, word = extra_level, extra_word
        if not words:
            continue
        cores = _expanded(words, words_in.short)
        set_aside = (*qualifiers, *dropped)
        if len(words) == 1 and qualifiers:
            first = _level(_spliced(_words(qualifiers[0]), words_in.short), words_in, weak)[0]
            first, _ = _without_noise(first, words_in.noise)
            if first:
                turned = _expanded([*first, *words], words_in.short)
                found.append(Reading(turned, level, word, (*qualifiers[1:], *dropped)))
            if not bare_head_ok:
                continue
        found.append(Reading(cores, level, word, set_aside))
        swapped = tuple(_ORDER.sub(r"\2 \1", core) for core in cores if _ORDER.match(core))
        if swapped:
            found.append(Reading(swapped, level, word, set_aside))
    unique: dict[tuple[str, ...], Reading] = {}
    for reading in found:
        unique.setdefault(reading.cores, reading)
    return list(unique.values())
