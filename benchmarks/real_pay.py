"""The number against real pay: how far estimates fall from offers nobody here wrote.

    python benchmarks/real_pay.py [--fit-only]

Offers are DOL LCA filings (../shared/data/lca/): the offered base pay ("wage rate of pay
from"), the worksite, the employer's SOC code and the DOL prevailing-wage level I-IV.
- **Fit** on fiscal years 2020 and 2023 (FY2020 Q1 first 5,000 rows, a 10,000-row sample of
  FY2020 Q2, the FY2023 H-1B1 filings): each offer aged to May 2025 by the BLS Employment
  Cost Index (total compensation, civilian), and its position within its area's OEWS May 2025
  distribution for its occupation. For each DOL level the percentile rank that places the
  level's offers best (the least median absolute percentage error) is the level's rank;
  Veteran, which DOL has no level for, is as far above Senior as Senior is above Experienced,
  within the 90th percentile. These are the ranks salarycli's ladder uses (data/levels.csv,
  `percentile`; salarycli/core/ladder_fit.py).
- **Measure** on fiscal year 2025 (58,950 filings of data roles, decided Oct 2024 - Sep 2025):
  offers are not aged (May 2025 is inside FY2025).

Each offer is compared with:
- the naive baseline: the OEWS May 2025 national median of the employer's occupation;
- the flat ladder salarycli used before issue #24: the area mean x 0.75 / 0.90 / 1.00 / 1.10;
- the ladder from the occupation's own local distribution at the fitted ranks.
The level is the filing's DOL level (I Entry, II Mid, III Experienced, IV Senior), or, "with no
level", Experienced. Reported: median absolute percentage error, share within +-10% and +-20%,
and median signed error (estimate / offer - 1), overall and by major occupation group.
"""

from __future__ import annotations

import argparse
import csv
import statistics
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from fractions import Fraction
from pathlib import Path

from salarycli.core.ladder_fit import quantile
from salarycli.core.records import Market, Wages
from salarycli.errors import SalarycliError
from salarycli.session import Session

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent.parent / "shared" / "data"
FIT = [
    "lca_fy2020q1_first5000_cpworkacc.csv",
    "lca_fy2020q2_no_titles_sharsulkar.csv",
    "lca_fy2023_h1b1_singapore_koonweee.csv",
]
MEASURE = ["lca_fy2025_data_roles_saisuhasearla.csv"]
# every occupation, but no DOL level and no decision date: FY2024 Q1 (decided Oct-Dec 2023)
ALL_OCCUPATIONS = "lca_fy2024q1_certified_fulltime_maxghenis.csv"
FY2024_Q1 = date(2023, 12, 1)
UNITS = {"Year": 1, "Hour": 2080, "Week": 52, "Bi-Weekly": 26, "Month": 12}
LEVELS = {"I": "Entry Level", "II": "Mid Level", "III": "Experienced", "IV": "Senior"}
FLAT = {"Entry Level": Fraction(3, 4), "Mid Level": Fraction(9, 10), "Experienced": Fraction(1)}
FLAT["Senior"] = Fraction(11, 10)
OEWS_MONTH = date(2025, 6, 1)  # the ECI quarter holding May 2025


@dataclass
class Offer:
    pay: float  # a year's offered base pay, in May 2025 dollars
    level: str  # Entry Level ... Senior
    group: str  # the major occupation group, "15"
    local: Wages  # the area's distribution for the occupation
    area_mean: int
    national_median: int
    soc: str = ""
    where: str = ""


def eci() -> dict[date, float]:
    path = SHARED / "eci" / "eci-total-compensation-civilian.csv"
    with path.open(encoding="utf-8") as stream:
        return {
            date.fromisoformat(row["date"]): float(row["eci"]) for row in csv.DictReader(stream)
        }


def quarter(day: date) -> date:
    """The ECI quarter a day falls in (its date is the quarter's last month, first day)."""
    month = (day.month - 1) // 3 * 3 + 3
    return date(day.year, month, 1)


def crosswalk() -> dict[str, str]:
    """SOC 2010 codes that map to one SOC 2018 code (benchmarks/soc_2010_2018.csv)."""
    with (HERE / "soc_2010_2018.csv").open(encoding="utf-8", newline="") as stream:
        return {row["old"]: row["new"] for row in csv.DictReader(stream) if ";" not in row["new"]}


