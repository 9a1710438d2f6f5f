"""Reads of the catalogue, given the user: the partnership's courses and their sessions, with the
places each session holds and its waiting list counted in the same query. The business unit
(``training.manage``) and the board (``training.view``) read them; nobody else."""

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from assure.accounts.models import Membership, User
from assure.library.selectors import current_items
from assure.partnerships.models import Partnership
from assure.plans.models import Priority
from assure.plans.selectors import current_plan, plan_priorities

from ..models import Booking, Course, Practitioner, Session
from ..permissions import can_manage, can_view_figures

LEVEL_KIND = "training-level"


def can_read_catalogue(*, user: User, partnership: Partnership) -> bool:
    return can_view_figures(user=user, partnership=partnership) or can_manage(user=user, partnership=partnership)


def courses_visible_to(*, user: User, partnership: Partnership) -> QuerySet[Course]:
    """The partnership's courses, offered or retired, each with the number of its sessions to come
    (``sessions_to_come``)."""
    if not can_read_catalogue(user=user, partnership=partnership):
        return Course.objects.none()
    return (
        Course.objects.filter(partnership=partnership)
        .select_related("priority")
        .annotate(
            sessions_to_come=Count(
                "sessions",
                filter=Q(
                    sessions__starts_at__gte=timezone.now(),
                    sessions__status=Session.Status.SCHEDULED,
                    sessions__parent__isnull=True,
                ),
            )
        )
    )


def course_for(*, user: User, partnership: Partnership, pk: int) -> Course | None:
    return courses_visible_to(user=user, partnership=partnership).filter(pk=pk).first()


def sessions_visible_to(*, user: User, partnership: Partnership) -> QuerySet[Session]:
    """The partnership's sessions (workshops too), each with the places held (``booked``) and the
    length of its waiting list (``waiting``), counted in the one query."""
    if not can_read_catalogue(user=user, partnership=partnership):
        return Session.objects.none()
    return (
        Session.objects.filter(partnership=partnership)
        .select_related("course", "parent")
        .annotate(
            booked=Count("bookings", filter=Q(bookings__status__in=Booking.HOLDS_PLACE), distinct=True),
            waiting=Count("bookings", filter=Q(bookings__status=Booking.Status.WAITING), distinct=True),
        )
    )


def session_for(*, user: User, partnership: Partnership, pk: int) -> Session | None:
    return sessions_visible_to(user=user, partnership=partnership).filter(pk=pk).first()


def course_sessions(*, user: User, partnership: Partnership, course: Course) -> tuple[list[Session], list[Session]]:
    """The course's sessions (not workshops) to come, soonest first, and past, latest first."""
    sessions = sessions_visible_to(user=user, partnership=partnership).filter(course=course, parent__isnull=True)
    now = timezone.now()
    to_come = list(sessions.filter(starts_at__gte=now).order_by("starts_at", "pk"))
    past = list(sessions.filter(starts_at__lt=now).order_by("-starts_at", "-pk"))
    return to_come, past


def session_workshops(*, user: User, partnership: Partnership, session: Session) -> list[Session]:
    """A conference's workshops, in the order they start."""
    return list(
        sessions_visible_to(user=user, partnership=partnership).filter(parent=session).order_by("starts_at", "pk")
    )


def places_held(session: Session) -> int:
    """The places held on the session now (awaiting approval, booked or offered)."""
    return Booking.objects.filter(session=session, status__in=Booking.HOLDS_PLACE).count()


def active_bookings(session: Session) -> QuerySet[Booking]:
    """The session's bookings holding a place or waiting, with the practitioners' accounts."""
    return Booking.objects.filter(session=session, status__in=Booking.ACTIVE).select_related("practitioner__user")


# --- the choices the forms offer ----------------------------------------------------------------


def level_choices() -> list[tuple[str, str]]:
    """The library's training levels (its newest version, shared by every partnership, so no user
    is needed), foundation first."""
    items = sorted(current_items(kind=LEVEL_KIND), key=lambda item: (item.data.get("order", 0), item.title))
    return [(item.code, item.title) for item in items]


def level_titles() -> dict[str, str]:
    return dict(level_choices())


def priority_choices(*, user: User, partnership: Partnership) -> QuerySet[Priority]:
    """The priorities of the partnership's current business plan, in the plan's order."""
    plan = current_plan(user=user, partnership=partnership)
    if plan is None:
        return Priority.objects.none()
    return plan_priorities(user=user, plan=plan)


def trainer_choices(*, user: User, partnership: Partnership) -> QuerySet[User]:
    """The people who may be named as a session's trainers: members of the partnership and its
    practitioners, by name. Empty for someone who may not keep the catalogue."""
    if not can_manage(user=user, partnership=partnership):
        return User.objects.none()
    members = Membership.objects.filter(partnership=partnership, is_active=True).values("user_id")
    practitioners = Practitioner.objects.filter(partnership=partnership).values("user_id")
    return (
        User.objects.filter(is_active=True)
        .filter(Q(pk__in=members) | Q(pk__in=practitioners))
        .order_by("full_name", "email", "pk")
    )


def session_months(*, user: User, partnership: Partnership) -> list[tuple[str, str]]:
    """The months sessions start in ("2015-03", "March 2015"), newest first, for the filter."""
    if not can_read_catalogue(user=user, partnership=partnership):
        return []
    months = Session.objects.filter(partnership=partnership).order_by().values_list("starts_at", flat=True)
    seen: dict[str, str] = {}
    for starts in months:
        local = timezone.localtime(starts)
        seen.setdefault(local.strftime("%Y-%m"), local.strftime("%B %Y"))
    return sorted(seen.items(), reverse=True)


def courses_for_priorities(priority_ids) -> dict[int, str]:
    """For the business plan: the phrase naming the courses each priority holds. The plan is
    shown only to those who may read it, and the phrase names no course."""
    counts = (
        Course.objects.filter(priority_id__in=list(priority_ids))
        .values("priority_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return {
        row["priority_id"]: f"{row['n']} training course{'' if row['n'] == 1 else 's'}" for row in counts if row["n"]
    }
