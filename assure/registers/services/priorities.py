"""Which business plan priority a register is monitored under: the business unit chooses one (or
none) for each register, so that the annual report's section on that priority shows the
register's figures and the plan knows what hangs under it."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from assure.audit.services import event_record
from assure.plans.models import Priority

from ..kinds import kind_for
from ..models import MonitoredUnder
from ..permissions import ensure_can_manage


@transaction.atomic
def monitored_under_set(*, actor, partnership, kind_code: str, priority: Priority | None) -> MonitoredUnder | None:
    """Monitor the register under ``priority``, or under none (None). Returns the record, or None
    when the register is no longer monitored under any priority."""
    ensure_can_manage(user=actor, partnership=partnership)
    kind = kind_for(partnership, kind_code)
    if kind is None:
        raise ValidationError({"priority": "The partnership keeps no such register."})
    if priority is not None and priority.partnership_id != partnership.pk:
        raise ValidationError({"priority": "Choose one of the partnership's own priorities."})
    current = MonitoredUnder.objects.select_for_update().filter(partnership=partnership, kind_code=kind.code).first()
    if priority is None:
        if current is not None:
            event_record(
                actor=actor,
                verb="registers.monitored_under_cleared",
                target=current.priority,
                partnership=partnership,
                summary=f"{kind.title} is no longer monitored under a priority",
                data={"kind": kind.code},
            )
            current.delete()
        return None
    if current is not None and current.priority_id == priority.pk:
        return current
    if current is None:
        current = MonitoredUnder(partnership=partnership, kind_code=kind.code)
    current.priority = priority
    current.set_by = actor if getattr(actor, "is_authenticated", False) else None
    current.set_at = timezone.now()
    current.save()
    event_record(
        actor=actor,
        verb="registers.monitored_under_set",
        target=current,
        partnership=partnership,
        summary=f"{kind.title} monitored under the priority {priority.title}",
        data={"kind": kind.code, "priority": priority.pk},
    )
    return current
