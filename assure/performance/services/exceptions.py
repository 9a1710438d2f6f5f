"""Every change to exception reports: making one for a period (and a board meeting), the owning
agency's commentary on an item, and raising an action from an item."""

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from assure.accounts.models import User
from assure.actions.models import Action
from assure.actions.services import action_create
from assure.audit.services import event_record
from assure.core.navigation import partnership_url
from assure.notifications.services import notify
from assure.partnerships.models import Agency, Meeting, Partnership

from ..cache import bump_partnership
from ..models import ExceptionItem, ExceptionReport, Period
from ..permissions import can_manage_exceptions, may_comment
from ..selectors.exceptions import commentary_writers, exception_candidates

ONE_PER_MEETING = "There is already an exception report for this meeting."


@transaction.atomic
def exception_report_create(
    *, actor: User, partnership: Partnership, period: Period, meeting: Meeting | None = None
) -> ExceptionReport:
    """Make the exception report for ``period``: one item for every scorecard line that meets an
    exception rule, with the rules it met in words, its owning agency and the figures as they
    stood, and ask each owning agency's leads for their commentary by e-mail. Needs
    ``performance.manage``. The meeting, if given, must be the partnership's, and have no report
    yet (a board meeting has one: ValidationError on ``meeting`` otherwise)."""
    if not can_manage_exceptions(user=actor, partnership=partnership):
        raise PermissionDenied
    if meeting is not None and meeting.partnership_id != partnership.pk:
        raise ValidationError({"meeting": "Choose a meeting of this partnership."})
    if meeting is not None and ExceptionReport.objects.filter(meeting=meeting).exists():
        raise ValidationError({"meeting": ONE_PER_MEETING})
    candidates = exception_candidates(user=actor, partnership=partnership, period=period)
    try:
        with transaction.atomic():
            report = ExceptionReport.objects.create(
                partnership=partnership, period=period, meeting=meeting, created_by=actor
            )
    except IntegrityError:  # made by someone else a moment ago
        raise ValidationError({"meeting": ONE_PER_MEETING}) from None
    for candidate in candidates:
        # One save per item, so each has its field history; a report holds a handful of items.
        ExceptionItem.objects.create(
            report=report,
            indicator_id=candidate.row.indicator_id,
            reasons=candidate.reasons,
            figures=candidate.figures,
            owner_agency_id=candidate.row.owner_agency_id,
        )
    for_meeting = f" for the {meeting}" if meeting else ""
    event_record(
        actor=actor,
        verb="exception_report.created",
        target=report,
        partnership=partnership,
        summary=f"Exception report for {period}{for_meeting}: {len(candidates)} indicator(s) need attention",
        data={"period": period.label, "items": len(candidates)},
    )
    _commentary_ask(report=report)
    return report


def _commentary_ask(*, report: ExceptionReport) -> None:
    """E-mail each owning agency's leads the indicators of the report they are asked to comment
    on (one message per agency), with a link to where they write it."""
    partnership = report.partnership
    items = list(
        report.items.filter(owner_agency__isnull=False).select_related("indicator__definition", "owner_agency")
    )
    writers = commentary_writers(partnerships=[partnership], agency_ids={item.owner_agency_id for item in items})
    by_agency: dict[int, list[ExceptionItem]] = {}
    for item in items:
        by_agency.setdefault(item.owner_agency_id, []).append(item)
    when = f" before the board meeting of {report.meeting.held_on:%-d %B %Y}" if report.meeting_id else ""
    for agency_id, asked in by_agency.items():
        agency = asked[0].owner_agency
        titles = "\n".join(f"- {item.indicator.definition.title}" for item in asked)
        notify(
            recipients=writers.get((partnership.pk, agency_id), []),
            partnership=partnership,
            kind="performance.exception_commentary_asked",
            subject=f"Commentary asked of {agency.name}: exception report, {report.period}",
            body=(
                f"The exception report for {report.period} draws the board's attention to "
                f"{'this indicator' if len(asked) == 1 else 'these indicators'} of {agency.name}'s:\n\n{titles}\n\n"
                f"Please write the agency's commentary{when}: what lies behind the figure and what the agency "
                "is doing about it."
            ),
            # One indicator: straight to its commentary; several: the report, where each has its link.
            path=partnership_url("performance:exception_comment", partnership, pk=asked[0].pk)
            if len(asked) == 1
            else partnership_url("performance:exception_detail", partnership, pk=report.pk),
            target=report,
        )


@transaction.atomic
def exception_commentary_write(*, actor: User, item: ExceptionItem, commentary: str) -> ExceptionItem:
    """Write (or rewrite) the owning agency's commentary on an item: its lead or the business
    unit. Raises PermissionDenied for anyone else, ValidationError for empty commentary."""
    if not may_comment(user=actor, item=item):
        raise PermissionDenied
    commentary = commentary.strip()
    if not commentary:
        raise ValidationError({"commentary": "Enter the agency's commentary."})
    if commentary == item.commentary:
        return item
    item.commentary = commentary
    item.commentary_by = actor
    item.commentary_at = timezone.now()
    item.save(update_fields=["commentary", "commentary_by", "commentary_at"])
    # The scorecard shows the newest commentary beside each figure.
    bump_partnership(item.report.partnership_id)
    event_record(
        actor=actor,
        verb="exception.commented",
        target=item,
        partnership=item.report.partnership,
        summary=f"Commentary on {item.indicator.definition.title} in the exception report for {item.report.period}",
    )
    return item


@transaction.atomic
def exception_action_raise(
    *,
    actor: User,
    item: ExceptionItem,
    title: str,
    owner_agency: Agency,
    due_on: dt.date,
    description: str = "",
    owner: User | None = None,
    owner_name: str = "",
    rag: str = "",
) -> Action:
    """Raise an action in the tracker from an exception item (the item is its source). Needs
    ``performance.manage``; the action's own rules (owners of this partnership, a due date not
    past) are action_create's."""
    partnership = item.report.partnership
    if not can_manage_exceptions(user=actor, partnership=partnership):
        raise PermissionDenied
    return action_create(
        actor=actor,
        partnership=partnership,
        title=title,
        owner_agency=owner_agency,
        due_on=due_on,
        description=description,
        owner=owner,
        owner_name=owner_name,
        rag=rag,
        source=item,
        source_label=f"Exception report {item.report.period}: {item.indicator.definition.title}",
    )
