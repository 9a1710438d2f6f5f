"""Shropshire's multi-agency case-file audits in the demo: the 2014-15 programme (an audit of ten
files in each of the autumn, spring and summer terms, themed on the business plan's priorities,
every one reported), and the live audits of the terms around the day the demo is loaded: the last
term's in moderation, this term's with the agencies answering and the next term's planned.

Every audit's answers are responses to the library's case-file audit tool, written through the
engine's records (bulk, with their progress counted by the tool). The children are invented and
never named: a case file is known by its number and the agencies' own case references.

``AuditsDemoWriter`` writes the audits of this module and of ``themed``; the texts of the answers
are invented, chosen by a hash of the file and the question so every load writes the same."""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from assure.audit.services import event_record
from assure.demo import region
from assure.library.schemas_audits import AuditFrameworkItem
from assure.library.selectors import current_item
from assure.partnerships.models import Meeting
from assure.plans.models import Priority
from assure.questionnaires.definition import is_blank, questionnaire_of
from assure.questionnaires.models import Answer, Response

from ..models import Audit, CaseAudit, CaseReference, Finding, Programme
from ..selectors.cases import GRADE_QUESTION, GRADE_REASON_QUESTION, agency_sections, auditor_sections

TOOL = "case-file-audit"
FRAMEWORK = "three-tiers"
MODERATED = "moderated"  # the responses of a moderated file (assure.audits.services.cases)

# The grades of the tool's overall question, by the letter the specs below write them with.
GRADES = {"O": "outstanding", "G": "good", "R": "requires-improvement", "I": "inadequate"}
QA_SUBGROUP = "Quality Assurance and Performance"

S = Audit.Status


@dataclass(frozen=True)
class CaseSpec:
    """One case file: the lead auditor's grade and the moderation's agreed grade (letters of
    GRADES; blank while not given), and the agencies whose answers are still a draft (those in
    ``started`` part answered, the others not begun)."""

    grade: str = ""
    agreed: str = ""
    drafts: tuple[str, ...] = ()
    started: tuple[str, ...] = ()
    notes: str = ""  # the moderation's notes


def files(grades: str, agreed: str = "") -> tuple[CaseSpec, ...]:
    """Case files graded ``grades`` (one letter a file) and, where given, moderated ``agreed``."""
    agreed = agreed.ljust(len(grades))
    return tuple(CaseSpec(grade=g, agreed=a.strip()) for g, a in zip(grades, agreed, strict=True))


@dataclass(frozen=True)
class FindingSpec:
    kind: str  # Finding.Kind
    theme: str
    text: str


@dataclass(frozen=True)
class AuditSpec:
    key: str
    title: str
    theme: str
    priority: str  # the business plan priority's title
    tier: str  # the framework's tier code
    starts_on: dt.date
    ends_on: dt.date
    status: str
    agencies: tuple[str, ...]
    cases: tuple[CaseSpec, ...] = ()
    kind: str = Audit.Kind.PROGRAMME
    term: str = ""
    year: int | None = None  # the programme's year (a termly audit)
    files_planned: int = 10
    moderation_meeting: dt.date | None = None  # a meeting of the Quality Assurance and Performance subgroup
    moderated_on: dt.date | None = None  # when the files were moderated
    graded_by: dt.date | None = None  # the day the last grade was given (default: a week after the answers)
    reported_on: dt.date | None = None
    summary: str = ""
    question: str = ""
    source_indicator: str = ""  # the code of the indicator that commissioned a themed audit
    follows: str = ""  # the key of the audit it re-audits
    cancel_reason: str = ""
    weak: frozenset[str] = frozenset()  # questions the files answer "no" more often than their grade says
    findings: tuple[FindingSpec, ...] = ()
    planned_files: int = 0  # files added to a planned audit before it starts
    created_on: dt.date | None = None


ST, DEV = Finding.Kind.STRENGTH, Finding.Kind.DEVELOPMENT

