"""Engagement's records of one side of the permission matrix: each part (campaigns, surveys,
voices, events) gives its samples here, in its own block."""

# --- campaigns ----------------------------------------------------------------------------------
CAMPAIGN_SAMPLES: dict = {}

# --- surveys ------------------------------------------------------------------------------------
SURVEY_SAMPLES: dict = {}

# --- voices -------------------------------------------------------------------------------------
VOICE_SAMPLES: dict = {}

# --- events -------------------------------------------------------------------------------------
EVENT_SAMPLES: dict = {}


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
