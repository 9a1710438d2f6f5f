"""The business unit's pages of courses: the register (with its download), a course's page with its
sessions to come and past, adding and changing a course, retiring it and offering it again. The
board (``training.view``) reads the register and the course's page; only the business unit
(``training.manage``) changes anything."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from assure.core.access import requires
from assure.core.forms import attach
from assure.core.navigation import Crumb, crumbs, partnership_url
from assure.core.tables import register_response

from ..forms_catalogue import CourseForm, course_initial
from ..models import Course
from ..permissions import can_manage, ensure_can_manage
from ..selectors.catalogue import course_for, course_sessions, courses_visible_to, level_choices, priority_choices
from ..services.catalogue import course_create, course_reinstate, course_retire, course_update
from ..tables_catalogue import CourseFilter, CourseTable

TITLE = "Training courses"


def training_crumbs(partnership, *trail: Crumb) -> list[Crumb]:
    return crumbs(partnership, (TITLE, partnership_url("training:courses", partnership)), *trail)


def course_url(partnership, course: Course) -> str:
    return partnership_url("training:course_detail", partnership, pk=course.pk)


def _posted(request: HttpRequest):
    return request.POST if request.method == "POST" else None


def _course(request: HttpRequest, pk: int) -> Course:
    course = course_for(user=request.user, partnership=request.partnership, pk=pk)
    if course is None:
        raise Http404
    return course


@requires("training.view")
def course_list(request: HttpRequest) -> HttpResponse:
    partnership = request.partnership
    levels = level_choices()
    filterset = CourseFilter(
        request.GET or None,
        queryset=courses_visible_to(user=request.user, partnership=partnership),
        request=request,
        levels=levels,
    )
    return register_response(
        request,
        table=CourseTable(filterset.qs, partnership=partnership, levels=dict(levels)),
        filterset=filterset,
        template="training/course_list.html",
        context={
            "crumbs": crumbs(partnership, (TITLE, None)),
            "may_manage": can_manage(user=request.user, partnership=partnership),
        },
        export_name=f"{partnership.slug}-training-courses",
    )


def _form_page(request: HttpRequest, context: dict) -> HttpResponse:
    return render(request, "training/course_form.html", context)


@requires("training.manage")
def course_create_view(request: HttpRequest) -> HttpResponse:
    partnership = request.partnership
    ensure_can_manage(user=request.user, partnership=partnership)
    form = CourseForm(
        _posted(request),
        priorities=priority_choices(user=request.user, partnership=partnership),
        initial={"is_multi_agency": True, "delivery": Course.Delivery.CLASSROOM},
    )
    if request.method == "POST" and form.is_valid():
        try:
            course = course_create(actor=request.user, partnership=partnership, values=form.service_values())
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(request, f"{course.title} added to the catalogue.")
            return redirect(course_url(partnership, course))
    return _form_page(
        request,
        {
            "form": form,
            "heading": "Add a course",
            "button": "Add the course",
            "cancel_url": partnership_url("training:courses", partnership),
            "crumbs": training_crumbs(partnership, ("Add a course", None)),
        },
    )


@requires("training.view")
def course_detail(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = request.partnership
    course = _course(request, pk)
    to_come, past = course_sessions(user=request.user, partnership=partnership, course=course)
    return render(
        request,
        "training/course_detail.html",
        {
            "course": course,
            "course_level": dict(level_choices()).get(course.level, course.level),
            "sessions_to_come": to_come,
            "sessions_past": past,
            "may_manage": can_manage(user=request.user, partnership=partnership),
            "crumbs": training_crumbs(partnership, (course.title, None)),
        },
    )


@requires("training.manage")
def course_edit(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = request.partnership
    course = _course(request, pk)
    form = CourseForm(
        _posted(request),
        priorities=priority_choices(user=request.user, partnership=partnership),
        initial=course_initial(course),
    )
    if request.method == "POST" and form.is_valid():
        try:
            changed = course_update(actor=request.user, course=course, values=form.service_values())
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(request, f"{course.title} changed." if changed else "Nothing was changed.")
            return redirect(course_url(partnership, course))
    return _form_page(
        request,
        {
            "form": form,
            "course": course,
            "heading": f"Change {course.title}",
            "button": "Save the changes",
            "cancel_url": course_url(partnership, course),
            "crumbs": training_crumbs(partnership, (course.title, course_url(partnership, course)), ("Change", None)),
        },
    )


def _retire_or_reinstate(request: HttpRequest, pk: int, *, retire: bool) -> HttpResponse:
    partnership = request.partnership
    course = _course(request, pk)
    problem = ""
    if course.is_active != retire:
        problem = f"{course.title} is already {'retired' if retire else 'offered'}."
    elif request.method == "POST":
        try:
            (course_retire if retire else course_reinstate)(actor=request.user, course=course)
        except ValidationError as error:
            problem = " ".join(error.messages)
        else:
            messages.success(
                request, f"{course.title} {'retired: it is no longer offered' if retire else 'is offered again'}."
            )
            return redirect(course_url(partnership, course))
    here = "Retire" if retire else "Offer again"
    return render(
        request,
        "training/course_retire.html",
        {
            "course": course,
            "retire": retire,
            "problem": problem,
            "cancel_url": course_url(partnership, course),
            "crumbs": training_crumbs(partnership, (course.title, course_url(partnership, course)), (here, None)),
        },
    )


@requires("training.manage")
def course_retire_view(request: HttpRequest, pk: int) -> HttpResponse:
    return _retire_or_reinstate(request, pk, retire=True)


@requires("training.manage")
def course_reinstate_view(request: HttpRequest, pk: int) -> HttpResponse:
    return _retire_or_reinstate(request, pk, retire=False)
