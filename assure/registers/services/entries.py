"""Every change to a register's entries: one recorded (on the form, from a row of a monthly upload,
or as a provider's notification), corrected, its embedded questionnaire submitted, or deleted.

An entry is numbered RG-0001 upward in its partnership, under a lock of the partnership's row so
two entries never take the same number. A kind that embeds a questionnaire (the CSE risk
assessment of a placement notification) makes a recorded entry a draft with its questionnaire
started: it counts in the register only once the answers are submitted (``entry_submit``). Every
change that moves the register's figures tells the computed indicators (``records_changed``)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F

from assure.audit.services import event_record
from assure.core.computations import records_changed
from assure.core.references import next_reference
from assure.core.services import model_update
from assure.library.selectors import current_item
from assure.partnerships.years import financial_year_of
from assure.questionnaires.models import Response
from assure.questionnaires.services import response_start, response_submit

from ..fields import ParsedEntry
from ..kinds import RegisterKind
from ..models import Entry
from ..permissions import may_change_entry, may_see_entry, recording_agencies

NUMBER_PREFIX = "RG-"
DIGITS = 4
ENTRY_FIELDS = ("agency_reference", "age", "birth_month", "sex", "area", "values", "occurred_on")
REASON_LENGTH = 300


def _changed(entry: Entry, *also: Entry) -> None:
    years = {financial_year_of(e.occurred_on) for e in (entry, *also) if e.occurred_on}
    records_changed("registers", partnership_ids=[entry.partnership_id], years=years or None)


def next_number(partnership) -> str:
    """The partnership's next entry number (RG-0043 after RG-0042). Call it inside the
    transaction that saves the entry: it locks the partnership's row."""
    return next_reference(
        partnership=partnership,
        records=Entry.objects.filter(partnership=partnership).annotate(reference=F("number")),
        prefix=NUMBER_PREFIX,
        digits=DIGITS,
    )


