"""Writes the Section 11 demo: the regional cycles of 2013-14 and 2014-15 for the four West Mercia
partnerships on the classic framework (closed, every return accepted, the cross-border agencies
answering once), Shropshire's schools and early years audits of 2014-15, and the current year's
regional cycle, open, its deadline a week before the day the demo is loaded, with returns in
every state: two of Shropshire's overdue, and challenges waiting for an agency lead and for the
moderator.

Records are written with the models directly (the demo is history, not a person's actions), and
an event is recorded for each cycle so the trail shows where they came from. Ratings are drawn
from a hash of the agency and criterion, so every load is the same.
"""

import datetime as dt
import hashlib

from django.utils import timezone

from assure.accounts.models import User
from assure.audit.services import event_record
from assure.demo import people, region
from assure.library.selectors import current_item
from assure.partnerships.models import Agency, Partnership, PartnershipAgency

from ..framework import Framework
from ..models import ChallengeMessage, Cycle, Response, Return
from . import content

Status = Return.Status
Moderation = Response.Moderation


def _draw(*parts: str) -> int:
    """A number from 0 to 255, the same for the same parts on every run."""
    return hashlib.sha256("|".join(parts).encode()).digest()[0]


def self_score(agency_key: str, ref: str, year: str) -> str:
    """A plausible 0-3 self score: mostly 2 and 3, some 1, a few 0; a little lower the year before."""
    draw = _draw(agency_key, ref, year)
    if year != region.YEAR:
        draw = max(draw - 40, 0)
    return "3" if draw >= 140 else "2" if draw >= 45 else "1" if draw >= 12 else "0"


def moderated_score(agency_key: str, ref: str, self: str) -> str:
    """The moderator's score where it differs from the agency's: lower for an over-rater's
    strong claims, and now and then for anyone's."""
    threshold = 90 if agency_key in content.OVER_RATERS else 20
    if self in ("2", "3") and _draw("moderation", agency_key, ref) < threshold:
        return str(int(self) - 1)
    return ""


class Section11DemoFailed(Exception):
    """The demo cannot be written: the message says why."""


