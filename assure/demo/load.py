"""Writes the demo region into an empty database, all at once or not at all."""

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from functools import cached_property

from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from assure.accounts.models import Membership, RestrictedGrant, User
from assure.accounts.services import operator_grant
from assure.actions.models import Action, ActionUpdate
from assure.audit.services import event_record
from assure.audits.demo import audits_demo_load
from assure.cdop.demo import cdop_demo_load
from assure.engagement.demo import engagement_demo_load
from assure.governance.demo import governance_demo_links, governance_demo_load
from assure.lado.demo import lado_demo_load
from assure.library.loader import load_library
from assure.library.selectors import current_item, role_definitions
from assure.notifications.services import held as notifications_held
from assure.partnerships.models import (
    Agency,
    Attendance,
    ConfidentialMinute,
    Contribution,
    Expenditure,
    Meeting,
    Partnership,
    PartnershipAgency,
    Subgroup,
)
from assure.performance.demo import performance_demo_exceptions, performance_demo_load
from assure.performance.services.computed import compute_all_indicators
from assure.plans.demo import plans_demo_evidence, plans_demo_load
from assure.registers.demo import registers_demo_load
from assure.reports.demo import reports_demo_load
from assure.reviews.demo import reviews_demo_load
from assure.section11.demo import section11_demo_load
from assure.training.demo import training_demo_load

from . import actions, budget, meetings, people, region, subgroups

# Where a sign-in of no partnership works, in the sign-in table.
INSTALLATION = "Whole installation"


class DemoRefused(Exception):
    """The demo cannot be loaded into this database; the message says why."""


@dataclass(frozen=True)
class DemoSignIn:
    partnership: str
    role: str
    email: str
    mfa_required: bool


@dataclass
class DemoReport:
    sign_ins: list[DemoSignIn] = field(default_factory=list)
    recovery_codes: dict[str, list[str]] = field(default_factory=dict)  # e-mail → codes
    counts: dict[str, int] = field(default_factory=dict)


def demo_load(*, today: dt.date | None = None) -> DemoReport:
    """Load the West Mercia demo region into a database that holds no partnership yet; loads the
    library first if it is missing. Raises DemoRefused, having changed nothing, otherwise."""
    if Partnership.objects.exists():
        raise DemoRefused(
            f"The database already holds {Partnership.objects.count()} partnership(s). The demo loads only into "
            "an empty database: nothing was changed. Start again from a fresh database (make demo does)."
        )
    _ensure_library()
    today = today or timezone.localdate()
    # The demo's requests are kept as history; its invented people are never e-mailed.
    with transaction.atomic(), notifications_held():
        return _DemoWriter(today).write()


def _needed_library_codes() -> set[tuple[str, str]]:
    types = {("agency-type", a.agency_type) for a in region.AGENCIES}
    roles = {("role", p.role) for p in people.PEOPLE} | {("role", people.OPERATOR.role)}
    return types | roles | {("restricted-area", ConfidentialMinute.RESTRICTED_AREA)}


def _missing_library_codes() -> list[str]:
    missing = set()
    for kind, code in _needed_library_codes():
        item = current_item(kind=kind, code=code)
        if item is None:
            missing.add(f"{kind} {code}")
        elif kind == "agency-type" and current_item(kind="sector", code=item.data["sector"]) is None:
            missing.add(f"sector {item.data['sector']}")
    return sorted(missing)


def _ensure_library() -> None:
    if _missing_library_codes():
        load_library()
    missing = _missing_library_codes()
    if missing:
        raise DemoRefused(f"The library lacks what the demo needs: {', '.join(missing)}.")


def attendance_status(meeting_key: str, agency_key: str) -> str:
    """A plausible attendance for one agency at one meeting: the same on every run (it is drawn
    from a hash of the two keys, not at random), mostly present, some deputies and apologies, a
    few absences; agencies the report says attend poorly send apologies or miss more often."""
    draw = hashlib.sha256(f"{meeting_key}|{agency_key}".encode()).digest()[0]
    present, deputy, apologies = (100, 135, 205) if agency_key in region.PATCHY_ATTENDERS else (180, 210, 240)
    if draw < present:
        return Attendance.Status.PRESENT
    if draw < deputy:
        return Attendance.Status.DEPUTY
    if draw < apologies:
        return Attendance.Status.APOLOGIES
    return Attendance.Status.ABSENT


