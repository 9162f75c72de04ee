"""The bundled dataset: valid by the pydantic schema, complete, and true to its sources."""

from __future__ import annotations

import hashlib
from decimal import Decimal

import pytest

from salarycli.core import records
from salarycli.core.record import fields, replace
from salarycli.core.records import Dataset, Level
from salarycli.sources import schema as models
from salarycli.sources.files import data_dir

OEWS_DETAILED = 830


def test_bundled_data_is_valid(data: Dataset) -> None:
    assert models.problems(data) == []


def test_every_oews_detailed_occupation_and_the_seed_role(data: Dataset) -> None:
    assert len(data.roles) == OEWS_DETAILED + 1
    assert sum(role.soc is not None for role in data.roles) == OEWS_DETAILED
    assert len({role.group for role in data.roles}) == 22


def test_known_values(data: Dataset) -> None:
    by_soc = {role.soc: role for role in data.roles}
    civil = by_soc["17-2051"]
    assert (civil.role, civil.title) == ("Civil Engineer", "Civil Engineers")
    wages = civil.wages
    assert wages is not None
    assert (wages.annual_mean, civil.base_salary, wages.employment) == (108670, 108670, 367840)
    assert (wages.p10, wages.p25, wages.p50, wages.p75, wages.p90) == (
        68240,
        79930,
        100840,
        129680,
        163220,
    )
    assert by_soc["15-1252"].base_salary == 148100  # Software Developers
    assert by_soc["15-1252"].group == "Computer and Mathematical Occupations"


def test_unpublished_figures_stay_missing(data: Dataset) -> None:
    missing = [role for role in data.roles if role.base_salary is None]
    assert [role.title for role in missing] == [
        "Actors",
        "Dancers",
        "Musicians and Singers",
        "Disc Jockeys, Except Radio",
        "Entertainers and Performers, Sports and Related Workers, All Other",
    ]
    actors = missing[0].wages
    assert actors is not None and actors.employment == 55000
    assert (actors.p10, actors.p50, actors.p90) == (None, None, None)
    # BLS never publishes a wage of 0: every figure present is positive
    wages = [
        getattr(r.wages, f)
        for r in data.roles
        if r.wages
        for f in ("annual_mean", "p10", "p50", "p90")
    ]
    assert all(wage is None or wage > 0 for wage in wages)


def test_featured_roles_under_the_seed_names(data: Dataset) -> None:
    featured = [(role.role, role.soc, role.reference_soc) for role in data.roles if role.featured]
    assert featured == [
        ("Machine Learning Engineer", None, "15-2051"),
        ("Chemical Engineer", "17-2041", None),
        ("Civil Engineer", "17-2051", None),
        ("Electrical Engineer", "17-2071", None),
        ("Electro-Mechanical Technician", "17-3024", None),
        ("Electronics Technician", "17-3023", None),
    ]
    mle = data.roles[0]
    assert (mle.base_salary, mle.wages) == (158328, None)  # the seed gives no distribution
    assert mle.source == "cityjobs.info, Machine Learning Engineer job description"


def test_levels_are_the_seed_ladder(data: Dataset) -> None:
    assert data.levels == (
        Level("Entry Level", 0, 2, Decimal("0.75"), 20, (10.0, 25.0)),
        Level("Mid Level", 3, 5, Decimal("0.9"), 30, (25.0, 42.5)),
        Level("Experienced", 6, 10, Decimal("1"), 55, (42.5, 63.5)),
        Level("Senior", 11, 19, Decimal("1.1"), 72, (63.5, 80.5)),
        Level("Veteran", 20, None, Decimal("1.25"), 89, (80.5, 90.0)),
    )


def test_provenance(data: Dataset) -> None:
    bls = data.sources["bls-oews-2025"]
    assert bls.publisher == "U.S. Bureau of Labor Statistics"
    assert (bls.release, bls.published, bls.retrieved) == (
        "May 2025 (2025A01)",
        "2026-05-15",
        "2026-09-26",
    )
    assert bls.checksums["oews-2025.sqlite.gz"] == (
        "3966d23d97176509ecbbcac23d7db0f3fd0c4c566a8f169fcb2f8ee543e9e99c"
    )
    assert bls.checksums["oews-2025.sqlite"] == (
        "b5e75974c3165639e8f99b8432e33bfd3dd3d41c1fe3f32ac510810fea1cec52"
    )
    seed = data.sources["seed-cityjobs"]
    assert (seed.publisher, seed.published, seed.retrieved) == ("cityjobs.info", None, None)


def test_built_files_are_those_the_build_recorded(data: Dataset) -> None:
    """data/ holds exactly what scripts/build_data.py wrote: nobody edited a built table."""
    built = {
        k[5:]: v for k, v in data.sources["bls-oews-2025"].checksums.items() if k[:5] == "data/"
    }
    assert sorted(built) == [
        "oews_areas.csv",
        "oews_footnotes.csv",
        "oews_industries.csv",
        "oews_industry_wages.zlib",
        "oews_metro.csv",
        "oews_national.csv",
        "oews_occupations.csv",
        "oews_state.csv",
    ]
    for name, digest in built.items():
        assert hashlib.sha256((data_dir() / name).read_bytes()).hexdigest() == digest, name


