"""The handling of an open referral by the designated officer: the initial consideration, the
meetings about it, the police's investigation, the employer's actions, the referrals to the
Disclosure and Barring Service and to a regulator, and closing it with its outcome (or reopening
it, with the reason).

Every service is given the actor and the partnership they work in and checks the permission
first: a designated officer with the ``lado`` grant, on an open referral (``may_handle_referral``).
Dates must have come: none is in the future. The officer's own acts (the consideration, closing)
are not before the referral reached them; what others did (a meeting, the police, the employer)
is not before the employer knew of the allegation. Codes are the library's (``lado-*`` kinds);
the outcome is the ``allegation-outcome`` item itself, the version used. Events name the referral
by its reference, never the person."""

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from assure.audit.services import event_record
from assure.core.computations import records_changed
from assure.core.services import model_update
from assure.library.models import LibraryItem
from assure.library.selectors import current_items

from ..clocks import LONGER, is_allegation, timescale_band, timescales
from ..models import Meeting, Referral
from ..permissions import ensure_may_handle_referral, may_reopen_referral
from ..pipeline import move

MEETING_KIND = "lado-meeting-kind"
POLICE_RESULT = "lado-police-result"
EMPLOYMENT_OUTCOME = "lado-employment-outcome"
REGULATOR = "lado-regulator"
OUTCOME = "allegation-outcome"

# When an allegation is substantiated and the person was dismissed or left (or the employer
# stopped using them), the employer must refer them to the Disclosure and Barring Service
# (Safeguarding Vulnerable Groups Act 2006, s.35): recording "no" is warned about, never refused.
DBS_DUTY_OUTCOME = "substantiated"
DBS_DUTY_EMPLOYMENT = ("dismissed", "resigned", "services-ceased")


