"""Reads of the risk register: the matrix a partnership scores on, the risks a person may see,
a risk's reviews as a trend, its actions and events, the heat map and the risks above the
board's appetite. Every read of risks is given the user and answers nothing to someone who may
not read the register."""

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import QuerySet

from assure.accounts.models import User
from assure.actions.models import Action
from assure.actions.selectors import actions_visible_to
from assure.audit.models import Event
from assure.audit.selectors import events_about
from assure.library.models import LibraryItem
from assure.library.schemas import SHIPPED_PROVIDER
from assure.library.selectors import current_items, role_definitions
from assure.partnerships.models import Agency, Partnership

from ..models import Risk, RiskReview
from ..permissions import can_view_risks
from ..risk_matrix import Band, RiskMatrix, matrix_of

RISK_MATRIX = "risk-matrix"


# --- the matrix ------------------------------------------------------------------------------


def matrix_for(partnership: Partnership) -> LibraryItem | None:
    """The risk matrix the partnership scores new risks on: the newest version of its own
    document of kind ``risk-matrix`` (provider its slug) when it has one, otherwise Assure's.
    The library is shared reference content and holds nothing personal, so this needs no user."""
    items = list(current_items(kind=RISK_MATRIX).filter(document__provider__in=[partnership.slug, SHIPPED_PROVIDER]))
    own = [item for item in items if item.document.provider == partnership.slug]
    return (own or items or [None])[0]


def risk_matrix(risk: Risk) -> RiskMatrix:
    """The matrix the risk was scored on (the version kept on the risk)."""
    return matrix_of(risk.matrix)


# --- the register ----------------------------------------------------------------------------


def risks_visible_to(*, user: User, partnership: Partnership) -> QuerySet[Risk]:
    """The partnership's risks, open and closed, for someone who may read the register."""
    if not can_view_risks(user=user, partnership=partnership):
        return Risk.objects.none()
    return Risk.objects.filter(partnership=partnership).select_related("partnership", "owner", "owner_agency", "matrix")


def risk_owner_choices(*, user: User, partnership: Partnership) -> QuerySet[User]:
    """Who may own a risk: the partnership's active members whose role lets them read the
    register (so they can see it and record its reviews)."""
    if not can_view_risks(user=user, partnership=partnership):
        return User.objects.none()
    roles = [code for code, role in role_definitions().items() if "risks.view" in role.permissions]
    return (
        User.objects.filter(
            memberships__partnership=partnership,
            memberships__is_active=True,
            memberships__role__in=roles,
            is_active=True,
        )
        .distinct()
        .order_by("full_name", "pk")
    )


def risk_agency_choices(*, user: User, partnership: Partnership) -> QuerySet[Agency]:
    """The partnership's active agencies, for a risk's owning agency or its action's owner."""
    if not can_view_risks(user=user, partnership=partnership):
        return Agency.objects.none()
    return Agency.objects.filter(partnership_links__partnership=partnership, is_active=True).distinct().order_by("name")


def risks_waiting(*, user: User, partnership: Partnership) -> str | None:
    """The register's line on the Board page: how many reviews are overdue."""
    if not can_view_risks(user=user, partnership=partnership):
        return None
    overdue = Risk.objects.filter(Risk.review_overdue_q(), partnership=partnership).count()
    if not overdue:
        return None
    return f"{overdue} risk review{'s' if overdue != 1 else ''} overdue"


# --- one risk --------------------------------------------------------------------------------


@dataclass(frozen=True)
class TrendRow:
    review: RiskReview
    score: int
    band: Band | None
    previous: int | None

    @property
    def direction(self) -> str:
        """ "up", "down", "same", or "" for the first review."""
        if self.previous is None:
            return ""
        if self.score > self.previous:
            return "up"
        return "down" if self.score < self.previous else "same"

    @property
    def change(self) -> str:
        """The change from the review before, in words (arrows alone would not say it)."""
        if self.previous is None:
            return "First review"
        if self.direction == "same":
            return f"No change from {self.previous}"
        return f"{'Up' if self.direction == 'up' else 'Down'} from {self.previous}"


def risk_trend(*, user: User, risk: Risk) -> list[TrendRow]:
    """The risk's reviews, oldest first, each with its score, band and change from the one
    before: how the risk has moved."""
    if not can_view_risks(user=user, partnership=risk.partnership):
        return []
    matrix = risk_matrix(risk)
    rows: list[TrendRow] = []
    previous = None
    for review in risk.reviews.select_related("reviewed_by").order_by("reviewed_on", "pk"):
        rows.append(TrendRow(review=review, score=review.score, band=matrix.band(review.score), previous=previous))
        previous = review.score
    return rows


