"""Reads of attendance, given the user. The session page includes what attendance shows on it
through ``attendance_for_session_page`` (drawn by ``training/_session_attendance.html``)."""


def attendance_for_session_page(*, user, partnership, session) -> dict:
    """The business unit's session page: the register's link and the attendance so far."""
    return {}
