"""Shropshire's case considerations in the demo: five referred in 2014-15 by practitioners of its
partner agencies (invented people), each considered at a meeting of the Learning and Improvement
subgroup and decided by the partnership's chair: three multi-agency audits, the SCIE systems
learning review of the child sexual exploitation strategy and panel, and one needing no further
action. The current year has one referral received and awaiting acknowledgement, and one the
subgroup has considered, awaiting the chair's decision (dated from the day the demo is loaded).

The reviews the decisions commissioned go to ``made["referral_reviews"]`` ("audit-1", "audit-2",
"audit-3", "scie") for the reviews' part. The business unit and the chair of Shropshire hold the
case-review grant. The children are never named: a case reference of the lead agency and an age."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from assure.accounts.models import RestrictedGrant
from assure.audit.services import event_record
from assure.demo import region
from assure.partnerships.models import Meeting, Subgroup

from ..models import Referral
from ..permissions import CASE_REVIEW_AREA
from ..scheme import scheme_for
from ..services.referrals import letter_render, letter_template, review_title
from ..services.reviews import review_commission

SUBGROUP = "Learning and Improvement"
EMAIL_DOMAIN = "practitioners.demo.assure.test"


@dataclass(frozen=True)
class ReferralSpec:
    key: str  # the key of the review it commissioned in made["referral_reviews"], or ""
    referrer: str  # an invented practitioner's name, or "" for the partnership's agency lead (a member)
    role: str
    agency: str  # the key of the referrer's agency
    route: str
    lead_agency: str
    case_reference: str
    age: int
    involved: tuple[str, ...]
    reasons: str
    chronology: str
    received: dt.date | None = None  # the current year's are dated from the day of loading
    meeting: dt.date | None = None  # the subgroup's meeting that considered it
    recommendation: str = ""
    notes: str = ""
    decision: str = ""
    decided: dt.date | None = None
    decision_reasons: str = ""
    title: str = ""  # the review's title, naming nobody


HISTORY = (
    ReferralSpec(
        key="audit-1",
        referrer="Elspeth Varley",
        role="School nurse",
        agency="shropshire-community-health",
        route="audit",
        lead_agency="shropshire-csc",
        case_reference="CSC-20418",
        age=13,
        involved=("shropshire-csc", "shropshire-community-health", "shropshire-secondary-schools", "police"),
        reasons=(
            "A young person's attendance fell sharply over two terms while the school, the school nursing "
            "service and children's social care each held part of the picture. Nobody brought it together "
            "until a strategy discussion late in the spring."
        ),
        chronology=(
            "September 2013: the school raises attendance with the family.\n"
            "December 2013: the school nurse sees the young person about low mood.\n"
            "February 2014: the police attend a domestic incident at the home.\n"
            "March 2014: referral to children's social care; strategy discussion."
        ),
        received=dt.date(2014, 5, 2),
        meeting=dt.date(2014, 5, 22),
        recommendation="audit",
        notes="Agencies' records would show where information sat; an audit of the case is proportionate.",
        decision="audit",
        decided=dt.date(2014, 6, 2),
        decision_reasons=(
            "The case does not meet the criteria for a serious case review, but the agencies involved can learn "
            "from auditing together how they shared what they knew about a young person missing education."
        ),
        title="Multi-agency audit: a young person missing education",
    ),
    ReferralSpec(
        key="audit-2",
        referrer="Owain Pritchard",
        role="Detective sergeant, child abuse investigation",
        agency="police",
        route="learning-review",
        lead_agency="police",
        case_reference="WMP-CAIU-0917",
        age=4,
        involved=("police", "shropshire-csc", "shropshire-early-years", "sath", "shropshire-community-health"),
        reasons=(
            "A pre-school child was seen by several services over a year with marks each explained at the time. "
            "The concern is how agencies' thresholds for sharing a worry differed, not any single decision."
        ),
        chronology=(
            "June 2013: the nursery records a bruise and the explanation given.\n"
            "October 2013: an emergency department visit for a fall.\n"
            "January 2014: the health visitor's review notes missed appointments.\n"
            "May 2014: a section 47 enquiry follows a further injury."
        ),
        received=dt.date(2014, 7, 30),
        meeting=dt.date(2014, 8, 28),
        recommendation="audit",
        notes="A multi-agency audit with a learning event for the practitioners involved.",
        decision="audit",
        decided=dt.date(2014, 9, 4),
        decision_reasons=(
            "A multi-agency audit, followed by a learning event with the practitioners, will show how each "
            "agency's threshold for sharing a worry about a young child was applied."
        ),
        title="Multi-agency audit: injuries to a pre-school child",
    ),
    ReferralSpec(
        key="scie",
        referrer="",
        role="Named nurse for safeguarding children",
        agency="shropshire-community-health",
        route="learning-review",
        lead_agency="shropshire-csc",
        case_reference="CSC-19277",
        age=15,
        involved=("shropshire-csc", "police", "shropshire-community-health", "yos", "shropshire-secondary-schools"),
        reasons=(
            "A young person known to be at risk of sexual exploitation was discussed many times at the "
            "partnership's exploitation panel. Practitioners felt the strategy and the panel did not help them "
            "act sooner; the learning is about the system rather than one agency."
        ),
        chronology=(
            "Autumn 2013: first missing episodes reported by the placement.\n"
            "January 2014: first discussion at the exploitation panel.\n"
            "March 2014: the youth offending service raises concerns about older associates.\n"
            "June 2014: a police operation begins."
        ),
        received=dt.date(2014, 8, 5),
        meeting=dt.date(2014, 8, 28),
        recommendation="scie-systems",
        notes="The subgroup recommends piloting the SCIE systems method, with practitioners' conversations.",
        decision="scie-systems",
        decided=dt.date(2014, 9, 10),
        decision_reasons=(
            "The case falls below the criteria for a serious case review. A learning review using the SCIE "
            "systems method will look at how the exploitation strategy and panel supported practitioners, "
            "through conversations with those involved."
        ),
        title="Learning review: the child sexual exploitation strategy and panel",
    ),
    ReferralSpec(
        key="",
        referrer="Sunita Halewood",
        role="Social worker, safeguarding team",
        agency="shropshire-csc",
        route="audit",
        lead_agency="shropshire-csc",
        case_reference="CSC-21032",
        age=9,
        involved=("shropshire-csc", "shropshire-primary-schools"),
        reasons=(
            "A child protection plan ended after a year; the worker wondered whether the step down to a child "
            "in need plan had been planned with the school."
        ),
        chronology=(
            "October 2013: child protection conference; plan agreed.\n"
            "April 2014: review conference notes progress.\n"
            "September 2014: plan ends; child in need plan agreed."
        ),
        received=dt.date(2014, 10, 20),
        meeting=dt.date(2014, 11, 27),
        recommendation="no-further-action",
        notes="The records show the step down was planned with the school; nothing further to learn.",
        decision="no-further-action",
        decided=dt.date(2014, 12, 3),
        decision_reasons=(
            "The records show that the step down was planned with the school and reviewed as it should be. "
            "The case needs no review or audit; thank you for raising it."
        ),
    ),
    ReferralSpec(
        key="audit-3",
        referrer="Fay Ludlow-Hart",
        role="Health visitor",
        agency="shropshire-community-health",
        route="audit",
        lead_agency="shropshire-community-health",
        case_reference="HV-55102",
        age=0,
        involved=("shropshire-community-health", "police", "shropshire-csc", "sath"),
        reasons=(
            "A baby was born into a household with a history of domestic abuse that the midwifery service did "
            "not know of until after the birth."
        ),
        chronology=(
            "August 2014: booking appointment with the midwife.\n"
            "October 2014: the police attend a domestic incident; notification to children's social care.\n"
            "December 2014: the baby is born.\n"
            "January 2015: new birth visit by the health visitor."
        ),
        received=dt.date(2015, 1, 12),
        meeting=dt.date(2015, 2, 26),
        recommendation="audit",
        notes="To be audited with the domestic abuse notifications audited this year.",
        decision="audit",
        decided=dt.date(2015, 3, 6),
        decision_reasons=(
            "A multi-agency audit will show how notifications of domestic abuse reach the midwifery and health "
            "visiting services before a baby is born."
        ),
        title="Multi-agency audit: domestic abuse before a baby's birth",
    ),
)


def _email(name: str) -> str:
    return f"{name.lower().replace(' ', '.').replace('-', '')}@{EMAIL_DOMAIN}"


def _at(day: dt.date, hour: int = 10) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour), tzinfo=timezone.get_current_timezone())


def load(*, partnerships, agencies, users, today, made: dict) -> None:
    """Write Shropshire's case considerations (called by reviews_demo_load, first of reviews' parts)."""
    shropshire = partnerships[region.SHROPSHIRE]
    business_unit = users[(region.SHROPSHIRE, "business-unit")]
    chair = users[(region.SHROPSHIRE, "chair")]
    member = users[(region.SHROPSHIRE, "agency-lead")]
    for user, reason in (
        (business_unit, "Handles case considerations and the reviews they lead to"),
        (chair, "Decides on case considerations and answers for the partnership's reviews"),
    ):
        if not RestrictedGrant.objects.filter(
            user=user, partnership=shropshire, area=CASE_REVIEW_AREA, revoked_at__isnull=True
        ).exists():
            RestrictedGrant.objects.create(user=user, partnership=shropshire, area=CASE_REVIEW_AREA, reason=reason)

    subgroup = Subgroup.objects.get(partnership=shropshire, name=SUBGROUP)
    template = letter_template(shropshire)
    reviews = made.setdefault("referral_reviews", {})
    number = 0
    for spec in HISTORY:
        number += 1
        meeting = Meeting.objects.get(partnership=shropshire, subgroup=subgroup, held_on=spec.meeting)
        referral = _referral(shropshire, agencies, spec, reference=f"CC-{number:03d}", member=member)
        referral.acknowledged_at = _at(spec.received + dt.timedelta(days=2))
        referral.acknowledged_by = business_unit
        referral.considered_at = meeting
        referral.recommendation = spec.recommendation
        referral.recommendation_notes = spec.notes
        referral.decision = spec.decision
        referral.decision_reasons = spec.decision_reasons
        referral.decided_on = spec.decided
        referral.decided_by = chair
        referral.status = Referral.Status.DECIDED
        referral.letter_template = template
        referral.letter = letter_render(template, referral)[1]
        referral.save()
        event_record(
            actor=chair,
            verb="reviews.referral_decided",
            target=referral,
            partnership=shropshire,
            summary=f"Case consideration {referral.reference} decided",
            data={"decision": spec.decision, "decided_on": spec.decided.isoformat()},
        )
        if spec.key:
            term = next(d for d in scheme_for(shropshire).decisions if d.code == spec.decision)
            reviews[spec.key] = review_commission(
                actor=chair,
                partnership=shropshire,
                kind=term.commissions,
                title=spec.title
                or review_title(partnership=shropshire, decision=spec.decision, reference=referral.reference),
                decided_on=spec.decided,
                referral=referral,
                agencies=[agencies[key] for key in spec.involved],
                authorised=True,
            )

    # The current year: one received and awaiting acknowledgement, one considered at the latest
    # meeting held and awaiting the chair's decision.
    held = (
        Meeting.objects.filter(partnership=shropshire, held_on__lt=today, held_on__gte=today - dt.timedelta(days=200))
        .order_by("-held_on")
        .first()
    )
    considered_on = held.held_on if held else today - dt.timedelta(days=7)
    waiting = _referral(
        shropshire,
        agencies,
        CURRENT_CONSIDERED,
        reference=f"CC-{number + 1:03d}",
        member=member,
        received=considered_on - dt.timedelta(days=21),
    )
    waiting.acknowledged_at = _at(considered_on - dt.timedelta(days=19))
    waiting.acknowledged_by = business_unit
    waiting.considered_at = held
    waiting.recommendation = CURRENT_CONSIDERED.recommendation
    waiting.recommendation_notes = CURRENT_CONSIDERED.notes
    waiting.status = Referral.Status.CONSIDERED if held else Referral.Status.ACKNOWLEDGED
    waiting.save()
    _referral(
        shropshire,
        agencies,
        CURRENT_RECEIVED,
        reference=f"CC-{number + 2:03d}",
        member=member,
        received=today - dt.timedelta(days=3),
    )


CURRENT_CONSIDERED = ReferralSpec(
    key="",
    referrer="Tomasz Wren",
    role="Case manager",
    agency="yos",
    route="learning-review",
    lead_agency="yos",
    case_reference="YOS-3381",
    age=16,
    involved=("yos", "police", "shropshire-csc", "shropshire-colleges"),
    reasons=(
        "A young person was drawn into carrying drugs between towns. Each agency saw a part of it; the concern "
        "is how quickly the signs of criminal exploitation were recognised as a safeguarding matter."
    ),
    chronology=(
        "Last spring: the college reports falling attendance.\n"
        "Summer: the police find the young person far from home twice.\n"
        "Autumn: the youth offending service begins an order; the case is referred to children's social care."
    ),
    recommendation="learning-review",
    notes="A learning review would show how agencies recognise criminal exploitation.",
)

CURRENT_RECEIVED = ReferralSpec(
    key="",
    referrer="Grace Ollerton",
    role="Early help practitioner",
    agency="shropshire-early-help",
    route="audit",
    lead_agency="shropshire-early-help",
    case_reference="EH-8840",
    age=7,
    involved=("shropshire-early-help", "shropshire-primary-schools", "shropshire-community-health"),
    reasons=(
        "An early help plan closed when the family moved within the county; the new school did not hear of it "
        "for a term. Worth including in a themed audit of transfers between areas."
    ),
    chronology=(
        "Two terms ago: early help assessment and plan agreed.\n"
        "Last term: the family moves; the plan closes.\n"
        "This term: the new school raises the same concerns again."
    ),
)


def _referral(partnership, agencies, spec: ReferralSpec, *, reference: str, member, received=None) -> Referral:
    """The referral as received: from the partnership's agency lead (a member) when the spec names
    no practitioner, otherwise from a practitioner through the public form, confirmed."""
    received = received or spec.received
    by_member = not spec.referrer
    referral = Referral.objects.create(
        partnership=partnership,
        reference=reference,
        status=Referral.Status.SUBMITTED,
        referred_by=member if by_member else None,
        referrer_name=member.full_name if by_member else spec.referrer,
        referrer_email=member.email if by_member else _email(spec.referrer),
        referrer_role=spec.role,
        referrer_agency=agencies[spec.agency],
        route=spec.route,
        lead_agency=agencies[spec.lead_agency],
        case_reference=spec.case_reference,
        child_age_years=spec.age,
        reasons=spec.reasons,
        chronology=spec.chronology,
        created_at=_at(received, 9),
        submitted_at=_at(received),
    )
    referral.agencies_involved.set([agencies[key] for key in spec.involved])
    event_record(
        actor=member if by_member else None,
        verb="reviews.referral_submitted",
        target=referral,
        partnership=partnership,
        summary=f"Case consideration {reference} referred",
        data={"route": spec.route, "public": not by_member},
    )
    return referral
