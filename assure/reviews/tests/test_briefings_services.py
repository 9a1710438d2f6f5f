"""Learning briefings' services: written with an address made from the title and unique in the
partnership, the source rules, changed, published only with every required section written, and
withdrawn with a reason."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from assure.audit.selectors import events_about
from assure.reviews.models import Briefing
from assure.reviews.services import briefings as services
from assure.reviews.services.briefings import briefing_create, briefing_publish, briefing_update, briefing_withdraw
from assure.reviews.tests.factories import BriefingFactory, ReviewFactory

SECTIONS = {
    "background": "New guidance on children who go missing.",
    "why-it-matters": "Missing children are at risk of exploitation.",
    "what-we-found": "Return interviews were not always offered.",
    "what-to-do": "Offer a return interview every time.",
    "questions": "Who offers return interviews in your area?",
}


def _write(actor, partnership, title="Children missing from care", **fields):
    values = {"source": Briefing.Source.LEGISLATION, "source_note": "Statutory guidance, 2014", "sections": SECTIONS}
    return briefing_create(actor=actor, partnership=partnership, title=title, **{**values, **fields})


def test_a_briefing_is_written_as_a_draft_on_the_seven_minute_layout(business_unit, partnership):
    briefing = _write(business_unit, partnership)

    assert briefing.status == Briefing.Status.DRAFT
    assert briefing.layout.code == "seven-minute"
    assert briefing.slug == "children-missing-from-care"
    assert events_about(target=briefing, verb="reviews.briefing_created").exists()


def test_the_search_text_holds_the_sections_words(business_unit, partnership):
    briefing = _write(business_unit, partnership)

    assert "Return interviews were not always offered." in briefing.search_text


def test_a_second_briefing_of_the_same_title_takes_the_next_address(business_unit, partnership):
    _write(business_unit, partnership)

    second = _write(business_unit, partnership)

    assert second.slug == "children-missing-from-care-2"


def test_another_partnerships_briefing_does_not_take_the_address(business_unit, partnership, other_partnership):
    BriefingFactory(partnership=other_partnership, slug="children-missing-from-care")

    assert _write(business_unit, partnership).slug == "children-missing-from-care"


def test_the_feeds_address_is_never_a_briefings(business_unit, partnership):
    assert _write(business_unit, partnership, title="Feed").slug == "feed-2"


def test_only_the_business_unit_writes_briefings(board_member, partnership):
    with pytest.raises(PermissionDenied):
        _write(board_member, partnership)


def test_a_local_review_briefing_names_the_review(business_unit, partnership):
    with pytest.raises(ValidationError) as raised:
        _write(business_unit, partnership, source=Briefing.Source.LOCAL_REVIEW, source_note="")

    assert "review" in raised.value.message_dict


def test_a_review_of_another_partnership_is_refused(business_unit, partnership, other_partnership):
    foreign = ReviewFactory(partnership=other_partnership)

    with pytest.raises(ValidationError) as raised:
        _write(business_unit, partnership, source=Briefing.Source.LOCAL_REVIEW, review=foreign)

    assert "review" in raised.value.message_dict


def test_a_review_of_any_status_may_be_its_source(business_unit, partnership):
    review = ReviewFactory(partnership=partnership, status="under-way")

    briefing = _write(business_unit, partnership, source=Briefing.Source.LOCAL_REVIEW, review=review)

    assert briefing.review == review


def test_a_national_review_briefing_names_the_review_in_a_note(business_unit, partnership):
    with pytest.raises(ValidationError) as raised:
        _write(business_unit, partnership, source=Briefing.Source.NATIONAL_REVIEW, source_note="")

    assert "source_note" in raised.value.message_dict


def test_text_for_sections_the_layout_lacks_is_not_kept(business_unit, partnership):
    briefing = _write(business_unit, partnership, sections={**SECTIONS, "gossip": "Not a section"})

    assert "gossip" not in briefing.sections


def test_a_drafts_address_follows_its_new_title(business_unit, draft_briefing):
    briefing_update(
        actor=business_unit,
        briefing=draft_briefing,
        title="Return interviews",
        source=draft_briefing.source,
        source_note=draft_briefing.source_note,
        sections=draft_briefing.sections,
    )

    assert draft_briefing.slug == "return-interviews"


def test_a_published_briefing_keeps_its_address_when_retitled(business_unit, published_briefing):
    briefing_update(
        actor=business_unit,
        briefing=published_briefing,
        title="Neglect: the whole child",
        source=published_briefing.source,
        source_note=published_briefing.source_note,
        sections=published_briefing.sections,
    )

    published_briefing.refresh_from_db()
    assert (published_briefing.title, published_briefing.slug) == (
        "Neglect: the whole child",
        "neglect-seeing-the-whole-child",
    )


def test_saving_a_briefing_unchanged_changes_nothing(business_unit, draft_briefing):
    changed = briefing_update(
        actor=business_unit,
        briefing=draft_briefing,
        title=draft_briefing.title,
        source=draft_briefing.source,
        source_note=draft_briefing.source_note,
        sections=draft_briefing.sections,
    )

    assert changed == []
    assert not events_about(target=draft_briefing, verb="reviews.briefing_changed").exists()


def test_a_changed_section_is_searchable(business_unit, draft_briefing):
    briefing_update(
        actor=business_unit,
        briefing=draft_briefing,
        title=draft_briefing.title,
        source=draft_briefing.source,
        source_note=draft_briefing.source_note,
        sections={**draft_briefing.sections, "what-to-do": "Ask about county lines."},
    )

    draft_briefing.refresh_from_db()
    assert "county lines" in draft_briefing.search_text


def test_publishing_puts_the_briefing_on_the_public_page(business_unit, draft_briefing):
    briefing_publish(actor=business_unit, briefing=draft_briefing)

    draft_briefing.refresh_from_db()
    assert draft_briefing.status == Briefing.Status.PUBLISHED
    assert draft_briefing.published_by == business_unit
    assert events_about(target=draft_briefing, verb="reviews.briefing_published").exists()


def test_a_briefing_missing_a_required_section_is_not_published(business_unit, draft_briefing):
    draft_briefing.sections = {**draft_briefing.sections, "questions": "  "}
    draft_briefing.save()

    with pytest.raises(ValidationError, match="Questions to ask yourself"):
        briefing_publish(actor=business_unit, briefing=draft_briefing)


def test_further_reading_is_not_required_to_publish(business_unit, draft_briefing):
    draft_briefing.sections = {k: v for k, v in draft_briefing.sections.items() if k != "further-reading"}
    draft_briefing.save()

    assert briefing_publish(actor=business_unit, briefing=draft_briefing).is_published


def test_a_published_briefing_is_not_published_twice(business_unit, published_briefing):
    with pytest.raises(PermissionDenied):
        briefing_publish(actor=business_unit, briefing=published_briefing)


def test_withdrawing_needs_a_reason(business_unit, published_briefing):
    with pytest.raises(ValidationError) as raised:
        briefing_withdraw(actor=business_unit, briefing=published_briefing, reason=" ")

    assert "reason" in raised.value.message_dict


def test_withdrawing_takes_the_briefing_off_and_keeps_the_reason(business_unit, published_briefing):
    briefing_withdraw(actor=business_unit, briefing=published_briefing, reason="Guidance since replaced.")

    published_briefing.refresh_from_db()
    assert published_briefing.status == Briefing.Status.WITHDRAWN
    event = events_about(target=published_briefing, verb="reviews.briefing_withdrawn").get()
    assert event.data == {"reason": "Guidance since replaced."}


def test_a_draft_cannot_be_withdrawn(business_unit, draft_briefing):
    with pytest.raises(PermissionDenied):
        briefing_withdraw(actor=business_unit, briefing=draft_briefing, reason="Not needed.")


def test_a_withdrawn_briefing_may_be_published_again(business_unit, published_briefing):
    briefing_withdraw(actor=business_unit, briefing=published_briefing, reason="A detail to correct.")

    briefing_publish(actor=business_unit, briefing=published_briefing)

    assert published_briefing.status == Briefing.Status.PUBLISHED


def test_publishing_tells_the_figures(business_unit, draft_briefing, monkeypatch):
    told = []
    monkeypatch.setattr(services, "records_changed", lambda owner, **kwargs: told.append((owner, kwargs)))

    briefing_publish(actor=business_unit, briefing=draft_briefing)

    assert told and told[0][0] == "reviews"
    assert told[0][1]["partnership_ids"] == [draft_briefing.partnership_id]
