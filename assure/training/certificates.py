"""A delegate's certificate of attendance: one page of PDF with their name, the course, its level,
the date and length of the session, the learning outcomes and the partnership. Given only once
the register shows they attended and they have given their evaluation after the course (see
``evaluation_rules.certificate_refusal``).

WeasyPrint lays the page out from ``training/certificate.html`` with ``certificate.css``, tagged for accessibility
(PDF/UA-1); everything it shows is inside its HTML, so it fetches no file and nothing from the
network."""

from pathlib import Path

from django.template.loader import render_to_string
from django.utils import timezone
from weasyprint import CSS, HTML
from weasyprint.urls import URLFetcher

from assure.library.selectors import current_item

from .models import Booking

PDF_VARIANT = "pdf/ua-1"
STYLESHEET = Path(__file__).parent / "static" / "training" / "certificate.css"


def _duration(booking: Booking) -> str:
    minutes = int((booking.session.ends_at - booking.session.starts_at).total_seconds() // 60)
    hours, rest = divmod(minutes, 60)
    parts = []
    if hours:
        parts.append(f"{hours} hour{'s' if hours != 1 else ''}")
    if rest:
        parts.append(f"{rest} minutes")
    return " and ".join(parts) or "Less than a minute"


def _level(code: str) -> str:
    """The level's title from the library's training levels (shared by every partnership)."""
    item = current_item(kind="training-level", code=code)
    return item.title if item is not None else code


def certificate_context(booking: Booking) -> dict:
    session = booking.session
    course = session.course
    return {
        "name": booking.practitioner.user.full_name or booking.practitioner.user.email,
        "course": course,
        "session": session,
        "title": session.display_title,
        "level": _level(course.level),
        "day": timezone.localtime(session.starts_at),
        "duration": _duration(booking),
        "outcomes": list(course.outcomes or []),
        "partnership": booking.partnership,
    }


def certificate_pdf(booking: Booking) -> bytes:
    html = render_to_string("training/certificate.html", certificate_context(booking))
    fetcher = URLFetcher(allowed_protocols={"data"})
    stylesheet = CSS(string=STYLESHEET.read_text(encoding="utf-8"), url_fetcher=fetcher)
    return HTML(string=html, url_fetcher=fetcher).write_pdf(stylesheets=[stylesheet], pdf_variant=PDF_VARIANT)


def certificate_filename(booking: Booking) -> str:
    return f"certificate-{booking.session.reference.lower()}.pdf"
