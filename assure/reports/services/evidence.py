"""Evidence of impact linked to a priority section: an indicator of the scorecard, a Section 11
cycle of the partnership, an action of the partnership."""

from django.core.exceptions import ValidationError
from django.db import transaction

from assure.actions.models import Action
from assure.actions.selectors import actions_visible_to
from assure.audit.services import event_record
from assure.performance.models import Indicator
from assure.section11.models import Cycle
from assure.section11.selectors.cycles import cycles_visible_to

from ..models import Evidence, Section
from ..selectors.reports import evidence_indicators
from .common import require_managed_draft


@transaction.atomic
def evidence_add(
    *,
    section: Section,
    actor,
    indicator: Indicator | None = None,
    cycle: Cycle | None = None,
    action: Action | None = None,
    note: str = "",
) -> Evidence:
    """Link one piece of evidence (exactly one of indicator, cycle, action) to a priority section."""
    report = section.report
    require_managed_draft(actor, report)
    partnership = report.partnership
    if section.priority_id is None:
        raise ValidationError("Evidence is linked to a section about a priority.")
    chosen = [x for x in (indicator, cycle, action) if x is not None]
    if len(chosen) != 1:
        raise ValidationError("Choose one indicator, one Section 11 cycle or one action.")
    if indicator is not None and not evidence_indicators(partnership=partnership).filter(pk=indicator.pk).exists():
        raise ValidationError({"indicator": "Choose an indicator of the partnership's scorecard."})
    if cycle is not None and not cycles_visible_to(user=actor, partnership=partnership).filter(pk=cycle.pk).exists():
        raise ValidationError({"cycle": "Choose a Section 11 cycle the partnership takes part in."})
    if action is not None and not actions_visible_to(user=actor, partnership=partnership).filter(pk=action.pk).exists():
        raise ValidationError({"action": "Choose an action of the partnership."})
    note = note.strip()
    if len(note) > 300:
        raise ValidationError({"note": "The note must be at most 300 characters."})
    evidence = Evidence.objects.create(section=section, indicator=indicator, cycle=cycle, action=action, note=note)
    event_record(
        actor=actor,
        verb="reports.evidence_added",
        target=evidence,
        partnership=partnership,
        summary=f"Evidence linked: {evidence} to {section.title}",
    )
    return evidence


@transaction.atomic
def evidence_remove(*, evidence: Evidence, actor) -> None:
    section = evidence.section
    require_managed_draft(actor, section.report)
    event_record(
        actor=actor,
        verb="reports.evidence_removed",
        target=section,
        partnership=section.report.partnership,
        summary=f"Evidence unlinked: {evidence} from {section.title}",
    )
    evidence.delete()
