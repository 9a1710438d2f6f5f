"""Reads of bookings, given the user. The pages of other parts include what bookings shows on
them through the ``*_page`` functions below (each a dict for the page's context, drawn by the
partial named in its docstring)."""


def bookings_for_session_page(*, user, partnership, session) -> dict:
    """The business unit's session page: the bookings and the waiting list
    (``training/_session_bookings.html``)."""
    return {}


def bookings_for_mine_page(*, user, partnership, practitioner) -> dict:
    """The practitioner's own page: their bookings, offers and waiting places
    (``training/_mine_bookings.html``)."""
    return {}


def booking_for_public_session(*, user, partnership, session) -> dict:
    """The public session page: places left and how to book (``training/_public_booking.html``)."""
    return {}
