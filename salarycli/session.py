"""One session: the data in use, the name indexes built from it, and the questions they answer.

The command line builds one per run (in the Typer callback, from --data) and hands it to each
command through the click context; the library API builds one per dataset. Nothing is read until
first needed, and every cache is bounded, so a long-running library user or a batch of millions
of distinct questions keeps a flat memory.

This is the one place that chains resolution, the data sources and the core, so that `estimate`,
`batch`, `compare` and the library API answer the same text with the same number.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from salarycli.core import ladder
from salarycli.core.estimator import by_rank, estimate
from salarycli.core.estimator import ladder as estimates_at_every_level
from salarycli.core.market import market_for
from salarycli.core.memo import remembered
from salarycli.core.prices import Parity, parity_for
from salarycli.core.record import replace
from salarycli.core.records import Dataset, Estimate, Market, Place, Role, Wages
from salarycli.errors import BadInput, MissingFigure
from salarycli.resolve import places as place_names
from salarycli.resolve.answer import Answer, HourlyAnswer
from salarycli.resolve.normal import marks_of
from salarycli.resolve.places import PlaceIndex
from salarycli.resolve.text import checked
from salarycli.resolve.titles import Match as Match  # for cli.actions: a match, typed
from salarycli.resolve.titles import RoleIndex
from salarycli.sources import Catalog, bundled, load_places

if TYPE_CHECKING:
    from salarycli.core.aging import Aging
    from salarycli.core.takehome import Locality, TakeHome
    from salarycli.resolve.amounts import Amount

    Taxed = tuple[TakeHome | None, str | None]
    from salarycli.resolve.place_table import PlaceTable
    from salarycli.resolve.title_table import TitleTable
    from salarycli.resolve.title_words import Words

INDUSTRY_ALONE = (
    "OEWS publishes industry figures for the nation only: give --industry or --location "
    "(or --country), not both"
)


class Session:
    """The data in use (the bundled dataset, or a user's on top of it) and what it answers."""

    seed_source = bundled.SEED_SOURCE  # where the seed ladder comes from (`levels`)

    def __init__(
        self, data: Dataset | None = None, path: str | None = None, only: bool = False
    ) -> None:
        self.path, self.only = path, only
        self.warnings: list[str] = []  # what reading the user's data found, printed at the end
        self.user_counts: dict[str, int] = {}  # what the user's data held, for `data info`
        self._data = data
        self._roles: RoleIndex | None = None
        self._by_soc: dict[str, Role] | None = None
        self.aging: Aging | None = None  # --aged: every figure brought to the latest quarter
        self._places: PlaceIndex | None = None
        self._catalog: Catalog | None = None  # opened when a market is first asked for
        self._match_of: dict[str, Match] = {}
        self._place_of: dict[tuple[str | None, str | None], Place] = {}
        self._industry_of: dict[str, Place] = {}
        self._market_of: dict[tuple[str, Place], Market] = {}

    @property
    def data(self) -> Dataset:
        """The dataset in use, read and validated on first use."""
        if self._data is None:
            if self.path is None:
                self._data = bundled.load_bundled()
            else:
                from salarycli.sources import user

                found = user.read(Path(self.path))
                self.warnings, self.user_counts = found.warnings, found.counts
                self._data = user.merged(found, self.only)
        return self._data

    @property
    def catalog(self) -> Catalog:
        """The registered data sources, as the core's market.Figures."""
        if self._catalog is None:
            self._catalog = Catalog()
        return self._catalog

    def aliases(self) -> tuple[tuple[str, str], ...]:
        """The aliases in use: the user's first, then the bundled ones."""
        return self.data.aliases + bundled.load_aliases()

    # --- what was typed -> what it names ------------------------------------------------------

    def match(self, text: str) -> Match:
        """The role `text` names, and how it was found (resolve.titles.RoleIndex.match)."""
        return remembered(self._match_of, text, self._match)

    def _match(self, text: str) -> Match:
        checked("role", text)
        return self.role_index().match(text)

    def role_index(self) -> RoleIndex:
        """The names, aliases and titles roles answer to, built on first use; the title index
        and the tables titles are read with are opened only past a role's own name."""
        if self._roles is None:
            self._roles = RoleIndex.build(
                self.data.roles,
                lambda: self.data.aliases,
                _title_table,
                _title_words,
                lambda: marks_of(*bundled.load_level_words()),
            )
        return self._roles

    def role(self, text: str) -> Role:
        return self.match(text).role

    def place_index(self) -> PlaceIndex:
        if self._places is None:
            self._places = PlaceIndex.build(
                load_places(), _place_table, bundled.load_place_nicknames
            )
        return self._places

    def places(self, locations: Sequence[str], countries: Sequence[str]) -> list[Place]:
        """The places named; the nation when none is."""
        for what, texts in (("location", locations), ("country", countries)):
            for text in texts:
                checked(what, text)
        return place_names.choose_places(locations, countries, self.place_index)

    def place(self, location: str | None, country: str | None) -> Place:
        return remembered(self._place_of, (location, country), self._place)

    def _place(self, key: tuple[str | None, str | None]) -> Place:
        location, country = key
        return self.places([location] if location else [], [country] if country else [])[0]

    def industry(self, text: str) -> Place:
        """The industry `text` names (resolve.industries): national figures in it."""
        from salarycli.resolve.industries import find_industry
        from salarycli.sources import load_industries

        checked("industry", text)
        return remembered(
            self._place_of,
            ("industry", text),
            lambda _: find_industry(load_industries().places(), text),
        )

    def parity(self, place: Place) -> Parity | None:
        """BEA's price level where `place` is (core.prices), or None where BEA has none."""
        from salarycli.sources import load_parities

        return parity_for(place, load_parities())

    def take_home(
        self,
        gross: int | None,
        place: Place,
        filing: str,
        pretax: int = 0,
        resident: str | None = None,
    ) -> Taxed:
        """`gross` a year at `place` after income and payroll taxes (core.takehome), or None
        and why not; `resident`: the state (--state) whose taxes apply instead of the
        place's. BadInput where no US state's tax applies (take-home needs one)."""
        from salarycli import taxes
        from salarycli.core.takehome import filing_status, out_of_range

        filing = filing_status(filing)
        state, locality = self.tax_place(place, resident)
        if gross is None:
            return None, "no take-home for a salary BLS publishes only as a lower bound"
        why = out_of_range(gross)
        if why is not None:
            return None, why
        found = taxes.breakdown(gross, state, filing, pretax, locality)
        return found, taxes.why_not(state, locality) if found.take_home is None else None

    def tax_place(self, place: Place, resident: str | None = None) -> tuple[str, Locality | None]:
        """The state (USPS code) whose taxes apply at `place` (or `resident`, a state's name
        or code), and its local income tax; a principal city names its own state within a
        metro area that spans several. BadInput where no US state's tax applies."""
        from salarycli.core.takehome import tax_state
        from salarycli.sources import usps_by_fips
        from salarycli.sources.tax_tables import load_localities, states_by_name

        usps = usps_by_fips()
        if resident is not None:
            state: str | None = states_by_name().get(place_names.place_key(resident))
            if state is None:
                raise BadInput(f"--state takes a US state or DC, not {resident.strip()!r}")
            why = None
        elif place.city is not None:
            state, why = usps.get(place.state_code or ""), None
        else:
            state, why = tax_state(place, usps)
        if state is None:
            raise BadInput(why or "take-home needs a US state")
        locality = load_localities().get(place.city or place.name)
        return state, locality if locality is not None and locality.state == state else None

    def where(self, location: str | None, country: str | None, industry: str | None) -> Place:
        """The place (--location, --country) or the industry (--industry) figures are for."""
        if industry is None:
            return self.place(location, country)
        if location or country:
            raise BadInput(INDUSTRY_ALONE)
        return self.industry(industry)

    def across_industries(self, role: Role) -> list[tuple[Place, Wages]]:
        """The role's occupation's national figures in each 4-digit NAICS industry (the level
        BLS's occupation profiles rank industries at), where BLS published any."""
        from salarycli.sources import load_industries

        occupation = role.soc or role.reference_soc
        if occupation is None:
            raise MissingFigure(f"{role.role} has no SOC code, so BLS figures cannot place it")
        return load_industries().across(occupation, "4")

    def roles_matching(self, query: str | None, group: str | None) -> list[Role]:
        """`roles`: the roles whose names or SOC codes match (resolve.search)."""
        from salarycli.resolve.search import search_roles

        return search_roles(self.data.roles, query, group)

    def places_matching(self, query: str | None, kind: str | None) -> list[Place]:
        """`locations`: the places whose names match, of `kind` (state, metro, country)."""
        return place_names.search_places(load_places(), query, kind)

    def industries_matching(self, query: str | None) -> list[Place]:
        """`industries`: the industries whose codes or names match."""
        from salarycli.resolve.industries import search_industries
        from salarycli.sources import load_industries

        return search_industries(load_industries().places(), query)

    def dollars(self, text: str, option: str) -> int:
        """Whole dollars a year as typed for `option` (--pretax): the salary grammar."""
        from salarycli.resolve.amounts import parse_dollars

        return parse_dollars(text, option)

    def amount(self, text: str) -> Amount:
        """A salary as typed (resolve.amounts), a foreign currency's code named as such."""
        from salarycli.resolve.amounts import parse_amount

        return parse_amount(text, bundled.load_currencies())

    def level(self, years: str | None, level: str | None) -> ladder.Choice | None:
        """The level --years or --level asks for, with the years; None when neither is given."""
        words = None
        if level is not None:
            from salarycli.sources.bundled import load_level_names

            words = load_level_names()
        return ladder.choose(self.data.levels, years, level, words)

    # --- answers ----------------------------------------------------------------------------

    def market(self, role: Role, place: Place) -> Market:
        key = (role.role, place)
        return remembered(
            self._market_of, key, lambda _: self._sure(market_for(role, place, self.catalog))
        )

    @staticmethod
    def _sure(found: Market) -> Market:
        """The market with the minimum wage where it is, and how sure BLS is of its basis
        area's figures (a US place only)."""
        from salarycli.sources import min_wages

        found = replace(found, floor=min_wages.applying(found.place))
        place, soc = found.place, found.market_soc
        if soc is None or found.basis in ("country", "industry"):
            return found
        if found.basis == "national":
            area = "US"
        elif found.basis == "metro":
            area = (
                place.code if place.kind == "metro" else (place.within.code if place.within else "")
            )
        elif found.basis == "state":
            area = place.code if place.kind == "state" else f"{place.state_code or ''}00000"
        else:
            return found
        return replace(found, confidence=bundled.confidence(area, soc))

    def estimate(
        self,
        role: str,
        years: str | None = None,
        level: str | None = None,
        location: str | None = None,
        country: str | None = None,
    ) -> Estimate:
        """One estimate, checked in the order the command line checks: usage, then names.
        Without years or level, a seniority word in the title sets the level."""
        choice = self.level(years, level)
        place = self.place(location, country)
        return self.answer(self.match(role), choice, place)

    def ask(
        self,
        role: str,
        choice: ladder.Choice | None,
        location: str | None,
        country: str | None,
        industry: str | None = None,
    ) -> Answer:
        """What `estimate` shows: one estimate, or the whole ladder when no level is given."""
        place = self.where(location, country, industry)
        match = self.match(role)
        where = self.market(match.role, place)
        owner = self.data_roles_by_soc().get(where.market_soc or "")
        title = owner.title if owner else None
        ranked = all(by_rank(match.role, level, where) for level in self.data.levels)
        if choice is None and match.level is None:
            rungs = self.ladder(match, place)
            return Answer(match, place, where, rungs, True, title, self.aging, ranked)
        answered = [self.answer(match, choice, place)]
        return Answer(match, place, where, answered, False, title, self.aging, ranked)

    def growth(self, soc: str) -> list[tuple[str, int]]:
        """An occupation's national mean in each OEWS release it is comparable across:
        [("May 2023", mean), ("May 2024", mean), ("May 2025", mean)]; empty when it is not."""
        earlier = bundled.load_growth().get(soc)
        owner = self.data_roles_by_soc().get(soc)
        latest = owner.wages.annual_mean if owner and owner.wages else None
        if earlier is None or latest is None:
            return []
        found = zip(("May 2023", "May 2024"), earlier, strict=True)
        return [(label, mean) for label, mean in found if mean] + [("May 2025", latest)]

    def age_to_latest(self) -> Aging:
        """From now on, every estimate aged from May 2025 to the latest ECI quarter."""
        from salarycli.core.aging import from_index

        self.aging = from_index(bundled.load_eci())
        return self.aging

    def data_roles_by_soc(self) -> dict[str, Role]:
        """Each occupation of the data by its SOC code (the first role that has it)."""
        if self._by_soc is None:
            self._by_soc = {}
            for role in self.data.roles:
                if role.soc:
                    self._by_soc.setdefault(role.soc, role)
        return self._by_soc

    def hourly_answer(
        self,
        role: str,
        choice: ladder.Choice | None,
        location: str | None,
        country: str | None,
        industry: str | None,
    ) -> HourlyAnswer | None:
        """What `estimate` shows for an occupation BLS publishes only hourly wages for: its
        market and the levels to estimate per hour at; None for every other role."""
        match = self.match(role)
        if match.role.base_salary is not None:
            return None
        place = self.where(location, country, industry)
        where = self.market(match.role, place)
        if not where.hourly:
            return None
        if choice is None and match.level is None:
            return HourlyAnswer(match.role, where, place, list(self.data.levels), None)
        (level, years), _ = ladder.with_title(self.data.levels, choice, match.level, match.word)
        return HourlyAnswer(match.role, where, place, [level], years)

    def answer(self, match: Match, choice: ladder.Choice | None, place: Place) -> Estimate:
        """The estimate for a matched role at the level asked for (or the title's), saying
        how the role was found and where the title and the option disagree."""
        (level, years), notes = ladder.with_title(self.data.levels, choice, match.level, match.word)
        result = estimate(match.role, level, years, self.market(match.role, place))
        return self._aged(_tagged(result, match, notes))

    def _aged(self, result: Estimate) -> Estimate:
        if self.aging is None:
            return result
        from salarycli.core.aging import aged

        return aged(result, self.aging)

    def ladder(self, match: Match, place: Place) -> list[Estimate]:
        """The matched role at every level, in `place`."""
        where = self.market(match.role, place)
        rungs = estimates_at_every_level(match.role, self.data.levels, where)
        return [self._aged(_tagged(rung, match, [])) for rung in rungs]

    def distribution(self, role: str, place: Place) -> tuple[Role, Market, list[Estimate]]:
        """A role, its market at `place` and its ladder there: what market and rank show."""
        found = self.role(role)
        where = self.market(found, place)
        if where.hourly:  # BLS publishes only hourly wages: no yearly ladder to place
            return found, where, []
        return found, where, estimates_at_every_level(found, self.data.levels, where)


@cache  # the bundled tables are read-only: one per process, however many sessions
def _place_table() -> PlaceTable:
    from salarycli.resolve.place_table import PlaceTable

    return PlaceTable(bundled.load_us_places())


@cache  # the bundled tables are read-only: one per process, however many sessions
def _title_table() -> TitleTable:
    from salarycli.resolve.title_table import TitleTable

    return TitleTable(bundled.load_titles(), bundled.load_title_words())


@cache  # the bundled tables are read-only: one per process, however many sessions
def _title_words() -> Words:
    from salarycli.resolve.title_words import Words

    return Words.of(*bundled.load_title_reading())


def _tagged(result: Estimate, match: Match, notes: list[str]) -> Estimate:
    said = [match.note, *notes, result.note]
    note = "; ".join(text for text in said if text) or None
    return replace(
        result,
        note=note,
        matched_by=match.matched_by,
        query=match.query,
        alternatives=match.alternative_records(),
    )
