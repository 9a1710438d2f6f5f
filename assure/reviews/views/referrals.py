"""The case considerations' pages for members: the form to refer a case, a member's own
referrals, the register (no case content), one referral (its case content only with the
case-review grant, every read logged), the business unit's acknowledgement, its record of the
subgroup's consideration and a withdrawal, the chair's decision, and the decision letter."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.cache import patch_cache_control

from assure.accounts.permissions import agencies_of
from assure.audit.services import restricted_read_record
from assure.core.access import requires
from assure.core.forms import attach
from assure.core.navigation import Crumb, crumbs, partnership_url
from assure.core.tables import register_response

from ..filters_referrals import ReferralFilter
from ..forms_referrals import ConsiderForm, DecideForm, ReferralForm, WithdrawForm
from ..models import Referral
from ..permissions import (
    CASE_REVIEW_AREA,
    can_read_case_content,
    may_acknowledge_referral,
    may_consider_referral,
    may_decide_referral,
    may_read_letter,
    may_withdraw_referral,
)
from ..scheme import scheme_for
from ..selectors.referrals import (
    referral_events,
    referral_seen,
    referral_with_letter,
    referrals_of,
    referrals_visible_to,
    scheme_choices,
)
from ..services.referrals import (
    meeting_choices,
    partnership_agencies,
    referral_acknowledge,
    referral_consider,
    referral_decide,
    referral_submit,
    referral_withdraw,
    review_title,
)
from ..tables_referrals import ReferralTable, referral_status_tag

TITLE = "Case considerations"
MINE = "Your referrals"


def _crumbs(partnership, *trail: Crumb) -> list[Crumb]:
    return crumbs(partnership, (TITLE, partnership_url("reviews:referrals", partnership)), *trail)


def _referral(request: HttpRequest, pk: int) -> Referral:
    return get_object_or_404(referrals_visible_to(user=request.user, partnership=request.partnership), pk=pk)


def _detail_url(referral: Referral) -> str:
    return partnership_url("reviews:referral_detail", referral.partnership, pk=referral.pk)


def _posted(request: HttpRequest):
    """What was sent, when something was (an empty form sent is still a form sent)."""
    return request.POST if request.method == "POST" else None


def _no_store(response: HttpResponse) -> HttpResponse:
    patch_cache_control(response, private=True, no_store=True)
    return response


def _log_read(request: HttpRequest, referral: Referral, what: str) -> None:
    restricted_read_record(
        user=request.user,
        partnership=request.partnership,
        area=CASE_REVIEW_AREA,
        record=referral,
        label=f"{what} of case consideration {referral.reference}",
    )


# --- referring a case -----------------------------------------------------------------------------


@requires("reviews.refer")
def referral_create(request: HttpRequest) -> HttpResponse:
    partnership, user = request.partnership, request.user
    agencies = list(partnership_agencies(partnership))
    own = [agency for agency in agencies if agency.pk in set(agencies_of(user=user, partnership=partnership))]
    form = ReferralForm(
        _posted(request),
        agencies=agencies,
        routes=scheme_choices(partnership, "routes"),
        initial=ReferralForm.initial_for(user, own[0] if own else None),
    )
    warnings: dict[str, str] = {}
    if request.method == "POST" and form.is_valid():
        warnings = form.warnings()
        if warnings and not form.cleaned_data.get("warned"):
            form.data = form.data.copy()
            form.data["warned"] = "1"
        else:
            warnings = {}
            try:
                referral = referral_submit(actor=user, partnership=partnership, **form.service_values())
            except ValidationError as error:
                attach(form, error)
            else:
                messages.success(
                    request,
                    f"Case consideration {referral.reference} sent. The business unit will acknowledge it.",
                )
                return redirect(partnership_url("reviews:referrals_mine", partnership))
    return render(
        request,
        "reviews/referrals/referral_form.html",
        {
            "form": form,
            "warnings": warnings,
            "public": False,
            "route_terms": scheme_for(partnership).routes,
            "crumbs": crumbs(
                partnership, (MINE, partnership_url("reviews:referrals_mine", partnership)), ("Refer a case", None)
            ),
        },
    )


@requires("reviews.refer")
def referrals_mine(request: HttpRequest) -> HttpResponse:
    partnership, user = request.partnership, request.user
    mine = list(referrals_of(user=user, partnership=partnership))
    scheme = scheme_for(partnership)
    rows = [
        {
            "referral": referral,
            "route": scheme.title_of("routes", referral.route),
            "status": referral_status_tag(referral),
            "letter": may_read_letter(user=user, referral=referral),
        }
        for referral in mine
    ]
    return render(
        request,
        "reviews/referrals/mine.html",
        {"rows": rows, "crumbs": crumbs(partnership, (MINE, None))},
    )


# --- the register and one referral --------------------------------------------------------------


@requires("reviews.view")
def referrals(request: HttpRequest) -> HttpResponse:
    partnership = request.partnership
    found = referrals_visible_to(user=request.user, partnership=partnership)
    filterset = ReferralFilter(request.GET or None, queryset=found, request=request)
    return register_response(
        request,
        table=ReferralTable(filterset.qs),
        filterset=filterset,
        template="reviews/referrals/register.html",
        context={"crumbs": crumbs(partnership, (TITLE, None))},
        export_name=f"{partnership.slug}-case-considerations",
    )


@requires("reviews.view")
def referral_detail(request: HttpRequest, pk: int) -> HttpResponse:
    referral = _referral(request, pk)
    user, partnership = request.user, request.partnership
    case = can_read_case_content(user=user, partnership=partnership)
    if case:
        _log_read(request, referral, "The case")
    scheme = scheme_for(partnership)
    context = {
        "referral": referral,
        "status_tag": referral_status_tag(referral),
        "route": scheme.title_of("routes", referral.route),
        "recommendation": scheme.title_of("decisions", referral.recommendation) if referral.recommendation else "",
        "decision": scheme.title_of("decisions", referral.decision) if referral.decision else "",
        "case": case,
        "agencies_involved": list(referral.agencies_involved.order_by("name")) if case else [],
        "reviews": list(referral.reviews.order_by("reference")),
        "events": referral_events(user=user, referral=referral)[:20],
        "may_acknowledge": may_acknowledge_referral(user=user, referral=referral),
        "may_consider": may_consider_referral(user=user, referral=referral),
        "may_decide": may_decide_referral(user=user, referral=referral),
        "may_withdraw": may_withdraw_referral(user=user, referral=referral),
        "may_read_letter": may_read_letter(user=user, referral=referral),
        "crumbs": _crumbs(partnership, (referral.reference, None)),
    }
    return _no_store(render(request, "reviews/referrals/detail.html", context))


# --- the business unit's steps ----------------------------------------------------------------------


@requires("reviews.manage")
def referral_acknowledge_view(request: HttpRequest, pk: int) -> HttpResponse:
    referral = _referral(request, pk)
    if not may_acknowledge_referral(user=request.user, referral=referral):
        raise Http404
    if request.method == "POST":
        referral_acknowledge(actor=request.user, referral=referral)
        messages.success(request, f"Case consideration {referral.reference} acknowledged; the referrer has been told.")
        return redirect(_detail_url(referral))
    return render(
        request,
        "reviews/referrals/acknowledge.html",
        {
            "referral": referral,
            "route": scheme_for(request.partnership).title_of("routes", referral.route),
            "crumbs": _crumbs(request.partnership, (referral.reference, _detail_url(referral)), ("Acknowledge", None)),
        },
    )


@requires("reviews.manage")
def referral_consider_view(request: HttpRequest, pk: int) -> HttpResponse:
    referral = _referral(request, pk)
    if not may_consider_referral(user=request.user, referral=referral):
        raise Http404
    partnership = request.partnership
    initial = {}
    if referral.considered_at_id:
        initial = {
            "meeting": str(referral.considered_at_id),
            "recommendation": referral.recommendation,
            "notes": referral.recommendation_notes,
        }
    form = ConsiderForm(
        _posted(request),
        meetings=meeting_choices(partnership=partnership),
        decisions=scheme_choices(partnership, "decisions"),
        initial=initial,
    )
    if request.method == "POST" and form.is_valid():
        try:
            referral_consider(
                actor=request.user,
                referral=referral,
                meeting=form.chosen_meeting(),
                recommendation=form.cleaned_data["recommendation"],
                notes=form.cleaned_data["notes"],
            )
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(
                request, f"The consideration of {referral.reference} is recorded; the chair has been told."
            )
            return redirect(_detail_url(referral))
    return render(
        request,
        "reviews/referrals/consider.html",
        {
            "form": form,
            "referral": referral,
            "route": scheme_for(partnership).title_of("routes", referral.route),
            "crumbs": _crumbs(
                partnership, (referral.reference, _detail_url(referral)), ("The subgroup's consideration", None)
            ),
        },
    )


@requires("reviews.manage")
def referral_withdraw_view(request: HttpRequest, pk: int) -> HttpResponse:
    referral = _referral(request, pk)
    if not may_withdraw_referral(user=request.user, referral=referral):
        raise Http404
    form = WithdrawForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            referral_withdraw(actor=request.user, referral=referral, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(request, f"Case consideration {referral.reference} withdrawn; the referrer has been told.")
            return redirect(_detail_url(referral))
    return render(
        request,
        "reviews/referrals/withdraw.html",
        {
            "form": form,
            "referral": referral,
            "crumbs": _crumbs(request.partnership, (referral.reference, _detail_url(referral)), ("Withdraw", None)),
        },
    )


# --- the chair's decision and the letter --------------------------------------------------------


@requires("reviews.decide")
def referral_decide_view(request: HttpRequest, pk: int) -> HttpResponse:
    referral = _referral(request, pk)
    if not may_decide_referral(user=request.user, referral=referral):
        raise Http404
    partnership = request.partnership
    scheme = scheme_for(partnership)
    form = DecideForm(
        _posted(request),
        decisions=scheme_choices(partnership, "decisions"),
        initial={"decision": referral.recommendation, "decided_on": timezone.localdate()},
    )
    if request.method == "POST" and form.is_valid():
        try:
            referral_decide(actor=request.user, referral=referral, **form.cleaned_data)
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(request, f"Case consideration {referral.reference} decided; the letter has been sent.")
            return redirect(_detail_url(referral))
    commissioning = {
        term.code: review_title(partnership=partnership, decision=term.code, reference=referral.reference)
        for term in scheme.decisions
        if term.commissions
    }
    return render(
        request,
        "reviews/referrals/decide.html",
        {
            "form": form,
            "referral": referral,
            "route": scheme.title_of("routes", referral.route),
            "recommendation": scheme.title_of("decisions", referral.recommendation),
            "commissioning": commissioning,
            "crumbs": _crumbs(partnership, (referral.reference, _detail_url(referral)), ("Decide", None)),
        },
    )


@requires("reviews.refer")
def referral_letter(request: HttpRequest, pk: int) -> HttpResponse:
    """The decision letter as sent: its referring member and readers of case content read it. A
    reader of reviews without the case-review grant is refused (the letter is case content)."""
    user, partnership = request.user, request.partnership
    referral = referral_with_letter(user=user, partnership=partnership, pk=pk)
    if referral is None:
        seen = referral_seen(user=user, partnership=partnership, pk=pk)
        if seen is not None and seen.status == Referral.Status.DECIDED:
            raise PermissionDenied("The decision letter is case content: it needs a case-review grant.")
        raise Http404
    _log_read(request, referral, "The decision letter")
    if can_read_case_content(user=user, partnership=partnership):
        back = _detail_url(referral)
        trail = _crumbs(partnership, (referral.reference, back), ("Decision letter", None))
    else:  # its referring member
        back = partnership_url("reviews:referrals_mine", partnership)
        trail = crumbs(partnership, (MINE, back), (f"Decision letter: {referral.reference}", None))
    return _no_store(
        render(
            request,
            "reviews/referrals/letter.html",
            {"referral": referral, "back": back, "crumbs": trail},
        )
    )
