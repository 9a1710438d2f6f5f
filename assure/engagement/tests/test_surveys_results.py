"""A survey's results question by question, and the year-on-year comparison with the previous
survey of its series (percentages of those asked and the change in percentage points)."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils.html import escape

from assure.engagement.selectors.surveys import survey_comparison, survey_results
from assure.engagement.services.surveys import survey_answer
from assure.engagement.tests.factories import SurveyFactory

pytestmark = pytest.mark.django_db


def url(name, survey, **query):
    address = reverse(f"engagement:{name}", kwargs={"partnership": survey.partnership.slug, "pk": survey.pk})
    return address + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def answered(survey, **answers):
    data = {code: value if isinstance(value, list) else [value] for code, value in answers.items()}
    return survey_answer(survey=survey, data=data, today=survey.opens_on)


@pytest.fixture
def years(partnership):
    """February 2014 and February 2015: fewer met a stranger, more would tell a parent."""
    before = SurveyFactory(
        partnership=partnership, title="E-safety 2014", opens_on=dt.date(2014, 2, 1), closes_on=dt.date(2014, 2, 28)
    )
    after = SurveyFactory(
        partnership=partnership, title="E-safety 2015", opens_on=dt.date(2015, 2, 1), closes_on=dt.date(2015, 2, 28)
    )
    for met, tell in [("yes", ["friend"]), ("yes", ["nobody"]), ("no", ["parent"]), ("no", ["parent", "teacher"])]:
        answered(before, **{"met-stranger": met, "would-tell": tell})
    for met, tell in [("yes", ["parent"]), ("no", ["parent"]), ("no", ["parent", "friend"]), ("no", ["teacher"])]:
        answered(after, **{"met-stranger": met, "would-tell": tell})
    return before, after


def test_results_count_each_answer_among_those_asked(business_unit, partnership, years):
    _, after = years
    results = survey_results(user=business_unit, partnership=partnership, survey=after)
    assert results.responses == 4
    met = next(shown.result for shown in results.questions if shown.result.code == "met-stranger")
    assert (met.asked, met.answered) == (4, 4)
    assert (met.choice("yes").count, met.choice("yes").percent) == (1, 25)
    tell = next(shown.result for shown in results.questions if shown.result.code == "would-tell")
    assert (tell.choice("parent").count, tell.choice("parent").percent) == (3, 75)
    assert next(shown for shown in results.questions if shown.result.code == "met-stranger").chart is not None


def test_the_results_page_shows_the_figures_and_a_chart(client, board_member, years):
    _, after = years
    client.force_login(board_member)
    page = client.get(url("survey_results", after)).content.decode()
    assert "4 responses" in page
    assert "75%" in page
    assert 'data-vega-spec="chart-q-' in page


def test_the_results_download(client, business_unit, years):
    _, after = years
    client.force_login(business_unit)
    response = client.get(url("survey_results", after, format="csv"))
    assert response.status_code == 200
    assert "A parent or carer" in response.content.decode()


def test_the_comparison_is_with_the_previous_survey_of_the_series(business_unit, partnership, years):
    before, after = years
    comparison = survey_comparison(user=business_unit, partnership=partnership, survey=after)
    assert comparison.previous == before
    assert (comparison.before, comparison.now) == ("February 2014", "February 2015")
    met = next(q for q in comparison.questions if q.code == "met-stranger")
    yes = next(change for change in met.changes if change.answer == "Yes")
    assert (yes.before.percent, yes.now.percent, yes.points) == (50, 25, -25)
    assert yes.points_text == "Down 25 percentage points"
    tell = next(q for q in comparison.questions if q.code == "would-tell")
    parent = next(change for change in tell.changes if change.answer == "A parent or carer")
    assert (parent.before.percent, parent.now.percent, parent.points) == (50, 75, 25)
    yes_row = next(row for row in comparison.yes_rows if row.code == "met-stranger")
    assert [figure.percent for figure in yes_row.figures] == [50, 25]


def test_another_series_is_not_compared(business_unit, partnership, years):
    _, after = years
    SurveyFactory(
        partnership=partnership, series="parents-esafety", opens_on=dt.date(2014, 6, 1), closes_on=dt.date(2014, 6, 30)
    )
    comparison = survey_comparison(user=business_unit, partnership=partnership, survey=after)
    assert comparison.previous.title == "E-safety 2014"


def test_the_first_survey_of_a_series_has_nothing_to_compare(client, business_unit, years):
    before, _ = years
    client.force_login(business_unit)
    page = client.get(url("survey_compare", before)).content.decode()
    assert "There is no earlier survey" in page


def test_the_comparison_page_and_its_download(client, chair, years):
    _, after = years
    client.force_login(chair)
    page = client.get(url("survey_compare", after)).content.decode()
    assert "Down 25 percentage points" in page
    assert escape("February 2014") in page
    download = client.get(url("survey_compare", after, format="csv")).content.decode()
    assert "February 2014: %" in download
    assert "-25" in download
