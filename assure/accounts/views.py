"""The members pages of a partnership: the register, adding a person, their details, changing a
role, ending a membership, and giving or revoking access to a restricted area."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.cache import add_never_cache_headers

from assure.core.access import requires
from assure.core.forms import attach
from assure.core.navigation import Crumb, crumbs, partnership_url
from assure.core.tables import register_response

from .forms import GrantForm, MemberAddForm, MemberRoleForm
from .models import Membership, RestrictedGrant
from .permissions import can_manage_members, requires_mfa
from .selectors import (
    agencies_of_partnership,
    api_token_of,
    grant_for,
    grantable_areas,
    grants_of_person,
    members_of,
    membership_for,
    memberships_of_person,
    mfa_status_of,
    restricted_area_titles,
    role_title,
)
from .services import (
    api_token_create,
    api_token_revoke,
    grant_give,
    grant_revoke,
    member_add,
    member_change_role,
    member_end,
)
from .tables import MemberFilter, MemberTable


def _detail_url(membership: Membership) -> str:
    return partnership_url("accounts:member_detail", membership.partnership, pk=membership.pk)


def _members_crumbs(partnership, *trail: Crumb) -> list[Crumb]:
    return crumbs(partnership, ("Members", partnership_url("accounts:members", partnership)), *trail)


def _member_trail(membership: Membership) -> list[Crumb]:
    return [(str(membership.user), _detail_url(membership))]


def _membership_or_404(request: HttpRequest, pk: int, *, active_only: bool = False) -> Membership:
    membership = membership_for(user=request.user, partnership=request.partnership, pk=pk, active_only=active_only)
    if membership is None:
        raise Http404
    return membership


@requires("members.view")
def member_list(request: HttpRequest) -> HttpResponse:
    partnership = request.partnership
    agencies = agencies_of_partnership(user=request.user, partnership=partnership)
    filterset = MemberFilter(
        request.GET, queryset=members_of(user=request.user, partnership=partnership), agencies=agencies
    )
    table = MemberTable(filterset.qs)
    table.caption = f"Members of {partnership.short_name}"
    return register_response(
        request,
        table=table,
        template="accounts/members.html",
        context={"crumbs": crumbs(partnership)},
        export_name=f"{partnership.slug}-members",
        filterset=filterset,
    )


@requires("members.manage")
def member_add_view(request: HttpRequest) -> HttpResponse:
    partnership = request.partnership
    agencies = agencies_of_partnership(user=request.user, partnership=partnership)
    form = MemberAddForm(request.POST or None, agencies=agencies)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            membership = member_add(
                actor=request.user,
                partnership=partnership,
                email=data["email"],
                full_name=data["full_name"],
                job_title=data["job_title"],
                role=data["role"],
                agency=data["agency"],
            )
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(request, f"{membership.user} added as {role_title(membership.role)}.")
            return redirect(_detail_url(membership))
    return render(request, "accounts/member_add.html", {"form": form, "crumbs": _members_crumbs(partnership)})


@requires("members.view")
def member_detail(request: HttpRequest, pk: int) -> HttpResponse:
    membership = _membership_or_404(request, pk)
    person = membership.user
    partnership = request.partnership
    memberships = list(memberships_of_person(user=request.user, partnership=partnership, person=person))
    for m in memberships:
        m.role_title = role_title(m.role)
    grants = list(grants_of_person(user=request.user, partnership=partnership, person=person))
    titles = restricted_area_titles()
    for g in grants:
        g.area_title = titles.get(g.area, g.area)
        g.live = g.is_live()
    return render(
        request,
        "accounts/member_detail.html",
        {
            "membership": membership,
            "person": person,
            "memberships": memberships,
            "grant_membership": next((m for m in memberships if m.is_active), None),
            "grants": grants,
            "mfa": mfa_status_of(user=request.user, partnership=partnership, person=person),
            "mfa_required": requires_mfa(user=person),
            "crumbs": _members_crumbs(partnership),
            "manage": can_manage_members(user=request.user, partnership=partnership),
        },
    )


@requires("members.manage")
def member_role_view(request: HttpRequest, pk: int) -> HttpResponse:
    membership = _membership_or_404(request, pk, active_only=True)
    agencies = agencies_of_partnership(user=request.user, partnership=request.partnership)
    initial = {"role": membership.role, "agency": membership.agency}
    form = MemberRoleForm(request.POST or None, initial=initial, agencies=agencies)
    if request.method == "POST" and form.is_valid():
        try:
            member_change_role(
                actor=request.user,
                membership=membership,
                role=form.cleaned_data["role"],
                agency=form.cleaned_data["agency"],
            )
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(request, f"{membership.user}'s role changed to {role_title(membership.role)}.")
            return redirect(_detail_url(membership))
    return render(
        request,
        "accounts/member_role.html",
        {
            "form": form,
            "membership": membership,
            "crumbs": _members_crumbs(request.partnership, *_member_trail(membership)),
        },
    )


@requires("members.manage")
def member_end_view(request: HttpRequest, pk: int) -> HttpResponse:
    membership = _membership_or_404(request, pk, active_only=True)
    errors: list[str] = []
    if request.method == "POST":
        try:
            member_end(actor=request.user, membership=membership)
        except ValidationError as error:
            errors = error.messages
        else:
            messages.success(request, f"{membership.user}'s membership as {role_title(membership.role)} has ended.")
            return redirect(_detail_url(membership))
    return render(
        request,
        "accounts/member_end.html",
        {
            "membership": membership,
            "role_title": role_title(membership.role),
            "errors": errors,
            "crumbs": _members_crumbs(request.partnership, *_member_trail(membership)),
        },
    )


@requires("members.manage")
def grant_add_view(request: HttpRequest, pk: int) -> HttpResponse:
    membership = _membership_or_404(request, pk, active_only=True)
    areas = grantable_areas(membership=membership)
    form = GrantForm(request.POST or None, areas=areas)
    if request.method == "POST" and areas and form.is_valid():
        try:
            grant = grant_give(
                actor=request.user,
                membership=membership,
                area=form.cleaned_data["area"],
                reason=form.cleaned_data["reason"],
                expires_on=form.cleaned_data["expires_on"],
            )
        except ValidationError as error:
            attach(form, error)
        else:
            title = dict(areas)[grant.area]
            messages.success(request, f"{membership.user} now has access to {title.lower()}.")
            return redirect(_detail_url(membership))
    return render(
        request,
        "accounts/grant_add.html",
        {
            "form": form,
            "membership": membership,
            "areas": areas,
            "crumbs": _members_crumbs(request.partnership, *_member_trail(membership)),
        },
    )


@requires("members.manage")
def grant_revoke_view(request: HttpRequest, pk: int) -> HttpResponse:
    grant: RestrictedGrant | None = grant_for(user=request.user, partnership=request.partnership, pk=pk)
    if grant is None:
        raise Http404
    title = restricted_area_titles().get(grant.area, grant.area)
    back = memberships_of_person(user=request.user, partnership=request.partnership, person=grant.user).first()
    errors: list[str] = []
    if request.method == "POST":
        try:
            grant_revoke(actor=request.user, grant=grant)
        except ValidationError as error:
            errors = error.messages
        else:
            messages.success(request, f"{grant.user}'s access to {title.lower()} has been revoked.")
            if back is None:
                return redirect("accounts:members", partnership=request.partnership.slug)
            return redirect(_detail_url(back))
    return render(
        request,
        "accounts/grant_revoke.html",
        {
            "grant": grant,
            "area_title": title,
            "back": back,
            "errors": errors,
            "crumbs": _members_crumbs(request.partnership, *(_member_trail(back) if back else ())),
        },
    )


# --- the person's API token ------------------------------------------------------------------
# Anyone who may read the partnership's performance figures may have a token for the API that
# serves them; the page shows whether they have one and until when, makes one (its key shown once)
# and revokes it.


def _token_page(request: HttpRequest) -> str:
    return partnership_url("accounts:api_token", request.partnership)


def _api_crumbs(partnership, *trail: Crumb) -> list[Crumb]:
    return crumbs(partnership, ("API", partnership_url("performance:api_docs", partnership)), *trail)


@requires("performance.view")
def api_token(request: HttpRequest) -> HttpResponse:
    partnership = request.partnership
    errors: list[str] = []
    created = None
    if request.method == "POST":
        try:
            created = api_token_create(actor=request.user, partnership=partnership)
        except ValidationError as error:
            errors = error.messages
    token = created.token if created else api_token_of(user=request.user)
    response = render(
        request,
        "accounts/api_token.html",
        {
            "token": token,
            "live": token is not None and token.is_live(),
            # The key is on screen only in the answer to the request that made it; Assure keeps
            # only a hash of its secret, so it could not show it again.
            "new_key": created.key if created else None,
            "errors": errors,
            "api_url": request.build_absolute_uri(partnership_url("performance:api_observations", partnership)),
            "crumbs": _api_crumbs(partnership),
        },
    )
    add_never_cache_headers(response)
    return response


@requires("performance.view")
def api_token_revoke_view(request: HttpRequest) -> HttpResponse:
    token = api_token_of(user=request.user)
    if token is not None and not token.is_live():
        token = None
    if request.method == "POST":
        try:
            api_token_revoke(actor=request.user, partnership=request.partnership)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, "Your API token was revoked. Requests that use it are now refused.")
        return redirect(_token_page(request))
    back = _token_page(request)
    return render(
        request,
        "accounts/api_token_revoke.html",
        {"token": token, "back": back, "crumbs": _api_crumbs(request.partnership, ("Your API token", back))},
    )
