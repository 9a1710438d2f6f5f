"""Reads of agency data returns. Every function takes the requesting user: someone without
``returns.view`` sees no return, and an agency lead sees only their own agency's returns (another
agency's return does not exist for them).

Only validated returns are the partnership's figures: ``validated_observations`` is what the
scorecard reads."""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import BooleanField, Case, Count, IntegerField, OuterRef, Q, QuerySet, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.utils import timezone

from assure.accounts.permissions import agencies_of, is_agency_scoped
from assure.audit.models import Event
from assure.audit.selectors import events_about
from assure.partnerships.models import Agency, Partnership, PartnershipAgency

from ..models import DataReturn, Indicator, Observation, Period, ReturnRound
from ..permissions import can_moderate_returns, can_view_performance, can_view_returns
from ..validation import Checked, Entry, check_entry, entry_of, show

Status = DataReturn.Status

# Not yet with the business unit: still to be submitted (again).
WITH_AGENCY = (Status.DRAFT, Status.RETURNED)


# --- returns and rounds ------------------------------------------------------------------------


def overdue_q(today: dt.date | None = None, prefix: str = "") -> Q:
    """Past its round's deadline and not submitted (a return sent back counts as not submitted)."""
    return Q(**{f"{prefix}status__in": WITH_AGENCY, f"{prefix}round__deadline__lt": today or timezone.localdate()})


def _scope_q(user, partnership: Partnership, prefix: str = "") -> Q:
    if is_agency_scoped(user=user, partnership=partnership):
        return Q(**{f"{prefix}agency_id__in": agencies_of(user=user, partnership=partnership)})
    return Q()


def returns_visible_to(*, user, partnership: Partnership) -> QuerySet[DataReturn]:
    """The partnership's returns the user may see: all of them for the business unit and
    auditors, their own agency's for an agency lead, none without ``returns.view``."""
    if not can_view_returns(user=user, partnership=partnership):
        return DataReturn.objects.none()
    return (
        DataReturn.objects.filter(round__partnership=partnership)
        .filter(_scope_q(user, partnership))
        .select_related("round", "round__period", "round__partnership", "agency")
    )


def returns_waiting(*, user, partnership: Partnership) -> str | None:
    """What the data returns have waiting, as the menu says it: for an agency lead, their
    agency's returns still to submit (drafts and those sent back); for everyone else who sees
    returns, those submitted and awaiting validation."""
    if not can_view_returns(user=user, partnership=partnership):
        return None
    returns = DataReturn.objects.filter(round__partnership=partnership)
    if is_agency_scoped(user=user, partnership=partnership):
        count = returns.filter(_scope_q(user, partnership), status__in=WITH_AGENCY).count()
        return f"{count} return{'s' if count != 1 else ''} to submit" if count else None
    count = returns.filter(status=Status.SUBMITTED).count()
    return f"{count} return{'s' if count != 1 else ''} awaiting validation" if count else None


def _count(queryset: QuerySet, column: str = "pk") -> Subquery:
    counted = queryset.order_by().values(column).annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def with_progress(returns: QuerySet[DataReturn], today: dt.date | None = None) -> QuerySet[DataReturn]:
    """Annotate each return with how many indicators it asks for (``asked``), how many have a
    figure or a reason (``entered``) and whether it is overdue (``overdue``)."""
    asked = DataReturn.indicators.through.objects.filter(datareturn_id=OuterRef("pk"))
    entered = Observation.objects.filter(data_return_id=OuterRef("pk"), source=Observation.Source.AGENCY_RETURN)
    overdue = Case(When(overdue_q(today), then=Value(True)), default=Value(False), output_field=BooleanField())
    return returns.annotate(
        asked=_count(asked, "datareturn_id"),
        entered=_count(entered, "data_return_id"),
        overdue=overdue,
    )


