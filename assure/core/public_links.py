"""What the public pages reached by a link in an e-mail share (a public referral form's
confirmation and status pages, an employer's answer page): the partnership of the address, the
response headers that keep the link's secret private, and the per-network limit on public forms.

The secret is in the path, so each such page is private and never stored, never sends its
address to another site, and a refusal is kept out of the request log (django.request logs every
4xx with its path)."""

import hashlib

from allauth.account.adapter import get_adapter
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control

from assure.partnerships.models import Partnership


def public_partnership_or_404(slug: str) -> Partnership:
    """The partnership of a public page: an active one of that slug. Public, so no user."""
    found = Partnership.objects.filter(slug=slug, is_active=True).first()
    if found is None:
        raise Http404
    return found


def private(response: HttpResponse) -> HttpResponse:
    """The response of a page whose address holds a secret: private, not stored, and its address
    never sent to another site. Not "no-referrer": under it browsers send "Origin: null" with the
    page's own forms, which Django's CSRF check refuses."""
    patch_cache_control(response, private=True, no_store=True)
    response["Referrer-Policy"] = "same-origin"
    return response


def not_logged(response: HttpResponse) -> HttpResponse:
    """Keep a refusal out of the request log (its path holds a link's secret)."""
    response._has_been_logged = True  # noqa: SLF001 - Django's own marker for a response already logged
    return response


class RateLimit:
    """At most ``limit`` forms sent from one network in ``window_seconds``; the network's address
    is kept only as a digest in the cache."""

    def __init__(self, scope: str, *, limit: int, window_seconds: int = 60 * 60) -> None:
        self.scope = scope
        self.limit = limit
        self.window_seconds = window_seconds

    def key(self, request: HttpRequest) -> str:
        try:
            address = get_adapter(request).get_client_ip(request)
        except PermissionDenied:
            address = "unknown"
        return f"{self.scope}:" + hashlib.sha256(address.encode()).hexdigest()

    def reached(self, key: str) -> bool:
        return (cache.get(key) or 0) >= self.limit

    def count(self, key: str) -> None:
        if not cache.add(key, 1, self.window_seconds):
            try:
                cache.incr(key)
            except ValueError:
                cache.set(key, 1, self.window_seconds)
