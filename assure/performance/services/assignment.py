"""Asking agencies for figures in bulk: the same indicators of many agencies at once (chosen by
agency type or sector), or what each agency was asked for in the round before.

Bulk assignment only adds: it never removes an indicator a return already asks for (that stays
one agency at a time, ``return_assign``, where figures entered may go with it). A return already
submitted or validated is left as it is and named in the result."""

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from assure.accounts.models import User
from assure.audit.services import event_record
from assure.partnerships.models import Agency, PartnershipAgency

from ..models import DataReturn, Indicator, ReturnRound
from ..permissions import can_moderate_returns
from ..selectors.assignment import round_before
from ..selectors.returns import assignable_indicators
from .notices import returns_requested_notify


@dataclass
class BulkAssignment:
    """What a bulk assignment did."""

    added: int = 0  # figures newly asked for (an indicator of an agency)
    agencies: int = 0  # agencies asked for something more
    returns_made: int = 0  # agencies asked for figures in the round for the first time
    unchanged: list[str] = field(default_factory=list)  # agencies whose returns could not change now

    @property
    def summary(self) -> str:
        if not self.added:
            text = "Nothing was added: every agency chosen is already asked for those figures."
        else:
            text = (
                f"{self.added} figure{'s' if self.added != 1 else ''} added to what "
                f"{self.agencies} agenc{'ies are' if self.agencies != 1 else 'y is'} asked for"
            )
            if self.returns_made:
                text += f" ({self.returns_made} asked for figures in this round for the first time)"
            text += "."
        if self.unchanged:
            text += f" Not changed, as their returns are submitted or validated: {', '.join(self.unchanged)}."
        return text


def _add(*, actor: User, round: ReturnRound, wanted: dict[Agency, set[int]]) -> BulkAssignment:
    """Add to each agency's return in the round the indicators wanted (ids), making the return
    where there is none; returns no longer with their agency are left alone."""
    result = BulkAssignment()
    existing = {
        r.agency_id: r
        for r in DataReturn.objects.select_for_update().filter(round=round, agency__in=[a.pk for a in wanted])
    }
    Through = DataReturn.indicators.through
    asked = set(
        Through.objects.filter(datareturn__in=list(existing.values())).values_list("datareturn_id", "indicator_id")
    )
    links, made = [], []
    for agency, indicator_ids in sorted(wanted.items(), key=lambda pair: pair[0].name):
        data_return = existing.get(agency.pk)
        if data_return is not None and not data_return.is_editable:
            if any((data_return.pk, i) not in asked for i in indicator_ids):
                result.unchanged.append(agency.name)
            continue
        if data_return is None:
            data_return = DataReturn.objects.create(round=round, agency=agency)
            made.append((data_return, len(indicator_ids)))
        new = [i for i in sorted(indicator_ids) if (data_return.pk, i) not in asked]
        if new:
            links += [Through(datareturn_id=data_return.pk, indicator_id=i) for i in new]
            result.added += len(new)
            result.agencies += 1
    Through.objects.bulk_create(links)
    result.returns_made = len(made)
    # The agencies' leads learn by e-mail that they are asked for figures, with a link.
    returns_requested_notify(requested=made)
    return result


def _ensure_may_assign(actor: User, round: ReturnRound) -> None:
    if not can_moderate_returns(user=actor, partnership=round.partnership):
        raise PermissionDenied


@transaction.atomic
def returns_assign_bulk(
    *, actor: User, round: ReturnRound, indicators: Iterable[Indicator], agencies: Iterable[Agency]
) -> BulkAssignment:
    """Ask every agency given for every indicator given in the round, besides what each is asked
    for already. Needs ``performance.manage``; the agencies must belong to the partnership today
    and the indicators must be ones agencies return. Refused, with nothing changed, when nothing
    is chosen or a choice is not allowed."""
    _ensure_may_assign(actor, round)
    indicators, agencies = list(indicators), list(agencies)
    problems = {}
    if not indicators:
        problems["indicators"] = "Choose at least one indicator to ask for."
    elif len(assignable_indicators().filter(pk__in=[i.pk for i in indicators])) != len({i.pk for i in indicators}):
        problems["indicators"] = "Choose indicators that agencies return."
    if not agencies:
        problems["agencies"] = (
            "Choose the agencies to ask: no agency of the partnership is of the types or sectors chosen."
        )
    else:
        members = set(
            PartnershipAgency.objects.filter(
                partnership=round.partnership, left_on__isnull=True, agency__in=[a.pk for a in agencies]
            ).values_list("agency_id", flat=True)
        )
        if {a.pk for a in agencies} - members:
            problems["agencies"] = "Choose agencies of this partnership."
    if problems:
        raise ValidationError(problems)
    wanted = {agency: {i.pk for i in indicators} for agency in agencies}
    result = _add(actor=actor, round=round, wanted=wanted)
    event_record(
        actor=actor,
        verb="return_round.assigned_in_bulk",
        target=round,
        partnership=round.partnership,
        summary=f"{result.added} figures added to what {result.agencies} agencies are asked for {round.period}",
        data={
            "indicators": sorted(i.code for i in indicators),
            "agencies": len(agencies),
            "added": result.added,
            "returns_made": result.returns_made,
            "unchanged": len(result.unchanged),
        },
    )
    return result


@transaction.atomic
def returns_assign_copied(*, actor: User, round: ReturnRound) -> BulkAssignment:
    """Ask each agency in the round for what it was asked for in the round before (the latest
    earlier round of the same kind of period), besides what it is asked for already. Agencies
    that have left the partnership, and indicators no longer returned by agencies, are not
    copied. Needs ``performance.manage``."""
    _ensure_may_assign(actor, round)
    source = round_before(user=actor, round=round)
    if source is None:
        raise ValidationError({"source": f"There is no round before {round.period} to copy."})
    current = PartnershipAgency.objects.filter(partnership=round.partnership, left_on__isnull=True)
    Through = DataReturn.indicators.through
    pairs = Through.objects.filter(
        datareturn__round=source,
        datareturn__agency__in=current.values("agency_id"),
        datareturn__agency__is_active=True,
        indicator__in=assignable_indicators(),
    ).values_list("datareturn__agency_id", "indicator_id")
    by_agency: dict[int, set[int]] = {}
    for agency_id, indicator_id in pairs:
        by_agency.setdefault(agency_id, set()).add(indicator_id)
    if not by_agency:
        raise ValidationError({"source": f"No agency of the partnership was asked for figures in {source}."})
    agencies = Agency.objects.in_bulk(list(by_agency))
    result = _add(actor=actor, round=round, wanted={agencies[pk]: ids for pk, ids in by_agency.items()})
    event_record(
        actor=actor,
        verb="return_round.assignments_copied",
        target=round,
        partnership=round.partnership,
        summary=f"What agencies were asked for {source.period} copied to {round.period}: {result.added} figures added",
        data={
            "from_round": source.pk,
            "added": result.added,
            "returns_made": result.returns_made,
            "unchanged": len(result.unchanged),
        },
    )
    return result
