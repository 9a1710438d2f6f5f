"""Recording a child's death: the manager's notification, an agency's draft (which the manager
confirms), corrections, duplicates and passing a death to the child's home panel.

A death is numbered CD-0001 across the installation, since a death passed between panels keeps
its reference. The child is held with the least identifying data the review needs (the library's
``cdop-field`` kind says what and why); summaries, events and e-mails name the reference only.
Statuses move only through ``assure/cdop/pipeline.py``. Every message names its field."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models.functions import Length
from django.utils import timezone

from assure.accounts.models import Membership
from assure.audit.services import event_record
from assure.core.computations import records_changed
from assure.core.navigation import partnership_url
from assure.core.services import model_update
from assure.library.selectors import current_items
from assure.notifications.services import notify
from assure.partnerships.models import Partnership, PartnershipAgency
from assure.partnerships.years import financial_year_of

from ..models import ChildDeath, Panel, PanelPartnership
from ..permissions import can_manage_cases, ensure_can_manage_cases, ensure_can_notify
from ..pipeline import move
from ..selectors.panels import panels_of

OWNER = "cdop"
PREFIX = "CD-"
DIGITS = 4
OLDEST_CHILD = 17
# Concurrent notifications may pick the same number; the unique reference refuses the second,
# which then takes the next.
NUMBER_ATTEMPTS = 5

# The fields of a death's record that the notification forms set (the agencies involved, a
# many-to-many, are set beside them).
DETAIL_FIELDS = (
    "partnership",
    "home_area",
    "child_name",
    "date_of_birth",
    "sex",
    "ethnicity",
    "date_of_death",
    "time_of_death",
    "place_of_death",
    "expected",
    "designated_doctor_confirmed",
    "post_mortem_required",
    "certificate_issued",
    "cause_on_certificate",
    "circumstances",
    "suspected_home_stillbirth",
    "notified_on",
    "notifier_name",
    "notifier_role",
    "notifier_agency",
    "jar_needed",
    "jar_met_on",
)
# What an agency's form leaves to the manager.
AGENCY_FIELDS = tuple(name for name in DETAIL_FIELDS if name not in ("jar_needed", "jar_met_on", "notifier_agency"))
TEXT_FIELDS = {
    "home_area",
    "child_name",
    "ethnicity",
    "place_of_death",
    "cause_on_certificate",
    "circumstances",
    "notifier_name",
    "notifier_role",
}


def _d(day: dt.date) -> str:
    return f"{day:%-d %B %Y}"


def _eighteenth_birthday(born: dt.date) -> dt.date:
    try:
        return born.replace(year=born.year + 18)
    except ValueError:  # born on 29 February
        return born.replace(year=born.year + 18, day=28) + dt.timedelta(days=1)


def _codes(kind: str) -> set[str]:
    return set(current_items(kind=kind).values_list("code", flat=True))


def _panel_partnership_ids(panel: Panel) -> set[int]:
    return set(
        PanelPartnership.objects.filter(panel=panel, status=PanelPartnership.Status.JOINED).values_list(
            "partnership_id", flat=True
        )
    )


def _home_named(data: dict) -> dict:
    """The services take the child's home partnership as ``home`` (``partnership`` is the
    partnership the person acts in); the record keeps it as ``partnership``."""
    data = dict(data)
    if "home" in data:
        data["partnership"] = data.pop("home")
    return data


def _checked(*, panel: Panel, data: dict, today: dt.date) -> dict:
    """The death's details, cleaned, or a ValidationError keyed by field (the home partnership's
    message on ``home``)."""
    errors: dict[str, str] = {}
    clean = {name: data.get(name) for name in DETAIL_FIELDS}
    for name in TEXT_FIELDS:
        clean[name] = (clean[name] or "").strip()
    for name in ("suspected_home_stillbirth", "jar_needed"):
        clean[name] = bool(clean[name])

    home = clean["partnership"]
    if home is not None:
        if home.pk not in _panel_partnership_ids(panel):
            errors["home"] = "Choose one of the panel's partnerships, or say the child lived elsewhere."
        clean["home_area"] = ""
    elif not clean["home_area"]:
        errors["home_area"] = "Enter the area where the child lived, for a child from outside the panel's partnerships."
    if not clean["child_name"]:
        errors["child_name"] = "Enter the child's name."
    if clean["sex"] not in ChildDeath.Sex.values:
        errors["sex"] = "Choose the child's sex."
    if clean["expected"] not in ChildDeath.Expected.values:
        errors["expected"] = "Say whether the death was expected or unexpected."
    if clean["ethnicity"] and clean["ethnicity"] not in _codes("ethnic-group"):
        errors["ethnicity"] = "Choose one of the ethnic groups."
    if clean["place_of_death"] and clean["place_of_death"] not in _codes("cdop-place"):
        errors["place_of_death"] = "Choose one of the places of death."

    born, died, notified = clean["date_of_birth"], clean["date_of_death"], clean["notified_on"]
    if born is None:
        errors["date_of_birth"] = "Enter the child's date of birth."
    elif born > today:
        errors["date_of_birth"] = "The date of birth must be today or in the past."
    if died is None:
        errors["date_of_death"] = "Enter the date of death."
    elif died > today:
        errors["date_of_death"] = "The date of death must be today or in the past."
    elif born is not None and died < born:
        errors["date_of_death"] = f"The date of death must be on or after the date of birth ({_d(born)})."
    elif born is not None and died >= _eighteenth_birthday(born):
        errors["date_of_death"] = (
            "The child must have been under 18 at death: the panel reviews the deaths of children only."
        )
    if notified is None:
        errors["notified_on"] = "Enter the date the death was notified."
    elif notified > today:
        errors["notified_on"] = "The date notified must be today or in the past."
    elif died is not None and notified < died:
        errors["notified_on"] = f"The date notified must be on or after the date of death ({_d(died)})."

    met = clean["jar_met_on"]
    if met is not None:
        if not clean["jar_needed"]:
            errors["jar_met_on"] = "Give the date the joint agency response met only when one was needed."
        elif met > today:
            errors["jar_met_on"] = "The date the joint agency response met must be today or in the past."
        elif died is not None and met < died:
            errors["jar_met_on"] = f"The joint agency response met on or after the date of death ({_d(died)})."
    agency = clean["notifier_agency"]
    if agency is not None and not _agencies_of_panel(panel).filter(agency=agency).exists():
        errors["notifier_agency"] = "Choose one of the panel's agencies."
    if errors:
        raise ValidationError(errors)
    return clean


def _agencies_of_panel(panel: Panel):
    return PartnershipAgency.objects.filter(partnership_id__in=_panel_partnership_ids(panel), left_on__isnull=True)


def _set_agencies(death: ChildDeath, agencies) -> None:
    if agencies is None:
        return
    allowed = set(_agencies_of_panel(death.panel).values_list("agency_id", flat=True))
    chosen = list(agencies)
    if any(agency.pk not in allowed for agency in chosen):
        raise ValidationError({"agencies_involved": "Choose the panel's agencies only."})
    death.agencies_involved.set(chosen)


def next_death_reference() -> str:
    """The next CD-NNNN after the highest across the installation."""
    last = (
        ChildDeath.objects.filter(reference__regex=rf"^{PREFIX}[0-9]+$")
        .annotate(length=Length("reference"))
        # Zero-padded numbers sort as text within one length; a longer one is always larger.
        .order_by("-length", "-reference")
        .values_list("reference", flat=True)
        .first()
    )
    number = int(last.removeprefix(PREFIX)) + 1 if last else 1
    return f"{PREFIX}{number:0{DIGITS}d}"


def _create_numbered(**fields) -> ChildDeath:
    """Create the death under the next reference, in a savepoint so that a number taken by a
    concurrent transaction meanwhile is retried with the next one (on PostgreSQL and SQLite)."""
    for _attempt in range(NUMBER_ATTEMPTS):
        try:
            with transaction.atomic():
                return ChildDeath.objects.create(reference=next_death_reference(), **fields)
        except IntegrityError:
            continue
    raise IntegrityError("No free child death reference after several attempts.")


def _changed(death: ChildDeath, *days: dt.date | None) -> None:
    years = sorted({financial_year_of(day) for day in (death.date_of_death, death.reviewed_on, *days) if day})
    partnership_ids = sorted(
        {*death.panel.trail_partnership_ids(), *([death.partnership_id] if death.partnership_id else [])}
    )
    records_changed(OWNER, partnership_ids=partnership_ids, years=years)


def _locked(death: ChildDeath) -> ChildDeath:
    return ChildDeath.objects.select_for_update(of=("self",)).select_related("panel", "panel__host").get(pk=death.pk)


def ensure_panel_of(*, partnership: Partnership, panel: Panel) -> None:
    """Refuse a panel the partnership has not joined."""
    if not panels_of(partnership=partnership).filter(pk=panel.pk).exists():
        raise PermissionDenied


def _ensure_manages(*, actor, partnership: Partnership, death: ChildDeath) -> None:
    """The manager of the panel that now reviews the death (a death passed on is the home
    panel's, no longer the recording panel's)."""
    ensure_can_manage_cases(user=actor, partnership=partnership)
    ensure_panel_of(partnership=partnership, panel=death.panel)


@transaction.atomic
def death_notify(*, actor, partnership: Partnership, panel: Panel, agencies_involved=None, **data) -> ChildDeath:
    """The manager records a death notified to the panel: status notified, numbered CD-NNNN."""
    ensure_can_manage_cases(user=actor, partnership=partnership)
    ensure_panel_of(partnership=partnership, panel=panel)
    fields = _checked(panel=panel, data=_home_named(data), today=timezone.localdate())
    death = _create_numbered(
        panel=panel, recorded_by=panel, status=ChildDeath.Status.NOTIFIED, created_by=actor, **fields
    )
    _set_agencies(death, agencies_involved)
    event_record(
        actor=actor,
        verb="cdop.death_notified",
        target=death,
        partnership=partnership,
        summary=f"Child death {death.reference} notified to {panel}",
    )
    _changed(death)
    return death


def cdop_managers(*, partnership: Partnership) -> list:
    """The partnership's child death review managers with the grant, each once."""
    people = {}
    for membership in Membership.objects.filter(partnership=partnership, is_active=True).select_related("user"):
        user = membership.user
        if user.pk not in people and user.is_active and can_manage_cases(user=user, partnership=partnership):
            people[user.pk] = user
    return list(people.values())


