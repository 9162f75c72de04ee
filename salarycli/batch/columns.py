"""Which input columns hold the question: a header as HR systems export it.

A column is found by its name in any case, with "_" and "-" as spaces: role (or job title,
title, position, occupation, job), years (or years of experience, experience, yoe), level (or
seniority), location (or city, work location, zip, zip code, place) and country. The first name
in each list wins where several are present; `--role-column NAME` (and --years-column,
--location-column) names one outright.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from salarycli.errors import BadInput

SYNONYMS = {
    "role": ("role", "job title", "title", "position", "occupation", "job"),
    "years": ("years", "years of experience", "experience", "yoe", "years experience"),
    "level": ("level", "seniority"),
    "location": ("location", "city", "work location", "zip", "zip code", "place"),
    "country": ("country",),
}
ROLE_NAMES = "role, job title, title, position, occupation or job"


def plain(name: str) -> str:
    """A column name as compared: case folded, "_" and "-" as spaces, spaces collapsed."""
    return " ".join(name.casefold().replace("_", " ").replace("-", " ").split())


def question_keys(keys: Sequence[str], chosen: Mapping[str, str | None]) -> dict[str, str]:
    """A jsonl record's keys for each question field it has (as question_columns finds
    columns); a record without a role key is its own error, not the whole input's."""
    plains = {plain(key): key for key in reversed(keys)}  # the first of equal names wins
    found: dict[str, str] = {}
    for field, synonyms in SYNONYMS.items():
        wanted = chosen.get(field)
        for name in (plain(wanted),) if wanted is not None else synonyms:
            if name in plains and plains[name] not in found.values():
                found[field] = plains[name]
                break
    return found


def question_columns(names: Sequence[str], chosen: Mapping[str, str | None]) -> dict[str, int]:
    """Each question field's column position in `names` (the header), for the fields found;
    `chosen` names columns outright (field -> column name, from the --*-column options).
    BadInput when a chosen column is missing or no column holds the role."""
    plains = [plain(name) for name in names]
    found: dict[str, int] = {}
    for field, synonyms in SYNONYMS.items():
        wanted = chosen.get(field)
        if wanted is not None:
            if plain(wanted) not in plains:
                raise BadInput(f"no column named {wanted!r} (its columns: {_listed(names)})")
            found[field] = plains.index(plain(wanted))
            continue
        for synonym in synonyms:
            if synonym in plains and plains.index(synonym) not in found.values():
                found[field] = plains.index(synonym)
                break
    if "role" not in found:
        raise BadInput(
            f"the input has no role column ({ROLE_NAMES}; or name it with --role-column) "
            f"(its columns: {_listed(names)})"
        )
    return found


def _listed(names: Sequence[str]) -> str:
    shown = [name if name.isprintable() else repr(name) for name in names[:20]]
    more = f" and {len(names) - 20} more" if len(names) > 20 else ""
    return ", ".join(shown) + more
