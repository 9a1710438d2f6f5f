"""Every view declares who may use it, with one of three decorators:

- ``@public``: anyone, signed in or not (sign-in, accessibility statement);
- ``@signed_in``: any signed-in person (their own partnerships list, their account);
- ``@requires("app.permission")``: a member of the partnership named by the URL's
  ``partnership`` slug whose roles grant that permission;
- ``@requires_installation("app.permission")``: a person whose installation role (the
  operator's) grants that permission, for the few pages of the whole installation rather than of
  one partnership (importing the published statistics every partnership shares).

The declaration is kept on the view as ``assure_access``; the permission-matrix test reads it
for every URL of the project, and a view without one fails that test. Denial is by default: a
partnership the person does not belong to answers 404 (its existence is not confirmed), a
missing permission 403.
"""

from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse

View = Callable[..., HttpResponse]


@dataclass(frozen=True)
class Access:
    kind: str  # "public" | "signed_in" | "partnership" | "installation"
    permission: str | None = None

    def __str__(self) -> str:
        return self.permission or self.kind


PUBLIC = Access("public")
SIGNED_IN = Access("signed_in")


def declare(view: View, access: Access) -> View:
    view.assure_access = access  # type: ignore[attr-defined]
    return view


def public(view: View) -> View:
    """Open to everyone."""
    return declare(view, PUBLIC)


def signed_in(view: View) -> View:
    """Open to any signed-in person; others are sent to sign in."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return view(request, *args, **kwargs)

    return declare(wrapper, SIGNED_IN)


def requires(permission: str) -> Callable[[View], View]:
    """Open to members of the URL's partnership whose roles grant ``permission``.

    Sets ``request.partnership`` for the view.
    """
    from assure.accounts.permissions import has_permission
    from assure.partnerships.selectors import partnership_for_member

    def decorator(view: View) -> View:
        @wraps(view)
        def wrapper(request: HttpRequest, *args, partnership: str, **kwargs) -> HttpResponse:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            found = partnership_for_member(user=request.user, slug=partnership)
            if found is None:
                raise Http404
            if not has_permission(user=request.user, permission=permission, partnership=found):
                raise PermissionDenied
            request.partnership = found
            return view(request, *args, **kwargs)

        return declare(wrapper, Access("partnership", permission))

    return decorator


def requires_installation(permission: str) -> Callable[[View], View]:
    """Open to people whose installation role grants ``permission``; anyone else signed in is
    refused (403: the page belongs to no partnership, so there is nothing to hide by a 404)."""
    from assure.accounts.permissions import has_installation_permission

    def decorator(view: View) -> View:
        @wraps(view)
        def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not has_installation_permission(user=request.user, permission=permission):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return declare(wrapper, Access("installation", permission))

    return decorator


def declare_included(patterns: list, access: Access) -> list:
    """Declare the access of a third-party URLconf's views (for example allauth's), which keep
    their own checks; the declaration makes them visible to the permission matrix."""
    from django.urls import URLPattern, URLResolver

    for entry in patterns:
        if isinstance(entry, URLResolver):
            declare_included(entry.url_patterns, access)
        elif isinstance(entry, URLPattern):
            callback = entry.callback
            if not hasattr(callback, "assure_access"):
                declare(callback, access)
    return patterns
