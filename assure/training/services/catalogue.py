"""Every change to the catalogue: a course added, changed, retired (no longer offered; its sessions
to come stay) or reinstated; a session scheduled (numbered TS-0001 upward in the partnership),
changed or cancelled (everyone booked or waiting is told by e-mail); a workshop added under a
conference. Only the business unit (``training.manage``) makes them.

Every message names its field, so a form shows it against that field; dates and times are the
services' to check (a session ends after it starts, booking closes after it opens and before the
session starts, free cancellation ends before the session starts, and a session never has fewer
places than those already held)."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format

from assure.audit.services import event_record
from assure.core.computations import records_changed
from assure.core.references import next_reference
from assure.core.services import model_update

from ..models import Course, Session
from ..permissions import ensure_can_manage
from ..selectors.catalogue import level_titles, places_held
from .bookings import bookings_cancel_for_session
from .offers import offers_make

# What changes the counted sessions and delegates (the core dataset's computed training figures).
COUNTED_COURSE_FIELDS = {"is_multi_agency", "delivery"}
COUNTED_SESSION_FIELDS = {"starts_at", "ends_at", "status"}


def _changed(partnership) -> None:
    records_changed("training", partnership_ids=[partnership.pk])


REFERENCE_PREFIX = "TS-"
DIGITS = 4
# When a session's booking closes and its free cancellation ends, unless the business unit says
# otherwise (the training policy sets neither).
CLOSES_DAYS_BEFORE = 2
CANCEL_DAYS_BEFORE = 7

COURSE_FIELDS = (
    "title",
    "level",
    "delivery",
    "summary",
    "audience",
    "outcomes",
    "priority",
    "pre_course",
    "elearning_url",
    "needs_approval",
    "is_multi_agency",
)
SESSION_FIELDS = (
    "starts_at",
    "ends_at",
    "venue",
    "address",
    "accessibility",
    "online_link",
    "capacity",
    "trainer_names",
    "booking_opens",
    "booking_closes",
    "cancel_by",
)
WORKSHOP_FIELDS = ("title", "starts_at", "ends_at", "venue", "capacity", "trainer_names")


# --- courses ------------------------------------------------------------------------------------


def _clean_outcomes(outcomes) -> list[str]:
    return [line.strip() for line in (outcomes or []) if line and line.strip()]


def _check_course(*, partnership, values: dict, course: Course | None = None) -> None:
    errors: dict[str, str] = {}
    if not (values.get("title") or "").strip():
        errors["title"] = "Enter the course's title."
    if values.get("level") not in level_titles():
        errors["level"] = "Choose the level the course is taught at."
    delivery = values.get("delivery")
    if delivery not in Course.Delivery.values:
        errors["delivery"] = "Choose how the course is delivered."
    if not (values.get("audience") or "").strip():
        errors["audience"] = "Say who the course is for."
    elearning = delivery == Course.Delivery.ELEARNING
    if not elearning and not values.get("outcomes"):
        errors["outcomes"] = "Enter at least one learning outcome, one on each line."
    if elearning and not values.get("elearning_url"):
        errors["elearning_url"] = "Enter the address of the e-learning module."
    if not elearning and values.get("elearning_url"):
        errors["elearning_url"] = "Only an e-learning course has a module's address: leave it blank."
    priority = values.get("priority")
    if priority is not None and priority.partnership_id != partnership.pk:
        errors["priority"] = "Choose one of the business plan's priorities."
    if course is not None and delivery != course.delivery and course.sessions.exists():
        errors["delivery"] = "The course has sessions, so how it is delivered cannot change now."
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def course_create(*, actor, partnership, values: dict) -> Course:
    """Add a course to the catalogue, offered at once."""
    ensure_can_manage(user=actor, partnership=partnership)
    values = {**values, "outcomes": _clean_outcomes(values.get("outcomes"))}
    _check_course(partnership=partnership, values=values)
    course = Course(partnership=partnership, created_by=actor, **{name: values.get(name) for name in COURSE_FIELDS})
    course.title = course.title.strip()
    course.full_clean()
    course.save()
    event_record(
        actor=actor,
        verb="training.course_created",
        target=course,
        partnership=partnership,
        summary=f"Training course added: {course.title}",
    )
    return course


@transaction.atomic
def course_update(*, actor, course: Course, values: dict) -> list[str]:
    """Change a course's details; returns the fields changed."""
    partnership = course.partnership
    ensure_can_manage(user=actor, partnership=partnership)
    values = {**values, "outcomes": _clean_outcomes(values.get("outcomes"))}
    _check_course(partnership=partnership, values=values, course=course)
    if "title" in values:
        values["title"] = values["title"].strip()
    changed = model_update(instance=course, fields=COURSE_FIELDS, data=values)
    if changed:
        event_record(
            actor=actor,
            verb="training.course_updated",
            target=course,
            partnership=partnership,
            summary=f"Training course changed: {course.title}",
            data={"changed": changed},
        )
    if COUNTED_COURSE_FIELDS & set(changed):
        _changed(partnership)
    return changed


