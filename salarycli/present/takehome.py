"""Take-home pay (`--net`): estimates, comparisons and relocations with what is left after
income taxes and payroll taxes (core.takehome), and, with --real, what that buys at
national-average prices."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from salarycli.core.prices import Parity, real
from salarycli.core.takehome import FILING_NAMES, TAX_YEAR, TakeHome
from salarycli.present.render import format_value
from salarycli.present.table import Column
from salarycli.present.views import Shown

NET_FIELDS = (
    "filing_status",
    "tax_year",
    "tax_state",
    "federal_income_tax",
    "state_income_tax",
    "social_security",
    "medicare",
    "take_home",
)
TAKE_HOME = Column("take_home", "Take-home", "money")
REAL_TAKE_HOME = Column("real_take_home", "Take-home, US-avg $", "money")
LOCAL = (
    "local income taxes (New York City, Yonkers, cities in Ohio, Pennsylvania and Michigan, "
    "counties in Maryland and Indiana, ...) are not included"
)

Taxed = tuple[TakeHome | None, str | None]  # a breakdown, or None and why


def net_note(filing: str) -> str:
    return (
        f"take-home: {TAX_YEAR} federal and state income tax, Social Security and Medicare "
        f"for one earner, {FILING_NAMES[filing]}, standard deduction, no other income "
        f"(income taxes from the tax library tenforty); {LOCAL}"
    )


def net_fields(taxed: Taxed, filing: str) -> dict[str, Any]:
    found, _ = taxed
    values: dict[str, Any] = dict.fromkeys(NET_FIELDS)
    values.update(filing_status=filing, tax_year=TAX_YEAR)
    if found is not None:
        values.update(
            tax_state=found.state,
            federal_income_tax=found.federal_income_tax,
            state_income_tax=found.state_income_tax,
            social_security=found.social_security,
            medicare=found.medicare,
            take_home=found.take_home,
        )
    return values


def with_take_home(
    shown: Shown, taxed: Sequence[Taxed], filing: str, parities: Sequence[Parity | None] | None
) -> Shown:
    """Each record (with its breakdown, in order) gains NET_FIELDS, and with `parities`
    (--real) real_take_home; the table shows take-home beside the salary (a wide table: in its
    place), and notes say how, why any is missing, and, for one record, the breakdown."""
    records, view = shown
    for index, (record, one) in enumerate(zip(records, taxed, strict=True)):
        record.update(net_fields(one, filing))
        if parities is not None:
            record["real_take_home"] = real(record["take_home"], parities[index])
    fields = [column.field for column in view.columns]
    columns = list(view.columns)
    after = "real_salary" if "real_salary" in fields else "salary"
    if after in fields:
        at = fields.index(after) + 1
        columns[at:at] = [TAKE_HOME, *([REAL_TAKE_HOME] if parities is not None else [])]
    pivot = view.pivot
    if pivot is not None:
        pivot = pivot._replace(value="real_take_home" if parities is not None else "take_home")
    notes = [*view.notes, net_note(filing)]
    notes += list(dict.fromkeys(why for _, why in taxed if why))
    if len(records) == 1 and taxed[0][0] is not None:
        notes.append(breakdown(taxed[0][0]))
    return records, view._replace(columns=columns, pivot=pivot, notes=notes)


def breakdown(found: TakeHome) -> str:
    def money(value: int | None) -> str:
        return format_value(value, "money")

    state = "n/a" if found.state_income_tax is None else money(found.state_income_tax)
    return (
        f"{money(found.gross)} - federal income tax {money(found.federal_income_tax)} - "
        f"{found.state} income tax {state} - Social Security {money(found.social_security)} - "
        f"Medicare {money(found.medicare)} = take-home {money(found.take_home)}"
    )
