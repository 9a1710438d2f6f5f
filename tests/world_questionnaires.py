"""Questionnaire engine records of one side of the permission matrix."""

QUESTIONNAIRES_SAMPLES: dict = {}


def questionnaires_records(partnership, agency, recorder) -> dict:
    return {}
