"""The members register: who holds which role in the partnership, and since when."""

import django_filters
import django_tables2 as tables
from django.db.models import Q
from django.utils import timezone

from assure.core.navigation import partnership_url

from .models import Membership
from .selectors import role_choices, role_title


class MemberTable(tables.Table):
    person = tables.Column(
        verbose_name="Person",
        accessor="user__full_name",
        order_by=("user__full_name",),
        linkify=lambda record: partnership_url("accounts:member_detail", record.partnership, pk=record.pk),
        attrs={"a": {"class": "govuk-link"}},
    )
    email = tables.Column(verbose_name="E-mail address", accessor="user__email")
    role = tables.Column(verbose_name="Role")
    agency = tables.Column(verbose_name="Agency", default="")
    since = tables.DateColumn(verbose_name="Since", accessor="created_at", format="j M Y")

    class Meta:
        model = Membership
        fields = ("person", "email", "role", "agency", "since")
        empty_text = "No members match."

    def render_role(self, value: str) -> str:
        return role_title(value)

    def value_role(self, value: str) -> str:
        return role_title(value)

    def value_since(self, value) -> str:
        return timezone.localtime(value).date().isoformat()


class MemberFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label="Name or e-mail address", method="search")
    role = django_filters.ChoiceFilter(label="Role", empty_label="Any role")
    agency = django_filters.ModelChoiceFilter(label="Agency", queryset=None, empty_label="Any agency")

    class Meta:
        model = Membership
        fields = ["q", "role", "agency"]

    def __init__(self, *args, agencies, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["role"].extra["choices"] = role_choices()
        self.filters["agency"].queryset = agencies

    def search(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(Q(user__full_name__icontains=value) | Q(user__email__icontains=value))
