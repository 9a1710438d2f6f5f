"""Every change to agency data returns: opening a round, choosing what each agency is asked
for, entering figures (in the form or from the XLSX template), and moving a return along its
pipeline (``pipeline.py``): submitted by the agency, validated or sent back by the business unit.

Figures are Observations with source "agency_return", tied to their return; they count as the
partnership's figures only once the return is validated."""

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from assure.accounts.models import User
from assure.audit.services import event_record
from assure.partnerships.models import Agency, Partnership, PartnershipAgency

from .. import periods
from ..cache import bump_partnership
from ..models import DataReturn, Indicator, Observation, Period, ReturnRound
from ..permissions import can_moderate_returns, may_enter_return
from ..pipeline import step_to
from ..returns_xlsx import UploadRejected, read_return_file
from ..selectors.returns import (
    ReturnRow,
    assignable_indicators,
    previous_values,
    return_problems,
    return_rows,
)
from ..validation import Checked, Entry, check_entry, field_key
from .notices import return_sent_back_notify, returns_requested_notify

Status = DataReturn.Status


# --- rounds ------------------------------------------------------------------------------------


def round_period(*, kind: str, year: str, quarter: int | None = None, month: int | None = None) -> Period:
    """The Period a round is for: a financial year ("2014-15"), one of its quarters (1 is April
    to June) or one of its months (4 is April of the first year, 3 March of the second)."""
    if kind == Period.Kind.YEAR:
        return periods.period_for_year(year)
    if kind == Period.Kind.QUARTER and quarter:
        return periods.period_for_quarter(year, int(quarter))
    if kind == Period.Kind.MONTH and month:
        start = periods.financial_year_start(year)
        calendar_year = start.year if int(month) >= start.month else start.year + 1
        return periods.period_for_month(calendar_year, int(month))
    raise ValidationError({"kind": "Choose a year, a quarter with its quarter, or a month with its month."})


@transaction.atomic
def round_open(
    *, actor: User, partnership: Partnership, period: Period, deadline: dt.date, opens_on: dt.date | None = None
) -> ReturnRound:
    """Open a round of returns for a period, with a deadline. One round per period per
    partnership. Needs ``performance.manage``. Agencies are asked for figures afterwards
    (``return_assign``)."""
    if not can_moderate_returns(user=actor, partnership=partnership):
        raise PermissionDenied
    opens_on = opens_on or timezone.localdate()
    problems = {}
    if deadline < opens_on:
        problems["deadline"] = "The deadline must be on or after the day the round opens."
    if ReturnRound.objects.filter(partnership=partnership, period=period).exists():
        problems["period"] = f"A round of returns for {period} is already open."
    if problems:
        raise ValidationError(problems)
    round = ReturnRound(partnership=partnership, period=period, opens_on=opens_on, deadline=deadline, created_by=actor)
    round.full_clean(validate_constraints=False)
    round.save()
    event_record(
        actor=actor,
        verb="return_round.opened",
        target=round,
        partnership=partnership,
        summary=f"Returns for {period} opened, due by {deadline.day} {deadline:%B %Y}",
    )
    return round


