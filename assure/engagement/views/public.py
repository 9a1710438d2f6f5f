"""The public pages of a survey, without signing in: the survey on its link, answered on one
page, and the thanks.

Anonymous by design. Nothing about the person or their device is kept with a response: no
address, no browser, no cookie and no session. The page is therefore exempt from the CSRF check,
whose token Assure keeps in a session (docs/security.md): a session would be a cookie identifier
given to everyone who opens the link. A forged submission could do no more than anyone may do on
the page itself (answer anonymously); a machine filling the hidden field is ignored, and a few
responses an hour are taken from one network, counted under a digest of its address in the
cache, never stored. The answers are kept only when the whole survey is sent and valid."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt

from assure.core.access import public
from assure.core.public_links import RateLimit, not_logged, private, public_partnership_or_404
from assure.partnerships.models import Partnership
from assure.questionnaires.definition import questionnaire_of
from assure.questionnaires.forms import SummaryError, raw_from_post

from ..forms_surveys import survey_fields
from ..models import Survey
from ..selectors.surveys import Status, status_of
from ..services.surveys import survey_answer

LIMIT = RateLimit("engagement:survey", limit=getattr(settings, "ASSURE_PUBLIC_SURVEY_RESPONSES_PER_HOUR", 30))
HONEYPOT = "website"
BUSY = (
    "A lot of answers have been sent from your network in the last hour. Please wait an hour and try again. "
    "Nothing you chose has been saved."
)


def _survey_or_404(partnership: Partnership, token: str) -> Survey:
    """The partnership's survey of this link. Public, so no user: the link is the key."""
    survey = Survey.objects.filter(partnership=partnership, token=token).select_related("questionnaire").first()
    if survey is None:
        raise Http404
    return survey


def _closed(request: HttpRequest, partnership: Partnership, survey: Survey, status: str) -> HttpResponse:
    """A survey not open today says so plainly: 410 once it has closed, 200 before it opens."""
    response = render(
        request,
        "engagement/public_closed.html",
        {"partnership": partnership, "survey": survey, "not_yet_open": status == Status.NOT_YET_OPEN},
        status=410 if status == Status.CLOSED else 200,
    )
    return not_logged(private(response))


@public
@csrf_exempt
def answer(request: HttpRequest, partnership: str, token: str) -> HttpResponse:
    found = public_partnership_or_404(partnership)
    survey = _survey_or_404(found, token)
    today = timezone.localdate()
    status = status_of(survey, today)
    if status != Status.OPEN:
        return _closed(request, found, survey, status)
    submitted, errors, other, code = None, {}, [], 200
    if request.method == "POST":
        if request.POST.get(HONEYPOT):
            # Filled in by a machine, not a person: thank it as if sent, keep nothing.
            return redirect("survey:thanks", partnership=found.slug, token=survey.token)
        submitted = raw_from_post(questionnaire_of(survey.questionnaire), request.POST)
        key = LIMIT.key(request)
        if LIMIT.reached(key):
            other, code = [BUSY], 429
        else:
            try:
                survey_answer(survey=survey, data=submitted, today=today)
            except ValidationError as error:
                if hasattr(error, "error_dict"):
                    errors = {name: " ".join(texts) for name, texts in error.message_dict.items()}
                else:
                    other = error.messages
            else:
                LIMIT.count(key)
                return redirect("survey:thanks", partnership=found.slug, token=survey.token)
    questionnaire, sections, summary = survey_fields(survey, submitted=submitted, errors=errors)
    summary += [SummaryError(message) for message in other]
    response = render(
        request,
        "engagement/public_answer.html",
        {
            "partnership": found,
            "survey": survey,
            "questionnaire": questionnaire,
            "sections": sections,
            "errors": summary,
            "honeypot": HONEYPOT,
        },
        status=code,
    )
    return not_logged(private(response)) if code >= 400 else private(response)


@public
def thanks(request: HttpRequest, partnership: str, token: str) -> HttpResponse:
    found = public_partnership_or_404(partnership)
    survey = _survey_or_404(found, token)
    return private(render(request, "engagement/public_thanks.html", {"partnership": found, "survey": survey}))
