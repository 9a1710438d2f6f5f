import datetime as dt

from django.utils import timezone

from assure.demo import meetings, region
from assure.governance.demo.agendas import MEETING_ITEMS, agendas_load
from assure.governance.models import AgendaItem, MeetingMinutes
from assure.governance.waiting_agendas import minutes_to_approve, papers_to_read
from assure.partnerships.tests.factories import ConfidentialMinuteFactory, MeetingFactory


def _load(partnership, business_unit, today):
    for day in MEETING_ITEMS:
        meeting = MeetingFactory(partnership=partnership, held_on=day)
        if day == meetings.CONFIDENTIAL_MEETING:
            ConfidentialMinuteFactory(meeting=meeting, heading=meetings.CONFIDENTIAL_HEADING, recorded_by=business_unit)
    for spec in meetings.CURRENT_MEETINGS:
        MeetingFactory(partnership=partnership, held_on=today + dt.timedelta(days=spec.days))
    return agendas_load(
        partnerships={region.SHROPSHIRE: partnership},
        agencies={},
        users={(region.SHROPSHIRE, "business-unit"): business_unit},
        today=today,
    )


def test_the_demo_minutes_each_meeting_and_approves_all_but_the_years_last(partnership, business_unit):
    today = timezone.localdate()
    _load(partnership, business_unit, today)
    approved = MeetingMinutes.objects.filter(status=MeetingMinutes.Status.APPROVED)
    assert sorted(m.meeting.held_on for m in approved) == sorted(MEETING_ITEMS)[:-1]
    confidential = AgendaItem.objects.get(confidential=True)
    assert confidential.confidential_minute is not None and not confidential.minutes


def test_the_demo_leaves_papers_to_read_and_minutes_to_approve(partnership, business_unit, board_member):
    today = timezone.localdate()
    _load(partnership, business_unit, today)
    assert len(papers_to_read(user=board_member, partnership=partnership, today=today)) == 1
    assert len(minutes_to_approve(user=business_unit, partnership=partnership, today=today)) == 1


def test_every_past_meetings_agenda_was_published_before_it(partnership, business_unit):
    today = timezone.localdate()
    _load(partnership, business_unit, today)
    for record in MeetingMinutes.objects.filter(meeting__held_on__lt=today):
        assert record.agenda_published_at is not None
        assert timezone.localtime(record.agenda_published_at).date() < record.meeting.held_on


def test_each_board_meeting_of_2014_15_has_six_to_eight_items(partnership, business_unit):
    _load(partnership, business_unit, timezone.localdate())
    for day in MEETING_ITEMS:
        assert 6 <= AgendaItem.objects.filter(meeting__held_on=day).count() <= 8
