"""Changes to meetings' business: the agenda and its papers, publishing it to those who attend,
the decisions and minutes recorded against each item (a confidential item's in a restricted
confidential minute, never in the open item), actions raised from an item, and the approval of
the minutes at the next meeting of the same body."""

import datetime as dt
import secrets

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from assure.accounts.models import User
from assure.actions.models import Action
from assure.actions.services import action_create
from assure.audit.services import event_record
from assure.core.links import linked_record
from assure.core.navigation import partnership_url
from assure.core.services import model_update
from assure.notifications.services import notify
from assure.partnerships.models import Agency, Meeting
from assure.partnerships.services.meetings import confidential_minute_create

from ..models import AgendaItem, MeetingMinutes
from ..papers import KINDS, extension_of, paper_problem
from ..permissions import ensure_can_manage_agendas, ensure_may_change_agenda
from ..selectors.agendas import attendees_of, next_meeting

PUBLISHED_KIND = "governance.agenda_published"


def _minutes_record(meeting: Meeting) -> MeetingMinutes | None:
    return MeetingMinutes.objects.filter(meeting=meeting).first()


def _ensure_changeable(actor: User, meeting: Meeting) -> None:
    ensure_may_change_agenda(user=actor, meeting=meeting, minutes=_minutes_record(meeting))