@transaction.atomic
def course_retire(*, actor, course: Course) -> Course:
    """Stop offering the course: no new session is scheduled; those to come stay."""
    ensure_can_manage(user=actor, partnership=course.partnership)
    if not course.is_active:
        raise ValidationError(f"{course.title} is already retired.")
    course.is_active = False
    course.save(update_fields=["is_active"])
    event_record(
        actor=actor,
        verb="training.course_retired",
        target=course,
        partnership=course.partnership,
        summary=f"Training course retired: {course.title}",
    )
    return course


@transaction.atomic
def course_reinstate(*, actor, course: Course) -> Course:
    """Offer a retired course again."""
    ensure_can_manage(user=actor, partnership=course.partnership)
    if course.is_active:
        raise ValidationError(f"{course.title} is offered already.")
    course.is_active = True
    course.save(update_fields=["is_active"])
    event_record(
        actor=actor,
        verb="training.course_reinstated",
        target=course,
        partnership=course.partnership,
        summary=f"Training course offered again: {course.title}",
    )
    return course


# --- sessions -----------------------------------------------------------------------------------


def _check_times(values: dict, errors: dict[str, str]) -> None:
    starts, ends = values.get("starts_at"), values.get("ends_at")
    if starts and ends and ends <= starts:
        errors["ends_at"] = "The session must end after it starts."


def _check_session(*, course: Course, values: dict, trainers, allowed_trainers, held: int = 0) -> None:
    errors: dict[str, str] = {}
    _check_times(values, errors)
    starts = values.get("starts_at")
    opens, closes, cancel_by = values.get("booking_opens"), values.get("booking_closes"), values.get("cancel_by")
    if opens and closes and closes <= opens:
        errors["booking_closes"] = "Booking must close after it opens."
    elif closes and starts and closes > starts:
        errors["booking_closes"] = "Booking must close before the session starts."
    if cancel_by and starts and cancel_by > starts:
        errors["cancel_by"] = "Free cancellation must end before the session starts."
    capacity = values.get("capacity")
    if capacity is None or capacity < 1:
        errors["capacity"] = "A session needs at least 1 place."
    elif capacity < held:
        errors["capacity"] = (
            f"{held} place{'s are' if held != 1 else ' is'} already held: the session cannot have fewer than {held}."
        )
    if course.delivery != Course.Delivery.ONLINE and values.get("online_link"):
        errors["online_link"] = "Only a session of an online course has an online link: leave it blank."
    if (
        course.delivery in (Course.Delivery.CLASSROOM, Course.Delivery.CONFERENCE)
        and not (values.get("venue") or "").strip()
    ):
        errors["venue"] = "Enter the venue."
    allowed = {user.pk for user in allowed_trainers}
    if any(trainer.pk not in allowed for trainer in trainers):
        errors["trainers"] = "Choose trainers from the list: members of the partnership or its practitioners."
    if errors:
        raise ValidationError(errors)


