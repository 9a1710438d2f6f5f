"""Changes to a partnership's scorecard set-up: the scorecard lines that put an indicator under a
priority of the business plan with a target, a tolerance and an owning agency. The priorities
themselves are the plan's (``assure.plans.services``), added and changed there.

Only someone with ``performance.manage`` in the partnership may make them. Every change records a
domain event and marks the partnership's computed scorecard as out of date.
"""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max

from assure.audit.services import event_record
from assure.core.services import model_update
from assure.partnerships.models import Agency, Partnership, PartnershipAgency
from assure.plans.models import Priority

from ..cache import bump_partnership
from ..calculations import to_decimal
from ..models import Indicator, ScorecardLine
from ..permissions import ensure_can_manage_performance
from ..selectors.catalogue import catalogue_indicators


def _scorecard_changed(partnership: Partnership) -> None:
    """Targets, tolerances and lines all show on the cached scorecard: move its version on in
    the same transaction, so the next page is computed afresh exactly when the change is seen."""
    bump_partnership(partnership.pk)


def _plain(number: Decimal | float | None) -> str:
    """A number as people write it: 100 rather than 100.0 or 1E+2."""
    return f"{to_decimal(number).normalize():f}"


def _next_position(queryset) -> int:
    highest = queryset.aggregate(highest=Max("position"))["highest"]
    return 0 if highest is None else highest + 1


# --- scorecard lines -------------------------------------------------------------------------


def _line_errors(
    *,
    actor,
    partnership: Partnership,
    priority: Priority | None,
    indicator: Indicator | None,
    target: Decimal | None,
    tolerance: Decimal | None,
    owner_agency: Agency | None,
    line: ScorecardLine | None = None,
) -> dict[str, str]:
    errors: dict[str, str] = {}
    if priority is None or priority.partnership_id != partnership.pk:
        errors["priority"] = "Choose one of this partnership's priorities."
    if indicator is None or not catalogue_indicators(user=actor, partnership=partnership).filter(pk=indicator.pk):
        errors["indicator"] = "Choose an indicator from the catalogue."
    else:
        same = ScorecardLine.objects.filter(partnership=partnership, indicator=indicator)
        if line is not None:
            same = same.exclude(pk=line.pk)
        if same.exists():
            errors["indicator"] = f"{indicator.definition.title} is already on the scorecard."
        else:
            errors.update(_target_errors(indicator.data, target, tolerance))
    if owner_agency is not None:
        current = PartnershipAgency.objects.filter(partnership=partnership, agency=owner_agency, left_on__isnull=True)
        if not current.exists():
            errors["owner_agency"] = "Choose one of this partnership's agencies."
    return errors


def _target_errors(definition: dict, target: Decimal | None, tolerance: Decimal | None) -> dict[str, str]:
    """A target within the indicator's valid range, and a tolerance that is not negative and
    not wider than that range."""
    errors = {}
    low, high = to_decimal(definition.get("minimum")), to_decimal(definition.get("maximum"))
    if target is not None:
        if low is not None and high is not None and not low <= target <= high:
            errors["target"] = f"Enter a target from {_plain(low)} to {_plain(high)}."
        elif low is not None and target < low:
            errors["target"] = f"Enter a target of {_plain(low)} or more."
        elif high is not None and target > high:
            errors["target"] = f"Enter a target of {_plain(high)} or less."
    if tolerance is not None:
        if tolerance < 0:
            errors["tolerance"] = "Enter a tolerance of 0 or more."
        elif target is None:
            errors["tolerance"] = "Set a target before a tolerance: the tolerance is a distance from the target."
        elif low is not None and high is not None and tolerance > high - low:
            errors["tolerance"] = f"Enter a tolerance of {_plain(high - low)} or less."
    return errors


