"""Who may do what in case reviews: case considerations and decisions, serious incidents and rapid
reviews, reviews and what agencies contribute to them, recommendations and action plans, and
learning briefings. Predicates follow docs/architecture.md section 2 (``can_`` for the role,
``may_`` for the role and the record's state now, ``ensure_`` to refuse). Each part keeps its
predicates in a block here.

Named case content (a referral's case reference, reasons and chronology; an incident's
circumstances; a review's terms of reference, panel, agencies' documents, practitioners'
conversations and final report) needs the ``case-review`` restricted grant on top of the role
(``can_read_case_content``), and every read of it is logged with ``restricted_read_record``."""

from django.core.exceptions import PermissionDenied

from assure.accounts.permissions import agencies_of, has_permission, has_restricted_grant, is_agency_scoped

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
# Any member but a viewer refers a case (and follows their own referrals); the business unit
# acknowledges it, records the subgroup's consideration and withdraws it; the chair decides. The
# decision letter is read by its referring member and by readers of case content.

REFERRAL_OPEN = ("submitted", "acknowledged", "considered")


def can_refer(*, user, partnership) -> bool:
    """True when the user may refer a case for consideration (every member but a viewer)."""
    return has_permission(user=user, permission="reviews.refer", partnership=partnership)


def can_decide_referrals(*, user, partnership) -> bool:
    """True when the user (the chair) decides on case considerations."""
    return has_permission(user=user, permission="reviews.decide", partnership=partnership)


def may_acknowledge_referral(*, user, referral) -> bool:
    """True when the user may acknowledge the referral now: the business unit, once received."""
    return referral.status == "submitted" and can_manage_reviews(user=user, partnership=referral.partnership)


def may_consider_referral(*, user, referral) -> bool:
    """True when the user may record the subgroup's consideration now: the business unit, once the
    referral is acknowledged and until the chair decides."""
    return referral.status in ("acknowledged", "considered") and can_manage_reviews(
        user=user, partnership=referral.partnership
    )


def may_decide_referral(*, user, referral) -> bool:
    """True when the user may decide on the referral now: the chair, once the subgroup has
    considered it."""
    return referral.status == "considered" and can_decide_referrals(user=user, partnership=referral.partnership)


def may_withdraw_referral(*, user, referral) -> bool:
    """True when the user may withdraw the referral now: the business unit, until it is decided."""
    return referral.status in REFERRAL_OPEN and can_manage_reviews(user=user, partnership=referral.partnership)


def may_read_letter(*, user, referral) -> bool:
    """True when the user may read the referral's decision letter: once decided, its referring
    member, or a reader of case content."""
    if referral.status != "decided" or not referral.letter:
        return False
    if referral.referred_by_id is not None and referral.referred_by_id == user.pk:
        return can_refer(user=user, partnership=referral.partnership)
    return can_read_case_content(user=user, partnership=referral.partnership)


def ensure_can_refer(*, user, partnership) -> None:
    if not can_refer(user=user, partnership=partnership):
        raise PermissionDenied("Only a member of the partnership refers a case for consideration.")


def ensure_may_acknowledge_referral(*, user, referral) -> None:
    if not may_acknowledge_referral(user=user, referral=referral):
        raise PermissionDenied(
            f"Case consideration {referral.reference} is acknowledged only by the business unit, once received."
        )


def ensure_may_consider_referral(*, user, referral) -> None:
    if not may_consider_referral(user=user, referral=referral):
        raise PermissionDenied(
            f"The consideration of {referral.reference} is recorded only by the business unit, once it is "
            "acknowledged and until the chair decides."
        )


def ensure_may_decide_referral(*, user, referral) -> None:
    if not may_decide_referral(user=user, referral=referral):
        raise PermissionDenied(
            f"Case consideration {referral.reference} is decided only by the chair, once the subgroup has "
            "considered it."
        )


def ensure_may_withdraw_referral(*, user, referral) -> None:
    if not may_withdraw_referral(user=user, referral=referral):
        raise PermissionDenied(
            f"Case consideration {referral.reference} is withdrawn only by the business unit, until it is decided."
        )


# --- serious incidents -----------------------------------------------------------------------------
# The business unit records a serious incident and each of its steps (notification, rapid review,
# the national panel's response) and closes it; the board and the reviewers read it; the case
# details need the case-review grant. The business unit and the chair are told of clocks running
# close or overdue.


def may_change_incident(*, user, incident) -> bool:
    """True when the user may record or correct the incident's steps now: the business unit, while
    the incident is open."""
    return incident.closed_on is None and can_manage_reviews(user=user, partnership=incident.partnership)


def sees_clock_alerts(*, user, partnership) -> bool:
    """True when clocks running close or overdue wait for the user on their home page: the business
    unit (who acts on them) and the chair (who answers for them)."""
    return has_permission(user=user, permission="reviews.manage", partnership=partnership) or has_permission(
        user=user, permission="reviews.decide", partnership=partnership
    )


def ensure_can_record_incidents(*, user, partnership) -> None:
    if not can_manage_reviews(user=user, partnership=partnership):
        raise PermissionDenied("Only the business unit records serious incidents.")


def ensure_may_change_incident(*, user, incident) -> None:
    if not may_change_incident(user=user, incident=incident):
        raise PermissionDenied(
            f"Serious incident {incident.reference} can be changed only by the business unit, while it is open."
        )