def rounds_visible_to(*, user, partnership: Partnership, today: dt.date | None = None) -> QuerySet[ReturnRound]:
    """The partnership's return rounds, newest period first, each with counts of the returns the
    user may see: ``asked``, ``submitted`` (awaiting validation), ``validated``, ``returned``
    and ``overdue``. An agency lead sees only rounds that ask their agency for figures."""
    if not can_view_returns(user=user, partnership=partnership):
        return ReturnRound.objects.none()
    scope = _scope_q(user, partnership, prefix="returns__")
    rounds = ReturnRound.objects.filter(partnership=partnership).select_related("period")
    if scope:
        rounds = rounds.filter(scope)

    def counted(**lookups) -> Count:
        return Count("returns", filter=scope & Q(**{f"returns__{k}": v for k, v in lookups.items()}), distinct=True)

    return rounds.annotate(
        asked=Count("returns", filter=scope, distinct=True),
        submitted=counted(status=Status.SUBMITTED),
        validated=counted(status=Status.VALIDATED),
        returned=counted(status=Status.RETURNED),
        overdue=Count(
            "returns",
            filter=scope & Q(returns__status__in=WITH_AGENCY, deadline__lt=today or timezone.localdate()),
            distinct=True,
        ),
    ).order_by("-period__start", "period__kind")


def round_returns(*, user, round: ReturnRound, today: dt.date | None = None) -> QuerySet[DataReturn]:
    """The returns of a round the user may see, by agency, with their progress (``with_progress``)."""
    returns = returns_visible_to(user=user, partnership=round.partnership).filter(round=round)
    return with_progress(returns, today).order_by("agency__name")


def round_agencies(*, user, round: ReturnRound) -> list[tuple[Agency, DataReturn | None]]:
    """Every current agency of the round's partnership with its return in the round, if it has
    one (for choosing what each is asked for). Empty for anyone who may not moderate returns."""
    if not can_moderate_returns(user=user, partnership=round.partnership):
        return []
    links = PartnershipAgency.objects.filter(
        partnership=round.partnership, left_on__isnull=True, agency__is_active=True
    )
    agencies = Agency.objects.filter(pk__in=links.values("agency_id")).order_by("name")
    returns = {r.agency_id: r for r in with_progress(DataReturn.objects.filter(round=round))}
    listed = [(agency, returns.pop(agency.pk, None)) for agency in agencies]
    # An agency that has left the partnership keeps the return it was asked for.
    leavers = Agency.objects.filter(pk__in=returns).order_by("name")
    return listed + [(agency, returns[agency.pk]) for agency in leavers]


def assignable_indicators() -> QuerySet[Indicator]:
    """The indicators agencies are asked for in returns: the library's indicators whose source is
    an agency return (reference data, the same for every partnership)."""
    return (
        Indicator.objects.filter(definition__data__source="agency_return")
        .select_related("definition")
        .order_by("definition__data__theme", "code")
    )


# --- one return's figures ----------------------------------------------------------------------


@dataclass
class ReturnRow:
    """One indicator of a return: its definition, the figure stored (if any), the agency's
    figure for the previous period and the checks of the stored figure."""

    indicator: Indicator
    observation: Observation | None
    previous: Decimal | None
    checked: Checked

    @property
    def definition(self) -> dict:
        return self.indicator.data

    @property
    def code(self) -> str:
        return self.indicator.code

    @property
    def is_ratio(self) -> bool:
        return bool(self.definition.get("numerator") or self.definition.get("denominator"))

    def _text(self, number: Decimal | None) -> str:
        if number is None:
            return ""
        # A percentage given to one decimal place reads 15.0, not 15; more places typed are kept.
        places = max(int(self.definition.get("decimals", 0)), -min(number.normalize().as_tuple().exponent, 0))
        return f"{number.quantize(Decimal(10) ** -places):,f}" if places else show(number)

    @property
    def value_text(self) -> str:
        observation = self.observation
        if observation is not None and observation.missing:
            return "Not available"
        return self._text(observation.value if observation else None)

    @property
    def numerator_text(self) -> str:
        return self._text(self.observation.numerator if self.observation else None)

    @property
    def denominator_text(self) -> str:
        return self._text(self.observation.denominator if self.observation else None)

    @property
    def previous_text(self) -> str:
        return self._text(self.previous)

    @property
    def entry(self) -> Entry:
        """The stored figure as the form shows it."""
        observation = self.observation
        if observation is None:
            return Entry()
        return entry_of(
            value=observation.value,
            numerator=observation.numerator,
            denominator=observation.denominator,
            not_available=bool(observation.missing),
            comment=observation.comment,
        )


