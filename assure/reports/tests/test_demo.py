"""The demo's reports: Shropshire's annual report for 2014-15, published, whose computed blocks
give every figure the published report states for a system Assure has; and the draft pack for
the board's March 2015 meeting."""

import datetime as dt
import re

import pytest
from django.utils import timezone

from assure.demo.region import current_year
from assure.reports.demo import content
from assure.reports.models import Block, Report, Section
from tests.real_names import real_names_in


@pytest.fixture
def demo(demo_region, db):
    """The shared demo region (conftest.py), each test in a transaction of its own."""
    return demo_region


def today() -> dt.date:
    return timezone.localdate()


def annual() -> Report:
    return Report.objects.get(partnership__slug="shropshire", kind=Report.Kind.ANNUAL, year="2014-15")


def data_of(kind: str, **params) -> dict:
    blocks = Block.objects.filter(section__report=annual(), kind=kind)
    for name, value in params.items():
        blocks = blocks.filter(**{f"params__{name}": value})
    found = blocks.first()
    assert found is not None and found.data, kind
    return found.data


def table_rows(data: dict, caption_start: str = "") -> list[list[str]]:
    table = next(t for t in data["tables"] if t["caption"].startswith(caption_start))
    return table["rows"]


def text(data: dict) -> str:
    return " ".join(data["paragraphs"])


# --- the report ------------------------------------------------------------------------------


def test_the_annual_report_is_published(demo):
    report = annual()
    assert report.is_published and report.published_by.email.startswith("business-unit@shropshire")


def test_the_annual_report_was_published_in_2015_and_its_figures_are_of_that_day(demo):
    report = annual()
    assert timezone.localtime(report.published_at).date() == dt.date(2015, 10, 15)
    assert {b.data["as_at"] for b in Block.objects.filter(section__report=report)} == {"2015-10-15"}
    asked = Section.objects.get(report=report, requested_from__isnull=False)
    assert asked.due_on.year == 2015


def current_annual() -> Report:
    return Report.objects.get(partnership__slug="shropshire", kind=Report.Kind.ANNUAL, year=current_year(today()))


def test_the_current_years_annual_report_is_a_draft(demo):
    assert current_annual().status == Report.Status.DRAFT


def test_the_current_report_asks_agency_leads_for_their_sections_one_overdue(demo):
    asked = Section.objects.filter(report=current_annual(), requested_from__isnull=False)
    assert {s.requested_from.email for s in asked} == {
        "agency-lead@shropshire.demo.assure.test",
        "police-lead@west-mercia.demo.assure.test",
    }
    assert [s.agency.name for s in asked if s.is_overdue] == ["West Mercia Police"]


def test_every_block_was_computed_and_none_failed(demo):
    blocks = Block.objects.filter(section__report=annual())
    assert blocks.count() >= 20
    assert all(b.data and b.data["source"] for b in blocks)


def test_the_annual_report_has_more_than_twenty_charts_each_with_its_table(demo):
    charts = 0
    for block in Block.objects.filter(section__report=annual()):
        for chart in block.data["charts"]:
            charts += 1
            assert 0 <= chart["table"] < len(block.data["tables"])
            assert chart["description"]
    assert charts >= 20


def test_one_agency_section_was_requested_from_and_written_by_its_lead(demo):
    section = Section.objects.get(report=annual(), key="agency", requested_from__isnull=False)
    assert section.agency.name == "Shropshire Community Health NHS Trust"
    assert section.updated_by == section.requested_from
    assert section.body == content.CONTRIBUTION


def test_every_agency_on_the_board_has_a_section_of_its_own_accepted(demo):
    sections = list(Section.objects.filter(report=annual(), key="agency"))
    bodies = {section.body for section in sections}
    assert len(sections) == 18 and len(bodies) == 18
    assert {section.status for section in sections} == {Section.Status.ACCEPTED}


def test_no_section_of_the_published_report_is_the_templates_guidance(demo):
    for section in Section.objects.filter(report=annual()).exclude(guidance=""):
        assert " ".join(section.guidance.split()) not in " ".join(section.body.split()), section.title