def test_hand_written_files_match_their_recorded_checksums(data: Dataset) -> None:
    for source, name in (("oecd-2022", "oecd_average_wages.csv"), ("state-codes", "states.csv")):
        digest = hashlib.sha256((data_dir() / name).read_bytes()).hexdigest()
        assert data.sources[source].checksums[f"data/{name}"] == digest


def test_bundled_data_stays_under_its_budget() -> None:
    """15 MB until issue #12, which lets the package grow by at most 5 MB for every US city,
    ZIP code and county (us_places.csv, 2.7 MB); issue #13 by at most 4 MB for the figures by
    industry (2.1 MB) and BLS's hourly figures (1.7 MB)."""
    sizes = {path.name: path.stat().st_size for path in data_dir().iterdir()}
    assert sizes["us_places.csv"] < 3_000_000
    assert sizes["oews_industries.csv"] + sizes["oews_industry_wages.zlib"] < 2_200_000
    assert sum(sizes.values()) < 15_000_000 + 5_000_000 + 4_000_000


@pytest.mark.parametrize("model", ["Level", "Role", "Source", "Dataset", "Place", "Wages"])
def test_schema_and_records_have_the_same_fields(model: str) -> None:
    schema = getattr(models, model)
    record = getattr(records, model)
    assert list(schema.model_fields) == list(fields(record))


# The schema must catch each kind of bad data: each case breaks one thing in valid data.
def _role(data: Dataset, **changes: object) -> Dataset:
    roles = list(data.roles)
    wage_changes = {k: v for k, v in changes.items() if k in ("p10", "p25", "p50", "p75", "p90")}
    others = {k: v for k, v in changes.items() if k not in wage_changes}
    if wage_changes:
        others["wages"] = replace(roles[2].wages, **wage_changes)  # type: ignore[type-var]
    roles[2] = replace(roles[2], **others)  # type: ignore[arg-type]
    return replace(data, roles=tuple(roles))


def _levels(data: Dataset, *levels: Level) -> Dataset:
    return replace(data, levels=levels)


@pytest.mark.parametrize(
    ("breaks", "problem"),
    [
        (lambda d: _role(d, base_salary=0), "roles.2.base_salary: Input should be greater than 0"),
        (lambda d: _role(d, p90=-5), "roles.2.wages.p90: Input should be greater than 0"),
        (
            lambda d: _role(d, p25=200000),
            "roles.2.wages: percentiles decrease: p25 200000 > p50 100840",
        ),
        (
            lambda d: _role(d, base_salary=None),
            "roles.2: a role without base_salary needs a missing_reason",
        ),
        (
            lambda d: _role(d, currency="usd"),
            "roles.2.currency: String should match pattern '^[A-Z]{3}$'",
        ),
        (
            lambda d: _role(d, soc="172051"),
            "roles.2.soc: String should match pattern '^\\d{2}-\\d{4}$'",
        ),
        (lambda d: _role(d, role="chemical engineer"), "duplicate role name 'chemical engineer'"),
        (lambda d: _role(d, soc="17-2041"), "duplicate SOC code '17-2041'"),
        (
            lambda d: _role(d, source="somewhere"),
            "role 'Civil Engineer' names unknown source 'somewhere'",
        ),
        (
            lambda d: _levels(d, Level("A", 1, 4, Decimal(1)), Level("B", 5, None, Decimal(2))),
            "levels[0].min_years: levels must start at 0, not 1",
        ),
        (
            lambda d: _levels(d, Level("A", 0, 4, Decimal(1)), Level("B", 6, None, Decimal(2))),
            "levels[0].max_years: gap before 'B' of levels[1]: years 5-5 are in no level",
        ),
        (
            lambda d: _levels(d, Level("A", 0, 4, Decimal(1)), Level("B", 4, None, Decimal(2))),
            "levels[0].max_years: overlaps 'B' of levels[1], which starts at 4",
        ),
        (
            lambda d: _levels(d, Level("A", 0, None, Decimal(1)), Level("B", 4, None, Decimal(2))),
            "levels[0].max_years: empty, but 'B' of levels[1] follows it",
        ),
        (
            lambda d: _levels(d, Level("A", 0, 4, Decimal(1)), Level("B", 5, 9, Decimal(2))),
            "levels[1].max_years: the last level is open-ended: leave it empty",
        ),
        (
            lambda d: _levels(d, Level("A", 0, 4, Decimal(0)), Level("B", 5, None, Decimal(2))),
            "levels.0.multiplier: Input should be greater than 0",
        ),
        (
            lambda d: _levels(d, Level("A", 0, 4, Decimal(1)), Level("a", 5, None, Decimal(2))),
            "levels[1].level: 'a' repeats levels[0]",
        ),
        (
            lambda d: _levels(d, Level("A", 3, 2, Decimal(1))),
            "levels.0: max_years 2 is below min_years 3",
        ),
        (lambda d: _levels(d), "the level ladder is empty"),
    ],
)
def test_schema_finds_each_problem(data: Dataset, breaks, problem: str) -> None:  # type: ignore[no-untyped-def]
    assert problem in models.problems(breaks(data))