@transaction.atomic
def death_draft_from_agency(*, actor, partnership: Partnership, agency, agencies_involved=None, **data) -> ChildDeath:
    """An agency lead notifies a death through the agency form: a draft for the partnership's
    panel, which its managers confirm. The lead cannot read it back: the page they see afterwards
    gives its reference only."""
    ensure_can_notify(user=actor, partnership=partnership)
    panel = panels_of(partnership=partnership).order_by("pk").first()
    if panel is None:
        raise ValidationError("The partnership has no child death overview panel yet: tell its business unit.")
    data = _home_named(data)
    data = {name: data.get(name) for name in AGENCY_FIELDS}
    fields = _checked(
        panel=panel, data={**data, "notifier_agency": agency, "jar_needed": False}, today=timezone.localdate()
    )
    death = _create_numbered(panel=panel, recorded_by=panel, status=ChildDeath.Status.DRAFT, created_by=actor, **fields)
    _set_agencies(death, agencies_involved)
    event_record(
        actor=actor,
        verb="cdop.death_draft_received",
        target=death,
        partnership=partnership,
        summary=f"Child death {death.reference} notified by {agency}" if agency else f"Child death {death.reference}",
    )
    path = partnership_url("cdop:death_detail", partnership, pk=death.pk)
    notify(
        recipients=cdop_managers(partnership=partnership),
        partnership=partnership,
        kind="cdop.draft_received",
        subject=f"Child death notification {death.reference} to confirm",
        body=(
            f"An agency has notified the death of a child, {death.reference}. Open it in Assure, check it "
            "for duplicates and confirm it."
        ),
        path=path,
        target=death,
    )
    return death


