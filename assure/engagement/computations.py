"""Figures counted from engagement's records (registered in ``registrations.figures()`` with
``assure.core.computations``), a figure a financial year (April to March):

- **A campaign measure's total** (``engagement.measure_total``, the measure a library code of
  ``engagement-measure``): the sum of the values of that measure recorded for the partnership's
  campaigns, by the date measured: the campaigns' reach, the copies distributed. Only a measure
  the library says adds up is summed (an average reach per post does not).
- **Event attendees** (``engagement.event_attendees``): the attendees typed for the events held in
  the year. An event run as a training session is counted by the training register, not here.
- **Survey responses** (``engagement.survey_responses``): the responses submitted to the
  partnership's surveys, by the day submitted.
- **Voices heard** (``engagement.voices_heard``): the voices recorded as heard in the year,
  reviewed or not.

Counts name nobody, so no small-numbers rule applies. A year with no record at all has no figure
(no observation), rather than a nought nobody counted; a year is counted once it has ended, as
the core dataset's other annual figures are."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Collection, Iterable
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from assure.core.computations import ComputedFigure
from assure.library.selectors import current_item
from assure.partnerships.models import Partnership
from assure.partnerships.years import financial_year_bounds, financial_year_of
from assure.questionnaires.models import Response

from .models import Event, Measure, Survey, Voice

MEASURE_KIND = "engagement-measure"


def plural(count: int | Decimal, word: str, many: str = "") -> str:
    return f"{count:,} {word if count == 1 else many or word + 's'}"


def _ended(year: str, today: dt.date) -> bool:
    return financial_year_bounds(year)[1] < today


def _figures(rows: Iterable[tuple[dt.date, Decimal]], years: Collection[str] | None, words) -> list[ComputedFigure]:
    """Per financial year of the rows' dates, the sum of their figures and how many rows there
    were, for the years asked that have ended."""
    totals: dict[str, Decimal] = defaultdict(Decimal)
    counts: dict[str, int] = defaultdict(int)
    for day, figure in rows:
        year = financial_year_of(day)
        totals[year] += Decimal(figure or 0)
        counts[year] += 1
    today = timezone.localdate()
    return [
        ComputedFigure(year=year, numerator=totals[year], counted_from=words(counts[year]))
        for year in sorted(totals)
        if (years is None or year in years) and _ended(year, today)
    ]


def measure_adds_up(code: str) -> bool:
    item = current_item(kind=MEASURE_KIND, code=code)
    return bool(item is not None and item.data.get("adds_up"))


def measure_total(
    *, partnership: Partnership, measure: str, years: Collection[str] | None = None
) -> list[ComputedFigure]:
    """Per financial year (of the date measured), the total of the measure over the partnership's
    campaigns; nothing for a measure that does not add up."""
    if not measure_adds_up(measure):
        return []
    rows = Measure.objects.filter(campaign__partnership=partnership, kind=measure).values_list("measured_on", "value")
    item = current_item(kind=MEASURE_KIND, code=measure)
    title = (item.title if item else measure).lower()
    return _figures(rows, years, lambda n: f"{plural(n, 'campaign measure')} of {title}")


def event_attendees(*, partnership: Partnership, years: Collection[str] | None = None) -> list[ComputedFigure]:
    """Per financial year (of the day held), the attendees typed for the partnership's events."""
    rows = (
        Event.objects.filter(partnership=partnership, attendees__isnull=False)
        .exclude(training_session__gt="")
        .values_list("held_on", "attendees")
    )
    return _figures(rows, years, lambda n: f"the attendance of {plural(n, 'event')}")


def survey_responses(*, partnership: Partnership, years: Collection[str] | None = None) -> list[ComputedFigure]:
    """Per financial year (of the day submitted), the responses submitted to the partnership's
    surveys."""
    surveys = [str(pk) for pk in Survey.objects.filter(partnership=partnership).values_list("pk", flat=True)]
    if not surveys:
        return []
    submitted = Response.objects.filter(
        partnership=partnership,
        about_type=ContentType.objects.get_for_model(Survey),
        about_id__in=surveys,
        status=Response.Status.SUBMITTED,
        submitted_at__isnull=False,
    ).values_list("submitted_at", flat=True)
    rows = ((timezone.localtime(moment).date(), Decimal(1)) for moment in submitted)
    return _figures(rows, years, lambda n: f"{plural(n, 'survey response')} submitted")


def voices_heard(*, partnership: Partnership, years: Collection[str] | None = None) -> list[ComputedFigure]:
    """Per financial year (of the day heard), the voices recorded."""
    rows = (
        (day, Decimal(1)) for day in Voice.objects.filter(partnership=partnership).values_list("heard_on", flat=True)
    )
    return _figures(rows, years, lambda n: f"{plural(n, 'voice')} recorded")
