"""Private providers: the business unit's list of them and its check of one (verify, or refuse
with a reason), and a provider's own pages: "My notifications", a new placement notification,
its CSE risk assessment (whose submit submits the notification) and a notification's page."""

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.cache import patch_cache_control

from assure.core.access import requires
from assure.core.forms import attach
from assure.core.navigation import Crumb, crumbs, partnership_url
from assure.core.tables import register_response
from assure.questionnaires.pages import answer_page, answers_summary

from ..fields import displayed, parse_entry, sex_choices, sex_codes
from ..forms_providers import NotificationForm, ProviderFilter, ReviewForm
from ..kinds import kind_of
from ..permissions import may_change_entry
from ..selectors.providers import (
    own_notification,
    own_notifications,
    own_provider,
    providers_visible_to,
    waiting_for_provider,
)
from ..services.providers import (
    childrens_social_care,
    notification_kind,
    notification_start,
    notification_submit,
    notify_refusal,
    provider_refuse,
    provider_verify,
)
from ..tables_providers import NotificationTable, ProviderTable

REGISTER = "Private providers"
MINE = "My notifications"


def _register_crumbs(partnership, *trail: Crumb) -> list[Crumb]:
    return crumbs(
        partnership, (REGISTER, partnership_url("registers:providers", partnership) if trail else None), *trail
    )


def _mine_crumbs(partnership, *trail: Crumb) -> list[Crumb]:
    return crumbs(
        partnership, (MINE, partnership_url("registers:notifications_mine", partnership) if trail else None), *trail
    )


def _no_store(response: HttpResponse) -> HttpResponse:
    """A notification is about a child: never kept in a shared cache or the browser's."""
    patch_cache_control(response, private=True, no_store=True)
    return response


# --- the business unit ------------------------------------------------------------------------


@requires("registers.manage")
def providers(request: HttpRequest) -> HttpResponse:
    partnership = request.partnership
    filterset = ProviderFilter(
        request.GET or None, queryset=providers_visible_to(user=request.user, partnership=partnership), request=request
    )
    return register_response(
        request,
        table=ProviderTable(filterset.qs, partnership=partnership),
        filterset=filterset,
        template="registers/provider_list.html",
        context={
            "crumbs": _register_crumbs(partnership),
            "signup_url": partnership_url("providers:signup", partnership),
        },
        export_name=f"{partnership.slug}-private-providers",
    )