@transaction.atomic
def death_confirm(*, actor, partnership: Partnership, death: ChildDeath) -> ChildDeath:
    """The manager confirms an agency's draft (draft to notified), or takes on a death passed to
    the panel from another panel of the installation (passed-on to notified)."""
    death = _locked(death)
    _ensure_manages(actor=actor, partnership=partnership, death=death)
    if death.status == ChildDeath.Status.PASSED_ON and (
        death.passed_on_to_id != death.panel_id or death.recorded_by_id == death.panel_id
    ):
        raise ValidationError({"status": f"{death.reference} was passed to a panel outside Assure."})
    step = move(death, ChildDeath.Status.NOTIFIED)
    death.status = ChildDeath.Status.NOTIFIED
    death.save(update_fields=["status"])
    event_record(
        actor=actor,
        verb=step.verb,
        target=death,
        partnership=partnership,
        summary=f"Child death {death.reference} {step.done.lower()}",
    )
    _changed(death)
    return death


@transaction.atomic
def death_update(*, actor, partnership: Partnership, death: ChildDeath, agencies_involved=None, **data) -> ChildDeath:
    """Correct the death's details while it is a draft, notified or paused."""
    death = _locked(death)
    _ensure_manages(actor=actor, partnership=partnership, death=death)
    if not death.is_editable:
        raise ValidationError(
            {"status": f"{death.reference} is {death.get_status_display().lower()}: its details cannot change."}
        )
    data = _home_named(data)
    unknown = set(data) - set(DETAIL_FIELDS)
    if unknown:
        raise ValueError(f"death_update does not set {', '.join(sorted(unknown))}")
    current = {name: getattr(death, name) for name in DETAIL_FIELDS}
    fields = _checked(panel=death.panel, data={**current, **data}, today=timezone.localdate())
    before = death.date_of_death
    changed = model_update(instance=death, fields=DETAIL_FIELDS, data=fields)
    if agencies_involved is not None:
        before_agencies = set(death.agencies_involved.values_list("pk", flat=True))
        _set_agencies(death, agencies_involved)
        if {agency.pk for agency in agencies_involved} != before_agencies:
            changed.append("agencies_involved")
    if changed:
        event_record(
            actor=actor,
            verb="cdop.death_updated",
            target=death,
            partnership=partnership,
            summary=f"Child death {death.reference} changed",
            data={"fields": changed},
        )
        _changed(death, before)
    return death


