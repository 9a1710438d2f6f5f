"""Governance records of one side of the permission matrix: a challenge to the side's agency, a
risk with a review, and an agenda item with minutes for the side's meeting."""

import datetime as dt

from django.utils import timezone

from assure.governance.models import Challenge, Risk
from assure.governance.tests.factories import ChallengeFactory, PaperItemFactory, RiskFactory, RiskReviewFactory
from assure.partnerships.tests.factories import MeetingFactory

# The risk register: the side's open risk (owned by the side's business unit, so only they may
# review it) and a closed one to reopen.
RISK_SAMPLES = {
    "governance:risk_detail": lambda s: {"pk": s.risk.pk},
    "governance:risk_edit": lambda s: {"pk": s.risk.pk},
    "governance:risk_review": lambda s: {"pk": s.risk.pk},
    "governance:risk_close": lambda s: {"pk": s.risk.pk},
    "governance:risk_action": lambda s: {"pk": s.risk.pk},
    "governance:risk_remind": lambda s: {"pk": s.risk.pk},
    "governance:risk_reopen": lambda s: {"pk": s.risk_closed.pk},
}

# The challenge log: a challenge to the side's agency awaiting its response (its lead answers it),
# one answered and waiting for the board's assessment, and one closed to reopen.
CHALLENGE_SAMPLES = {
    "governance:challenge_detail": lambda s: {"pk": s.challenge.pk},
    "governance:challenge_respond": lambda s: {"pk": s.challenge.pk},
    "governance:challenge_escalate": lambda s: {"pk": s.challenge.pk},
    "governance:challenge_close": lambda s: {"pk": s.challenge.pk},
    "governance:challenge_remind": lambda s: {"pk": s.challenge.pk},
    "governance:challenge_action": lambda s: {"pk": s.challenge.pk},
    "governance:challenge_assess": lambda s: {"pk": s.challenge_answered.pk},
    "governance:challenge_reopen": lambda s: {"pk": s.challenge_closed.pk},
}

# Agendas: a board meeting held (its minutes in draft, approved at the next board meeting, also
# held) with an open item carrying an uploaded paper.
AGENDA_SAMPLES = {
    "governance:agenda": lambda s: {"meeting": s.agenda_meeting.pk},
    "governance:agenda_item_add": lambda s: {"meeting": s.agenda_meeting.pk},
    "governance:agenda_publish": lambda s: {"meeting": s.agenda_meeting.pk},
    "governance:minutes": lambda s: {"meeting": s.agenda_meeting.pk},
    "governance:minutes_approve": lambda s: {"meeting": s.agenda_meeting.pk},
    "governance:agenda_item_edit": lambda s: {"pk": s.agenda_item.pk},
    "governance:agenda_item_move": lambda s: {"pk": s.agenda_item.pk},
    "governance:agenda_item_remove": lambda s: {"pk": s.agenda_item.pk},
    "governance:agenda_paper": lambda s: {"pk": s.agenda_item.pk},
    "governance:agenda_item_minutes": lambda s: {"pk": s.agenda_item.pk},
    "governance:agenda_item_action": lambda s: {"pk": s.agenda_item.pk},
}

GOVERNANCE_SAMPLES: dict = {**RISK_SAMPLES, **CHALLENGE_SAMPLES, **AGENDA_SAMPLES}


def _risk_records(partnership, agency, recorder) -> dict:
    risk = RiskFactory(partnership=partnership, owner=recorder, owner_agency=agency, created_by=recorder)
    RiskReviewFactory(risk=risk, reviewed_by=recorder)
    closed = RiskFactory(
        partnership=partnership,
        owner=recorder,
        created_by=recorder,
        title="The move to new safeguarding arrangements stalls",
        status=Risk.Status.CLOSED,
        closed_reason="The new arrangements were agreed by the three partners.",
    )
    return {"risk": risk, "risk_closed": closed}


def _challenge_records(partnership, agency, recorder) -> dict:
    def challenge(**fields):
        return ChallengeFactory(partnership=partnership, agency=agency, raised_by=recorder, **fields)

    return {
        "challenge": challenge(),
        "challenge_answered": challenge(
            subject="Health visitors' reports to conferences",
            status=Challenge.Status.RESPONDED,
            response="Reports are now checked before they go to the chair.",
            responded_at=timezone.now(),
            responded_by=recorder,
        ),
        "challenge_closed": challenge(
            subject="Attendance at board meetings",
            status=Challenge.Status.CLOSED,
            closure_note="Withdrawn: attendance improved.",
            closed_at=timezone.now(),
            closed_by=recorder,
        ),
    }


def _agenda_records(partnership, agency, recorder) -> dict:
    meeting = MeetingFactory(partnership=partnership, held_on=dt.date(2014, 9, 18), title="Board meeting")
    MeetingFactory(partnership=partnership, held_on=dt.date(2014, 11, 20), title="Board meeting")
    item = PaperItemFactory(meeting=meeting, position=1, presenter_agency=agency)
    return {"agenda_meeting": meeting, "agenda_item": item}


def governance_records(partnership, agency, recorder) -> dict:
    return {
        **_risk_records(partnership, agency, recorder),
        **_challenge_records(partnership, agency, recorder),
        **_agenda_records(partnership, agency, recorder),
    }
