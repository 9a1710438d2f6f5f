"""What surveys have waiting for the business unit on the home page ("Free-text answers to
review"): one item for each survey with answers given in words that nobody has reviewed yet,
titled by the survey (answers are anonymous, so never a person). Two queries, whatever the
number of surveys or answers."""

import datetime as dt

from assure.core.tables import record_address
from assure.core.waiting import WaitingItem

from .selectors.surveys import surveys_with_free_text

FREE_TEXT = "engagement.free_text_to_review"


def free_text_waiting(*, user, partnership, today: dt.date) -> list[WaitingItem]:
    waiting = surveys_with_free_text(user=user, partnership=partnership)
    if not waiting:
        return []
    address = record_address("engagement:survey_free_text", partnership=partnership.slug)
    return [
        WaitingItem(
            kind=FREE_TEXT,
            title=f"Free-text answers to review: {item.survey.title}",
            url=address(item.survey.pk),
            detail=f"{item.answers} {'answer' if item.answers == 1 else 'answers'} not yet reviewed",
        )
        for item in waiting
    ]


def free_text_phrase(*, user, partnership) -> str | None:
    """The menu's line for surveys: free-text answers waiting to be reviewed."""
    count = sum(item.answers for item in surveys_with_free_text(user=user, partnership=partnership))
    if not count:
        return None
    return f"{count} free-text {'answer' if count == 1 else 'answers'} to review"