def day_text(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def codes_of(kind: str) -> set[str]:
    """The codes of the library's current items of a kind (library data needs no user)."""
    return set(current_items(kind=kind).values_list("code", flat=True))


def _changed(referral: Referral) -> None:
    records_changed("lado", partnership_ids=referral.trail_partnership_ids())


def _day_problem(
    day: dt.date | None, *, what: str, referral: Referral, since_referred: bool, required: bool = True
) -> str | None:
    """Why ``day`` cannot be the date of ``what`` (e.g. "the initial consideration"): missing,
    in the future, or before the referral (``since_referred``) or the employer's knowing."""
    if day is None:
        return f"Enter the date of {what}." if required else None
    if day > timezone.localdate():
        return f"The date of {what} cannot be in the future."
    earliest, since = (
        (referral.date_referred, "the referral")
        if since_referred
        else (referral.date_known, "the employer knew of the allegation")
    )
    if day < earliest:
        return f"The date of {what} cannot be before {since} ({day_text(earliest)})."
    return None


def _record(*, actor, partnership, referral: Referral, verb: str, summary: str, changed: list[str]) -> None:
    if not changed:
        return
    event_record(
        actor=actor,
        verb=verb,
        target=referral,
        partnership=partnership,
        summary=f"{referral.reference}: {summary}",
        data={"changed": changed},
    )
    _changed(referral)


def _raise(problems: dict[str, str]) -> None:
    problems = {field: text for field, text in problems.items() if text}
    if problems:
        raise ValidationError(problems)


# --- the initial consideration ----------------------------------------------------------------------


@transaction.atomic
def consideration_record(
    *,
    actor,
    partnership,
    referral: Referral,
    considered_on: dt.date | None,
    threshold_met: bool | None,
    advice_given: str = "",
) -> list[str]:
    """Record the officer's initial consideration: when, whether the threshold (the harm test) was
    met, and the advice given to the employer (restricted). Returns the fields changed."""
    ensure_may_handle_referral(user=actor, partnership=partnership, referral=referral)
    _raise(
        {
            "considered_on": _day_problem(
                considered_on, what="the initial consideration", referral=referral, since_referred=True
            ),
            "threshold_met": "Choose whether the threshold was met." if threshold_met is None else None,
        }
    )
    changed = model_update(
        instance=referral,
        fields=["considered_on", "threshold_met", "advice_given"],
        data={"considered_on": considered_on, "threshold_met": threshold_met, "advice_given": advice_given.strip()},
    )
    _record(
        actor=actor,
        partnership=partnership,
        referral=referral,
        verb="lado.consideration_recorded",
        summary="initial consideration recorded",
        changed=changed,
    )
    return changed


# --- meetings -------------------------------------------------------------------------------------


def _meeting_problems(referral: Referral, kind: str, held_on: dt.date | None) -> dict[str, str | None]:
    return {
        "kind": None if kind in codes_of(MEETING_KIND) else "Choose the kind of meeting.",
        "held_on": _day_problem(held_on, what="the meeting", referral=referral, since_referred=False),
    }


@transaction.atomic
def meeting_add(
    *,
    actor,
    partnership,
    referral: Referral,
    kind: str,
    held_on: dt.date | None,
    attendees: str = "",
    decisions: str = "",
) -> Meeting:
    """Record a meeting held about the referral (a joint evaluation meeting, a strategy
    discussion, a review or an outcome meeting): who attended, by role and agency, and what was
    decided (restricted)."""
    ensure_may_handle_referral(user=actor, partnership=partnership, referral=referral)
    _raise(_meeting_problems(referral, kind, held_on))
    meeting = Meeting.objects.create(
        referral=referral,
        kind=kind,
        held_on=held_on,
        attendees=attendees.strip(),
        decisions=decisions.strip(),
        created_by=actor,
    )
    event_record(
        actor=actor,
        verb="lado.meeting_added",
        target=referral,
        partnership=partnership,
        summary=f"{referral.reference}: meeting of {day_text(held_on)} recorded",
        data={"meeting": meeting.pk, "kind": kind, "held_on": held_on.isoformat()},
    )
    _changed(referral)
    return meeting


@transaction.atomic
def meeting_update(
    *,
    actor,
    partnership,
    meeting: Meeting,
    kind: str,
    held_on: dt.date | None,
    attendees: str = "",
    decisions: str = "",
) -> list[str]:
    """Correct a meeting's record. Returns the fields changed."""
    referral = meeting.referral
    ensure_may_handle_referral(user=actor, partnership=partnership, referral=referral)
    _raise(_meeting_problems(referral, kind, held_on))
    changed = model_update(
        instance=meeting,
        fields=["kind", "held_on", "attendees", "decisions"],
        data={"kind": kind, "held_on": held_on, "attendees": attendees.strip(), "decisions": decisions.strip()},
    )
    if changed:
        event_record(
            actor=actor,
            verb="lado.meeting_updated",
            target=referral,
            partnership=partnership,
            summary=f"{referral.reference}: meeting of {day_text(meeting.held_on)} changed",
            data={"meeting": meeting.pk, "changed": changed},
        )
        _changed(referral)
    return changed


@transaction.atomic
def meeting_remove(*, actor, partnership, meeting: Meeting) -> None:
    """Remove a meeting recorded in error (the page asks first)."""
    referral = meeting.referral
    ensure_may_handle_referral(user=actor, partnership=partnership, referral=referral)
    held_on, kind, pk = meeting.held_on, meeting.kind, meeting.pk
    meeting.delete()
    event_record(
        actor=actor,
        verb="lado.meeting_removed",
        target=referral,
        partnership=partnership,
        summary=f"{referral.reference}: meeting of {day_text(held_on)} removed",
        data={"meeting": pk, "kind": kind, "held_on": held_on.isoformat()},
    )
    _changed(referral)


# --- the police -----------------------------------------------------------------------------------


@transaction.atomic
def police_record(
    *,
    actor,
    partnership,
    referral: Referral,
    police_investigation: bool | None,
    police_started_on: dt.date | None = None,
    police_result: str = "",
    police_result_on: dt.date | None = None,
) -> list[str]:
    """Record whether the police investigated, from when, and its result (a code of the
    library's ``lado-police-result``) with its date once there is one. Without an investigation
    the dates and result are cleared. Returns the fields changed."""
    ensure_may_handle_referral(user=actor, partnership=partnership, referral=referral)
    problems: dict[str, str | None] = {}
    if police_investigation is None:
        problems["police_investigation"] = "Choose whether the police are investigating."
    elif police_investigation:
        problems["police_started_on"] = _day_problem(
            police_started_on, what="the start of the investigation", referral=referral, since_referred=False
        )
        if police_result and police_result not in codes_of(POLICE_RESULT):
            problems["police_result"] = "Choose a result of the investigation."
        if police_result:
            problems["police_result_on"] = _day_problem(
                police_result_on, what="the result", referral=referral, since_referred=False
            )
            if not problems["police_result_on"] and police_started_on and police_result_on < police_started_on:
                problems["police_result_on"] = "The result cannot come before the investigation started."
        elif police_result_on:
            problems["police_result"] = "Choose the result, or leave its date blank while the police investigate."
    else:
        police_started_on, police_result, police_result_on = None, "", None
    _raise(problems)
    changed = model_update(
        instance=referral,
        fields=["police_investigation", "police_started_on", "police_result", "police_result_on"],
        data={
            "police_investigation": police_investigation,
            "police_started_on": police_started_on,
            "police_result": police_result,
            "police_result_on": police_result_on,
        },
    )
    _record(
        actor=actor,
        partnership=partnership,
        referral=referral,
        verb="lado.police_recorded",
        summary="the police investigation recorded",
        changed=changed,
    )
    return changed


# --- the employer's actions -----------------------------------------------------------------------


@transaction.atomic
def employer_actions_record(
    *,
    actor,
    partnership,
    referral: Referral,
    suspended: bool,
    suspended_from: dt.date | None = None,
    suspended_to: dt.date | None = None,
    redeployed: bool = False,
    disciplinary: bool = False,
    employment_outcome: str = "",
) -> list[str]:
    """Record what the employer did: a suspension from a date (to a date once it ended, not
    before it began), redeployment, a disciplinary process and its outcome for the person's
    employment (a code of the library's ``lado-employment-outcome``). Returns the fields changed."""
    ensure_may_handle_referral(user=actor, partnership=partnership, referral=referral)
    problems: dict[str, str | None] = {}
    if suspended:
        problems["suspended_from"] = _day_problem(
            suspended_from, what="the suspension", referral=referral, since_referred=False
        )
        problems["suspended_to"] = _day_problem(
            suspended_to, what="the end of the suspension", referral=referral, since_referred=False, required=False
        )
        if not problems["suspended_to"] and suspended_from and suspended_to and suspended_to < suspended_from:
            problems["suspended_to"] = "The suspension cannot end before it began."
    else:
        suspended_from = suspended_to = None
    if employment_outcome and employment_outcome not in codes_of(EMPLOYMENT_OUTCOME):
        problems["employment_outcome"] = "Choose an outcome for the person's employment."
    _raise(problems)
    changed = model_update(
        instance=referral,
        fields=["suspended", "suspended_from", "suspended_to", "redeployed", "disciplinary", "employment_outcome"],
        data={
            "suspended": bool(suspended),
            "suspended_from": suspended_from,
            "suspended_to": suspended_to,
            "redeployed": bool(redeployed),
            "disciplinary": bool(disciplinary),
            "employment_outcome": employment_outcome,
        },
    )
    _record(
        actor=actor,
        partnership=partnership,
        referral=referral,
        verb="lado.employer_actions_recorded",
        summary="the employer's actions recorded",
        changed=changed,
    )
    return changed


# --- referrals to the Disclosure and Barring Service and a regulator ------------------------------


def dbs_duty_warning(referral: Referral, outcome_code: str | None = None) -> str:
    """The warning owed when the employer has a legal duty to refer the person to the Disclosure
    and Barring Service and no referral is recorded: the allegation substantiated (``outcome_code``
    or the referral's own outcome) and the person dismissed or gone. Empty otherwise."""
    code = outcome_code or (referral.outcome.code if referral.outcome_id else "")
    if code != DBS_DUTY_OUTCOME or referral.employment_outcome not in DBS_DUTY_EMPLOYMENT:
        return ""
    if referral.dbs_referral:
        return ""
    return (
        f"{referral.reference} is substantiated and the person has left or been dismissed: the employer has a legal "
        "duty to refer them to the Disclosure and Barring Service, but no referral is recorded."
    )


@transaction.atomic
def onward_referrals_record(
    *,
    actor,
    partnership,
    referral: Referral,
    dbs_referral: bool | None,
    dbs_referred_on: dt.date | None = None,
    regulator_referral: bool | None = None,
    regulator: str = "",
    regulator_referred_on: dt.date | None = None,
) -> list[str]:
    """Record whether the person was referred to the Disclosure and Barring Service and to a
    regulator (a code of the library's ``lado-regulator``), each with its date. Returns the fields
    changed; ``dbs_duty_warning`` says when "no" goes against a legal duty."""
    ensure_may_handle_referral(user=actor, partnership=partnership, referral=referral)
    problems: dict[str, str | None] = {}
    if dbs_referral is None:
        problems["dbs_referral"] = "Choose whether the person was referred to the Disclosure and Barring Service."
    elif dbs_referral:
        problems["dbs_referred_on"] = _day_problem(
            dbs_referred_on,
            what="the referral to the Disclosure and Barring Service",
            referral=referral,
            since_referred=False,
        )
    else:
        dbs_referred_on = None
    if regulator_referral is None:
        problems["regulator_referral"] = "Choose whether the person was referred to a regulator."
    elif regulator_referral:
        if regulator not in codes_of(REGULATOR):
            problems["regulator"] = "Choose the regulator."
        problems["regulator_referred_on"] = _day_problem(
            regulator_referred_on, what="the referral to the regulator", referral=referral, since_referred=False
        )
    else:
        regulator, regulator_referred_on = "", None
    _raise(problems)
    changed = model_update(
        instance=referral,
        fields=["dbs_referral", "dbs_referred_on", "regulator_referral", "regulator", "regulator_referred_on"],
        data={
            "dbs_referral": dbs_referral,
            "dbs_referred_on": dbs_referred_on,
            "regulator_referral": regulator_referral,
            "regulator": regulator,
            "regulator_referred_on": regulator_referred_on,
        },
    )
    _record(
        actor=actor,
        partnership=partnership,
        referral=referral,
        verb="lado.onward_referrals_recorded",
        summary="referrals to the Disclosure and Barring Service and a regulator recorded",
        changed=changed,
    )
    return changed


# --- closing and reopening ------------------------------------------------------------------------


def outcome_items():
    """The outcomes an allegation may be closed with: the library's current items."""
    return current_items(kind=OUTCOME)


def band_title(band: str | None) -> str:
    """The words of a timescale band: the timescale's title, or "Longer than twelve months"."""
    if band is None:
        return ""
    if band == LONGER:
        scales = timescales()
        return f"Longer than {scales[-1].title.removeprefix('Within ')}" if scales else "Longer"
    return next((scale.title for scale in timescales() if scale.code == band), band)


@transaction.atomic
def referral_close(
    *,
    actor,
    partnership,
    referral: Referral,
    outcome: LibraryItem | None,
    closed_on: dt.date | None,
    learning: str = "",
) -> Referral:
    """Close the referral with its outcome (an allegation needs one of the library's
    ``allegation-outcome`` items, the version used; a low-level concern, which runs on no
    timescale, may close without one), the date closed and the learning for the employer. The
    event keeps the timescale band the referral was resolved in."""
    ensure_may_handle_referral(user=actor, partnership=partnership, referral=referral)
    allegation = is_allegation(referral.category)
    problems: dict[str, str | None] = {}
    if outcome is None:
        if allegation:
            problems["outcome"] = "Choose the outcome of the allegation."
    elif outcome.kind != OUTCOME or not outcome_items().filter(pk=outcome.pk).exists():
        problems["outcome"] = "Choose one of the outcomes listed."
    problems["closed_on"] = _day_problem(closed_on, what="closing", referral=referral, since_referred=True)
    _raise(problems)
    step = move(referral, Referral.Status.CLOSED)
    referral.status = Referral.Status.CLOSED
    referral.outcome = outcome
    referral.closed_on = closed_on
    referral.learning = learning.strip()
    referral.save(update_fields=["status", "outcome", "closed_on", "learning"])
    band = timescale_band(referral)
    said = [outcome.title if outcome else "no outcome (not an allegation)"]
    if band:
        said.append(band_title(band).lower())
    event_record(
        actor=actor,
        verb=step.verb,
        target=referral,
        partnership=partnership,
        summary=f"{referral.reference} closed on {day_text(closed_on)}: {', '.join(said)}",
        data={"outcome": outcome.code if outcome else "", "closed_on": closed_on.isoformat(), "band": band or ""},
    )
    _changed(referral)
    return referral


@transaction.atomic
def referral_reopen(*, actor, partnership, referral: Referral, reason: str) -> Referral:
    """Reopen a closed referral, with the reason (kept with the event): its outcome and date closed
    are cleared, kept in the event, and its timescales run again from the date referred."""
    if not may_reopen_referral(user=actor, partnership=partnership, referral=referral):
        raise PermissionDenied
    reason = (reason or "").strip()
    step = move(referral, Referral.Status.OPEN, reason=reason)
    was = {
        "outcome": referral.outcome.code if referral.outcome_id else "",
        "closed_on": referral.closed_on.isoformat() if referral.closed_on else "",
    }
    referral.status = Referral.Status.OPEN
    referral.outcome = None
    referral.closed_on = None
    referral.save(update_fields=["status", "outcome", "closed_on"])
    event_record(
        actor=actor,
        verb=step.verb,
        target=referral,
        partnership=partnership,
        summary=f"{referral.reference} reopened: {reason}",
        data={"reason": reason, **was},
    )
    _changed(referral)
    return referral
