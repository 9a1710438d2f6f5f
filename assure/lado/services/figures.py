"""The referrals the partnership expects from each sector a year, which the figures compare the
year's referrals with (the seed's "lack of referrals from Health sector and faith
organisations"). Set by the designated officer with the ``lado`` grant; an expectation left
blank is removed, and the sector is then never highlighted."""

from collections.abc import Mapping

from django.core.exceptions import ValidationError
from django.db import transaction

from assure.audit.services import event_record
from assure.core.services import model_update
from assure.library.selectors import current_items

from ..models import SectorExpectation
from ..permissions import ensure_can_set_expectations

SECTOR_KIND = "lado-sector"
MOST = 10000


@transaction.atomic
def sector_expectations_set(*, actor, partnership, expected: Mapping[str, int | None]) -> list[str]:
    """Set the expected referrals a year of each sector named in ``expected`` (a code of the
    library's lado-sector; None removes the expectation). Returns the codes whose expectation
    changed; records one event when any did."""
    ensure_can_set_expectations(user=actor, partnership=partnership)
    sectors = {item.code: item.title for item in current_items(kind=SECTOR_KIND)}
    errors: dict[str, str] = {}
    for code, number in expected.items():
        if code not in sectors:
            errors[code] = f"{code!r} is not a sector of the library."
        elif number is not None and not 1 <= number <= MOST:
            errors[code] = f"Enter a whole number from 1 to {MOST:,} for {sectors[code]}, or leave it blank."
    if errors:
        raise ValidationError(errors)
    existing = {e.sector: e for e in SectorExpectation.objects.select_for_update().filter(partnership=partnership)}
    changed = []
    for code, number in expected.items():
        current = existing.get(code)
        if number is None:
            if current is not None:
                current.delete()
                changed.append(code)
        elif current is None:
            SectorExpectation.objects.create(partnership=partnership, sector=code, expected_per_year=number)
            changed.append(code)
        elif model_update(instance=current, fields=["expected_per_year"], data={"expected_per_year": number}):
            changed.append(code)
    if changed:
        event_record(
            actor=actor,
            verb="lado.sector_expectations_set",
            target=None,
            partnership=partnership,
            summary="Expected referrals a year set for " + ", ".join(sectors[c] for c in changed),
            data={"sectors": {c: expected[c] for c in changed}},
        )
    return changed
