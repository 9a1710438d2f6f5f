"""The pages of voices: the register filters, searches and downloads; the board reads only the
voices that may be quoted; recording warns once when the words seem to name someone; a review,
a choice for the annual report and a removal each confirmed; the business unit's waiting list."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from assure.core.waiting import waiting_for
from assure.engagement.models import Voice
from assure.engagement.tests.factories import VoiceFactory

pytestmark = pytest.mark.django_db


def url(name, partnership, query: str = "", **kwargs):
    return reverse(f"engagement:{name}", kwargs={"partnership": partnership.slug, **kwargs}) + query


def rows(response) -> list:
    return list(response.context["table"].data)


def posted(**changes) -> dict:
    data = {
        "source_type": "parent",
        "channel": "The parents' e-safety page of the website",
        "heard_on": (timezone.localdate() - dt.timedelta(days=2)).isoformat(),
        "text": "this page helped me talk to my son about the games he plays.",
        "consent_to_quote": "on",
        "consent_note": "Agreed by e-mail.",
        "priority": "",
    }
    data.update(changes)
    return {name: value for name, value in data.items() if value is not None}


def test_the_register_filters_by_source(client, business_unit, partnership):
    wanted = VoiceFactory(partnership=partnership, source_type="child")
    VoiceFactory(partnership=partnership, source_type="parent")
    client.force_login(business_unit)
    assert rows(client.get(url("voices", partnership, "?source_type=child"))) == [wanted]


def test_the_register_filters_by_year(client, business_unit, partnership):
    wanted = VoiceFactory(partnership=partnership, heard_on=dt.date(2015, 1, 19))
    VoiceFactory(partnership=partnership, heard_on=dt.date(2015, 5, 19))
    client.force_login(business_unit)
    assert rows(client.get(url("voices", partnership, "?year=2014-15"))) == [wanted]


def test_the_register_searches_the_words(client, business_unit, partnership):
    wanted = VoiceFactory(partnership=partnership, text="The football flyer made me think.")
    VoiceFactory(partnership=partnership)
    client.force_login(business_unit)
    assert rows(client.get(url("voices", partnership, "?q=football"))) == [wanted]


def test_the_register_downloads_the_words_in_full(client, business_unit, partnership):
    VoiceFactory(partnership=partnership, text="word " * 60)
    client.force_login(business_unit)
    response = client.get(url("voices", partnership, "?_export=csv"))
    assert response.status_code == 200
    assert ("word " * 60).strip() in response.content.decode()


def test_the_board_reads_only_the_voices_that_may_be_quoted(client, board_member, partnership):
    approved = VoiceFactory(partnership=partnership, status=Voice.Status.APPROVED)
    to_review = VoiceFactory(partnership=partnership)
    client.force_login(board_member)
    assert rows(client.get(url("voices", partnership))) == [approved]
    assert client.get(url("voice_detail", partnership, pk=to_review.pk)).status_code == 404


def test_the_board_cannot_record_a_voice(client, board_member, partnership):
    client.force_login(board_member)
    assert client.get(url("voice_create", partnership)).status_code == 403


def test_a_voice_is_recorded(client, business_unit, partnership):
    client.force_login(business_unit)
    response = client.post(url("voice_create", partnership), posted())
    voice = Voice.objects.get(partnership=partnership)
    assert response.status_code == 302
    assert response["Location"] == url("voice_detail", partnership, pk=voice.pk)
    assert voice.status == Voice.Status.TO_REVIEW


def test_a_missing_consent_note_is_shown_against_its_field_and_nothing_is_lost(client, business_unit, partnership):
    client.force_login(business_unit)
    response = client.post(url("voice_create", partnership), posted(consent_note=""))
    assert response.status_code == 200
    assert response.context["form"].errors["consent_note"] == ["Say how and when they agreed to be quoted."]
    assert escape("this page helped me talk to my son") in response.content.decode()
    assert not Voice.objects.exists()


def test_words_that_seem_to_name_someone_are_warned_about_once(client, business_unit, partnership):
    client.force_login(business_unit)
    named = posted(text="our worker Jenny Marsh was so kind to us.")
    first = client.post(url("voice_create", partnership), named)
    assert first.status_code == 200
    assert first.context["warning"]
    assert not Voice.objects.exists()
    second = client.post(url("voice_create", partnership), {**named, "warned": "1"})
    assert second.status_code == 302
    assert Voice.objects.filter(partnership=partnership).count() == 1


def test_a_review_approves(client, business_unit, partnership):
    voice = VoiceFactory(partnership=partnership)
    client.force_login(business_unit)
    client.post(url("voice_review", partnership, pk=voice.pk), {"decision": "approve"})
    assert Voice.objects.get(pk=voice.pk).status == Voice.Status.APPROVED


def test_withholding_without_a_reason_is_shown_against_the_reason(client, business_unit, partnership):
    voice = VoiceFactory(partnership=partnership)
    client.force_login(business_unit)
    response = client.post(url("voice_review", partnership, pk=voice.pk), {"decision": "withhold"})
    assert response.context["form"].errors["reason"] == ["Say why it is not to be quoted."]


def test_choosing_asks_first_then_chooses(client, business_unit, partnership):
    voice = VoiceFactory(partnership=partnership, status=Voice.Status.APPROVED)
    client.force_login(business_unit)
    assert client.get(url("voice_choose", partnership, pk=voice.pk)).status_code == 200
    assert not Voice.objects.get(pk=voice.pk).for_report
    client.post(url("voice_choose", partnership, pk=voice.pk))
    assert Voice.objects.get(pk=voice.pk).for_report


def test_a_voice_without_consent_is_not_chosen_and_the_page_says_why(client, business_unit, partnership):
    voice = VoiceFactory(partnership=partnership, status=Voice.Status.APPROVED, consent_to_quote=False)
    client.force_login(business_unit)
    response = client.post(url("voice_choose", partnership, pk=voice.pk))
    assert response.status_code == 200
    assert "did not agree to be quoted" in response.content.decode()
    assert not Voice.objects.get(pk=voice.pk).for_report


def test_removal_asks_first(client, business_unit, partnership):
    voice = VoiceFactory(partnership=partnership)
    client.force_login(business_unit)
    assert "Are you sure" in client.get(url("voice_delete", partnership, pk=voice.pk)).content.decode()
    assert Voice.objects.filter(pk=voice.pk).exists()
    client.post(url("voice_delete", partnership, pk=voice.pk))
    assert not Voice.objects.filter(pk=voice.pk).exists()


def test_voices_to_review_wait_for_the_business_unit(business_unit, partnership):
    voice = VoiceFactory(partnership=partnership)
    VoiceFactory(partnership=partnership, status=Voice.Status.APPROVED)
    items = [
        item
        for item in waiting_for(user=business_unit, partnership=partnership, today=timezone.localdate())
        if item.kind == "engagement.voices_to_review"
    ]
    assert [item.url for item in items] == [url("voice_review", partnership, pk=voice.pk)]
    assert voice.text not in items[0].title


def test_nothing_waits_for_the_board(board_member, partnership):
    VoiceFactory(partnership=partnership)
    items = waiting_for(user=board_member, partnership=partnership, today=timezone.localdate())
    assert not [item for item in items if item.kind == "engagement.voices_to_review"]
