"""Every selector returns records of the partnership it is given only, and nothing to people
who may not see it."""

import datetime as dt

from assure.partnerships.selectors import (
    agency_links_of,
    confidential_minute_count,
    confidential_minute_for,
    confidential_minutes_of,
    expected_agencies,
    meetings_of,
    partnership_agencies,
    partnership_overview,
    subgroups_of,
)
from assure.partnerships.tests.factories import ConfidentialMinuteFactory, MeetingFactory, SubgroupFactory


def test_partnership_agencies_are_those_linked_to_it(viewer, partnership, agency, other_agency, foreign_agency):
    assert set(partnership_agencies(user=viewer, partnership=partnership)) == {agency, other_agency}


def test_outsider_sees_no_agencies(outsider, partnership, agency):
    assert not partnership_agencies(user=outsider, partnership=partnership).exists()
    assert not agency_links_of(user=outsider, partnership=partnership).exists()


def test_agencies_that_left_are_listed_only_when_asked(viewer, partnership, agency, other_agency):
    partnership.agency_links.filter(agency=other_agency).update(left_on=dt.date(2015, 1, 1))
    assert list(partnership_agencies(user=viewer, partnership=partnership)) == [agency]
    assert other_agency in partnership_agencies(user=viewer, partnership=partnership, include_former=True)


def test_subgroups_and_meetings_are_the_partnerships_own(
    viewer, partnership, other_partnership, subgroup, board_meeting, foreign_meeting
):
    SubgroupFactory(partnership=other_partnership)
    assert list(subgroups_of(user=viewer, partnership=partnership)) == [subgroup]
    assert list(meetings_of(user=viewer, partnership=partnership)) == [board_meeting]


def test_board_meeting_expects_agencies_with_a_board_seat(viewer, partnership, board_meeting, agency, other_agency):
    partnership.agency_links.filter(agency=other_agency).update(on_board=False)
    assert expected_agencies(user=viewer, meeting=board_meeting) == [agency]


def test_subgroup_meeting_expects_the_subgroups_agencies(viewer, partnership, subgroup, agency):
    meeting = MeetingFactory(partnership=partnership, subgroup=subgroup)
    assert expected_agencies(user=viewer, meeting=meeting) == [agency]


def test_confidential_items_need_a_grant(board_member, partnership, board_meeting, minutes_grant):
    minute = ConfidentialMinuteFactory(meeting=board_meeting)
    assert not confidential_minutes_of(user=board_member, meeting=board_meeting).exists()
    assert confidential_minute_for(user=board_member, partnership=partnership, pk=minute.pk) is None
    minutes_grant(board_member, partnership)
    assert list(confidential_minutes_of(user=board_member, meeting=board_meeting)) == [minute]


def test_members_without_a_grant_may_know_how_many_confidential_items_there_are(viewer, board_meeting):
    ConfidentialMinuteFactory(meeting=board_meeting)
    assert confidential_minute_count(user=viewer, meeting=board_meeting) == 1


def test_grant_in_one_partnership_does_not_open_anothers_items(
    outsider, other_partnership, partnership, board_meeting, minutes_grant
):
    minute = ConfidentialMinuteFactory(meeting=board_meeting)
    minutes_grant(outsider, other_partnership)
    assert confidential_minute_for(user=outsider, partnership=other_partnership, pk=minute.pk) is None


def test_overview_counts_current_agencies_and_lists_upcoming_meetings(viewer, partnership, agency, other_agency):
    soon = MeetingFactory(partnership=partnership, held_on=dt.date(2999, 1, 1))
    MeetingFactory(partnership=partnership, held_on=dt.date(2014, 1, 1))
    partnership.agency_links.filter(agency=other_agency).update(left_on=dt.date(2015, 1, 1))
    overview = partnership_overview(user=viewer, partnership=partnership)
    assert (overview.agencies, overview.meetings, overview.next_meetings) == (1, 2, [soon])