def _day(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def _label(item: AgendaItem) -> str:
    return f"item {item.position} of {item.meeting}"


def _renumber(meeting: Meeting) -> None:
    """Number the meeting's items 1, 2, 3... in their order."""
    for number, item in enumerate(AgendaItem.objects.filter(meeting=meeting).order_by("position", "pk"), start=1):
        if item.position != number:
            AgendaItem.objects.filter(pk=item.pk).update(position=number)


# --- the paper ---------------------------------------------------------------------------------


def _paper_record(actor: User, meeting: Meeting, paper: str):
    """The record a paper choice ("<kind key>:<id>") names, as (content type, id, label); a
    ValidationError on "paper" when the person may not see it or it does not exist."""
    key, _, pk = (paper or "").partition(":")
    found = linked_record(user=actor, partnership=meeting.partnership, key=key, pk=pk) if pk else None
    if found is None:
        raise ValidationError({"paper": "Choose a paper from the list: that record is not one you can give."})
    kind, record = found
    return ContentType.objects.get_for_model(record), str(record.pk), kind.describe(record)[:200]


def _clear_paper_record(item: AgendaItem) -> None:
    item.paper_type, item.paper_id, item.paper_label = None, "", ""


def _keep_file(item: AgendaItem, upload: UploadedFile) -> None:
    """Keep the upload as the item's paper under a random name; its own name only in the database."""
    problem = paper_problem(upload)
    if problem:
        raise ValidationError({"paper_file": problem})
    original = (upload.name or "paper").replace("\\", "/").rsplit("/", 1)[-1][:255]
    item.paper_token = secrets.token_urlsafe(32)
    item.paper_file_name = original
    item.paper_file_type = KINDS[extension_of(original)].content_type
    item.paper_file_size = upload.size
    item.paper_file.save(item.paper_token, upload, save=False)


def _forget_file(item: AgendaItem) -> None:
    """Drop the item's uploaded paper; the stored file goes once the transaction commits."""
    if not item.paper_file:
        return
    stored = item.paper_file
    name, storage = stored.name, stored.storage
    transaction.on_commit(lambda: storage.delete(name))
    item.paper_file = ""
    item.paper_token = item.paper_file_name = item.paper_file_type = ""
    item.paper_file_size = None


def _details_problems(meeting: Meeting, title: str, purpose: str, presenter_agency: Agency | None) -> dict[str, str]:
    problems = {}
    if not title:
        problems["title"] = "Enter the item's title."
    if purpose not in AgendaItem.Purpose.values:
        problems["purpose"] = "Choose whether the item is for decision, discussion or information."
    if (
        presenter_agency is not None
        and not presenter_agency.partnership_links.filter(partnership_id=meeting.partnership_id).exists()
    ):
        problems["presenter_agency"] = "Choose one of the partnership's agencies."
    return problems


def _apply_paper(actor: User, item: AgendaItem, *, paper: str, upload: UploadedFile | None, remove_file: bool) -> None:
    """Give the item its paper: a record of Assure, an uploaded document, or none."""
    if paper and upload is not None:
        raise ValidationError(
            {"paper": "Give either a record in Assure or an uploaded document as the paper, not both."}
        )
    if paper:
        item.paper_type, item.paper_id, item.paper_label = _paper_record(actor, item.meeting, paper)
        _forget_file(item)
    elif upload is not None:
        _clear_paper_record(item)
        _forget_file(item)
        _keep_file(item, upload)
        item.paper_label = ""
    else:
        if item.paper_type_id:
            _clear_paper_record(item)
        if remove_file:
            _forget_file(item)


# --- the agenda ----------------------------------------------------------------------------------


@transaction.atomic
def agenda_item_add(
    *,
    actor: User,
    meeting: Meeting,
    title: str,
    purpose: str = AgendaItem.Purpose.DISCUSSION,
    presenter: str = "",
    presenter_agency: Agency | None = None,
    confidential: bool = False,
    paper: str = "",
    upload: UploadedFile | None = None,
) -> AgendaItem:
    """Add an item at the end of the meeting's agenda, with its presenter and its paper (a record
    of Assure chosen from ``paper_choices``, or an uploaded document)."""
    _ensure_changeable(actor, meeting)
    title, presenter = (title or "").strip(), (presenter or "").strip()
    problems = _details_problems(meeting, title, purpose, presenter_agency)
    if problems:
        raise ValidationError(problems)
    last = AgendaItem.objects.filter(meeting=meeting).aggregate(last=Max("position"))["last"] or 0
    item = AgendaItem(
        meeting=meeting,
        position=last + 1,
        title=title,
        purpose=purpose,
        presenter=presenter,
        presenter_agency=presenter_agency,
        confidential=confidential,
    )
    _apply_paper(actor, item, paper=paper, upload=upload, remove_file=False)
    item.full_clean(exclude=["paper_file"])
    item.save()
    event_record(
        actor=actor,
        verb="governance.agenda_item_added",
        target=item,
        partnership=meeting.partnership,
        summary=f"Agenda item added to {meeting}: {item.title}",
        data={"paper": item.paper_label or ("document" if item.paper_file else ""), "confidential": confidential},
    )
    return item


@transaction.atomic
def agenda_item_update(
    *,
    actor: User,
    item: AgendaItem,
    title: str,
    purpose: str,
    presenter: str = "",
    presenter_agency: Agency | None = None,
    confidential: bool = False,
    paper: str = "",
    upload: UploadedFile | None = None,
    remove_file: bool = False,
) -> AgendaItem:
    """Change an item's details or its paper. Without a new paper, a record given before is
    dropped and an uploaded document kept unless ``remove_file``. An item whose minutes are
    recorded cannot move between open and confidential: its minutes are kept where they were
    written."""
    meeting = item.meeting
    _ensure_changeable(actor, meeting)
    title, presenter = (title or "").strip(), (presenter or "").strip()
    problems = _details_problems(meeting, title, purpose, presenter_agency)
    if confidential != item.confidential and item.has_minutes:
        problems["confidential"] = (
            "The minutes of this item are recorded, so it cannot move between open and confidential."
        )
    if problems:
        raise ValidationError(problems)
    before = (item.paper_type_id, item.paper_id, item.paper_token)
    _apply_paper(actor, item, paper=paper, upload=upload, remove_file=remove_file)
    paper_changed = before != (item.paper_type_id, item.paper_id, item.paper_token)
    if paper_changed:
        item.save(
            update_fields=[
                "paper_type",
                "paper_id",
                "paper_label",
                "paper_token",
                "paper_file",
                "paper_file_name",
                "paper_file_type",
                "paper_file_size",
            ]
        )
    changed = model_update(
        instance=item,
        fields=["title", "purpose", "presenter", "presenter_agency", "confidential"],
        data={
            "title": title,
            "purpose": purpose,
            "presenter": presenter,
            "presenter_agency": presenter_agency,
            "confidential": confidential,
        },
    )
    if changed or paper_changed:
        event_record(
            actor=actor,
            verb="governance.agenda_item_updated",
            target=item,
            partnership=meeting.partnership,
            summary=f"Agenda item updated: {_label(item)}",
            data={"changed": changed + (["paper"] if paper_changed else [])},
        )
    return item


@transaction.atomic
def agenda_item_move(*, actor: User, item: AgendaItem, direction: str) -> AgendaItem:
    """Move an item one place up or down the agenda (``direction`` "up" or "down")."""
    meeting = item.meeting
    _ensure_changeable(actor, meeting)
    if direction not in ("up", "down"):
        raise ValidationError("Choose whether to move the item up or down.")
    _renumber(meeting)
    items = list(AgendaItem.objects.filter(meeting=meeting).order_by("position", "pk"))
    index = next(i for i, other in enumerate(items) if other.pk == item.pk)
    swap = index - 1 if direction == "up" else index + 1
    if not 0 <= swap < len(items):
        return item
    other = items[swap]
    mine, theirs = items[index].position, other.position
    AgendaItem.objects.filter(pk=item.pk).update(position=theirs)
    AgendaItem.objects.filter(pk=other.pk).update(position=mine)
    item.position = theirs
    event_record(
        actor=actor,
        verb="governance.agenda_item_moved",
        target=item,
        partnership=meeting.partnership,
        summary=f"Agenda item moved {direction} to {_label(item)}: {item.title}",
    )
    return item


@transaction.atomic
def agenda_item_remove(*, actor: User, item: AgendaItem) -> None:
    """Take an item off the agenda (its uploaded paper too). Refused once its minutes are
    recorded or an action has been raised from it: the record of the meeting would lose them."""
    meeting = item.meeting
    _ensure_changeable(actor, meeting)
    if item.has_minutes:
        raise ValidationError("The minutes of this item are recorded: it stays on the agenda.")
    raised = Action.objects.filter(
        source_type=ContentType.objects.get_for_model(AgendaItem), source_id=str(item.pk)
    ).exists()
    if raised:
        raise ValidationError("An action has been raised from this item: it stays on the agenda.")
    event_record(
        actor=actor,
        verb="governance.agenda_item_removed",
        target=meeting,
        partnership=meeting.partnership,
        summary=f"Agenda item removed from {meeting}: {item.title}",
    )
    _forget_file(item)
    item.delete()
    _renumber(meeting)


@transaction.atomic
def agenda_publish(*, actor: User, meeting: Meeting, today: dt.date | None = None) -> MeetingMinutes:
    """Send the agenda and its papers to those who attend the meeting (see ``attendees_of``),
    each with a link to the agenda. Publishing again, after a late paper, sends it again."""
    _ensure_changeable(actor, meeting)
    today = today or timezone.localdate()
    if meeting.held_on < today:
        raise ValidationError("The meeting has taken place: its agenda can no longer be sent out.")
    count = AgendaItem.objects.filter(meeting=meeting).count()
    if not count:
        raise ValidationError("Add the meeting's items before you publish its agenda.")
    record, _ = MeetingMinutes.objects.get_or_create(meeting=meeting)
    again = record.is_agenda_published
    record.agenda_published_at, record.agenda_published_by = timezone.now(), actor
    record.save(update_fields=["agenda_published_at", "agenda_published_by"])
    recipients = list(attendees_of(user=actor, meeting=meeting))
    when = f"{meeting.held_on:%A} {_day(meeting.held_on)}"
    notify(
        recipients=recipients,
        partnership=meeting.partnership,
        kind=PUBLISHED_KIND,
        subject=f"{'Updated agenda' if again else 'Agenda and papers'}: {meeting.body_name} meeting, {when}",
        body=(
            f"The agenda {'has been updated' if again else 'and papers are ready'} for the {meeting.body_name.lower()} "
            f"meeting on {when}{f' at {meeting.location}' if meeting.location else ''}: "
            f"{count} item{'s' if count != 1 else ''}. Please read the papers before the meeting."
        ),
        path=partnership_url("governance:agenda", meeting.partnership, meeting=meeting.pk),
        target=meeting,
    )
    event_record(
        actor=actor,
        verb="governance.agenda_published",
        target=meeting,
        partnership=meeting.partnership,
        summary=f"Agenda {'sent again' if again else 'published'} for {meeting}",
        data={"items": count, "recipients": len(recipients)},
    )
    return record


# --- after the meeting ---------------------------------------------------------------------------


@transaction.atomic
def item_minutes_record(
    *, actor: User, item: AgendaItem, decision: str = "", minutes: str = "", today: dt.date | None = None
) -> AgendaItem:
    """Record what the meeting decided on an item and the minutes of its discussion, once the
    meeting has taken place. A confidential item's decision and minutes become a confidential
    minute of the meeting (restricted, read only with a grant), and nothing of them is kept on
    the open item; they are recorded once."""
    meeting = item.meeting
    _ensure_changeable(actor, meeting)
    today = today or timezone.localdate()
    if meeting.held_on > today:
        raise ValidationError("Minutes can be recorded once the meeting has taken place.")
    decision, minutes = (decision or "").strip(), (minutes or "").strip()
    if not decision and not minutes:
        raise ValidationError({"minutes": "Enter the decision or the minutes of the item."})
    MeetingMinutes.objects.get_or_create(meeting=meeting)
    if item.confidential:
        if item.confidential_minute_id:
            raise ValidationError(
                "The minutes of this confidential item are recorded. Add a correction as a further confidential "
                "item on the meeting's page."
            )
        text = "\n\n".join(part for part in (f"Decision: {decision}" if decision else "", minutes) if part)
        minute = confidential_minute_create(actor=actor, meeting=meeting, heading=item.title, text=text)
        item.confidential_minute = minute
        item.save(update_fields=["confidential_minute"])
        changed = ["confidential_minute"]
    else:
        changed = model_update(
            instance=item, fields=["decision", "minutes"], data={"decision": decision, "minutes": minutes}
        )
    MeetingMinutes.objects.filter(meeting=meeting).update(updated_at=timezone.now())
    if changed:
        event_record(
            actor=actor,
            verb="governance.item_minuted",
            target=item,
            partnership=meeting.partnership,
            summary=f"Minutes recorded for {_label(item)}"
            + (" (confidential)" if item.confidential else f": {item.title}"),
        )
    return item


@transaction.atomic
def item_action_raise(
    *,
    actor: User,
    item: AgendaItem,
    title: str,
    owner_agency: Agency,
    due_on: dt.date,
    description: str = "",
    owner: User | None = None,
    owner_name: str = "",
    rag: str = "",
) -> Action:
    """Raise an action in the tracker from an agenda item (the item is its source); the action's
    own rules (owners of this partnership, a due date not past) are action_create's."""
    meeting = item.meeting
    ensure_can_manage_agendas(user=actor, partnership=meeting.partnership)
    label = f"{meeting.body_name} meeting {_day(meeting.held_on)}: " + (
        f"item {item.position} (confidential)" if item.confidential else item.title
    )
    action = action_create(
        actor=actor,
        partnership=meeting.partnership,
        title=title,
        owner_agency=owner_agency,
        due_on=due_on,
        description=description,
        owner=owner,
        owner_name=owner_name,
        rag=rag,
        source=item,
        source_label=label,
    )
    event_record(
        actor=actor,
        verb="governance.item_action_raised",
        target=item,
        partnership=meeting.partnership,
        summary=f"Action {action.reference} raised from {_label(item)}",
    )
    return action


@transaction.atomic
def minutes_approve(
    *, actor: User, meeting: Meeting, amendments: str = "", today: dt.date | None = None
) -> MeetingMinutes:
    """Record that the meeting's minutes were approved, with any amendments, at the next meeting
    of the same body, once that meeting has taken place. Approved minutes are final."""
    _ensure_changeable(actor, meeting)
    today = today or timezone.localdate()
    approving = next_meeting(user=actor, meeting=meeting)
    if approving is None:
        raise ValidationError(
            f"Minutes are approved at the next meeting of the {meeting.body_name.lower()}: add that meeting first."
        )
    if approving.held_on > today:
        raise ValidationError(
            f"The minutes are approved at the meeting on {_day(approving.held_on)}: record it once it has taken place."
        )
    if not AgendaItem.objects.filter(meeting=meeting).exists():
        raise ValidationError("This meeting has no agenda, so it has no minutes to approve.")
    record, _ = MeetingMinutes.objects.get_or_create(meeting=meeting)
    record.status = MeetingMinutes.Status.APPROVED
    record.approved_at_meeting = approving
    record.approved_on = approving.held_on
    record.approved_by = actor
    record.amendments = (amendments or "").strip()
    record.updated_at = timezone.now()
    record.full_clean()
    record.save()
    event_record(
        actor=actor,
        verb="governance.minutes_approved",
        target=record,
        partnership=meeting.partnership,
        summary=f"Minutes of {meeting} approved at the meeting of {_day(approving.held_on)}"
        + (" with amendments" if record.amendments else ""),
    )
    return record
