"""The clocks of a child's death (written with the part)."""


def clocks_for_death_page(*, user, partnership, death) -> dict:
    """The context of ``cdop/_death_clocks.html`` on a death's page."""
    return {}
