"""Reads of surveys: the partnership's surveys with their responses counted, one survey, its
results question by question, the comparison with the previous survey of its series, and the
free-text answers still to review.

Every read takes the person asking: the board and the chair (``engagement.view``) read surveys
and their figures; only the business unit (``engagement.manage``) reads the free-text answers,
which may name someone until they are reviewed. Responses counted are the submitted ones."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Count, Exists, IntegerField, OuterRef, QuerySet, Subquery, Value
from django.db.models.functions import Cast, Coalesce
from django.utils import timezone

from assure.library.models import LibraryItem
from assure.library.schemas import SHIPPED_PROVIDER
from assure.library.selectors import current_items
from assure.partnerships.models import Partnership
from assure.plans.models import Priority
from assure.plans.selectors import current_plan, plan_priorities
from assure.questionnaires.charts import choices_chart, compared_chart
from assure.questionnaires.definition import questionnaire_of
from assure.questionnaires.identifying import identifying_warning
from assure.questionnaires.models import Answer, Response
from assure.questionnaires.results import ComparedRow, GroupFigure, QuestionResult, compared, question_results

from ..models import Survey, Voice
from ..permissions import can_manage, can_view

SURVEY_PURPOSE = "survey"
FREE_TEXT_TYPES = frozenset({"text", "long-text"})
CHOICE_RESULT_TYPES = frozenset({"yes-no", "scale", "grade", "single", "multiple"})


# --- what a survey is now -------------------------------------------------------------------------


class Status:
    NOT_YET_OPEN = "not-yet-open"
    OPEN = "open"
    CLOSED = "closed"

    LABELS = {NOT_YET_OPEN: "Not yet open", OPEN: "Open", CLOSED: "Closed"}
    TAGS = {NOT_YET_OPEN: "govuk-tag--blue", OPEN: "govuk-tag--green", CLOSED: "govuk-tag--grey"}


def status_of(survey: Survey, today: dt.date) -> str:
    """Whether the survey is open on ``today``, not yet open or closed."""
    if today < survey.opens_on:
        return Status.NOT_YET_OPEN
    if today > survey.closes_on:
        return Status.CLOSED
    return Status.OPEN


def _survey_type() -> ContentType:
    return ContentType.objects.get_for_model(Survey)


def submitted_responses(survey: Survey) -> QuerySet[Response]:
    """The survey's submitted responses (anonymous, so nothing of a person). Callers are the
    selectors below and the public page's services, which decide who sees what."""
    return Response.objects.filter(
        about_type=_survey_type(),
        about_id=str(survey.pk),
        status=Response.Status.SUBMITTED,
    )


# --- the list and one survey ----------------------------------------------------------------------


