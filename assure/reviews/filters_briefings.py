"""Filters of the briefings register: by status, where the learning comes from, and words of the
title or text."""

import django_filters
from django.db.models import Q

from .models import Briefing


class BriefingFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(choices=Briefing.Status.choices, empty_label="Any status")
    source = django_filters.ChoiceFilter(
        label="Learning from", choices=Briefing.Source.choices, empty_label="Any source"
    )
    words = django_filters.CharFilter(label="Words in the title or text", method="filter_words")

    class Meta:
        model = Briefing
        fields: list[str] = []

    def filter_words(self, queryset, name, value):
        for word in (value or "").split()[:12]:
            queryset = queryset.filter(Q(title__icontains=word) | Q(search_text__icontains=word))
        return queryset