def offers(names: Iterable[str], session: Session, age: bool, levelled: bool = True) -> list[Offer]:
    """Full-time certified offers with a level (unless `levelled` is False: then every one is
    Experienced), an occupation salarycli prices and a place it resolves, a year's pay between
    $15,000 and $1,000,000."""
    index = eci()
    old = crosswalk()
    roles = {role.soc: role for role in session.data.roles if role.soc}
    places: dict[str, object] = {}
    found = []
    for name in names:
        with (SHARED / "lca" / name).open(encoding="utf-8", newline="") as stream:
            for row in csv.DictReader(stream):
                if levelled and row["PW_WAGE_LEVEL"] not in LEVELS:
                    continue
                if row["FULL_TIME_POSITION"] == "N":
                    continue
                if row["CASE_STATUS"] not in ("", "CERTIFIED", "CERTIFIED-WITHDRAWN"):
                    continue
                unit = UNITS.get(row["WAGE_UNIT_OF_PAY"])
                if unit is None or not row["WAGE_RATE_OF_PAY_FROM"]:
                    continue
                pay = float(row["WAGE_RATE_OF_PAY_FROM"]) * unit
                if not 15_000 <= pay <= 1_000_000:
                    continue
                code = row["SOC_CODE"][:7]
                code = code if row["SOC_2018_VALID"] == "Y" else old.get(code, "")
                role = roles.get(code) or roles.get(code[:6] + "0")
                if role is None:
                    continue
                where = row["WORKSITE_POSTAL_CODE"][:5] or (
                    f"{row['WORKSITE_CITY']}, {row['WORKSITE_STATE']}"
                    if row["WORKSITE_CITY"]
                    else row["WORKSITE_STATE"]
                )
                if where not in places:
                    try:
                        places[where] = session.place(where, None)
                    except SalarycliError:
                        places[where] = None
                place = places[where]
                if place is None:
                    continue
                try:
                    market: Market = session.market(role, place)  # type: ignore[arg-type]
                except SalarycliError:
                    continue
                local, national = market.wages, role.wages
                if local is None or national is None or national.p50 is None:
                    continue
                if local.top_coded or local.annual_mean is None or None in _ranks(local):
                    continue
                if age:
                    decided = (
                        quarter(date.fromisoformat(row["DECISION_DATE"]))
                        if row["DECISION_DATE"]
                        else FY2024_Q1
                    )
                    pay *= index[OEWS_MONTH] / index[decided]
                found.append(
                    Offer(
                        pay,
                        LEVELS[row["PW_WAGE_LEVEL"]] if levelled else "Experienced",
                        code[:2],
                        local,
                        local.annual_mean,
                        national.p50,
                        role.soc or "",
                        where,
                    )
                )
    return found


def _ranks(wages: Wages) -> tuple[int | None, ...]:
    return (wages.p10, wages.p25, wages.p50, wages.p75, wages.p90)


def error(estimate: float | Fraction, offer: Offer) -> float:
    return float(estimate) / offer.pay - 1


def summary(errors: list[float]) -> str:
    if not errors:
        return "no offers"
    absolute = [abs(value) for value in errors]
    within = [sum(value <= limit for value in absolute) / len(errors) for limit in (0.10, 0.20)]
    return (
        f"{len(errors):>6,}  median |error| {statistics.median(absolute):6.1%}  "
        f"within 10% {within[0]:6.1%}  within 20% {within[1]:6.1%}  "
        f"median signed {statistics.median(errors):+6.1%}"
    )


def fit(training: list[Offer]) -> dict[str, int]:
    """The percentile rank per level that places its offers best."""
    ranks = {}
    for level in ("Entry Level", "Mid Level", "Experienced", "Senior"):
        chosen = [offer for offer in training if offer.level == level]
        best = min(
            range(10, 91),
            key=lambda rank: statistics.median(
                abs(error(quantile(offer.local, rank), offer)) for offer in chosen
            ),
        )
        ranks[level] = best
        print(f"  {level:<12} {len(chosen):>6,} offers: rank {best}")
    return ranks


def report(
    label: str, rows: list[Offer], estimate: Callable[[Offer], float | Fraction], by_group: bool
) -> None:
    print(f"  {label:<44} {summary([error(estimate(offer), offer) for offer in rows])}")
    if by_group:
        groups: dict[str, list[Offer]] = defaultdict(list)
        for offer in rows:
            groups[offer.group].append(offer)
        for group, members in sorted(groups.items(), key=lambda item: -len(item[1])):
            errors = [error(estimate(offer), offer) for offer in members]
            print(f"      major group {group}-xxxx {summary(errors)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fit-only", action="store_true")
    options = parser.parse_args()
    session = Session()
    training = offers(FIT, session, age=True)
    print(f"fit: {len(training):,} offers of FY2020 and FY2023, aged to May 2025 by the ECI")
    ranks = fit(training)
    veteran = min(90, ranks["Senior"] + ranks["Senior"] - ranks["Experienced"])
    print(f"  {'Veteran':<12} (no DOL level): rank {veteran}")
    if options.fit_only:
        return
    in_use = {level.level: level.percentile or 0 for level in session.data.levels}
    held = offers(MEASURE, session, age=False)
    print(f"\nmeasured on {len(held):,} FY2025 offers (held out)")
    print(f"ranks in use (data/levels.csv): {in_use}")
    answers: dict[tuple[str, str, str], float] = {}

    def salarycli(offer: Offer, level: str | None = None) -> float:
        """salarycli's own estimate for the employer's occupation, at the worksite."""
        key = (offer.soc, offer.where, level or offer.level)
        if key not in answers:
            found = session.estimate(offer.soc, level=key[2], location=offer.where)
            answers[key] = float(found.salary or found.at_least or 0)
        return answers[key]

    print("with the filing's level:")
    report("naive: national median of the occupation", held, lambda o: o.national_median, True)
    report(
        "before: area mean x the flat ladder", held, lambda o: o.area_mean * FLAT[o.level], False
    )
    report("now: salarycli estimate SOC -l LEVEL -L WORKSITE", held, salarycli, True)
    report(
        "the ranks fitted in this run",
        held,
        lambda o: quantile(o.local, ranks[o.level]),
        False,
    )
    print("with no level (Experienced):")
    report("naive: national median of the occupation", held, lambda o: o.national_median, False)
    report("before: the area mean", held, lambda o: o.area_mean, False)
    report("now: salarycli at Experienced", held, lambda o: salarycli(o, "Experienced"), False)
    every = offers([ALL_OCCUPATIONS], session, age=True, levelled=False)
    print(
        f"\nevery occupation, no level: {len(every):,} FY2024 Q1 offers (held out), aged to May "
        "2025 by the ECI"
    )
    report("naive: national median of the occupation", every, lambda o: o.national_median, True)
    report("before: the area mean", every, lambda o: o.area_mean, False)
    report("now: salarycli at Experienced", every, lambda o: salarycli(o, "Experienced"), True)


if __name__ == "__main__":
    main()
