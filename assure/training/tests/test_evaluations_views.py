"""The pages of evaluations: a delegate's own evaluation and certificate (nobody else's), the
results page and its download, and choosing and removing quotes."""

import pytest
from django.urls import reverse

from assure.training.models import Evaluation, Quote
from assure.training.tests.evaluation_helpers import AFTER_ANSWERS, answered, attended_booking, held_session

pytestmark = pytest.mark.django_db


def url(name, partnership, **kwargs):
    return reverse(f"training:{name}", kwargs={"partnership": partnership.slug, **kwargs})


@pytest.fixture
def held(course):
    return held_session(course)


@pytest.fixture
def own(held, profile):
    return attended_booking(held, practitioner=profile, agency=profile.agency)


def test_certificate_is_refused_before_the_evaluation(client, practitioner, partnership, own):
    client.force_login(practitioner)
    response = client.get(url("certificate", partnership, pk=own.pk))
    assert response.status_code == 404
    assert "once you have given your evaluation after the course" in response.content.decode()


def test_certificate_is_given_after_the_evaluation(client, practitioner, partnership, own):
    answered(own, "after", scores=(4, 4, 4))
    client.force_login(practitioner)
    response = client.get(url("certificate", partnership, pk=own.pk))
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")


def test_certificate_of_another_practitioner_is_not_found(client, practitioner, partnership, held):
    other = attended_booking(held)
    answered(other, "after", scores=(4, 4, 4))
    client.force_login(practitioner)
    assert client.get(url("certificate", partnership, pk=other.pk)).status_code == 404


def test_business_unit_downloads_a_delegates_certificate(client, business_unit, partnership, held):
    booking = attended_booking(held)
    answered(booking, "after", scores=(4, 4, 4))
    client.force_login(business_unit)
    assert client.get(url("certificate_copy", partnership, pk=booking.pk)).content.startswith(b"%PDF")


def test_evaluation_of_another_practitioner_is_not_found(client, practitioner, partnership, held):
    evaluation = answered(attended_booking(held), "after", submit=False)
    client.force_login(practitioner)
    assert client.get(url("evaluate", partnership, pk=evaluation.pk)).status_code == 404


def test_starting_the_after_evaluation_opens_its_page(client, practitioner, partnership, own):
    client.force_login(practitioner)
    response = client.post(url("evaluation_start", partnership, pk=own.pk, stage="after"))
    evaluation = Evaluation.objects.get(booking=own, stage="after")
    assert response.url == url("evaluate", partnership, pk=evaluation.pk)


def test_evaluation_page_asks_confidence_in_each_outcome(client, practitioner, partnership, own):
    client.force_login(practitioner)
    client.post(url("evaluation_start", partnership, pk=own.pk, stage="after"))
    evaluation = Evaluation.objects.get(booking=own, stage="after")
    page = client.get(url("evaluate", partnership, pk=evaluation.pk)).content.decode()
    assert page.count('name="confidence-') == 3 * 5


def _submit(client, partnership, evaluation, **confidence):
    data = {key: value[0] for key, value in AFTER_ANSWERS.items()} | confidence | {"action": "submit"}
    return client.post(url("evaluate", partnership, pk=evaluation.pk), data)


def test_submitting_without_rating_every_outcome_shows_the_problem(client, practitioner, partnership, own):
    client.force_login(practitioner)
    client.post(url("evaluation_start", partnership, pk=own.pk, stage="after"))
    evaluation = Evaluation.objects.get(booking=own, stage="after")
    response = _submit(client, partnership, evaluation, **{"confidence-0": "4"})
    assert response.status_code == 200
    assert 'href="#confidence-1"' in response.content.decode()


def test_submitting_the_page_hands_the_evaluation_in(client, practitioner, partnership, own):
    client.force_login(practitioner)
    client.post(url("evaluation_start", partnership, pk=own.pk, stage="after"))
    evaluation = Evaluation.objects.get(booking=own, stage="after")
    _submit(client, partnership, evaluation, **{"confidence-0": "4", "confidence-1": "3", "confidence-2": "5"})
    evaluation.refresh_from_db()
    assert evaluation.is_submitted
    assert sorted(evaluation.confidences.values_list("score", flat=True)) == [3, 4, 5]


def test_results_page_is_read_by_the_board(client, board_member, partnership, held):
    answered(attended_booking(held), "after", scores=(4, 4, 4))
    client.force_login(board_member)
    response = client.get(url("evaluations", partnership))
    assert response.status_code == 200
    assert "Choose for the annual report" not in response.content.decode()


def test_results_page_offers_answers_in_words_to_the_business_unit(client, business_unit, partnership, held):
    answered(attended_booking(held), "after", scores=(4, 4, 4))
    client.force_login(business_unit)
    page = client.get(url("evaluations", partnership)).content.decode()
    assert "Ring the duty team before I send a referral." in page


def test_results_download_as_csv(client, business_unit, partnership, held):
    answered(attended_booking(held), "after", scores=(4, 4, 4))
    client.force_login(business_unit)
    response = client.get(url("evaluations", partnership) + "?format=csv")
    assert held.reference in response.content.decode()


def test_quote_is_chosen_from_the_page(client, business_unit, partnership, held):
    evaluation = answered(attended_booking(held), "after", scores=(4, 4, 4))
    client.force_login(business_unit)
    client.post(
        url("quote_select", partnership, pk=evaluation.pk, question="after-differently"), {"text": "Ring first."}
    )
    assert Quote.objects.get().text == "Ring first."


def test_quote_is_removed_after_confirming(client, business_unit, partnership, held):
    evaluation = answered(attended_booking(held), "after", scores=(4, 4, 4))
    quote = Quote.objects.create(
        partnership=partnership, evaluation=evaluation, question="after-differently", text="A", year="2026-27"
    )
    client.force_login(business_unit)
    assert client.get(url("quote_remove", partnership, pk=quote.pk)).status_code == 200
    client.post(url("quote_remove", partnership, pk=quote.pk))
    assert not Quote.objects.exists()


def test_quotes_register_lists_the_years_quotes(client, board_member, partnership, held):
    evaluation = answered(attended_booking(held), "after", scores=(4, 4, 4))
    Quote.objects.create(
        partnership=partnership, evaluation=evaluation, question="after-differently", text="Ring first.", year="2014-15"
    )
    client.force_login(board_member)
    assert "Ring first." in client.get(url("quotes", partnership) + "?year=2014-15").content.decode()
