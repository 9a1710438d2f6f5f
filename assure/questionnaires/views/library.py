"""The business unit's pages of the library's questionnaires: which there are, and one in
outline (its sections, who answers them, its questions, their choices and conditions)."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from assure.core.access import requires
from assure.core.navigation import partnership_url

from ..selectors import VERIFICATION_WORDS, questionnaire_outline, questionnaires_available
from .common import questionnaires_crumbs


@requires("questionnaires.check")
def questionnaires(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "questionnaires/library/list.html",
        {
            "rows": questionnaires_available(user=request.user, partnership=request.partnership),
            "verification_words": VERIFICATION_WORDS,
            "crumbs": questionnaires_crumbs(request.partnership),
        },
    )


@requires("questionnaires.check")
def outline(request: HttpRequest, code: str) -> HttpResponse:
    found = questionnaire_outline(user=request.user, partnership=request.partnership, code=code)
    if found is None:
        raise Http404("No such questionnaire.")
    return render(
        request,
        "questionnaires/library/outline.html",
        {
            "questionnaire": found,
            "crumbs": questionnaires_crumbs(
                request.partnership,
                (found.title, partnership_url("questionnaires:outline", request.partnership, code=code)),
            ),
        },
    )
