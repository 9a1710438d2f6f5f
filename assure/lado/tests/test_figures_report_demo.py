"""The demo's published annual report for 2014-15: its section on allegations against people who
work with children gives the seed's comparisons, computed from the demo's referrals, small numbers
hidden."""

import pytest

from assure.reports.models import Block, Report


@pytest.fixture
def demo(demo_region, db):
    """The shared demo region (conftest.py), each test in a transaction of its own."""
    return demo_region


def _block(kind: str) -> dict:
    report = Report.objects.get(partnership__slug="shropshire", kind=Report.Kind.ANNUAL, year="2014-15")
    block = Block.objects.get(section__report=report, section__key="allegations", kind=kind)
    assert block.data, kind
    return block.data


def test_the_published_section_gives_the_seeds_comparisons(demo):
    text = " ".join(_block("allegations-referrals")["paragraphs"])
    assert "saw 36% more referrals than the whole of 2013-14 (50)" in text
    assert "Joint evaluation meetings rose from 14 in 2013-14 to 31 (+121%), more than double." in text


def test_the_published_section_names_the_sectors_with_too_few_referrals(demo):
    text = " ".join(_block("allegations-by-sector")["paragraphs"])
    assert "Health (fewer than 6 against 10), Faith organisations (fewer than 6 against 4)" in text