@transaction.atomic
def return_assign(
    *, actor: User, round: ReturnRound, agency: Agency, indicators: Iterable[Indicator]
) -> DataReturn | None:
    """Set which indicators an agency is asked for in a round, making its return on first use.

    Only while the return is with the agency (draft or sent back): figures already entered for an
    indicator no longer asked for are removed with it. When the return is made, the agency's leads
    are told by e-mail. Asking for nothing removes a draft return
    altogether (and returns None). Needs ``performance.manage``; the agency must belong to the
    partnership and the indicators must be agency-return indicators of the library."""
    partnership = round.partnership
    if not can_moderate_returns(user=actor, partnership=partnership):
        raise PermissionDenied
    chosen = {i.pk: i for i in indicators}
    problems = {}
    if not PartnershipAgency.objects.filter(partnership=partnership, agency=agency, left_on__isnull=True).exists():
        problems["agency"] = "Choose an agency of this partnership."
    if set(chosen) - set(assignable_indicators().filter(pk__in=chosen).values_list("pk", flat=True)):
        problems["indicators"] = "Choose indicators that agencies return."
    data_return = DataReturn.objects.select_for_update().filter(round=round, agency=agency).first()
    if data_return is not None and not data_return.is_editable:
        problems["indicators"] = (
            f"{agency}'s return is {data_return.get_status_display().lower()}: what it is asked for cannot change now."
        )
    if data_return is not None and not chosen and data_return.status != Status.DRAFT:
        problems["indicators"] = f"{agency}'s return has been submitted before: it must ask for at least one figure."
    if problems:
        raise ValidationError(problems)

    made = data_return is None
    if data_return is None:
        if not chosen:
            return None
        data_return = DataReturn.objects.create(round=round, agency=agency)
    elif not chosen:
        data_return.delete()
        event_record(
            actor=actor,
            verb="return.withdrawn",
            target=round,
            partnership=partnership,
            summary=f"{agency} no longer asked for figures for {round.period}",
        )
        return None

    before = set(data_return.indicators.values_list("pk", flat=True))
    if before == set(chosen):
        return data_return
    removed = before - set(chosen)
    Observation.objects.filter(data_return=data_return, indicator_id__in=removed).delete()
    data_return.indicators.set(chosen.values())
    event_record(
        actor=actor,
        verb="return.assigned",
        target=data_return,
        partnership=partnership,
        summary=f"{agency} asked for {len(chosen)} figure{'s' if len(chosen) != 1 else ''} for {round.period}",
        data={"added": sorted(chosen[pk].code for pk in set(chosen) - before), "removed": len(removed)},
    )
    if made:
        # The agency's leads learn of it by e-mail, with a link to the return.
        returns_requested_notify(requested=[(data_return, len(chosen))])
    return data_return


# --- figures -----------------------------------------------------------------------------------


@dataclass
class SaveResult:
    """What saving figures did, and the warnings still needing a comment."""

    saved: int = 0
    cleared: int = 0
    warnings: list[str] = field(default_factory=list)


def _ensure_editable(actor: User, data_return: DataReturn) -> None:
    if not may_enter_return(user=actor, data_return=data_return):
        raise PermissionDenied
    if not data_return.is_editable:
        raise ValidationError(
            f"This return is {data_return.get_status_display().lower()}: its figures cannot be changed."
        )


def _locked(data_return: DataReturn) -> DataReturn:
    # Re-read under lock, so a figure cannot be saved into a return being submitted at that moment.
    current = (
        DataReturn.objects.select_for_update().select_related("round", "round__partnership").get(pk=data_return.pk)
    )
    data_return.status = current.status
    return current


def _check_entries(
    *, data_return: DataReturn, entries: Mapping[str, Entry]
) -> tuple[dict[str, tuple[Indicator, Checked]], dict[str, list[str]]]:
    indicators = {i.code: i for i in data_return.indicators.select_related("definition")}
    previous = previous_values(data_return=data_return, indicators=indicators.values())
    checked, errors = {}, {}
    for code, entry in entries.items():
        indicator = indicators.get(code)
        if indicator is None:
            errors.setdefault(field_key(code, "value"), []).append(f"{code} is not asked for in this return")
            continue
        result = check_entry(indicator=indicator.data, entry=entry, previous=previous.get(indicator.pk))
        for name, messages in result.errors.items():
            errors.setdefault(field_key(code, name), []).extend(messages)
        checked[code] = (indicator, result)
    return checked, errors


