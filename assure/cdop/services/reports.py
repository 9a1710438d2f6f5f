"""Agency reports on a child's death: the child death review manager asks each involved agency for
its report by a date (its leads are told, with the address of their answer page), each agency's
lead answers the library's ``cdop-agency-report`` questionnaire and submits it, and the manager
chases what is late, by hand or through the daily ``cdop-agency-report`` reminder source.

Every message names the death by its reference and the agency's own record number, never the
child: the leads who receive them do not hold the ``cdop`` grant."""

import datetime as dt
from collections.abc import Iterable, Mapping

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from assure.accounts.models import User
from assure.accounts.recipients import agency_people_with
from assure.audit.services import event_record
from assure.core.computations import records_changed
from assure.core.navigation import partnership_url
from assure.library.selectors import current_item
from assure.notifications.models import Reminder
from assure.notifications.reminders import ReminderDue
from assure.notifications.services import notify, reminder_send
from assure.partnerships.models import Agency
from assure.questionnaires.models import Response
from assure.questionnaires.services import response_start, response_submit

from ..models import AgencyReport, ChildDeath, PanelPartnership
from ..permissions import ensure_can_manage_cases, may_write_report

# The library questionnaire the agencies answer, and the reminder rule that chases them.
QUESTIONNAIRE = "cdop-agency-report"
REMINDER_RULE = "cdop-agency-report"
# The permission an agency's leads hold to answer (requests and reminders go to them).
WRITE = "cdop.report"
# The permission of those told that a report has come in.
MANAGE = "cdop.manage"


