"""The public page where an employer's case manager answers the update the designated officer
asked for, by the link in their e-mail, without an account.

It shows the referral's reference, the employer's name, the question and the date it is needed
by, and nothing else: never the person the allegation is about, nor any other part of the
referral. A link that names no request answers 404 with a page saying so, kept out of the request
log (its path holds the secret); the page is never stored and never sends its address on."""

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from assure.core.access import public
from assure.core.forms import attach
from assure.core.public_links import not_logged, private, public_partnership_or_404
from assure.partnerships.models import Partnership

from ..forms_handling import AnswerForm
from ..services.updates import LinkNotValid, answer_path, update_answer, update_by_token


def _link_not_valid(request: HttpRequest, partnership: Partnership) -> HttpResponse:
    response = render(request, "lado/public_update_not_valid.html", {"partnership": partnership}, status=404)
    return not_logged(private(response))


@public
def update(request: HttpRequest, partnership: str, token: str) -> HttpResponse:
    found = public_partnership_or_404(partnership)
    try:
        asked = update_by_token(partnership=found, token=token)
    except LinkNotValid:
        return _link_not_valid(request, found)
    form = AnswerForm(request.POST if request.method == "POST" and asked.is_outstanding else None)
    if request.method == "POST" and asked.is_outstanding and form.is_valid():
        try:
            update_answer(partnership=found, token=token, answer=form.cleaned_data["answer"])
        except ValidationError as error:
            attach(form, error)
        except LinkNotValid:
            return _link_not_valid(request, found)
        else:
            return redirect(answer_path(found, token) + "?answered=1")
    return private(
        render(
            request,
            "lado/public_update.html",
            {
                "partnership": found,
                "reference": asked.referral.reference,
                "employer": asked.referral.employer_name,
                "question": asked.question,
                "due_on": asked.due_on,
                "answered": asked.answered_at is not None,
                "answered_on": asked.answered_at,
                "withdrawn": asked.withdrawn_at is not None,
                "just_answered": request.GET.get("answered") == "1",
                "form": form,
            },
        )
    )
