"""The voices Shropshire's board heard in 2014-15 and after, in invented words that paraphrase the
annual report (no real person's words, no names): a parent's thanks for the parents' e-safety
page, practitioners' "view from the tunnel" in the learning review, the young people at the
board's first development session, and a comment from a community workshop still to review."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from ..models import Voice


@dataclass(frozen=True)
class VoiceSpec:
    source_type: str
    channel: str
    heard_on: dt.date
    text: str
    consent_note: str = ""
    status: str = Voice.Status.APPROVED
    for_report: bool = False
    event: str = ""


CONSENT_YOUNG_PEOPLE = "The young people presented to the board and agreed that their points be reported without names."
VOICES = (
    VoiceSpec(
        "parent",
        "The parents' e-safety page of the website",
        dt.date(2015, 1, 19),
        "Keeping my daughter's privacy safe online has worried me for a while. She is only ten and already spends "
        "more time on the internet than I do, and I am not confident with technology, so I have had to teach myself. "
        "Thank you for putting this page together: it has helped me a great deal. Good, accurate advice is hard to "
        "find, so this is really appreciated.",
        "Asked by e-mail on 21 January 2015; agreed to be quoted without a name.",
        for_report=True,
    ),
    VoiceSpec(
        "practitioner",
        "A learning review's conversations with the practitioners involved",
        dt.date(2014, 11, 12),
        "Being asked for my view from the tunnel, what I knew and what was pressing on me at the time, helped me "
        "see why we made the decisions we did, and what would help next time.",
        "Agreed at the learning review's practitioners' event to be quoted without a name.",
        for_report=True,
    ),
    VoiceSpec(
        "child",
        "The board's development session",
        dt.date(2014, 10, 15),
        "Young people have games consoles, laptops and phones in their bedrooms. Maybe they should be downstairs in "
        "the living room, so parents can see what their children are doing and who they are talking to.",
        CONSENT_YOUNG_PEOPLE,
        for_report=True,
        event="development",
    ),
    VoiceSpec(
        "child",
        "The board's development session",
        dt.date(2014, 10, 15),
        "The e-safety videos shown in schools are not strong enough: cyberbullying and sexting still go on, so we "
        "made a video that goes straight to the point.",
        CONSENT_YOUNG_PEOPLE,
        event="development",
    ),
    VoiceSpec(
        "child",
        "The board's development session",
        dt.date(2014, 10, 15),
        "The talks we get concentrate on the negatives, not on what could happen to you personally. More frequent "
        "lessons on the personal consequences would help.",
        CONSENT_YOUNG_PEOPLE,
        event="development",
    ),
    VoiceSpec(
        "community",
        "A community workshop",
        dt.date(2015, 5, 20),
        "People in the villages do notice things, but they do not know who to tell or whether it is their place to "
        "say something.",
        status=Voice.Status.TO_REVIEW,
        event="workshop-south",
    ),
)


def voices_load(*, partnership, priority, business_unit, events: dict) -> int:
    reviewed_at = timezone.make_aware(dt.datetime(2015, 6, 1, 10, 0))
    for spec in VOICES:
        approved = spec.status == Voice.Status.APPROVED
        Voice.objects.create(
            partnership=partnership,
            source_type=spec.source_type,
            channel=spec.channel,
            heard_on=spec.heard_on,
            text=spec.text,
            consent_to_quote=bool(spec.consent_note),
            consent_note=spec.consent_note,
            priority=priority,
            status=spec.status,
            reviewed_by=business_unit if approved else None,
            reviewed_at=reviewed_at if approved else None,
            for_report=spec.for_report,
            event=events.get(spec.event),
            recorded_by=business_unit,
        )
    return len(VOICES)
