"""Figures in national-average dollars (`--real`): the view of an estimate, a ladder or a
comparison, with what each salary buys at the prices of the US as a whole (core.prices)."""

from __future__ import annotations

from collections.abc import Sequence

from salarycli.core.prices import Parity, price_fields, same_buying_power
from salarycli.present.render import format_value
from salarycli.present.table import Column
from salarycli.present.views import Shown

REAL = Column("real_salary", "US-avg $", "money")
REAL_GAP = Column("real_difference_to_top", "Difference", "signed_money")
SOURCE = "BEA Regional Price Parities"


def real_dollars(shown: Shown, parities: Sequence[Parity | None]) -> Shown:
    """Each record (with its parity, in order) gains rpp, rpp_area, rpp_year, real_salary and
    real_at_least; the table shows US-average dollars beside each salary (a wide table: in
    the salaries' place), and a note says how, for each price level used."""
    records, view = shown
    for record, parity in zip(records, parities, strict=True):
        record.update(price_fields(record.get("salary"), record.get("at_least"), parity))
    columns = list(view.columns)
    if "salary" in [column.field for column in columns]:
        at = [column.field for column in columns].index("salary")
        columns.insert(at + 1, REAL)
    pivot = view.pivot._replace(value="real_salary") if view.pivot else None
    notes = [*view.notes, *explained(records, parities, wide=pivot is not None)]
    caption = _with_prices(view.caption)
    return records, view._replace(columns=columns, pivot=pivot, notes=notes, caption=caption)


GAPS = {
    "real_salary": REAL_GAP,
    "take_home": Column("take_home_difference_to_top", "Difference", "signed_money"),
    "real_take_home": Column("real_take_home_difference_to_top", "Difference", "signed_money"),
}
SORTED = {
    "real_salary": "what each salary buys at national-average prices",
    "take_home": "take-home pay",
    "real_take_home": "what each take-home pay buys at national-average prices",
}


def ranked_by(shown: Shown, field: str) -> Shown:
    """A comparison sorted by `field` (real_salary, take_home or real_take_home), high to
    low, with each record's `rank` and its difference to the top one in that field. A record
    without the figure is not ranked: it follows the ranked ones apart, in the order asked,
    with no rank, and a note names it."""
    records, view = shown

    def worth(record: dict[str, object]) -> int | None:
        value = record.get(field)
        if value is None and field == "real_salary":
            value = record.get("real_at_least")
        return value if isinstance(value, int) else None

    ranked = sorted((r for r in records if worth(r) is not None), key=lambda r: -(worth(r) or 0))
    apart = [record for record in records if worth(record) is None]
    top = ranked[0].get(field) if ranked else None
    gap = GAPS[field]
    for place, record in enumerate([*ranked, *apart], start=1):
        value = record.get(field)
        both = isinstance(value, int) and isinstance(top, int)
        record[gap.field] = value - top if both else None  # type: ignore[operator]
        record["rank"] = place if place <= len(ranked) else None
    columns = [gap if column.field == "difference_to_top" else column for column in view.columns]
    notes = [*view.notes, f"sorted by {SORTED[field]}"]
    if apart:
        names = "; ".join(dict.fromkeys(str(r.get("location") or r.get("role")) for r in apart))
        notes.append(f"not ranked, without {SORTED[field]}: {names}")
    return [*ranked, *apart], view._replace(columns=columns, notes=notes)


def explained(
    records: Sequence[dict[str, object]], parities: Sequence[Parity | None], wide: bool
) -> list[str]:
    what = "figures" if wide else "US-avg $"
    said: dict[str, None] = {}
    for record, parity in zip(records, parities, strict=True):
        if parity is None:
            said[f"{record.get('location')}: no price level (BEA publishes none there)"] = None
            continue
        level = format_value(float(parity.all_items), "number")
        said[f"{parity.label}: prices {level} (US = 100)"] = None
    return [
        f"{what} in US-average dollars: salary x 100 / the place's price level ({SOURCE}, "
        "all items): what the salary buys at the prices of the US as a whole",
        *said,
    ]


MOVED = Column("same_prices_salary", "Same buying power at destination", "money")


def relocated(shown: Shown, start: Parity | None, end: Parity | None) -> Shown:
    """A relocation (views.relocate) with its third method: the salary that buys at the
    destination what the salary buys where it is paid (core.prices.same_buying_power)."""
    records, view = shown
    record = records[0]
    salary = record["salary"]
    both = start is not None and end is not None
    record["from_rpp"] = float(start.all_items) if start else None
    record["to_rpp"] = float(end.all_items) if end else None
    record["same_prices_salary"] = (
        same_buying_power(salary, start, end) if start is not None and end is not None else None
    )
    if both:
        assert start is not None and end is not None
        how = (
            f"same buying power: salary x {format_value(float(end.all_items), 'number')} / "
            f"{format_value(float(start.all_items), 'number')}, the price levels of "
            f"{start.label} and {end.label} ({SOURCE}, all items, US = 100)"
        )
    else:
        missing = [
            str(record[f"{side}_location"])
            for side, parity in (("from", start), ("to", end))
            if parity is None
        ]
        how = "same buying power: no figure, since BEA publishes no price level for " + " or ".join(
            missing
        )
    caption = _with_prices(view.caption)
    notes = [*view.notes, how]
    return records, view._replace(columns=[*view.columns, MOVED], notes=notes, caption=caption)


def _with_prices(caption: str | None) -> str:
    line = f"Prices: {SOURCE} (MSAs and state portions 2024, states 2023)"
    return f"{caption}\n{line}" if caption else line
