"""The business unit's pages of sessions: the register of sessions to come and past (with its
download), scheduling a session of a course, a session's page (its details, then what bookings,
attendance and evaluations show on it), changing and cancelling it, and adding a workshop to a
conference. The board (``training.view``) reads the register and the session's page; only the
business unit (``training.manage``) changes anything."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from assure.core.access import requires
from assure.core.forms import attach
from assure.core.navigation import crumbs, partnership_url
from assure.core.tables import register_response

from ..forms_catalogue import CancelForm, SessionForm, WorkshopForm, session_initial
from ..models import Course, Session
from ..permissions import can_manage, ensure_can_manage
from ..selectors.attendance import attendance_for_session_page
from ..selectors.bookings import bookings_for_session_page
from ..selectors.catalogue import (
    course_for,
    courses_visible_to,
    level_choices,
    session_for,
    session_months,
    session_workshops,
    sessions_visible_to,
    trainer_choices,
)
from ..selectors.evaluations import evaluations_for_session_page
from ..services.catalogue import session_cancel, session_create, session_update, workshop_create
from ..tables_catalogue import SessionFilter, SessionTable
from .courses import course_url, training_crumbs

SESSIONS = "Training sessions"


def session_url(partnership, session: Session) -> str:
    return partnership_url("training:session_detail", partnership, pk=session.pk)


def _session_crumbs(partnership, session: Session, here: str | None = None):
    trail = [(session.reference, session_url(partnership, session) if here else None)]
    if here:
        trail.append((here, None))
    return crumbs(partnership, (SESSIONS, partnership_url("training:sessions", partnership)), *trail)


def _posted(request: HttpRequest):
    return request.POST if request.method == "POST" else None


def _session(request: HttpRequest, pk: int) -> Session:
    session = session_for(user=request.user, partnership=request.partnership, pk=pk)
    if session is None:
        raise Http404
    return session


@requires("training.view")
def session_list(request: HttpRequest) -> HttpResponse:
    partnership = request.partnership
    user = request.user
    filterset = SessionFilter(
        request.GET or None,
        queryset=sessions_visible_to(user=user, partnership=partnership),
        request=request,
        courses=courses_visible_to(user=user, partnership=partnership).exclude(delivery=Course.Delivery.ELEARNING),
        levels=level_choices(),
        months=session_months(user=user, partnership=partnership),
    )
    return register_response(
        request,
        table=SessionTable(filterset.qs, partnership=partnership),
        filterset=filterset,
        template="training/session_list.html",
        context={"crumbs": crumbs(partnership, (SESSIONS, None))},
        export_name=f"{partnership.slug}-training-sessions",
    )


@requires("training.manage")
def session_create_view(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = request.partnership
    ensure_can_manage(user=request.user, partnership=partnership)
    course = course_for(user=request.user, partnership=partnership, pk=pk)
    if course is None:
        raise Http404
    trainers = list(trainer_choices(user=request.user, partnership=partnership))
    form = SessionForm(_posted(request), trainers=trainers, delivery=course.delivery)
    blocked = ""
    if course.is_elearning:
        blocked = f"{course.title} is e-learning: delegates complete it online, so it has no sessions."
    elif not course.is_active:
        blocked = f"{course.title} is retired: offer it again before scheduling a session."
    if request.method == "POST" and not blocked and form.is_valid():
        try:
            session = session_create(
                actor=request.user,
                course=course,
                values=form.service_values(),
                trainers=form.chosen_trainers(),
                allowed_trainers=trainers,
            )
        except ValidationError as error:
            form.attach(error)
        else:
            messages.success(request, f"Session {session.reference} scheduled.")
            return redirect(session_url(partnership, session))
    return render(
        request,
        "training/session_form.html",
        {
            "form": form,
            "course": course,
            "blocked": blocked,
            "heading": f"Schedule a session of {course.title}",
            "button": "Schedule the session",
            "cancel_url": course_url(partnership, course),
            "crumbs": training_crumbs(
                partnership, (course.title, course_url(partnership, course)), ("Schedule a session", None)
            ),
        },
    )


@requires("training.view")
def session_detail(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = request.partnership
    user = request.user
    session = _session(request, pk)
    return render(
        request,
        "training/session_detail.html",
        {
            # The parts' own context first, each under the names its partial uses; ours are session_*.
            **bookings_for_session_page(user=user, partnership=partnership, session=session),
            **attendance_for_session_page(user=user, partnership=partnership, session=session),
            **evaluations_for_session_page(user=user, partnership=partnership, session=session),
            "session": session,
            "session_level": dict(level_choices()).get(session.course.level, session.course.level),
            "session_trainers": list(session.trainers.order_by("full_name", "pk")),
            "session_workshops": session_workshops(user=user, partnership=partnership, session=session),
            "session_is_past": session.starts_at <= timezone.now(),
            "session_may_manage": can_manage(user=user, partnership=partnership),
            "crumbs": _session_crumbs(partnership, session),
        },
    )


@requires("training.manage")
def session_edit(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = request.partnership
    session = _session(request, pk)
    if session.status == Session.Status.CANCELLED:
        messages.info(request, f"{session.reference} is cancelled: it can no longer change.")
        return redirect(session_url(partnership, session))
    trainers = list(trainer_choices(user=request.user, partnership=partnership))
    initial = session_initial(session)
    if session.is_workshop:
        form = WorkshopForm(_posted(request), trainers=trainers, initial=initial)
    else:
        form = SessionForm(
            _posted(request), trainers=trainers, session=session, delivery=session.course.delivery, initial=initial
        )
    if request.method == "POST" and form.is_valid():
        try:
            changed = session_update(
                actor=request.user,
                session=session,
                values=form.service_values(),
                trainers=form.chosen_trainers(),
                allowed_trainers=trainers,
            )
        except ValidationError as error:
            form.attach(error)
        else:
            messages.success(request, f"{session.reference} changed." if changed else "Nothing was changed.")
            return redirect(session_url(partnership, session))
    return render(
        request,
        "training/session_form.html",
        {
            "form": form,
            "course": session.course,
            "session": session,
            "heading": f"Change {session.reference}",
            "button": "Save the changes",
            "cancel_url": session_url(partnership, session),
            "crumbs": _session_crumbs(partnership, session, "Change"),
        },
    )


@requires("training.manage")
def session_cancel_view(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = request.partnership
    session = _session(request, pk)
    form = CancelForm(_posted(request))
    blocked = ""
    if session.status == Session.Status.CANCELLED:
        blocked = f"{session.reference} is cancelled already."
    elif session.starts_at <= timezone.now():
        blocked = f"{session.reference} has started: a session that has taken place is not cancelled."
    if request.method == "POST" and not blocked and form.is_valid():
        try:
            session_cancel(actor=request.user, session=session, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            attach(form, error, field="reason")
        else:
            messages.success(request, f"{session.reference} cancelled. Everyone booked has been told.")
            return redirect(session_url(partnership, session))
    return render(
        request,
        "training/session_cancel.html",
        {
            "session": session,
            "form": form,
            "blocked": blocked,
            "cancel_url": session_url(partnership, session),
            "crumbs": _session_crumbs(partnership, session, "Cancel"),
        },
    )


@requires("training.manage")
def workshop_create_view(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = request.partnership
    conference = _session(request, pk)
    trainers = list(trainer_choices(user=request.user, partnership=partnership))
    starts = timezone.localtime(conference.starts_at)
    form = WorkshopForm(_posted(request), trainers=trainers, initial={"date": starts.date()})
    blocked = ""
    if not conference.is_conference:
        blocked = f"{conference.reference} is not a conference: only a conference has workshops."
    elif conference.status == Session.Status.CANCELLED:
        blocked = f"{conference.reference} is cancelled: it can no longer change."
    if request.method == "POST" and not blocked and form.is_valid():
        try:
            workshop = workshop_create(
                actor=request.user,
                conference=conference,
                values=form.service_values(),
                trainers=form.chosen_trainers(),
                allowed_trainers=trainers,
            )
        except ValidationError as error:
            form.attach(error)
        else:
            messages.success(request, f"Workshop {workshop.reference} added to {conference.reference}.")
            return redirect(session_url(partnership, conference))
    return render(
        request,
        "training/session_workshop_form.html",
        {
            "form": form,
            "conference": conference,
            "blocked": blocked,
            "cancel_url": session_url(partnership, conference),
            "crumbs": _session_crumbs(partnership, conference, "Add a workshop"),
        },
    )
