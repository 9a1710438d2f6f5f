"""Board meetings of 2014-15: six for Shropshire, three for each other partnership; and
Shropshire's last and next meetings of the current year. Agendas and the confidential item are
invented."""

import datetime as dt
from dataclasses import dataclass

from .region import HEREFORDSHIRE, SHROPSHIRE, TELFORD_WREKIN, WORCESTERSHIRE


@dataclass(frozen=True)
class BoardMeetingSpec:
    held_on: dt.date
    location: str
    notes: str


BOARD_MEETINGS = {
    SHROPSHIRE: (
        BoardMeetingSpec(
            dt.date(2014, 5, 15),
            "Shirehall, Shrewsbury",
            "Business plan 2014-17 agreed; scorecard and exception report for the year to March; Section 11 summary.",
        ),
        BoardMeetingSpec(
            dt.date(2014, 7, 10),
            "Shirehall, Shrewsbury",
            "Annual report 2013-14 ratified; probation reorganisation and the new partners; CSE panel referrals.",
        ),
        BoardMeetingSpec(
            dt.date(2014, 9, 18),
            "Shirehall, Shrewsbury",
            "Findings of the audit of repeat child protection plans; early help progress; training programme.",
        ),
        BoardMeetingSpec(
            dt.date(2014, 11, 20),
            "Shirehall, Shrewsbury",
            "Serious case review action plan; GP contribution to child protection conferences; budget 2015-16.",
        ),
        BoardMeetingSpec(
            dt.date(2015, 1, 22),
            "Shirehall, Shrewsbury",
            "Child death overview panel annual report; section 136 figures; private fostering performance.",
        ),
        BoardMeetingSpec(
            dt.date(2015, 3, 19),
            "Shirehall, Shrewsbury",
            "Section 11 returns for 2015; domestic abuse strategy; priorities for 2015-16.",
        ),
    ),
    TELFORD_WREKIN: (
        BoardMeetingSpec(dt.date(2014, 6, 4), "Civic offices, Telford", "Business plan and scorecard."),
        BoardMeetingSpec(dt.date(2014, 10, 8), "Civic offices, Telford", "Child sexual exploitation strategy review."),
        BoardMeetingSpec(dt.date(2015, 2, 11), "Civic offices, Telford", "Joint child death overview panel report."),
    ),
    HEREFORDSHIRE: (
        BoardMeetingSpec(dt.date(2014, 6, 18), "Council offices, Hereford", "Business plan and improvement plan."),
        BoardMeetingSpec(dt.date(2014, 10, 22), "Council offices, Hereford", "Multi-agency audit findings."),
        BoardMeetingSpec(dt.date(2015, 2, 25), "Council offices, Hereford", "Section 11 returns and training."),
    ),
    WORCESTERSHIRE: (
        BoardMeetingSpec(dt.date(2014, 7, 2), "County Hall, Worcester", "Business plan and performance report."),
        BoardMeetingSpec(dt.date(2014, 11, 5), "County Hall, Worcester", "Early help strategy."),
        BoardMeetingSpec(dt.date(2015, 3, 4), "County Hall, Worcester", "Annual report planning and priorities."),
    ),
}

# Shropshire's Board meetings of the current year, in days from the day the demo is loaded: the
# last one (attendance recorded) and the next, whose papers (board pack and exception report) are
# being put together.
NEXT_MEETING_IN_DAYS = 12


@dataclass(frozen=True)
class CurrentMeetingSpec:
    days: int  # from the day the demo is loaded; negative is in the past
    location: str
    notes: str


CURRENT_MEETINGS = (
    CurrentMeetingSpec(
        -58,
        "Shirehall, Shrewsbury",
        "Data returns and the Section 11 audit opened for the year; the business plan refreshed.",
    ),
    CurrentMeetingSpec(
        NEXT_MEETING_IN_DAYS,
        "Shirehall, Shrewsbury",
        "The scorecard and the exception report; Section 11 returns still outstanding; the draft annual report.",
    ),
)

# A part B item of one Shropshire Board meeting, readable only with a confidential-minutes grant.
CONFIDENTIAL_MEETING = dt.date(2014, 11, 20)
CONFIDENTIAL_HEADING = "Progress of a disciplinary investigation in a partner agency"
CONFIDENTIAL_TEXT = (
    "The Board was told, in confidence, that a partner agency has suspended a member of staff following an "
    "allegation referred to the designated officer, and that a police investigation is under way. Board members "
    "agreed not to discuss the matter outside the meeting. The agency's representative will report the outcome "
    "to the chair, and the Learning and Improvement subgroup will consider whether the case should be reviewed "
    "once the investigation ends."
)
