"""Risks other parts of Assure may point at (``assure/core/links.py``): a challenge about a risk,
a risk as an agenda item's paper, a risk as evidence of a plan's review; and the whole risk
register as a meeting's paper (the board reviews the register, not one risk at a time).
Registered from ``registrations.risks``. Risks are found through ``risks_visible_to``, given the
user, and the register only for people with ``risks.view``, so nobody links what they may not
see."""

from assure.core.links import LinkableKind, register_linkable
from assure.core.navigation import partnership_url


def _label(risk) -> str:
    return f"Risk {risk.reference}: {risk.title}"[:200]


def risk_choices(*, user, partnership) -> list[tuple[str, str]]:
    """The partnership's risks the user may see: open ones first, each by reference."""
    from .models import Risk
    from .selectors.risks import risks_visible_to

    risks = list(risks_visible_to(user=user, partnership=partnership).order_by("reference"))
    ordered = [r for r in risks if r.status == Risk.Status.OPEN] + [r for r in risks if r.status != Risk.Status.OPEN]
    return [(str(r.pk), f"{_label(r)} ({r.get_status_display().lower()})") for r in ordered]


def risk_find(*, user, partnership, pk):
    """The risk ``pk`` when the user may see it in the partnership, else None."""
    from .selectors.risks import risks_visible_to

    if not str(pk).isdigit():
        return None
    return risks_visible_to(user=user, partnership=partnership).filter(pk=int(pk)).first()


REGISTER_LABEL = "The risk register"


def register_choices(*, user, partnership) -> list[tuple[str, str]]:
    """The partnership's risk register, as the one choice, for people who may see it."""
    from .permissions import can_view_risks

    return [(str(partnership.pk), REGISTER_LABEL)] if can_view_risks(user=user, partnership=partnership) else []


def register_find(*, user, partnership, pk):
    """The partnership (whose register it is) when ``pk`` names it and the user may see its risks."""
    from .permissions import can_view_risks

    if str(pk) != str(partnership.pk) or not can_view_risks(user=user, partnership=partnership):
        return None
    return partnership


def register_links() -> None:
    register_linkable(
        LinkableKind(
            key="governance.risk",
            label="Risk",
            model="governance.risk",
            choices=risk_choices,
            find=risk_find,
            url=lambda risk: partnership_url("governance:risk_detail", risk.partnership, pk=risk.pk),
            uses=frozenset({"challenge", "paper", "evidence"}),
            describe=_label,
        ),
        LinkableKind(
            key="governance.risk-register",
            label="Risk register",
            model="partnerships.partnership",
            choices=register_choices,
            find=register_find,
            url=lambda partnership: partnership_url("governance:risks", partnership),
            uses=frozenset({"paper"}),
            describe=lambda partnership: REGISTER_LABEL,
        ),
    )
