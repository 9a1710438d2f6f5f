"""The pages of campaigns: the register (with its download), a campaign's page with its activities
in date order and its measures (totals where the library says they add up), adding, changing and
deleting a campaign, its activities and its measures. The board and the chair
(``engagement.view``) read; only the business unit (``engagement.manage``) changes anything."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from assure.core.access import requires
from assure.core.forms import attach
from assure.core.navigation import Crumb, crumbs, partnership_url
from assure.core.tables import register_response

from ..forms_campaigns import ActivityForm, CampaignForm, MeasureForm, activity_initial, campaign_initial
from ..models import Activity, Campaign, Measure
from ..permissions import can_manage
from ..selectors.campaigns import (
    activity_for,
    activity_kinds,
    campaign_activities,
    campaign_for,
    campaign_measures,
    campaign_years,
    campaigns_visible_to,
    measure_for,
    measure_kinds,
    priority_choices,
    priority_filter_choices,
)
from ..services.campaigns import (
    activity_add,
    activity_remove,
    activity_update,
    campaign_create,
    campaign_delete,
    campaign_update,
    measure_add,
    measure_remove,
)
from ..tables_campaigns import CampaignFilter, CampaignTable

TITLE = "Campaigns"


def campaign_crumbs(partnership, *trail: Crumb) -> list[Crumb]:
    return crumbs(partnership, (TITLE, partnership_url("engagement:campaigns", partnership)), *trail)


def campaign_url(partnership, campaign: Campaign) -> str:
    return partnership_url("engagement:campaign_detail", partnership, pk=campaign.pk)


def _posted(request: HttpRequest):
    return request.POST if request.method == "POST" else None


def _campaign(request: HttpRequest, pk: int) -> Campaign:
    campaign = campaign_for(user=request.user, partnership=request.partnership, pk=pk)
    if campaign is None:
        raise Http404
    return campaign


def _activity(request: HttpRequest, campaign: Campaign, pk: int) -> Activity:
    activity = activity_for(user=request.user, partnership=request.partnership, campaign=campaign, pk=pk)
    if activity is None:
        raise Http404
    return activity


def _measure(request: HttpRequest, campaign: Campaign, pk: int) -> Measure:
    measure = measure_for(user=request.user, partnership=request.partnership, campaign=campaign, pk=pk)
    if measure is None:
        raise Http404
    return measure


# --- campaigns ----------------------------------------------------------------------------------


@requires("engagement.view")
def campaign_list(request: HttpRequest) -> HttpResponse:
    partnership = request.partnership
    filterset = CampaignFilter(
        request.GET or None,
        queryset=campaigns_visible_to(user=request.user, partnership=partnership),
        request=request,
        years=campaign_years(user=request.user, partnership=partnership),
        priorities=priority_filter_choices(user=request.user, partnership=partnership),
    )
    return register_response(
        request,
        table=CampaignTable(filterset.qs, partnership=partnership),
        filterset=filterset,
        template="engagement/campaign_list.html",
        context={
            "crumbs": crumbs(partnership, (TITLE, None)),
            "may_manage": can_manage(user=request.user, partnership=partnership),
        },
        export_name=f"{partnership.slug}-campaigns",
    )


def _form_page(request: HttpRequest, context: dict) -> HttpResponse:
    return render(request, "engagement/campaign_form.html", context)


@requires("engagement.manage")
def campaign_create_view(request: HttpRequest) -> HttpResponse:
    partnership = request.partnership
    form = CampaignForm(_posted(request), priorities=priority_choices(user=request.user, partnership=partnership))
    if request.method == "POST" and form.is_valid():
        try:
            campaign = campaign_create(actor=request.user, partnership=partnership, values=form.cleaned_data)
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(request, f"{campaign.title} added.")
            return redirect(campaign_url(partnership, campaign))
    return _form_page(
        request,
        {
            "form": form,
            "heading": "Add a campaign",
            "button": "Add the campaign",
            "cancel_url": partnership_url("engagement:campaigns", partnership),
            "crumbs": campaign_crumbs(partnership, ("Add a campaign", None)),
        },
    )


@requires("engagement.view")
def campaign_detail(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = request.partnership
    campaign = _campaign(request, pk)
    kinds = activity_kinds()
    activities = campaign_activities(user=request.user, partnership=partnership, campaign=campaign)
    return render(
        request,
        "engagement/campaign_detail.html",
        {
            "campaign": campaign,
            "activities": [(activity, kinds.get(activity.kind, activity.kind)) for activity in activities],
            "measures": campaign_measures(user=request.user, partnership=partnership, campaign=campaign),
            "may_manage": can_manage(user=request.user, partnership=partnership),
            "crumbs": campaign_crumbs(partnership, (campaign.title, None)),
        },
    )


@requires("engagement.manage")
def campaign_edit(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = request.partnership
    campaign = _campaign(request, pk)
    form = CampaignForm(
        _posted(request),
        priorities=priority_choices(user=request.user, partnership=partnership, keep=campaign.priority),
        initial=campaign_initial(campaign),
    )
    if request.method == "POST" and form.is_valid():
        try:
            changed = campaign_update(actor=request.user, campaign=campaign, values=form.cleaned_data)
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(request, f"{campaign.title} changed." if changed else "Nothing was changed.")
            return redirect(campaign_url(partnership, campaign))
    return _form_page(
        request,
        {
            "form": form,
            "campaign": campaign,
            "heading": f"Change {campaign.title}",
            "button": "Save the changes",
            "cancel_url": campaign_url(partnership, campaign),
            "crumbs": campaign_crumbs(
                partnership, (campaign.title, campaign_url(partnership, campaign)), ("Change", None)
            ),
        },
    )


def _confirm(request: HttpRequest, context: dict) -> HttpResponse:
    return render(request, "core/confirm_delete.html", context)


@requires("engagement.manage")
def campaign_delete_view(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = request.partnership
    campaign = _campaign(request, pk)
    if request.method == "POST":
        campaign_delete(actor=request.user, campaign=campaign)
        messages.success(request, f"{campaign.title} deleted.")
        return redirect(partnership_url("engagement:campaigns", partnership))
    return _confirm(
        request,
        {
            "heading": f"Delete {campaign.title}?",
            "description": "The campaign is deleted with its activities and the measures taken of them. An event "
            "that was part of it stays, no longer part of a campaign.",
            "button": "Delete the campaign",
            "cancel_url": campaign_url(partnership, campaign),
            "crumbs": campaign_crumbs(
                partnership, (campaign.title, campaign_url(partnership, campaign)), ("Delete", None)
            ),
        },
    )


# --- activities ---------------------------------------------------------------------------------


def _activity_page(request: HttpRequest, campaign: Campaign, context: dict) -> HttpResponse:
    partnership = request.partnership
    here = context["heading"]
    return render(
        request,
        "engagement/campaign_activity_form.html",
        {
            "campaign": campaign,
            "cancel_url": campaign_url(partnership, campaign),
            "crumbs": campaign_crumbs(partnership, (campaign.title, campaign_url(partnership, campaign)), (here, None)),
            **context,
        },
    )


@requires("engagement.manage")
def activity_add_view(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = request.partnership
    campaign = _campaign(request, pk)
    form = ActivityForm(_posted(request), kinds=activity_kinds())
    if request.method == "POST" and form.is_valid():
        try:
            activity_add(actor=request.user, campaign=campaign, values=form.cleaned_data)
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(request, "Activity added.")
            return redirect(campaign_url(partnership, campaign))
    return _activity_page(request, campaign, {"form": form, "heading": "Add an activity", "button": "Add it"})


@requires("engagement.manage")
def activity_edit(request: HttpRequest, pk: int, activity: int) -> HttpResponse:
    partnership = request.partnership
    campaign = _campaign(request, pk)
    found = _activity(request, campaign, activity)
    form = ActivityForm(_posted(request), kinds=activity_kinds(), initial=activity_initial(found))
    if request.method == "POST" and form.is_valid():
        try:
            changed = activity_update(actor=request.user, activity=found, values=form.cleaned_data)
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(request, "Activity changed." if changed else "Nothing was changed.")
            return redirect(campaign_url(partnership, campaign))
    return _activity_page(
        request, campaign, {"form": form, "heading": "Change the activity", "button": "Save the changes"}
    )


@requires("engagement.manage")
def activity_remove_view(request: HttpRequest, pk: int, activity: int) -> HttpResponse:
    partnership = request.partnership
    campaign = _campaign(request, pk)
    found = _activity(request, campaign, activity)
    if request.method == "POST":
        activity_remove(actor=request.user, activity=found)
        messages.success(request, "Activity removed.")
        return redirect(campaign_url(partnership, campaign))
    kind = activity_kinds().get(found.kind, found.kind)
    measures = found.measures.count()
    also = f" The {measures} measure{'' if measures == 1 else 's'} taken of it go with it." if measures else ""
    return _confirm(
        request,
        {
            "heading": f"Remove the activity {kind.lower()} of {found.happened_on:%d/%m/%Y}?",
            "description": f"The activity is removed from {campaign.title}.{also}",
            "button": "Remove the activity",
            "cancel_url": campaign_url(partnership, campaign),
            "crumbs": campaign_crumbs(
                partnership, (campaign.title, campaign_url(partnership, campaign)), ("Remove an activity", None)
            ),
        },
    )


# --- measures -----------------------------------------------------------------------------------


@requires("engagement.manage")
def measure_add_view(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = request.partnership
    campaign = _campaign(request, pk)
    form = MeasureForm(
        _posted(request),
        kinds=measure_kinds(),
        activities=campaign_activities(user=request.user, partnership=partnership, campaign=campaign),
        activity_labels=activity_kinds(),
    )
    if request.method == "POST" and form.is_valid():
        try:
            measure_add(actor=request.user, campaign=campaign, values=form.cleaned_data)
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(request, "Measure recorded.")
            return redirect(campaign_url(partnership, campaign))
    return render(
        request,
        "engagement/campaign_measure_form.html",
        {
            "form": form,
            "campaign": campaign,
            "kinds": measure_kinds().values(),
            "cancel_url": campaign_url(partnership, campaign),
            "crumbs": campaign_crumbs(
                partnership, (campaign.title, campaign_url(partnership, campaign)), ("Record a measure", None)
            ),
        },
    )


@requires("engagement.manage")
def measure_remove_view(request: HttpRequest, pk: int, measure: int) -> HttpResponse:
    partnership = request.partnership
    campaign = _campaign(request, pk)
    found = _measure(request, campaign, measure)
    if request.method == "POST":
        measure_remove(actor=request.user, measure=found)
        messages.success(request, "Measure removed.")
        return redirect(campaign_url(partnership, campaign))
    kind = measure_kinds().get(found.kind)
    title = kind.title if kind else found.kind
    return _confirm(
        request,
        {
            "heading": f"Remove the measure {title.lower()} of {found.measured_on:%d/%m/%Y}?",
            "description": f"The figure {found.value:,} is removed from {campaign.title}.",
            "button": "Remove the measure",
            "cancel_url": campaign_url(partnership, campaign),
            "crumbs": campaign_crumbs(
                partnership, (campaign.title, campaign_url(partnership, campaign)), ("Remove a measure", None)
            ),
        },
    )
