"""Reads of evaluations, given the user. The pages of other parts include what evaluations show on
them through the ``*_page`` functions below (each a dict for the page's context, drawn by the
partial named in its docstring).

How the results count, for a reporting year (April to March) of the sessions starting in it:

- **delegates**: bookings marked attended;
- **after-course return rate**: submitted after-evaluations of those delegates, as a percentage of
  them (an evaluation given by someone still booked before the register was marked counts once
  the register says they attended);
- **three-months-on return rate**: submitted follow-ups as a percentage of the follow-ups sent;
- **confidence**: the mean score (on the five-point ``training-confidence`` scale) of each
  learning outcome in submitted before- and after-evaluations, and the change from before to
  after.

``evaluation_rates``, ``confidence_change`` and ``quotes_for_year`` are read by the figures and
the annual report, which show them only through their own permission checks."""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Q, QuerySet
from django.utils import timezone

from assure.core.navigation import partnership_url
from assure.partnerships.years import financial_year_bounds, financial_year_of
from assure.questionnaires.identifying import identifying_warning
from assure.questionnaires.models import Response
from assure.questionnaires.results import QuestionResult, mean, percent, question_results
from assure.questionnaires.results import answers_of as _answers_of

from ..evaluation_rules import (
    after_due,
    after_open,
    before_open,
    certificate_refusal,
    evaluation_policy,
)
from ..models import Booking, Evaluation, OutcomeConfidence, Quote, Session
from ..permissions import can_manage, can_read_evaluations, may_evaluate

Stage = Evaluation.Stage
ATTENDED = Booking.Attendance.ATTENDED


# --- a delegate's own ---------------------------------------------------------------------------


def evaluation_of(*, user, partnership, pk: int) -> Evaluation | None:
    """The user's own evaluation (a practitioner's), or None: nobody opens another's."""
    evaluation = (
        Evaluation.objects.filter(pk=pk, booking__partnership=partnership, booking__practitioner__user=user)
        .select_related("booking__session__course", "booking__practitioner", "response__questionnaire")
        .first()
    )
    if evaluation is None or not may_evaluate(user=user, partnership=partnership, booking=evaluation.booking):
        return None
    return evaluation


def own_booking(*, user, partnership, pk: int) -> Booking | None:
    """The user's own booking, or None."""
    booking = (
        Booking.objects.filter(pk=pk, partnership=partnership, practitioner__user=user)
        .select_related("session__course", "practitioner")
        .first()
    )
    if booking is None or not may_evaluate(user=user, partnership=partnership, booking=booking):
        return None
    return booking


def certificate_booking(*, user, partnership, pk: int, own: bool) -> Booking | None:
    """The booking whose certificate is asked for: the user's own (``own``), or any of the
    partnership's for the business unit."""
    if own:
        return own_booking(user=user, partnership=partnership, pk=pk)
    if not can_manage(user=user, partnership=partnership):
        return None
    return (
        Booking.objects.filter(pk=pk, partnership=partnership)
        .select_related("session__course", "practitioner__user")
        .first()
    )


def after_submitted(booking: Booking) -> bool:
    return Evaluation.objects.filter(booking=booking, stage=Stage.AFTER, submitted_at__isnull=False).exists()


@dataclass(frozen=True)
class ToGive:
    booking: Booking
    stage: str
    stage_label: str
    url: str
    due: dt.date | None = None
    started: bool = False
    evaluation: Evaluation | None = None

    @property
    def title(self) -> str:
        return f"{self.booking.session.display_title} ({self.booking.session.reference})"


def evaluations_to_give(*, user, partnership, now=None) -> list[ToGive]:
    """The evaluations waiting for the user (a practitioner): those started or sent and not yet
    submitted, and those they may start now (before a session they are booked on; after one that
    has ended). Two queries whatever the number, and the training policy once."""
    now = now or timezone.now()
    bookings = list(
        Booking.objects.filter(partnership=partnership, practitioner__user=user, status__in=Booking.HOLDS_PLACE)
        .filter(
            Q(session__starts_at__gt=now)
            | Q(session__ends_at__lte=now, session__ends_at__gt=now - dt.timedelta(days=120))
        )
        .select_related("session__course", "practitioner")
        .order_by("session__starts_at", "pk")
    )
    if not bookings or not may_evaluate(user=user, partnership=partnership, booking=bookings[0]):
        return []
    found = {(e.booking_id, e.stage): e for e in Evaluation.objects.filter(booking__in=bookings).order_by()}
    items: list[ToGive] = []
    policy = None
    for booking in bookings:
        for stage, is_open in ((Stage.BEFORE, before_open), (Stage.AFTER, after_open), (Stage.FOLLOW_UP, None)):
            evaluation = found.get((booking.pk, stage))
            if evaluation is not None:
                if evaluation.is_submitted:
                    continue
                if stage == Stage.BEFORE and not before_open(booking, now=now):
                    continue
                url = partnership_url("training:evaluate", partnership, pk=evaluation.pk)
                items.append(
                    ToGive(
                        booking, stage, Stage(stage).label, url, evaluation.due_on, started=True, evaluation=evaluation
                    )
                )
            elif is_open is not None and is_open(booking, now=now):
                url = partnership_url("training:evaluation_start", partnership, pk=booking.pk, stage=stage)
                if stage == Stage.AFTER:
                    policy = policy or evaluation_policy(partnership)
                    due = after_due(booking, policy)
                else:
                    due = timezone.localdate(booking.session.starts_at)
                items.append(ToGive(booking, stage, Stage(stage).label, url, due))
    return items