def test_agency_narratives_leave_their_figures_to_the_data_blocks(demo):
    # Dates, years and the sections of Acts are words, not figures.
    words = re.compile(r"\b(?:19|20)\d\d(?:-\d\d)?\b|\bsection \d+\b", re.IGNORECASE)
    for section in Section.objects.filter(report=annual(), key="agency"):
        assert not re.search(r"\d", words.sub("", section.body)), section.title


def test_each_agency_that_gave_figures_has_them_in_a_data_block(demo):
    with_blocks = set(
        Block.objects.filter(section__report=annual(), section__key="agency").values_list(
            "section__agency__name", flat=True
        )
    )
    assert {
        "West Mercia Police",
        "National Probation Service",
        "West Mercia Youth Offending Service",
        "Shropshire Council Children's Social Care",
        "Shropshire Council Early Help",
        "Shropshire Council Education Access Service",
        "Shropshire Council Public Health",
        "Shropshire Clinical Commissioning Group",
        "South Staffordshire and Shropshire Healthcare NHS Foundation Trust",
    } <= with_blocks


def test_every_priority_has_its_section(demo):
    titles = list(Section.objects.filter(report=annual(), key="priority").values_list("title", flat=True))
    assert titles[0] == "Priority 1 – Compromised parenting" and len(titles) == 4


def test_each_priority_section_shows_the_business_plans_review_of_the_year(demo):
    section = Section.objects.get(report=annual(), key="priority", title="Priority 1 – Compromised parenting")
    data = {block.kind: block.data for block in section.blocks.all()}
    captions = [table["caption"] for table in data["priority-review"]["tables"]]
    assert captions == ["What we did, 2014-15", "What difference it made, 2014-15", "What we will do next, 2014-15"]
    evidence = next(t for t in data["priority-impact"]["tables"] if t["caption"] == "Evidence of impact")
    assert "Indicator: " in evidence["rows"][0][0]


def test_the_conclusion_answers_carry_what_the_data_say(demo):
    section = Section.objects.get(report=annual(), key="enough-progress")
    assert "indicators improved on the year before" in section.body


def test_the_narratives_name_no_real_person(demo):
    bodies = " ".join(Section.objects.filter(report__partnership__slug="shropshire").values_list("body", flat=True))
    assert real_names_in(bodies) == []


def march_2015_pack() -> Report:
    return Report.objects.get(kind=Report.Kind.BOARD_PACK, meeting__held_on=dt.date(2015, 3, 19))


def test_the_board_pack_is_a_draft_for_the_march_2015_meeting(demo):
    pack = march_2015_pack()
    assert pack.status == Report.Status.DRAFT
    assert pack.sections.get(key="agenda").body == content.BOARD_PACK["agenda"]


def test_the_next_board_meeting_has_its_papers(demo):
    pack = Report.objects.get(kind=Report.Kind.BOARD_PACK, meeting__held_on__gt=today())
    assert pack.sections.get(key="agenda").body == content.NEXT_BOARD_PACK["agenda"]
    assert Block.objects.filter(section__report=pack, kind="exception-report").exclude(data={}).exists()


def test_the_board_pack_carries_the_exception_report_and_its_commentary(demo):
    pack = march_2015_pack()
    data = Block.objects.get(section__report=pack, kind="exception-report").data
    assert any(row[-1].startswith("Re-referrals rose from 21% to 27.2%") for row in data["tables"][0]["rows"])


# --- the seed's figures, out of the data -------------------------------------------------------


def test_the_childs_journey_gives_the_reports_figures(demo):
    data = data_of("childs-journey")
    said = text(data)
    assert "Early help assessments completed in 2014-15 rose from 424 to 577" in said
    assert "Referrals to children's social care: 2,626 in 2014-15" in said
    assert "rose from 74 to 84 per 10,000 children" in said
    assert "Children subject of a child protection plan: 249 in 2014-15." in said
    assert "Initial child protection conferences within 15 working days: 85.5% in 2014-15." in said
    assert (
        "Looked-after children in 2014-15 rose from 271 to 313, an increase of 15.5% on the previous year's figure."
        in said
    )


