"""Everything reviews offers the tenant core's registration points (the menu, what waits on the
home page, reminder sources, clocks, computed indicators, linkable records), called once from
``ReviewsConfig.ready``. Each part of reviews keeps its own function here."""


def register_all() -> None:
    referrals()
    incidents()
    reviews()
    recommendations()
    briefings()


def referrals() -> None:
    """Case considerations and the chair's decisions."""


def incidents() -> None:
    """Serious incidents, rapid reviews and their clocks."""


def reviews() -> None:
    """Reviews, agencies' contributions and practitioners' conversations."""


def recommendations() -> None:
    """Findings, recommendations, action plans and the figures for the core dataset."""


def briefings() -> None:
    """Learning briefings and the public learning page."""
