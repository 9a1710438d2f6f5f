"""Everything reviews offers the tenant core's registration points (the menu, what waits on the
home page, reminder sources, clocks, computed indicators, linkable records), called once from
``ReviewsConfig.ready``. Each part of reviews keeps its own function here."""


def register_all() -> None:
    referrals()
    incidents()
    reviews()
    recommendations()
    briefings()


def referrals() -> None:
    """Case considerations and the chair's decisions: the parts "Case considerations" and "Refer a
    case" of Reviews and panels, and what waits for the business unit and the chair."""
    from assure.core.menu import Part, register
    from assure.core.waiting import WaitingKind, register_waiting

    from . import waiting_referrals as waiting

    register(
        Part(
            group="reviews",
            label="Case considerations",
            url_name="reviews:referrals",
            permission="reviews.view",
            description="Cases referred for consideration by practitioners: their acknowledgement, the learning "
            "and improvement subgroup's recommendation, the chair's decision and its letter.",
            waiting=waiting.referrals_waiting,
            order=10,
            covers=(
                "reviews:referrals",
                "reviews:referral_detail",
                "reviews:referral_acknowledge",
                "reviews:referral_consider",
                "reviews:referral_decide",
                "reviews:referral_withdraw",
                "reviews:referral_letter",
            ),
        ),
        Part(
            group="reviews",
            label="Refer a case",
            url_name="reviews:referrals_mine",
            permission="reviews.refer",
            description="Refer a case to the partnership for consideration for a review or an audit, and follow "
            "the cases you have referred.",
            order=11,
            covers=("reviews:referrals_mine", "reviews:referral_create"),
        ),
    )
    register_waiting(
        WaitingKind(
            key=waiting.TO_ACKNOWLEDGE,
            label="Case considerations to acknowledge",
            order=20,
            items=waiting.referrals_to_acknowledge,
        ),
        WaitingKind(
            key=waiting.TO_CONSIDER,
            label="Case considerations to take to the subgroup",
            order=21,
            items=waiting.referrals_to_consider,
        ),
        WaitingKind(
            key=waiting.TO_DECIDE,
            label="Case considerations to decide",
            order=22,
            items=waiting.referrals_to_decide,
        ),
    )


def incidents() -> None:
    """Serious incidents, rapid reviews and their clocks: the part "Serious incidents" of Reviews
    and panels, the clocks of incidents and reviews for the list of open clocks, and the clocks
    running close or overdue on the home page."""
    from assure.clocks.registry import ClockSource, register_clock_source
    from assure.core.menu import Part, register
    from assure.core.waiting import WaitingKind, register_waiting

    from . import waiting_incidents
    from .clocks import SOURCE, clock_source_items

    register(
        Part(
            group="reviews",
            label="Serious incidents",
            url_name="reviews:incidents",
            permission="reviews.view",
            description="Serious incidents notified to the national panel and their rapid reviews, on their "
            "statutory clocks, with the panel's response and any local review that followed.",
            waiting=waiting_incidents.incidents_open_phrase,
            order=20,
            covers=("reviews:incident*",),
        )
    )
    register_clock_source(ClockSource(key=SOURCE, label="Case reviews", items=clock_source_items))
    register_waiting(
        WaitingKind(
            key=waiting_incidents.CLOCKS,
            label="Statutory clocks due soon or overdue",
            order=18,
            items=waiting_incidents.clocks_waiting,
        )
    )


