"""The handling of a referral and its clocks, for the referral's page and the handling pages.
Given the user, keyword-only: only a designated officer with the ``lado`` grant reads any of it."""

import datetime as dt

from django.urls import NoReverseMatch

from assure.clocks.engine import ClockReading, ClockState
from assure.core.navigation import partnership_url
from assure.library.selectors import current_items
from assure.notifications.selectors import last_reminded

from ..clocks import is_allegation, referral_reading, resolution_readings, timescale_band, timescales
from ..models import Meeting, Referral, UpdateRequest
from ..permissions import can_manage_cases, may_chase_update, may_handle_referral, may_reopen_referral
from .referrals_base import referrals_visible_to

MEETING_KIND = "lado-meeting-kind"
POLICE_RESULT = "lado-police-result"
EMPLOYMENT_OUTCOME = "lado-employment-outcome"
REGULATOR = "lado-regulator"


def referral_page_url(partnership, pk: int) -> str:
    """The referral's page, or "" while there is none."""
    try:
        return partnership_url("lado:referral_detail", partnership, pk=pk)
    except NoReverseMatch:
        return ""


def titles_of(kind: str) -> dict[str, str]:
    """The titles of the library's current items of a kind, by code (library data needs no user)."""
    return dict(current_items(kind=kind).values_list("code", "title"))


def meeting_for(*, user, partnership, pk) -> Meeting | None:
    """A meeting about a referral the user may read, else None."""
    if not str(pk).isdigit():
        return None
    referrals = referrals_visible_to(user=user, partnership=partnership)
    return Meeting.objects.filter(pk=int(pk), referral__in=referrals).select_related("referral").first()


def update_for(*, user, partnership, pk) -> UpdateRequest | None:
    """An update asked about a referral the user may read, else None."""
    if not str(pk).isdigit():
        return None
    referrals = referrals_visible_to(user=user, partnership=partnership)
    return UpdateRequest.objects.filter(pk=int(pk), referral__in=referrals).select_related("referral").first()


def _day(day: dt.date | None) -> str:
    return f"{day.day} {day:%B %Y}" if day else ""


def _yes_no(value: bool | None, *, yes: str = "Yes", no: str = "No", unknown: str = "Not recorded") -> str:
    return unknown if value is None else (yes if value else no)


def referral_lateness(reading: ClockReading | None) -> str:
    """The referral's one working day in words: "Referred on time", "Referred 2 working days late"."""
    if reading is None:
        return ""
    if reading.state is ClockState.MET:
        return "Referred on time"
    late = -reading.left
    return f"Referred {late} working day{'' if late == 1 else 's'} late" if late > 0 else "Referred late"


def _clocks(referral: Referral, today: dt.date) -> dict:
    reading = referral_reading(referral, today)
    allegation = is_allegation(referral.category)
    scales = timescales()
    band = timescale_band(referral, scales)
    band_title = ""
    if band:
        titles = {scale.code: scale.title for scale in scales}
        band_title = titles.get(band) or (
            f"Longer than {scales[-1].title.removeprefix('Within ')}" if scales else "Longer"
        )
    return {
        "handling_clock_referral": reading,
        "handling_clock_referral_text": referral_lateness(reading),
        "handling_clock_is_allegation": allegation,
        "handling_clock_resolution": [
            {"timescale": scale, "reading": resolution}
            for scale, resolution in resolution_readings(referral, today, scales)
        ],
        "handling_clock_band": band_title,
    }


def _url(name: str, partnership, pk: int) -> str:
    return partnership_url(f"lado:{name}", partnership, pk=pk)


