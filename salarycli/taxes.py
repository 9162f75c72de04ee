"""Income taxes for --net, from tenforty (the optional extra salarycli[tax]), imported only here.

tenforty computes the 2025 federal return and each state's (its graph of the Open Tax Solver
forms) in about 0.2 ms. Checked against PolicyEngine-US over a grid of wages and filing
statuses (benchmarks/tax_agreement.py), it disagrees for many states, by up to thousands of
dollars: a state's income tax is computed only from the wage from which the two agree to the
dollar at every point of the grid above it (data/tax_states.csv); elsewhere it, and so
take-home pay, is shown as missing, with why. Returns are remembered by (wages, state, filing).
"""

from __future__ import annotations

import csv
from decimal import Decimal
from functools import cache, lru_cache
from typing import Any

from salarycli.core.takehome import FILINGS, NO_INCOME_TAX, TAX_YEAR, IncomeTaxes
from salarycli.errors import BadInput
from salarycli.sources.files import data_dir

STATES_FILE = "tax_states.csv"
INSTALL = "pip install 'salarycli[tax]'"


@cache
def checked_states() -> dict[str, dict[str, str]]:
    """USPS code -> its row of data/tax_states.csv (computed: yes or no, and why)."""
    with (data_dir() / STATES_FILE).open(encoding="utf-8", newline="") as stream:
        return {row["state"]: row for row in csv.DictReader(stream)}


def why_not(state: str, gross: int) -> str | None:
    """Why `state`'s income tax on `gross` is not computed, or None when it is."""
    row = checked_states().get(state)
    if row is None:
        return f"salarycli computes no income tax for {state}"
    start = row["computed_from"]
    if start and gross >= int(start):
        return None
    return row["why"]


@cache
def _library() -> Any:
    try:
        import tenforty
    except ImportError:
        raise BadInput(f"--net needs the tax library: {INSTALL}") from None
    return tenforty


def require() -> None:
    """BadInput (exit 2) unless the tax library is installed."""
    _library()


@lru_cache(maxsize=1 << 16)
def income_taxes(gross: int, state: str, filing: str) -> IncomeTaxes:
    """Federal and `state` income tax on `gross` wages, for `filing` (single | married)."""
    tenforty = _library()
    computed = why_not(state, gross) is None and state not in NO_INCOME_TAX
    result = tenforty.evaluate_return(
        year=TAX_YEAR,
        state=state if computed else None,
        filing_status=FILINGS[filing],
        w2_income=gross,
        backend="graph",
    )
    state_tax: Decimal | None
    if state in NO_INCOME_TAX:
        state_tax = Decimal(0)
    elif computed:
        state_tax = _cents(result.state_total_tax)  # why_not is None: checked
    else:
        state_tax = None
    return IncomeTaxes(
        _cents(result.federal_income_tax),
        state_tax,
        _cents(result.federal_additional_medicare_tax),
    )


def _cents(value: float) -> Decimal:
    """A library figure (a float) to the cent: 449.99999999999994 is 450.00."""
    return Decimal(repr(value)).quantize(Decimal("0.01"))
