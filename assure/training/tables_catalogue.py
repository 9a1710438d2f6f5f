"""The registers of the catalogue: the courses (title, level, delivery, the plan's priority,
sessions to come, offered or retired) and the sessions (reference, course, when, venue, places,
booked, waiting, status), with their filters. The downloads hold the same columns as plain text."""

import datetime as dt

import django_filters
import django_tables2 as tables
from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html

from assure.core.tables import record_address

from .models import Course, Session

OFFERED, RETIRED = "offered", "retired"
TO_COME, PAST = "to-come", "past"


def _when(value) -> str:
    return date_format(timezone.localtime(value), "j M Y, H:i") if value else ""


# --- courses ------------------------------------------------------------------------------------


class CourseTable(tables.Table):
    title = tables.Column(verbose_name="Course")
    level = tables.Column(verbose_name="Level")
    delivery = tables.Column(verbose_name="Delivery")
    priority = tables.Column(verbose_name="Business plan priority", accessor="priority__title", default="")
    sessions_to_come = tables.Column(verbose_name="Sessions to come")
    is_active = tables.Column(verbose_name="Offered")

    caption = "Training courses"

    class Meta:
        model = Course
        fields = ("title", "level", "delivery", "priority", "sessions_to_come", "is_active")
        order_by = ("title",)
        empty_text = "No course matches."

    def __init__(self, *args, partnership, levels: dict[str, str], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.levels = levels
        self.address = record_address("training:course_detail", partnership=partnership.slug)

    def render_title(self, record: Course, value) -> str:
        return format_html('<a class="govuk-link" href="{}">{}</a>', self.address(record.pk), value)

    def value_title(self, value) -> str:
        return value

    def render_level(self, value) -> str:
        return self.levels.get(value, value)

    def value_level(self, value) -> str:
        return self.levels.get(value, value)

    def render_delivery(self, record: Course) -> str:
        return record.get_delivery_display()

    def value_delivery(self, record: Course) -> str:
        return record.get_delivery_display()

    def render_is_active(self, value) -> str:
        if value:
            return format_html('<strong class="govuk-tag govuk-tag--green">{}</strong>', "Offered")
        return format_html('<strong class="govuk-tag govuk-tag--grey">{}</strong>', "Retired")

    def value_is_active(self, value) -> str:
        return "Offered" if value else "Retired"


class CourseFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label="Title", method="search")
    level = django_filters.ChoiceFilter(label="Level", empty_label="Every level", choices=[])
    delivery = django_filters.ChoiceFilter(label="Delivery", empty_label="Every way", choices=Course.Delivery.choices)
    offered = django_filters.ChoiceFilter(
        label="Offered",
        empty_label="Offered or retired",
        choices=[(OFFERED, "Offered"), (RETIRED, "Retired")],
        method="filter_offered",
    )

    class Meta:
        model = Course
        fields: list[str] = []

    def __init__(self, *args, levels=(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.filters["level"].extra["choices"] = list(levels)

    def search(self, queryset, name, value):
        value = (value or "").strip()
        return queryset.filter(title__icontains=value) if value else queryset

    def filter_offered(self, queryset, name, value):
        if value == OFFERED:
            return queryset.filter(is_active=True)
        if value == RETIRED:
            return queryset.filter(is_active=False)
        return queryset


# --- sessions -----------------------------------------------------------------------------------


class SessionTable(tables.Table):
    reference = tables.Column(verbose_name="Reference")
    course = tables.Column(verbose_name="Course", accessor="course__title", order_by=("course__title", "starts_at"))
    starts_at = tables.Column(verbose_name="Starts")
    venue = tables.Column(verbose_name="Venue")
    capacity = tables.Column(verbose_name="Places")
    booked = tables.Column(verbose_name="Booked")
    waiting = tables.Column(verbose_name="Waiting")
    status = tables.Column(verbose_name="Status")

    caption = "Training sessions"

    class Meta:
        model = Session
        fields = ("reference", "course", "starts_at", "venue", "capacity", "booked", "waiting", "status")
        order_by = ("starts_at",)
        empty_text = "No session matches."

    def __init__(self, *args, partnership, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.address = record_address("training:session_detail", partnership=partnership.slug)

    def render_reference(self, record: Session, value) -> str:
        return format_html('<a class="govuk-link" href="{}">{}</a>', self.address(record.pk), value)

    def value_reference(self, value) -> str:
        return value

    def render_course(self, record: Session) -> str:
        return record.display_title

    def value_course(self, record: Session) -> str:
        return record.display_title

    def render_starts_at(self, value) -> str:
        return _when(value)

    def value_starts_at(self, value) -> str:
        return _when(value)

    def render_venue(self, record: Session) -> str:
        return record.venue or ("Online" if record.course.delivery == Course.Delivery.ONLINE else "")

    def value_venue(self, record: Session) -> str:
        return self.render_venue(record)

    def render_status(self, record: Session) -> str:
        colour = "grey" if record.status == Session.Status.CANCELLED else "blue"
        return format_html('<strong class="govuk-tag govuk-tag--{}">{}</strong>', colour, record.get_status_display())

    def value_status(self, record: Session) -> str:
        return record.get_status_display()


class SessionFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label="Reference", method="search")
    when = django_filters.ChoiceFilter(
        label="To come or past",
        empty_label="To come and past",
        choices=[(TO_COME, "To come"), (PAST, "Past")],
        method="filter_when",
    )
    course = django_filters.ChoiceFilter(label="Course", empty_label="Every course", choices=[], method="filter_course")
    level = django_filters.ChoiceFilter(
        label="Level", empty_label="Every level", choices=[], field_name="course__level"
    )
    month = django_filters.ChoiceFilter(label="Month", empty_label="Every month", choices=[], method="filter_month")
    status = django_filters.ChoiceFilter(label="Status", empty_label="Every status", choices=Session.Status.choices)

    class Meta:
        model = Session
        fields: list[str] = []

    def __init__(self, *args, courses=(), levels=(), months=(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.filters["course"].extra["choices"] = [(str(course.pk), course.title) for course in courses]
        self.filters["level"].extra["choices"] = list(levels)
        self.filters["month"].extra["choices"] = list(months)

    def search(self, queryset, name, value):
        value = (value or "").strip()
        return queryset.filter(reference__icontains=value) if value else queryset

    def filter_when(self, queryset, name, value):
        now = timezone.now()
        if value == TO_COME:
            return queryset.filter(starts_at__gte=now)
        if value == PAST:
            return queryset.filter(starts_at__lt=now)
        return queryset

    def filter_course(self, queryset, name, value):
        return queryset.filter(course_id=value) if value else queryset

    def filter_month(self, queryset, name, value):
        try:
            year, month = (int(part) for part in value.split("-"))
        except ValueError:
            return queryset
        first = timezone.make_aware(dt.datetime(year, month, 1))
        after = timezone.make_aware(dt.datetime(year + month // 12, month % 12 + 1, 1))
        return queryset.filter(Q(starts_at__gte=first) & Q(starts_at__lt=after))
