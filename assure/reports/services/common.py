"""What every report service checks first: the actor manages reports of the partnership, and
the report is still a draft (a published report is frozen)."""

from django.core.exceptions import ValidationError

from ..models import Report
from ..permissions import ensure_can_manage

FROZEN = "The report is published: it can no longer be changed."


def require_draft(report: Report) -> None:
    # Read the status from the database: the object in hand may predate the publishing.
    if report.is_published or Report.objects.filter(pk=report.pk, status=Report.Status.PUBLISHED).exists():
        raise ValidationError(FROZEN)


def require_managed_draft(actor, report: Report) -> None:
    ensure_can_manage(user=actor, partnership=report.partnership)
    require_draft(report)