def with_defaults(values: dict) -> dict:
    """The session's values with the booking dates left blank filled in: booking opens now, closes
    2 days before the session starts and is free to cancel until 7 days before."""
    values = dict(values)
    starts = values.get("starts_at")
    if not values.get("booking_opens"):
        values["booking_opens"] = timezone.now()
    if starts and not values.get("booking_closes"):
        values["booking_closes"] = starts - dt.timedelta(days=CLOSES_DAYS_BEFORE)
    if starts and not values.get("cancel_by"):
        values["cancel_by"] = starts - dt.timedelta(days=CANCEL_DAYS_BEFORE)
    return values


def _ensure_schedulable(course: Course) -> None:
    if course.is_elearning:
        raise ValidationError("An e-learning course has no sessions: delegates complete it online.")
    if not course.is_active:
        raise ValidationError(f"{course.title} is retired: offer it again before scheduling a session.")


@transaction.atomic
def session_create(*, actor, course: Course, values: dict, trainers=(), allowed_trainers=()) -> Session:
    """Schedule a session of the course, numbered next in the partnership."""
    partnership = course.partnership
    ensure_can_manage(user=actor, partnership=partnership)
    _ensure_schedulable(course)
    values = with_defaults(values)
    trainers = list(trainers)
    _check_session(course=course, values=values, trainers=trainers, allowed_trainers=allowed_trainers)
    session = Session(
        partnership=partnership,
        course=course,
        reference=next_reference(
            partnership=partnership,
            records=Session.objects.filter(partnership=partnership),
            prefix=REFERENCE_PREFIX,
            digits=DIGITS,
        ),
        **{name: values.get(name) for name in SESSION_FIELDS},
    )
    for name in ("venue", "address", "accessibility", "online_link", "trainer_names"):
        setattr(session, name, (getattr(session, name) or "").strip())
    session.full_clean()
    session.save()
    session.trainers.set(trainers)
    event_record(
        actor=actor,
        verb="training.session_scheduled",
        target=session,
        partnership=partnership,
        summary=f"Training session {session.reference} scheduled: {course.title} on "
        f"{date_format(timezone.localtime(session.starts_at), 'j F Y')}",
    )
    _changed(partnership)
    return session


def _ensure_changeable(session: Session) -> None:
    if session.status == Session.Status.CANCELLED:
        raise ValidationError(f"{session.reference} is cancelled: it can no longer change.")


@transaction.atomic
def session_update(*, actor, session: Session, values: dict, trainers=(), allowed_trainers=()) -> list[str]:
    """Change a session's details and trainers; returns the fields changed."""
    partnership = session.partnership
    ensure_can_manage(user=actor, partnership=partnership)
    _ensure_changeable(session)
    # Counted with the session's row locked, so no booking takes a place in between.
    Session.objects.select_for_update().only("pk").get(pk=session.pk)
    trainers = list(trainers)
    if not session.is_workshop:
        values = with_defaults(values)
    if session.is_workshop:
        _check_workshop(conference=session.parent, values=values, trainers=trainers, allowed_trainers=allowed_trainers)
        _check_capacity(values, places_held(session))
        fields = WORKSHOP_FIELDS
    else:
        _check_session(
            course=session.course,
            values=values,
            trainers=trainers,
            allowed_trainers=allowed_trainers,
            held=places_held(session),
        )
        fields = SESSION_FIELDS
    changed = model_update(instance=session, fields=fields, data=values)
    if {trainer.pk for trainer in trainers} != set(session.trainers.values_list("pk", flat=True)):
        session.trainers.set(trainers)
        changed.append("trainers")
    if changed:
        event_record(
            actor=actor,
            verb="training.session_updated",
            target=session,
            partnership=partnership,
            summary=f"Training session {session.reference} changed",
            data={"changed": changed},
        )
    if "capacity" in changed:
        # Places added go to the waiting list at once, first in line first (the row is locked).
        offers_make(session=session)
    if COUNTED_SESSION_FIELDS & set(changed):
        _changed(partnership)
    return changed