def evaluations_for_mine_page(*, user, partnership, practitioner) -> dict:
    """The practitioner's own page: evaluations to give, certificates to download
    (``training/_mine_evaluations.html``)."""
    if practitioner is None or practitioner.user_id != user.pk:
        return {}
    attended = list(
        Booking.objects.filter(
            partnership=partnership, practitioner=practitioner, status=Booking.Status.BOOKED, attendance=ATTENDED
        )
        .select_related("session__course")
        .order_by("-session__starts_at", "pk")
    )
    evaluated = set(
        Evaluation.objects.filter(booking__in=attended, stage=Stage.AFTER, submitted_at__isnull=False).values_list(
            "booking_id", flat=True
        )
    )
    certificates = [
        {
            "booking": booking,
            "url": partnership_url("training:certificate", partnership, pk=booking.pk),
            "reason": certificate_refusal(booking, after_submitted=booking.pk in evaluated),
        }
        for booking in attended
    ]
    return {
        "evaluations_to_give": evaluations_to_give(user=user, partnership=partnership),
        "certificates": certificates,
    }


# --- results --------------------------------------------------------------------------------------


@dataclass
class Rates:
    attended: int = 0
    after_returned: int = 0
    follow_up_sent: int = 0
    follow_up_returned: int = 0

    @property
    def after_percent(self) -> int | None:
        return percent(self.after_returned, self.attended)

    @property
    def follow_up_percent(self) -> int | None:
        return percent(self.follow_up_returned, self.follow_up_sent)


@dataclass(frozen=True)
class OutcomeChange:
    outcome: int
    text: str
    before: Decimal | None
    after: Decimal | None
    before_count: int
    after_count: int

    @property
    def change(self) -> Decimal | None:
        if self.before is None or self.after is None:
            return None
        return self.after - self.before


@dataclass
class CourseResult:
    course_id: int
    title: str
    rates: Rates = field(default_factory=Rates)
    sessions: list[tuple[Session, Rates]] = field(default_factory=list)
    outcomes: list[OutcomeChange] = field(default_factory=list)


def _year_sessions(partnership, year: str, *, sessions=None) -> QuerySet[Session]:
    first, last = financial_year_bounds(year)
    # A workshop is evaluated as part of its conference, so only sessions without a parent count.
    qs = Session.objects.filter(
        partnership=partnership,
        parent__isnull=True,
        status=Session.Status.SCHEDULED,
        starts_at__date__gte=first,
        starts_at__date__lte=last,
    )
    if sessions is not None:
        qs = qs.filter(pk__in=[s.pk for s in sessions])
    return qs


def _rates_by_session(session_ids: list[int]) -> dict[int, Rates]:
    rates: dict[int, Rates] = defaultdict(Rates)
    attended = set()
    for booking_id, session_id in Booking.objects.filter(
        session_id__in=session_ids, status=Booking.Status.BOOKED, attendance=ATTENDED
    ).values_list("pk", "session_id"):
        rates[session_id].attended += 1
        attended.add(booking_id)
    for booking_id, session_id, stage, submitted_at in Evaluation.objects.filter(
        booking__session_id__in=session_ids, stage__in=(Stage.AFTER, Stage.FOLLOW_UP)
    ).values_list("booking_id", "booking__session_id", "stage", "submitted_at"):
        if booking_id not in attended:
            continue
        if stage == Stage.AFTER and submitted_at:
            rates[session_id].after_returned += 1
        elif stage == Stage.FOLLOW_UP:
            rates[session_id].follow_up_sent += 1
            rates[session_id].follow_up_returned += submitted_at is not None
    return rates


def _add(total: Rates, part: Rates) -> None:
    total.attended += part.attended
    total.after_returned += part.after_returned
    total.follow_up_sent += part.follow_up_sent
    total.follow_up_returned += part.follow_up_returned


