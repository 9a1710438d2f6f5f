"""Opening, changing and closing a cycle."""

import datetime as dt
import re

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from assure.accounts.models import User
from assure.audit.services import event_record
from assure.library.models import LibraryItem
from assure.partnerships.models import Agency, Partnership

from ..cache import bump_cycle
from ..framework import Framework, framework_of
from ..models import Cycle, Response, Return
from ..permissions import can_manage, may_manage_cycle
from ..selectors.cycles import active_agencies, agencies_answering
from .requests import cycle_opened_notify

YEAR = re.compile(r"^[0-9]{4}-[0-9]{2}$")


def _dates_problems(*, opens_on: dt.date, deadline: dt.date, reminder_days: int) -> dict[str, str]:
    problems = {}
    if deadline < opens_on:
        problems["deadline"] = "The deadline must be on or after the open date."
    if reminder_days > 365:
        problems["reminder_days"] = "Remind at most 365 days before the deadline."
    return problems


def responses_create(*, return_record: Return, framework: Framework) -> list[Response]:
    """One response per criterion; a criterion the framework does not ask of the agency's type
    is answered 'not applicable' from the start."""
    agency_type = return_record.agency.agency_type.code
    return Response.objects.bulk_create(
        Response(return_record=return_record, criterion=c.ref, not_applicable=not c.applies(agency_type))
        for c in framework.criteria
    )


@transaction.atomic
def cycle_open(
    *,
    actor: User,
    partnership: Partnership,
    title: str,
    year: str,
    framework: LibraryItem,
    opens_on: dt.date,
    deadline: dt.date,
    partnerships: list[Partnership] | None = None,
    agencies: list[Agency] | None = None,
    reminder_days: int = 14,
    previous: Cycle | None = None,
) -> Cycle:
    """Open a cycle led by ``partnership`` for it and ``partnerships`` (a region opened
    together; the actor must be business unit of each), with exactly one return per agency
    however many of the partnerships it belongs to, and its responses.

    ``agencies`` defaults to every active agency of the partnerships whose type the framework
    applies to. Raises PermissionDenied, or ValidationError keyed by field."""
    taking_part = list(dict.fromkeys([partnership, *(partnerships or [])]))
    if not all(can_manage(user=actor, partnership=p) for p in taking_part):
        raise PermissionDenied
    problems = _dates_problems(opens_on=opens_on, deadline=deadline, reminder_days=reminder_days)
    title = title.strip()
    if not title:
        problems["title"] = "Enter a title."
    if not YEAR.match(year):
        problems["year"] = "Enter the financial year like 2014-15."
    if framework.kind != "section11-framework":
        problems["framework"] = "Choose a framework."
    read = framework_of(framework)
    eligible = {a.pk: a for a in active_agencies(taking_part)}
    if agencies:
        chosen = list(dict.fromkeys(agencies))
        strangers = [a.name for a in chosen if a.pk not in eligible]
        if strangers:
            problems["agencies"] = f"Not an active agency of the partnerships chosen: {', '.join(strangers)}."
        excluded = [a.name for a in chosen if a.pk in eligible and not read.answered_by(a.agency_type.code)]
        if excluded:
            problems["agencies"] = f"The framework does not apply to: {', '.join(excluded)}."
    else:
        chosen = agencies_answering(framework=framework, partnerships=taking_part)
        if not chosen:
            problems["agencies"] = "No active agency of the partnerships chosen answers this framework."
    if (
        previous is not None
        and previous.lead_partnership_id != partnership.pk
        and not previous.partnerships.filter(pk=partnership.pk).exists()
    ):
        problems["previous"] = "Choose a cycle this partnership took part in."
    if problems:
        raise ValidationError(problems)
    cycle = Cycle.objects.create(
        title=title,
        year=year,
        framework=framework,
        lead_partnership=partnership,
        previous=previous,
        opens_on=opens_on,
        deadline=deadline,
        reminder_days=reminder_days,
        created_by=actor,
    )
    cycle.partnerships.set(taking_part)
    for agency in chosen:
        return_record = Return.objects.create(cycle=cycle, agency=agency)
        responses_create(return_record=return_record, framework=read)
    event_record(
        actor=actor,
        verb="section11.cycle_opened",
        target=cycle,
        partnership=partnership,
        summary=f"Section 11 cycle “{cycle}” opened for {len(chosen)} agencies",
        data={"partnerships": [p.pk for p in taking_part], "agencies": len(chosen)},
    )
    cycle_opened_notify(cycle=cycle)
    return cycle


@transaction.atomic
def cycle_update(
    *,
    actor: User,
    partnership: Partnership,
    cycle: Cycle,
    title: str,
    opens_on: dt.date,
    deadline: dt.date,
    reminder_days: int,
    previous: Cycle | None = None,
) -> Cycle:
    """Change a cycle's title, dates, reminders and the cycle it is compared with; its
    framework, partnerships and agencies stay as opened."""
    if not may_manage_cycle(user=actor, partnership=partnership, cycle=cycle):
        raise PermissionDenied
    problems = _dates_problems(opens_on=opens_on, deadline=deadline, reminder_days=reminder_days)
    if not title.strip():
        problems["title"] = "Enter a title."
    if previous is not None and previous.pk == cycle.pk:
        problems["previous"] = "A cycle cannot be compared with itself."
    if problems:
        raise ValidationError(problems)
    cycle.title, cycle.opens_on, cycle.deadline = title.strip(), opens_on, deadline
    cycle.reminder_days, cycle.previous = reminder_days, previous
    cycle.save(update_fields=["title", "opens_on", "deadline", "reminder_days", "previous"])
    bump_cycle(cycle.pk)
    event_record(
        actor=actor,
        verb="section11.cycle_changed",
        target=cycle,
        partnership=partnership,
        summary=f"Section 11 cycle “{cycle}” changed",
    )
    return cycle


@transaction.atomic
def cycle_close(*, actor: User, partnership: Partnership, cycle: Cycle) -> Cycle:
    """Close a cycle: returns not yet submitted can no longer be changed or submitted."""
    if not may_manage_cycle(user=actor, partnership=partnership, cycle=cycle):
        raise PermissionDenied
    if cycle.status == Cycle.Status.CLOSED:
        raise ValidationError("The cycle is already closed.")
    cycle.status = Cycle.Status.CLOSED
    cycle.save(update_fields=["status"])
    bump_cycle(cycle.pk)
    event_record(
        actor=actor,
        verb="section11.cycle_closed",
        target=cycle,
        partnership=partnership,
        summary=f"Section 11 cycle “{cycle}” closed",
    )
    return cycle