@transaction.atomic
def session_cancel(*, actor, session: Session, reason: str) -> Session:
    """Cancel a session that has not yet started (a conference with its workshops), with a reason:
    every booking on it is cancelled and each practitioner booked or waiting is told by e-mail."""
    partnership = session.partnership
    ensure_can_manage(user=actor, partnership=partnership)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": "Say why the session is cancelled: those booked are told."})
    if session.status == Session.Status.CANCELLED:
        raise ValidationError(f"{session.reference} is cancelled already.")
    if session.starts_at <= timezone.now():
        raise ValidationError(f"{session.reference} has started: a session that has taken place is not cancelled.")
    sessions = [session, *session.workshops.filter(status=Session.Status.SCHEDULED)]
    for each in sessions:
        each.status, each.cancelled_reason = Session.Status.CANCELLED, reason[:300]
        each.save(update_fields=["status", "cancelled_reason"])
        # Cancels each booking and waiting place, telling its practitioner by e-mail.
        told = bookings_cancel_for_session(actor=actor, session=each, reason=reason)
        event_record(
            actor=actor,
            verb="training.session_cancelled",
            target=each,
            partnership=partnership,
            summary=f"Training session {each.reference} cancelled; {told} booking{'' if told == 1 else 's'} cancelled",
            data={"reason": reason},
        )
    _changed(partnership)
    return session


# --- workshops ----------------------------------------------------------------------------------


def _check_capacity(values: dict, held: int) -> None:
    capacity = values.get("capacity")
    if capacity is None or capacity < 1:
        raise ValidationError({"capacity": "A workshop needs at least 1 place."})
    if capacity < held:
        raise ValidationError(
            {
                "capacity": f"{held} place{'s are' if held != 1 else ' is'} already held: the workshop cannot have "
                f"fewer than {held}."
            }
        )


def _check_workshop(*, conference: Session, values: dict, trainers, allowed_trainers) -> None:
    errors: dict[str, str] = {}
    if not (values.get("title") or "").strip():
        errors["title"] = "Enter the workshop's title."
    _check_times(values, errors)
    starts, ends = values.get("starts_at"), values.get("ends_at")
    if starts and starts < conference.starts_at:
        errors["starts_at"] = "The workshop must start within the conference's times."
    if ends and ends > conference.ends_at and "ends_at" not in errors:
        errors["ends_at"] = "The workshop must end within the conference's times."
    allowed = {user.pk for user in allowed_trainers}
    if any(trainer.pk not in allowed for trainer in trainers):
        errors["trainers"] = "Choose trainers from the list: members of the partnership or its practitioners."
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def workshop_create(*, actor, conference: Session, values: dict, trainers=(), allowed_trainers=()) -> Session:
    """Add a workshop to a conference: its own title, times within the conference's and places;
    booking opens, closes and stops being free to cancel as the conference's do."""
    partnership = conference.partnership
    ensure_can_manage(user=actor, partnership=partnership)
    if not conference.is_conference:
        raise ValidationError("Only a conference has workshops.")
    _ensure_changeable(conference)
    trainers = list(trainers)
    _check_workshop(conference=conference, values=values, trainers=trainers, allowed_trainers=allowed_trainers)
    _check_capacity(values, 0)
    workshop = Session(
        partnership=partnership,
        course=conference.course,
        parent=conference,
        reference=next_reference(
            partnership=partnership,
            records=Session.objects.filter(partnership=partnership),
            prefix=REFERENCE_PREFIX,
            digits=DIGITS,
        ),
        title=values["title"].strip(),
        starts_at=values["starts_at"],
        ends_at=values["ends_at"],
        venue=(values.get("venue") or "").strip() or conference.venue,
        address=conference.address,
        accessibility=conference.accessibility,
        capacity=values["capacity"],
        trainer_names=(values.get("trainer_names") or "").strip(),
        booking_opens=conference.booking_opens,
        booking_closes=conference.booking_closes,
        cancel_by=conference.cancel_by,
    )
    workshop.full_clean()
    workshop.save()
    workshop.trainers.set(trainers)
    event_record(
        actor=actor,
        verb="training.workshop_added",
        target=workshop,
        partnership=partnership,
        summary=f"Workshop {workshop.reference} added to the conference {conference.reference}: {workshop.title}",
    )
    return workshop
