"""The demo's multi-agency registers: Shropshire's 2013-14 and 2014-15 (``history.py``), giving the
annual report's figures when counted by the rules of ``figures.py``.

- CSE panel referrals: 11 in 2013-14 and 50 in 2014-15.
- MARAC: 175 cases in 2014-15, 26 repeats, 207 children; February and March 2015 came in the
  police's monthly uploads.
- Custody overnight after charge: four between November 2014 and July 2015 (three in 2014-15).
- Operation Encompass: 300 schools told in 2014-15, about 85% by 09:00 the next working day.
- Missing episodes: 400 in 2014-15, with return interviews offered and taken up.
- Placement notifications: 120 in 2014-15 from two verified private providers (the demo's provider
  persona runs one), each with its CSE risk assessment; and the persona's latest, dated from the
  day of loading (one still a draft). A third provider waits for the business unit's check.

The CSE panel, missing episodes, Operation Encompass, custody and placements are monitored under
the business plan's priority for missing children, MARAC under compromised parenting, with the
indicators counted from them on the scorecard. Entries are written in bulk, numbered in the order
they happened, so the demo stays quick to load."""

from __future__ import annotations

import datetime as dt
import random

from django.contrib.auth.hashers import make_password
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from assure.accounts.models import Membership, User
from assure.demo import people, region
from assure.library.selectors import current_item
from assure.plans.models import Priority
from assure.questionnaires.models import Answer, Response

from ..kinds import kind_for
from ..models import Entry, MonitoredUnder, Provider, Upload
from . import history

MISSING_PRIORITY = "Children who go missing, child sexual exploitation and trafficking"
PARENTING_PRIORITY = "Compromised parenting"
MONITORED = {
    "cse-panel-referral": MISSING_PRIORITY,
    "missing-episode": MISSING_PRIORITY,
    "operation-encompass": MISSING_PRIORITY,
    "custody-after-charge": MISSING_PRIORITY,
    "placement-notification": MISSING_PRIORITY,
    "marac-case": PARENTING_PRIORITY,
}
DOMAIN = f"providers.{region.SHROPSHIRE}.{people.EMAIL_DOMAIN}"
# The second provider's manager, and a provider who has signed up and waits for the business unit.
OTHER_MANAGER = ("Dominic Ashcombe", "Responsible individual")
WAITING = ("Meadowsweet Care Ltd", "Priya Lanyon", "Registered manager", "Meadowsweet Farm")


def registers_demo_load(*, partnerships, agencies, users, today: dt.date) -> dict[str, int]:
    """Write Shropshire's registers. Returns counts of what was written."""
    partnership = partnerships[region.SHROPSHIRE]
    business_unit = users[(region.SHROPSHIRE, "business-unit")]
    rng = random.Random(2015)
    providers = _providers(partnership, users, business_unit)
    drawn = [
        *history.cse_referrals(rng, today=today),
        *history.marac_cases(rng),
        *history.custody(today),
        *history.encompass(rng),
        *history.missing(rng),
        *history.placements(rng),
        *history.placements_now(rng, today),
    ]
    recorders = {
        "business-unit": business_unit,
        "police-lead": users[(region.SHROPSHIRE, "police-lead")],
        **{key: provider.user for key, provider in providers.items()},
    }
    entries = _entries(partnership, agencies, recorders, providers, drawn)
    _assessments(partnership, entries, drawn)
    uploads = _uploads(partnership, agencies, recorders["police-lead"], entries)
    _monitored(partnership, business_unit)
    return {"register entries": len(entries), "register uploads": uploads}


def _providers(partnership, users, business_unit) -> dict[str, Provider]:
    """The persona's company and another, both verified; a third waiting for the check."""
    unusable = make_password(None)
    verified = dt.datetime(2014, 3, 20, 10, tzinfo=dt.UTC)
    persona = users[(region.SHROPSHIRE, "provider")]
    other = User.objects.create(
        email=f"dominic.ashcombe@{DOMAIN}", full_name=OTHER_MANAGER[0], job_title=OTHER_MANAGER[1], password=unusable
    )
    organisation, name, role, home = WAITING
    waiting = User.objects.create(email=f"priya.lanyon@{DOMAIN}", full_name=name, job_title=role, password=unusable)
    Membership.objects.bulk_create(
        Membership(user=user, partnership=partnership, role="provider") for user in (other, waiting)
    )
    made = {}
    for spec, user in zip(history.PROVIDERS, (persona, other), strict=True):
        made[spec.key] = Provider.objects.create(
            user=user,
            partnership=partnership,
            organisation=spec.organisation,
            homes="\n".join(spec.homes),
            ofsted_urn=f"SC{480000 + 137 * len(made) + 41}",
            job_role=user.job_title or "Registered manager",
            status=Provider.Status.VERIFIED,
            reviewed_by=business_unit,
            reviewed_at=verified,
            verified_at=verified,
            created_at=verified - dt.timedelta(days=2),
        )
    Provider.objects.create(
        user=waiting,
        partnership=partnership,
        organisation=organisation,
        homes=home,
        ofsted_urn="SC493318",
        job_role=role,
        verified_at=timezone.now() - dt.timedelta(days=2),
    )
    return made