PROGRAMME_DESCRIPTION = (
    "Ten case files a term, read by the agencies that worked with each child and graded by a lead auditor, "
    "the grades agreed at moderation by the Quality Assurance and Performance subgroup. Each term's audit "
    "takes its theme from one of the business plan's priorities."
)

# --- 2014-15: three terms, all reported -----------------------------------------------------------

HISTORY = (
    AuditSpec(
        key="autumn-2014",
        title="Autumn term multi-agency audit 2014",
        theme="Children living with domestic abuse, parental substance misuse or mental ill health",
        priority="Compromised parenting",
        tier="practice",
        term="autumn",
        year=2014,
        starts_on=dt.date(2014, 9, 15),
        ends_on=dt.date(2014, 10, 31),
        status=S.REPORTED,
        agencies=("shropshire-csc", "police", "shropshire-community-health", "sssft", "probation"),
        cases=files("RGRRIGRGRR", "RGRRIGRRRR"),
        moderation_meeting=dt.date(2014, 11, 6),
        reported_on=dt.date(2015, 1, 22),
        summary=(
            "Ten files of children living with domestic abuse, a parent's drinking or drug use, or a parent's "
            "poor mental health. Three were good and six required improvement; one was inadequate. Agencies "
            "recognised the risks, but adult services rarely asked what a parent's illness or drinking meant "
            "for the children, and plans seldom said what would change at home."
        ),
        findings=(
            FindingSpec(
                ST,
                "Recognising risk",
                "Police officers attending domestic incidents recorded who the children were and passed their "
                "details on the next working day in every file read.",
            ),
            FindingSpec(
                DEV,
                "Adult services thinking about the children",
                "The mental health and probation records seldom said how the adult's illness or offending "
                "affected the children in the house, even where staff knew of a child protection plan.",
            ),
            FindingSpec(
                DEV,
                "What should change at home",
                "Plans listed the services a parent should attend rather than what should be different for "
                "the child, so nobody could tell when the plan had done its work.",
            ),
        ),
    ),
    AuditSpec(
        key="spring-2015",
        title="Spring term multi-agency audit 2015",
        theme="From referral to plan: thresholds, strategy discussions and the child seen",
        priority="High quality safeguarding practice",
        tier="practice",
        term="spring",
        year=2014,
        starts_on=dt.date(2015, 1, 12),
        ends_on=dt.date(2015, 1, 30),
        status=S.REPORTED,
        agencies=(
            "shropshire-csc",
            "shropshire-early-help",
            "police",
            "shropshire-community-health",
            "sath",
            "shropshire-education",
        ),
        cases=files("GGRGORRGRG", "GGRGGRRGRG"),
        moderation_meeting=dt.date(2015, 2, 5),
        reported_on=dt.date(2015, 3, 19),
        summary=(
            "Ten files followed from the first referral to a child protection plan or a step down to early "
            "help. Most were good: thresholds were applied well and strategy discussions held quickly. One "
            "file graded outstanding by its lead auditor was agreed as good at moderation."
        ),
        findings=(
            FindingSpec(
                ST,
                "Strategy discussions",
                "Strategy discussions were held on the day of the referral in eight of the ten files, with the "
                "police and health taking part.",
            ),
            FindingSpec(
                DEV,
                "Schools at strategy discussions",
                "Schools that knew the child best were rarely invited to the strategy discussion, or told its outcome.",
            ),
        ),
    ),
    AuditSpec(
        key="summer-2015",
        title="Summer term multi-agency audit 2015",
        theme="Children who go missing and children at risk of sexual exploitation",
        priority="Children who go missing, child sexual exploitation and trafficking",
        tier="practice",
        term="summer",
        year=2014,
        starts_on=dt.date(2015, 5, 11),
        ends_on=dt.date(2015, 6, 19),
        status=S.REPORTED,
        agencies=("shropshire-csc", "police", "shropshire-community-health", "shropshire-education", "yos"),
        cases=files("GRRGRIGRRG", "GRRGRIRRRG"),
        moderated_on=dt.date(2015, 7, 9),
        reported_on=dt.date(2015, 9, 17),
        summary=(
            "Ten files of young people who went missing or were at risk of sexual exploitation. The risk "
            "assessment added to the care providers' form was used in every file from the autumn; return "
            "interviews were offered but not always held, and what young people said in them did not always "
            "reach their plans."
        ),
        findings=(
            FindingSpec(
                ST,
                "Exploitation risk assessed",
                "Every file opened after September 2014 had the exploitation risk assessment completed and shared "
                "with the police.",
            ),
            FindingSpec(
                DEV,
                "Return interviews",
                "Return interviews were offered after most episodes, but where a young person declined nobody "
                "tried again, and what was learned seldom changed the young person's plan.",
            ),
        ),
    ),
)

