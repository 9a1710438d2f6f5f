"""Shropshire's risk register in the demo: eight invented but plausible risks to a safeguarding
board's work, scored on the shipped five by five matrix, each reviewed every quarter for the year
before the day of loading, so each has a trend. Two reviews are overdue on the day of loading (one
the board member's, one the business unit's, so both home pages show them), two more fall due
within a fortnight, and one risk was closed during the year.

Every risk, score and note is invented; the themes are those a board of 2014-15 faced (partners'
funding, child sexual exploitation, the quality of partners' returns, GPs' part in child
protection, new arrangements, the business unit's capacity)."""

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from assure.audit.services import event_record
from assure.demo import region
from assure.library.selectors import current_item

from ..models import Risk, RiskReview


@dataclass(frozen=True)
class RiskSpec:
    title: str
    cause: str
    consequence: str
    controls: str
    owner: str  # a demo person's key in Shropshire, or "" for a named owner without an account
    inherent: tuple[int, int]
    target: tuple[int, int]
    reviews: tuple[tuple[int, int, str], ...]  # (likelihood, impact, note), one a quarter, oldest first
    next_review_days: int  # from the day of loading (negative: overdue)
    agency: str = ""
    owner_name: str = ""
    closed: str = ""  # the reason, for a risk closed after its last review


RISKS = (
    RiskSpec(
        title="Partners' contributions fall short of the board's budget",
        cause="The local authority, health and police face further cuts; contributions are agreed a year at a time.",
        consequence="The training programme, multi-agency audits and the business unit's posts cannot be paid for.",
        controls="Contributions agreed before the year starts; a reserve of three months' costs; "
        "the budget reported to every board meeting.",
        owner="business-unit",
        inherent=(4, 4),
        target=(2, 3),
        reviews=(
            (4, 4, "Police and health have not yet confirmed their contributions."),
            (3, 4, "Police confirmed; health's contribution confirmed at last year's level."),
            (3, 4, "Council contribution confirmed with a 5% cut; reserve used for the training post."),
            (3, 3, "All contributions confirmed for next year; training charged for non-partners."),
        ),
        next_review_days=10,
    ),
    RiskSpec(
        title="Child sexual exploitation work outgrows the partners' capacity",
        cause="Referrals to the exploitation panel rose sharply after the national inquiries; the specialist "
        "team has two posts.",
        consequence="Children at risk of exploitation are not identified or protected quickly enough.",
        controls="Monthly exploitation panel; screening tool in use by every agency; the police's "
        "exploitation lead sits on the panel.",
        owner="board-member",
        agency="shropshire-csc",
        inherent=(5, 5),
        target=(3, 4),
        reviews=(
            (5, 5, "Referrals doubled in the quarter; the panel's waiting list is six weeks."),
            (4, 5, "Third specialist post funded by the council; waiting list down to three weeks."),
            (4, 5, "Screening tool audit shows it is used in most referrals."),
            (4, 4, "Return interviews now offered to every child missing from home."),
        ),
        next_review_days=-12,
    ),
    RiskSpec(
        title="Partners' data returns are late or incomplete",
        cause="Agencies' systems do not record the dataset's measures the same way; returns are compiled by hand.",
        consequence="The board cannot judge performance or challenge partners on reliable figures.",
        controls="Definitions agreed with each agency; returns validated on receipt; late returns chased "
        "and reported to the board.",
        owner="auditor",
        inherent=(4, 3),
        target=(2, 2),
        reviews=(
            (4, 3, "Four agencies late with the quarter's returns."),
            (3, 3, "Health returns now on time; education's still late."),
            (3, 3, "Definitions of early help agreed with the council."),
            (2, 3, "Every return on time this quarter; two queries outstanding."),
        ),
        next_review_days=40,
    ),
    RiskSpec(
        title="GPs take too small a part in child protection conferences",
        cause="GPs are rarely able to attend and send few reports; the conference audit found them the "
        "largest group of absences.",
        consequence="Conferences decide without the health information GPs hold about the family.",
        controls="Named GP for safeguarding; reports requested with every invitation; practices' "
        "attendance reported to the clinical commissioning group.",
        owner="",
        owner_name="Designated nurse for safeguarding children",
        agency="shropshire-ccg",
        inherent=(4, 4),
        target=(2, 4),
        reviews=(
            (4, 4, "Conference audit: GPs account for the largest share of absences."),
            (4, 4, "Report template for GPs agreed; not yet in use."),
            (3, 4, "Reports received for half of the conferences in the quarter."),
            (3, 4, "Training for practice safeguarding leads held in two localities."),
        ),
        next_review_days=-5,
    ),
    RiskSpec(
        title="The move to new safeguarding arrangements disrupts the board's work",
        cause="Reforms to local safeguarding arrangements are expected; partners must agree how to work together.",
        consequence="Priorities slip while structures change; partners disengage.",
        controls="A task and finish group of the three statutory partners; a plan for the change reported "
        "to every board meeting.",
        owner="business-unit",
        inherent=(3, 4),
        target=(2, 3),
        reviews=(
            (3, 4, "Task and finish group set up."),
            (3, 3, "Partners agree the principles of the new arrangements."),
            (2, 3, "Plan for the change agreed by the board."),
            (2, 3, "Subgroups' terms of reference revised; no slippage in the business plan."),
        ),
        next_review_days=55,
    ),
    RiskSpec(
        title="The business unit cannot keep up with the board's work",
        cause="Three posts for a growing programme of audits, reviews, training and returns; one post vacant.",
        consequence="Audits and reviews are delayed, and the board's actions are not followed up.",
        controls="Business plan prioritised with the chair; agencies lead subgroups' work; the vacancy "
        "covered by a secondment.",
        owner="business-unit",
        inherent=(4, 3),
        target=(2, 3),
        reviews=(
            (4, 3, "Vacancy since April; audit programme behind by two audits."),
            (4, 3, "Secondment from the council agreed from October."),
            (3, 3, "Secondee in post; audits back on plan."),
            (3, 3, "Post recruited to from next quarter."),
        ),
        next_review_days=6,
    ),
    RiskSpec(
        title="Learning from case reviews is not embedded in practice",
        cause="Recommendations are agreed but their effect on practice is not tested.",
        consequence="The same failings recur in later reviews.",
        controls="Every recommendation becomes an action with an owner; learning briefings after each review; "
        "multi-agency audits test the changes.",
        owner="auditor",
        inherent=(3, 4),
        target=(2, 3),
        reviews=(
            (3, 4, "Two reviews' recommendations outstanding."),
            (3, 4, "Learning briefings held for both reviews."),
            (2, 4, "Audit of neglect cases shows the chronology template in use."),
            (2, 4, "All but one recommendation completed."),
        ),
        next_review_days=70,
    ),
    RiskSpec(
        title="Schools' Section 11 audit returns fall",
        cause="Academies leaving the council's support were not reached by the audit.",
        consequence="The board could not say how well schools safeguard children.",
        controls="Every school and academy asked directly; returns chased by the education access service.",
        owner="business-unit",
        agency="shropshire-education",
        inherent=(3, 3),
        target=(1, 3),
        reviews=(
            (3, 3, "Twenty academies had not replied."),
            (2, 3, "Returns from 90% of schools."),
            (1, 3, "98% of schools returned the audit."),
            (1, 2, "The audit is part of every school's annual cycle."),
        ),
        next_review_days=90,
        closed="Schools' returns reached 98% and the audit is now part of every school's year.",
    ),
)