@transaction.atomic
def death_mark_duplicate(*, actor, partnership: Partnership, death: ChildDeath, of: ChildDeath) -> ChildDeath:
    """The death is the same child as ``of``: it is closed as a duplicate, pointing at it."""
    death = _locked(death)
    _ensure_manages(actor=actor, partnership=partnership, death=death)
    if of.pk == death.pk:
        raise ValidationError({"of": "Choose another death: a death cannot duplicate itself."})
    if of.status == ChildDeath.Status.DUPLICATE:
        raise ValidationError({"of": f"{of.reference} is itself a duplicate: choose the death it duplicates."})
    if not panels_of(partnership=partnership).filter(pk__in=[of.panel_id, of.recorded_by_id]).exists():
        raise ValidationError({"of": "Choose one of the panel's deaths."})
    step = move(death, ChildDeath.Status.DUPLICATE)
    death.status, death.duplicate_of = ChildDeath.Status.DUPLICATE, of
    death.save(update_fields=["status", "duplicate_of"])
    event_record(
        actor=actor,
        verb=step.verb,
        target=death,
        partnership=partnership,
        summary=f"Child death {death.reference} marked as a duplicate of {of.reference}",
        data={"of": of.reference},
    )
    _changed(death)
    return death


@transaction.atomic
def death_mark_not_duplicate(*, actor, partnership: Partnership, death: ChildDeath, other: ChildDeath) -> ChildDeath:
    """The manager has checked that the two deaths are different children: they are no longer
    offered as possible duplicates of each other."""
    death = _locked(death)
    _ensure_manages(actor=actor, partnership=partnership, death=death)
    if other.pk == death.pk:
        raise ValidationError({"other": "Choose another death."})
    death.not_duplicate_of.add(other)
    event_record(
        actor=actor,
        verb="cdop.death_not_duplicate",
        target=death,
        partnership=partnership,
        summary=f"Child deaths {death.reference} and {other.reference} checked: different children",
        data={"other": other.reference},
    )
    return death


