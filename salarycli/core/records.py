"""The plain records salarycli computes with: levels, roles, wages, places, markets, estimates.

These are plain slotted records (core/record.py), not pydantic models, on purpose: every
estimate builds them, and importing pydantic costs more than the whole estimate (see
benchmarks/RESULTS.md). The pydantic schema (sources/schema.py) validates the same fields
wherever data enters salarycli. They are treated as immutable but not declared frozen: a frozen
record takes several times as long to build, and every run builds over 1,400 of them.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from salarycli.core.exact import Fraction
from salarycli.core.record import field, record


def years_phrase(years: float) -> str:
    """Years of experience as words: "1 year", "4 years", "2.5 years"."""
    return f"{years:g} year" + ("" if years == 1 else "s")


@record
class Level:
    """One rung of the experience ladder: completed years min_years..max_years (None: open)."""

    level: str
    min_years: int
    max_years: int | None
    multiplier: Decimal
    # the percentile rank of an occupation's own wage distribution the level sits at
    # (core/ladder_fit.py); None: the flat multiplier applies (a user's ladder)
    percentile: int | None = None
    # the ranks the level spans: from halfway to the level below to halfway to the one above
    # (the 10th and 90th at the ends); set from the ladder's percentiles (core/ladder_fit.py)
    span: tuple[float, float] | None = None

    @property
    def years_label(self) -> str:
        """The seed's way of writing the range: "0-2", "20+"."""
        if self.max_years is None:
            return f"{self.min_years}+"
        return f"{self.min_years}-{self.max_years}"


@record
class Source:
    """Where figures come from; `label` is what an estimate's `source` field shows."""

    id: str
    label: str
    publisher: str
    title: str
    release: str | None = None
    published: str | None = None
    retrieved: str | None = None
    url: str | None = None
    via: str | None = None
    license: str | None = None
    notes: str | None = None
    checksums: dict[str, str] = field(default_factory=dict)


HOURS_A_YEAR = 2_080  # BLS: annual wages are hourly wages x 2,080 hours (footnote 2)
CENT = Decimal("0.01")


def hourly_of(annual: int) -> Decimal:
    """An annual wage / 2,080 hours, to the cent (half up): BLS's own hourly figure for 88% of
    the cells of OEWS May 2025; the build keeps the others (scripts/build_data.py)."""
    return (Decimal(annual) / HOURS_A_YEAR).quantize(CENT, ROUND_HALF_UP)


@record(unsafe_hash=True)
class Wages:
    """One occupation's published annual figures in one place (None: not published), and
    BLS's hourly figures (mean, p10, p25, p50, p75, p90) where it publishes them."""

    employment: int | None
    annual_mean: int | None
    p10: int | None
    p25: int | None
    p50: int | None
    p75: int | None
    p90: int | None
    # the figures BLS publishes only as "equal to or greater than" `at_least` (top-coded:
    # $239,200 a year in OEWS May 2025); each is None above, and a lower bound, not a gap
    top_coded: tuple[str, ...] = ()
    at_least: int | None = None
    # BLS's hourly figures as the build writes them (data/README.md, "The hourly column"):
    # read by `by_hour` only when asked for, since every run loads 831 roles
    hourly: str = ""

    @property
    def by_hour(self) -> tuple[Decimal | None, ...]:
        """BLS's hourly mean, p10, p25, p50, p75 and p90: from the annual ones and the build's
        exceptions (an empty entry is the annual figure / 2,080 to the cent, "-" none, else
        the figure itself)."""
        annual = (self.annual_mean, self.p10, self.p25, self.p50, self.p75, self.p90)
        entries = self.hourly.split(";") if self.hourly else [""] * len(annual)
        return tuple(
            (hourly_of(year) if year is not None else None)
            if not entry
            else (None if entry == "-" else Decimal(entry))
            for year, entry in zip(annual, entries, strict=True)
        )

    @property
    def floored(self) -> bool:
        """Whether the mean, or every wage (the 10th percentile up), is at least `at_least`:
        then no figure below it describes this place."""
        return "annual_mean" in self.top_coded or "p10" in self.top_coded

    @property
    def percentiles(self) -> tuple[tuple[int, int], ...]:
        """The published (percentile, wage) points, lowest first."""
        points = ((10, self.p10), (25, self.p25), (50, self.p50), (75, self.p75), (90, self.p90))
        return tuple((rank, wage) for rank, wage in points if wage is not None)

    @property
    def any_percentile(self) -> bool:
        return any(wage is not None for _, wage in self.percentiles)


@record(unsafe_hash=True)
class Role:
    """A role salarycli can estimate.

    `role` is the name shown (the seed's name for featured roles, else the BLS title), `title`
    the official SOC title. `wages` are the role's own national figures (BLS OEWS, or a user's
    bands), None when it has none. `base_salary` is what the level multipliers scale; `source`
    is the label of its Source.
    """

    role: str
    soc: str | None
    title: str
    group: str | None
    base_salary: int | None
    currency: str
    source: str
    featured: bool = False
    reference_soc: str | None = None
    wages: Wages | None = None
    missing_reason: str | None = None
    # its levels sit at percentile ranks of its own wage distribution (the bundled OEWS
    # occupations); False: base salary x the level's multiplier (the seed's role, user data)
    ranked: bool = False


