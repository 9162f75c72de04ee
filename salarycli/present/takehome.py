"""Take-home pay (`--net`, `takehome`): records with what is left after income taxes, payroll
taxes and contributions (core.takehome), and, with --real, what that buys at national-average
prices."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Any

from salarycli.core.prices import Parity, real
from salarycli.core.takehome import FILING_NAMES, TAX_YEAR, TakeHome
from salarycli.present.render import format_value
from salarycli.present.table import Column
from salarycli.present.views import Shown

TAX_FIELDS = (
    "filing_status",
    "tax_year",
    "tax_state",
    "locality",
    "pretax",
    "federal_income_tax",
    "state_income_tax",
    "local_income_tax",
    "social_security",
    "medicare",
    "state_payroll",
    "take_home",
)
TAKE_HOME = Column("take_home", "Take-home", "money")
REAL_TAKE_HOME = Column("real_take_home", "Take-home, US-avg $", "money")
# where local income taxes exist that salarycli does not compute, by state
LOCAL_GAPS = {
    "AL": "Birmingham's and other Alabama cities' occupational taxes",
    "CO": "Aurora's, Glendale's, Greenwood Village's and Sheridan's occupational privilege taxes",
    "KY": "Kentucky's occupational taxes outside Louisville and Lexington",
    "MI": "Michigan cities' income taxes outside Detroit",
    "NY": "local taxes outside New York City and Yonkers",
    "OH": "Ohio's city income taxes outside Columbus, and school district income taxes",
    "OR": "Portland Metro's and Multnomah County's income taxes and the 2025 kicker credit",
    "PA": "local earned income taxes outside Philadelphia and Pittsburgh",
}


@cache
def net_fields_all() -> tuple[str, ...]:
    """TAX_FIELDS and every state contribution's field (data/payroll_2025.csv), in order."""
    from salarycli.sources.tax_tables import load_contributions

    named = [item.field for items in load_contributions().values() for item in items]
    return (*TAX_FIELDS, *named)


def net_note(filing: str) -> str:
    return (
        f"take-home: {TAX_YEAR} federal, state and local income tax, Social Security, Medicare "
        f"and state payroll contributions for one earner, {FILING_NAMES[filing]}, standard "
        "deduction, no dependents, no other income"
    )


def gap_note(found: TakeHome | None) -> str | None:
    """What is not included where `found` was computed, and the earned income tax credit
    where it is in the federal tax."""
    if found is None:
        return None
    said = []
    if found.earned_income_credit and found.take_home is not None:
        said.append(
            f"federal income tax includes a ${found.earned_income_credit:,} earned income tax "
            "credit (a worker aged 25 to 64 with no qualifying child; state credits that follow "
            "it are in the state's tax)"
        )
    if found.state in LOCAL_GAPS and found.locality is None:
        said.append(f"not included: {LOCAL_GAPS[found.state]}")
    return "; ".join(said) or None


def net_fields(taxed: tuple[TakeHome | None, str | None], filing: str) -> dict[str, Any]:
    found, _ = taxed
    values: dict[str, Any] = dict.fromkeys(net_fields_all())
    values.update(filing_status=filing, tax_year=TAX_YEAR)
    if found is not None:
        values.update(
            tax_state=found.state,
            locality=found.locality,
            pretax=found.pretax,
            federal_income_tax=found.federal_income_tax,
            state_income_tax=found.state_income_tax,
            local_income_tax=found.local_income_tax,
            social_security=found.social_security,
            medicare=found.medicare,
            state_payroll=found.state_payroll,
            take_home=found.take_home,
        )
        for field in net_fields_all()[len(TAX_FIELDS) :]:
            values[field] = 0
        values.update(found.contributions)
    return values


def with_take_home(
    shown: Shown,
    taxed: Sequence[tuple[TakeHome | None, str | None]],
    filing: str,
    parities: Sequence[Parity | None] | None,
) -> Shown:
    """Each record (with its breakdown, in order) gains the take-home fields, and with
    `parities` (--real) real_take_home; the table shows take-home beside the salary (a wide
    table: in its place), and notes say how, what is not included, why any is missing, and,
    for one record, the breakdown."""
    records, view = shown
    for index, (record, one) in enumerate(zip(records, taxed, strict=True)):
        record.update(net_fields(one, filing))
        said = [record.get("note"), one[1], gap_note(one[0])]  # in every format's record
        record["note"] = "; ".join(dict.fromkeys(filter(None, said))) or None
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
    notes += list(dict.fromkeys(filter(None, (gap_note(found) for found, _ in taxed))))
    if len(records) == 1 and taxed[0][0] is not None:
        notes.append(breakdown(taxed[0][0]))
    return records, view._replace(columns=columns, pivot=pivot, notes=notes)


