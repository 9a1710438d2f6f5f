"""Who may do what in multi-agency training. Predicates follow docs/architecture.md section 2
(``can_`` for the role, ``may_`` for the role and the record's state now, ``ensure_`` to refuse);
each part keeps its predicates in a block here.

The business unit (``training.manage``) keeps the catalogue, schedules sessions, manages bookings,
places practitioners' "other" organisations, imports e-learning completions and chooses quotes; the
board and the chair (``training.view``) read the figures. A practitioner (``training.book``) sees
and manages only their own bookings, evaluations and certificates, and may mark the register of a
session they are named as a trainer of (``training.register``, which the business unit holds for
every session). An agency's lead (``training.return``) makes the agency's single-agency training
return. Anyone reads the public calendar."""

from django.core.exceptions import PermissionDenied

from assure.accounts.permissions import agencies_of, has_permission


def can_view_figures(*, user, partnership) -> bool:
    return has_permission(user=user, permission="training.view", partnership=partnership)


def can_manage(*, user, partnership) -> bool:
    """True when the user keeps the partnership's training: catalogue, sessions, bookings,
    practitioners' organisations, imports, quotes."""
    return has_permission(user=user, permission="training.manage", partnership=partnership)


def ensure_can_manage(*, user, partnership) -> None:
    if not can_manage(user=user, partnership=partnership):
        raise PermissionDenied


# --- practitioners -----------------------------------------------------------------------------


def can_book(*, user, partnership) -> bool:
    """True when the user is a practitioner of the partnership (books, evaluates, downloads
    certificates: their own only)."""
    return has_permission(user=user, permission="training.book", partnership=partnership)


def ensure_can_book(*, user, partnership) -> None:
    if not can_book(user=user, partnership=partnership):
        raise PermissionDenied


def is_own(*, user, practitioner) -> bool:
    """True when the practitioner's profile is the user's own."""
    return practitioner is not None and practitioner.user_id == user.pk


# --- bookings ----------------------------------------------------------------------------------


def may_manage_booking(*, user, partnership, booking) -> bool:
    """True when the user may act on the booking: their own, or any as the business unit."""
    return booking.partnership_id == partnership.pk and (
        can_manage(user=user, partnership=partnership)
        or (can_book(user=user, partnership=partnership) and booking.practitioner.user_id == user.pk)
    )


def ensure_may_manage_booking(*, user, partnership, booking) -> None:
    if not may_manage_booking(user=user, partnership=partnership, booking=booking):
        raise PermissionDenied


# --- attendance --------------------------------------------------------------------------------


def may_mark_register(*, user, partnership, session) -> bool:
    """True when the user may mark the session's register: the business unit, or a trainer named
    on the session."""
    if session.partnership_id != partnership.pk:
        return False
    if can_manage(user=user, partnership=partnership):
        return True
    return has_permission(user=user, permission="training.register", partnership=partnership) and (
        session.trainers.filter(pk=user.pk).exists()
    )


def ensure_may_mark_register(*, user, partnership, session) -> None:
    if not may_mark_register(user=user, partnership=partnership, session=session):
        raise PermissionDenied


# --- evaluations -------------------------------------------------------------------------------


def may_evaluate(*, user, partnership, booking) -> bool:
    """True when the user gives the booking's evaluations: the booking is their own (a
    practitioner's); nobody answers for someone else."""
    return (
        booking.partnership_id == partnership.pk
        and can_book(user=user, partnership=partnership)
        and booking.practitioner.user_id == user.pk
    )


def ensure_may_evaluate(*, user, partnership, booking) -> None:
    if not may_evaluate(user=user, partnership=partnership, booking=booking):
        raise PermissionDenied


def can_read_evaluations(*, user, partnership) -> bool:
    """True when the user reads the evaluation results (the business unit, the board, the chair)."""
    return can_manage(user=user, partnership=partnership) or can_view_figures(user=user, partnership=partnership)


def ensure_can_choose_quotes(*, user, partnership) -> None:
    """Quotes for the annual report are chosen (and their words edited) by the business unit."""
    ensure_can_manage(user=user, partnership=partnership)


# --- returns -----------------------------------------------------------------------------------


def can_make_return(*, user, partnership) -> bool:
    """True when the user (an agency's lead) makes their agency's single-agency training return."""
    return has_permission(user=user, permission="training.return", partnership=partnership)


def may_edit_return(*, user, partnership, training_return) -> bool:
    """True when the user may change the return: their own agency's, not yet submitted; the
    business unit may reopen a submitted one instead (``can_manage``)."""
    return (
        training_return.partnership_id == partnership.pk
        and can_make_return(user=user, partnership=partnership)
        and training_return.status == training_return.Status.DRAFT
        and training_return.agency_id in agencies_of(user=user, partnership=partnership)
    )
