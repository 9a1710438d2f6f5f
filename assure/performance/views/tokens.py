"""The API token page: whether you have a token, create one (its key shown once), revoke it."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers

from assure.core.access import requires

from ..api.services import api_token_create, api_token_of, api_token_revoke


def _token_page(request: HttpRequest) -> str:
    return reverse("performance:api_token", kwargs={"partnership": request.partnership.slug})


@requires("performance.view")
def api_token(request: HttpRequest) -> HttpResponse:
    partnership = request.partnership
    errors: list[str] = []
    created = None
    if request.method == "POST":
        try:
            created = api_token_create(actor=request.user, partnership=partnership)
        except ValidationError as error:
            errors = error.messages
    token = created or api_token_of(user=request.user)
    response = render(
        request,
        "accounts/api_token.html",
        {
            "token": token,
            # The key is on screen only in the answer to the request that made it.
            "new_key": created.key if created else None,
            "errors": errors,
            "api_url": request.build_absolute_uri(
                reverse("performance:api_observations", kwargs={"partnership": partnership.slug})
            ),
        },
    )
    add_never_cache_headers(response)
    return response


@requires("performance.view")
def api_token_revoke_view(request: HttpRequest) -> HttpResponse:
    token = api_token_of(user=request.user)
    if request.method == "POST":
        try:
            api_token_revoke(actor=request.user, partnership=request.partnership)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, "Your API token was revoked. Requests that use it are now refused.")
        return redirect(_token_page(request))
    return render(request, "accounts/api_token_revoke.html", {"token": token, "back": _token_page(request)})