# --- the live audits, dated from the day of loading -----------------------------------------------

LIVE_AGENCIES = ("shropshire-csc", "police", "shropshire-community-health", "sath", "shropshire-education")

# The last term's audit: every file graded, six moderated at the first moderation meeting, four waiting.
IN_MODERATION = (
    *files("GRRGIR", "GRRRIR"),
    *files("RGRG"),
)
IN_MODERATION_NOTES = {3: "Moderated down: the plan's outcomes had no dates and the core group did not review them."}

# This term's audit: the agencies answering, their answers due a fortnight after the day of loading.
ANSWERING = (
    CaseSpec(grade="G"),
    CaseSpec(),
    CaseSpec(),
    CaseSpec(),
    CaseSpec(drafts=("shropshire-education",), started=("shropshire-education",)),
    CaseSpec(drafts=("police",)),
    CaseSpec(drafts=("shropshire-community-health",), started=("shropshire-community-health",)),
    CaseSpec(drafts=("shropshire-csc", "sath"), started=("shropshire-csc",)),
    CaseSpec(drafts=("shropshire-csc",)),
    CaseSpec(drafts=("shropshire-community-health",)),
)


@dataclass(frozen=True)
class TermWindow:
    code: str
    year: int  # the programme's year: the audit year starting in it
    starts: dt.date
    ends: dt.date


def term_windows(framework: AuditFrameworkItem, around: dt.date) -> list[TermWindow]:
    """The framework's terms of the audit years around a day, in order of their start."""
    windows = []
    for year in range(around.year - 3, around.year + 2):
        for term in framework.terms:
            start_year = framework.term_years(year)[term.code]
            end_year = start_year + (1 if term.last_month < term.first_month else 0)
            last_day = calendar.monthrange(end_year, term.last_month)[1]
            windows.append(
                TermWindow(
                    term.code,
                    year,
                    dt.date(start_year, term.first_month, 1),
                    dt.date(end_year, term.last_month, last_day),
                )
            )
    return sorted(windows, key=lambda w: w.starts)


