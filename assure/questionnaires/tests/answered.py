"""Responses with their answers written straight to the database, for counting results: how
they were answered is the services' business and tested there."""

from django.contrib.contenttypes.models import ContentType

from assure.questionnaires.definition import questionnaire_of
from assure.questionnaires.models import Answer, Response


def answered(item, partnership, values: dict, *, sections=("visit",), status="submitted", agency=None) -> Response:
    """A response to the questionnaire version ``item``, about the partnership, with ``values``
    (question code to value, as the engine holds them) stored as its answers."""
    response = Response.objects.create(
        partnership=partnership,
        questionnaire=item,
        about_type=ContentType.objects.get_for_model(partnership),
        about_id=str(partnership.pk),
        sections=list(sections),
        status=status,
        agency=agency,
    )
    questionnaire = questionnaire_of(item)
    for code, value in values.items():
        answer = Answer(response=response, question=code)
        answer.set_value(value, kind=questionnaire.question(code).type)
        answer.save()
    return response
