"""Shropshire's learning briefings in the demo: two published on its public learning page in
2014-15 — the learning of the serious case review (led by another board) about a young person
placed in the county far from home, and of the SCIE learning review of the child sexual
exploitation strategy and panel — and one draft, for the year running when the demo is loaded,
about new statutory guidance. The words are fresh; nobody is named and no child is described."""

import datetime as dt

from django.utils import timezone

from assure.audit.selectors import events_about
from assure.demo import region

from ..models import Briefing
from ..services.briefings import briefing_create, briefing_publish

PLACED_FAR_FROM_HOME = {
    "title": "Young people placed far from home",
    "without_review": "A serious case review led by another board, 2014-15",
    "sections": {
        "background": (
            "A serious case review led by another safeguarding children board looked at the help given to a "
            "looked-after young person placed by their home authority in a residential home in Shropshire, many "
            "miles from family, school and the professionals who knew them. Shropshire's agencies contributed "
            "chronologies and took part in the review panel."
        ),
        "why-it-matters": (
            "Young people placed a long way from home are among the most vulnerable children we work with. They "
            "arrive without the relationships that kept them safe, the agencies around them change overnight, and "
            "those who want to exploit them are quick to notice a young person who is new, lonely and unsupervised."
        ),
        "what-we-found": (
            "Local agencies were not always told that the young person had arrived, so nobody here knew their "
            "history.\n"
            "Each missing episode was handled as a one-off; nobody put the episodes together to see a pattern.\n"
            "The placing authority, the home and local services each thought another agency held the full "
            "picture.\n"
            "The young person's own account of where they went and who they were with was rarely asked for or "
            "written down."
        ),
        "what-to-do": (
            "When a child placed from another area comes to your attention, find out who their social worker is "
            "and tell them, the same day.\n"
            "Treat every missing episode as information: record it, share it and look back at the ones before.\n"
            "Offer a return interview after every episode, and write down what the young person says in their own "
            "words.\n"
            "If you are unsure who is responsible, ask the multi-agency safeguarding hub rather than assume."
        ),
        "questions": (
            "Do you know which of the children you work with are placed here by another authority?\n"
            "Who would you tell if one of them went missing tonight?\n"
            "When did you last ask a young person what was happening when they were away?"
        ),
        "further-reading": (
            "The board's procedures on children placed out of area and on children missing from home or care.\n"
            "The multi-agency training on child sexual exploitation."
        ),
    },
}

CSE_STRATEGY = {
    "title": "Child sexual exploitation: learning from our systems review",
    "without_review": "A learning review by the SCIE systems method, 2014-15",
    "sections": {
        "background": (
            "The board used the Social Care Institute for Excellence's systems method to review how its child "
            "sexual exploitation strategy and panel work in practice. Practitioners from every agency talked to "
            "the reviewers about their cases as they saw them at the time — the view from the tunnel — rather than "
            "with hindsight."
        ),
        "why-it-matters": (
            "Exploitation is hidden and young people often do not see themselves as victims. The strategy and the "
            "panel only protect them if practitioners recognise the signs, refer, and hear back what is being "
            "done."
        ),
        "what-we-found": (
            "The risk assessment tool was completed as a checklist, so scores were recorded without the worries "
            "behind them.\n"
            "Practitioners who referred to the panel seldom heard what it decided, and some stopped referring.\n"
            "The panel discussed young people's risks but rarely their own views of what would help.\n"
            "Where it worked well, one trusted adult stayed with the young person through every change of service."
        ),
        "what-to-do": (
            "Use the risk assessment tool to tell the young person's story, not only to score it.\n"
            "If you refer to the panel, expect to hear back within two weeks; ask the business unit if you do not.\n"
            "Bring the young person's own words to every discussion about them.\n"
            "Plan around a trusted adult and keep them involved when the case moves on."
        ),
        "questions": (
            "Would you recognise the early signs of exploitation in the young people you see?\n"
            "What did you last hear back after a referral, and what did you do with it?\n"
            "Who is the trusted adult for the young people on your caseload?"
        ),
        "further-reading": (
            "The board's child sexual exploitation strategy and risk assessment tool.\n"
            "The Social Care Institute for Excellence's guide to learning together to safeguard children."
        ),
    },
}

NEW_GUIDANCE = {
    "title": "Working together: what the new statutory guidance asks of every practitioner",
    "source_note": "Working Together to Safeguard Children, the current edition of the statutory guidance",
    "sections": {
        "background": (
            "The statutory guidance on inter-agency working has been revised. This briefing summarises what "
            "changes for practitioners in the partnership's agencies."
        ),
        "why-it-matters": (
            "The guidance sets out what every agency must do to keep children safe; the partnership's procedures "
            "follow it, and inspections judge practice against it."
        ),
        "what-we-found": (
            "A clearer expectation that agencies work with families as partners.\n"
            "Stronger duties on sharing information early.\n"
            "Named leads for multi-agency child protection work in each agency."
        ),
        "what-to-do": "To be agreed with the procedures subgroup before the briefing is published.",
    },
}


def _at(day: dt.date, hour: int = 10) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, 0)))


def _dated(briefing: Briefing, *, written: dt.date, published: dt.date | None = None) -> None:
    """Date the briefing (and what its history says) as it happened, not as it was loaded."""
    fields = {"created_at": _at(written), "updated_at": _at(published or written)}
    if published:
        fields["published_at"] = _at(published, 12)
    Briefing.objects.filter(pk=briefing.pk).update(**fields)
    for event in events_about(target=briefing):
        event.occurred_at = fields["published_at"] if event.verb == "reviews.briefing_published" else _at(written)
        event.save(update_fields=["occurred_at"])


def _financial_year_start(today: dt.date) -> dt.date:
    return dt.date(today.year if today.month >= 4 else today.year - 1, 4, 1)


def load(*, partnerships, agencies, users, today, made: dict) -> None:
    partnership = partnerships[region.SHROPSHIRE]
    business_unit = users[(region.SHROPSHIRE, "business-unit")]
    reviews = made.get("reviews", {})
    written: dict[str, Briefing] = {}

    for key, content, dates in (
        ("scr", PLACED_FAR_FROM_HOME, (dt.date(2015, 1, 19), dt.date(2015, 2, 16))),
        ("scie", CSE_STRATEGY, (dt.date(2015, 2, 23), dt.date(2015, 3, 23))),
    ):
        review = reviews.get(key)
        source = {"source": Briefing.Source.LOCAL_REVIEW, "review": review}
        if review is None:  # without the demo's reviews, say in words where the learning came from
            source = {"source": Briefing.Source.NATIONAL_REVIEW, "source_note": content["without_review"]}
        briefing = briefing_create(
            actor=business_unit, partnership=partnership, title=content["title"], sections=content["sections"], **source
        )
        briefing_publish(actor=business_unit, briefing=briefing)
        _dated(briefing, written=dates[0], published=dates[1])
        written[key] = briefing

    draft = briefing_create(
        actor=business_unit,
        partnership=partnership,
        title=NEW_GUIDANCE["title"],
        source=Briefing.Source.LEGISLATION,
        source_note=NEW_GUIDANCE["source_note"],
        sections=NEW_GUIDANCE["sections"],
    )
    _dated(draft, written=max(_financial_year_start(today), today - dt.timedelta(days=7)))
    written["draft"] = draft
    made["briefings"] = written
