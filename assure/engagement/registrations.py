"""Everything engagement offers the tenant core's registration points (the menu, what waits on
the home page, computed indicators), called once from ``EngagementConfig.ready``. Each part of
engagement keeps its own function here."""


def register_all() -> None:
    campaigns()
    surveys()
    voices()
    events()
    figures()


def campaigns() -> None:
    """Campaigns: their activities and measures, hung under the business plan's priorities; the
    year's engagement in one page."""
    from assure.core.menu import Part, register
    from assure.plans.hooks import register_priority_holder

    from .selectors.campaigns import campaigns_for_priorities

    register(
        Part(
            group="learning",
            label="Campaigns",
            url_name="engagement:campaigns",
            permission="engagement.view",
            description="The partnership's communication campaigns: their aims and audiences, the activities they "
            "ran and what was measured of them.",
            order=60,
            covers=("engagement:campaign*", "engagement:activity*", "engagement:measure*"),
        ),
        Part(
            group="learning",
            label="Engagement this year",
            url_name="engagement:summary",
            permission="engagement.view",
            description="A financial year's campaigns, events and attendance, surveys and the voices heard, with "
            "its download.",
            order=61,
            covers=("engagement:summary*",),
        ),
    )
    register_priority_holder(campaigns_for_priorities)


def surveys() -> None:
    """Surveys: the business unit's pages; free-text answers waiting for review."""
    from assure.core.menu import Part, register
    from assure.core.waiting import WaitingKind, register_waiting

    from . import waiting_surveys

    register(
        Part(
            group="learning",
            label="Surveys",
            url_name="engagement:surveys",
            permission="engagement.view",
            description="Anonymous surveys on a public link, such as the young people's e-safety survey: their "
            "results question by question, compared year on year, and the free-text answers reviewed before any "
            "is quoted.",
            waiting=waiting_surveys.free_text_phrase,
            order=62,
            covers=("engagement:survey*",),
        )
    )
    register_waiting(
        WaitingKind(
            key=waiting_surveys.FREE_TEXT,
            label="Free-text answers to review",
            order=87,
            items=waiting_surveys.free_text_waiting,
        )
    )


def voices() -> None:
    """Voices: feedback heard, reviewed before it is quoted."""
    from assure.core.menu import Part, register
    from assure.core.waiting import WaitingKind, register_waiting

    from . import waiting_voices

    register(
        Part(
            group="learning",
            label="Voices heard",
            url_name="engagement:voices",
            permission="engagement.view",
            description="What children and young people, parents, practitioners and the community told the board, "
            "reviewed before it is quoted, and the quotes chosen for the annual report.",
            waiting=waiting_voices.voices_phrase,
            order=63,
            covers=("engagement:voice*",),
        )
    )
    register_waiting(
        WaitingKind(
            key=waiting_voices.TO_REVIEW,
            label="Voices to review",
            order=88,
            items=waiting_voices.voices_waiting,
        )
    )


def events() -> None:
    """Events: conferences, workshops and sessions, with attendance and feedback."""
    from assure.core.menu import Part, register

    register(
        Part(
            group="learning",
            label="Events",
            url_name="engagement:events",
            permission="engagement.view",
            description="The conferences, community workshops and sessions the board held or supported, with who "
            "came and what they said.",
            order=64,
            covers=("engagement:event*",),
        )
    )


def figures() -> None:
    """The engagement figures: computed indicators for the core dataset."""
    from assure.core.computations import Parameter, register_computation

    from . import computations

    register_computation(
        "engagement.measure_total",
        computations.measure_total,
        "The total of one campaign measure (one the library says adds up) over the partnership's campaigns, by "
        "the date measured, per financial year.",
        parameters={"measure": Parameter("The measure's code.", names="engagement-measure")},
    )
    for name, function, description in [
        (
            "event_attendees",
            computations.event_attendees,
            "The attendees typed for the partnership's events held in the year, not those run as training sessions.",
        ),
        (
            "survey_responses",
            computations.survey_responses,
            "The responses submitted to the partnership's surveys in the year.",
        ),
        ("voices_heard", computations.voices_heard, "The voices recorded as heard in the year, reviewed or not."),
    ]:
        register_computation(f"engagement.{name}", function, description)