def _day(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def _panel_partnership_ids(death: ChildDeath) -> list[int]:
    """The partnerships that have joined the death's panel: an agency's leads may act for it in
    any of them."""
    return list(
        PanelPartnership.objects.filter(panel_id=death.panel_id, status=PanelPartnership.Status.JOINED).values_list(
            "partnership_id", flat=True
        )
    )


def report_leads(*, partnership_ids: Iterable[int]) -> dict[tuple[int, int], list[User]]:
    """The agency leads who answer reports, by (partnership id, agency id), in one query."""
    return agency_people_with(permission=WRITE, partnership_ids=partnership_ids)


def answer_path(report: AgencyReport, partnership) -> str:
    """The address of the report's answer page, in the partnership where the lead acts."""
    return partnership_url("cdop:report_answer", partnership, pk=report.pk)


def _tell_leads(*, report: AgencyReport, leads, partnerships, kind: str, subject: str, body: str) -> None:
    """Tell the agency's leads in each partnership of the panel, each with the address of the
    answer page in their own partnership."""
    for partnership in partnerships:
        people = leads.get((partnership.pk, report.agency_id), [])
        if people:
            notify(
                recipients=people,
                partnership=partnership,
                kind=kind,
                subject=subject,
                body=body,
                path=answer_path(report, partnership),
                target=report,
            )


def _words(report: AgencyReport) -> str:
    """How a message names the report: the death's reference and the agency's own record."""
    own = f" (your record {report.agency_reference})" if report.agency_reference else ""
    return f"child death {report.death.reference}{own}"


def agencies_for_request(*, partnership) -> list[Agency]:
    """The agencies a report may be asked of: the partnership's agencies."""
    return list(Agency.objects.filter(partnership_links__partnership=partnership).distinct().order_by("name"))


@transaction.atomic
def report_request(
    *,
    actor: User,
    partnership,
    death: ChildDeath,
    agencies,
    due_on: dt.date | None,
    agency_references: Mapping[int, str] | None = None,
) -> list[AgencyReport]:
    """Ask each agency for its report on the death by ``due_on`` (one report an agency; one asked
    already is not asked again), telling its leads with the address of their answer page. Needs
    the manager's role and grant; the death must still be open. ``agency_references`` gives each
    agency's own record number, by agency id."""
    ensure_can_manage_cases(user=actor, partnership=partnership)
    agencies = list(agencies)
    references = {int(k): (v or "").strip() for k, v in (agency_references or {}).items()}
    problems: dict[str, str] = {}
    if not death.is_open:
        problems["agencies"] = f"{death.reference} is {death.get_status_display().lower()}: ask while it is open."
    elif not agencies:
        problems["agencies"] = "Choose the agencies asked for a report."
    else:
        allowed = {a.pk for a in agencies_for_request(partnership=partnership)} | set(
            death.agencies_involved.values_list("pk", flat=True)
        )
        if any(agency.pk not in allowed for agency in agencies):
            problems["agencies"] = "Choose agencies of this partnership."
    if due_on is None:
        problems["due_on"] = "Enter the date the reports are due."
    elif due_on < timezone.localdate():
        problems["due_on"] = "The due date cannot be in the past."
    if any(len(ref) > 40 for ref in references.values()):
        problems["agency_references"] = "An agency's reference must be 40 characters or fewer."
    if problems:
        raise ValidationError(problems)
    questionnaire = current_item(kind="questionnaire", code=QUESTIONNAIRE)
    if questionnaire is None:
        raise ValidationError({"agencies": "The library has no agency report questionnaire: load the library."})
    already = set(AgencyReport.objects.filter(death=death, agency__in=agencies).values_list("agency_id", flat=True))
    made = []
    for agency in agencies:
        if agency.pk in already:
            continue
        report = AgencyReport.objects.create(
            death=death,
            agency=agency,
            agency_reference=references.get(agency.pk, ""),
            due_on=due_on,
            requested_by=actor,
        )
        report.response = response_start(
            actor=actor, partnership=partnership, questionnaire=questionnaire, about=report, agency=agency
        )
        report.save(update_fields=["response"])
        made.append(report)
    if not made:
        return made
    partnership_ids = _panel_partnership_ids(death)
    leads = report_leads(partnership_ids=partnership_ids)
    partnerships = _partnerships(partnership_ids)
    for report in made:
        _tell_leads(
            report=report,
            leads=leads,
            partnerships=partnerships,
            kind="cdop.report_requested",
            subject=f"Agency report on child death {death.reference} for {report.agency} by {_day(due_on)}",
            body=(
                f"The child death overview panel asks {report.agency} for its report on {_words(report)}, "
                f"by {_day(due_on)}.\n\nAnswer it in Assure. The child is named only by the reference: "
                "write no names in your answers."
            ),
        )
    event_record(
        actor=actor,
        verb="cdop.reports_requested",
        target=death,
        partnership=partnership,
        summary=f"Child death {death.reference}: reports asked of {len(made)} "
        f"{'agency' if len(made) == 1 else 'agencies'} by {_day(due_on)}",
        data={"agencies": [r.agency_id for r in made], "due_on": due_on.isoformat()},
    )
    return made


def _partnerships(ids: Iterable[int]) -> list:
    from assure.partnerships.models import Partnership

    return list(Partnership.objects.filter(pk__in=list(ids)).order_by("pk"))


def reminder_text(report: AgencyReport, today: dt.date) -> tuple[str, str]:
    due = _day(report.due_on)
    if report.due_on < today:
        subject = f"Overdue: {report.agency}'s report on child death {report.death.reference}, due {due}"
        opening = f"{report.agency}'s report on {_words(report)} was due on {due}."
    else:
        subject = f"Reminder: {report.agency}'s report on child death {report.death.reference} is due {due}"
        opening = f"{report.agency}'s report on {_words(report)} is due on {due}."
    return subject, f"{opening}\n\nAnswer it in Assure."


def _reminder_path(report: AgencyReport, leads) -> tuple[object, list, str]:
    """The partnership, the leads and the answer page a reminder goes with: the first partnership
    of the panel where the agency has a lead (a reminder is one record, so one address)."""
    for partnership in _partnerships(_panel_partnership_ids(report.death)):
        people = leads.get((partnership.pk, report.agency_id), [])
        if people:
            return partnership, people, answer_path(report, partnership)
    host = report.death.panel.host
    return host, [], answer_path(report, host)


@transaction.atomic
def report_remind(*, actor: User, partnership, report: AgencyReport, today: dt.date | None = None) -> Reminder | None:
    """The manager's "Send a reminder" to the agency's leads about a report not yet submitted.
    Once a day at most: None when it was reminded today already or the agency has no lead."""
    ensure_can_manage_cases(user=actor, partnership=partnership)
    if not report.is_outstanding:
        raise ValidationError(f"{report.agency}'s report is {report.get_status_display().lower()}: nothing to chase.")
    today = today or timezone.localdate()
    subject, body = reminder_text(report, today)
    leads = report_leads(partnership_ids=_panel_partnership_ids(report.death))
    where, people, path = _reminder_path(report, leads)
    reminder = reminder_send(
        actor=actor,
        target=report,
        partnership=where,
        recipients=people,
        subject=subject,
        body=body,
        path=path,
        kind="cdop.report_reminder",
        today=today,
    )
    if reminder is not None:
        report.last_reminded = timezone.now()
        report.save(update_fields=["last_reminded"])
    return reminder


def reports_reminders_due(*, today: dt.date) -> list[ReminderDue]:
    """The ``cdop-agency-report`` reminder source: every report still outstanding on an open death,
    in every partnership, with its agency's leads; in a constant number of queries."""
    awaited = list(
        AgencyReport.objects.filter(AgencyReport.OUTSTANDING)
        .filter(death__status__in=[ChildDeath.Status.NOTIFIED, ChildDeath.Status.PAUSED])
        .select_related("death", "death__panel", "agency")
    )
    if not awaited:
        return []
    memberships = list(
        PanelPartnership.objects.filter(
            panel_id__in={r.death.panel_id for r in awaited}, status=PanelPartnership.Status.JOINED
        ).select_related("partnership")
    )
    by_panel: dict[int, list] = {}
    for membership in sorted(memberships, key=lambda m: m.partnership_id):
        by_panel.setdefault(membership.panel_id, []).append(membership.partnership)
    leads = report_leads(partnership_ids={m.partnership_id for m in memberships})
    due = []
    for report in awaited:
        where = next(
            (p for p in by_panel.get(report.death.panel_id, []) if leads.get((p.pk, report.agency_id))),
            None,
        )
        if where is None:
            continue
        subject, body = reminder_text(report, today)
        due.append(
            ReminderDue(
                target=report,
                partnership=where,
                recipients=leads[(where.pk, report.agency_id)],
                deadline=report.due_on,
                subject=subject,
                body=body,
                path=answer_path(report, where),
                kind="cdop.report_reminder",
            )
        )
    return due


@transaction.atomic
def report_withdraw(*, actor: User, partnership, report: AgencyReport, reason: str) -> AgencyReport:
    """The report is no longer needed (the agency had no involvement after all, or the death was
    passed on): the reason is kept in the trail and the agency's leads are told."""
    ensure_can_manage_cases(user=actor, partnership=partnership)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": "Say why the report is no longer needed."})
    if not report.is_outstanding:
        raise ValidationError({"reason": f"{report.agency}'s report is {report.get_status_display().lower()}."})
    report.status = AgencyReport.Status.WITHDRAWN
    report.save(update_fields=["status"])
    partnership_ids = _panel_partnership_ids(report.death)
    _tell_leads(
        report=report,
        leads=report_leads(partnership_ids=partnership_ids),
        partnerships=_partnerships(partnership_ids),
        kind="cdop.report_withdrawn",
        subject=f"No longer needed: {report.agency}'s report on child death {report.death.reference}",
        body=f"The child death overview panel no longer needs {report.agency}'s report on {_words(report)}.",
    )
    event_record(
        actor=actor,
        verb="cdop.report_withdrawn",
        target=report,
        partnership=partnership,
        summary=f"Child death {report.death.reference}: {report.agency}'s report no longer needed",
        data={"reason": reason},
    )
    return report


def report_started(*, actor: User, report: AgencyReport) -> None:
    """The lead has saved answers: the report is being written."""
    if report.status == AgencyReport.Status.REQUESTED:
        report.status = AgencyReport.Status.DRAFT
        report.save(update_fields=["status"])


@transaction.atomic
def report_submit(*, actor: User, partnership, report: AgencyReport) -> AgencyReport:
    """The agency's lead submits the report through the questionnaire engine (every shown required
    question answered); the panel's managers are told it has come in."""
    if not may_write_report(user=actor, partnership=partnership, report=report):
        raise PermissionDenied
    if report.response is None:
        raise ValidationError("The report has no answers yet.")
    death = report.death
    response_submit(
        actor=actor,
        response=report.response,
        status=Response.Status.SUBMITTED,
        summary=f"{report.agency}'s report on child death {death.reference} submitted",
    )
    report.status = AgencyReport.Status.SUBMITTED
    report.submitted_at, report.submitted_by = timezone.now(), actor
    report.save(update_fields=["status", "submitted_at", "submitted_by"])
    host = death.panel.host
    managers = _managers(host)
    if managers:
        notify(
            recipients=managers,
            partnership=host,
            kind="cdop.report_submitted",
            subject=f"{report.agency}'s report on child death {death.reference} has come in",
            body=f"{report.agency} has submitted its report on child death {death.reference}.",
            path=partnership_url("cdop:report_detail", host, pk=report.pk),
            target=report,
        )
    event_record(
        actor=actor,
        verb="cdop.report_submitted",
        target=report,
        partnership=partnership,
        summary=f"Child death {death.reference}: {report.agency}'s report submitted",
    )
    records_changed("cdop", partnership_ids=death.trail_partnership_ids())
    return report


def _managers(partnership) -> list[User]:
    """The child death review managers of the panel's host who hold the ``cdop`` grant."""
    from assure.accounts.recipients import roles_granting

    from ..permissions import can_manage_cases

    people = (
        User.objects.filter(
            memberships__partnership=partnership,
            memberships__is_active=True,
            memberships__role__in=roles_granting(MANAGE),
            is_active=True,
        )
        .distinct()
        .order_by("full_name")
    )
    return [person for person in people if can_manage_cases(user=person, partnership=partnership)]