def surveys_visible_to(*, user, partnership: Partnership) -> QuerySet[Survey]:
    """The partnership's surveys, newest first, each with ``responses`` (submitted) counted; none
    for someone who may not read engagement."""
    if not can_view(user=user, partnership=partnership):
        return Survey.objects.none()
    counted = (
        Response.objects.filter(
            about_type=_survey_type(),
            about_id=Cast(OuterRef("pk"), output_field=CharField()),
            status=Response.Status.SUBMITTED,
        )
        .order_by()
        .values("about_id")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return (
        Survey.objects.filter(partnership=partnership)
        .select_related("priority", "questionnaire")
        .annotate(responses=Coalesce(Subquery(counted, output_field=IntegerField()), Value(0)))
        .order_by("-opens_on", "-pk")
    )


def survey_for(*, user, partnership: Partnership, pk: int) -> Survey | None:
    return surveys_visible_to(user=user, partnership=partnership).filter(pk=pk).first()


def series_choices(*, user, partnership: Partnership) -> list[str]:
    """The series the partnership's surveys already use, to suggest when adding a survey."""
    if not can_view(user=user, partnership=partnership):
        return []
    return sorted(set(Survey.objects.filter(partnership=partnership).values_list("series", flat=True)))


def questionnaire_choices(*, user, partnership: Partnership) -> list[LibraryItem]:
    """The newest version of each questionnaire of purpose ``survey``: Assure's and the
    partnership's own. Empty for someone who may not keep surveys."""
    if not can_manage(user=user, partnership=partnership):
        return []
    items = current_items(kind="questionnaire").filter(document__provider__in=(SHIPPED_PROVIDER, partnership.slug))
    return [item for item in items if item.data.get("purpose") == SURVEY_PURPOSE]


def priority_choices(*, user, partnership: Partnership) -> QuerySet[Priority]:
    """The priorities of the partnership's current business plan, in the plan's order."""
    plan = current_plan(user=user, partnership=partnership)
    if plan is None:
        return Priority.objects.none()
    return plan_priorities(user=user, plan=plan)


def free_text_questions(survey: Survey) -> list[str]:
    """The codes of the survey's questions answered in words."""
    return [q.code for q in questionnaire_of(survey.questionnaire).questions() if q.type in FREE_TEXT_TYPES]


# --- results --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ResultShown:
    """One question's results as the page shows them: the engine's figures, and the chart of a
    choice question's answers (None for a question answered in words or a number)."""

    result: QuestionResult
    chart: dict | None
    key: str


@dataclass(frozen=True)
class SurveyResults:
    survey: Survey
    responses: int
    questions: list[ResultShown]
    free_text_to_review: int = 0

    @property
    def results(self) -> list[QuestionResult]:
        return [shown.result for shown in self.questions]


def survey_results(*, user, partnership: Partnership, survey: Survey) -> SurveyResults | None:
    """The survey's results question by question among its submitted responses. A question
    answered in words gives only how many answered it: the words themselves are read by the
    business unit on the free-text page, never here. None for someone who may not read them."""
    if not can_view(user=user, partnership=partnership) or survey.partnership_id != partnership.pk:
        return None
    responses = submitted_responses(survey)
    results = question_results(responses=responses)
    shown = [
        ResultShown(
            result=result,
            chart=choices_chart(result) if result.type in CHOICE_RESULT_TYPES and result.asked else None,
            key=f"q-{index}",
        )
        for index, result in enumerate(results, start=1)
    ]
    waiting = (
        len(free_text_to_review(user=user, partnership=partnership, survey=survey))
        if can_manage(user=user, partnership=partnership)
        else 0
    )
    return SurveyResults(survey=survey, responses=responses.count(), questions=shown, free_text_to_review=waiting)


# --- year on year ---------------------------------------------------------------------------------


def previous_in_series(*, user, partnership: Partnership, survey: Survey) -> Survey | None:
    """The survey of the same series that opened last before this one."""
    return (
        surveys_visible_to(user=user, partnership=partnership)
        .filter(series=survey.series, opens_on__lt=survey.opens_on)
        .exclude(pk=survey.pk)
        .order_by("-opens_on", "-pk")
        .first()
    )


def group_names(previous: Survey, survey: Survey) -> tuple[str, str]:
    """How the two surveys are called in the comparison: the month each opened ("February
    2014"), or their titles when they opened in the same month."""
    before, now = f"{previous.opens_on:%B %Y}", f"{survey.opens_on:%B %Y}"
    if before == now:
        return f"{previous.title} ({before})", f"{survey.title} ({now})"
    return before, now


@dataclass(frozen=True)
class Change:
    """One answer to one question in both surveys: each one's figure and the change in
    percentage points (None when either was not asked it)."""

    answer: str
    before: GroupFigure
    now: GroupFigure

    @property
    def points(self) -> int | None:
        if self.before.percent is None or self.now.percent is None:
            return None
        return self.now.percent - self.before.percent

    @property
    def points_text(self) -> str:
        points = self.points
        if points is None:
            return "Not asked in both"
        if points == 0:
            return "No change"
        unit = "point" if abs(points) == 1 else "points"
        return f"{'Up' if points > 0 else 'Down'} {abs(points)} percentage {unit}"


@dataclass(frozen=True)
class QuestionCompared:
    code: str
    label: str
    asked_when: str
    changes: list[Change]
    chart: dict | None
    key: str


@dataclass(frozen=True)
class SurveyComparison:
    survey: Survey
    previous: Survey | None
    before: str = ""
    now: str = ""
    questions: list[QuestionCompared] = field(default_factory=list)
    yes_rows: list[ComparedRow] = field(default_factory=list)
    yes_chart: dict | None = None

    def table(self) -> tuple[list[str], list[list]]:
        """The comparison as a download: one row per answer of each question."""
        headers = [
            "Question",
            "Asked only when",
            "Answer",
            f"{self.before}: responses asked",
            f"{self.before}: giving the answer",
            f"{self.before}: %",
            f"{self.now}: responses asked",
            f"{self.now}: giving the answer",
            f"{self.now}: %",
            "Change (percentage points)",
        ]
        rows = []
        for question in self.questions:
            for change in question.changes:
                rows.append(
                    [
                        question.label,
                        question.asked_when,
                        change.answer,
                        change.before.asked,
                        change.before.count,
                        "" if change.before.percent is None else change.before.percent,
                        change.now.asked,
                        change.now.count,
                        "" if change.now.percent is None else change.now.percent,
                        "" if change.points is None else change.points,
                    ]
                )
        return headers, rows


def _figure(group: str, result: QuestionResult | None, choice: str) -> GroupFigure:
    if result is None:
        return GroupFigure(group=group, asked=0, count=0, percent=None)
    found = result.choice(choice)
    count = found.count if found else 0
    return GroupFigure(group=group, asked=result.asked, count=count, percent=found.percent if found else None)


def survey_comparison(*, user, partnership: Partnership, survey: Survey) -> SurveyComparison | None:
    """This survey against the previous one of its series, per choice question and per answer:
    each one's percentage of the responses asked and the change in percentage points; and the
    "% yes" of every yes-no question side by side, with its chart. None for someone who may not
    read surveys; a comparison without ``previous`` when the series has no earlier survey."""
    if not can_view(user=user, partnership=partnership) or survey.partnership_id != partnership.pk:
        return None
    previous = previous_in_series(user=user, partnership=partnership, survey=survey)
    if previous is None:
        return SurveyComparison(survey=survey, previous=None)
    before, now = group_names(previous, survey)
    earlier, later = submitted_responses(previous), submitted_responses(survey)
    results_before = {result.code: result for result in question_results(responses=earlier)}
    results_now = {result.code: result for result in question_results(responses=later)}
    order = list(results_now) + [code for code in results_before if code not in results_now]
    questions = []
    for index, code in enumerate(order, start=1):
        newest = results_now.get(code) or results_before[code]
        if newest.type not in CHOICE_RESULT_TYPES:
            continue
        changes = [
            Change(
                answer=choice.label,
                before=_figure(before, results_before.get(code), choice.code),
                now=_figure(now, results_now.get(code), choice.code),
            )
            for choice in newest.choices
        ]
        rows = [
            ComparedRow(
                code=code, label=change.answer, text=change.answer, asked_when="", figures=[change.before, change.now]
            )
            for change in changes
        ]
        questions.append(
            QuestionCompared(
                code=code,
                label=newest.label,
                asked_when=newest.asked_when,
                changes=changes,
                chart=compared_chart(rows, title=newest.label, answer="each answer") if rows else None,
                key=f"compare-{index}",
            )
        )
    yes_rows = compared(groups={before: earlier, now: later}, choice="yes")
    return SurveyComparison(
        survey=survey,
        previous=previous,
        before=before,
        now=now,
        questions=questions,
        yes_rows=yes_rows,
        yes_chart=compared_chart(yes_rows, title=f"{survey.title}: {before} and {now}") if yes_rows else None,
    )


# --- free text ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class FreeTextAnswer:
    answer: Answer
    question: str
    submitted_on: dt.date | None
    warning: str


def _unreviewed_text() -> QuerySet[Answer]:
    """Free-text answers (the text column holds only answers given in words) of submitted survey
    responses that no voice has been taken from, whether quoted or withheld."""
    return (
        Answer.objects.filter(
            response__about_type=_survey_type(),
            response__status=Response.Status.SUBMITTED,
        )
        .exclude(text="")
        .filter(~Exists(Voice.objects.filter(answer_id=OuterRef("pk"))))
    )


def free_text_to_review(*, user, partnership: Partnership, survey: Survey) -> list[FreeTextAnswer]:
    """The survey's free-text answers not yet reviewed, oldest first, each with the question in
    words and a warning when it may name someone. The business unit's only."""
    if not can_manage(user=user, partnership=partnership) or survey.partnership_id != partnership.pk:
        return []
    questionnaire = questionnaire_of(survey.questionnaire)
    texts = {q.code: q.text for q in questionnaire.questions()}
    answers = (
        _unreviewed_text()
        .filter(response__partnership=partnership, response__about_id=str(survey.pk))
        .select_related("response")
        .order_by("response__submitted_at", "pk")
    )
    found = []
    for answer in answers:
        submitted = answer.response.submitted_at
        found.append(
            FreeTextAnswer(
                answer=answer,
                question=texts.get(answer.question, answer.question),
                submitted_on=timezone.localdate(submitted) if submitted else None,
                warning=identifying_warning(answer.text) or "",
            )
        )
    return found


def free_text_answer(*, user, partnership: Partnership, survey: Survey, pk: int) -> Answer | None:
    """One of the survey's free-text answers still to review, for the business unit."""
    if not can_manage(user=user, partnership=partnership) or survey.partnership_id != partnership.pk:
        return None
    return (
        _unreviewed_text()
        .filter(response__partnership=partnership, response__about_id=str(survey.pk), pk=pk)
        .select_related("response")
        .first()
    )


@dataclass(frozen=True)
class SurveyWaiting:
    survey: Survey
    answers: int


def surveys_with_free_text(*, user, partnership: Partnership) -> list[SurveyWaiting]:
    """Each survey of the partnership with free-text answers to review, and how many: two
    queries, however many surveys and answers. The business unit's only."""
    if not can_manage(user=user, partnership=partnership):
        return []
    counts = dict(
        _unreviewed_text()
        .filter(response__partnership=partnership)
        .order_by()
        .values("response__about_id")
        .annotate(n=Count("pk"))
        .values_list("response__about_id", "n")
    )
    if not counts:
        return []
    surveys = Survey.objects.filter(partnership=partnership, pk__in=[int(pk) for pk in counts]).order_by("-opens_on")
    return [SurveyWaiting(survey=survey, answers=counts[str(survey.pk)]) for survey in surveys]


def voice_sources() -> list[tuple[str, str]]:
    """The library's sources of voices (code, title), in their order. The library needs no user."""
    items = sorted(current_items(kind="voice-source"), key=lambda item: (item.data.get("order", 0), item.position))
    return [(item.code, item.title) for item in items]
