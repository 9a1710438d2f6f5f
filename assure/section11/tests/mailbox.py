"""Reading the e-mails a test sent: whom each went to, and the page of Assure its link opens."""

import re
from urllib.parse import urlsplit

from django.conf import settings
from django.core import mail
from django.urls import resolve

LINK = re.compile(r"Open it in Assure: (\S+)")


def link_of(message) -> str:
    """The address inside Assure an e-mail links to (its path, with any anchor)."""
    found = LINK.search(message.body)
    assert found, f"no link in {message.subject!r}"
    url = found.group(1)
    assert url.startswith(settings.ASSURE_SITE_URL.rstrip("/"))
    parts = urlsplit(url)
    return parts.path + (f"#{parts.fragment}" if parts.fragment else "")


def page_of(message):
    """The resolved view of an e-mail's link: its URL name and arguments."""
    return resolve(urlsplit(link_of(message)).path)


def sent_to(subject_contains: str = "") -> list[str]:
    """The addresses mailed, one each time, of the e-mails whose subject contains the words."""
    return sorted(address for m in mail.outbox if subject_contains in m.subject for address in m.to)
