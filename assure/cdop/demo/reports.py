"""The demo's agency reports: every death the joint panel reviewed has its agencies' reports
submitted, answered on the library's ``cdop-agency-report`` questionnaire with invented content
(no real child, family or practitioner); the open deaths show a report in every state: asked
and not yet due, being written, submitted, overdue with a reminder sent, and no longer needed.

Reads ``made["deaths"]`` (the deaths part's keys) and writes ``made["reports"]``: key of the
death → list of its AgencyReports."""

import datetime as dt

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from assure.demo import region
from assure.library.selectors import current_item
from assure.notifications.services import reminder_send
from assure.questionnaires.definition import questionnaire_of
from assure.questionnaires.models import Answer, Response

from ..models import AgencyReport
from ..services.reports import QUESTIONNAIRE, answer_path, reminder_text

# The agencies asked about a reviewed death, by the home partnership's demo key.
REVIEWED_AGENCIES = {
    "shropshire": ("shropshire-community-health", "sath", "police"),
    "telford": ("telford-csc", "sath"),
}

# The agencies the demo's agency leads act for (Shropshire's and Telford & Wrekin's): their
# reports are submitted by them; other agencies' leads have no demo account.
LEADS_AGENCIES = ("shropshire-community-health", "telford-csc")

# Each open death's reports: (agency key, state). The states the manager and leads see.
OPEN_REPORTS = {
    "open-1": (("shropshire-community-health", "requested"), ("police", "submitted"), ("sath", "draft")),
    "open-2": (("shropshire-community-health", "overdue"), ("shropshire-csc", "submitted")),
    "open-3": (("shropshire-csc", "withdrawn"), ("shropshire-community-health", "draft"), ("police", "requested")),
    "paused": (("sath", "submitted"), ("police", "overdue")),
}

# Invented answers, varied by the death's number so the reports are not all alike.
SERVICES = (
    "Health visiting from birth, with the new birth visit and the six to eight week review.",
    "Midwifery care through the pregnancy and two admissions to the children's ward.",
    "A social care assessment after a referral from the school; no further action.",
    "Attendance at the emergency department twice in the year before the death.",
    "Routine school nursing; the child's immunisations were up to date.",
)
LEARNING = (
    "Safer sleep advice is now repeated and recorded at every contact, not only at the first visit.",
    "Information about missed appointments is now shared with the GP within a week.",
    "Staff have been reminded to ask about smoking in the home at each visit.",
    "No learning for the agency was identified; its involvement was routine and timely.",
)


def _answers(number: int, death, *, complete: bool = True) -> dict:
    """Invented answers to the agency report (the engine's values: text, choices, dates)."""
    smoking = "yes" if number % 3 == 0 else "no"
    values = {
        "involved-with": ["child", "parents"] if number % 4 else ["parents"],
        "first-involved": max(death.date_of_birth - dt.timedelta(days=120), dt.date(2000, 1, 1)),
        "last-contact": death.date_of_death - dt.timedelta(days=7 + number % 20),
        "services": SERVICES[number % len(SERVICES)],
        "antenatal-concerns": "no" if number % 5 else "yes",
        "born-preterm": "yes" if number % 4 == 1 else "no",
        "development-concerns": "no",
        "long-term-condition": "yes" if number % 6 == 2 else "no",
        "smoking": smoking,
        "housing": "no" if number % 7 else "yes",
        "domestic-abuse": "not-known" if number % 2 else "no",
        "substance-use": "no",
        "child-protection-plan": "never" if number % 9 else "past",
        "looked-after": "no",
        "early-help": "no" if number % 5 else "yes",
        "factors-seen": ["family-and-environment"] if smoking == "yes" else ["none"],
        "learning": LEARNING[number % len(LEARNING)],
    }
    if values["antenatal-concerns"] == "yes":
        values["antenatal-detail"] = "Booked late, at 22 weeks, and missed two scans."
    if values["long-term-condition"] == "yes":
        values["condition-detail"] = "A heart condition managed by the regional cardiac team."
    if smoking == "yes":
        values["factors-detail"] = "Smoking in the home was recorded at more than one visit."
    if not complete:  # a draft: the first sections answered only
        keep = ("involved-with", "first-involved", "last-contact", "services", "antenatal-concerns", "born-preterm")
        values = {code: value for code, value in values.items() if code in keep}
    return values


def _moment(day: dt.date, hour: int = 11) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))


