"""Reads of the audit programme: who sees which audits (an agency lead only those their agency
takes part in), a year's audits grouped by the framework's terms, and the plan's choices."""

import datetime as dt

import pytest

from assure.audits.models import Audit
from assure.audits.selectors.programme import (
    audit_years,
    audits_under_way,
    audits_visible_to,
    chosen_year,
    meeting_choices,
    programme_year,
)
from assure.partnerships.tests.factories import MeetingFactory

from .factories import AuditFactory, ProgrammeFactory, ThemedAuditFactory

pytestmark = pytest.mark.django_db


def test_an_agency_lead_sees_only_the_audits_their_agency_takes_part_in(agency_lead, partnership, agency, other_agency):
    theirs = AuditFactory(partnership=partnership, agencies=[agency, other_agency])
    AuditFactory(partnership=partnership, agencies=[other_agency])
    AuditFactory(partnership=partnership)
    assert list(audits_visible_to(user=agency_lead, partnership=partnership)) == [theirs]


def test_the_board_and_auditors_see_every_audit_of_the_partnership(
    board_member, auditor, partnership, other_partnership, agency
):
    AuditFactory(partnership=partnership, agencies=[agency])
    AuditFactory(partnership=partnership)
    AuditFactory(partnership=other_partnership)
    assert audits_visible_to(user=board_member, partnership=partnership).count() == 2
    assert audits_visible_to(user=auditor, partnership=partnership).count() == 2


def test_a_viewer_sees_no_audit(viewer, partnership):
    AuditFactory(partnership=partnership)
    assert not audits_visible_to(user=viewer, partnership=partnership).exists()


def test_a_year_groups_its_audits_by_term_then_the_themed_ones(business_unit, partnership):
    programme = ProgrammeFactory(partnership=partnership, year=2014)
    spring = AuditFactory(partnership=partnership, programme=programme, term="spring", files_planned=12)
    autumn = AuditFactory(partnership=partnership, programme=programme, term="autumn")
    themed = ThemedAuditFactory(partnership=partnership, starts_on=dt.date(2014, 9, 8))
    AuditFactory(partnership=partnership, programme=programme, term="spring", status=Audit.Status.CANCELLED)
    AuditFactory(partnership=partnership, programme=ProgrammeFactory(partnership=partnership, year=2015))
    year = programme_year(user=business_unit, partnership=partnership, year=2014)
    assert [(group.code, len(group.audits)) for group in year.groups] == [
        ("autumn", 1),
        ("spring", 2),
        ("summer", 0),
        ("", 1),
    ]
    assert year.groups[0].audits == [autumn] and spring in year.groups[1].audits and year.groups[3].audits == [themed]
    assert year.groups[1].files_planned == 12  # the cancelled audit's files are not counted
    assert year.programme == programme


def test_an_agency_lead_sees_only_their_audits_in_the_year(agency_lead, partnership, agency):
    programme = ProgrammeFactory(partnership=partnership, year=2014)
    AuditFactory(partnership=partnership, programme=programme, agencies=[agency])
    AuditFactory(partnership=partnership, programme=programme)
    assert programme_year(user=agency_lead, partnership=partnership, year=2014).audit_count == 1


def test_the_years_include_those_of_themed_audits(business_unit, partnership):
    ProgrammeFactory(partnership=partnership, year=2014)
    ThemedAuditFactory(partnership=partnership, starts_on=dt.date(2016, 2, 1))
    assert audit_years(user=business_unit, partnership=partnership) == [2015, 2014]


def test_the_page_shows_the_running_year_else_the_newest(business_unit, partnership):
    ProgrammeFactory(partnership=partnership, year=2014)
    assert chosen_year(user=business_unit, partnership=partnership, asked=None, today=dt.date(2030, 5, 1)) == 2014
    assert chosen_year(user=business_unit, partnership=partnership, asked="2012", today=dt.date(2030, 5, 1)) == 2012
    ProgrammeFactory(partnership=partnership, year=2029)
    assert chosen_year(user=business_unit, partnership=partnership, asked=None, today=dt.date(2030, 2, 1)) == 2029


def test_moderation_meetings_offered_are_from_today_on(business_unit, partnership):
    MeetingFactory(partnership=partnership, held_on=dt.date(2020, 1, 1))
    later = MeetingFactory(partnership=partnership, held_on=dt.date(2020, 3, 1))
    assert list(meeting_choices(user=business_unit, partnership=partnership, today=dt.date(2020, 2, 1))) == [later]


def test_the_menu_counts_the_audits_under_way(business_unit, partnership):
    AuditFactory(partnership=partnership, status=Audit.Status.AUDITING)
    AuditFactory(partnership=partnership, status=Audit.Status.MODERATION)
    AuditFactory(partnership=partnership)
    assert audits_under_way(user=business_unit, partnership=partnership) == "2 audits under way"
