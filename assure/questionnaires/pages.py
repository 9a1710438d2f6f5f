"""The page on which a response is answered, for any app that uses the engine.

The app's view checks who may see the response (its ``@requires``) and whether this person may
change it (``editable``), then hands over to ``answer_page``::

    return answer_page(
        request,
        response=case.response,
        template="audits/cases/answer.html",
        context={"case": case, "crumbs": ...},
        editable=may_answer(user=request.user, case=case),
        on_submit=lambda response: agency_answers_submit(actor=request.user, case=case, response=response),
        done_url=case_url,
    )

The template draws ``{% include "questionnaires/_form.html" %}`` (the form, its error summary,
progress and buttons; read-only answers once the response is locked or not ``editable``),
optionally ``with submit_label="Submit the grade"`` (default "Submit answers") and
``save_label`` (default "Save and continue").

- GET draws the page.
- POST ``action=save`` saves the answers given (valid ones are kept even when others are wrong)
  and comes back to the page with a "saved" banner, or draws the page again with what was typed
  and the errors. Newly shown conditional questions appear on the page it comes back to.
- POST ``action=submit`` saves, then calls ``on_submit(response)``: the app's own service,
  which checks its permissions and calls ``services.response_submit``. A ``ValidationError``
  (keyed by question code, or not) is shown on the page; otherwise it goes to ``done_url``.
- An htmx request (a choice changed, with JavaScript) saves the same way and answers with only
  the form, which htmx swaps in place: the page is drawn and the form cut from it, so it keeps
  what the template's include gave it (``submit_label``, ``save_label``). A submit through htmx
  is sent on with ``HX-Redirect``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string

from .definition import questionnaire_of
from .forms import AnswerForm, AnswerRow, answer_form, answers_summary, raw_from_post
from .models import Response
from .services import answers_save

__all__ = ["AnswerRow", "answer_page", "answers_summary", "FORM_TEMPLATE"]

FORM_TEMPLATE = "questionnaires/_form.html"
# _form.html marks where it starts and ends, so an htmx answer can be cut from the page as drawn.
FORM_START, FORM_END = "<!--questionnaire-form-->", "<!--/questionnaire-form-->"
SAVED = "Your answers have been saved."
LOCKED = "These answers have been submitted and can no longer be changed."


def answer_page(
    request: HttpRequest,
    *,
    response: Response,
    template: str,
    context: dict,
    editable: bool,
    on_submit: Callable[[Response], object],
    done_url: str,
    known_names: Sequence[str] = (),
) -> HttpResponse:
    """Draw, save and submit ``response`` (see the module's description). ``known_names`` are
    names the free-text warning should not take for a person's (the app's agencies)."""
    editable = editable and response.is_editable
    action = request.get_full_path()
    htmx = bool(getattr(request, "htmx", False))

    def go(url: str) -> HttpResponse:
        """Go to ``url``: htmx is told to load it as a page rather than swap it into the form."""
        return HttpResponse(status=204, headers={"HX-Redirect": url}) if htmx else redirect(url)

    def draw(form: AnswerForm) -> HttpResponse:
        page = render(request, template, {**context, "form": form})
        if htmx:  # the form alone, as the page's template includes it (with its labels)
            return HttpResponse(
                form_of(page.content.decode()) or render_to_string(FORM_TEMPLATE, {**context, "form": form}, request)
            )
        return page

    if request.method != "POST":
        return draw(answer_form(response, action=action, editable=editable, known_names=known_names))
    if not editable:
        if not response.is_editable:  # submitted since the page was drawn: show it as it stands
            messages.error(request, LOCKED)
            return go(action)
        raise PermissionDenied
    questionnaire = questionnaire_of(response.questionnaire)
    submitted = raw_from_post(questionnaire, request.POST, response.sections)
    try:
        errors = answers_save(actor=request.user, response=response, data=submitted)
    except ValidationError:  # submitted by someone else since the page was drawn
        messages.error(request, LOCKED)
        return go(action)
    response.refresh_from_db()
    if errors:
        return draw(answer_form(response, action=action, submitted=submitted, errors=errors, known_names=known_names))
    if request.POST.get("action") != "submit":
        if htmx:
            return draw(answer_form(response, action=action, saved=True, known_names=known_names))
        messages.success(request, SAVED)
        return redirect(action)
    try:
        on_submit(response)
    except ValidationError as error:
        keyed = error.message_dict if hasattr(error, "error_dict") else {}
        other = [] if keyed else error.messages
        response.refresh_from_db()
        return draw(
            answer_form(
                response,
                action=action,
                errors={code: " ".join(found) for code, found in keyed.items()},
                other_errors=other,
                known_names=known_names,
            )
        )
    return go(done_url)


def form_of(page: str) -> str | None:
    """The form as the page drew it, or None when the page did not include ``_form.html``."""
    start, end = page.find(FORM_START), page.find(FORM_END)
    if start < 0 or end < start:
        return None
    return page[start + len(FORM_START) : end].strip()
