"""Who may do what in case reviews: case considerations and decisions, serious incidents and rapid
reviews, reviews and what agencies contribute to them, recommendations and action plans, and
learning briefings. Predicates follow docs/architecture.md section 2 (``can_`` for the role,
``may_`` for the role and the record's state now, ``ensure_`` to refuse). Each part keeps its
predicates in a block here.

Named case content (a referral's case reference, reasons and chronology; an incident's
circumstances; a review's terms of reference, panel, agencies' documents, practitioners'
conversations and final report) needs the ``case-review`` restricted grant on top of the role
(``can_read_case_content``), and every read of it is logged with ``restricted_read_record``."""

from assure.accounts.permissions import has_permission, has_restricted_grant

# The restricted area of named case-review content (library/assure/restricted-areas.yaml).
CASE_REVIEW_AREA = "case-review"


def can_view_reviews(*, user, partnership) -> bool:
    """True when the user reads the partnership's referrals, incidents and reviews (their
    existence, type, status, clocks, findings and recommendations)."""
    return has_permission(user=user, permission="reviews.view", partnership=partnership)


def can_read_case_content(*, user, partnership) -> bool:
    """True when the user may read named case content: a role allowing reviews and an explicit
    ``case-review`` grant in the partnership."""
    return has_permission(user=user, permission="reviews.view", partnership=partnership) and has_restricted_grant(
        user=user, partnership=partnership, area=CASE_REVIEW_AREA
    )


def can_manage_reviews(*, user, partnership) -> bool:
    """True when the user (the business unit) records referrals' handling, incidents, reviews and
    briefings."""
    return has_permission(user=user, permission="reviews.manage", partnership=partnership)


def can_run_reviews(*, user, partnership) -> bool:
    """True when the user (the business unit or a reviewer) records a review's conversations,
    findings and recommendations."""
    return has_permission(user=user, permission="reviews.run", partnership=partnership)


# --- case considerations ---------------------------------------------------------------------------


# --- serious incidents -----------------------------------------------------------------------------


# --- reviews and contributions ---------------------------------------------------------------------


# --- recommendations and action plans --------------------------------------------------------------


# --- learning briefings ----------------------------------------------------------------------------
