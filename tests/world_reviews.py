"""Case reviews records of one side of the permission matrix: each part of reviews (case
considerations, serious incidents, reviews, recommendations, briefings, the public pages) gives
its samples and records here, in its own block."""

# --- case considerations (and the public form's confirmation and status pages) -------------------
REFERRAL_SAMPLES: dict = {}


def _referral_records(partnership, agency, recorder) -> dict:
    return {}


# --- serious incidents and rapid reviews ----------------------------------------------------------
INCIDENT_SAMPLES: dict = {}


def _incident_records(partnership, agency, recorder) -> dict:
    return {}


# --- reviews, contributions and conversations -----------------------------------------------------
REVIEW_SAMPLES: dict = {}


def _review_records(partnership, agency, recorder) -> dict:
    return {}


# --- findings, recommendations and action plans ---------------------------------------------------
RECOMMENDATION_SAMPLES: dict = {}


def _recommendation_records(partnership, agency, recorder, records: dict) -> dict:
    return {}


# --- learning briefings and the public learning page -----------------------------------------------
BRIEFING_SAMPLES: dict = {}


def _briefing_records(partnership, agency, recorder) -> dict:
    return {}


REVIEWS_SAMPLES = {
    **REFERRAL_SAMPLES,
    **INCIDENT_SAMPLES,
    **REVIEW_SAMPLES,
    **RECOMMENDATION_SAMPLES,
    **BRIEFING_SAMPLES,
}


def reviews_records(partnership, agency, recorder) -> dict:
    records = {
        **_referral_records(partnership, agency, recorder),
        **_incident_records(partnership, agency, recorder),
        **_review_records(partnership, agency, recorder),
        **_briefing_records(partnership, agency, recorder),
    }
    records.update(_recommendation_records(partnership, agency, recorder, records))
    return records
