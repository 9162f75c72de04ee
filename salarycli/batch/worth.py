"""--real and --net in a batch: the fields each answer gains (national-average dollars, BEA's
price levels; take-home pay, the tax extra), from its estimate and place."""

from __future__ import annotations

from typing import Any

from salarycli.batch.answers import More
from salarycli.core.records import Estimate, Place
from salarycli.errors import BadInput
from salarycli.session import Session


def worth(
    session: Session, net: bool, real: bool, filing: str, state: str | None = None
) -> tuple[More, tuple[str, ...]]:
    """--real and --net: each answer's price-level and take-home fields, from its estimate
    and place; a place with no state to tax in leaves the take-home fields empty, and the
    note says why."""
    from salarycli.core.prices import price_fields
    from salarycli.core.prices import real as real_of
    from salarycli.core.takehome import filing_status
    from salarycli.present.takehome import gap_note, net_fields, net_fields_all

    filing = filing_status(filing)

    fields: tuple[str, ...] = ()
    if real:
        fields += ("rpp", "rpp_area", "rpp_year", "real_salary", "real_at_least")
    if net:
        fields += (*net_fields_all(), *(("real_take_home",) if real else ()))

    def more(result: Estimate, place: Place) -> tuple[dict[str, Any], str | None]:
        found: dict[str, Any] = {}
        why = None
        parity = session.parity(place) if real else None
        if real:
            found.update(price_fields(result.salary, result.at_least, parity))
        if net:
            try:
                taxed = session.take_home(result.salary, place, filing, resident=state)
            except BadInput as problem:
                taxed = (None, problem.message)
            found.update(net_fields(taxed, filing))
            why = "; ".join(filter(None, (taxed[1], gap_note(taxed[0])))) or None
            if real:
                found["real_take_home"] = real_of(found["take_home"], parity)
        return found, why

    return more, fields