class _Writer:
    def __init__(self, *, partnership, agencies, manager, today):
        self.partnership = partnership
        self.agencies = agencies
        self.manager = manager
        self.today = today
        self.item = current_item(kind="questionnaire", code=QUESTIONNAIRE)
        self.definition = questionnaire_of(self.item)
        self.kinds = {q.code: q.type for q in self.definition.questions()}
        self.about_type = ContentType.objects.get_for_model(AgencyReport)

    def report(self, death, agency_key: str, *, requested: dt.date, due: dt.date, number: int) -> AgencyReport:
        agency = self.agencies[agency_key]
        report = AgencyReport.objects.create(
            death=death,
            agency=agency,
            agency_reference=f"{agency_key[:3].upper()}-{4100 + number * 7 + len(agency_key)}",
            due_on=due,
            requested_at=_moment(requested),
            requested_by=self.manager,
        )
        report.response = Response.objects.create(
            partnership=self.partnership,
            questionnaire=self.item,
            about_type=self.about_type,
            about_id=str(report.pk),
            agency=agency,
            status=Response.Status.DRAFT,
            created_at=_moment(requested),
            updated_at=_moment(requested),
        )
        report.save(update_fields=["response"])
        return report

    def answer(self, report: AgencyReport, values: dict, *, submitted_on: dt.date | None, lead) -> None:
        response = report.response
        moment = _moment(submitted_on or self.today, 15)
        rows = []
        for code, value in values.items():
            answer = Answer(response=response, question=code, updated_at=moment)
            answer.set_value(value, kind=self.kinds[code])
            rows.append(answer)
        Answer.objects.bulk_create(rows)
        response.answered, response.asked = self.definition.progress(values, response.sections)
        response.updated_at = moment
        if submitted_on:
            response.status = Response.Status.SUBMITTED
            response.submitted_at, response.submitted_by = moment, lead
            report.status = AgencyReport.Status.SUBMITTED
            report.submitted_at, report.submitted_by = moment, lead
        else:
            report.status = AgencyReport.Status.DRAFT
        response.save()
        report.save(update_fields=["status", "submitted_at", "submitted_by"])


def reports_demo_load(*, partnerships, agencies, users, today, made) -> None:
    deaths = made.get("deaths") or {}
    made["reports"] = {}
    if not deaths:
        return
    shropshire = partnerships[region.SHROPSHIRE]
    manager = users[(region.SHROPSHIRE, "cdop-manager")]
    leads = {
        "shropshire": users.get((region.SHROPSHIRE, "agency-lead")),
        "telford": users.get((region.TELFORD_WREKIN, "agency-lead")),
    }
    writer = _Writer(partnership=shropshire, agencies=agencies, manager=manager, today=today)
    for side, agency_keys in REVIEWED_AGENCIES.items():
        count = 20 if side == "shropshire" else 12
        for number in range(1, count + 1):
            key = f"{side}-{number:02d}"
            death = deaths.get(key)
            if death is None:
                continue
            requested = death.notified_on + dt.timedelta(days=3)
            due = requested + dt.timedelta(days=28)
            made["reports"][key] = []
            for offset, agency_key in enumerate(agency_keys):
                report = writer.report(death, agency_key, requested=requested, due=due, number=number)
                writer.answer(
                    report,
                    _answers(number + offset, death),
                    submitted_on=due - dt.timedelta(days=2 + (number + offset) % 5),
                    lead=leads[side] if agency_key in LEADS_AGENCIES else None,
                )
                made["reports"][key].append(report)
    for number, (key, wanted) in enumerate(OPEN_REPORTS.items(), start=30):
        death = deaths.get(key)
        if death is None:
            continue
        made["reports"][key] = []
        for offset, (agency_key, state) in enumerate(wanted):
            requested = today - dt.timedelta(days=35 if state == "overdue" else 20)
            due = today + dt.timedelta(days=14) if state in ("requested", "draft") else today - dt.timedelta(days=7)
            report = writer.report(death, agency_key, requested=requested, due=due, number=number + offset)
            if state == "submitted":
                writer.answer(
                    report,
                    _answers(number + offset, death),
                    submitted_on=today - dt.timedelta(days=9),
                    lead=leads["shropshire"] if agency_key in LEADS_AGENCIES else None,
                )
            elif state == "draft":
                writer.answer(report, _answers(number + offset, death, complete=False), submitted_on=None, lead=None)
            elif state == "withdrawn":
                report.status = AgencyReport.Status.WITHDRAWN
                report.save(update_fields=["status"])
            elif state == "overdue":
                lead = leads["shropshire"] if agency_key in LEADS_AGENCIES else None
                _remind(report, partnership=shropshire, manager=manager, lead=lead, today=today)
            made["reports"][key].append(report)


def _remind(report: AgencyReport, *, partnership, manager, lead, today: dt.date) -> None:
    """A reminder sent three days ago by the manager, recorded as the service records it."""
    day = today - dt.timedelta(days=3)
    subject, body = reminder_text(report, day)
    reminder_send(
        actor=manager,
        target=report,
        partnership=partnership,
        recipients=[lead] if lead else [],
        subject=subject,
        body=body,
        path=answer_path(report, partnership),
        kind="cdop.report_reminder",
        today=day,
    )
    report.last_reminded = _moment(day, 9)
    report.save(update_fields=["last_reminded"])
