"""Making a report from its template: the sections, the repeated copies, the blocks, the
pre-filled conclusion, one annual report a year, board packs."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from assure.audit.models import Event
from assure.partnerships.tests.factories import AgencyFactory, MeetingFactory, SubgroupFactory
from assure.performance.tests.factories import PriorityFactory
from assure.reports.models import Report, Section
from assure.reports.services.blocks import UNKNOWN_KIND
from assure.reports.services.reports import board_pack_create, report_create

from .factories import ReportTemplateFactory

pytestmark = pytest.mark.usefixtures("stand_in_kinds")


@pytest.fixture
def priorities(partnership):
    return [
        PriorityFactory(partnership=partnership, title="Neglect", position=1),
        PriorityFactory(partnership=partnership, title="Child sexual exploitation", position=2),
    ]


def _create(partnership, actor, **kwargs) -> Report:
    return report_create(
        partnership=partnership,
        kind=kwargs.pop("kind", "annual"),
        year=kwargs.pop("year", "2014-15"),
        template=kwargs.pop("template", None) or ReportTemplateFactory(),
        actor=actor,
        **kwargs,
    )


def test_one_section_per_priority_with_its_priority(partnership, business_unit, priorities):
    report = _create(partnership, business_unit)
    copies = report.sections.filter(key="priorities")
    assert [(s.title, s.priority) for s in copies] == [
        ("Priority 1 – Neglect", priorities[0]),
        ("Priority 2 – Child sexual exploitation", priorities[1]),
    ]


def test_one_section_per_board_agency(partnership, business_unit, agency, other_agency):
    AgencyFactory(name="Off-board Trust", partnerships=[partnership]).partnership_links.update(on_board=False)
    report = _create(partnership, business_unit)
    assert [(s.title, s.agency) for s in report.sections.filter(key="agencies")] == [
        (other_agency.name, other_agency),
        (agency.name, agency),
    ]


def test_positions_run_across_levels_in_template_order(partnership, business_unit, priorities, agency):
    report = _create(partnership, business_unit)
    sections = list(report.sections.order_by("position"))
    assert [s.position for s in sections] == list(range(1, len(sections) + 1))
    assert [s.key for s in sections] == ["priorities", "priorities", "agencies", "conclusion", "next-year"]
    assert sections[-1].parent == sections[-2]


def test_blocks_are_made_and_computed(partnership, business_unit, priorities):
    report = _create(partnership, business_unit)
    block = report.sections.filter(key="priorities").first().blocks.get()
    assert block.kind == "priority-impact"
    assert block.data["paragraphs"] == ["0 attendance records."]
    assert block.computed_at is not None


def test_a_block_of_unknown_kind_says_so(partnership, business_unit):
    report = _create(partnership, business_unit)
    block = report.sections.get(key="next-year").blocks.get()
    assert block.data["empty"] == UNKNOWN_KIND.format(kind="no-such-block")


def test_the_conclusion_is_prefilled_from_its_block(partnership, business_unit):
    report = _create(partnership, business_unit)
    conclusion = report.sections.get(key="conclusion")
    assert conclusion.body == "Question 1: 3 indicators improved.\n\n2 actions are overdue."
    assert conclusion.status == Section.Status.NOT_STARTED


def test_only_chair_sections_are_prefilled(partnership, business_unit):
    template = ReportTemplateFactory()
    template.data["sections"][2]["written_by"] = "business_unit"
    template.save()
    report = _create(partnership, business_unit, template=template)
    assert report.sections.get(key="conclusion").body == ""


def test_one_annual_report_per_year(partnership, business_unit):
    _create(partnership, business_unit)
    with pytest.raises(ValidationError) as error:
        _create(partnership, business_unit)
    assert "already an annual report for 2014-15" in str(error.value)


def test_the_year_is_a_financial_year(partnership, business_unit):
    with pytest.raises(ValidationError):
        _create(partnership, business_unit, year="2014")


def test_the_template_must_be_for_the_kind_of_report(partnership, business_unit):
    with pytest.raises(ValidationError):
        _create(partnership, business_unit, template=ReportTemplateFactory(report_kind="board_pack"))


def test_only_the_business_unit_makes_a_report(partnership, board_member):
    with pytest.raises(PermissionDenied):
        _create(partnership, board_member)


def test_making_a_report_is_recorded(partnership, business_unit):
    report = _create(partnership, business_unit)
    assert Event.objects.filter(verb="reports.report_created", target_id=str(report.pk)).exists()


def test_a_board_pack_is_for_a_board_meeting(partnership, business_unit):
    meeting = MeetingFactory(partnership=partnership)
    pack = board_pack_create(
        meeting=meeting, template=ReportTemplateFactory(report_kind="board_pack"), actor=business_unit
    )
    assert (pack.kind, pack.meeting, pack.year) == ("board_pack", meeting, "2014-15")
    assert pack.title == "Board pack: Board, 12 June 2014"


def test_a_board_pack_is_not_for_a_subgroup_meeting(partnership, business_unit):
    meeting = MeetingFactory(partnership=partnership, subgroup=SubgroupFactory(partnership=partnership))
    with pytest.raises(ValidationError):
        board_pack_create(
            meeting=meeting, template=ReportTemplateFactory(report_kind="board_pack"), actor=business_unit
        )


def test_a_board_pack_is_not_for_another_partnerships_meeting(partnership, other_partnership, business_unit):
    meeting = MeetingFactory(partnership=other_partnership)
    with pytest.raises((ValidationError, PermissionDenied)):
        board_pack_create(
            meeting=meeting, template=ReportTemplateFactory(report_kind="board_pack"), actor=business_unit
        )
