"""What a figure is worth to the person paid it: --real (national-average dollars, BEA's price
levels) and --net (take-home pay, the tax extra), added to a command's view. Imported only when
either option is given."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from salarycli.core.records import Place
from salarycli.present.prices import ranked_by, real_dollars
from salarycli.present.takehome import with_take_home
from salarycli.present.views import Shown
from salarycli.session import Session


def worth(
    session: Session,
    shown: Shown,
    places: Sequence[Place],
    real: bool,
    net: bool,
    filing: str,
    rank: bool = False,
    state: str | None = None,
    salaried: Callable[[dict[str, Any]], bool] | None = None,
) -> Shown:
    """`shown` (records in order, each for the place of `places` at its index) with what each
    salary buys (`real`) and leaves after taxes (`net`); `rank`: a comparison, sorted by the
    last of these."""
    parities = [session.parity(place) for place in places] if real else None
    if parities is not None:
        shown = real_dollars(shown, parities)
    if net:
        from salarycli.core.takehome import filing_status

        filing = filing_status(filing)
        taxed = [
            session.take_home(record.get("salary"), place, filing, resident=state)
            if salaried is None or salaried(record)
            else (None, None)  # a row that is no salary paid there (market's past releases)
            for record, place in zip(shown[0], places, strict=True)
        ]
        shown = with_take_home(shown, taxed, filing, parities)
    if rank and not shown[1].pivot:
        field = ("real_take_home" if real else "take_home") if net else "real_salary"
        shown = ranked_by(shown, field)
    return shown


def relocate_net(session: Session, shown: Shown, ends: Sequence[Place], filing: str) -> Shown:
    """A relocation (with its price levels) after tax: the take-home where the salary is paid,
    and the salary at the destination whose take-home buys the same there (found by bisection:
    take-home grows with the salary)."""
    from salarycli.core.prices import same_buying_power
    from salarycli.core.takehome import CHECKED, filing_status
    from salarycli.present.table import Column
    from salarycli.present.takehome import breakdown, net_note

    filing = filing_status(filing)
    records, view = shown
    record = records[0]
    start, end = ends
    here, why = session.take_home(record["salary"], start, filing)
    session.take_home(CHECKED[0], end, filing)  # no state to tax in there: BadInput now
    record["from_take_home"] = here.take_home if here else None
    record["same_prices_net_salary"] = None
    notes = [*view.notes, net_note(filing)]
    if here is not None and here.take_home is not None:
        notes.append("where paid: " + breakdown(here))
    parities = (session.parity(start), session.parity(end))
    if here is None or here.take_home is None:
        notes.append(why or "no take-home where the salary is paid")
    elif parities[0] is None or parities[1] is None:
        notes.append("same buying power after tax: no figure without both price levels")
    else:
        wanted = same_buying_power(here.take_home, parities[0], parities[1])
        found, reason = _salary_leaving(session, wanted, end, filing)
        record["same_prices_net_salary"] = found
        notes.append(
            reason
            or f"same buying power after tax: a salary of {found:,} there leaves at least "
            f"{wanted:,}, which buys what {here.take_home:,} buys where paid"
        )
    column = Column("same_prices_net_salary", "Same buying power after tax", "money")
    return records, view._replace(columns=[*view.columns, column], notes=notes)


def _salary_leaving(
    session: Session, wanted: int, place: Place, filing: str
) -> tuple[int | None, str | None]:
    """The least salary at `place`, in whole dollars, whose take-home is at least `wanted`."""
    from salarycli.core.takehome import CHECKED

    def left(gross: int) -> int | None:
        found, _ = session.take_home(gross, place, filing)
        return found.take_home if found else None

    low, high = CHECKED
    top = left(high)
    if top is None:
        return None, "same buying power after tax: " + (
            session.take_home(high, place, filing)[1] or "no take-home there"
        )
    if top < wanted:
        return (
            None,
            f"same buying power after tax: more than {high:,} there, past the checked wages",
        )
    first = left(low)
    if first is not None and first >= wanted:
        return (
            None,
            f"same buying power after tax: less than {low:,} there, below the checked wages",
        )
    while high - low > 1:
        middle = (low + high) // 2
        value = left(middle)
        if value is not None and value >= wanted:
            high = middle
        else:
            low = middle
    return high, None
