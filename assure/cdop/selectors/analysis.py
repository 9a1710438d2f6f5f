"""The review meeting and the panel's analysis (written with the part)."""


def analysis_for_death_page(*, user, partnership, death) -> dict:
    """The context of ``cdop/_death_analysis.html`` on a death's page."""
    return {}
