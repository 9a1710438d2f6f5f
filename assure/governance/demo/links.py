"""The demo's links from governance to the records of other parts of Assure: each board paper
that is a record in Assure (the business plan and its priorities, the exception report and the
board pack, the 2014-15 annual report, a Section 11 cycle, a risk or the risk register, a
challenge) and what the demo's challenges are about (an exception report item, a Section 11
return, an agenda item).

Governance may not import the apps holding those records, and they are written after its own
demo, so this step runs last (``assure.demo`` calls it after the reports) and finds them through
the linkable registry (``assure/core/links.py``), given the business unit, as a person choosing
a paper would. The papers of meetings whose minutes are approved can no longer be changed through
the agenda's services, so the step sets the fields ``agenda_item_update`` sets for a paper."""

import datetime as dt

from django.contrib.contenttypes.models import ContentType

from assure.core.links import LinkableKind, linkable_kind
from assure.demo import region
from assure.partnerships.models import Meeting

from ..models import AgendaItem, Challenge
from .agendas import MEETING_ITEMS, NEXT_MEETING_ITEMS, ItemSpec


class GovernanceDemoFailed(Exception):
    """The demo names a record that no part of Assure holds."""


# What the demo's challenges are about, by subject: (kind key, texts its label holds). An
# exception report item is the one of the report made for ``ABOUT_REPORT_DAY`` (None: the newest).
CHALLENGE_ABOUTS: dict[str, tuple[str, tuple[str, ...], dt.date | None]] = {
    "A \u201cprofessional conversation\u201d recorded as the outcome of a referral": (
        "performance.exception-item",
        ("Re-referrals within 12 months",),
        dt.date(2015, 3, 19),
    ),
    "Early years settings' Section 11 audits": (
        "section11.return",
        ("Shropshire Council Education Access Service", "Section 11 audit 2014-15"),
        None,
    ),
    "Challenging unsuitable placements of young people": (
        "governance.agenda-item",
        ("meeting 10 July 2014", "Child sexual exploitation: panel referrals"),
        None,
    ),
    "Attendance at board meetings": (
        "governance.agenda-item",
        ("meeting 10 July 2014", "Probation reorganisation"),
        None,
    ),
    "GP reports to conferences: this year's count": (
        "performance.exception-item",
        ("Conference absences due to the GP",),
        None,
    ),
}


def _kind(key: str) -> LinkableKind:
    kind = linkable_kind(key)
    if kind is None:
        raise GovernanceDemoFailed(f"No kind of record {key} is registered.")
    return kind


def _held_on(record) -> dt.date | None:
    """The day of the meeting an exception report item's report was made for."""
    meeting = getattr(getattr(record, "report", None), "meeting", None)
    return getattr(meeting, "held_on", None)


def _record(key: str, texts: tuple[str, ...], *, actor, partnership, report_day: dt.date | None = None):
    """The record of kind ``key`` whose label holds every one of ``texts``: the first in the
    kind's own order (newest first), or for an exception report item the one of the report
    made for ``report_day`` (None: the newest report)."""
    kind = _kind(key)
    found = [
        kind.find(user=actor, partnership=partnership, pk=pk)
        for pk, label in kind.choices(user=actor, partnership=partnership)
        if all(text in label for text in texts)
    ]
    found = [record for record in found if record is not None]
    if key == "performance.exception-item" and found:
        days = {_held_on(record) for record in found} - {None}
        wanted = report_day or (max(days) if days else None)
        found = [record for record in found if _held_on(record) == wanted]
    if not found:
        raise GovernanceDemoFailed(
            f"The demo names {' / '.join(texts)}, which Shropshire does not hold as {kind.label}."
        )
    return kind, found[0]


def _link_fields(kind: LinkableKind, record) -> tuple[ContentType, str, str]:
    return ContentType.objects.get_for_model(record), str(record.pk), kind.describe(record)[:200]


def _link_papers(meeting: Meeting, specs: tuple[ItemSpec, ...], *, actor) -> int:
    linked = 0
    items = {item.title: item for item in AgendaItem.objects.filter(meeting=meeting)}
    for spec in specs:
        item = items.get(spec.title)
        if item is None or not spec.link or item.paper_type_id:
            continue
        key, text = spec.link
        kind, record = _record(key, (text,), actor=actor, partnership=meeting.partnership)
        content_type, pk, label = _link_fields(kind, record)
        AgendaItem.objects.filter(pk=item.pk).update(paper_type=content_type, paper_id=pk, paper_label=label)
        linked += 1
    return linked


def _link_abouts(partnership, *, actor) -> int:
    linked = 0
    for challenge in Challenge.objects.filter(partnership=partnership, subject__in=CHALLENGE_ABOUTS):
        key, texts, report_day = CHALLENGE_ABOUTS[challenge.subject]
        kind, record = _record(key, texts, actor=actor, partnership=partnership, report_day=report_day)
        content_type, pk, label = _link_fields(kind, record)
        Challenge.objects.filter(pk=challenge.pk).update(source_type=content_type, source_id=pk, source_label=label)
        linked += 1
    return linked


def governance_demo_links(*, partnerships: dict, users: dict) -> int:
    """Link the demo's board papers and challenges to the records they are; the number of links."""
    partnership = partnerships[region.SHROPSHIRE]
    actor = users[(region.SHROPSHIRE, "business-unit")]
    board = Meeting.objects.filter(partnership=partnership, subgroup=None)
    linked = 0
    for meeting in board.filter(held_on__in=list(MEETING_ITEMS)):
        linked += _link_papers(meeting, MEETING_ITEMS[meeting.held_on], actor=actor)
    # The next meeting, the latest of the current year: its agenda is published with its papers.
    upcoming = board.filter(held_on__gt=max(MEETING_ITEMS)).order_by("-held_on").first()
    if upcoming is not None:
        linked += _link_papers(upcoming, NEXT_MEETING_ITEMS, actor=actor)
    return linked + _link_abouts(partnership, actor=actor)
