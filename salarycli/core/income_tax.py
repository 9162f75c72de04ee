"""Income tax on wages, tax year 2025, for one earner with no other income who takes the
standard deduction and claims no dependents: the federal return and the states salarycli
computes itself, from the parameters of data/tax_2025.csv (each with its official source).

Pure: a TaxTable in, exact Fractions out; the caller rounds each tax to the dollar once. A
state's rule follows its 2025 form line by line (the comments name the lines); a state this
module has no rule for gives None, and the caller decides what to do (salarycli/taxes.py).

Federal income tax below $100,000 of taxable income is read from the IRS Tax Table, as the
return does: the tax on the middle of the table's $25 (under $3,000) or $50 row, rounded to
the dollar. State taxes are computed by their rate schedules, to the cent: a state's own tax
table for lower incomes may differ from it by a dollar or two.
"""

from __future__ import annotations

from salarycli.core import state_rules, state_worksheets
from salarycli.core.exact import Fraction
from salarycli.core.state_worksheets import maryland_county, new_york_city
from salarycli.core.tax_schedules import PEOPLE, Federal, Schedule, StateRule, TaxTable, federal

__all__ = [
    "PEOPLE",
    "RULES",
    "Federal",
    "Schedule",
    "TaxTable",
    "federal",
    "maryland_county",
    "new_york_city",
    "state_income_tax",
]


def state_income_tax(
    table: TaxTable, state: str, agi: Fraction, filing: str, fed: Federal, payroll: Fraction
) -> Fraction | None:
    """`state`'s 2025 income tax on a wage earner's AGI (`payroll`: the Social Security and
    Medicare taxes withheld, which Massachusetts lets one deduct), or None where salarycli
    has no rule for the state. Negative where a refundable credit exceeds the tax (Idaho's
    grocery credit): a refund."""
    rule = RULES.get(state)
    return None if rule is None else rule(table, agi, filing, fed, payroll)


RULES: dict[str, StateRule] = {**state_rules.RULES, **state_worksheets.RULES}