@transaction.atomic
def scorecard_line_create(
    *,
    actor,
    partnership: Partnership,
    priority: Priority,
    indicator: Indicator,
    target: Decimal | None = None,
    tolerance: Decimal | None = None,
    owner_agency: Agency | None = None,
    position: int | None = None,
) -> ScorecardLine:
    """Put an indicator of the catalogue on the partnership's scorecard under one of its
    priorities. An indicator appears once per scorecard; the target lies within the indicator's
    valid range; the tolerance (in the indicator's unit, empty for the RAG rule's default) is not
    negative. Without a position the line goes last in its priority."""
    ensure_can_manage_performance(user=actor, partnership=partnership)
    errors = _line_errors(
        actor=actor,
        partnership=partnership,
        priority=priority,
        indicator=indicator,
        target=target,
        tolerance=tolerance,
        owner_agency=owner_agency,
    )
    if errors:
        raise ValidationError(errors)
    if position is None:
        position = _next_position(priority.lines.all())
    line = ScorecardLine(
        partnership=partnership,
        priority=priority,
        indicator=indicator,
        target=target,
        tolerance=tolerance,
        owner_agency=owner_agency,
        position=position,
    )
    line.full_clean()
    line.save()
    event_record(
        actor=actor,
        verb="scorecard_line.added",
        target=line,
        partnership=partnership,
        summary=f"{indicator.definition.title} added to the scorecard under {priority.title}",
        data={"indicator": indicator.code, "target": _text(target), "tolerance": _text(tolerance)},
    )
    _scorecard_changed(partnership)
    return line


def _text(number: Decimal | None) -> str | None:
    return None if number is None else _plain(number)


@transaction.atomic
def scorecard_line_update(
    *,
    actor,
    line: ScorecardLine,
    priority: Priority,
    target: Decimal | None,
    tolerance: Decimal | None,
    owner_agency: Agency | None,
    position: int,
) -> ScorecardLine:
    """Change a line's priority, target, tolerance, owning agency or position (the indicator
    stays: remove the line and add another to change it). A new target or tolerance is recorded
    as its own event, "target.changed", with the old and new values."""
    partnership = line.partnership
    ensure_can_manage_performance(user=actor, partnership=partnership)
    errors = _line_errors(
        actor=actor,
        partnership=partnership,
        priority=priority,
        indicator=line.indicator,
        target=target,
        tolerance=tolerance,
        owner_agency=owner_agency,
        line=line,
    )
    if errors:
        raise ValidationError(errors)
    before = {"target": _text(line.target), "tolerance": _text(line.tolerance)}
    after = {"target": _text(target), "tolerance": _text(tolerance)}
    changed = model_update(
        instance=line,
        fields=["priority", "target", "tolerance", "owner_agency", "position"],
        data={
            "priority": priority,
            "target": target,
            "tolerance": tolerance,
            "owner_agency": owner_agency,
            "position": position,
        },
    )
    # A target or tolerance written differently (25 and 25.000) is the same target: the event
    # compares them as figures, while the other fields have their own event.
    others_changed = bool({"priority", "owner_agency", "position"} & set(changed))
    title = line.indicator.definition.title
    if before != after:
        event_record(
            actor=actor,
            verb="target.changed",
            target=line,
            partnership=partnership,
            summary=f"Target of {title} changed: {_target_words(**before)} → {_target_words(**after)}",
            data={"before": before, "after": after},
        )
    if others_changed:
        event_record(
            actor=actor,
            verb="scorecard_line.changed",
            target=line,
            partnership=partnership,
            summary=f"{title} on the scorecard changed",
        )
    _scorecard_changed(partnership)
    return line


def _target_words(*, target: str | None, tolerance: str | None) -> str:
    if target is None:
        return "no target"
    return f"{target} (tolerance {tolerance if tolerance is not None else 'by default'})"


@transaction.atomic
def scorecard_line_delete(*, actor, line: ScorecardLine) -> None:
    """Take an indicator off the partnership's scorecard. Its figures are kept; only the line,
    its target and tolerance go."""
    partnership = line.partnership
    ensure_can_manage_performance(user=actor, partnership=partnership)
    event_record(
        actor=actor,
        verb="scorecard_line.removed",
        target=line,
        partnership=partnership,
        summary=f"{line.indicator.definition.title} removed from the scorecard",
        data={"indicator": line.indicator.code, "target": _text(line.target), "tolerance": _text(line.tolerance)},
    )
    line.delete()
    _scorecard_changed(partnership)
