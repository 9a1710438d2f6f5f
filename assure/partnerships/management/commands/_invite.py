"""The invitation's link needs the site's address, which a command has no request to give: the
commands take it (``--site``) and send the e-mail inside a request made for that address."""

from contextlib import contextmanager
from urllib.parse import urlsplit

from allauth.core.context import request_context
from django.core.exceptions import DisallowedHost
from django.core.management.base import CommandError
from django.test import RequestFactory


@contextmanager
def site_request(site: str):
    parts = urlsplit(site)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise CommandError(f"Give the site's address with its scheme, like https://assure.example.org (not {site}).")
    request = RequestFactory().get("/", HTTP_HOST=parts.netloc, secure=parts.scheme == "https")
    try:
        request.get_host()
    except DisallowedHost as error:
        raise CommandError(f"{parts.netloc} is not one of the site's addresses (DJANGO_ALLOWED_HOSTS).") from error
    with request_context(request):
        yield request


def add_site_argument(parser) -> None:
    parser.add_argument(
        "--site",
        help="The address people open Assure at, like https://assure.example.org: the invitation's link uses it.",
    )