def test_the_conference_quality_table_is_the_reports(demo):
    rows = table_rows(data_of("indicator-table", caption="Quality assurance of child protection conferences"))
    assert [row[1:] for row in rows] == [
        ["371", "426"],
        ["72%", "67%"],
        ["64%", "62%"],
        ["57%", "89%"],
        ["96%", "95%"],
        ["85%", "90%"],
        ["69%", "80%"],
        ["32%", "23%"],
        ["98%", "95%"],
        ["33%", "57%"],
        ["97%", "90%"],
        ["96%", "91%"],
        ["96%", "91%"],
        ["96%", "91%"],
    ]


def test_the_section_136_table_is_the_reports(demo):
    data = data_of("indicator-table", caption="Section 136 detentions of under-18s by place of safety")
    assert data["tables"][0]["columns"] == ["Detention area", "2010-11", "2011-12", "2012-13", "2013-14", "2014-15"]
    assert table_rows(data) == [
        ["Police cell", "15", "13", "12", "4", "1"],
        ["136 suite", "Not in use", "7", "12", "21", "26"],
    ]


def test_training_sessions_and_delegates_are_the_reports(demo):
    rows = table_rows(data_of("training-figures"), "Multi-agency training, 2014-15")
    assert [rows[0][:3], rows[3][:3]] == [
        ["Multi-agency training sessions", "35", "42"],
        ["Delegates (sessions and e-learning)", "699", "948"],
    ]


def test_the_budget_totals_the_reports_core_budget(demo):
    data = data_of("budget")
    assert table_rows(data, "Budget summary")[0] == ["Contributions", "£195,480"]
    assert "Contributions for 2014-15 totalled £195,480" in text(data)


def test_attendance_covers_the_six_board_meetings_of_the_year(demo):
    data = data_of("attendance")
    assert text(data).startswith("The board met 6 times in 2014-15.")
    assert all(row[1] == "6" for row in table_rows(data))


def test_schools_are_98_percent_and_early_years_settings_42_percent_compliant(demo):
    said = text(data_of("section11-summary"))
    assert re.search(r"schools safeguarding audit 2014-15: 98% of the criteria rated were met \(245 of 250\)", said)
    assert re.search(r"early years settings safeguarding audit 2014-15: 42% of the criteria rated were met", said)


def test_the_scorecard_extract_says_where_each_computed_figure_came_from(demo):
    said = text(data_of("scorecard-extract"))
    assert re.search(
        r"Early years settings' safeguarding audit criteria met: 42\.2%, computed from 6 Section 11 returns on "
        r"\d+ \w+ \d{4}; 42\.0%(?: \([^)]*\))? returned by Shropshire Council Education Access Service\.",
        said,
    )


def test_the_published_figures_stay_frozen_when_the_data_change(demo):
    from assure.performance.models import Observation

    Observation.objects.filter(
        partnership__slug="shropshire", indicator__code="csc-lac", period__label="2014-15"
    ).update(value=400)
    assert "rose from 271 to 313" in text(data_of("childs-journey"))


# --- the priorities' registers and engagement ---------------------------------------------------


def priority_block(title_contains: str, kind: str) -> dict:
    section = Section.objects.get(report=annual(), key="priority", title__contains=title_contains)
    found = section.blocks.filter(kind=kind).first()
    assert found is not None and found.data, (title_contains, kind)
    return found.data


def all_rows(data: dict) -> list[list[str]]:
    return [row for table in data["tables"] for row in table["rows"]]


def test_priority_2_counts_the_cse_panels_referrals_from_its_register(demo):
    rows = all_rows(priority_block("missing", "register-figures"))
    assert ["Referrals to the CSE panel", "11", "50"] in [row[:3] for row in rows]


def test_priority_1_counts_the_marac_from_its_register(demo):
    rows = [row[:3] for row in all_rows(priority_block("Compromised parenting", "register-figures"))]
    assert [row[2] for row in rows if row[0] in ("Cases discussed", "Repeat cases", "Children affected")] == [
        "175",
        "26",
        "207",
    ]


def test_priority_3_shows_the_campaigns_reach_and_the_survey_year_on_year(demo):
    summary = priority_block("Communication", "engagement-summary")
    words = " ".join(summary["paragraphs"] + [cell for row in all_rows(summary) for cell in map(str, row)])
    assert "427,821" in words and "36" in words
    assert priority_block("Communication", "survey-comparison")["tables"]
