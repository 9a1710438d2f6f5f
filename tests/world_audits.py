"""Audits records of one side of the permission matrix: each part of audits (the programme and
its case files, findings and themed audits, conferences) gives its samples and records here."""

PROGRAMME_SAMPLES: dict = {}
FINDINGS_SAMPLES: dict = {}
CONFERENCE_SAMPLES: dict = {}

AUDITS_SAMPLES = {**PROGRAMME_SAMPLES, **FINDINGS_SAMPLES, **CONFERENCE_SAMPLES}


def _programme_records(partnership, agency, recorder) -> dict:
    return {}


def _findings_records(partnership, agency, recorder, programme: dict) -> dict:
    return {}


def _conference_records(partnership, agency, recorder) -> dict:
    return {}


def audits_records(partnership, agency, recorder) -> dict:
    programme = _programme_records(partnership, agency, recorder)
    return {
        **programme,
        **_findings_records(partnership, agency, recorder, programme),
        **_conference_records(partnership, agency, recorder),
    }