def _confidence_by_course(session_ids: list[int]) -> dict[int, list[OutcomeChange]]:
    scores: dict[tuple[int, int, str], list[Decimal]] = defaultdict(list)
    texts: dict[tuple[int, int], str] = {}
    for course_id, outcome, text, stage, score in OutcomeConfidence.objects.filter(
        evaluation__booking__session_id__in=session_ids, evaluation__submitted_at__isnull=False
    ).values_list("evaluation__booking__session__course_id", "outcome", "outcome_text", "evaluation__stage", "score"):
        scores[(course_id, outcome, stage)].append(Decimal(score))
        texts.setdefault((course_id, outcome), text)
    changes: dict[int, list[OutcomeChange]] = defaultdict(list)
    for course_id, outcome in sorted(texts):
        before = scores.get((course_id, outcome, Stage.BEFORE), [])
        after = scores.get((course_id, outcome, Stage.AFTER), [])
        changes[course_id].append(
            OutcomeChange(outcome, texts[(course_id, outcome)], mean(before), mean(after), len(before), len(after))
        )
    return changes


def _course_results(partnership, year: str, *, sessions=None) -> list[CourseResult]:
    found = list(_year_sessions(partnership, year, sessions=sessions).select_related("course"))
    ids = [s.pk for s in found]
    by_session = _rates_by_session(ids)
    confidence = _confidence_by_course(ids)
    courses: dict[int, CourseResult] = {}
    for session in found:
        result = courses.setdefault(
            session.course_id, CourseResult(session.course_id, session.course.title, outcomes=[])
        )
        rates = by_session.get(session.pk, Rates())
        result.sessions.append((session, rates))
        _add(result.rates, rates)
    for course_id, result in courses.items():
        result.outcomes = confidence.get(course_id, [])
    return sorted(courses.values(), key=lambda r: (r.title, r.course_id))


def evaluation_rates(*, partnership, year: str) -> dict:
    """The year's return rates: delegates attended, after-course evaluations returned and their
    rate, follow-ups sent and returned and their rate (None where nothing was asked)."""
    total = Rates()
    for result in _course_results(partnership, year):
        _add(total, result.rates)
    return {
        "attended": total.attended,
        "after_returned": total.after_returned,
        "after_percent": total.after_percent,
        "follow_up_sent": total.follow_up_sent,
        "follow_up_returned": total.follow_up_returned,
        "follow_up_percent": total.follow_up_percent,
    }


def confidence_change(*, partnership, year: str) -> list[dict]:
    """The mean confidence before and after in each learning outcome of each course of the year,
    and the change, one dict per course and outcome."""
    return [
        {
            "course": result.title,
            "outcome": change.text,
            "before": change.before,
            "after": change.after,
            "change": change.change,
        }
        for result in _course_results(partnership, year)
        for change in result.outcomes
    ]


def quotes_for_year(*, partnership, year: str) -> list[str]:
    """The words chosen for the annual report of ``year``, as the business unit edited them."""
    return list(
        Quote.objects.filter(partnership=partnership, year=year)
        .order_by("selected_at", "pk")
        .values_list("text", flat=True)
    )


@dataclass
class Results:
    year: str
    courses: list[CourseResult]
    total: Rates
    after_questions: list[QuestionResult]
    follow_up_questions: list[QuestionResult]

    @property
    def has_confidence(self) -> bool:
        return any(course.outcomes for course in self.courses)


def _responses(partnership, year: str, stage: str) -> QuerySet[Response]:
    session_ids = _year_sessions(partnership, year).values("pk")
    return Response.objects.filter(
        pk__in=Evaluation.objects.filter(
            booking__session_id__in=session_ids, stage=stage, submitted_at__isnull=False
        ).values("response_id")
    )


def evaluation_results(*, user, partnership, year: str) -> Results | None:
    """The year's results for those who read them (the business unit, the board, the chair)."""
    if not can_read_evaluations(user=user, partnership=partnership):
        return None
    courses = _course_results(partnership, year)
    total = Rates()
    for result in courses:
        _add(total, result.rates)
    return Results(
        year=year,
        courses=courses,
        total=total,
        after_questions=question_results(responses=_responses(partnership, year, Stage.AFTER)),
        follow_up_questions=question_results(responses=_responses(partnership, year, Stage.FOLLOW_UP)),
    )


def result_rows(results: Results) -> tuple[list[str], list[list]]:
    """The results as a table for the download: one row per session, then each course's total."""
    headers = [
        "Course",
        "Session",
        "Starts",
        "Delegates attended",
        "After-course evaluations returned",
        "After-course return rate (%)",
        "Follow-ups sent",
        "Follow-ups returned",
        "Follow-up return rate (%)",
    ]
    rows = []
    for course in results.courses:
        for session, rates in course.sessions:
            rows.append(
                [course.title, session.reference, timezone.localtime(session.starts_at).date(), *_rate_cells(rates)]
            )
        rows.append([course.title, "All sessions", "", *_rate_cells(course.rates)])
    return headers, rows


