"""Engagement's records of one side of the permission matrix: each part (campaigns, surveys,
voices, events) gives its samples here, in its own block."""

# --- campaigns ----------------------------------------------------------------------------------
CAMPAIGN_SAMPLES: dict = {
    "engagement:campaign_detail": lambda s: {"pk": s.engagement_campaign.pk},
    "engagement:campaign_edit": lambda s: {"pk": s.engagement_campaign.pk},
    "engagement:campaign_delete": lambda s: {"pk": s.engagement_campaign.pk},
    "engagement:activity_add": lambda s: {"pk": s.engagement_campaign.pk},
    "engagement:activity_edit": lambda s: {"pk": s.engagement_campaign.pk, "activity": s.engagement_activity.pk},
    "engagement:activity_remove": lambda s: {"pk": s.engagement_campaign.pk, "activity": s.engagement_activity.pk},
    "engagement:measure_add": lambda s: {"pk": s.engagement_campaign.pk},
    "engagement:measure_remove": lambda s: {"pk": s.engagement_campaign.pk, "measure": s.engagement_measure.pk},
}

# --- surveys ------------------------------------------------------------------------------------
SURVEY_SAMPLES: dict = {
    **dict.fromkeys(
        [
            "engagement:survey_detail",
            "engagement:survey_edit",
            "engagement:survey_results",
            "engagement:survey_compare",
            "engagement:survey_free_text",
        ],
        lambda s: {"pk": s.engagement_survey.pk},
    ),
    "survey:answer": lambda s: {"token": s.engagement_survey.token},
    "survey:thanks": lambda s: {"token": s.engagement_survey.token},
}

# --- voices -------------------------------------------------------------------------------------
VOICE_SAMPLES: dict = {
    "engagement:voice_detail": lambda s: {"pk": s.engagement_quote.pk},
    "engagement:voice_edit": lambda s: {"pk": s.engagement_voice.pk},
    "engagement:voice_review": lambda s: {"pk": s.engagement_voice.pk},
    "engagement:voice_choose": lambda s: {"pk": s.engagement_quote.pk},
    "engagement:voice_unchoose": lambda s: {"pk": s.engagement_quote.pk},
    "engagement:voice_delete": lambda s: {"pk": s.engagement_voice.pk},
}

# --- events -------------------------------------------------------------------------------------
EVENT_SAMPLES: dict = {
    "engagement:event_detail": lambda s: {"pk": s.engagement_event.pk},
    "engagement:event_edit": lambda s: {"pk": s.engagement_event.pk},
    "engagement:event_delete": lambda s: {"pk": s.engagement_event.pk},
}


def engagement_records(partnership, agency, recorder) -> dict:
    """A campaign with an activity and a measure, an open survey, a voice to review and one to
    quote, and a community workshop."""
    from assure.engagement.models import Voice
    from assure.engagement.tests.factories import (
        ActivityFactory,
        CampaignFactory,
        EventFactory,
        MeasureFactory,
        SurveyFactory,
        VoiceFactory,
    )

    campaign = CampaignFactory(partnership=partnership, created_by=recorder)
    activity = ActivityFactory(campaign=campaign)
    return {
        "engagement_campaign": campaign,
        "engagement_activity": activity,
        "engagement_measure": MeasureFactory(campaign=campaign, activity=activity, recorded_by=recorder),
        "engagement_survey": SurveyFactory(partnership=partnership, created_by=recorder),
        "engagement_voice": VoiceFactory(partnership=partnership, recorded_by=recorder),
        "engagement_quote": VoiceFactory(
            partnership=partnership, recorded_by=recorder, status=Voice.Status.APPROVED, for_report=True
        ),
        "engagement_event": EventFactory(partnership=partnership, created_by=recorder),
    }


ENGAGEMENT_SAMPLES = {
    **CAMPAIGN_SAMPLES,
    **SURVEY_SAMPLES,
    **VOICE_SAMPLES,
    **EVENT_SAMPLES,
}
