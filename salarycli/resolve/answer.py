"""What a question resolves to, with its estimates: the records `Session.answer` returns and
the present layer draws (defined here, below both, so that present/ never imports session)."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from salarycli.core.records import Estimate, Level, Market, Place, Role
from salarycli.resolve.titles import Match

if TYPE_CHECKING:
    from salarycli.core.aging import Aging


class HourlyAnswer(NamedTuple):
    """What `estimate` shows for an occupation BLS publishes only hourly wages for: the role,
    its market, where, and the levels (with the years asked) to estimate per hour at."""

    role: Role
    market: Market
    place: Place
    levels: list[Level]
    years: float | None


class Answer(NamedTuple):
    """What `estimate` shows: the role as matched, where, its market there, and the estimates
    (one at the level asked for, or the whole ladder when no level was asked or implied)."""

    match: Match
    place: Place
    market: Market
    estimates: list[Estimate]
    whole_ladder: bool
    market_title: str | None = None  # the occupation whose distribution the market is
    aging: Aging | None = None  # the figures are aged (--aged)
    ranked: bool = False  # each level is a percentile of that distribution (core/ladder_fit.py)