def live_specs(framework: AuditFrameworkItem, today: dt.date) -> tuple[AuditSpec, ...]:
    """The audits of the terms around ``today``: this term's (begun at least four weeks ago) with the
    agencies answering, the term before's in moderation and the next term's planned."""
    windows = term_windows(framework, today)
    now = max(i for i, w in enumerate(windows) if w.starts <= today - dt.timedelta(days=28))
    last, this, following = windows[now - 1], windows[now], windows[now + 1]
    next_start = max(following.starts + dt.timedelta(days=7), today + dt.timedelta(days=14))
    titles = {term.code: term.title for term in framework.terms}
    return (
        AuditSpec(
            key="live-moderation",
            title=f"{titles[last.code]} multi-agency audit {last.starts.year}",
            theme="Neglect: the child's daily experience and how long it went on",
            priority="High quality safeguarding practice",
            tier="practice",
            term=last.code,
            year=last.year,
            starts_on=last.starts + dt.timedelta(days=7),
            ends_on=last.starts + dt.timedelta(days=56),
            status=S.MODERATION,
            agencies=LIVE_AGENCIES,
            cases=tuple(
                CaseSpec(grade=c.grade, agreed=c.agreed, notes=IN_MODERATION_NOTES.get(i, ""))
                for i, c in enumerate(IN_MODERATION)
            ),
            moderated_on=today - dt.timedelta(days=9),
            graded_by=today - dt.timedelta(days=30),
        ),
        AuditSpec(
            key="live-answering",
            title=f"{titles[this.code]} multi-agency audit {this.starts.year}",
            theme="Children missing education and the risk of exploitation",
            priority="Children who go missing, child sexual exploitation and trafficking",
            tier="practice",
            term=this.code,
            year=this.year,
            starts_on=this.starts + dt.timedelta(days=7),
            ends_on=today + dt.timedelta(days=14),
            status=S.AUDITING,
            agencies=LIVE_AGENCIES,
            cases=ANSWERING,
            graded_by=today - dt.timedelta(days=2),
        ),
        AuditSpec(
            key="live-planned",
            title=f"{titles[following.code]} multi-agency audit {following.starts.year}",
            theme="Children living with domestic abuse: what they told us and what changed",
            priority="Compromised parenting",
            tier="practice",
            term=following.code,
            year=following.year,
            starts_on=next_start,
            ends_on=next_start + dt.timedelta(days=42),
            status=S.PLANNED,
            agencies=("shropshire-csc", "police", "shropshire-community-health", "sssft", "shropshire-education"),
            planned_files=4,
            created_on=today - dt.timedelta(days=20),
        ),
    )


# --- the invented words of the answers --------------------------------------------------------------

STRONG, WEAK = "strong", "weak"

TEXTS = {
    "sc-difference": {
        STRONG: (
            "The child is safer: the parents kept to the plan, the home is calmer and the child's school "
            "reports better attendance and concentration.",
            "The family now uses help without prompting; the child says home is better and the plan could end "
            "safely, with early help continuing.",
            "The child moved to live with a grandparent early on and is settled; contact with the parent is "
            "safe and planned.",
        ),
        WEAK: (
            "Little lasting change: things improved while the plan was in place and slipped back within months "
            "of it ending.",
            "The same concerns appear in every review; the child's experience at home is much as it was when "
            "the plan began.",
            "Hard to say: the file records what was done, not what changed for the child.",
        ),
    },
    "sc-plan-weakness": {
        WEAK: (
            "No timescales, and no measure of what would show the child was safer.",
            "The plan listed appointments for the parent; nothing on what the other agencies would do.",
            "Actions copied from the previous plan without saying why the first plan had not worked.",
        ),
    },
    "police-comments": {
        STRONG: (
            "Prompt notification after each incident; the officer in the case attended the conference.",
            "Good use of information from the domestic abuse unit in the strategy discussion.",
        ),
        WEAK: (
            "Incidents were notified, but not the later arrest of the parent's partner.",
            "The child's presence at two incidents was not recorded.",
        ),
    },
    "health-comments": {
        STRONG: (
            "The health visitor's reports were thorough and went to every conference on time.",
            "School nurse kept in touch with the child through the summer holidays.",
        ),
        WEAK: (
            "Missed appointments were not followed up for several months.",
            "The GP was not told of the plan and sent no report to conference.",
        ),
    },
    "education-comments": {
        STRONG: (
            "The designated safeguarding lead's chronology was clear and shared quickly.",
            "The school noticed the change in the child's behaviour and acted the same day.",
        ),
        WEAK: (
            "Absences were recorded but not raised with the social worker.",
            "Nobody from the school attended the core groups after the first.",
        ),
    },
    "justice-comments": {
        STRONG: ("The offender manager checked the children's details with social care at the start of the order.",),
        WEAK: ("The risk the parent's partner posed to children was not reviewed after his release.",),
    },
}

