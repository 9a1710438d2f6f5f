"""Exchanges of cases with another panel, for those who may read the panel's cases: the list, one
exchange, what is sent (only the exchange's reference, the code, the summary, the age band, the sex
and whether the death was expected) and the comparison of the other panel's scoring with ours."""

from dataclasses import dataclass

from django.db.models import Count, QuerySet

from assure.library.selectors import current_items

from ..models import ChildDeath, Exchange, ExchangeCase
from ..permissions import can_read_cases
from .panels import panels_of

# What the download carries, in order: nothing else leaves the panel.
EXPORT_FIELDS = ("exchange", "code", "summary", "age_band", "sex", "expected")


def exchanges_visible_to(*, user, partnership) -> QuerySet[Exchange]:
    if not can_read_cases(user=user, partnership=partnership):
        return Exchange.objects.none()
    return (
        Exchange.objects.filter(panel__in=panels_of(partnership=partnership))
        .select_related("panel")
        .annotate(case_count=Count("cases"))
    )


def exchange_for(*, user, partnership, pk) -> Exchange | None:
    if not str(pk).isdigit():
        return None
    return exchanges_visible_to(user=user, partnership=partnership).filter(pk=int(pk)).first()


def age_band_of(death: ChildDeath, bands: list | None = None) -> str:
    """The title of the library's age band the child's age at death falls in."""
    days = death.age_in_days
    for item in bands if bands is not None else current_items(kind="cdop-age-band"):
        data = item.data or {}
        start, end = data.get("start", 0), data.get("end", 0)
        if data.get("unit") == "days":
            if start <= days <= end:
                return item.title
        else:
            years = _whole_years(death)
            if days >= 365 and start <= years <= end:
                return item.title
    return ""


def _whole_years(death: ChildDeath) -> int:
    born, died = death.date_of_birth, death.date_of_death
    return died.year - born.year - ((died.month, died.day) < (born.month, born.day))


def exchange_rows(exchange: Exchange) -> list[dict]:
    """The rows sent to the other panel: ``EXPORT_FIELDS`` only."""
    bands = list(current_items(kind="cdop-age-band"))
    return [
        {
            "exchange": exchange.reference,
            "code": case.code,
            "summary": case.summary,
            "age_band": age_band_of(case.death, bands),
            "sex": case.death.get_sex_display(),
            "expected": case.death.get_expected_display(),
        }
        for case in exchange.cases.select_related("death").order_by("pk")
    ]


@dataclass(frozen=True)
class Comparison:
    rows: list[dict]
    scored: int
    category_agreed: int
    modifiable_agreed: int

    @staticmethod
    def _percent(part: int, whole: int) -> int | None:
        return round(100 * part / whole) if whole else None

    @property
    def category_percent(self) -> int | None:
        return self._percent(self.category_agreed, self.scored)

    @property
    def modifiable_percent(self) -> int | None:
        return self._percent(self.modifiable_agreed, self.scored)


def exchange_comparison(exchange: Exchange) -> Comparison:
    """Side by side, case by case: our category and theirs, our modifiable decision and theirs,
    with how many of the scored cases agree on each."""
    labels = dict(ChildDeath.Modifiable.choices)
    rows = []
    scored = category_agreed = modifiable_agreed = 0
    cases: list[ExchangeCase] = list(
        exchange.cases.select_related("death", "death__category", "their_category").order_by("pk")
    )
    for case in cases:
        ours, theirs = case.death.category, case.their_category
        is_scored = theirs is not None
        same_category = is_scored and ours is not None and ours.code == theirs.code
        same_modifiable = is_scored and case.death.modifiable == case.their_modifiable
        if is_scored:
            scored += 1
            category_agreed += same_category
            modifiable_agreed += same_modifiable
        rows.append(
            {
                "case": case,
                "our_category": ours.title if ours else "",
                "their_category": theirs.title if theirs else "",
                "category_agrees": same_category,
                "our_modifiable": labels.get(case.death.modifiable, ""),
                "their_modifiable": labels.get(case.their_modifiable, ""),
                "modifiable_agrees": same_modifiable,
                "scored": is_scored,
            }
        )
    return Comparison(rows=rows, scored=scored, category_agreed=category_agreed, modifiable_agreed=modifiable_agreed)
