"""The partnership's training booking policy: how long an offered place and a manager's approval
last, when delegates are reminded and asked to evaluate, what a no-show or a late cancellation is
charged and how many places one practitioner may book in a day.

It is library content of kind ``training-policy``, item ``booking``: the partnership's own
document of that kind (provider its slug) wins over the one Assure ships. The library holds
nothing personal, so reading it needs no user."""

from dataclasses import dataclass

from assure.library.models import LibraryItem
from assure.library.schemas import SHIPPED_PROVIDER
from assure.library.selectors import current_items

KIND = "training-policy"
CODE = "booking"


@dataclass(frozen=True)
class BookingPolicy:
    offer_hours: int = 48
    approval_days: int = 7
    reminder_days: tuple[int, ...] = (7, 1)
    evaluation_after_days: int = 7
    follow_up_days: int = 91
    charge_no_show_pence: int = 0
    charge_late_cancellation_pence: int = 0
    exempt_sectors: tuple[str, ...] = ()
    bookings_per_day: int = 5
    under_represented_percent: int = 50

    @classmethod
    def of(cls, data: dict) -> "BookingPolicy":
        return cls(
            offer_hours=int(data["offer_hours"]),
            approval_days=int(data["approval_days"]),
            reminder_days=tuple(int(day) for day in data.get("reminder_days") or ()),
            evaluation_after_days=int(data["evaluation_after_days"]),
            follow_up_days=int(data["follow_up_days"]),
            charge_no_show_pence=int(data.get("charge_no_show_pence") or 0),
            charge_late_cancellation_pence=int(data.get("charge_late_cancellation_pence") or 0),
            exempt_sectors=tuple(data.get("exempt_sectors") or ()),
            bookings_per_day=int(data["bookings_per_day"]),
            under_represented_percent=int(data.get("under_represented_percent") or 50),
        )


def policy_for(partnership) -> tuple[LibraryItem | None, BookingPolicy]:
    """The current ``booking`` item of the partnership's own training policy, or Assure's, with its
    values. Raises LookupError when the library holds neither (the library is not loaded)."""
    items = list(
        current_items(kind=KIND)
        .filter(code=CODE, document__provider__in=[partnership.slug, SHIPPED_PROVIDER])
        .select_related("document")
    )
    own = [item for item in items if item.document.provider == partnership.slug]
    found = (own or items or [None])[0]
    if found is None:
        raise LookupError("The library holds no training policy: load the library.")
    return found, BookingPolicy.of(found.data)
