"""Shropshire's case reviews of 2014-15 in the demo, in fresh words and with invented people:

- the serious case review another board led about a looked-after young person it had placed in
  Shropshire (decided in 2014, completed and published in 2015), to which Shropshire's agencies
  contributed chronologies, all received;
- the reviews the chair's decisions on case considerations commissioned (``made["referral_reviews"]``
  from the referrals' part; commissioned here with the same keys when that part made none): three
  multi-agency audits, one followed by a learning event, and the SCIE systems learning review of
  the child sexual exploitation strategy and panel, with practitioners' conversations ("the view
  from the tunnel"). Each has its lead reviewer, terms of reference and panel, and was completed
  or published in 2014-15 with a summary naming nobody.

Every review goes to ``made["reviews"]`` keyed "scr", "audit-1", "audit-2", "audit-3", "scie" for
the recommendations' and briefings' parts. The children are never named: an agency's case
reference and an age."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from assure.audit.services import event_record
from assure.demo import region

from ..models import Contribution, Conversation, Review
from ..services.reviews import review_commission

CONTRIBUTORS = ("shropshire-csc", "shropshire-community-health", "sath", "police", "shropshire-secondary-schools")

# The reviews the referrals' part commissions, with what to commission when it made none.
FROM_REFERRALS = {
    "audit-1": ("multi-agency-audit", "Multi-agency audit: a young person missing education", dt.date(2014, 6, 2)),
    "audit-2": ("multi-agency-audit", "Multi-agency audit: injuries to a pre-school child", dt.date(2014, 9, 4)),
    "scie": ("scie-systems", "Learning review: the child sexual exploitation strategy and panel", dt.date(2014, 9, 10)),
    "audit-3": ("multi-agency-audit", "Multi-agency audit: domestic abuse before a baby's birth", dt.date(2015, 3, 6)),
}

# What each review was, how it ran and what it found: lead reviewer, terms of reference, panel,
# learning event, completion and publication, and the summary (in words that identify nobody).
DETAILS = {
    "audit-1": {
        "lead_reviewer": "Quality assurance officer, Shropshire Safeguarding Children Board",
        "terms_of_reference": (
            "Case CSC-20418, a young person aged 13. How the school, the school nursing service, the police and "
            "children's social care each understood the young person's falling attendance and low mood between "
            "September 2013 and March 2014, and why the pieces came together only at the strategy discussion."
        ),
        "panel": "Designated nurse (chair); education access manager; detective sergeant, public protection; "
        "team manager, children's social care.",
        "learning_event_on": dt.date(2014, 10, 15),
        "completed_on": dt.date(2014, 9, 26),
        "summary": (
            "Each agency saw one sign and judged it on its own. The audit found that attendance, health and police "
            "information were not brought together until a referral, and that practitioners did not always know "
            "that a school could call a multi-agency meeting itself. A learning event for school staff and school "
            "nurses followed in October 2014."
        ),
    },
    "audit-2": {
        "lead_reviewer": "Designated doctor for safeguarding children",
        "terms_of_reference": (
            "Case CSC-21377, a child aged 3. Whether minor injuries seen by health and early years practitioners "
            "over six months were recorded, shared and considered together."
        ),
        "panel": "Designated doctor (chair); named nurse, acute trust; early years adviser; practice manager, "
        "children's social care.",
        "completed_on": dt.date(2014, 12, 12),
        "summary": (
            "Injuries were recorded by each service but no one looked at them together. The audit asked for a body "
            "map in every early years setting's records and for emergency departments to tell the health visitor "
            "of every attendance by a child under five."
        ),
    },
    "scie": {
        "lead_reviewer": "Two accredited SCIE reviewers, one from a neighbouring board",
        "terms_of_reference": (
            "How the child sexual exploitation strategy and the CSE panel worked for young people at risk in "
            "2013-14, seen through the cases of three young people (CSC-19902, aged 15; CSC-20117, aged 14; "
            "CSC-20655, aged 16), using the Social Care Institute for Excellence's systems method."
        ),
        "panel": "Review team: the two lead reviewers. Case group: a team manager from children's social care, a "
        "detective constable from the CSE team, a school nurse, a youth worker and a sexual health nurse.",
        "learning_event_on": dt.date(2015, 2, 24),
        "completed_on": dt.date(2015, 3, 13),
        "published_on": dt.date(2015, 3, 20),
        "published_url": "https://www.example.org/shropshire-learning-reviews/",
        "summary": (
            "The CSE panel worked well once a young person was referred to it; the delay came before. "
            "Practitioners described risk in different words, so a young person could be at high risk to one "
            "service and not known to another. The review found the screening tool was used as a checklist rather "
            "than a prompt to talk, and that young people's own accounts were seldom recorded in their words."
        ),
        "conversations": (
            (
                dt.date(2014, 11, 4),
                "shropshire-csc",
                "Team manager",
                "At the time the young person's absences looked like a teenager staying with friends. The team was "
                "carrying vacancies, and a case that was not in crisis waited. Looking back, the pattern of older "
                "friends and new phones was there in the notes but in three different records.",
            ),
            (
                dt.date(2014, 11, 4),
                "police",
                "Detective constable, CSE team",
                "The intelligence came in pieces: a car seen twice, a name given once. On its own each piece did not "
                "reach the threshold for the panel. The screening tool asked about each piece, not about the whole.",
            ),
            (
                dt.date(2014, 11, 18),
                "shropshire-community-health",
                "School nurse",
                "The young person talked to me about feeling grown up and having money. I recorded it and told the "
                "designated teacher, but I did not know the CSE panel existed or that I could refer to it myself.",
            ),
            (
                dt.date(2014, 11, 18),
                "shropshire-voluntary",
                "Youth worker",
                "We knew the young person best and saw them every week. Nobody asked us to the meetings, and we did "
                "not think our view would count beside the statutory agencies'.",
            ),
        ),
    },
    "audit-3": {
        "lead_reviewer": "Quality assurance officer, Shropshire Safeguarding Children Board",
        "terms_of_reference": (
            "Case CSC-22040, an unborn baby and, after the birth, a baby aged 2 months. How information about "
            "domestic abuse known to the police and the midwifery service reached the pre-birth assessment."
        ),
        "panel": "Named midwife (chair); detective sergeant, domestic abuse unit; team manager, early help.",
        "completed_on": dt.date(2015, 3, 27),
        "summary": (
            "The police notification of domestic abuse reached children's social care but not the midwife, so the "
            "pre-birth assessment began late. The audit asked that every notification about a pregnant woman be "
            "copied to the maternity safeguarding team."
        ),
    },
}

SCR = {
    "title": "A looked-after young person placed in Shropshire by another authority",
    "led_elsewhere": "A neighbouring local safeguarding children board",
    "decided_on": dt.date(2014, 7, 14),
    "lead_reviewer": "An independent reviewer commissioned by the leading board",
    "terms_of_reference": (
        "Case LAC-3318 of the placing authority, a young person aged 16, placed in a residential home in Shropshire. "
        "How the placing authority and the agencies of the host area shared what each knew of the young person's "
        "going missing and of the risks around the placement."
    ),
    "panel": "Set by the leading board. Shropshire is represented by its business manager and the designated "
    "nurse for looked-after children.",
    "completed_on": dt.date(2015, 1, 16),
    "sent_to_panel_on": dt.date(2015, 1, 23),
    "published_on": dt.date(2015, 2, 6),
    "published_url": "https://www.example.org/neighbouring-board/serious-case-reviews/",
    "summary": (
        "A young person placed far from home was known to agencies in two areas, and neither area saw the whole "
        "picture. The host area's police and health services were not told of the placement for several weeks. "
        "The review asked placing authorities to notify the host area of every placement, and host areas to "
        "include placed young people in their missing-children meetings."
    ),
}


def _at(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(10, 0)))


def _finish(review: Review, *, actor, details: dict) -> None:
    """Bring a review to where it stood at the end of the year, recording the steps it took."""
    review.lead_reviewer = details.get("lead_reviewer", review.lead_reviewer)
    review.terms_of_reference = details["terms_of_reference"]
    review.panel = details["panel"]
    review.learning_event_on = details.get("learning_event_on")
    review.completed_on = details["completed_on"]
    review.sent_to_panel_on = details.get("sent_to_panel_on")
    review.published_on = details.get("published_on")
    review.published_url = details.get("published_url", "")
    review.summary = details["summary"]
    review.status = Review.Status.PUBLISHED if review.published_on else Review.Status.COMPLETED
    review.save()
    steps = [("reviews.review_started", "started"), ("reviews.review_completed", "completed")]
    if review.published_on:
        steps.append(("reviews.review_published", "published"))
    for verb, done in steps:
        event_record(
            actor=actor,
            verb=verb,
            target=review,
            partnership=review.partnership,
            summary=f"Review {review.reference}: {done}",
        )


def load(*, partnerships, agencies, users, today, made: dict) -> None:
    """Write Shropshire's 2014-15 reviews (called by reviews_demo_load after the referrals' part)."""
    shropshire = partnerships[region.SHROPSHIRE]
    business_unit = users[(region.SHROPSHIRE, "business-unit")]
    chair = users[(region.SHROPSHIRE, "chair")]
    reviewer = users[(region.SHROPSHIRE, "auditor")]
    lead = users[(region.SHROPSHIRE, "agency-lead")]
    reviews: dict[str, Review] = dict(made.get("referral_reviews") or {})
    for key, (kind, title, decided_on) in FROM_REFERRALS.items():
        if key not in reviews:
            reviews[key] = review_commission(
                actor=chair, partnership=shropshire, kind=kind, title=title, decided_on=decided_on, authorised=True
            )

    scr = review_commission(
        actor=business_unit,
        partnership=shropshire,
        kind="scr",
        title=SCR["title"],
        decided_on=SCR["decided_on"],
        led_elsewhere=SCR["led_elsewhere"],
        lead_reviewer=SCR["lead_reviewer"],
        agencies=[agencies[key] for key in CONTRIBUTORS],
    )
    for number, key in enumerate(CONTRIBUTORS):
        agency = agencies[key]
        Contribution.objects.create(
            review=scr,
            agency=agency,
            kind="chronology",
            due_on=dt.date(2014, 9, 12),
            requested_at=_at(dt.date(2014, 8, 1)),
            requested_by=business_unit,
            file_name=f"Chronology of involvement - {agency.name}.pdf",
            uploaded_at=_at(dt.date(2014, 9, 1) + dt.timedelta(days=2 * number)),
            uploaded_by=lead if key == "shropshire-community-health" else business_unit,
        )
    _finish(scr, actor=business_unit, details=SCR)
    reviews = {"scr": scr, **reviews}

    for key, details in DETAILS.items():
        review = reviews[key]
        for held_on, agency_key, role, notes in details.get("conversations", ()):
            Conversation.objects.create(
                review=review,
                held_on=held_on,
                agency=agencies[agency_key],
                practitioner_role=role,
                notes=notes,
                recorded_by=reviewer,
                recorded_at=_at(held_on),
            )
        _finish(review, actor=business_unit, details=details)
    made["reviews"] = {key: reviews[key] for key in ("scr", "audit-1", "audit-2", "audit-3", "scie")}