def breakdown(found: TakeHome) -> str:
    """`gross - each tax and contribution = take-home`, in dollars."""

    def money(value: int | None) -> str:
        return format_value(value, "money")

    from salarycli.sources.tax_tables import load_contributions

    names = {item.field: item.name for item in load_contributions().get(found.state, ())}
    state = "n/a" if found.state_income_tax is None else money(found.state_income_tax)
    parts = [money(found.gross)]
    if found.pretax:
        parts.append(f"pre-tax deductions {money(found.pretax)}")
    parts += [
        _owed("federal income tax", found.federal_income_tax, money),
        f"{found.state} income tax {state}"
        if found.state_income_tax is None
        else _owed(f"{found.state} income tax", found.state_income_tax, money),
    ]
    if found.local_income_tax is not None:
        parts.append(_owed(f"{found.locality} income tax", found.local_income_tax, money))
    parts += [
        f"Social Security {money(found.social_security)}",
        f"Medicare {money(found.medicare)}",
    ]
    parts += [f"{names.get(field, field)} {money(amount)}" for field, amount in found.contributions]
    return " - ".join(parts).replace(" - + ", " + ") + f" = take-home {money(found.take_home)}"


def _owed(name: str, amount: int, money: Any) -> str:
    """A tax in the breakdown, or, below zero (refundable credits), the refund it adds."""
    if amount >= 0:
        return f"{name} {money(amount)}"
    return f"+ {name.removesuffix(' income tax')} refund {money(-amount)}"


PERIODS = {"year": 1, "month": 12}  # paycheck: --paychecks (26, every other week, by default)
# the money TAX_FIELDS name, take-home aside (what --per divides)
MONEY_FIELDS = TAX_FIELDS[TAX_FIELDS.index("pretax") : TAX_FIELDS.index("take_home")]


def takehome(
    found: TakeHome | None, why: str | None, where: str, per: str, periods: int, said: str | None
) -> Shown:
    """`salarycli takehome`: one salary's breakdown, a year's or one period's (a month, a
    paycheck: each figure / periods, to the cent, take-home what is left of the pay)."""
    from decimal import ROUND_HALF_UP, Decimal

    from salarycli.present.table import View

    gross = found.gross if found is not None else None
    record: dict[str, Any] = {"salary": gross, "per": per, "periods": periods, "location": where}
    record.update(net_fields((found, why), found.filing if found else "single"))
    if found is not None and periods != 1:
        cent = Decimal("0.01")

        def part(value: int | None) -> Decimal | None:
            if value is None:
                return None
            return (Decimal(value) / periods).quantize(cent, ROUND_HALF_UP)

        money = [*MONEY_FIELDS, *net_fields_all()[len(TAX_FIELDS) :]]
        shares = {field: part(record[field]) for field in money}
        record.update(shares)
        record["salary"] = part(gross)
        if record["take_home"] is not None:
            taken = sum(
                value for field, value in shares.items() if value and field != "state_payroll"
            )
            record["take_home"] = (record["salary"] or Decimal(0)) - taken
    notes = [n for n in (said, why, gap_note(found)) if n]
    record["note"] = "; ".join(notes) or None
    names = {"year": "a year", "month": "a month", "paycheck": f"a paycheck ({periods} a year)"}
    shown = [
        Column("salary", "Pay", "money"),
        *(
            Column(field, label, "money")
            for field, label in (
                ("pretax", "Pre-tax deductions"),
                ("federal_income_tax", "Federal income tax"),
                ("state_income_tax", f"{found.state if found else 'State'} income tax"),
                (
                    "local_income_tax",
                    f"{(found.locality if found else None) or 'Local'} income tax",
                ),
                ("social_security", "Social Security"),
                ("medicare", "Medicare"),
                ("state_payroll", "State payroll contributions"),
            )
            if record[field] not in (None, 0) or field in ("federal_income_tax", "state_income_tax")
        ),
        TAKE_HOME,
    ]
    filing = FILING_NAMES[found.filing] if found else ""
    view = View(
        shown,
        title=f"Take-home of {format_value(gross, 'money')} a year in {where} ({filing}), "
        f"for {names.get(per, per)}",
        vertical=True,
        notes=[*notes, net_note(found.filing if found else "single")]
        + ([breakdown(found)] if found is not None and found.take_home is not None else []),
    )
    return [record], view
