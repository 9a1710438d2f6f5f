"""Questionnaire engine records of one side of the permission matrix. The engine's own pages
show the library's questionnaires, which every partnership shares: a questionnaire is addressed
by its code, as an indicator is."""

QUESTIONNAIRES_SAMPLES: dict = {
    "questionnaires:outline": lambda s: {"code": "conference-checklist"},
}


def questionnaires_records(partnership, agency, recorder) -> dict:
    return {}
