"""The machinery of a 2025 return, pure: the parameter table (data/tax_2025.csv) as
TaxTable, schedules of rates and of amounts, and the federal return for wages (Form 1040:
the IRS Tax Table below $100,000 of taxable income, the rate schedule above)."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable, Mapping
from math import floor

from salarycli.core.exact import Fraction
from salarycli.core.record import record

FILINGS = ("single", "joint", "head")


PEOPLE = {"single": 1, "joint": 2, "head": 1}  # the filer and, filing jointly, the spouse


class Schedule(tuple[tuple[Fraction, Fraction], ...]):
    """A schedule's rows, (from, rate or amount), lowest first; for a rate schedule, the tax
    at each row's start is worked out once (`bases`), so a tax is one row's arithmetic."""

    starts: list[Fraction]
    bases: list[Fraction]

    def __new__(cls, rows: Iterable[tuple[Fraction, Fraction]]) -> Schedule:
        made = super().__new__(cls, rows)
        made.starts = [start for start, _ in made]
        made.bases, total = [], Fraction(0)
        for (start, rate), end in zip(made, [*made.starts[1:], None], strict=True):
            made.bases.append(total)
            total += (end - start) * rate if end is not None else 0
        return made


TABLE_LIMIT = 100_000  # the IRS Tax Table's reach


@record
class TaxTable:
    """data/tax_2025.csv: values by (jurisdiction, item, filing) and schedules likewise;
    filing "all" stands for every status."""

    values: Mapping[tuple[str, str, str], Fraction]
    schedules: Mapping[tuple[str, str, str], Schedule]

    def value(self, where: str, item: str, filing: str) -> Fraction:
        found = self.values.get((where, item, filing))
        return found if found is not None else self.values[(where, item, "all")]

    def schedule(self, where: str, item: str, filing: str) -> Schedule:
        found = self.schedules.get((where, item, filing))
        return found if found is not None else self.schedules[(where, item, "all")]


@record
class Federal:
    """The federal return: taxable income, income tax and the additional Medicare tax."""

    taxable: Fraction
    income_tax: Fraction
    additional_medicare: Fraction


def by_schedule(amount: Fraction, schedule: Schedule) -> Fraction:
    """The tax on `amount` by a schedule of marginal rates: the tax at the start of its row
    and the row's rate on the rest."""
    at = bisect_left(schedule.starts, amount) - 1
    if at < 0:
        return Fraction(0)
    start, rate = schedule[at]
    return schedule.bases[at] + (amount - start) * rate


def amount_at(amount: Fraction, schedule: Schedule, inclusive: bool = False) -> Fraction:
    """The amount a schedule of amounts gives the row `amount` falls in: a row applies to
    amounts over its start, as most forms' tables read ("over $5,000 but not over $6,000"),
    or, `inclusive`, from its start ("$125,000 or more"); the first row to everything below
    the second's start."""
    found = schedule[0][1]
    for start, figure in schedule[1:]:
        if amount > start or (inclusive and amount == start):
            found = figure
    return found


def row_start(amount: Fraction, schedule: Schedule) -> Fraction:
    """Where the row of a rate schedule that `amount` falls in starts."""
    return max((start for start, _ in schedule if amount > start), default=Fraction(0))


def federal(table: TaxTable, agi: Fraction, wages: Fraction, filing: str) -> Federal:
    """Form 1040 for wages only: AGI less the standard deduction, taxed by the Tax Table
    below $100,000 and by the rate schedule above; Form 8959's additional Medicare tax on
    Medicare wages (`wages`, before 401(k) deferrals) over the filing status's threshold."""
    taxable = max(Fraction(0), agi - table.value("US", "standard_deduction", filing))
    schedule = table.schedule("US", "rate", filing)
    if taxable < TABLE_LIMIT:
        tax = whole_dollars(by_schedule(_table_middle(taxable), schedule))
    else:
        tax = by_schedule(taxable, schedule)
    over = wages - table.value("US", "additional_medicare_threshold", filing)
    extra = max(Fraction(0), over) * table.value("US", "additional_medicare_rate", filing)
    return Federal(taxable, tax, extra)


def whole_dollars(amount: Fraction) -> Fraction:
    """`amount` to the dollar, half up, exact (in integers: a Fraction's arithmetic is slow)."""
    return Fraction((2 * amount.numerator + amount.denominator) // (2 * amount.denominator))


def _table_middle(taxable: Fraction) -> Fraction:
    """The middle of the IRS Tax Table row `taxable` falls in ($0-5, $5-15, $15-25, then
    $25 rows to $3,000 and $50 rows to $100,000); a row starts at its lower figure."""
    if taxable < 5:
        return Fraction(0)
    if taxable < 25:
        return Fraction(10) if taxable < 15 else Fraction(20)
    width = 25 if taxable < 3000 else 50
    start = floor(taxable / width) * width
    return Fraction(start) + Fraction(width, 2)


StateRule = Callable[[TaxTable, Fraction, str, Federal, Fraction], Fraction]
