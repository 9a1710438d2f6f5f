"""Everything governance offers the tenant core's registration points (the menu, what waits on
the home page, reminder sources, computed indicators), called once from ``GovernanceConfig.ready``.
Each part of governance keeps its own function here."""


def register_all() -> None:
    challenges()
    risks()
    agendas()


def challenges() -> None:
    """The challenge log's parts: its place in the board's menu, what waits on the home page
    (challenges to answer, responses overdue and to assess), the daily reminders, the figures
    counted from it, and a challenge as a record other parts may point at."""
    from assure.core.computations import register_computation
    from assure.core.menu import Part, register
    from assure.core.waiting import WaitingKind, register_waiting
    from assure.notifications.reminders import register_reminder_source

    from .computations_challenges import challenges_raised, challenges_resolved
    from .links_challenges import register_links
    from .selectors.challenges import challenges_waiting
    from .waiting_challenges import (
        challenges_overdue,
        challenges_reminders_due,
        challenges_to_answer,
        responses_to_assess,
    )

    register(
        Part(
            group="board",
            label="Challenge log",
            url_name="governance:challenges",
            permission="challenges.view",
            description="The challenges members of the board put to agencies, their responses, whether the board "
            "was satisfied and what difference they made.",
            order=72,
            waiting=challenges_waiting,
            covers=("governance:challenge*",),
        )
    )
    register_waiting(
        WaitingKind(
            key="governance.challenges_to_answer",
            label="Challenges from the board to answer",
            order=24,
            items=challenges_to_answer,
        ),
        WaitingKind(
            key="governance.challenges_overdue", label="Challenges overdue", order=63, items=challenges_overdue
        ),
        WaitingKind(
            key="governance.challenge_responses_to_assess",
            label="Responses to challenges to assess",
            order=65,
            items=responses_to_assess,
        ),
    )
    register_reminder_source("challenge", challenges_reminders_due)
    register_computation(
        "governance.challenges_raised",
        challenges_raised,
        "Challenges of the partnership's challenge log raised in the financial year.",
    )
    register_computation(
        "governance.challenges_resolved",
        challenges_resolved,
        "Challenges of the partnership's challenge log closed in the financial year.",
    )
    register_links()


def risks() -> None:
    """The risk register's parts."""
    from assure.core.computations import register_computation
    from assure.core.menu import Part, register
    from assure.core.waiting import WaitingKind, register_waiting
    from assure.notifications.reminders import register_reminder_source

    from .computations_risks import risks_above_appetite
    from .links_risks import register_links
    from .selectors.risks import risks_waiting
    from .waiting_risks import risk_reviews_due, risk_reviews_overdue, risks_to_review

    register(
        Part(
            group="board",
            label="Risk register",
            url_name="governance:risks",
            permission="risks.view",
            description="The risks to the board's work, scored on the partnership's risk matrix, with their "
            "owners, controls, reviews and mitigating actions, and a heat map.",
            order=75,
            waiting=risks_waiting,
            covers=("governance:risk*",),
        )
    )
    register_waiting(
        WaitingKind(key="governance.risks_to_review", label="Risks to review", order=66, items=risks_to_review),
        WaitingKind(
            key="governance.risk_reviews_overdue", label="Risk reviews overdue", order=67, items=risk_reviews_overdue
        ),
    )
    register_reminder_source("risk-review", risk_reviews_due)
    register_computation(
        "governance.risks_above_appetite",
        risks_above_appetite,
        "Risks of the register open at the end of the financial year (today for the current one) whose score "
        "then was above the board's appetite.",
    )
    register_links()


def agendas() -> None:
    """The meetings' agendas, papers and minutes: links from each meeting's page, what waits on
    the home page (papers to read, minutes to approve), and an agenda item as a linkable record."""
    from assure.core.waiting import WaitingKind, register_waiting
    from assure.partnerships.hooks import MeetingPart, register_meeting_part

    from .links_agendas import agenda_links
    from .waiting_agendas import MINUTES_TO_APPROVE, PAPERS_TO_READ, minutes_to_approve, papers_to_read

    register_meeting_part(
        MeetingPart(label="Agenda and papers", url_name="governance:agenda", permission="agendas.view", order=10),
        MeetingPart(label="Minutes", url_name="governance:minutes", permission="agendas.view", order=20),
    )
    register_waiting(
        WaitingKind(key=PAPERS_TO_READ, label="Papers to read before the next meeting", order=45, items=papers_to_read),
        WaitingKind(key=MINUTES_TO_APPROVE, label="Minutes to approve", order=46, items=minutes_to_approve),
    )
    agenda_links()
