"""Governance's demo content: Shropshire's challenge log, risk register and the agendas and
minutes of its 2014-15 board meetings, with live items for the demo personas' home pages."""

import datetime as dt


def governance_demo_load(*, partnerships: dict, agencies: dict, users: dict, today: dt.date) -> None:
    """Write the governance records of the demo region (called by assure.demo)."""
    from .agendas import agendas_load
    from .challenges import challenges_demo_load

    challenges_demo_load(partnerships=partnerships, agencies=agencies, users=users, today=today)
    agendas_load(partnerships=partnerships, agencies=agencies, users=users, today=today)
    from .risks import risks_demo_load

    risks_demo_load(partnerships=partnerships, agencies=agencies, users=users, today=today)


def governance_demo_links(*, partnerships: dict, users: dict) -> int:
    """Link the demo's board papers and challenges to the records of other parts of Assure,
    once every part's demo is written (called by assure.demo after the reports)."""
    from .links import governance_demo_links as link

    return link(partnerships=partnerships, users=users)