@record(unsafe_hash=True)
class Place:
    """Somewhere an estimate can be for: the US as a whole, a state, a metro area, a city, ZIP
    code or county (`within` its metro area), or a country.

    `code` is the BLS area code (states, metros), the ISO code (countries) or "US". A metro's
    `state_code` is the FIPS code of the state BLS files it under (its fallback); `cities` and
    `states` are the principal cities and USPS codes its name lists. `average_wage` is a
    country's OECD average annual wage (USD at PPP); None elsewhere.
    """

    code: str
    name: str
    kind: str  # national | state | metro | city | zip | county | country
    state_code: str | None = None
    usps: str | None = None
    cities: tuple[str, ...] = ()
    states: tuple[str, ...] = ()
    average_wage: int | None = None
    offset: int = 0  # where the area's rows start in its oews_<kind>.csv, and their length
    length: int = 0
    # a city, ZIP code or county found in data/us_places.csv (`located`) has no figures of its
    # own: those of the OEWS metro area it lies in (`within`; None outside every metro), else
    # its state's. `note` says what was decided to find a place ("Portland" is Portland, OR)
    located: bool = False
    within: Place | None = None
    note: str | None = None
    # a metro area asked for by one of its principal cities ("Philadelphia, PA"): the city's
    # name, which decides its local taxes and minimum wage (the figures stay the metro's)
    city: str | None = None


@record(unsafe_hash=True)
class MinimumWage:
    """The minimum wage an hourly equivalent may not fall below, and its source
    (data/min_wages.csv): `where` names the state, city or county it is the rate of."""

    hourly: Decimal
    where: str
    effective: str  # the date it took effect (ISO)
    source: str
    url: str


@record
class Market:
    """The place an estimate is for, and the figures it rests on.

    `basis` says whose figures were used: the metro itself, its state or the nation when BLS
    published none for the occupation in the smaller area, or a country's OECD average.
    `factor` = the basis area's mean for the occupation / its national mean (countries: the
    country's average wage / the United States'). `wages` is the basis area's distribution.
    """

    place: Place
    basis: str  # metro | state | national | country
    basis_name: str
    factor: Fraction
    wages: Wages | None
    market_soc: str | None
    source: str  # the label of the source of the factor and the distribution
    note: str | None = None
    # the asked place's own published figures when they were not used (a fallback): BLS may
    # publish an area's employment for an occupation without its wages
    own: Wages | None = None
    # the factor rests on a top-coded wage: every figure built on it is a lower bound
    lower_bound: bool = False
    # BLS publishes only hourly wages for the occupation (its footnote 4): the factor is of
    # hourly means, and there is no yearly figure to estimate from
    hourly: bool = False
    # how sure BLS is of the basis area's figures for the occupation (high, medium, low:
    # sources.bundled.confidence); None where it gives no relative standard error
    confidence: str | None = None
    # the minimum wage where the market is (sources.min_wages): no level below its yearly
    # equivalent; None abroad
    floor: MinimumWage | None = None


@record
class Dataset:
    """Everything one estimate needs: the roles, the level ladder and the sources by id.
    `aliases` are the (alias, role) pairs of a user's data; the bundled ones are read by
    sources.bundled only when a name is not a role's own."""

    roles: tuple[Role, ...]
    levels: tuple[Level, ...]
    sources: dict[str, Source]
    aliases: tuple[tuple[str, str], ...] = ()


@record
class Estimate:
    """One salary estimate: base_salary x multiplier, rounded once, half up."""

    role: str
    soc: str | None
    level: str
    years: float | None
    multiplier: Decimal
    base_salary: int
    salary: int | None  # None: only a lower bound is known, `at_least` (BLS top-coding)
    currency: str
    source: str
    level_years: str  # the level's range of years, as the seed writes it: "3-5"
    location: str = "United States"
    location_type: str = "national"
    location_basis: str = "national"
    location_factor: float = 1.0
    p25: int | None = None  # the market's 25th-75th percentile range there, where published
    p75: int | None = None
    market_soc: str | None = None  # whose distribution p25 and p75 are (a reference occupation)
    note: str | None = None
    matched_by: str = "exact"  # how the role was found: soc, exact, alias, title, parsed, fuzzy
    query: str | None = None  # what was typed for the role
    # the other occupations the title is a title of: role, soc and base_salary each
    alternatives: list[dict[str, object]] | None = None
    at_least: int | None = None  # where BLS publishes the wages only as a lower bound
    # where the estimate sits in its market's distribution (market_soc's, where it is for):
    # a ranked level's own percentile, else the salary's, read between the published ones;
    # None where there is no distribution or the salary is outside it
    percentile: float | None = None
    # how sure BLS is of the figures the estimate rests on, by their relative standard errors
    confidence: str | None = None
    # the level's range in its market's distribution: the wages at the ranks it spans
    level_low: int | None = None
    level_high: int | None = None


WAGE_FIELDS = ("employment", "annual_mean", "p10", "p25", "p50", "p75", "p90")
# A role as one flat row: what `data export --what roles` writes and a user's roles.csv reads.
ROLE_FIELDS = (
    "role",
    "soc",
    "title",
    "group",
    "base_salary",
    "currency",
    "source",
    "featured",
    "reference_soc",
    *WAGE_FIELDS,
)


def role_row(role: Role) -> dict[str, object]:
    """A role as one flat row of ROLE_FIELDS (its wages spread into columns)."""
    row: dict[str, object] = {name: getattr(role, name) for name in ROLE_FIELDS[:9]}
    for name in WAGE_FIELDS:
        row[name] = getattr(role.wages, name) if role.wages else None
    return row