@requires("registers.manage")
def provider_review(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = request.partnership
    provider = get_object_or_404(providers_visible_to(user=request.user, partnership=partnership), pk=pk)
    form = ReviewForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            if form.cleaned_data["decision"] == ReviewForm.VERIFY:
                provider_verify(actor=request.user, partnership=partnership, provider=provider)
            else:
                provider_refuse(
                    actor=request.user,
                    partnership=partnership,
                    provider=provider,
                    reason=form.cleaned_data.get("reason", ""),
                )
        except ValidationError as error:
            attach(form, error)
        else:
            return redirect("registers:providers", partnership=partnership.slug)
    return render(
        request,
        "registers/provider_review.html",
        {
            "form": form,
            "provider": provider,
            "homes": [line for line in provider.homes.splitlines() if line.strip()],
            "crumbs": _register_crumbs(partnership, (provider.organisation, None)),
        },
    )


# --- the provider -----------------------------------------------------------------------------


def _own(request: HttpRequest):
    provider = own_provider(user=request.user, partnership=request.partnership)
    if provider is None:
        raise Http404
    return provider


@requires("registers.notify")
def notifications_mine(request: HttpRequest) -> HttpResponse:
    partnership = request.partnership
    provider = _own(request)
    return _no_store(
        register_response(
            request,
            table=NotificationTable(
                own_notifications(user=request.user, partnership=partnership), partnership=partnership
            ),
            template="registers/provider_mine.html",
            context={
                "provider": provider,
                "refusal": notify_refusal(provider=provider, partnership=partnership),
                "crumbs": _mine_crumbs(partnership),
                "home": waiting_for_provider(user=request.user, partnership=partnership, today=timezone.localdate()),
            },
            export_name=f"{partnership.slug}-my-notifications",
        )
    )


@requires("registers.notify")
def notify(request: HttpRequest) -> HttpResponse:
    partnership = request.partnership
    provider = _own(request)
    refusal = notify_refusal(provider=provider, partnership=partnership)
    kind = notification_kind(partnership)
    form = NotificationForm(request.POST if request.method == "POST" else None, kind=kind) if kind else None
    if request.method == "POST" and form is not None and not refusal and form.is_valid():
        # The provider's own names (their homes', their organisation's) are safe in an area.
        known = [provider.organisation, *provider.homes.splitlines()]
        parsed, errors = parse_entry(kind, form.raw(), sexes=sex_codes(), known=known)
        for key, message in errors.items():
            form.add_error(key if key in form.fields else None, message)
        if parsed is not None and not errors:
            try:
                entry = notification_start(actor=request.user, partnership=partnership, parsed=parsed)
            except ValidationError as error:
                attach(form, error)
            else:
                return redirect(partnership_url("registers:notification_answers", partnership, pk=entry.pk))
    agency = childrens_social_care(partnership)
    return _no_store(
        render(
            request,
            "registers/notification_form.html",
            {
                "form": form,
                "provider": provider,
                "refusal": refusal,
                "agency": agency,
                "crumbs": _mine_crumbs(partnership, ("Notify a placement", None)),
            },
        )
    )


@requires("registers.notify")
def notification_answers(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = request.partnership
    entry = own_notification(user=request.user, partnership=partnership, pk=pk)
    if entry is None or entry.response is None:
        raise Http404
    done_url = partnership_url("registers:notification_detail", partnership, pk=entry.pk)
    editable = (
        not entry.is_submitted
        and entry.provider.may_notify
        and may_change_entry(user=request.user, partnership=partnership, entry=entry)
    )
    return _no_store(
        answer_page(
            request,
            response=entry.response,
            template="registers/notification_answers.html",
            context={
                "entry": entry,
                "refusal": notify_refusal(provider=entry.provider, partnership=partnership),
                "crumbs": _mine_crumbs(partnership, (f"{entry.number}: CSE risk assessment", None)),
            },
            editable=editable,
            on_submit=lambda response: notification_submit(
                actor=request.user, partnership=partnership, entry=entry, response=response
            ),
            done_url=done_url,
        )
    )


def notification_rows(entry) -> list[tuple[str, str]]:
    """The notification's identifiers and fields in words, in the kind's order."""
    kind = kind_of(entry.kind)
    sexes = dict(sex_choices())
    rows: list[tuple[str, str]] = [("Your reference for the child", entry.agency_reference)]
    asked = {code.replace("-", "_") for code in kind.spec.identifiers}
    if "age" in asked:
        rows.append(("Age", "" if entry.age is None else str(entry.age)))
    if "birth_month" in asked:
        rows.append(("Month of birth", entry.birth_month.strftime("%B %Y") if entry.birth_month else ""))
    if "sex" in asked:
        rows.append(("Sex", sexes.get(entry.sex, entry.sex)))
    if "area" in asked:
        rows.append(("Area", entry.area))
    for field in kind.spec.fields:
        rows.append((field.label, displayed(field, entry.values.get(field.code))))
    return rows


@requires("registers.notify")
def notification_detail(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = request.partnership
    entry = own_notification(user=request.user, partnership=partnership, pk=pk)
    if entry is None:
        raise Http404
    return _no_store(
        render(
            request,
            "registers/notification_detail.html",
            {
                "entry": entry,
                "rows": notification_rows(entry),
                "answers": answers_summary(entry.response) if entry.response else [],
                "crumbs": _mine_crumbs(partnership, (entry.number, None)),
            },
        )
    )