def risks_demo_load(*, partnerships: dict, agencies: dict, users: dict, today: dt.date) -> None:
    """Write Shropshire's risk register (called by ``governance_demo_load``)."""
    partnership = partnerships[region.SHROPSHIRE]
    business_unit = users[(region.SHROPSHIRE, "business-unit")]
    matrix = current_item(kind="risk-matrix", code="five-by-five")
    # Four quarterly reviews, the last between three and seven weeks before the day of loading.
    added = timezone.make_aware(dt.datetime.combine(today - dt.timedelta(days=400), dt.time(10)))
    for number, spec in enumerate(RISKS, start=1):
        owner = users[(region.SHROPSHIRE, spec.owner)] if spec.owner else None
        last = spec.reviews[-1]
        risk = Risk.objects.create(
            partnership=partnership,
            reference=f"R-{number:02d}",
            title=spec.title,
            cause=spec.cause,
            consequence=spec.consequence,
            owner=owner,
            owner_name=spec.owner_name,
            owner_agency=agencies[spec.agency] if spec.agency else None,
            matrix=matrix,
            inherent_likelihood=spec.inherent[0],
            inherent_impact=spec.inherent[1],
            current_likelihood=last[0],
            current_impact=last[1],
            target_likelihood=spec.target[0],
            target_impact=spec.target[1],
            controls=spec.controls,
            next_review_on=today + dt.timedelta(days=spec.next_review_days),
            created_by=business_unit,
            created_at=added,
        )
        last_review = today + dt.timedelta(days=min(spec.next_review_days, 0) - 21 - number * 3)
        for quarter, (likelihood, impact, note) in enumerate(spec.reviews):
            RiskReview.objects.create(
                risk=risk,
                reviewed_on=last_review - dt.timedelta(days=91 * (len(spec.reviews) - 1 - quarter)),
                reviewed_by=owner or business_unit,
                likelihood=likelihood,
                impact=impact,
                note=note,
            )
        event_record(
            actor=business_unit,
            verb="governance.risk_added",
            target=risk,
            partnership=partnership,
            summary=f"Risk {risk.reference} added to the register: {risk.title}",
        )
        if spec.closed:
            risk.status = Risk.Status.CLOSED
            risk.closed_reason = spec.closed
            risk.closed_at = timezone.make_aware(dt.datetime.combine(last_review + dt.timedelta(days=7), dt.time(10)))
            risk.closed_by = business_unit
            risk.save(update_fields=["status", "closed_reason", "closed_at", "closed_by"])
