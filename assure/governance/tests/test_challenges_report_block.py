"""The annual report's and board packs' challenge-summary block, read as the report's stand-in
reader: "N challenges raised, M resolved", open challenges by agency and a sample of the impact."""

import datetime as dt

import pytest
from django.utils import timezone

from assure.governance.models import Challenge
from assure.library.selectors import current_item
from assure.partnerships.tests.factories import AgencyFactory
from assure.reports.blocks import BlockContext, BlockData, block_kind
from assure.reports.models import Report

from .factories import ChallengeFactory

pytestmark = pytest.mark.django_db

TODAY = dt.date(2015, 6, 10)


def compute(report, **params) -> BlockData:
    return block_kind("challenge-summary").compute(
        BlockContext(report=report, section=None, params=params, today=TODAY)
    )


def _at(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(12)))


@pytest.fixture
def report(partnership, business_unit):
    """A draft annual report for 2014-15 (its sections are not needed: the block reads its year)."""
    return Report.objects.create(
        partnership=partnership,
        kind=Report.Kind.ANNUAL,
        title="Annual report 2014-15",
        year="2014-15",
        template=current_item(kind="report-template", code="annual-report"),
        created_by=business_unit,
    )


def test_the_block_says_how_many_were_raised_and_resolved(report, partnership, agency, board_member):
    ChallengeFactory(partnership=partnership, agency=agency, raised_by=board_member, raised_on=dt.date(2014, 5, 1))
    ChallengeFactory(
        partnership=partnership,
        agency=agency,
        raised_by=board_member,
        raised_on=dt.date(2014, 6, 1),
        status=Challenge.Status.CLOSED,
        closed_at=_at(dt.date(2014, 12, 1)),
    )
    data = compute(report)
    assert data.paragraphs[0].startswith("In 2014-15 the board raised 2 challenges and resolved 1")


def test_the_block_gives_a_sample_of_the_impact_of_closed_challenges(report, partnership, agency, board_member):
    closed = ChallengeFactory(
        partnership=partnership,
        agency=agency,
        raised_by=board_member,
        raised_on=dt.date(2014, 6, 1),
        status=Challenge.Status.CLOSED,
        closed_at=_at(dt.date(2014, 12, 1)),
        satisfied="yes",
        impact="GPs now send reports to conferences.",
    )
    assert compute(report).tables[-1].rows == [
        [closed.reference, agency.name, f"{closed.subject}: GPs now send reports to conferences."]
    ]


def test_a_sample_says_when_the_board_was_only_partly_satisfied(report, partnership, agency, board_member):
    ChallengeFactory(
        partnership=partnership,
        agency=agency,
        raised_by=board_member,
        raised_on=dt.date(2014, 6, 1),
        status=Challenge.Status.CLOSED,
        closed_at=_at(dt.date(2014, 12, 1)),
        satisfied="partly",
        subject="GP reports to conferences",
        impact="More GPs send reports.",
    )
    assert compute(report).tables[-1].rows[0][2] == (
        "GP reports to conferences: More GPs send reports. (The board was partly satisfied.)"
    )


def test_the_block_lists_open_challenges_by_agency(report, partnership, agency, board_member):
    ChallengeFactory(partnership=partnership, agency=agency, raised_by=board_member, raised_on=dt.date(2014, 5, 1))
    data = compute(report)
    assert data.tables[0].caption == "Open challenges by agency"
    assert data.tables[0].rows == [[agency.name, "1", "0"]]


def test_the_block_never_shows_another_partnerships_challenges(report, other_partnership, outsider):
    foreign = AgencyFactory(partnerships=[other_partnership])
    ChallengeFactory(partnership=other_partnership, agency=foreign, raised_by=outsider, raised_on=dt.date(2014, 5, 1))
    assert compute(report).empty == "No challenge was raised or open in 2014-15."


def test_the_block_shows_no_more_samples_than_asked(report, partnership, agency, board_member):
    for number in range(3):
        ChallengeFactory(
            partnership=partnership,
            agency=agency,
            raised_by=board_member,
            raised_on=dt.date(2014, 5, 1),
            status=Challenge.Status.CLOSED,
            closed_at=_at(dt.date(2014, 7, 1 + number)),
            impact=f"Impact {number}",
        )
    assert len(compute(report, samples=2).tables[-1].rows) == 2