class _DemoWriter:
    def __init__(self, today: dt.date):
        self.today = today
        self.report = DemoReport()
        self.partnerships: dict[str, Partnership] = {}
        self.agencies: dict[str, Agency] = {}
        self.agency_specs = {a.key: a for a in region.AGENCIES}
        self.users: dict[tuple[str, str], User] = {}  # (partnership slug, e-mail local part) → user

    def write(self) -> DemoReport:
        self._partnerships()
        self._agencies()
        self._people()
        self._operator()
        self._board_meetings()
        self._subgroups()
        self._confidential_item()
        self._budget()
        self._actions()
        # The business plan first: the scorecard and the annual report take its priorities.
        plans_demo_load(partnerships=self.partnerships, agencies=self.agencies, users=self.users, today=self.today)
        performance_demo_load(
            partnerships=self.partnerships, agencies=self.agencies, users=self.users, today=self.today
        )
        section11_demo_load(partnerships=self.partnerships, agencies=self.agencies, users=self.users, today=self.today)
        governance_demo_load(partnerships=self.partnerships, agencies=self.agencies, users=self.users, today=self.today)
        # The audits and the conferences quality-assured: the conference figures are computed from them.
        audits_demo_load(partnerships=self.partnerships, agencies=self.agencies, users=self.users, today=self.today)
        # Case considerations, reviews with their action plans, a rapid review on its clocks, briefings.
        reviews_demo_load(partnerships=self.partnerships, agencies=self.agencies, users=self.users, today=self.today)
        # The joint child death overview panel's year: notifications, agency reports, its analysis.
        cdop_demo_load(partnerships=self.partnerships, agencies=self.agencies, users=self.users, today=self.today)
        # The designated officer's allegations: Shropshire's 2013-14 and 2014-15, closed, and the live cases.
        lado_demo_load(partnerships=self.partnerships, agencies=self.agencies, users=self.users, today=self.today)
        # Multi-agency training: Shropshire's 2013-14 and 2014-15 programme, counted into the training figures.
        training_demo_load(partnerships=self.partnerships, agencies=self.agencies, users=self.users, today=self.today)
        # The multi-agency registers: Shropshire's 2013-14 and 2014-15 entries, counted into the registers' figures.
        registers_demo_load(partnerships=self.partnerships, agencies=self.agencies, users=self.users, today=self.today)
        # Engagement: the campaign, the e-safety surveys, the voices heard and the events, under Communication.
        engagement_demo_load(partnerships=self.partnerships, agencies=self.agencies, users=self.users, today=self.today)
        # The plan's reviews link indicators, Section 11 cycles and actions written above.
        plans_demo_evidence(partnerships=self.partnerships, users=self.users)
        # The figures Assure counts from the records just written (Section 11, meetings,
        # attendance), before the reports are computed from them.
        compute_all_indicators(partnerships=self.partnerships.values())
        # The exception reports rate the scorecard's figures, the computed ones among them.
        performance_demo_exceptions(
            partnerships=self.partnerships, agencies=self.agencies, users=self.users, today=self.today
        )
        reports_demo_load(partnerships=self.partnerships, agencies=self.agencies, users=self.users, today=self.today)
        # Board papers and challenges about records of other parts, once they all exist.
        governance_demo_links(partnerships=self.partnerships, users=self.users)
        for partnership in self.partnerships.values():
            event_record(
                actor=None,
                verb="demo.loaded",
                target=partnership,
                partnership=partnership,
                summary=f"Demo data loaded for {partnership.name}",
            )
        self.report.counts = {
            "partnerships": len(self.partnerships),
            "agencies": len(self.agencies),
            "users": User.objects.count(),
            "subgroups": Subgroup.objects.count(),
            "meetings": Meeting.objects.count(),
            "actions": Action.objects.count(),
        }
        return self.report

    def _partnerships(self) -> None:
        for spec in region.PARTNERSHIPS:
            self.partnerships[spec.slug] = Partnership.objects.create(
                name=spec.name,
                short_name=spec.short_name,
                slug=spec.slug,
                la_name=spec.la_name,
                old_la_code=spec.old_la_code,
                ons_code=spec.ons_code,
                region=region.REGION,
            )

    def _agencies(self) -> None:
        for spec in region.AGENCIES:
            agency_type = current_item(kind="agency-type", code=spec.agency_type)
            sector = current_item(kind="sector", code=agency_type.data["sector"])
            agency = Agency.objects.create(name=spec.name, agency_type=agency_type, sector=sector)
            for slug in spec.partnerships:
                PartnershipAgency.objects.create(
                    partnership=self.partnerships[slug], agency=agency, on_board=spec.on_board
                )
            self.agencies[spec.key] = agency

    @cached_property
    def password_hash(self) -> str:
        # One hash for the shared demo password: hashing it once per user would only slow the load.
        return make_password(people.DEMO_PASSWORD)

    def _people(self) -> None:
        definitions = role_definitions()
        for spec in people.PEOPLE:
            user = User.objects.filter(email=spec.email).first() or User.objects.create(
                email=spec.email, full_name=spec.full_name, job_title=spec.job_title, password=self.password_hash
            )
            Membership.objects.create(
                user=user,
                partnership=self.partnerships[spec.partnership],
                role=spec.role,
                agency=self.agencies[spec.agency] if spec.agency else None,
            )
            mfa_required = definitions[spec.role].mfa_required
            if mfa_required and not user.authenticator_set.exists():
                TOTP.activate(user, people.DEMO_TOTP_SECRET)
                codes = RecoveryCodes.activate(user).generate_codes()
                if spec.partnership == region.SHROPSHIRE and spec.role == "business-unit":
                    self.report.recovery_codes[spec.email] = codes
            self.users[(spec.partnership, spec.local_part or spec.role)] = user
            self.report.sign_ins.append(
                DemoSignIn(
                    self.partnerships[spec.partnership].name, definitions[spec.role].title, spec.email, mfa_required
                )
            )

    def _operator(self) -> None:
        """The installation's operator: granted the role as the server's shell grants it
        (``grant_operator``), and enrolled in MFA like the business units."""
        spec = people.OPERATOR
        definition = role_definitions()[spec.role]
        user = User.objects.create(
            email=spec.email, full_name=spec.full_name, job_title=spec.job_title, password=self.password_hash
        )
        operator_grant(actor=None, user=user)
        if definition.mfa_required:
            TOTP.activate(user, people.DEMO_TOTP_SECRET)
            RecoveryCodes.activate(user)
        self.report.sign_ins.append(DemoSignIn(INSTALLATION, definition.title, spec.email, definition.mfa_required))

    def _record_attendance(self, meeting: Meeting, meeting_key: str, agency_keys) -> None:
        for key in agency_keys:
            status = attendance_status(meeting_key, key)
            representative = self.agency_specs[key].representative
            if status == Attendance.Status.DEPUTY:
                representative = f"Deputy for the {representative[0].lower()}{representative[1:]}"
            elif status not in Attendance.ATTENDED:
                representative = ""
            Attendance.objects.create(
                meeting=meeting, agency=self.agencies[key], status=status, representative=representative
            )

    def _board_meetings(self) -> None:
        for slug, specs in meetings.BOARD_MEETINGS.items():
            partnership = self.partnerships[slug]
            on_board = [a.key for a in region.AGENCIES if slug in a.partnerships and a.on_board]
            for spec in specs:
                meeting = Meeting.objects.create(
                    partnership=partnership,
                    held_on=spec.held_on,
                    title="Board meeting",
                    location=spec.location,
                    notes=spec.notes,
                )
                self._record_attendance(meeting, f"{slug}|board|{spec.held_on}", on_board)
        shropshire = self.partnerships[region.SHROPSHIRE]
        on_board = [a.key for a in region.AGENCIES if region.SHROPSHIRE in a.partnerships and a.on_board]
        for spec in meetings.CURRENT_MEETINGS:
            meeting = Meeting.objects.create(
                partnership=shropshire,
                held_on=self._day(spec.days),
                title="Board meeting",
                location=spec.location,
                notes=spec.notes,
            )
            if spec.days < 0:  # attendance is recorded once a meeting has been held
                self._record_attendance(meeting, f"{region.SHROPSHIRE}|board|{spec.days}", on_board)

    def _subgroups(self) -> None:
        partnership = self.partnerships[subgroups.SUBGROUP_PARTNERSHIP]
        for spec in subgroups.SUBGROUPS:
            subgroup = Subgroup.objects.create(
                partnership=partnership,
                name=spec.name,
                purpose=spec.purpose,
                terms_of_reference=spec.terms_of_reference,
                terms_reviewed_on=subgroups.TERMS_REVIEWED_ON,
                chair=spec.chair,
            )
            subgroup.agencies.set([self.agencies[key] for key in spec.agencies])
            for held_on in spec.meetings:
                meeting = Meeting.objects.create(
                    partnership=partnership,
                    subgroup=subgroup,
                    held_on=held_on,
                    title=f"{spec.name} meeting",
                    location="Shirehall, Shrewsbury",
                )
                self._record_attendance(meeting, f"{partnership.slug}|{spec.name}|{held_on}", spec.agencies)

    def _confidential_item(self) -> None:
        shropshire = self.partnerships[region.SHROPSHIRE]
        business_unit = self.users[(region.SHROPSHIRE, "business-unit")]
        meeting = Meeting.objects.get(partnership=shropshire, subgroup=None, held_on=meetings.CONFIDENTIAL_MEETING)
        ConfidentialMinute.objects.create(
            meeting=meeting,
            heading=meetings.CONFIDENTIAL_HEADING,
            text=meetings.CONFIDENTIAL_TEXT,
            recorded_by=business_unit,
        )
        RestrictedGrant.objects.create(
            user=business_unit,
            partnership=shropshire,
            area=ConfidentialMinute.RESTRICTED_AREA,
            reason="Takes the minutes of Board meetings",
        )

    def _budget(self) -> None:
        shropshire = self.partnerships[region.SHROPSHIRE]
        for spec in budget.CONTRIBUTIONS:
            Contribution.objects.create(
                partnership=shropshire,
                year=region.YEAR,
                agency=self.agencies[spec.agency] if spec.agency else None,
                source=spec.source,
                amount=spec.amount,
                note=budget.CONTRIBUTION_NOTE,
            )
        for line, amount, planned in budget.EXPENDITURE:
            Expenditure.objects.create(
                partnership=shropshire,
                year=region.YEAR,
                line=line,
                amount=amount,
                planned=planned,
                note=budget.EXPENDITURE_NOTE,
            )

    def _actions(self) -> None:
        shropshire = self.partnerships[region.SHROPSHIRE]
        business_unit = self.users[(region.SHROPSHIRE, "business-unit")]
        for number, spec in enumerate(actions.ACTIONS, start=1):
            action = Action.objects.create(
                partnership=shropshire,
                reference=f"A-{number:04d}",
                title=spec.title,
                description=spec.description,
                owner_agency=self.agencies[spec.owner_agency],
                owner=self.users[(region.SHROPSHIRE, spec.owner_role)] if spec.owner_role else None,
                owner_name=spec.owner_name,
                due_on=self._day(spec.due),
                status=spec.status,
                rag=spec.rag,
                source_label=spec.source_label,
                created_by=business_unit,
                created_at=timezone.now() + dt.timedelta(days=spec.created),
                completed_on=self._day(spec.completed) if spec.completed is not None else None,
            )
            for update in spec.updates:
                ActionUpdate.objects.create(
                    action=action,
                    recorded_on=self._day(update.days),
                    text=update.text,
                    author=self.users[(region.SHROPSHIRE, update.author)],
                    created_at=timezone.now() + dt.timedelta(days=update.days),
                )

    def _day(self, offset: int) -> dt.date:
        return self.today + dt.timedelta(days=offset)
