"""What a title's parts say when the whole is no known title (resolve.titles, last steps).

- A qualifier refines ("Physician (Neurology)" -> Neurologists; "Assistant Professor -
  Finance" -> Business Teachers, Postsecondary): the qualifier before the head, after it, or
  its specialist word (data/title_specialties.csv: "neurology" -> "neurologist") is looked up,
  and taken only when it names an occupation of the head's own major group; otherwise the
  qualifier is set aside and never turns the title into another occupation.
- A title no reading finds is answered by its longest known part (partial): "Physical
  Therapist Lymphedema" -> "physical therapist". Of parts of the same length that name
  different occupations, the most specific (its words in the fewest titles of the index) wins
  when its words are in at most half as many titles as the next; otherwise the title is
  refused with both. A part that is a bare word ("analyst", data/title_bare_words.csv) or an
  ambiguous title never answers.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from salarycli.resolve.normal import normalise

if TYPE_CHECKING:
    from salarycli.resolve.titles import Found, RoleIndex

SPECIFIC = 2  # how many times fewer titles the chosen part's words must be in
VOTES = 3  # titles of a candidate holding a qualifier's words, for it to break a tie
SCAN = 5_000  # titles per word a vote reads, as suggestions do
# words of rank before a head word, which a subject may stand before instead
RANKS = frozenset(
    [
        "assistant",
        "associate",
        "adjunct",
        "visiting",
        "clinical",
        "full",
        "staff",
        "attending",
        "senior",
        "junior",
        "lead",
        "chief",
        "principal",
        "resident",
        "general",
    ]
)
# words that make a title the leader of what follows: "VP of Sales", "Head of Data",
# "Vice President, Business Development" lead sales, data, business development
LEADS = (
    "senior vice president",
    "executive vice president",
    "assistant vice president",
    "vice president",
    "svp",
    "evp",
    "avp",
    "vp",
    "head",
    "director",
    "managing director",
)


def quiet(index: RoleIndex, key: str, text: str) -> Found | None:
    """The role a normalised name names, or None when it names none or several: an
    ambiguous part answers nothing."""
    return index.named(key, text)


def refined(
    index: RoleIndex,
    found: Found,
    core: str,
    qualifiers: Iterable[str],
    text: str,
    alone: bool = False,
) -> tuple[Found, str] | None:
    """The occupation a qualifier picks within the head's major group, and the title read:
    its specialist ("neurology" -> "neurologist"), the qualifier before or after the whole
    title, or before the head word when the rest of the title is only rank ("Assistant
    Professor - Finance" -> "finance professor"; never "Mechanical Engineer (Hardware)" ->
    "hardware engineer"). With `alone`, the qualifier was part of the title itself, and may
    name the occupation alone ("Anesthesiologist Physician")."""
    group = (found.role.soc or found.role.reference_soc or "")[:2]
    specialties = index.words().specialties
    words = core.split()
    head = words[-1] if words else ""
    only_rank = all(word in RANKS for word in words[:-1])
    for qualifier in qualifiers:
        said = normalise(qualifier)
        if not said:
            continue
        specialist = specialties.get(said, "")
        tries = [f"{said} {core}", f"{core} {said}"]
        if only_rank:
            tries.append(f"{said} {head}")
        if specialist:
            tries = [specialist, f"{specialist} {head}", *tries]
        if alone:
            tries.append(said)
        for key in tries:
            hit = quiet(index, key, text)
            if hit is None or hit.role is found.role:
                continue
            if (hit.role.soc or hit.role.reference_soc or "")[:2] == group:
                return hit, key
    return None


def tie_break(
    index: RoleIndex, core: str, qualifiers: Iterable[str], text: str
) -> tuple[Found, str] | None:
    """An ambiguous title ("Shift Supervisor", "Manager") with a qualifier that says which:
    the qualifier joined to the title, if that is a title ("Manager - Retail" -> "retail
    manager"); else the candidate whose own titles hold the qualifier's words most often, with
    at least VOTES of them and twice the next candidate's ("Shift Supervisor - Restaurant" ->
    food service supervisors)."""
    entry = index.table().get(core)
    candidates = set(entry.others) if entry is not None and not entry.role else set()
    said = [normalise(part) for part in qualifiers if normalise(part)]
    for qualifier in said:
        for key in (f"{qualifier} {core}", f"{core} {qualifier}"):
            hit = quiet(index, key, text)
            if hit is not None:
                return hit, key
    if not candidates:
        return None
    known = index.table().words()
    votes: dict[str, int] = dict.fromkeys(candidates, 0)
    for word in {word for qualifier in said for word in qualifier.split() if len(word) > 2}:
        for at in known.get(word, ())[:SCAN]:
            role = index.table().lines[at].split(",", 2)[1]
            if role in votes:
                votes[role] += 1
    ranked = sorted(votes, key=lambda code: -votes[code])
    best = ranked[0]
    runner = votes[ranked[1]] if len(ranked) > 1 else 0
    if votes[best] >= VOTES and votes[best] >= 2 * runner:
        hit = quiet(index, best, text)
        if hit is not None:
            return hit, best
    return None


def led(
    index: RoleIndex, core: str, qualifiers: Iterable[str], text: str
) -> tuple[Found, str] | None:
    """ "VP of Sales", "Head of Data", "Vice President, Business Development": the manager of
    what is led, never the chief executive a bare "Vice President" might suggest."""
    for lead in LEADS:
        if core == lead:
            areas = [normalise(part) for part in qualifiers]
        elif core.startswith(lead + " of "):
            areas = [core[len(lead) + 4 :]]
        elif core.startswith(lead + " ") and lead != "head":
            areas = [core[len(lead) + 1 :]]
        else:
            continue
        for area in filter(None, areas):
            words = area.split()
            for start in range(len(words)):  # "americas and global marketing" ... "marketing"
                for key in (
                    f"{' '.join(words[start:])} manager",
                    f"{' '.join(words[start:])} director",
                ):
                    hit = quiet(index, key, text)
                    if hit is not None:
                        return hit, key
        return None
    return None


def leads(core: str) -> bool:
    """Whether a title names a leader ("VP", "Head of", "Director of"), whose occupation is
    what is led, never a part of the title."""
    padded = f" {core} "
    return any(f" {lead} " in padded for lead in LEADS)


def partial(index: RoleIndex, core: str, text: str) -> tuple[Found, str] | None:
    """The occupation the longest known part of `core` names, and that part; AmbiguousRole
    when parts of that length name different occupations and none is clearly more specific."""
    from salarycli.errors import AmbiguousRole
    from salarycli.resolve.title_match import priced

    words = core.split()
    if leads(core):
        return None
    if len(words) > 1:  # "Manager Software Development": the head first, as on forms
        turned = " ".join([*words[1:], words[0]])
        hit = quiet(index, turned, text)
        if hit is not None:
            return hit, turned
    for length in range(len(words) - 1, 0, -1):
        hits = []
        # a one-word part answers only as the head, the title's last word: "Model
        # Validation Manager" is no fashion model
        starts = range(len(words) - length + 1) if length > 1 else [len(words) - 1]
        for start in starts:
            part = " ".join(words[start : start + length])
            hit = quiet(index, part, text)
            if hit is not None:
                hits.append((_titles_with(index, part), hit, part))
        if not hits:
            continue
        hits.sort(key=lambda item: item[0])
        best = hits[0]
        rivals = [item for item in hits[1:] if item[1].role is not best[1].role]
        if not rivals or best[0] * SPECIFIC <= rivals[0][0]:
            return best[1], best[2]
        roles = {id(item[1].role): item[1].role for item in hits}
        raise AmbiguousRole(text, priced(roles.values()))
    return None


def _titles_with(index: RoleIndex, part: str) -> int:
    """How many titles of the index hold the part's words: fewer is more specific."""
    known = index.table().words()
    return sum(len(known.get(word, ())) for word in part.split())
