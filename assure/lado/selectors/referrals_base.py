"""The referrals a person may read: the base every other lado selector starts from. Given the
user, keyword-only, scoped to the partnership."""

from django.db.models import QuerySet

from ..models import Person, Referral
from ..permissions import can_manage_cases


def referrals_visible_to(*, user, partnership) -> QuerySet[Referral]:
    """Every referral of the partnership (not those still awaiting the referrer's confirmation),
    for a designated officer with the ``lado`` grant; nothing for anyone else."""
    if not can_manage_cases(user=user, partnership=partnership):
        return Referral.objects.none()
    return (
        Referral.objects.filter(partnership=partnership)
        .exclude(status=Referral.Status.AWAITING_CONFIRMATION)
        .select_related("person", "employer_agency", "outcome")
    )


def referral_for(*, user, partnership, pk) -> Referral | None:
    """The referral ``pk`` when the user may read it in the partnership, else None."""
    if not str(pk).isdigit():
        return None
    return referrals_visible_to(user=user, partnership=partnership).filter(pk=int(pk)).first()


def people_visible_to(*, user, partnership) -> QuerySet[Person]:
    """The people allegations are about, for a designated officer with the grant; else none."""
    if not can_manage_cases(user=user, partnership=partnership):
        return Person.objects.none()
    return Person.objects.filter(partnership=partnership)


def person_for(*, user, partnership, pk) -> Person | None:
    if not str(pk).isdigit():
        return None
    return people_visible_to(user=user, partnership=partnership).filter(pk=int(pk)).first()
