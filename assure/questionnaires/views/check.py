"""Checking a questionnaire file before it is added to the library: every problem listed (file,
URN, question, what is wrong), or, when the file is valid, its outline. Nothing is stored."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from assure.core.access import requires
from assure.core.navigation import partnership_url

from ..forms_check import QuestionnaireFileForm
from ..selectors import questionnaire_file_check
from .common import questionnaires_crumbs


@requires("questionnaires.check")
def check(request: HttpRequest) -> HttpResponse:
    form = QuestionnaireFileForm(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        result = questionnaire_file_check(
            user=request.user, partnership=request.partnership, name=upload.name, content=upload.read()
        )
    return render(
        request,
        "questionnaires/check/check.html",
        {
            "form": form,
            "check": result,
            "crumbs": questionnaires_crumbs(
                request.partnership,
                ("Check a questionnaire file", partnership_url("questionnaires:check", request.partnership)),
            ),
        },
    )