def period_before(period: Period) -> Period | None:
    """The period of the same kind that ends the day before this one starts, if recorded."""
    return Period.objects.filter(kind=period.kind, end=period.start - dt.timedelta(days=1)).first()


def previous_values(*, data_return: DataReturn, indicators: Iterable[Indicator]) -> dict[int, Decimal]:
    """The agency's figures for the previous period (indicator id → value), from its returns to
    the same partnership; a validated figure is preferred to one still under review, and drafts
    are left out."""
    previous = period_before(data_return.round.period)
    if previous is None:
        return {}
    observations = (
        Observation.objects.filter(
            source=Observation.Source.AGENCY_RETURN,
            partnership_id=data_return.round.partnership_id,
            agency_id=data_return.agency_id,
            period=previous,
            indicator__in=list(indicators),
            value__isnull=False,
        )
        .exclude(data_return__status=Status.DRAFT)
        .values_list("indicator_id", "value", "data_return__status")
    )
    found: dict[int, tuple[bool, Decimal]] = {}
    for indicator_id, value, status in observations:
        validated = status == Status.VALIDATED
        if indicator_id not in found or (validated and not found[indicator_id][0]):
            found[indicator_id] = (validated, value)
    return {indicator_id: value for indicator_id, (_, value) in found.items()}


def return_rows(*, user, data_return: DataReturn) -> list[ReturnRow]:
    """The return's indicators in order, each with its stored figure, the previous period's and
    the checks of the stored figure against the indicator's current definition."""
    if not returns_visible_to(user=user, partnership=data_return.round.partnership).filter(pk=data_return.pk).exists():
        return []
    indicators = list(data_return.indicators.select_related("definition").order_by("definition__data__theme", "code"))
    observations = {
        o.indicator_id: o
        for o in Observation.objects.filter(data_return=data_return, source=Observation.Source.AGENCY_RETURN)
    }
    previous = previous_values(data_return=data_return, indicators=indicators)
    rows = []
    for indicator in indicators:
        row = ReturnRow(indicator, observations.get(indicator.pk), previous.get(indicator.pk), Checked())
        row.checked = check_entry(indicator=indicator.data, entry=row.entry, previous=row.previous)
        rows.append(row)
    return rows


def return_problems(*, rows: list[ReturnRow]) -> list[str]:
    """What stops a return being submitted: a figure missing (without a reason why), a figure
    that fails its checks, or a large change without a comment."""
    problems = []
    for row in rows:
        title = row.definition.get("title", row.code)
        if not row.checked.is_valid:
            problems += row.checked.messages
        elif not row.checked.is_complete:
            problems.append(f"Enter a figure for {title}, or tick not available and say why")
        problems += row.checked.unexplained_warnings
    return problems


def return_history(*, user, data_return: DataReturn) -> QuerySet[Event]:
    """What happened to the return (opened, saved, submitted, sent back, validated), newest
    first; the events of a return the user may not see are not shown."""
    partnership = data_return.round.partnership
    if not returns_visible_to(user=user, partnership=partnership).filter(pk=data_return.pk).exists():
        return Event.objects.none()
    return events_about(target=data_return)


# --- the partnership's figures -----------------------------------------------------------------


def _listed(records: Iterable) -> QuerySet | list:
    # A queryset stays a subquery; anything else is read once.
    return records if isinstance(records, QuerySet) else list(records)


def validated_observations(
    *,
    user,
    partnership: Partnership,
    indicators: Iterable[Indicator] | None = None,
    periods: Iterable[Period] | None = None,
) -> QuerySet[Observation]:
    """The figures of the partnership's validated returns (one per agency, indicator and period),
    for everyone who may see its performance. Returns still in draft, submitted or sent back
    never count. ``indicators`` and ``periods`` narrow the figures when given."""
    if not can_view_performance(user=user, partnership=partnership):
        return Observation.objects.none()
    observations = Observation.objects.filter(
        source=Observation.Source.AGENCY_RETURN,
        partnership=partnership,
        data_return__status=Status.VALIDATED,
    )
    if indicators is not None:
        observations = observations.filter(indicator__in=_listed(indicators))
    if periods is not None:
        observations = observations.filter(period__in=_listed(periods))
    return observations.select_related("indicator", "period", "agency")
