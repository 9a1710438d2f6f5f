"""What voices have waiting for the business unit on its home page ("Voices to review"): each
voice heard and not yet reviewed, titled by who it is from and how it reached the board (never
the words, never a name). Two queries, whatever the number."""

import datetime as dt

from assure.core.navigation import partnership_url
from assure.core.waiting import WaitingItem

from .selectors.voices import source_titles, voices_to_review

TO_REVIEW = "engagement.voices_to_review"


def voices_waiting(*, user, partnership, today: dt.date) -> list[WaitingItem]:
    voices = list(voices_to_review(user=user, partnership=partnership))
    if not voices:
        return []
    sources = source_titles()
    return [
        WaitingItem(
            kind=TO_REVIEW,
            title=f"Voice to review: {sources.get(voice.source_type, voice.source_type)}, {voice.channel}",
            url=partnership_url("engagement:voice_review", partnership, pk=voice.pk),
            detail=f"Heard on {voice.heard_on:%-d %B %Y}",
        )
        for voice in voices
    ]


def voices_phrase(*, user, partnership) -> str | None:
    """The menu's line on the voices' part: how many voices wait to be reviewed."""
    count = voices_to_review(user=user, partnership=partnership).count()
    if not count:
        return None
    return f"{count} voice{'s' if count != 1 else ''} to review"
