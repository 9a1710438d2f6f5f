"""The return's page starts with what to do: its status and deadline, what is challenged (each a
link to its criterion) and how much is unrated; each challenged criterion links to the next."""

import re

import pytest
from django.urls import reverse

from assure.section11.models import Response, Return

from .factories import CycleFactory, ReturnFactory

Moderation = Response.Moderation


def _page(client, user, partnership, return_record) -> str:
    client.force_login(user)
    url = reverse("section11:return_detail", kwargs={"partnership": partnership.slug, "pk": return_record.pk})
    return client.get(url).content.decode()


def _panel(page: str) -> str:
    return page[page.index('id="what-to-do"') : page.index("Standard 1:")]


@pytest.fixture
def under_challenge(partnership, agency) -> Return:
    return_record = ReturnFactory(
        cycle=CycleFactory(lead_partnership=partnership), agency=agency, status=Return.Status.UNDER_CHALLENGE
    )
    return_record.responses.filter(not_applicable=False).update(self_rating="amber")
    return_record.responses.filter(criterion="1.2").update(moderation=Moderation.CHALLENGED)
    return_record.responses.filter(criterion="2.1").update(moderation=Moderation.ANSWERED)
    return return_record


def test_the_panel_links_to_each_challenged_criterion(client, agency_lead, partnership, under_challenge):
    panel = _panel(_page(client, agency_lead, partnership, under_challenge))
    assert '<a class="govuk-link" href="#criterion-1.2">Criterion 1.2</a>: awaiting the agency’s answer' in panel
    assert '<a class="govuk-link" href="#criterion-2.1">Criterion 2.1</a>: answered, awaiting the moderator' in panel
    assert "#criterion-1.1" not in panel


def test_the_panel_tells_the_agency_lead_to_answer_the_challenges(client, agency_lead, partnership, under_challenge):
    assert "Answer each challenged criterion" in _panel(_page(client, agency_lead, partnership, under_challenge))


def test_the_panel_says_what_the_moderator_does(client, auditor, partnership, under_challenge):
    assert "starting with the answers awaiting you" in _panel(_page(client, auditor, partnership, under_challenge))


def test_each_challenged_criterion_links_to_the_next(client, agency_lead, partnership, under_challenge):
    page = _page(client, agency_lead, partnership, under_challenge)
    first = page[page.index('id="criterion-1.2"') : page.index('id="criterion-2.1"')]
    assert '<a class="govuk-link" href="#criterion-2.1">Next challenged criterion: 2.1</a>' in first
    last = page[page.index('id="criterion-2.1"') :]
    assert "This is the last challenged criterion." in last


def test_a_criterion_not_challenged_has_no_next_link(client, agency_lead, partnership, under_challenge):
    page = _page(client, agency_lead, partnership, under_challenge)
    first = page[page.index('id="criterion-1.1"') : page.index('id="criterion-1.2"')]
    assert "Next challenged criterion" not in first


def test_the_panel_counts_the_unrated_criteria_and_links_to_the_first(client, agency_lead, partnership, agency):
    return_record = ReturnFactory(cycle=CycleFactory(lead_partnership=partnership), agency=agency)
    return_record.responses.filter(criterion="1.1").update(self_rating="green")
    panel = _panel(_page(client, agency_lead, partnership, return_record))
    assert re.search(r'2 criteria: <a class="govuk-link" href="#criterion-1.2">go to the first, 1.2</a>', panel)
    assert "then check and submit the return by" in panel


def test_a_return_fully_rated_has_nothing_unrated(client, agency_lead, partnership, under_challenge):
    panel = _panel(_page(client, agency_lead, partnership, under_challenge))
    assert re.search(r"Not yet rated</dt>\s*<dd class=\"govuk-summary-list__value\">None</dd>", panel)
