"""Everything cdop offers the tenant core's registration points (the menu, what waits on the home
page, reminder sources, clocks, computed indicators), called once from ``CdopConfig.ready``. Each
part of cdop keeps its own function here."""


def register_all() -> None:
    panels()
    deaths()
    reports()
    analysis()
    figures()
    exchanges()


def panels() -> None:
    """Setting a panel up and joining one."""


def deaths() -> None:
    """Notifications, duplicates, passing on, pausing, and the clocks of each death."""


def reports() -> None:
    """Agency reports: what waits for agency leads and the manager, and their reminders."""


def analysis() -> None:
    """The review meeting and the panel's analysis, its factors and recommendations."""


def figures() -> None:
    """The panel's figures, computed indicators and exports."""


def exchanges() -> None:
    """Peer assurance: the anonymised exchange of cases with another panel."""
