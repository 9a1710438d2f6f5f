"""Everything engagement offers the tenant core's registration points (the menu, what waits on
the home page, computed indicators), called once from ``EngagementConfig.ready``. Each part of
engagement keeps its own function here."""


def register_all() -> None:
    campaigns()
    surveys()
    voices()
    events()
    figures()


def campaigns() -> None:
    """Campaigns: their activities and measures."""


def surveys() -> None:
    """Surveys: the business unit's pages; free-text answers waiting for review."""


def voices() -> None:
    """Voices: feedback heard, reviewed before it is quoted."""


def events() -> None:
    """Events: conferences, workshops and sessions, with attendance and feedback."""


def figures() -> None:
    """The engagement figures: computed indicators for the core dataset."""
