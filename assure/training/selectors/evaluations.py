"""Reads of evaluations, given the user. The pages of other parts include what evaluations show on
them through the ``*_page`` functions below (each a dict for the page's context, drawn by the
partial named in its docstring)."""


def evaluations_for_mine_page(*, user, partnership, practitioner) -> dict:
    """The practitioner's own page: evaluations to give, certificates to download
    (``training/_mine_evaluations.html``)."""
    return {}


def evaluations_for_session_page(*, user, partnership, session) -> dict:
    """The business unit's session page: the return rates and confidence change
    (``training/_session_evaluations.html``)."""
    return {}
