"""What every report service checks first: the actor manages reports of the partnership, and
the report is still a draft (a published report is frozen)."""

from django.core.exceptions import PermissionDenied, ValidationError

from ..models import Report
from ..selectors.access import can_manage

FROZEN = "The report is published: it can no longer be changed."


def require_manager(actor, report: Report) -> None:
    if not can_manage(actor, report.partnership):
        raise PermissionDenied("Only the business unit changes a report.")


def require_draft(report: Report) -> None:
    # Read the status from the database: the object in hand may predate the publishing.
    if report.is_published or Report.objects.filter(pk=report.pk, status=Report.Status.PUBLISHED).exists():
        raise ValidationError(FROZEN)


def require_managed_draft(actor, report: Report) -> None:
    require_manager(actor, report)
    require_draft(report)