class Section11DemoWriter:
    def __init__(
        self,
        *,
        partnerships: dict[str, Partnership],
        agencies: dict[str, Agency],
        users: dict[tuple[str, str], User],
        today: dt.date,
    ):
        self.partnerships = partnerships
        self.agencies = agencies
        self.users = users
        self.today = today
        self.lead = partnerships[content.LEAD]
        self.business_unit = users[(content.LEAD, "business-unit")]
        self.auditor = users[(content.LEAD, "auditor")]
        # The agency each demo agency lead acts for -> that lead (the police lead is one person
        # in all four partnerships).
        self.agency_leads = {
            p.agency: users[(p.partnership, p.local_part or p.role)]
            for p in people.PEOPLE
            if p.role == "agency-lead" and p.agency
        }

    def write(self) -> dict[str, int]:
        missing = [
            code
            for code in (content.CLASSIC, content.SCHOOLS, content.EARLY_YEARS)
            if current_item(kind="section11-framework", code=code) is None
        ]
        if missing:
            raise Section11DemoFailed(
                f"The library lacks the Section 11 frameworks {', '.join(missing)}: load it first."
            )
        classic = current_item(kind="section11-framework", code=content.CLASSIC)
        earlier = self._classic_cycle(classic, year="2013-14", deadline=content.DEADLINES["2013-14"])
        year = self._classic_cycle(classic, year=region.YEAR, deadline=content.DEADLINES[region.YEAR], previous=earlier)
        self._classic_cycle(
            classic,
            year=region.current_year(self.today),
            deadline=self.today - dt.timedelta(days=content.CURRENT_DEADLINE_DAYS_AGO),
            previous=year,
            states=content.STATES,
        )
        self._schools_cycle()
        self._early_years_cycle()
        return {"section11 cycles": Cycle.objects.count(), "section11 returns": Return.objects.count()}

    # --- the classic, regional cycles ----------------------------------------------------------

    def _cycle(self, *, framework, title: str, year: str, partnerships, deadline: dt.date, status) -> Cycle:
        cycle = Cycle.objects.create(
            title=title,
            year=year,
            framework=framework,
            lead_partnership=self.lead,
            opens_on=deadline - dt.timedelta(days=90),
            deadline=deadline,
            status=status,
            created_by=self.business_unit,
            created_at=timezone.now() - dt.timedelta(days=(self.today - deadline).days + 90),
        )
        cycle.partnerships.set(partnerships)
        for partnership in partnerships:
            event_record(
                actor=self.business_unit,
                verb="section11.cycle_opened",
                target=cycle,
                partnership=partnership,
                summary=f"Demo: {title} opened",
            )
        return cycle

    def _classic_cycle(
        self, framework, *, year: str, deadline: dt.date, previous: Cycle | None = None, states=None
    ) -> Cycle:
        """A regional cycle: closed with every return accepted (a past year), or open with each
        agency's return in the state ``states`` gives it (the current year; accepted otherwise)."""
        cycle = self._cycle(
            framework=framework,
            title=f"West Mercia Section 11 audit {year}",
            year=year,
            partnerships=list(self.partnerships.values()),
            deadline=deadline,
            status=Cycle.Status.OPEN if states is not None else Cycle.Status.CLOSED,
        )
        if previous is not None:
            cycle.previous = previous
            cycle.save(update_fields=["previous"])
        read = Framework(framework)
        for spec in region.AGENCIES:
            if not read.answered_by(spec.agency_type):
                continue
            self._classic_return(cycle, read, spec.key, (states or {}).get(spec.key, "accepted"))
        return cycle

    def _classic_return(self, cycle: Cycle, framework: Framework, key: str, state: str) -> Return:
        agency = self.agencies[key]
        handed_in = state in ("submitted", "under_challenge", "accepted")
        submitted_at = timezone.now() - dt.timedelta(days=(self.today - cycle.deadline).days + 3)
        return_record = Return.objects.create(
            cycle=cycle,
            agency=agency,
            status=state,
            submitted_at=submitted_at if handed_in else None,
            submitted_by=self.agency_leads.get(key) if handed_in else None,
            accepted_at=submitted_at + dt.timedelta(days=20) if state == "accepted" else None,
            accepted_by=self.auditor if state == "accepted" else None,
        )
        agency_type = agency.agency_type.code
        for number, criterion in enumerate(framework.criteria):
            applies = criterion.applies(agency_type)
            rated = applies and (state != "in_progress" or number % 2 == 0) and state != "not_started"
            self_rating = self_score(key, criterion.ref, cycle.year) if rated else ""
            moderated = moderated_score(key, criterion.ref, self_rating) if state == "accepted" and rated else ""
            Response.objects.create(
                return_record=return_record,
                criterion=criterion.ref,
                not_applicable=not applies,
                self_rating=self_rating,
                evidence=f"See the {agency.name} evidence pack, section {criterion.ref}." if rated else "",
                moderated_rating=moderated,
                moderation=Moderation.ACCEPTED if state == "accepted" and applies else Moderation.PENDING,
                updated_by=self.agency_leads.get(key),
            )
        if state == "under_challenge":
            self._challenge(return_record, key)
        if state == "accepted" and return_record.responses.exclude(moderated_rating="").exists():
            changed = return_record.responses.exclude(moderated_rating="").first()
            ChallengeMessage.objects.create(
                response=changed, kind=ChallengeMessage.Kind.NOTE, text=content.ACCEPT_NOTE, author=self.auditor
            )
        return return_record

    def _challenge(self, return_record: Return, key: str) -> None:
        for challenge in content.CHALLENGES:
            if challenge.agency != key:
                continue
            response = return_record.responses.get(criterion=challenge.criterion)
            asked = timezone.now() - dt.timedelta(days=5)
            ChallengeMessage.objects.create(
                response=response,
                kind=ChallengeMessage.Kind.QUESTION,
                text=challenge.question,
                author=self.auditor,
                created_at=asked,
            )
            response.moderation = Moderation.CHALLENGED
            lead = self.agency_leads.get(key)
            if challenge.answer and lead:
                ChallengeMessage.objects.create(
                    response=response,
                    kind=ChallengeMessage.Kind.ANSWER,
                    text=challenge.answer,
                    author=lead,
                    created_at=asked + dt.timedelta(days=2),
                )
                response.moderation = Moderation.ANSWERED
            response.save(update_fields=["moderation"])
        # The moderator has accepted the first criteria of the return before challenging.
        return_record.responses.filter(moderation=Moderation.PENDING, criterion__startswith="1.").update(
            moderation=Moderation.ACCEPTED
        )

    # --- Shropshire's schools and early years audits -------------------------------------------

    def _setting(self, name: str, agency_type_code: str) -> Agency:
        agency_type = current_item(kind="agency-type", code=agency_type_code)
        agency = Agency.objects.create(
            name=name, agency_type=agency_type, sector=current_item(kind="sector", code=agency_type.data["sector"])
        )
        PartnershipAgency.objects.create(partnership=self.lead, agency=agency, on_board=False)
        return agency

    def _audit_return(self, cycle: Cycle, agency: Agency, ratings: dict[str, str]) -> None:
        accepted = timezone.now() - dt.timedelta(days=(self.today - cycle.deadline).days - 10)
        return_record = Return.objects.create(
            cycle=cycle,
            agency=agency,
            status=Status.ACCEPTED,
            submitted_at=accepted - dt.timedelta(days=14),
            accepted_at=accepted,
            accepted_by=self.auditor,
        )
        read = Framework(cycle.framework)
        Response.objects.bulk_create(
            Response(
                return_record=return_record,
                criterion=criterion.ref,
                not_applicable=not criterion.applies(agency.agency_type.code),
                self_rating=ratings[criterion.ref] if criterion.applies(agency.agency_type.code) else "",
                moderation=Moderation.ACCEPTED,
            )
            for criterion in read.criteria
        )

    def _audit_cycle(self, code: str, title: str) -> tuple[Cycle, Framework]:
        framework = current_item(kind="section11-framework", code=code)
        cycle = self._cycle(
            framework=framework,
            title=title,
            year=region.YEAR,
            partnerships=[self.lead],
            deadline=content.DEADLINES[region.YEAR],
            status=Cycle.Status.CLOSED,
        )
        return cycle, Framework(framework)

    def _schools_cycle(self) -> None:
        cycle, framework = self._audit_cycle(content.SCHOOLS, f"Shropshire schools safeguarding audit {region.YEAR}")
        for setting in content.SCHOOL_SETTINGS:
            ratings = {
                c.ref: setting.not_met.get(c.ref) or ("fully-met" if _draw(setting.name, c.ref) >= 60 else "mostly-met")
                for c in framework.criteria
            }
            self._audit_return(cycle, self._setting(setting.name, setting.agency_type), ratings)

    def _early_years_cycle(self) -> None:
        cycle, framework = self._audit_cycle(
            content.EARLY_YEARS, f"Shropshire early years settings safeguarding audit {region.YEAR}"
        )
        for name, met in content.EARLY_YEARS_MET.items():
            ratings = {
                c.ref: ("fully-met" if c.ref in met else "partially-met" if _draw(name, c.ref) >= 70 else "not-met")
                for c in framework.criteria
            }
            self._audit_return(cycle, self._setting(name, "early-years"), ratings)


def section11_demo_load(
    *,
    partnerships: dict[str, Partnership],
    agencies: dict[str, Agency],
    users: dict[tuple[str, str], User],
    today: dt.date,
) -> dict[str, int]:
    """Write the Section 11 demo into the region the demo loader has just written; returns counts."""
    return Section11DemoWriter(partnerships=partnerships, agencies=agencies, users=users, today=today).write()
