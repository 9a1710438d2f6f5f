"""One row per death shaped like the national child mortality database's three stages of forms
(notification, reporting, analysis: library kind ``cdop-field``), for the panel's own checks
before it enters the forms in the national database. It never replaces that submission.

The child is named by the death's reference: the name and the circumstances are not exported."""

from collections.abc import Iterable

from .models import AgencyReport, ChildDeath

NCMD_NOTE = (
    "For the panel's own checks, not a replacement for the national submission to the National Child "
    "Mortality Database."
)

# (stage, column, how it is read from a death)
COLUMNS = [
    ("notification", "reference", lambda d: d.reference),
    ("notification", "status", lambda d: d.get_status_display()),
    ("notification", "home_partnership", lambda d: d.partnership.name if d.partnership_id else d.home_area),
    ("notification", "date_of_birth", lambda d: d.date_of_birth),
    ("notification", "sex", lambda d: d.get_sex_display()),
    ("notification", "ethnicity", lambda d: d.ethnicity),
    ("notification", "date_of_death", lambda d: d.date_of_death),
    ("notification", "place_of_death", lambda d: d.place_of_death),
    ("notification", "expected", lambda d: d.get_expected_display()),
    ("notification", "designated_doctor_confirmed", lambda d: _yes_no(d.designated_doctor_confirmed)),
    ("notification", "post_mortem_required", lambda d: _yes_no(d.post_mortem_required)),
    ("notification", "notified_on", lambda d: d.notified_on),
    ("notification", "joint_agency_response", lambda d: _yes_no(d.jar_needed)),
    ("notification", "passed_to", lambda d: d.passed_on_to.name if d.passed_on_to_id else d.passed_on_to_name),
    ("reporting", "agency_reports_requested", lambda d: _reports(d, None)),
    ("reporting", "agency_reports_submitted", lambda d: _reports(d, AgencyReport.Status.SUBMITTED)),
    ("reporting", "paused_days", lambda d: d.days_paused),
    ("analysis", "reviewed_on", lambda d: d.reviewed_on or ""),
    ("analysis", "category_of_death", lambda d: d.category.title if d.category_id else ""),
    ("analysis", "category_number", lambda d: d.category.data.get("number", "") if d.category_id else ""),
    ("analysis", "modifiable_factors", lambda d: d.get_modifiable_display() if d.modifiable else ""),
    ("analysis", "referred_for_review", lambda d: _yes_no(d.referred_for_review)),
]


def _yes_no(value: bool | None) -> str:
    return "" if value is None else ("yes" if value else "no")


def _reports(death: ChildDeath, status: str | None) -> int:
    reports = [r for r in death.agency_reports.all() if r.status != AgencyReport.Status.WITHDRAWN]
    return len([r for r in reports if status is None or r.status == status])


def ncmd_headers() -> list[str]:
    return [f"{stage}.{column}" for stage, column, _ in COLUMNS]


def ncmd_rows(deaths: Iterable[ChildDeath]) -> tuple[list[str], list[list]]:
    """The headers ("stage.field") and one row per death."""
    rows = [[read(death) for _, _, read in COLUMNS] for death in deaths]
    return ncmd_headers(), rows
