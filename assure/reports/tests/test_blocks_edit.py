"""Adding, removing and moving a section's data blocks: the services and their pages. Only the
business unit, only on a draft, only kinds Assure has with the settings they need."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from assure.audit.models import Event
from assure.performance.periods import period_for_year
from assure.performance.tests.factories import indicator, validated_figures
from assure.reports.models import Block, Report
from assure.reports.services.blocks import block_add, block_move, block_remove

from .factories import BlockFactory, ReportFactory, SectionFactory


@pytest.fixture
def section(partnership, business_unit):
    report = ReportFactory(partnership=partnership, year="2014-15", created_by=business_unit)
    return SectionFactory(report=report, title="Children looked after")


@pytest.fixture
def figures(partnership, agency):
    for year, value in {"2013-14": 271, "2014-15": 313}.items():
        validated_figures(
            partnership=partnership, agency=agency, period=period_for_year(year), figures={indicator("csc-lac"): value}
        )


def _publish(section):
    Report.objects.filter(pk=section.report_id).update(status=Report.Status.PUBLISHED)
    section.report.refresh_from_db()


def _url(name, partnership, pk):
    return reverse(f"reports:{name}", kwargs={"partnership": partnership.slug, "pk": pk})


def _add_chart(section, actor, **kwargs):
    options = {"kind": "indicator-chart", "title": "", "params": {"indicator": "csc-lac"}, **kwargs}
    return block_add(section=section, actor=actor, **options)


# --- the services ----------------------------------------------------------------------------


def test_an_indicator_chart_is_added_with_its_figures_computed(section, business_unit, figures):
    block = _add_chart(section, business_unit)
    assert block.data["tables"][0]["rows"] == [["2013-14", "271"], ["2014-15", "313"]]
    assert block.computed_at is not None


def test_an_added_block_is_recorded(section, business_unit, figures):
    block = _add_chart(section, business_unit)
    assert Event.objects.filter(verb="reports.block_added", target_id=str(block.pk)).exists()


def test_the_title_given_replaces_the_blocks_own(section, business_unit, figures):
    block = _add_chart(section, business_unit, title="Children in care")
    assert block.data["title"] == "Children in care"


def test_a_block_is_added_after_the_sections_others(section, business_unit, figures):
    BlockFactory(section=section, position=3)
    assert _add_chart(section, business_unit).position == 4


def test_an_indicator_table_of_several_indicators(section, business_unit, figures):
    rows = [{"indicator": "csc-lac"}, {"indicator": "training-sessions"}]
    block = block_add(
        section=section, kind="indicator-table", title="", params={"rows": rows, "years": 2}, actor=business_unit
    )
    assert [row[0] for row in block.data["tables"][0]["rows"]] == [
        indicator("csc-lac").definition.title,
        indicator("training-sessions").definition.title,
    ]


def test_an_indicator_table_without_indicators_is_refused(section, business_unit):
    with pytest.raises(ValidationError) as error:
        block_add(section=section, kind="indicator-table", title="", params={"rows": []}, actor=business_unit)
    assert "indicators" in error.value.message_dict


def test_an_unknown_kind_is_refused(section, business_unit):
    with pytest.raises(ValidationError) as error:
        block_add(section=section, kind="no-such-block", title="", params={}, actor=business_unit)
    assert "kind" in error.value.message_dict
    assert not section.blocks.exists()


def test_an_indicator_the_library_does_not_have_is_refused(section, business_unit):
    with pytest.raises(ValidationError) as error:
        _add_chart(section, business_unit, params={"indicator": "no-such-indicator"})
    assert "indicator" in error.value.message_dict


def test_a_chart_without_an_indicator_is_refused(section, business_unit):
    with pytest.raises(ValidationError):
        _add_chart(section, business_unit, params={})


def test_years_out_of_range_are_refused(section, business_unit):
    with pytest.raises(ValidationError) as error:
        _add_chart(section, business_unit, params={"indicator": "csc-lac", "years": 0})
    assert "years" in error.value.message_dict


def test_a_published_report_refuses_a_new_block(section, business_unit):
    _publish(section)
    with pytest.raises(ValidationError):
        _add_chart(section, business_unit)
    assert not section.blocks.exists()


def test_a_published_report_refuses_to_lose_a_block(section, business_unit):
    block = BlockFactory(section=section)
    _publish(section)
    with pytest.raises(ValidationError):
        block_remove(block=block, actor=business_unit)
    assert Block.objects.filter(pk=block.pk).exists()


@pytest.mark.parametrize("persona", ["agency_lead", "board_member"])
def test_only_the_business_unit_adds_a_block(section, persona, request):
    with pytest.raises(PermissionDenied):
        _add_chart(section, request.getfixturevalue(persona))


def test_a_block_is_removed_and_recorded(section, business_unit):
    block = BlockFactory(section=section)
    block_remove(block=block, actor=business_unit)
    assert not section.blocks.exists()
    assert Event.objects.filter(verb="reports.block_removed").exists()


def test_a_block_moves_up(section, business_unit):
    first, second = BlockFactory(section=section, position=0), BlockFactory(section=section, position=1)
    block_move(block=second, direction="up", actor=business_unit)
    assert list(section.blocks.all()) == [second, first]


def test_the_last_block_does_not_move_down(section, business_unit):
    first, second = BlockFactory(section=section, position=0), BlockFactory(section=section, position=1)
    block_move(block=second, direction="down", actor=business_unit)
    assert list(section.blocks.all()) == [first, second]


# --- the pages -------------------------------------------------------------------------------


def test_the_first_step_offers_every_kind_with_what_it_shows(client, section, business_unit, partnership):
    client.force_login(business_unit)
    response = client.get(_url("block_add", partnership, section.pk))
    assert b"Indicator chart" in response.content
    assert b"One indicator&#x27;s yearly history" in response.content


def test_continuing_without_a_kind_says_to_choose_one(client, section, business_unit, partnership):
    client.force_login(business_unit)
    # What a browser sends when no radio is checked: the form's hidden field and no "kind".
    response = client.get(_url("block_add", partnership, section.pk) + "?chosen=1")
    assert "Choose what to add." in response.content.decode()


def test_the_second_step_lists_the_librarys_indicators(client, section, business_unit, partnership):
    client.force_login(business_unit)
    response = client.get(_url("block_add", partnership, section.pk) + "?kind=indicator-table")
    assert indicator("csc-lac").definition.title in response.content.decode()


def test_an_indicator_chart_is_added_through_the_page(client, section, business_unit, partnership, figures):
    client.force_login(business_unit)
    response = client.post(
        _url("block_add", partnership, section.pk) + "?kind=indicator-chart",
        {"kind": "indicator-chart", "indicator": "csc-lac", "title": ""},
    )
    assert response.status_code == 302
    assert section.blocks.get().data["tables"][0]["rows"][-1] == ["2014-15", "313"]


def test_a_chart_sent_without_an_indicator_says_what_is_missing(client, section, business_unit, partnership):
    client.force_login(business_unit)
    response = client.post(
        _url("block_add", partnership, section.pk) + "?kind=indicator-chart", {"kind": "indicator-chart"}
    )
    assert "Choose the indicator to chart." in response.content.decode()
    assert not section.blocks.exists()


@pytest.mark.parametrize("persona", ["agency_lead", "board_member"])
def test_the_add_page_is_refused_to_others(client, section, partnership, persona, request):
    client.force_login(request.getfixturevalue(persona))
    response = client.post(
        _url("block_add", partnership, section.pk), {"kind": "indicator-chart", "indicator": "csc-lac"}
    )
    assert response.status_code in (403, 404)
    assert not section.blocks.exists()


def test_another_partnerships_section_answers_404(client, business_unit, other_partnership, partnership):
    foreign = SectionFactory(report=ReportFactory(partnership=other_partnership))
    client.force_login(business_unit)
    assert client.get(_url("block_add", partnership, foreign.pk)).status_code == 404


def test_a_published_report_adds_nothing_through_the_page(client, section, business_unit, partnership):
    _publish(section)
    client.force_login(business_unit)
    client.post(
        _url("block_add", partnership, section.pk) + "?kind=indicator-chart",
        {"kind": "indicator-chart", "indicator": "csc-lac"},
    )
    assert not section.blocks.exists()


def test_remove_asks_first(client, section, business_unit, partnership):
    block = BlockFactory(section=section)
    client.force_login(business_unit)
    response = client.get(_url("block_remove", partnership, block.pk))
    assert response.status_code == 200
    assert "its figures go with it" in response.content.decode()
    assert section.blocks.exists()


def test_remove_confirmed_removes(client, section, business_unit, partnership):
    block = BlockFactory(section=section)
    client.force_login(business_unit)
    response = client.post(_url("block_remove", partnership, block.pk))
    assert response.status_code == 302
    assert not section.blocks.exists()


def test_the_section_page_offers_to_add_and_remove(client, section, business_unit, partnership):
    BlockFactory(section=section)
    client.force_login(business_unit)
    content = client.get(_url("section_detail", partnership, section.pk)).content.decode()
    assert "Add a table or chart" in content
    assert _url("block_remove", partnership, section.blocks.get().pk) in content


def test_an_indicator_table_is_added_through_the_page(client, section, business_unit, partnership, figures):
    client.force_login(business_unit)
    client.post(
        _url("block_add", partnership, section.pk) + "?kind=indicator-table",
        {"kind": "indicator-table", "indicators": ["csc-lac", "training-sessions"], "years": "3"},
    )
    block = section.blocks.get()
    assert block.params == {
        "rows": [{"indicator": "csc-lac"}, {"indicator": "training-sessions"}],
        "chart": "none",
        "years": 3,
    }