GRADE_REASONS = {
    "outstanding": (
        "Agencies worked together from the first referral, the child's voice shaped every decision, and the "
        "change for the child has lasted.",
    ),
    "good": (
        "Risks were recognised early and shared; the plan was followed and reviewed, and the child is safer, "
        "though the child's own views were recorded more than they were used.",
        "Timely, joined-up work with a clear plan; the core group tested progress. Some recording was late.",
        "Good assessment and a plan that made a difference; health's part could have been clearer.",
    ),
    "requires-improvement": (
        "The child was seen and the risks known, but the plan was not specific and drifted between reviews.",
        "Agencies shared information, but nobody pulled it together; the child's experience changed little.",
        "Sound assessment, weak planning: outcomes without dates and core groups that did not review them.",
        "A second plan that repeated the first; the reasons the first ended were not recorded.",
    ),
    "inadequate": (
        "Risks were known for a long time before anyone acted; the child was left in neglect too long.",
        "Information held by two agencies was not shared, and the plan ended without a step-down plan.",
    ),
}

MODERATION_NOTES = {
    (True, False): "Moderated down: the difference made for the child was not evident on the file.",
    (False, True): "Moderated up: agencies' records added evidence the lead auditor had not seen.",
}


def _draw(*parts: object) -> int:
    """A number from 0 to 255, the same for the same parts on every load."""
    return hashlib.sha256("|".join(str(p) for p in parts).encode()).digest()[0]


def _pick(options: tuple[str, ...], *parts: object) -> str:
    return options[_draw(*parts, "pick") % len(options)]


def _at(day: dt.date, hour: int = 10) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, 0)))


# The share of "yes" (out of 256) in a file of each grade.
YES_SHARE = {"outstanding": 245, "good": 215, "requires-improvement": 150, "inadequate": 80}
GRADE_ORDER = ("outstanding", "good", "requires-improvement", "inadequate")