def _steps(referral: Referral, partnership, *, editable: bool) -> list[dict]:
    police = titles_of(POLICE_RESULT)
    employment = titles_of(EMPLOYMENT_OUTCOME)
    regulators = titles_of(REGULATOR)
    steps = [
        {
            "title": "Initial consideration",
            "change_url": _url("referral_consideration", partnership, referral.pk) if editable else "",
            "rows": [
                ("Considered on", _day(referral.considered_on) or "Not yet"),
                ("The threshold was met", _yes_no(referral.threshold_met)),
                ("Advice given to the employer", referral.advice_given or "None recorded"),
            ],
        },
        {
            "title": "The police",
            "change_url": _url("referral_police", partnership, referral.pk) if editable else "",
            "rows": [
                ("A police investigation", _yes_no(referral.police_investigation)),
                *(
                    [
                        ("Started on", _day(referral.police_started_on) or "Not recorded"),
                        (
                            "Result",
                            f"{police.get(referral.police_result, referral.police_result)}, "
                            f"{_day(referral.police_result_on)}"
                            if referral.police_result
                            else "Still investigating",
                        ),
                    ]
                    if referral.police_investigation
                    else []
                ),
            ],
        },
        {
            "title": "The employer's actions",
            "change_url": _url("referral_employer", partnership, referral.pk) if editable else "",
            "rows": [
                (
                    "Suspended",
                    (
                        f"From {_day(referral.suspended_from)}"
                        + (f" to {_day(referral.suspended_to)}" if referral.suspended_to else "")
                        if referral.suspended_from
                        else "Yes"
                    )
                    if referral.suspended
                    else "No",
                ),
                ("Redeployed", _yes_no(referral.redeployed)),
                ("A disciplinary process", _yes_no(referral.disciplinary)),
                (
                    "Outcome for the person's employment",
                    employment.get(referral.employment_outcome, referral.employment_outcome) or "Not recorded",
                ),
            ],
        },
        {
            "title": "Referrals to the Disclosure and Barring Service and a regulator",
            "change_url": _url("referral_onward", partnership, referral.pk) if editable else "",
            "rows": [
                (
                    "Disclosure and Barring Service",
                    f"Referred on {_day(referral.dbs_referred_on)}"
                    if referral.dbs_referral and referral.dbs_referred_on
                    else _yes_no(referral.dbs_referral, yes="Referred", no="Not referred"),
                ),
                (
                    "A regulator",
                    f"{regulators.get(referral.regulator, referral.regulator)}, referred on "
                    f"{_day(referral.regulator_referred_on)}"
                    if referral.regulator_referral
                    else _yes_no(referral.regulator_referral, yes="Referred", no="Not referred"),
                ),
            ],
        },
    ]
    if referral.status == Referral.Status.CLOSED:
        steps.append(
            {
                "title": "Outcome",
                "change_url": "",
                "rows": [
                    ("Outcome", referral.outcome.title if referral.outcome_id else "None (not an allegation)"),
                    ("Closed on", _day(referral.closed_on)),
                    ("The learning for the employer", referral.learning or "None recorded"),
                ],
            }
        )
    return steps


def _meetings(referral: Referral, partnership, *, editable: bool) -> list[dict]:
    kinds = titles_of(MEETING_KIND)
    return [
        {
            "meeting": meeting,
            "kind": kinds.get(meeting.kind, meeting.kind),
            "edit_url": _url("meeting_edit", partnership, meeting.pk) if editable else "",
            "remove_url": _url("meeting_remove", partnership, meeting.pk) if editable else "",
        }
        for meeting in referral.meetings.all()
    ]


def _updates(referral: Referral, partnership, user, today: dt.date) -> list[dict]:
    updates = list(referral.update_requests.all())
    reminded = last_reminded(model=UpdateRequest, ids=[u.pk for u in updates]) if updates else {}
    rows = []
    for update in updates:
        chase = may_chase_update(user=user, partnership=partnership, update=update)
        if update.answered_at:
            status = "Answered"
        elif update.withdrawn_at:
            status = "Withdrawn"
        elif update.due_on < today:
            status = "Overdue"
        else:
            status = "Waiting for an answer"
        rows.append(
            {
                "update": update,
                "status": status,
                "overdue": update.is_outstanding and update.due_on < today,
                "last_reminded": reminded.get(str(update.pk)),
                "remind_url": _url("update_remind", partnership, update.pk) if chase else "",
                "withdraw_url": _url("update_withdraw", partnership, update.pk) if chase else "",
            }
        )
    return rows


def handling_for_referral_page(*, user, partnership, referral, today) -> dict:
    """The handling partial's and the clocks partial's context (keys ``handling_*``): the steps
    recorded with their "Change" links, the meetings, the updates asked of the employer, the
    clocks; the closing or reopening button. Nothing for anyone but an officer with the grant."""
    if not can_manage_cases(user=user, partnership=partnership):
        return {}
    from ..services.handling import dbs_duty_warning

    editable = may_handle_referral(user=user, partnership=partnership, referral=referral)
    return {
        "handling_editable": editable,
        "handling_steps": _steps(referral, partnership, editable=editable),
        "handling_meetings": _meetings(referral, partnership, editable=editable),
        "handling_meeting_add_url": _url("meeting_add", partnership, referral.pk) if editable else "",
        "handling_updates": _updates(referral, partnership, user, today),
        "handling_update_ask_url": _url("update_ask", partnership, referral.pk) if editable else "",
        "handling_close_url": _url("referral_close", partnership, referral.pk) if editable else "",
        "handling_reopen_url": _url("referral_reopen", partnership, referral.pk)
        if may_reopen_referral(user=user, partnership=partnership, referral=referral)
        else "",
        "handling_dbs_warning": dbs_duty_warning(referral),
        **_clocks(referral, today),
    }
