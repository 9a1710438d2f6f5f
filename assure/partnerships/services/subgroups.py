"""Changes to a partnership's subgroups."""

import datetime as dt
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from assure.audit.services import event_record
from assure.core.services import model_update

from ..models import Agency, Partnership, PartnershipAgency, Subgroup
from ..permissions import ensure_can_manage
from ..registers import MEETINGS, registers_changed


def _subgroup_errors(
    partnership: Partnership,
    name: str,
    terms_reviewed_on: dt.date | None,
    agencies: list[Agency],
    subgroup: Subgroup | None = None,
) -> dict[str, str]:
    errors = {}
    if not name:
        errors["name"] = "Enter the subgroup's name."
    else:
        same_name = Subgroup.objects.filter(partnership=partnership, name__iexact=name)
        if subgroup is not None:
            same_name = same_name.exclude(pk=subgroup.pk)
        if same_name.exists():
            errors["name"] = f"There is already a subgroup called {name}."
    if terms_reviewed_on and terms_reviewed_on > timezone.localdate():
        errors["terms_reviewed_on"] = "The date the terms of reference were reviewed must be today or in the past."
    current = set(
        PartnershipAgency.objects.filter(partnership=partnership, left_on__isnull=True).values_list(
            "agency_id", flat=True
        )
    )
    if any(a.pk not in current for a in agencies):
        errors["agencies"] = "Choose agencies of this partnership only."
    return errors


@transaction.atomic
def subgroup_create(
    *,
    actor,
    partnership: Partnership,
    name: str,
    purpose: str = "",
    terms_of_reference: str = "",
    terms_reviewed_on: dt.date | None = None,
    chair: str = "",
    agencies: Iterable[Agency] = (),
    is_active: bool = True,
) -> Subgroup:
    """Add a subgroup to the partnership, with the agencies expected at its meetings (current
    agencies of the partnership only). Names are unique within the partnership."""
    ensure_can_manage(user=actor, partnership=partnership)
    name = (name or "").strip()
    agencies = list(agencies)
    errors = _subgroup_errors(partnership, name, terms_reviewed_on, agencies)
    if errors:
        raise ValidationError(errors)
    subgroup = Subgroup(
        partnership=partnership,
        name=name,
        purpose=purpose,
        terms_of_reference=terms_of_reference,
        terms_reviewed_on=terms_reviewed_on,
        chair=chair,
        is_active=is_active,
    )
    subgroup.full_clean()
    subgroup.save()
    subgroup.agencies.set(agencies)
    # The meetings register offers every subgroup as a filter.
    registers_changed(partnership_ids=[partnership.pk], registers=[MEETINGS])
    event_record(
        actor=actor, verb="subgroup.added", target=subgroup, partnership=partnership, summary=f"Subgroup {name} added"
    )
    return subgroup


@transaction.atomic
def subgroup_update(
    *,
    actor,
    subgroup: Subgroup,
    name: str,
    purpose: str = "",
    terms_of_reference: str = "",
    terms_reviewed_on: dt.date | None = None,
    chair: str = "",
    agencies: Iterable[Agency] = (),
    is_active: bool = True,
) -> Subgroup:
    """Change a subgroup: its terms of reference, chair, expected agencies or whether it is
    active. Its meetings and their attendance are unaffected."""
    partnership = subgroup.partnership
    ensure_can_manage(user=actor, partnership=partnership)
    name = (name or "").strip()
    agencies = list(agencies)
    errors = _subgroup_errors(partnership, name, terms_reviewed_on, agencies, subgroup)
    if errors:
        raise ValidationError(errors)
    model_update(
        instance=subgroup,
        fields=["name", "purpose", "terms_of_reference", "terms_reviewed_on", "chair", "is_active"],
        data={
            "name": name,
            "purpose": purpose,
            "terms_of_reference": terms_of_reference,
            "terms_reviewed_on": terms_reviewed_on,
            "chair": chair,
            "is_active": is_active,
        },
    )
    subgroup.agencies.set(agencies)
    # The meetings register names each meeting's subgroup, and filters by them.
    registers_changed(partnership_ids=[partnership.pk], registers=[MEETINGS])
    event_record(
        actor=actor,
        verb="subgroup.updated",
        target=subgroup,
        partnership=partnership,
        summary=f"Subgroup {name} updated",
    )
    return subgroup
