"""The services of voices: recorded to review, checked field by field, sent back to review when the
words change, reviewed, chosen for the annual report only when they may be quoted, removed."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from assure.audit.models import Event as AuditEvent
from assure.engagement.models import Voice
from assure.engagement.services.voices import (
    voice_choose,
    voice_create,
    voice_delete,
    voice_review,
    voice_unchoose,
    voice_update,
)
from assure.engagement.tests.factories import VoiceFactory
from assure.plans.tests.factories import PriorityFactory

pytestmark = pytest.mark.django_db


def values(**changes) -> dict:
    found = {
        "source_type": "parent",
        "channel": "The parents' e-safety page of the website",
        "heard_on": timezone.localdate() - dt.timedelta(days=3),
        "text": "This page helped me talk to my son about the games he plays.",
        "consent_to_quote": True,
        "consent_note": "Agreed by e-mail.",
        "priority": None,
    }
    found.update(changes)
    return found


def test_a_voice_is_recorded_to_review(business_unit, partnership):
    voice = voice_create(actor=business_unit, partnership=partnership, values=values())
    assert voice.status == Voice.Status.TO_REVIEW
    assert not voice.for_report
    assert AuditEvent.objects.filter(verb="engagement.voice_recorded", target_id=str(voice.pk)).exists()


def test_a_source_the_library_does_not_hold_is_refused(business_unit, partnership):
    with pytest.raises(ValidationError) as error:
        voice_create(actor=business_unit, partnership=partnership, values=values(source_type="neighbour"))
    assert "source_type" in error.value.message_dict


def test_consent_without_how_it_was_given_is_refused(business_unit, partnership):
    with pytest.raises(ValidationError) as error:
        voice_create(actor=business_unit, partnership=partnership, values=values(consent_note=" "))
    assert error.value.message_dict["consent_note"] == ["Say how and when they agreed to be quoted."]


def test_a_voice_heard_tomorrow_is_refused(business_unit, partnership):
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    with pytest.raises(ValidationError) as error:
        voice_create(actor=business_unit, partnership=partnership, values=values(heard_on=tomorrow))
    assert "heard_on" in error.value.message_dict


def test_another_partnerships_priority_is_refused(business_unit, partnership, other_partnership):
    elsewhere = PriorityFactory(partnership=other_partnership)
    with pytest.raises(ValidationError) as error:
        voice_create(actor=business_unit, partnership=partnership, values=values(priority=elsewhere))
    assert "priority" in error.value.message_dict


def test_the_board_cannot_record_a_voice(board_member, partnership):
    with pytest.raises(PermissionDenied):
        voice_create(actor=board_member, partnership=partnership, values=values())


def test_changed_words_send_a_chosen_voice_back_to_review(business_unit, partnership):
    voice = VoiceFactory(partnership=partnership, status=Voice.Status.APPROVED, for_report=True)
    voice_update(actor=business_unit, voice=voice, values={"text": "Other words entirely."})
    voice.refresh_from_db()
    assert (voice.status, voice.for_report) == (Voice.Status.TO_REVIEW, False)


def test_a_changed_channel_keeps_the_review(business_unit, partnership):
    voice = VoiceFactory(partnership=partnership, status=Voice.Status.APPROVED, for_report=True)
    changed = voice_update(actor=business_unit, voice=voice, values={"channel": "A letter to the chair"})
    voice.refresh_from_db()
    assert changed == ["channel"]
    assert (voice.status, voice.for_report) == (Voice.Status.APPROVED, True)


def test_withholding_needs_a_reason(business_unit, partnership):
    voice = VoiceFactory(partnership=partnership)
    with pytest.raises(ValidationError) as error:
        voice_review(actor=business_unit, voice=voice, approve=False, reason="")
    assert "reason" in error.value.message_dict


def test_withholding_takes_the_voice_out_of_the_report(business_unit, partnership):
    voice = VoiceFactory(partnership=partnership, status=Voice.Status.APPROVED, for_report=True)
    voice_review(actor=business_unit, voice=voice, approve=False, reason="It could identify the family.")
    voice.refresh_from_db()
    assert (voice.status, voice.for_report, voice.withheld_reason) == (
        Voice.Status.WITHHELD,
        False,
        "It could identify the family.",
    )
    assert voice.reviewed_by == business_unit


def test_a_voice_to_review_cannot_be_chosen(business_unit, partnership):
    voice = VoiceFactory(partnership=partnership)
    with pytest.raises(ValidationError):
        voice_choose(actor=business_unit, voice=voice)


def test_a_voice_without_consent_cannot_be_chosen(business_unit, partnership):
    voice = VoiceFactory(partnership=partnership, status=Voice.Status.APPROVED, consent_to_quote=False)
    with pytest.raises(ValidationError):
        voice_choose(actor=business_unit, voice=voice)


def test_an_approved_voice_with_consent_is_chosen_and_taken_out_again(business_unit, partnership):
    voice = VoiceFactory(partnership=partnership, status=Voice.Status.APPROVED)
    voice_choose(actor=business_unit, voice=voice)
    assert Voice.objects.get(pk=voice.pk).for_report
    voice_unchoose(actor=business_unit, voice=voice)
    assert not Voice.objects.get(pk=voice.pk).for_report


def test_a_voice_is_removed(business_unit, partnership):
    voice = VoiceFactory(partnership=partnership)
    voice_delete(actor=business_unit, voice=voice)
    assert not Voice.objects.filter(pk=voice.pk).exists()
    assert AuditEvent.objects.filter(verb="engagement.voice_removed").exists()


def test_recording_a_voice_tells_the_computed_figures(business_unit, partnership, monkeypatch):
    told = []
    monkeypatch.setattr(
        "assure.engagement.services.voices.records_changed", lambda owner, **kw: told.append((owner, kw))
    )
    voice_create(actor=business_unit, partnership=partnership, values=values())
    assert told == [("engagement", {"partnership_ids": [partnership.pk]})]