class AuditsDemoWriter:
    """Writes Shropshire's audits, their case files, the agencies' and the lead auditors' answers,
    and their findings."""

    def __init__(self, *, partnerships: dict, agencies: dict, users: dict, today: dt.date) -> None:
        self.partnership = partnerships[region.SHROPSHIRE]
        self.agencies, self.users, self.today = agencies, users, today
        self.tool = current_item(kind="questionnaire", code=TOOL)
        self.definition = questionnaire_of(self.tool)
        framework = current_item(kind="audit-framework", code=FRAMEWORK)
        self.framework = AuditFrameworkItem.model_validate(framework.data)
        self.business_unit = self.person("business-unit")
        self.auditor = self.person("auditor")
        self.case_type = ContentType.objects.get_for_model(CaseAudit)
        self.programmes: dict[int, Programme] = {}
        self.audits: dict[str, Audit] = {}
        # The people who answer for an agency (an agency lead with an account), by agency key.
        self.answerers = {
            "shropshire-community-health": self.person("agency-lead"),
            "police": self.person("police-lead"),
        }

    def person(self, key: str):
        return self.users[(region.SHROPSHIRE, key)]

    # --- audits ---------------------------------------------------------------------------

    def programme(self, year: int) -> Programme:
        if year not in self.programmes:
            self.programmes[year] = Programme.objects.create(
                partnership=self.partnership,
                year=year,
                title=f"Multi-agency audit programme {year}-{(year + 1) % 100:02d}",
                description=PROGRAMME_DESCRIPTION,
                created_at=_at(min(dt.date(year, 7, 1), self.today)),
            )
        return self.programmes[year]

    def write(self, specs: list[AuditSpec]) -> dict[str, Audit]:
        """Write the audits in order of their start, numbered AU-001 onwards."""
        # A re-audit starts after the audit it follows, so that one is written first.
        for number, spec in enumerate(sorted(specs, key=lambda s: (s.starts_on, s.key)), start=1):
            self.audits[spec.key] = self.audit(spec, f"AU-{number:03d}")
        return self.audits

    def audit(self, spec: AuditSpec, reference: str) -> Audit:
        priority = Priority.objects.filter(partnership=self.partnership, title=spec.priority).first()
        created_on = spec.created_on or spec.starts_on - dt.timedelta(days=28)
        audit = Audit.objects.create(
            partnership=self.partnership,
            programme=self.programme(spec.year) if spec.year is not None else None,
            reference=reference,
            kind=spec.kind,
            title=spec.title,
            theme=spec.theme,
            priority=priority,
            tier=spec.tier,
            term=spec.term,
            questionnaire=self.tool,
            files_planned=spec.files_planned,
            starts_on=spec.starts_on,
            ends_on=spec.ends_on,
            moderation_meeting=self.moderation_meeting(spec.moderation_meeting),
            lead=self.auditor,
            status=spec.status,
            question=spec.question,
            summary=spec.summary,
            reported_on=spec.reported_on,
            cancel_reason=spec.cancel_reason,
            follows=self.audits[spec.follows] if spec.follows else None,
            created_by=self.business_unit,
            created_at=_at(created_on),
            **self.source(spec.source_indicator),
        )
        audit.agencies.set([self.agencies[key] for key in spec.agencies])
        event_record(
            actor=self.business_unit,
            verb="audits.audit_planned",
            target=audit,
            partnership=self.partnership,
            summary=f"Audit {reference} planned: {spec.title}",
        )
        if spec.status == S.PLANNED:
            self.planned_files(audit, spec)
        elif spec.status != S.CANCELLED:
            self.cases(audit, spec)
        for position, finding in enumerate(spec.findings, start=1):
            Finding.objects.create(
                audit=audit,
                partnership=self.partnership,
                kind=finding.kind,
                theme=finding.theme,
                text=finding.text,
                position=position,
                created_by=self.auditor,
                created_at=_at(spec.reported_on or spec.ends_on),
            )
        if spec.status == S.REPORTED:
            event_record(
                actor=self.business_unit,
                verb="audits.audit_reported",
                target=audit,
                partnership=self.partnership,
                summary=f"Audit {reference} reported to the board on {spec.reported_on:%-d %B %Y}",
            )
        return audit

    def moderation_meeting(self, held_on: dt.date | None) -> Meeting | None:
        if held_on is None:
            return None
        return Meeting.objects.filter(partnership=self.partnership, subgroup__name=QA_SUBGROUP, held_on=held_on).first()

    def source(self, indicator_code: str) -> dict:
        """The indicator that commissioned a themed audit, stored as the links of assure.core.links
        store a record, when Shropshire's scorecard holds it."""
        if not indicator_code:
            return {}
        from assure.core.links import linkable_kind

        kind = linkable_kind("performance.indicator")
        if kind is None:
            return {}
        for pk, _label in kind.choices(user=self.business_unit, partnership=self.partnership):
            record = kind.find(user=self.business_unit, partnership=self.partnership, pk=pk)
            if getattr(record, "code", "") == indicator_code:
                return {
                    "source_type": ContentType.objects.get_for_model(record),
                    "source_id": str(record.pk),
                    "source_label": kind.describe(record)[:200],
                }
        return {}

    # --- case files and answers ---------------------------------------------------------------

    def new_case(self, audit: Audit, spec: AuditSpec, number: int) -> CaseAudit:
        """A case file of the audit, not yet saved."""
        return CaseAudit(
            audit=audit,
            partnership=self.partnership,
            reference=f"{audit.reference}/{number:02d}",
            age=_draw(f"{spec.key}|{number}", "age") % 17 + 1,
            lead_auditor=self.auditor if number % 3 else self.business_unit,
            created_at=_at(audit.starts_on - dt.timedelta(days=14)),
        )

    def save_cases(self, spec: AuditSpec, cases: list[CaseAudit]) -> list[CaseAudit]:
        """Save the files and each agency's own reference for them (no field history: written in bulk)."""
        cases = CaseAudit.objects.bulk_create(cases)
        CaseReference.objects.bulk_create(
            CaseReference(
                case=case,
                agency=self.agencies[agency],
                reference=self.case_reference(agency, f"{spec.key}|{number}"),
            )
            for number, case in enumerate(cases, start=1)
            for agency in spec.agencies
        )
        return cases

    @staticmethod
    def case_reference(agency: str, key: str) -> str:
        digest = hashlib.sha256(f"{agency}|{key}".encode()).hexdigest()
        number = int(digest[:8], 16) % 900000 + 100000
        prefix = "".join(word[0] for word in agency.split("-")).upper()
        return f"{prefix}-{number}"

    def planned_files(self, audit: Audit, spec: AuditSpec) -> None:
        self.save_cases(spec, [self.new_case(audit, spec, number) for number in range(1, spec.planned_files + 1)])

    def cases(self, audit: Audit, spec: AuditSpec) -> None:
        """The audit's files, each agency's response about each (submitted, or a draft begun or
        not) and the lead auditor's, with their answers; each file's grade and moderation."""
        agencies = [(key, self.agencies[key]) for key in spec.agencies]
        overall = auditor_sections(self.definition)
        graded_by = spec.graded_by or spec.ends_on + dt.timedelta(days=7)
        moderation = spec.moderated_on or spec.moderation_meeting
        if moderation is not None:
            graded_by = min(graded_by, moderation - dt.timedelta(days=2))
        cases, asked = [], []  # asked: per file, (sections, answers, how the response stands)
        for number, case_spec in enumerate(spec.cases, start=1):
            case = self.new_case(audit, spec, number)
            key = f"{spec.key}|{number}"
            quality = GRADES[case_spec.grade] if case_spec.grade else self.latent(key)
            moderated = bool(case_spec.agreed)
            of_case = []
            for agency_key, agency in agencies:
                sections = agency_sections(self.definition, agency)
                if not sections:
                    continue
                draft = agency_key in case_spec.drafts
                values = {}
                if not draft or agency_key in case_spec.started:
                    values = self.answers(f"{key}|{agency_key}", quality, sections, spec.weak, partial=draft)
                submitted = None if draft else self.answered_on(spec, key, agency_key)
                status = MODERATED if moderated else (Response.Status.DRAFT if draft else "submitted")
                by = self.answerers.get(agency_key) if submitted else None
                of_case.append(
                    (sections, values, {"status": status, "submitted": submitted, "agency": agency, "submitted_by": by})
                )
            values, graded = {}, None
            if case_spec.grade:
                values = self.answers(f"{key}|overall", quality, overall, spec.weak, partial=False)
                values[GRADE_QUESTION] = GRADES[case_spec.grade]
                values[GRADE_REASON_QUESTION] = _pick(GRADE_REASONS[GRADES[case_spec.grade]], key)
                graded = min(graded_by, max(spec.ends_on, spec.starts_on) + dt.timedelta(days=_draw(key, "g") % 7))
            status = MODERATED if moderated else ("submitted" if graded else Response.Status.DRAFT)
            by = case.lead_auditor if graded else None
            of_case.append(
                (
                    overall,
                    values,
                    {"status": status, "submitted": graded, "respondent": case.lead_auditor, "submitted_by": by},
                )
            )
            self.case_state(case, spec, case_spec, values, graded)
            cases.append(case)
            asked.append(of_case)
        responses = []
        for case, of_case in zip(self.save_cases(spec, cases), asked, strict=True):
            for sections, values, how in of_case:
                responses.append((self.response(case, sections, values, started=audit.starts_on, **how), values))
        created = Response.objects.bulk_create([response for response, _ in responses])
        answers = []
        for response, (_, values) in zip(created, responses, strict=True):
            for code, value in values.items():
                answer = Answer(response=response, question=code, updated_at=response.updated_at)
                answer.set_value(value, kind=self.definition.question(code).type)
                answers.append(answer)
        Answer.objects.bulk_create(answers, batch_size=2000)

    def latent(self, key: str) -> str:
        """How good an ungraded file's practice is, for its answers so far: mostly good or
        requiring improvement."""
        draw = _draw(key, "latent")
        return "good" if draw < 110 else "requires-improvement" if draw < 230 else "inadequate"

    def answered_on(self, spec: AuditSpec, key: str, agency: str) -> dt.date:
        last = min(spec.ends_on, self.today - dt.timedelta(days=1))
        span = max((last - spec.starts_on).days, 1)
        return spec.starts_on + dt.timedelta(days=_draw(key, agency, "submitted") % span)

    def case_state(self, case: CaseAudit, spec: AuditSpec, case_spec: CaseSpec, values: dict, graded) -> None:
        if case_spec.agreed:
            agreed = GRADES[case_spec.agreed]
            grade = GRADES[case_spec.grade]
            moved = GRADE_ORDER.index(agreed) - GRADE_ORDER.index(grade)
            case.status = CaseAudit.Status.MODERATED
            case.agreed_grade = agreed
            case.moderation_notes = case_spec.notes or MODERATION_NOTES.get((moved > 0, moved < 0), "")
            moderated_on = spec.moderated_on or spec.moderation_meeting or spec.ends_on + dt.timedelta(days=14)
            case.moderated_at, case.moderated_by = _at(moderated_on, 14), self.business_unit
        elif case_spec.grade:
            case.status = CaseAudit.Status.MODERATION
        elif case_spec.drafts:
            case.status = CaseAudit.Status.ANSWERING
        else:
            case.status = CaseAudit.Status.GRADING
        if graded:
            case.grade = values[GRADE_QUESTION]
            case.grade_reason = values[GRADE_REASON_QUESTION]
            case.graded_at = _at(graded, 16)

    def response(
        self,
        case: CaseAudit,
        sections: list[str],
        values: dict,
        *,
        status: str,
        started: dt.date,
        submitted: dt.date | None,
        agency=None,
        respondent=None,
        submitted_by=None,
    ) -> Response:
        answered, asked = self.definition.progress(values, sections)
        updated = submitted or (self.today - dt.timedelta(days=_draw(case.reference, sections, "seen") % 9 + 1))
        return Response(
            partnership=self.partnership,
            questionnaire=self.tool,
            about_type=self.case_type,
            about_id=str(case.pk),
            sections=list(sections),
            agency=agency,
            respondent=respondent,
            status=status,
            answered=answered,
            asked=asked,
            submitted_at=_at(submitted, 15) if submitted else None,
            submitted_by=submitted_by,
            created_at=_at(started, 9),
            updated_at=_at(updated if values else started, 15),
        )

    def answers(self, key: str, quality: str, sections: list[str], weak: frozenset[str], *, partial: bool) -> dict:
        """Plausible answers to the questions of ``sections`` for a file of ``quality``: every
        shown question answered (but optional comments, half the time), or the first half of them
        for a draft begun."""
        values: dict = {}
        questions = self.definition.questions(sections)
        if partial:
            questions = questions[: max(len(questions) // 2, 1)]
        band = STRONG if quality in ("outstanding", "good") else WEAK
        for question in questions:
            if not self.definition.is_shown(question, values):
                continue
            code, draw = question.code, _draw(key, question.code)
            if question.type == "yes-no":
                if question.not_applicable and draw < 18:
                    values[code] = "na"
                    continue
                share = YES_SHARE[quality] - (110 if code in weak else 0)
                values[code] = "yes" if _draw(key, code, "yes") < share else "no"
            elif question.type == "grade":
                step = -1 if draw < 40 else 1 if draw > 215 else 0
                index = min(max(GRADE_ORDER.index(quality) + step, 0), len(GRADE_ORDER) - 1)
                values[code] = GRADE_ORDER[index]
            elif question.type in ("long-text", "text"):
                pool = TEXTS.get(code, {})
                options = pool.get(band) or pool.get(WEAK) or ()
                if not options or (not question.required and draw < 128):
                    continue
                values[code] = _pick(options, key, code)
        return {code: value for code, value in values.items() if not is_blank(value)}