# --- reviews and contributions ---------------------------------------------------------------------
# The business unit commissions and steers reviews and asks agencies for their documents; an
# agency lead uploads their own agency's; the business unit and reviewers record practitioners'
# conversations. The case file (terms of reference, panel, documents, conversations, report) needs
# the case-review grant, except that an agency lead may fetch their own agency's upload.


def can_contribute_for(*, user, partnership, agency_id: int | None) -> bool:
    """True when the user uploads a review contribution for the agency: a lead of that agency."""
    if agency_id is None or not has_permission(user=user, permission="reviews.contribute", partnership=partnership):
        return False
    if is_agency_scoped(user=user, partnership=partnership):
        return agency_id in agencies_of(user=user, partnership=partnership)
    return True


def may_upload_contribution(*, user, contribution) -> bool:
    """True when the user may upload (or replace) the contribution now: a lead of its agency,
    while its review is open."""
    review = contribution.review
    return review.is_open and can_contribute_for(
        user=user, partnership=review.partnership, agency_id=contribution.agency_id
    )


def may_download_contribution(*, user, contribution) -> bool:
    """True when the user may fetch the contribution's file: a reader of case content, or a lead of
    the agency that uploaded it (their own document)."""
    partnership = contribution.review.partnership
    return can_read_case_content(user=user, partnership=partnership) or can_contribute_for(
        user=user, partnership=partnership, agency_id=contribution.agency_id
    )


def may_change_review(*, user, review) -> bool:
    """True when the user may change the review's details now: the business unit, until it is
    published or cancelled."""
    return review.status not in ("published", "cancelled") and can_manage_reviews(
        user=user, partnership=review.partnership
    )


def ensure_can_manage_reviews(*, user, partnership) -> None:
    if not can_manage_reviews(user=user, partnership=partnership):
        raise PermissionDenied("Only the business unit commissions and steers case reviews.")


def ensure_can_run_reviews(*, user, partnership) -> None:
    if not can_run_reviews(user=user, partnership=partnership):
        raise PermissionDenied("Only the business unit and reviewers record a review's conversations.")


def ensure_may_change_review(*, user, review) -> None:
    if not may_change_review(user=user, review=review):
        raise PermissionDenied(f"{review.reference} can be changed only by the business unit, until it is published.")


def ensure_may_upload_contribution(*, user, contribution) -> None:
    if not may_upload_contribution(user=user, contribution=contribution):
        raise PermissionDenied("Only a lead of the agency asked uploads its contribution, while the review is open.")


# --- recommendations and action plans --------------------------------------------------------------
# The business unit and the reviewers record a review's findings and recommendations; the business
# unit raises actions from the recommendations and reports the action plan's progress to the
# subgroup. A cancelled review keeps what it had and takes nothing more.


def may_record_findings(*, user, review) -> bool:
    """True when the user may add, change or delete the review's findings and recommendations now:
    a role running reviews, while the review is not cancelled."""
    return review.status != review.Status.CANCELLED and can_run_reviews(user=user, partnership=review.partnership)


def may_raise_review_actions(*, user, review) -> bool:
    """True when the user may raise actions from the review's recommendations and report its action
    plan's progress now: the business unit, while the review is not cancelled."""
    return review.status != review.Status.CANCELLED and can_manage_reviews(user=user, partnership=review.partnership)


def ensure_may_record_findings(*, user, review) -> None:
    if not may_record_findings(user=user, review=review):
        raise PermissionDenied(
            f"The findings and recommendations of review {review.reference} can be changed only by the business "
            "unit or a reviewer, while the review is not cancelled."
        )


def ensure_may_raise_review_actions(*, user, review) -> None:
    if not may_raise_review_actions(user=user, review=review):
        raise PermissionDenied(
            f"Only the business unit raises actions from review {review.reference} and reports its progress, "
            "while the review is not cancelled."
        )


# --- learning briefings ----------------------------------------------------------------------------
# The business unit writes, publishes and withdraws the partnership's learning briefings; whoever
# reads reviews reads them in the partnership; everyone reads the published ones on the public
# learning page. A draft or a withdrawn briefing may be edited and published (again); only a
# published one may be withdrawn.


def can_manage_briefings(*, user, partnership) -> bool:
    """True when the user (the business unit) writes, publishes and withdraws briefings."""
    return can_manage_reviews(user=user, partnership=partnership)


def may_publish_briefing(*, user, briefing) -> bool:
    """True when the user may publish the briefing now: the business unit, while it is a draft or
    has been withdrawn."""
    return briefing.status != briefing.Status.PUBLISHED and can_manage_briefings(
        user=user, partnership=briefing.partnership
    )


def may_withdraw_briefing(*, user, briefing) -> bool:
    """True when the user may take the briefing off the public learning page: the business unit,
    while it is published."""
    return briefing.status == briefing.Status.PUBLISHED and can_manage_briefings(
        user=user, partnership=briefing.partnership
    )


def ensure_can_manage_briefings(*, user, partnership) -> None:
    if not can_manage_briefings(user=user, partnership=partnership):
        raise PermissionDenied("Only the business unit writes learning briefings.")


def ensure_may_publish_briefing(*, user, briefing) -> None:
    if not may_publish_briefing(user=user, briefing=briefing):
        raise PermissionDenied("Only the business unit publishes a briefing, and only one not published already.")


def ensure_may_withdraw_briefing(*, user, briefing) -> None:
    if not may_withdraw_briefing(user=user, briefing=briefing):
        raise PermissionDenied("Only the business unit withdraws a briefing, and only a published one.")
