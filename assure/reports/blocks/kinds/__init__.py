"""Every block kind; importing this package registers them all."""

from . import (  # noqa: F401 -- imported to register
    actions_summary,
    attendance,
    budget,
    childs_journey,
    conclusion_question,
    exception_report,
    indicator_chart,
    indicator_table,
    membership,
    priority_impact,
    scorecard_extract,
    section11_status,
    section11_summary,
)
