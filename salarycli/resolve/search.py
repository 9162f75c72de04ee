"""Finding roles by the start of their words: `salarycli roles --search` and suggestions."""

from __future__ import annotations

import re
from collections.abc import Sequence

from salarycli.core.records import Role
from salarycli.resolve.normal import normalise


def search_roles(roles: Sequence[Role], query: str | None, group: str | None) -> list[Role]:
    """Roles matching `query` and `group`, both optional.

    A query of digits matches SOC codes by prefix ("17-20"); otherwise every word of it must
    start a word of the role's name or title ("soft dev" finds Software Developers). `group`
    matches the major group the same way ("engineering").
    """
    found = list(roles)
    if query and query.strip():
        text = query.strip()
        if re.fullmatch(r"[\d-]+", text):
            digits = text.replace("-", "")
            found = [role for role in found if (role.soc or "").replace("-", "").startswith(digits)]
        else:
            found = [r for r in found if _words_match(text, r.role) or _words_match(text, r.title)]
    if group and group.strip():
        found = [role for role in found if _words_match(group, role.group or "")]
    return found


def _words_match(query: str, name: str) -> bool:
    """Every word of `query` starts some word of `name` (both normalised)."""
    words = normalise(name).split()
    return all(any(word.startswith(part) for word in words) for part in normalise(query).split())
