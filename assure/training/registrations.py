"""Everything training offers the tenant core's registration points (the menu, what waits on the
home page, reminder sources, computed indicators), called once from ``TrainingConfig.ready``. Each
part of training keeps its own function here."""


def register_all() -> None:
    practitioners()
    catalogue()
    bookings()
    attendance()
    evaluations()
    returns()
    figures()


def practitioners() -> None:
    """Practitioners: their own training page, the organisations waiting for the business unit to
    place."""


def catalogue() -> None:
    """The catalogue: courses and sessions, in the business unit's menu."""


def bookings() -> None:
    """Bookings: offers waiting for a practitioner, the session reminders."""


def attendance() -> None:
    """Attendance: registers waiting to be marked, charges by agency."""


def evaluations() -> None:
    """Evaluations: those waiting for a practitioner, the follow-ups sent three months on, return
    rates and quotes."""


def returns() -> None:
    """E-learning completions, single-agency training returns waiting for an agency's lead, and
    representation."""


def figures() -> None:
    """The figures, computed indicators."""
