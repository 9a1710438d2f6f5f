"""Responses to questionnaires of the library, and their answers, typed by question.

A response points at the exact version of the questionnaire it was answered on (a
``LibraryItem``), so a new version never rewrites past answers. What a response is about is a
generic link to a record of the app that asked for it (a case audit, a conference).
"""

import datetime as dt
from decimal import Decimal

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone


class Response(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        SUBMITTED = "submitted", "Submitted"

    # The statuses after which nobody changes the answers; an app may add its own (e.g. "moderated").
    LOCKED = ("submitted", "moderated", "closed")

    partnership = models.ForeignKey(
        "partnerships.Partnership", on_delete=models.CASCADE, related_name="questionnaire_responses"
    )
    questionnaire = models.ForeignKey(
        "library.LibraryItem",
        on_delete=models.PROTECT,
        related_name="+",
        help_text="The version of the questionnaire answered.",
    )
    about_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    about_id = models.CharField(max_length=40)
    about = GenericForeignKey("about_type", "about_id")
    sections = models.JSONField(
        default=list, blank=True, help_text="The codes of the sections this response answers; empty: all."
    )
    agency = models.ForeignKey(
        "partnerships.Agency",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="The agency answering, where the sections are an agency's.",
    )
    respondent = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="The person asked to answer, where one is.",
    )
    status = models.CharField(max_length=20, default=Status.DRAFT)
    answered = models.PositiveIntegerField(default=0, help_text="Questions shown and answered.")
    asked = models.PositiveIntegerField(default=0, help_text="Questions shown.")
    submitted_at = models.DateTimeField(null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    reopen_reason = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["pk"]
        indexes = [
            models.Index(fields=["about_type", "about_id"]),
            models.Index(fields=["partnership", "questionnaire", "status"]),
        ]

    def __str__(self) -> str:
        return f"Response {self.pk} ({self.get_status_display()})"

    def get_status_display(self) -> str:
        try:
            return self.Status(self.status).label
        except ValueError:
            return self.status.replace("-", " ").capitalize()

    @property
    def is_locked(self) -> bool:
        return self.status in self.LOCKED

    @property
    def is_editable(self) -> bool:
        return not self.is_locked

    def values(self) -> dict:
        """Each answered question's value, by question code (reads the answers once)."""
        return {answer.question: answer.value for answer in self.answers.all()}

    def trail_partnership_ids(self) -> list[int]:
        return [self.partnership_id]


class Answer(models.Model):
    """One question's answer, in the column of its type."""

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    question = models.CharField(max_length=100, help_text="The question's code in the questionnaire.")
    choice = models.CharField(max_length=100, blank=True, help_text="Yes-no, scale, grade and single choice.")
    choices = models.JSONField(default=list, blank=True, help_text="Multiple choice: the codes chosen.")
    number = models.DecimalField(max_digits=14, decimal_places=4, null=True, blank=True)
    date = models.DateField(null=True, blank=True)
    text = models.TextField(blank=True)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["pk"]
        constraints = [models.UniqueConstraint(fields=["response", "question"], name="answer_once_per_question")]
        indexes = [models.Index(fields=["question", "choice"])]

    def __str__(self) -> str:
        return f"{self.question}: {self.value}"

    @property
    def value(self) -> str | list[str] | Decimal | dt.date | None:
        if self.choices:
            return list(self.choices)
        if self.choice:
            return self.choice
        if self.number is not None:
            return self.number
        if self.date is not None:
            return self.date
        return self.text or None

    def set_value(self, value: str | list[str] | Decimal | dt.date | None, *, kind: str) -> None:
        """Store ``value`` in the column of the question's type ``kind`` (clearing the others)."""
        self.choice, self.choices, self.number, self.date, self.text = "", [], None, None, ""
        if value is None:
            return
        if kind == "multiple":
            self.choices = list(value)
        elif kind in {"yes-no", "scale", "grade", "single"}:
            self.choice = str(value)
        elif kind == "number":
            self.number = value
        elif kind == "date":
            self.date = value
        else:
            self.text = str(value)

    def trail_partnership_ids(self) -> list[int]:
        return [self.response.partnership_id]