def _write(*, data_return: DataReturn, checked: dict[str, tuple[Indicator, Checked]], entries) -> SaveResult:
    result = SaveResult()
    stored = {o.indicator_id: o for o in Observation.objects.filter(data_return=data_return)}
    round = data_return.round
    for code, (indicator, figure) in checked.items():
        observation = stored.get(indicator.pk)
        if entries[code].is_blank:
            if observation is not None:
                observation.delete()
                result.cleared += 1
            continue
        values = {
            "value": figure.value,
            "numerator": figure.numerator,
            "denominator": figure.denominator,
            "missing": Observation.Missing.NOT_AVAILABLE if figure.not_available else "",
            "comment": figure.comment,
            "definition_id": indicator.definition_id,
        }
        result.warnings += figure.unexplained_warnings
        if observation is not None and all(getattr(observation, k) == v for k, v in values.items()):
            continue
        if observation is None:
            observation = Observation(
                indicator=indicator,
                period=round.period,
                source=Observation.Source.AGENCY_RETURN,
                partnership_id=round.partnership_id,
                agency_id=data_return.agency_id,
                data_return=data_return,
            )
        for name, value in values.items():
            setattr(observation, name, value)
        observation.recorded_at = timezone.now()
        observation.save()
        result.saved += 1
    return result


@transaction.atomic
def return_save_values(*, actor: User, data_return: DataReturn, entries: Mapping[str, Entry]) -> SaveResult:
    """Save the figures typed for some of the return's indicators (indicator code → entry); a
    blank entry removes the figure stored. Every entry is checked (``validation.check_entry``):
    if any fails, nothing is saved and ValidationError names each failing figure (keys from
    ``validation.field_key``). Warnings do not stop saving; they need a comment before
    submission. Only the agency's lead (or the business unit) and only while the return is a
    draft or sent back."""
    _ensure_editable(actor, data_return)
    current = _locked(data_return)
    _ensure_editable(actor, current)
    checked, errors = _check_entries(data_return=current, entries=entries)
    if errors:
        raise ValidationError(errors)
    result = _write(data_return=current, checked=checked, entries=entries)
    if result.saved or result.cleared:
        event_record(
            actor=actor,
            verb="return.saved",
            target=current,
            partnership=current.round.partnership,
            summary=f"{current.agency} saved {result.saved + result.cleared} figure"
            f"{'s' if result.saved + result.cleared != 1 else ''} of its return for {current.round.period}",
        )
    return result


@transaction.atomic
def return_upload(*, actor: User, data_return: DataReturn, file) -> SaveResult:
    """Save the figures of a completed XLSX template (``returns_xlsx``): the file must be a
    template of this very return, of a sensible size; its rows are matched by indicator code.
    Every problem, in the file or in a figure, is reported by row (ValidationError with a list
    of messages) and then nothing is saved."""
    _ensure_editable(actor, data_return)
    current = _locked(data_return)
    _ensure_editable(actor, current)
    try:
        rows = read_return_file(file, data_return=current)
    except UploadRejected as rejected:
        raise ValidationError(rejected.messages)
    entries = {row.code: row.entry for row in rows}
    checked, errors = _check_entries(data_return=current, entries=entries)
    if errors:
        line_of = {row.code: row.line for row in rows}
        messages = []
        for key, texts in errors.items():
            code = key.rsplit("__", 1)[0]
            messages += [f"Row {line_of.get(code, '?')} ({code}): {text}" for text in texts]
        raise ValidationError(messages)
    result = _write(data_return=current, checked=checked, entries=entries)
    event_record(
        actor=actor,
        verb="return.uploaded",
        target=current,
        partnership=current.round.partnership,
        summary=f"{current.agency} uploaded its return for {current.round.period}: {result.saved} figure"
        f"{'s' if result.saved != 1 else ''} saved",
        data={"file": getattr(file, "name", "")[:200], "rows": len(rows), "saved": result.saved},
    )
    return result


# --- the pipeline ------------------------------------------------------------------------------


