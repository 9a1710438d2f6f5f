"""The action tracker's table: what each column shows on the page and in the export."""

import django_tables2 as tables
from django.db.models import Case, IntegerField, Value, When
from django.utils.formats import date_format
from django.utils.html import format_html

from assure.core.tables import record_address

from .models import Action

STATUS_TAGS = {
    Action.Status.OPEN: "govuk-tag--grey",
    Action.Status.IN_PROGRESS: "",
    Action.Status.COMPLETED: "govuk-tag--green",
    Action.Status.CANCELLED: "govuk-tag--grey",
}
RAG_TAGS = {
    Action.Rag.RED: "govuk-tag--red",
    Action.Rag.AMBER: "govuk-tag--yellow",
    Action.Rag.GREEN: "govuk-tag--green",
}
STATUS_ORDER = [Action.Status.OPEN, Action.Status.IN_PROGRESS, Action.Status.COMPLETED, Action.Status.CANCELLED]
RAG_ORDER = [Action.Rag.RED, Action.Rag.AMBER, Action.Rag.GREEN]


def status_tag(action: Action) -> str:
    return format_html(
        '<strong class="govuk-tag {}">{}</strong>', STATUS_TAGS.get(action.status, ""), action.get_status_display()
    )


def rag_tag(action: Action) -> str:
    if not action.rag:
        return "Not rated"
    # The word is always shown: colour alone would not say it.
    return format_html(
        '<strong class="govuk-tag assure-rag {}">{}</strong>', RAG_TAGS[action.rag], action.get_rag_display()
    )


def source_url(action: Action) -> str | None:
    """Where the record that raised the action can be seen, if it has a page."""
    source = action.source if action.source_type_id else None
    get_url = getattr(source, "get_absolute_url", None)
    return get_url() if get_url else None


def _ordered(queryset, field: str, order: list, is_descending: bool):
    rank = Case(*[When(**{field: value}, then=Value(i)) for i, value in enumerate(order)], output_field=IntegerField())
    queryset = queryset.annotate(**{f"{field}_rank": rank}).order_by(
        f"-{field}_rank" if is_descending else f"{field}_rank", "due_on", "pk"
    )
    return queryset, True


class ActionTable(tables.Table):
    reference = tables.Column(verbose_name="Reference")
    title = tables.Column(verbose_name="Title")
    owner_agency = tables.Column(verbose_name="Owner agency", order_by=("owner_agency__name",))
    owner = tables.Column(
        verbose_name="Owner", accessor="owner_display", order_by=("owner__full_name", "owner_name"), default=""
    )
    due_on = tables.Column(verbose_name="Due date")
    status = tables.Column(verbose_name="Status")
    rag = tables.Column(verbose_name="RAG", empty_values=())
    source = tables.Column(verbose_name="Raised from", accessor="source_label", orderable=False, default="")
    overdue = tables.Column(verbose_name="Overdue", empty_values=(), orderable=False, visible=False)

    caption = "Actions"

    class Meta:
        model = Action
        fields = ("reference", "title", "owner_agency", "owner", "due_on", "status", "rag", "source")
        sequence = (*fields, "overdue")
        order_by = ("due_on",)
        empty_text = "No actions match."

    def render_reference(self, record: Action, value: str) -> str:
        return format_html('<a class="govuk-link" href="{}">{}</a>', self._detail_url(record), value)

    def _detail_url(self, record: Action) -> str:
        # Every row's action page has the same address but for its key: reversed once a table.
        addresses = self.__dict__.setdefault("_detail_addresses", {})
        slug = record.partnership.slug
        if slug not in addresses:
            addresses[slug] = record_address("actions:detail", partnership=slug)
        return addresses[slug](record.pk)

    def value_reference(self, value: str) -> str:
        return value

    def render_due_on(self, record: Action, value) -> str:
        due = date_format(value, "j M Y")
        if record.is_overdue:
            return format_html('{} <strong class="govuk-tag govuk-tag--red">Overdue</strong>', due)
        return due

    def value_due_on(self, value):
        return value

    def render_status(self, record: Action) -> str:
        return status_tag(record)

    def value_status(self, record: Action) -> str:
        return record.get_status_display()

    def order_status(self, queryset, is_descending: bool):
        return _ordered(queryset, "status", STATUS_ORDER, is_descending)

    def render_rag(self, record: Action) -> str:
        return rag_tag(record)

    def value_rag(self, record: Action) -> str:
        return record.get_rag_display() if record.rag else ""

    def order_rag(self, queryset, is_descending: bool):
        return _ordered(queryset, "rag", RAG_ORDER, is_descending)

    def render_source(self, record: Action, value: str) -> str:
        url = source_url(record)
        return format_html('<a class="govuk-link" href="{}">{}</a>', url, value) if url else value

    def value_source(self, value: str) -> str:
        return value

    def render_overdue(self, record: Action) -> str:
        return "Yes" if record.is_overdue else "No"