def reviews() -> None:
    """Reviews, agencies' contributions and practitioners' conversations: the parts "Case reviews"
    and "Review contributions" of Reviews and panels, the contributions to upload (agency leads)
    and overdue (the business unit) on the home page, and the daily reminders of contributions."""
    from assure.core.menu import Part, register
    from assure.core.waiting import WaitingKind, register_waiting
    from assure.notifications.reminders import register_reminder_source

    from . import waiting_reviews
    from .services.contributions import contributions_reminders_due

    register(
        Part(
            group="reviews",
            label="Case reviews",
            url_name="reviews:reviews",
            permission="reviews.view",
            description="Serious case reviews, local child safeguarding practice reviews, learning reviews and "
            "multi-agency audits of a case: who leads them, what agencies contributed, and their publication.",
            order=30,
            covers=(
                "reviews:reviews",
                "reviews:review_create",
                "reviews:review_detail",
                "reviews:review_edit",
                "reviews:review_move",
                "reviews:review_case",
                "reviews:review_report*",
                "reviews:review_publish",
                "reviews:contribution_request",
                "reviews:contribution_remind",
                "reviews:conversation_add",
            ),
        ),
        Part(
            group="reviews",
            label="Review contributions",
            url_name="reviews:contributions_mine",
            permission="reviews.contribute",
            description="The chronologies and agency reports case reviews have asked of your agency, with their "
            "due dates: upload each here.",
            waiting=waiting_reviews.contributions_waiting,
            order=31,
            covers=("reviews:contributions_mine", "reviews:contribution_upload"),
        ),
    )
    register_waiting(
        WaitingKind(
            key=waiting_reviews.CONTRIBUTIONS_TO_UPLOAD,
            label="Review contributions to upload",
            order=30,
            items=waiting_reviews.contributions_to_upload,
        ),
        WaitingKind(
            key=waiting_reviews.CONTRIBUTIONS_OVERDUE,
            label="Review contributions overdue",
            order=62,
            items=waiting_reviews.contributions_overdue,
        ),
    )
    register_reminder_source("review-contribution", contributions_reminders_due)


def recommendations() -> None:
    """Findings, recommendations, action plans and the figures for the core dataset: the part
    "Action plans" of Reviews and panels, the recommendations without actions on the business
    unit's home page, the computations of the reviews' indicators, and reviews and recommendations
    as records other parts may point at."""
    from assure.core.computations import register_computation
    from assure.core.menu import Part, register
    from assure.core.waiting import WaitingKind, register_waiting

    from . import computations as figures
    from . import waiting_recommendations as waiting
    from .links import register_links

    register(
        Part(
            group="reviews",
            label="Action plans",
            url_name="reviews:action_plans",
            permission="reviews.view",
            description="Each case review's findings, recommendations and multi-agency action plan: the actions "
            "raised, who owns them, how far they have got, and the progress reported to the subgroup.",
            waiting=waiting.recommendations_waiting,
            order=40,
            covers=(
                "reviews:action_plan*",
                "reviews:review_findings",
                "reviews:finding_*",
                "reviews:recommendation_*",
                "reviews:progress_add",
            ),
        )
    )
    register_waiting(
        WaitingKind(
            key=waiting.RECOMMENDATIONS_WITHOUT_ACTIONS,
            label="Review recommendations without actions",
            order=34,
            items=waiting.recommendations_without_actions,
        )
    )
    register_computation(
        "reviews.referrals_received",
        figures.referrals_received,
        "Case considerations received in the financial year, on one route of the form when given.",
        parameters={"route": figures.ROUTE},
    )
    register_computation(
        "reviews.referrals_decided",
        figures.referrals_decided,
        "Case considerations the chair decided in the financial year, with one decision when given.",
        parameters={"decision": figures.DECISION},
    )
    register_computation(
        "reviews.reviews_commissioned",
        figures.reviews_commissioned,
        "Case reviews commissioned in the financial year (by the decision to hold them), of one type when given.",
        parameters={"kind": figures.KIND},
    )
    register_computation(
        "reviews.reviews_published",
        figures.reviews_published,
        "Case reviews whose report was published in the financial year.",
    )
    register_computation(
        "reviews.clocks_met_percent",
        figures.clocks_met_percent,
        "Of the runs of a statutory clock that stopped in the financial year, the percentage stopped by their "
        "due date, counted on the library's clock.",
        parameters={"clock": figures.CLOCK},
    )
    register_computation(
        "reviews.recommendations_done_percent",
        figures.recommendations_done_percent,
        "Of the recommendations of the reviews commissioned in the financial year, the percentage whose actions "
        "are all completed.",
    )
    register_computation(
        "reviews.briefings_published",
        figures.briefings_published,
        "Learning briefings published on the partnership's public learning page in the financial year.",
    )
    register_links()


def briefings() -> None:
    """Learning briefings and the public learning page: the part "Learning briefings" of Learning."""
    from assure.core.menu import Part, register

    register(
        Part(
            group="learning",
            label="Learning briefings",
            url_name="reviews:briefings",
            permission="reviews.view",
            description="The 7-minute briefings written from local and national reviews and new guidance, and "
            "their publication on the partnership's public learning page.",
            order=10,
            covers=("reviews:briefing*",),
        )
    )