def trend_summary(rows: list[TrendRow]) -> str:
    """One sentence on where the risk has gone across its reviews."""
    if not rows:
        return "No review has been recorded yet."
    first, last = rows[0], rows[-1]
    if len(rows) == 1:
        return f"One review, on {last.review.reviewed_on:%-d %B %Y}, scored it {last.score}."
    if last.score < first.score:
        movement = f"fallen from {first.score} to {last.score}"
    elif last.score > first.score:
        movement = f"risen from {first.score} to {last.score}"
    else:
        movement = f"stayed at {last.score}"
    return (
        f"Over {len(rows)} reviews, from {first.review.reviewed_on:%-d %B %Y} to "
        f"{last.review.reviewed_on:%-d %B %Y}, the score has {movement}."
    )


def risk_actions(*, user: User, risk: Risk) -> QuerySet[Action]:
    """The mitigating actions raised from the risk that the user may see."""
    if not can_view_risks(user=user, partnership=risk.partnership):
        return Action.objects.none()
    return actions_visible_to(user=user, partnership=risk.partnership, source=risk).order_by("due_on", "pk")


def risk_events(*, user: User, risk: Risk) -> QuerySet[Event]:
    """What happened to the risk, newest first."""
    if not can_view_risks(user=user, partnership=risk.partnership):
        return Event.objects.none()
    return events_about(target=risk)


# --- the heat map ----------------------------------------------------------------------------


@dataclass
class HeatCell:
    likelihood: int
    impact: int
    score: int
    band: Band | None
    risks: list[Risk] = field(default_factory=list)


@dataclass
class HeatMap:
    matrix: RiskMatrix
    rows: list[list[HeatCell]]  # highest impact first, each row by likelihood from 1
    placed: int
    not_placed: list[Risk]

    @property
    def cells(self) -> list[HeatCell]:
        """Every cell holding a risk, the highest score first: the table alternative's rows."""
        held = [cell for row in self.rows for cell in row if cell.risks]
        return sorted(held, key=lambda c: (-c.score, -c.impact, -c.likelihood))


def heat_map(*, user: User, partnership: Partnership, risks: list[Risk] | None = None) -> HeatMap | None:
    """The partnership's open risks by current likelihood and impact, on its matrix: a grid of
    cells, each with its score, band and the risks in it. A risk scored on a matrix of other
    dimensions cannot be placed and is listed apart. None when the library has no matrix."""
    item = matrix_for(partnership)
    if item is None:
        return None
    matrix = matrix_of(item)
    if risks is None:
        risks = list(risks_visible_to(user=user, partnership=partnership).filter(status=Risk.Status.OPEN))
    grid = {
        (lk.score, im.score): HeatCell(
            likelihood=lk.score,
            impact=im.score,
            score=matrix.score(lk.score, im.score),
            band=matrix.level(lk.score, im.score),
        )
        for lk in matrix.likelihood
        for im in matrix.impact
    }
    not_placed = []
    for risk in risks:
        cell = grid.get((risk.current_likelihood, risk.current_impact))
        if cell is None:
            not_placed.append(risk)
        else:
            cell.risks.append(risk)
    rows = [[grid[(lk.score, im.score)] for lk in matrix.likelihood] for im in reversed(matrix.impact)]
    return HeatMap(matrix=matrix, rows=rows, placed=len(risks) - len(not_placed), not_placed=not_placed)


# --- above the appetite ----------------------------------------------------------------------


@dataclass(frozen=True)
class RiskAbove:
    risk: Risk
    score: int
    band: Band | None
    appetite: int


def risks_above_appetite(*, user: User, partnership: Partnership, on: dt.date | None = None) -> list[RiskAbove]:
    """Open risks whose current score is above the appetite of the matrix they are scored on,
    the highest first. With ``on``, the risks open on that day as their latest review then
    scored them (a risk with no review by then by its current score)."""
    risks = risks_visible_to(user=user, partnership=partnership)
    if on is None:
        risks = risks.filter(status=Risk.Status.OPEN)
    else:
        risks = risks.filter(created_at__date__lte=on).exclude(status=Risk.Status.CLOSED, closed_at__date__lte=on)
    risks = list(risks.prefetch_related("reviews"))
    found = []
    for risk in risks:
        matrix = risk_matrix(risk)
        score = _score_on(risk, on)
        if matrix.above_appetite(score):
            found.append(RiskAbove(risk=risk, score=score, band=matrix.band(score), appetite=matrix.appetite))
    return sorted(found, key=lambda r: (-r.score, r.risk.reference))


def _score_on(risk: Risk, on: dt.date | None) -> int:
    if on is None:
        return risk.current_score
    reviews = [review for review in risk.reviews.all() if review.reviewed_on <= on]
    return max(reviews, key=lambda r: (r.reviewed_on, r.pk)).score if reviews else risk.current_score
