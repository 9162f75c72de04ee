"""A title's answer as the rest of salarycli sees it: the role, how it was found, the level
its words set, its alternatives, and the words --explain and every format's note use."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from salarycli.core.record import field, record
from salarycli.core.records import Role

BASES = {
    "onet": "the one occupation O*NET lists it under",
    "onet-evidence": "chosen among O*NET's occupations by the ambiguity rule",
    "curated": "a curated title O*NET lacks",
    "curated-onet": "the curated choice among O*NET's occupations",
    "curated-over-onet": "the curated choice; O*NET's weaker listing is the alternative",
    "decision": "decided by hand (data/title_decisions.csv)",
    "lca": "the occupation most employers file it under (DOL LCA filings, FY2022-FY2025)",
    "onet-lca": "chosen among O*NET's occupations by what most employers file it under",
}


@record
class Match:
    """A role found for what was typed, and how: `matched_by` is soc, exact, alias, title,
    parsed or fuzzy; `name` the name, alias or title that matched; `level` the level a word or
    code in the title set; `alternatives` the other occupations the title is listed under."""

    role: Role
    query: str
    matched_by: str
    name: str
    level: str | None = None
    word: str | None = None  # the level word or code
    alternatives: tuple[Role, ...] = ()
    basis: str | None = None  # how data/titles.csv chose the occupation
    via: str = "exact"  # how the name matched: exact, alias or title
    dropped: tuple[str, ...] = ()  # qualifiers set aside
    corrected: tuple[tuple[str, str], ...] = field(default=())  # (typed, read as) for typos
    picked: str | None = None  # the title a qualifier picked ("neurologist")

    @property
    def explanation(self) -> str:
        """One line on how the role was found, for --explain."""
        role = self.role.role
        what = {
            "exact": f"the name of {role}",
            "alias": f"{self.name!r}, a title of {role}",
            "title": f"{self.name!r}, an O*NET title of {role}",
            "soc": f"the SOC code of {role}",
        }[self.via]
        text = f"matched {self.query!r} -> {what}"
        if self.basis in BASES:
            text += f" ({BASES[self.basis]})"
        if self.corrected:
            text += "; typo corrected: " + ", ".join(f"{a!r} -> {b!r}" for a, b in self.corrected)
        if self.matched_by == "partial":
            text += "; the longest part of it that is a known title"
        if self.picked:
            text += f"; a qualifier picks the occupation ({self.picked!r})"
        if self.dropped:
            text += "; set aside: " + ", ".join(repr(part) for part in self.dropped)
        if self.level:
            text += f"; {self.word!r} sets the level: {self.level}"
        if self.alternatives:
            text += "; also listed under: " + priced(self.alternatives)
        return text

    @property
    def note(self) -> str | None:
        """What every format says of a guess: a typo correction, or other occupations."""
        notes = []
        if self.corrected:
            notes.append(f"read {self.query!r} as {self.name!r} (a typo correction)")
        if self.matched_by == "partial":
            notes.append(f"read {self.query!r} as {self.name!r}, the longest known title in it")
        if self.alternatives:
            notes.append("also a title of " + priced(self.alternatives))
        return "; ".join(notes) or None

    def alternative_records(self) -> list[dict[str, object]] | None:
        """The alternatives as machine formats write them."""
        if not self.alternatives:
            return None
        return [
            {"role": role.role, "soc": role.soc, "base_salary": role.base_salary}
            for role in self.alternatives
        ]


def unpriced(codes: Sequence[str]) -> str:
    """Why a title O*NET knows has no estimate: OEWS publishes no wages for its occupation."""
    military = all(code[:3] == "55-" for code in codes)
    return f"O*NET lists it under SOC {', '.join(codes)}, which OEWS publishes no wages for" + (
        " (it does not survey the military)" if military else ""
    )


def priced(roles: Iterable[Role]) -> str:
    """ "Statisticians (15-2041, $104,860 a year), ..." """
    shown = []
    for role in roles:
        pay = f"${role.base_salary:,} a year" if role.base_salary else "pay not published"
        shown.append(f"{role.role} ({role.soc or 'seed'}, {pay})")
    return ", ".join(shown)