def _recorded_at(item: history.Drawn) -> dt.datetime:
    # Entries were recorded the working day after they happened; the draft only just begun.
    return dt.datetime.combine(item.occurred_on + dt.timedelta(days=1), dt.time(10), tzinfo=dt.UTC)


def _entries(partnership, agencies, recorders, providers, drawn: list[history.Drawn]) -> list[Entry]:
    """Every entry, numbered RG-0001 upward in the order they happened."""
    kinds = {item.kind_code: kind_for(partnership, item.kind_code).item for item in drawn}
    drawn.sort(key=lambda item: (item.occurred_on, item.kind_code, item.reference))
    return Entry.objects.bulk_create(
        Entry(
            partnership=partnership,
            kind=kinds[item.kind_code],
            kind_code=item.kind_code,
            number=f"RG-{n:04d}",
            agency=agencies[item.agency],
            agency_reference=item.reference,
            age=item.age,
            sex=item.sex,
            area=item.area,
            occurred_on=item.occurred_on,
            values=item.values,
            status=item.status,
            source=Entry.Source.PROVIDER if item.provider else Entry.Source.FORM,
            provider=providers[item.provider] if item.provider else None,
            recorded_by=recorders[item.recorder],
            recorded_at=min(_recorded_at(item), timezone.now()),
        )
        for n, item in enumerate(drawn, start=1)
    )


def _assessments(partnership, entries: list[Entry], drawn: list[history.Drawn]) -> None:
    """Each notification's CSE risk assessment, submitted with it (the draft's begun)."""
    questionnaire = current_item(kind="questionnaire", code="cse-risk-assessment")
    about = ContentType.objects.get_for_model(Entry)
    pairs = [(entry, item) for entry, item in zip(entries, drawn, strict=True) if item.answers]
    responses = Response.objects.bulk_create(
        Response(
            partnership=partnership,
            questionnaire=questionnaire,
            about_type=about,
            about_id=str(entry.pk),
            status=Response.Status.SUBMITTED if entry.is_submitted else Response.Status.DRAFT,
            answered=len(item.answers) if entry.is_submitted else 3,
            asked=len(item.answers),
            submitted_at=entry.recorded_at if entry.is_submitted else None,
            submitted_by=entry.recorded_by if entry.is_submitted else None,
            created_at=entry.recorded_at,
            updated_at=entry.recorded_at,
        )
        for entry, item in pairs
    )
    answers = []
    for response, (entry, item) in zip(responses, pairs, strict=True):
        given = list(item.answers.items()) if entry.is_submitted else list(item.answers.items())[:3]
        for code, value in given:
            answers.append(
                Answer(
                    response=response, question=code, **({"text": value} if code == "cse-plan" else {"choice": value})
                )
            )
        entry.response = response
    Answer.objects.bulk_create(answers)
    Entry.objects.bulk_update([entry for entry, _ in pairs], ["response"])


def _uploads(partnership, agencies, police_lead, entries: list[Entry]) -> int:
    """February and March 2015's MARAC cases, as the police uploaded them a month at a time."""
    kind = kind_for(partnership, "marac-case").item
    for month in history.MARAC_UPLOADED_MONTHS:
        rows = [e for e in entries if e.kind_code == "marac-case" and e.occurred_on.replace(day=1) == month]
        upload = Upload.objects.create(
            partnership=partnership,
            kind=kind,
            kind_code="marac-case",
            agency=agencies["police"],
            month=month,
            filename=f"marac-cases-{month:%Y-%m}.csv",
            rows=len(rows),
            uploaded_by=police_lead,
            uploaded_at=dt.datetime.combine(
                month.replace(day=28) + dt.timedelta(days=7), dt.time(9, 30), tzinfo=dt.UTC
            ),
        )
        Entry.objects.filter(pk__in=[e.pk for e in rows]).update(upload=upload, source=Entry.Source.UPLOAD)
    return len(history.MARAC_UPLOADED_MONTHS)


def _monitored(partnership, business_unit) -> None:
    priorities = {
        p.title: p for p in Priority.objects.filter(partnership=partnership, title__in=set(MONITORED.values()))
    }
    MonitoredUnder.objects.bulk_create(
        MonitoredUnder(partnership=partnership, kind_code=code, priority=priorities[title], set_by=business_unit)
        for code, title in MONITORED.items()
        if title in priorities
    )
