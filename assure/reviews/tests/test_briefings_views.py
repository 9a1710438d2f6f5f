"""The partnership's pages of learning briefings: the register and its export, a briefing written
through its form (warned first of text that looks as if it names someone), its page, and its
publication and withdrawal."""

import pytest
from django.urls import reverse

from assure.reviews.models import Briefing
from assure.reviews.tests.factories import BriefingFactory

SECTIONS = {
    "section_background": "New guidance on children who go missing.",
    "section_why-it-matters": "Missing children are at risk of exploitation.",
    "section_what-we-found": "Return interviews were not always offered.",
    "section_what-to-do": "Offer a return interview every time.",
    "section_questions": "Who offers return interviews in your area?",
}


def _url(name, partnership, **kwargs) -> str:
    return reverse(name, kwargs={"partnership": partnership.slug, **kwargs})


@pytest.fixture
def signed_in(client, business_unit):
    client.force_login(business_unit)
    return client


def _form(**fields) -> dict:
    return {
        "title": "Children missing from care",
        "source": Briefing.Source.LEGISLATION,
        "source_note": "Statutory guidance, January 2014",
        **SECTIONS,
        **fields,
    }


def test_the_register_lists_the_partnerships_briefings(client, board_member, partnership, draft_briefing):
    client.force_login(board_member)

    response = client.get(_url("reviews:briefings", partnership))

    assert draft_briefing.title in response.content.decode()


def test_the_register_exports_every_briefing(signed_in, partnership, draft_briefing, published_briefing):
    response = signed_in.get(_url("reviews:briefings", partnership) + "?_export=csv")

    text = response.content.decode()
    assert draft_briefing.title in text and published_briefing.title in text


def test_the_register_filters_by_status(signed_in, partnership, draft_briefing, published_briefing):
    page = signed_in.get(_url("reviews:briefings", partnership) + "?status=published").content.decode()

    assert published_briefing.title in page
    assert draft_briefing.title not in page


def test_an_agency_lead_has_no_register(client, agency_lead, partnership):
    client.force_login(agency_lead)

    assert client.get(_url("reviews:briefings", partnership)).status_code == 403


def test_the_form_gives_each_section_its_help_as_a_hint(signed_in, partnership):
    page = signed_in.get(_url("reviews:briefing_create", partnership)).content.decode()

    assert "Three or four questions a team can discuss" in page


def test_writing_a_briefing_saves_a_draft(signed_in, partnership):
    response = signed_in.post(_url("reviews:briefing_create", partnership), _form())

    briefing = Briefing.objects.get(partnership=partnership)
    assert response.status_code == 302
    assert briefing.sections["questions"] == "Who offers return interviews in your area?"


def test_a_service_error_shows_against_its_field(signed_in, partnership):
    response = signed_in.post(_url("reviews:briefing_create", partnership), _form(source_note=""))

    assert response.status_code == 200
    assert "Name the legislation or guidance the briefing is about." in response.content.decode()


def test_a_section_that_looks_like_a_name_is_warned_of_first(signed_in, partnership):
    data = _form(**{"section_background": "The worker met Jane Smith at home."})

    response = signed_in.post(_url("reviews:briefing_create", partnership), data)

    assert response.status_code == 200
    assert "may name a child" in response.content.decode()
    assert not Briefing.objects.exists()


def test_the_briefing_is_saved_once_the_warning_was_seen(signed_in, partnership):
    data = _form(**{"section_background": "The worker met Jane Smith at home.", "checked": "True"})

    signed_in.post(_url("reviews:briefing_create", partnership), data)

    assert Briefing.objects.filter(partnership=partnership).exists()


def test_changing_a_briefing_saves_its_sections(signed_in, partnership, draft_briefing):
    signed_in.post(
        _url("reviews:briefing_edit", partnership, pk=draft_briefing.pk),
        _form(title=draft_briefing.title, **{"section_what-to-do": "Ask about county lines."}),
    )

    draft_briefing.refresh_from_db()
    assert draft_briefing.sections["what-to-do"] == "Ask about county lines."


def test_a_briefings_page_shows_it_as_the_public_will_read_it(client, chair, partnership, draft_briefing):
    client.force_login(chair)

    page = client.get(_url("reviews:briefing_detail", partnership, pk=draft_briefing.pk)).content.decode()

    assert "Return interviews were not always offered." in page


def test_a_briefings_page_warns_its_writer_of_a_section_naming_someone(signed_in, partnership):
    briefing = BriefingFactory(partnership=partnership, sections={"background": "The worker met Jane Smith at home."})

    page = signed_in.get(_url("reviews:briefing_detail", partnership, pk=briefing.pk)).content.decode()

    assert "may name a child" in page


def test_publishing_is_asked_first(signed_in, partnership, draft_briefing):
    response = signed_in.get(_url("reviews:briefing_publish", partnership, pk=draft_briefing.pk))

    assert "Publish the briefing" in response.content.decode()
    draft_briefing.refresh_from_db()
    assert draft_briefing.status == Briefing.Status.DRAFT


def test_publishing_puts_the_briefing_on_the_public_page(signed_in, partnership, draft_briefing):
    signed_in.post(_url("reviews:briefing_publish", partnership, pk=draft_briefing.pk))

    response = signed_in.get(reverse("learning:index", kwargs={"partnership": partnership.slug}))
    assert draft_briefing.title in response.content.decode()


def test_the_publish_page_names_the_sections_still_to_write(signed_in, partnership):
    briefing = BriefingFactory(partnership=partnership, sections={"background": "Only this."})

    page = signed_in.get(_url("reviews:briefing_publish", partnership, pk=briefing.pk)).content.decode()

    assert "Not yet written: Why it matters" in page


def test_a_published_briefing_has_no_publish_page(signed_in, partnership, published_briefing):
    assert signed_in.get(_url("reviews:briefing_publish", partnership, pk=published_briefing.pk)).status_code == 404


def test_withdrawing_without_a_reason_is_refused(signed_in, partnership, published_briefing):
    response = signed_in.post(_url("reviews:briefing_withdraw", partnership, pk=published_briefing.pk), {})

    assert "Say why the briefing is withdrawn." in response.content.decode()
    published_briefing.refresh_from_db()
    assert published_briefing.status == Briefing.Status.PUBLISHED


def test_a_withdrawn_briefings_page_gives_the_reason(signed_in, partnership, published_briefing):
    signed_in.post(
        _url("reviews:briefing_withdraw", partnership, pk=published_briefing.pk), {"reason": "Guidance replaced."}
    )

    page = signed_in.get(_url("reviews:briefing_detail", partnership, pk=published_briefing.pk)).content.decode()
    assert "Guidance replaced." in page
