"""Agency reports on a child's death (written with the part)."""


def reports_for_death_page(*, user, partnership, death) -> dict:
    """The context of ``cdop/_death_reports.html`` on a death's page."""
    return {}
