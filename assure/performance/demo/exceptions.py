"""Shropshire's exception report for its board meeting of 19 March 2015, made by the exception
rules from the 2014-15 scorecard, with children's social care's commentary on re-referrals (in
the words of the annual report, §5.92-5.93); and the exception report for the board's next
meeting, relative to the day the demo is loaded, made from the newest validated figures, its
owning agencies asked for their commentary and none written yet."""

import datetime as dt

from assure.demo import meetings, region
from assure.partnerships.models import Meeting

from ..periods import period_for_year
from ..services.exceptions import exception_commentary_write, exception_report_create
from . import shropshire

MEETING = dt.date(2015, 3, 19)
COMMENTED = "csc-rereferrals-percent"
COMMENTARY = (
    "Re-referrals rose from 21% to 27.2% after the front door was redesigned. Since April 2014 a "
    "professional conversation is recorded as the outcome of a referral where the referrer and a social "
    "worker agree to keep working with the family in universal services or targeted early help; when the "
    "professional comes back to discuss progress, that contact counts as a re-referral. Like for like, "
    "fewer referrals end without an assessment (39%, from 44.5%). The Board has challenged this measure, "
    "which says nothing of the outcome for the child: from 2015-16 the outcomes of referrals will be "
    "reported differently."
)


def exception_report_load(*, partnership, agencies, users) -> int:
    """Make the report through the exceptions service and write the commentary; return how many
    items the report holds."""
    business_unit = users[(region.SHROPSHIRE, "business-unit")]
    meeting = Meeting.objects.get(partnership=partnership, subgroup=None, held_on=MEETING)
    report = exception_report_create(
        actor=business_unit, partnership=partnership, period=period_for_year(shropshire.YEAR), meeting=meeting
    )
    item = report.items.filter(indicator__code=COMMENTED).first()
    if item is not None:
        exception_commentary_write(actor=business_unit, item=item, commentary=COMMENTARY)
    return report.items.count()


def next_meeting_report_load(*, partnership, users, today: dt.date) -> int:
    """Make the exception report for the board's next meeting from the newest validated figures
    (2014-15's: the current year's returns are not validated yet); making it asks each owning
    agency's leads for their commentary. Returns how many items it holds."""
    business_unit = users[(region.SHROPSHIRE, "business-unit")]
    meeting = Meeting.objects.get(
        partnership=partnership, subgroup=None, held_on=today + dt.timedelta(days=meetings.NEXT_MEETING_IN_DAYS)
    )
    report = exception_report_create(
        actor=business_unit, partnership=partnership, period=period_for_year(shropshire.YEAR), meeting=meeting
    )
    return report.items.count()
