"""Every block kind; importing this package registers them all."""

from . import (  # noqa: F401 -- imported to register
    actions_summary,
    attendance,
    budget,
    challenge_summary,
    childs_journey,
    conclusion_question,
    exception_report,
    indicator_chart,
    indicator_table,
    meeting_agenda,
    membership,
    priority_impact,
    priority_review,
    risk_heat_map,
    risks_above_appetite,
    scorecard_extract,
    section11_status,
    section11_summary,
)
