"""Reads of e-learning completions, for the business unit: the modules, completions by year and
by agency, and the imports made."""

from collections import defaultdict

from django.db.models import Count, F, Max, Min, QuerySet

from assure.partnerships.years import financial_year_of

from ..models import Course, ElearningCompletion
from ..permissions import can_manage

OTHER = "Other organisations"


def elearning_courses(*, user, partnership) -> QuerySet[Course]:
    if not can_manage(user=user, partnership=partnership):
        return Course.objects.none()
    return Course.objects.filter(partnership=partnership, delivery=Course.Delivery.ELEARNING).order_by("title")


def completions_visible_to(*, user, partnership) -> QuerySet[ElearningCompletion]:
    if not can_manage(user=user, partnership=partnership):
        return ElearningCompletion.objects.none()
    return ElearningCompletion.objects.filter(partnership=partnership)


def completions_by_course(*, user, partnership) -> list[dict]:
    """Each e-learning module with its completions in all."""
    counts = dict(
        completions_visible_to(user=user, partnership=partnership)
        .values_list("course_id")
        .annotate(n=Count("pk"))
        .values_list("course_id", "n")
    )
    return [
        {"course": course, "completions": counts.get(course.pk, 0)}
        for course in elearning_courses(user=user, partnership=partnership)
    ]


def completions_by_year_and_agency(*, user, partnership) -> tuple[list[str], list[dict]]:
    """The reporting years (newest first) and a row per agency (or "other organisations", for
    completions by people of an organisation that is not an agency) with its completions in each
    year and in all."""
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    rows = (
        completions_visible_to(user=user, partnership=partnership)
        .values_list("agency__name", "completed_on")
        .order_by()
    )
    years: set[str] = set()
    for agency, day in rows:
        year = financial_year_of(day)
        years.add(year)
        counts[agency or OTHER][year] += 1
    ordered = sorted(years, reverse=True)
    names = sorted((n for n in counts if n != OTHER), key=str.lower) + ([OTHER] if OTHER in counts else [])
    return ordered, [
        {
            "agency": name,
            "years": [counts[name].get(year, 0) for year in ordered],
            "total": sum(counts[name].values()),
        }
        for name in names
    ]


def imports_made(*, user, partnership) -> list[dict]:
    """Each import, newest first: when, by whom, how many completions and their dates."""
    return list(
        completions_visible_to(user=user, partnership=partnership)
        .values("imported_at", by=F("imported_by__full_name"))
        .annotate(completions=Count("pk"), first=Min("completed_on"), last=Max("completed_on"))
        .order_by("-imported_at")
    )