@transaction.atomic
def death_pass_on(
    *,
    actor,
    partnership: Partnership,
    death: ChildDeath,
    to_panel: Panel | None = None,
    to_name: str = "",
    passed_on_on: dt.date | None = None,
) -> ChildDeath:
    """Pass a death to the child's home panel, which reviews it (never both panels). A panel of the
    installation takes the death over: it becomes the death's panel (``recorded_by`` stays) and
    its manager takes it on from their home page. A panel outside the installation is named."""
    death = _locked(death)
    _ensure_manages(actor=actor, partnership=partnership, death=death)
    to_name = (to_name or "").strip()
    today = timezone.localdate()
    passed_on_on = passed_on_on or today
    errors: dict[str, str] = {}
    if to_panel is None and not to_name:
        errors["to_panel"] = "Choose the home panel, or name a panel outside Assure."
    elif to_panel is not None and to_name:
        errors["to_name"] = "Choose a panel of Assure or name one outside it, not both."
    elif to_panel is not None and (to_panel.pk == death.panel_id or not to_panel.is_active):
        errors["to_panel"] = "Choose another active panel: the death is already this panel's."
    if passed_on_on > today:
        errors["passed_on_on"] = "The date passed on must be today or in the past."
    elif passed_on_on < death.notified_on:
        errors["passed_on_on"] = f"The date passed on must be on or after the date notified ({_d(death.notified_on)})."
    if errors:
        raise ValidationError(errors)
    step = move(death, ChildDeath.Status.PASSED_ON)
    from_panel = death.panel
    death.status, death.passed_on_on = ChildDeath.Status.PASSED_ON, passed_on_on
    if to_panel is not None:
        death.passed_on_to, death.passed_on_to_name, death.panel = to_panel, "", to_panel
        home = set(
            to_panel.memberships.filter(status=PanelPartnership.Status.JOINED).values_list("partnership_id", flat=True)
        )
        if death.partnership_id and death.partnership_id not in home:
            death.partnership = None
    else:
        death.passed_on_to, death.passed_on_to_name = None, to_name
    death.save(update_fields=["status", "passed_on_on", "passed_on_to", "passed_on_to_name", "panel", "partnership"])
    event_record(
        actor=actor,
        verb=step.verb,
        target=death,
        partnership=partnership,
        summary=f"Child death {death.reference} passed from {from_panel} to {to_panel or to_name}",
        data={"to_panel": to_panel.pk if to_panel else None, "to_name": to_name},
    )
    if to_panel is not None:
        receiving = to_panel.host
        notify(
            recipients=cdop_managers(partnership=receiving),
            partnership=receiving,
            kind="cdop.death_passed_on",
            subject=f"Child death {death.reference} passed to your panel",
            body=f"{from_panel} has passed the death of a child, {death.reference}, to {to_panel} to review.",
            path=partnership_url("cdop:death_detail", receiving, pk=death.pk),
            target=death,
        )
    _changed(death)
    return death
