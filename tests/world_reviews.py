"""Case reviews records of one side of the permission matrix: each part of reviews (case
considerations, serious incidents, reviews, recommendations, briefings, the public pages) gives
its samples and records here, in its own block."""

# --- case considerations (and the public form's confirmation and status pages) -------------------
# A referral received (to acknowledge or withdraw), one acknowledged (to consider), one considered
# at a meeting (for the chair to decide) and one decided, referred by the side's recorder (who reads
# its letter as its referrer); and two from the public form: one awaiting its referrer's
# confirmation and one confirmed, with the secrets of their links (only digests are stored).
REFERRAL_SAMPLES: dict = {
    "reviews:referral_detail": lambda s: {"pk": s.referral.pk},
    "reviews:referral_acknowledge": lambda s: {"pk": s.referral.pk},
    "reviews:referral_withdraw": lambda s: {"pk": s.referral.pk},
    "reviews:referral_consider": lambda s: {"pk": s.referral_acknowledged.pk},
    "reviews:referral_decide": lambda s: {"pk": s.referral_considered.pk},
    "reviews:referral_letter": lambda s: {"pk": s.referral_decided.pk},
    "refer:confirm": lambda s: {"token": s.referral_confirm_token},
    "refer:status": lambda s: {"token": s.referral_status_token},
}


def _referral_records(partnership, agency, recorder) -> dict:
    import datetime as dt

    from django.utils import timezone

    from assure.partnerships.tests.factories import MeetingFactory
    from assure.reviews.models import Referral
    from assure.reviews.services.referrals import new_token
    from assure.reviews.tests.factories import ReferralFactory

    meeting = MeetingFactory(partnership=partnership, held_on=dt.date(2014, 6, 20))
    considered = {"considered_at": meeting, "recommendation": "audit", "recommendation_notes": "Worth auditing."}
    confirm_token, confirm_digest = new_token()
    status_token, status_digest = new_token()
    return {
        "referral": ReferralFactory(partnership=partnership, lead_agency=agency, referred_by=recorder),
        "referral_acknowledged": ReferralFactory(
            partnership=partnership, lead_agency=agency, status=Referral.Status.ACKNOWLEDGED
        ),
        "referral_considered": ReferralFactory(
            partnership=partnership, lead_agency=agency, status=Referral.Status.CONSIDERED, **considered
        ),
        "referral_decided": ReferralFactory(
            partnership=partnership,
            lead_agency=agency,
            referred_by=recorder,
            status=Referral.Status.DECIDED,
            decision="no-further-action",
            decision_reasons="The agencies' work together was timely and well recorded.",
            decided_on=dt.date(2014, 7, 1),
            letter="Dear Jo Referrer,\n\nThank you for referring this case.",
            **considered,
        ),
        "referral_public": ReferralFactory(
            partnership=partnership,
            lead_agency=agency,
            referred_by=None,
            reference="P-0a1b2c3d4e5f",
            status=Referral.Status.AWAITING_CONFIRMATION,
            submitted_at=None,
            confirmation_digest=confirm_digest,
            confirmation_expires_at=timezone.now() + dt.timedelta(hours=48),
        ),
        "referral_confirm_token": confirm_token,
        "referral_confirmed": ReferralFactory(
            partnership=partnership, lead_agency=agency, referred_by=None, status_digest=status_digest
        ),
        "referral_status_token": status_token,
    }


# --- serious incidents and rapid reviews ----------------------------------------------------------
INCIDENT_SAMPLES: dict = {
    name: (lambda s: {"pk": s.incident.pk})
    for name in (
        "reviews:incident_detail",
        "reviews:incident_edit",
        "reviews:incident_notify",
        "reviews:incident_rapid_review",
        "reviews:incident_panel_response",
        "reviews:incident_close",
    )
}


def _incident_records(partnership, agency, recorder) -> dict:
    """An open incident notified to the national panel, awaiting its rapid review."""
    import datetime as dt

    from assure.reviews.tests.factories import IncidentFactory

    return {
        "incident": IncidentFactory(
            partnership=partnership,
            lead_agency=agency,
            aware_on=dt.date(2026, 3, 2),
            notified_on=dt.date(2026, 3, 5),
            created_by=recorder,
        )
    }


# --- reviews, contributions and conversations -----------------------------------------------------
# A review under way (edited, moved on, its case file, contributions asked, a conversation added,
# its final report attached) with a chronology asked of the side's agency and not yet uploaded
# (its lead uploads it; the business unit chases it) and a practitioner's conversation; and a
# completed review with its final report and the side's agency's uploaded chronology (downloads;
# its publication recorded by the business unit).
#
# The case file and the final report need the case-review grant. In the matrix's world only the
# side's own auditor member (``side.membership``, a person who is none of the personas) holds one:
# the business unit's grant is confidential minutes. So every persona is refused those two pages
# (NARROWER: nobody), and an agency's upload is downloaded only by its own agency's lead, who needs
# no grant for their own document. assure/reviews/tests/test_reviews_case_file.py covers the
# grant holders.
REVIEW_SAMPLES: dict = {
    **{
        name: (lambda s: {"pk": s.review.pk})
        for name in (
            "reviews:review_detail",
            "reviews:review_edit",
            "reviews:review_move",
            "reviews:review_case",
            "reviews:contribution_request",
            "reviews:conversation_add",
            "reviews:review_report",
        )
    },
    "reviews:review_report_download": lambda s: {"pk": s.review_reported.pk},
    "reviews:review_publish": lambda s: {"pk": s.review_reported.pk},
    "reviews:contribution_upload": lambda s: {"pk": s.review_contribution.pk},
    "reviews:contribution_remind": lambda s: {"pk": s.review_contribution.pk},
    "reviews:contribution_download": lambda s: {"pk": s.review_upload.pk},
}