def _rate_cells(rates: Rates) -> list:
    return [
        rates.attended,
        rates.after_returned,
        "" if rates.after_percent is None else rates.after_percent,
        rates.follow_up_sent,
        rates.follow_up_returned,
        "" if rates.follow_up_percent is None else rates.follow_up_percent,
    ]


def evaluation_years(*, partnership, today: dt.date) -> list[str]:
    """The years with sessions, and the current one, newest first."""
    years = {financial_year_of(today)}
    for starts in Session.objects.filter(partnership=partnership).values_list("starts_at", flat=True):
        years.add(financial_year_of(timezone.localdate(starts)))
    return sorted(years, reverse=True)


def evaluations_for_session_page(*, user, partnership, session) -> dict:
    """The business unit's session page: the return rates and confidence change
    (``training/_session_evaluations.html``)."""
    if session.partnership_id != partnership.pk or not can_read_evaluations(user=user, partnership=partnership):
        return {}
    ids = [session.pk]
    certificates = []
    if can_manage(user=user, partnership=partnership):
        certificates = [
            {"booking": booking, "url": partnership_url("training:certificate_copy", partnership, pk=booking.pk)}
            for booking in Booking.objects.filter(
                session=session,
                status=Booking.Status.BOOKED,
                attendance=ATTENDED,
                evaluations__stage=Stage.AFTER,
                evaluations__submitted_at__isnull=False,
            )
            .select_related("practitioner__user")
            .order_by("practitioner__user__full_name", "pk")
        ]
    return {
        "evaluation_certificates": certificates,
        "evaluation_rates": _rates_by_session(ids).get(session.pk, Rates()),
        "evaluation_outcomes": _confidence_by_course(ids).get(session.course_id, []),
        "evaluations_url": partnership_url("training:evaluations", partnership)
        + f"?year={financial_year_of(timezone.localdate(session.starts_at))}",
    }


# --- quotes -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Candidate:
    evaluation: Evaluation
    question: str
    question_text: str
    text: str
    warning: str | None
    chosen: Quote | None


def quote_candidates(*, user, partnership, year: str, known=()) -> list[Candidate]:
    """The long-text answers of the year's submitted evaluations, for the business unit to choose
    quotes from; each with a warning where it may name someone, and the quote already chosen."""
    if not can_manage(user=user, partnership=partnership):
        return []
    from assure.questionnaires.definition import questionnaire_of

    session_ids = _year_sessions(partnership, year).values("pk")
    evaluations = list(
        Evaluation.objects.filter(
            booking__session_id__in=session_ids, submitted_at__isnull=False, response__isnull=False
        )
        .select_related("response__questionnaire", "booking__session")
        .order_by("-submitted_at", "pk")
    )
    values = _answers_of([e.response_id for e in evaluations])
    chosen = {(q.evaluation_id, q.question): q for q in Quote.objects.filter(evaluation__in=evaluations)}
    long_texts: dict[int, dict[str, str]] = {}
    found = []
    for evaluation in evaluations:
        item = evaluation.response.questionnaire
        if item.pk not in long_texts:
            questionnaire = questionnaire_of(item)
            long_texts[item.pk] = {
                q.code: q.report_label or q.text
                for s in questionnaire.sections
                for q in s.questions
                if q.type == "long-text"
            }
        for code, label in long_texts[item.pk].items():
            text = values.get(evaluation.response_id, {}).get(code)
            if not text or not str(text).strip():
                continue
            found.append(
                Candidate(
                    evaluation,
                    code,
                    label,
                    str(text),
                    identifying_warning(str(text), known=known),
                    chosen.get((evaluation.pk, code)),
                )
            )
    return found


def candidate_of(*, user, partnership, evaluation_pk: int, question: str, known=()) -> Candidate | None:
    """One answer to choose as a quote, or None."""
    evaluation = (
        Evaluation.objects.filter(pk=evaluation_pk, booking__partnership=partnership, submitted_at__isnull=False)
        .select_related("booking__session")
        .first()
    )
    if evaluation is None:
        return None
    year = financial_year_of(timezone.localdate(evaluation.booking.session.starts_at))
    return next(
        (
            c
            for c in quote_candidates(user=user, partnership=partnership, year=year, known=known)
            if c.evaluation.pk == evaluation.pk and c.question == question
        ),
        None,
    )


def quotes_visible_to(*, user, partnership) -> QuerySet[Quote]:
    if not can_read_evaluations(user=user, partnership=partnership):
        return Quote.objects.none()
    return Quote.objects.filter(partnership=partnership).select_related("evaluation__booking__session__course")
