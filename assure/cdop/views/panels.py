"""The pages of child death overview panels, for the business unit (``cdop.setup``): the panels the
partnership hosts, has joined or is invited to; setting one up on a subgroup; a panel's page (its
partnerships, its meetings of the year, this partnership's people who work on its cases); inviting
another partnership; and answering an invitation. Nothing here is about a child."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from assure.accounts.models import RestrictedGrant
from assure.core.access import requires
from assure.core.forms import attach
from assure.core.navigation import Crumb, crumbs, partnership_url
from assure.partnerships.models import Meeting, Partnership, Subgroup
from assure.partnerships.years import financial_year_bounds, financial_year_of

from ..forms_panels import InviteForm, JoinForm, PanelForm
from ..models import Panel, PanelPartnership
from ..permissions import CDOP_AREA
from ..services.panels import panel_create, panel_invite, panel_join

TITLE = "Child death panels"


def _crumbs(partnership, *trail: Crumb) -> list[Crumb]:
    return crumbs(partnership, (TITLE, partnership_url("cdop:panels", partnership)), *trail)


def _places(partnership):
    """The partnership's places in panels, but the ones it left or declined."""
    return (
        PanelPartnership.objects.filter(partnership=partnership)
        .exclude(status=PanelPartnership.Status.LEFT)
        .select_related("panel", "panel__host")
        .prefetch_related(
            Prefetch(
                "panel__memberships",
                queryset=PanelPartnership.objects.exclude(status=PanelPartnership.Status.LEFT).select_related(
                    "partnership"
                ),
            )
        )
        .order_by("panel__name")
    )


def _joined_panel(request: HttpRequest, pk: int) -> Panel:
    """A panel the partnership hosts or has joined; 404 for any other."""
    return get_object_or_404(
        Panel.objects.select_related("host", "subgroup"),
        pk=pk,
        memberships__partnership=request.partnership,
        memberships__status=PanelPartnership.Status.JOINED,
    )


@requires("cdop.setup")
def panel_list(request: HttpRequest) -> HttpResponse:
    partnership = request.partnership
    return render(
        request,
        "cdop/panel_list.html",
        {"places": _places(partnership), "crumbs": crumbs(partnership, (TITLE, None))},
    )


@requires("cdop.setup")
def create(request: HttpRequest) -> HttpResponse:
    partnership = request.partnership
    form = PanelForm(
        request.POST or None,
        subgroups=Subgroup.objects.filter(partnership=partnership, is_active=True).order_by("name"),
    )
    if request.method == "POST" and form.is_valid():
        try:
            panel = panel_create(actor=request.user, partnership=partnership, **form.cleaned_data)
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(request, f"{panel.name} set up. Invite the partnerships that share it.")
            return redirect(partnership_url("cdop:panel_detail", partnership, pk=panel.pk))
    return render(
        request,
        "cdop/panel_form.html",
        {
            "form": form,
            "heading": "Set up a child death overview panel",
            "lede": "The panel's meetings are the meetings of the subgroup you choose.",
            "button": "Set up the panel",
            "cancel_url": partnership_url("cdop:panels", partnership),
            "crumbs": _crumbs(partnership, ("Set up a panel", None)),
        },
    )


@requires("cdop.setup")
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = request.partnership
    panel = _joined_panel(request, pk)
    year = financial_year_of(timezone.localdate())
    start, end = financial_year_bounds(year)
    meetings = (
        Meeting.objects.filter(subgroup=panel.subgroup, held_on__range=(start, end)).order_by("held_on")
        if panel.subgroup_id
        else Meeting.objects.none()
    )
    today = timezone.localdate()
    grants = [
        grant
        for grant in RestrictedGrant.objects.filter(
            partnership=partnership, area=CDOP_AREA, revoked_at__isnull=True
        ).select_related("user")
        if grant.is_live(today)
    ]
    return render(
        request,
        "cdop/panel_detail.html",
        {
            "panel": panel,
            "places": panel.memberships.select_related("partnership").order_by("partnership__name"),
            "meetings": meetings,
            "year": year,
            "people": sorted({grant.user.full_name or grant.user.email for grant in grants}),
            "may_invite": panel.host_id == partnership.pk,
            "crumbs": _crumbs(partnership, (panel.name, None)),
        },
    )


@requires("cdop.setup")
def invite(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = request.partnership
    panel = _joined_panel(request, pk)
    if panel.host_id != partnership.pk:
        raise Http404
    taken = panel.memberships.exclude(status=PanelPartnership.Status.LEFT).values_list("partnership_id", flat=True)
    form = InviteForm(
        request.POST or None,
        partnerships=Partnership.objects.filter(is_active=True).exclude(pk__in=list(taken)).order_by("name"),
    )
    if request.method == "POST" and form.is_valid():
        try:
            place = panel_invite(actor=request.user, partnership=partnership, panel=panel, **form.cleaned_data)
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(request, f"{place.partnership.name} invited. Its business unit has been told.")
            return redirect(partnership_url("cdop:panel_detail", partnership, pk=panel.pk))
    return render(
        request,
        "cdop/panel_form.html",
        {
            "form": form,
            "panel": panel,
            "heading": "Invite a partnership",
            "lede": f"Invite another partnership to share {panel.name}.",
            "button": "Send the invitation",
            "cancel_url": partnership_url("cdop:panel_detail", partnership, pk=panel.pk),
            "crumbs": _crumbs(
                partnership,
                (panel.name, partnership_url("cdop:panel_detail", partnership, pk=panel.pk)),
                ("Invite a partnership", None),
            ),
        },
    )


@requires("cdop.setup")
def join(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = request.partnership
    place = get_object_or_404(
        PanelPartnership.objects.select_related("panel", "panel__host"), pk=pk, partnership=partnership
    )
    form = JoinForm(request.POST or None)
    answered = place.status != PanelPartnership.Status.INVITED
    if request.method == "POST" and not answered and form.is_valid():
        try:
            place = panel_join(actor=request.user, partnership=partnership, place=place, **form.cleaned_data)
        except ValidationError as error:
            attach(form, error)
        else:
            if place.status == PanelPartnership.Status.JOINED:
                messages.success(request, f"{partnership.name} joined {place.panel.name}.")
                return redirect(partnership_url("cdop:panel_detail", partnership, pk=place.panel_id))
            messages.success(request, f"The invitation to {place.panel.name} was declined.")
            return redirect(partnership_url("cdop:panels", partnership))
    return render(
        request,
        "cdop/panel_form.html",
        {
            "form": form,
            "heading": f"Join {place.panel.name}",
            "lede": f"{place.panel.host.name} invites {partnership.name} to share its child death overview panel. "
            "Once joined, your panel members with access to child death records work on every death the panel "
            "reviews, and the panel's figures include your partnership's children.",
            "blocked": f"This invitation was answered: {place.get_status_display().lower()}." if answered else "",
            "button": "Save the answer",
            "cancel_url": partnership_url("cdop:panels", partnership),
            "crumbs": _crumbs(partnership, (f"Join {place.panel.name}", None)),
        },
    )