def _transition(*, actor: User, data_return: DataReturn, to_status: str, reason: str = "") -> DataReturn:
    """Move the (locked) return along its pipeline and record the step's event."""
    step = step_to(data_return.status, to_status)
    if step is None:
        raise ValidationError(
            f"A return that is {data_return.get_status_display().lower()} cannot be "
            f"{DataReturn.Status(to_status).label.lower()}."
        )
    reason = reason.strip()
    if step.needs_reason and not reason:
        raise ValidationError({"reason": "Say what the agency needs to correct."})
    old_status = data_return.status
    data_return.status = step.to_status
    now = timezone.now()
    fields = ["status"]
    if step.to_status == Status.SUBMITTED:
        data_return.submitted_at, data_return.submitted_by = now, actor
        fields += ["submitted_at", "submitted_by"]
    elif step.to_status == Status.VALIDATED:
        data_return.validated_at, data_return.validated_by = now, actor
        fields += ["validated_at", "validated_by"]
    elif step.to_status == Status.RETURNED:
        data_return.returned_reason = reason
        fields.append("returned_reason")
    data_return.save(update_fields=fields)
    event_record(
        actor=actor,
        verb=step.verb,
        target=data_return,
        partnership=data_return.round.partnership,
        summary=f"{data_return.agency}'s return for {data_return.round.period}: {step.done.lower()}",
        data={"from": old_status, "to": step.to_status, "reason": reason},
    )
    return data_return


def _refresh(target: DataReturn, current: DataReturn) -> DataReturn:
    for name in ("status", "submitted_at", "submitted_by", "validated_at", "validated_by", "returned_reason"):
        setattr(target, name, getattr(current, name))
    return target


@transaction.atomic
def return_submit(*, actor: User, data_return: DataReturn) -> DataReturn:
    """Submit a draft (or a return sent back) to the business unit. Every indicator asked for
    needs a figure or a reason why it is not available, every figure must pass its checks, and
    every large change from the previous period needs a comment. Needs ``returns.submit`` for
    the return's agency."""
    if not may_enter_return(user=actor, data_return=data_return):
        raise PermissionDenied
    current = _locked(data_return)
    if step_to(current.status, Status.SUBMITTED) is None:
        raise ValidationError(f"This return is {current.get_status_display().lower()}: it cannot be submitted.")
    rows: list[ReturnRow] = return_rows(user=actor, data_return=current)
    if not rows:
        raise ValidationError("This return asks for no figures yet.")
    problems = return_problems(rows=rows)
    if problems:
        raise ValidationError(problems)
    _transition(actor=actor, data_return=current, to_status=Status.SUBMITTED)
    return _refresh(data_return, current)


@transaction.atomic
def return_validate(*, actor: User, data_return: DataReturn) -> DataReturn:
    """Accept a submitted return: its figures become the partnership's own (the scorecard
    counts them). Needs ``performance.manage``."""
    if not can_moderate_returns(user=actor, partnership=data_return.round.partnership):
        raise PermissionDenied
    current = _locked(data_return)
    _transition(actor=actor, data_return=current, to_status=Status.VALIDATED)
    # Its figures now count in the scorecard: cached scorecards of the partnership are out of date.
    bump_partnership(current.round.partnership_id)
    return _refresh(data_return, current)


@transaction.atomic
def return_send_back(*, actor: User, data_return: DataReturn, reason: str) -> DataReturn:
    """Send a submitted return back to its agency for correction, saying what to correct (the
    agency's leads are told by e-mail); the agency can then change its figures and submit again.
    Needs ``performance.manage``."""
    if not can_moderate_returns(user=actor, partnership=data_return.round.partnership):
        raise PermissionDenied
    current = _locked(data_return)
    _transition(actor=actor, data_return=current, to_status=Status.RETURNED, reason=reason)
    bump_partnership(current.round.partnership_id)
    return_sent_back_notify(data_return=current)
    return _refresh(data_return, current)
