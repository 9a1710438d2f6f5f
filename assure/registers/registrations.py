"""Everything the registers offer the tenant core's registration points (the menu, what waits on
the home page, computed indicators, the scheduled retention job), called once from
``RegistersConfig.ready``. Each part of the registers keeps its own function here."""


def register_all() -> None:
    entries()
    uploads()
    providers()
    figures()
    retention()


def entries() -> None:
    """Entries: each register's list, an entry's form and page."""


def uploads() -> None:
    """Monthly uploads of an agency's extract."""


def providers() -> None:
    """Private providers: their notifications, and those waiting for the business unit's check."""


def figures() -> None:
    """Figures: each register's by month and year, its timeliness, and the computed indicators."""


def retention() -> None:
    """Retention: the scheduled job and its log."""