def _review_records(partnership, agency, recorder) -> dict:
    import datetime as dt

    from assure.reviews.models import Review
    from assure.reviews.tests.factories import (
        ContributionFactory,
        ConversationFactory,
        ReportedReviewFactory,
        ReviewFactory,
        UploadedContributionFactory,
    )

    review = ReviewFactory(
        partnership=partnership, status=Review.Status.UNDER_WAY, created_by=recorder, agencies=[agency]
    )
    reported = ReportedReviewFactory(partnership=partnership, created_by=recorder, agencies=[agency])
    return {
        "review": review,
        "review_contribution": ContributionFactory(
            review=review, agency=agency, due_on=dt.date(2026, 3, 2), requested_by=recorder
        ),
        "review_conversation": ConversationFactory(review=review, agency=agency, recorded_by=recorder),
        "review_reported": reported,
        "review_upload": UploadedContributionFactory(
            review=reported, agency=agency, requested_by=recorder, uploaded_by=recorder
        ),
    }


# --- findings, recommendations and action plans ---------------------------------------------------
# A review under way (its findings and recommendations may still change) with a finding and a
# recommendation answering it, addressed to the side's agency, without an action (so it may still
# be deleted), and a progress report to a meeting.
RECOMMENDATION_SAMPLES: dict = {
    "reviews:review_findings": lambda s: {"pk": s.action_plan_review.pk},
    "reviews:finding_add": lambda s: {"review": s.action_plan_review.pk},
    "reviews:finding_edit": lambda s: {"pk": s.review_finding.pk},
    "reviews:finding_delete": lambda s: {"pk": s.review_finding.pk},
    "reviews:recommendation_add": lambda s: {"review": s.action_plan_review.pk},
    "reviews:recommendation_edit": lambda s: {"pk": s.recommendation.pk},
    "reviews:recommendation_delete": lambda s: {"pk": s.recommendation.pk},
    "reviews:recommendation_action": lambda s: {"pk": s.recommendation.pk},
    "reviews:action_plan": lambda s: {"pk": s.action_plan_review.pk},
    "reviews:progress_add": lambda s: {"pk": s.action_plan_review.pk},
}


def _recommendation_records(partnership, agency, recorder, records: dict) -> dict:
    from assure.partnerships.tests.factories import MeetingFactory
    from assure.reviews.models import Review
    from assure.reviews.tests.factories import (
        ProgressReportFactory,
        RecommendationFactory,
        ReviewFactory,
        ReviewFindingFactory,
    )

    review = ReviewFactory(
        partnership=partnership, reference="RV-090", status=Review.Status.UNDER_WAY, created_by=recorder
    )
    finding = ReviewFindingFactory(review=review, number=1)
    return {
        "action_plan_review": review,
        "review_finding": finding,
        "recommendation": RecommendationFactory(review=review, number=1, finding=finding, agency=agency),
        "progress_report": ProgressReportFactory(
            review=review, meeting=MeetingFactory(partnership=partnership), recorded_by=recorder
        ),
    }


# --- learning briefings and the public learning page -----------------------------------------------
# A draft briefing with every section written (read, changed and published by the business unit)
# and a published one (withdrawn by the business unit; read by anyone on the public page).
BRIEFING_SAMPLES: dict = {
    "reviews:briefing_detail": lambda s: {"pk": s.briefing_draft.pk},
    "reviews:briefing_edit": lambda s: {"pk": s.briefing_draft.pk},
    "reviews:briefing_publish": lambda s: {"pk": s.briefing_draft.pk},
    "reviews:briefing_withdraw": lambda s: {"pk": s.briefing_published.pk},
    "learning:briefing": lambda s: {"slug": s.briefing_published.slug},
}


def _briefing_records(partnership, agency, recorder) -> dict:
    from assure.reviews.tests.factories import BriefingFactory, PublishedBriefingFactory

    return {
        "briefing_draft": BriefingFactory(partnership=partnership, slug="missing-children", created_by=recorder),
        "briefing_published": PublishedBriefingFactory(partnership=partnership, slug="neglect", created_by=recorder),
    }


REVIEWS_SAMPLES = {
    **REFERRAL_SAMPLES,
    **INCIDENT_SAMPLES,
    **REVIEW_SAMPLES,
    **RECOMMENDATION_SAMPLES,
    **BRIEFING_SAMPLES,
}


def reviews_records(partnership, agency, recorder) -> dict:
    records = {
        **_referral_records(partnership, agency, recorder),
        **_incident_records(partnership, agency, recorder),
        **_review_records(partnership, agency, recorder),
        **_briefing_records(partnership, agency, recorder),
    }
    records.update(_recommendation_records(partnership, agency, recorder, records))
    return records
