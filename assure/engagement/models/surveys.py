"""A survey: a questionnaire of the library put to the public on an anonymous link, open between
two dates. Responses are the questionnaire engine's ``Response`` about the survey, with no
respondent, no agency, no address and no cookie identifier. Surveys of one ``series`` (e.g. the
young people's e-safety survey) are compared year on year, question by question."""

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone


def new_token() -> str:
    return secrets.token_urlsafe(12)


class Survey(models.Model):
    partnership = models.ForeignKey("partnerships.Partnership", on_delete=models.PROTECT, related_name="+")
    title = models.CharField(max_length=200)
    series = models.CharField(
        max_length=60, help_text="Surveys of the same series are compared year on year, e.g. esafety-young-people."
    )
    questionnaire = models.ForeignKey(
        "library.LibraryItem",
        on_delete=models.PROTECT,
        related_name="+",
        help_text="The version of the questionnaire the survey asks.",
    )
    audience = models.CharField(max_length=200, help_text="Who it is for, e.g. young people aged 11 to 18.")
    introduction = models.TextField(help_text="What respondents read first, in plain words.")
    personal_data = models.TextField(
        "personal data asked, and why",
        blank=True,
        help_text="Leave empty when the survey asks nothing that identifies anyone.",
    )
    opens_on = models.DateField()
    closes_on = models.DateField()
    token = models.CharField(max_length=32, unique=True, default=new_token, help_text="The public link's key.")
    priority = models.ForeignKey("plans.Priority", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-opens_on", "pk"]

    def __str__(self) -> str:
        return self.title

    def is_open_on(self, day) -> bool:
        return self.opens_on <= day <= self.closes_on

    def trail_partnership_ids(self) -> list[int]:
        return [self.partnership_id]
