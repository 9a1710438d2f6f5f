"""Reads of private providers and their notifications, given the user: the business unit's list
of the partnership's providers and those waiting for its check, a provider's own profile, their
own notifications and those still in draft."""

from django.db.models import Count, Q, QuerySet

from assure.partnerships.models import Partnership

from ..models import Entry, Provider
from ..permissions import can_manage, can_notify

NOTIFICATION_KIND = "placement-notification"


def providers_visible_to(*, user, partnership: Partnership) -> QuerySet[Provider]:
    """The partnership's providers, for the business unit (none for anyone else), each with the
    number of their submitted notifications."""
    if not can_manage(user=user, partnership=partnership):
        return Provider.objects.none()
    return (
        Provider.objects.filter(partnership=partnership)
        .select_related("user")
        .annotate(notifications_count=Count("entries", filter=Q(entries__status=Entry.Status.SUBMITTED)))
        .order_by("organisation", "pk")
    )


def providers_to_verify(*, user, partnership: Partnership) -> QuerySet[Provider]:
    """Providers who have confirmed their e-mail and wait for the business unit's check (an
    unconfirmed sign-up may never be used, so it does not wait for anyone), oldest first."""
    return (
        providers_visible_to(user=user, partnership=partnership)
        .filter(status=Provider.Status.TO_REVIEW, verified_at__isnull=False)
        .order_by("created_at", "pk")
    )


def provider_search_q(value: str) -> Q:
    return (
        Q(organisation__icontains=value)
        | Q(user__full_name__icontains=value)
        | Q(user__email__icontains=value)
        | Q(ofsted_urn__icontains=value)
        | Q(homes__icontains=value)
    )


def own_provider(*, user, partnership: Partnership) -> Provider | None:
    """The user's own provider profile in the partnership (None when they have none or are not a
    provider there)."""
    if not can_notify(user=user, partnership=partnership):
        return None
    return Provider.objects.filter(user=user, partnership=partnership).first()


def own_notifications(*, user, partnership: Partnership) -> QuerySet[Entry]:
    """The user's own placement notifications, newest first (none for anyone but a provider)."""
    provider = own_provider(user=user, partnership=partnership)
    if provider is None:
        return Entry.objects.none()
    return (
        Entry.objects.filter(partnership=partnership, provider=provider, kind_code=NOTIFICATION_KIND)
        .select_related("kind")
        .order_by("-recorded_at", "-pk")
    )


def own_notification(*, user, partnership: Partnership, pk: int) -> Entry | None:
    """One of the user's own notifications, or None (another provider's, say)."""
    return own_notifications(user=user, partnership=partnership).select_related("response").filter(pk=pk).first()


def drafts_to_finish(*, user, partnership: Partnership) -> QuerySet[Entry]:
    """The provider's notifications whose risk assessment is not yet submitted."""
    return own_notifications(user=user, partnership=partnership).filter(status=Entry.Status.DRAFT)


def waiting_for_provider(*, user, partnership, today):
    """What waits for a provider, as the home page would list it: "My notifications" is their home
    page, since they do not see the partnership's (``partnerships/_waiting.html``)."""
    from assure.core.waiting import waiting_for, waiting_kinds
    from assure.partnerships.selectors.home import Home, Waiting

    labels = {kind.key: kind.label for kind in waiting_kinds()}
    items = waiting_for(user=user, partnership=partnership, today=today)
    return Home(waiting=[Waiting(item=item, label=labels.get(item.kind, "")) for item in items])