@transaction.atomic
def entry_record(
    *,
    actor,
    partnership,
    kind: RegisterKind,
    agency,
    parsed: ParsedEntry,
    source: str = Entry.Source.FORM,
    upload=None,
    provider=None,
    status: str = Entry.Status.SUBMITTED,
) -> Entry:
    """Record an entry of ``kind`` held by ``agency``, as ``fields.parse_entry`` read it.

    On the form the user must be one who records the kind for the agency; an upload's or a
    provider's caller has checked its own permission. A kind with a questionnaire starts its
    response and makes the entry a draft until the answers are submitted, except from an upload
    (an extract carries no answers). An upload's caller tells the computed figures once for the
    whole file, so a row does not."""
    if source == Entry.Source.FORM and agency not in recording_agencies(user=actor, partnership=partnership, kind=kind):
        raise PermissionDenied
    if agency.agency_type.code not in kind.spec.recorded_by:
        raise ValidationError({"agency": f"{agency.name} is not an agency that records {kind.title}."})
    questionnaire = None
    if kind.spec.questionnaire and source != Entry.Source.UPLOAD:
        questionnaire = current_item(kind="questionnaire", code=kind.spec.questionnaire)
        if questionnaire is None:
            raise ValidationError(
                f"The questionnaire {kind.title} asks for is not in the library: tell the business unit."
            )
        status = Entry.Status.DRAFT
    entry = Entry(
        partnership=partnership,
        kind=kind.item,
        kind_code=kind.code,
        number=next_number(partnership),
        agency=agency,
        agency_reference=parsed.agency_reference,
        age=parsed.age,
        birth_month=parsed.birth_month,
        sex=parsed.sex,
        area=parsed.area,
        occurred_on=parsed.occurred_on,
        values=parsed.values,
        status=status,
        source=source,
        upload=upload,
        provider=provider,
        recorded_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    entry.full_clean(exclude=["kind", "upload", "provider", "response"])
    entry.save()
    if questionnaire is not None:
        entry.response = response_start(
            actor=actor, partnership=partnership, questionnaire=questionnaire, about=entry, agency=agency
        )
        entry.save(update_fields=["response"])
    if source != Entry.Source.UPLOAD:
        event_record(
            actor=actor,
            verb="registers.entry_recorded",
            target=entry,
            partnership=partnership,
            summary=f"{kind.title}: entry {entry.number} recorded for {agency.name}",
            data={"kind": kind.code, "agency": agency.pk, "source": source, "status": status},
        )
        if entry.is_submitted:
            _changed(entry)
    return entry


@transaction.atomic
def entry_update(*, actor, entry: Entry, parsed: ParsedEntry) -> list[str]:
    """Correct an entry with what the form read; returns the fields changed (their history is
    kept, field by field)."""
    partnership = entry.partnership
    if not may_change_entry(user=actor, partnership=partnership, entry=entry):
        raise PermissionDenied
    entry = Entry.objects.select_for_update(of=("self",)).get(pk=entry.pk)
    before = Entry(occurred_on=entry.occurred_on, partnership_id=entry.partnership_id)
    changed = model_update(
        instance=entry,
        fields=ENTRY_FIELDS,
        data={
            "agency_reference": parsed.agency_reference,
            "age": parsed.age,
            "birth_month": parsed.birth_month,
            "sex": parsed.sex,
            "area": parsed.area,
            "values": parsed.values,
            "occurred_on": parsed.occurred_on,
        },
    )
    if changed:
        event_record(
            actor=actor,
            verb="registers.entry_changed",
            target=entry,
            partnership=partnership,
            summary=f"Register entry {entry.number} corrected",
            data={"changed": changed},
        )
        if entry.is_submitted:
            _changed(entry, before)
    return changed


@transaction.atomic
def entry_submit(*, actor, entry: Entry, response: Response) -> Entry:
    """Submit the answers to the questionnaire an entry embeds, which submits the entry: it
    counts in the register from now on. Raises ValidationError keyed by question for what the
    answers still need."""
    partnership = entry.partnership
    entry = Entry.objects.select_for_update(of=("self",)).get(pk=entry.pk)
    if not may_change_entry(user=actor, partnership=partnership, entry=entry) or entry.response_id != response.pk:
        raise PermissionDenied
    if entry.is_submitted:
        raise ValidationError(f"Entry {entry.number} has already been submitted.")
    response_submit(actor=actor, response=response, summary=f"The answers of register entry {entry.number} submitted")
    entry.status = Entry.Status.SUBMITTED
    entry.save(update_fields=["status"])
    event_record(
        actor=actor,
        verb="registers.entry_submitted",
        target=entry,
        partnership=partnership,
        summary=f"Register entry {entry.number} submitted with its answers",
    )
    _changed(entry)
    return entry


@transaction.atomic
def entry_delete(*, actor, entry: Entry, reason: str) -> None:
    """Delete an entry recorded in error (with its questionnaire's answers), saying why; the
    trail keeps its number, its kind and the reason, never its identifiers."""
    partnership = entry.partnership
    if not may_see_entry(user=actor, partnership=partnership, entry=entry) or not may_change_entry(
        user=actor, partnership=partnership, entry=entry
    ):
        raise PermissionDenied
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": "Say why the entry is being deleted, e.g. recorded twice."})
    if len(reason) > REASON_LENGTH:
        raise ValidationError({"reason": f"Use {REASON_LENGTH} characters or fewer."})
    counted = entry.is_submitted
    number, kind_code, response_id = entry.number, entry.kind_code, entry.response_id
    event_record(
        actor=actor,
        verb="registers.entry_deleted",
        target=None,
        partnership=partnership,
        summary=f"Register entry {number} deleted: {reason}",
        data={"kind": kind_code, "number": number, "agency": entry.agency_id},
    )
    gone = Entry(occurred_on=entry.occurred_on, partnership_id=entry.partnership_id)
    entry.delete()
    if response_id:
        Response.objects.filter(pk=response_id).delete()
    if counted:
        _changed(gone)
