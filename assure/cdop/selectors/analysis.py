"""Reads of the review meeting and the panel's analysis of one death, for a person who may read the
cases: what the death's page shows (meeting, analysis, factors by domain, the actions raised from
it, the referral), and the choices the analysis forms offer (the panel's meetings, the library's
categories, domains and contributions, the partnership's agencies, the case considerations the
person may link)."""

from django.contrib.contenttypes.models import ContentType

from assure.actions.models import Action
from assure.actions.selectors import actions_visible_to
from assure.core.links import linkable_kinds, linked_url
from assure.library.selectors import current_items
from assure.partnerships.models import Agency

from ..models import ChildDeath
from ..permissions import can_manage_cases, can_read_cases

CATEGORY, DOMAIN, CONTRIBUTION = "cdop-category", "cdop-domain", "cdop-contribution"


def library_choices(kind: str) -> list[tuple[str, str]]:
    """(code, title) of the current items of a library kind, in the library's order."""
    return [(item.code, item.title) for item in current_items(kind=kind)]


def library_titles(kind: str) -> dict[str, str]:
    return dict(library_choices(kind))


def category_items():
    """The current categories of death, in their numbered order."""
    return sorted(current_items(kind=CATEGORY), key=lambda item: item.data.get("number", 99))


def meeting_choices(death: ChildDeath):
    """The meetings of the death's panel on or after the death, newest first."""
    from ..services.analysis import panel_meetings

    return list(panel_meetings(death).filter(held_on__gte=death.date_of_death))


def agency_choices(*, partnership) -> list[Agency]:
    """The partnership's active agencies, which may own its actions."""
    return list(
        Agency.objects.filter(partnership_links__partnership=partnership, is_active=True).order_by("name").distinct()
    )


def referral_choices(*, user, partnership) -> list[tuple[str, str]]:
    """The case considerations the user may link, as ``kind:pk`` values, from every kind of
    record registered for a referral."""
    return [
        (f"{kind.key}:{pk}", label)
        for kind in linkable_kinds(use="referral")
        for pk, label in kind.choices(user=user, partnership=partnership)
    ]


def actions_raised_from(*, user, partnership, death: ChildDeath) -> list[dict]:
    """The actions the death's recommendations raised, each with its page when the user may open it."""
    raised = (
        Action.objects.filter(source_type=ContentType.objects.get_for_model(ChildDeath), source_id=str(death.pk))
        .select_related("owner_agency", "partnership")
        .order_by("reference")
    )
    openable = set(actions_visible_to(user=user, partnership=partnership, source=death).values_list("pk", flat=True))
    return [{"action": a, "url": a.get_absolute_url() if a.pk in openable else ""} for a in raised]


def factors_by_domain(death: ChildDeath) -> list[dict]:
    """The death's factors, grouped by the library's domains in their order."""
    domains = library_titles(DOMAIN)
    contributions = library_titles(CONTRIBUTION)
    factors = list(death.factors.all())
    groups = []
    for code, title in [*domains.items(), *((f.domain, f.domain) for f in factors if f.domain not in domains)]:
        found = [f for f in factors if f.domain == code]
        if found and code not in {g["code"] for g in groups}:
            rows = [{"factor": f, "contribution": contributions.get(f.contribution, f.contribution)} for f in found]
            groups.append({"code": code, "title": title, "rows": rows})
    return groups


def analysis_for_death_page(*, user, partnership, death) -> dict:
    """The context of ``cdop/_death_analysis.html`` on a death's page (its caller has checked the
    user may read the death and logged the read)."""
    readable = can_read_cases(user=user, partnership=partnership)
    manager = can_manage_cases(user=user, partnership=partnership)
    reviewable = death.status not in (
        ChildDeath.Status.DRAFT,
        ChildDeath.Status.PASSED_ON,
        ChildDeath.Status.DUPLICATE,
    )
    open_review = death.status == ChildDeath.Status.NOTIFIED
    return {
        "analysis_death": death,
        "analysis_factors": factors_by_domain(death),
        "analysis_category": death.category.title if death.category_id else "",
        "analysis_actions": actions_raised_from(user=user, partnership=partnership, death=death),
        "analysis_referral_url": linked_url(
            user=user, partnership=partnership, content_type=death.referral_type, object_id=death.referral_id
        ),
        "analysis_may_record_meeting": manager and reviewable,
        "analysis_may_record": readable and open_review,
        "analysis_may_change_factors": readable and death.is_open,
        "analysis_may_raise": readable and reviewable,
        "analysis_may_refer": readable and reviewable,
        "analysis_may_reopen": manager and death.status == ChildDeath.Status.REVIEWED,
        "analysis_paused": death.status == ChildDeath.Status.PAUSED,
    }
