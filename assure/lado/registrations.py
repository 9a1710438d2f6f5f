"""Everything lado offers the tenant core's registration points (the menu, what waits on the home
page, reminder sources, clocks, computed indicators), called once from ``LadoConfig.ready``. Each
part of lado keeps its own function here."""


def register_all() -> None:
    referrals()
    people()
    handling()
    figures()


def referrals() -> None:
    """Referrals: the officer's list and each referral's page, the employer's form, the drafts
    waiting to be accepted."""
    from assure.core.menu import Part, register
    from assure.core.waiting import WaitingKind, register_waiting

    from . import waiting_referrals

    register(
        Part(
            group="reviews",
            label="Allegations",
            url_name="lado:referrals",
            permission="lado.manage",
            description="Referrals to the designated officer of allegations against people who work with "
            "children: the drafts from employers to accept, each case by urgency, its handling and its clocks.",
            waiting=waiting_referrals.referrals_phrase,
            order=70,
            covers=(
                "lado:referral*",
                "lado:person*",
                "lado:meeting*",
                "lado:update*",
                "lado:match*",
            ),
        ),
        Part(
            group="reviews",
            label="Refer an allegation",
            url_name="lado:refer",
            permission="lado.refer",
            description="Tell the designated officer of an allegation against someone who works for your agency.",
            order=71,
            covers=("lado:refer", "lado:refer_sent"),
        ),
    )
    register_waiting(
        WaitingKind(
            key=waiting_referrals.DRAFTS,
            label="Allegation referrals from employers to accept",
            order=70,
            items=waiting_referrals.drafts_waiting,
        )
    )


def people() -> None:
    """The people allegations are about: the repeat matches waiting for the officer."""
    from assure.core.waiting import WaitingKind, register_waiting

    from . import waiting_people

    register_waiting(
        WaitingKind(
            key=waiting_people.REPEATS,
            label="Possible repeat referrals to check",
            order=71,
            items=waiting_people.repeats_waiting,
        )
    )


def handling() -> None:
    """The handling of a referral: its clocks (the clock source, the referrals due soon or
    overdue), the updates asked of employers and their reminders."""
    from assure.clocks.registry import ClockSource, register_clock_source
    from assure.core.waiting import WaitingKind, register_waiting
    from assure.notifications.reminders import register_reminder_source

    from . import waiting_handling
    from .clocks import SOURCE, clock_source_items
    from .services.updates import REMINDER_RULE, updates_reminders_due

    register_clock_source(ClockSource(key=SOURCE, label="Allegations", items=clock_source_items))
    register_waiting(
        WaitingKind(
            key=waiting_handling.ALLEGATIONS_DUE,
            label="Allegations due soon or overdue",
            order=72,
            items=waiting_handling.allegations_due,
        ),
        WaitingKind(
            key=waiting_handling.UPDATES_OVERDUE,
            label="Employer updates overdue",
            order=73,
            items=waiting_handling.updates_overdue,
        ),
    )
    register_reminder_source(REMINDER_RULE, updates_reminders_due)


def figures() -> None:
    """The figures, the officer's annual report, computed indicators."""
    from assure.core.computations import register_computation
    from assure.core.menu import Part, register

    from . import computations

    register(
        Part(
            group="reviews",
            label="Allegations figures",
            url_name="lado:figures",
            permission="lado.view",
            order=72,
            description="Referrals to the designated officer about people who work with children, by year, "
            "sector, category, outcome and timescale, and the officer's annual report; small numbers hidden.",
            covers=("lado:figures*", "lado:annual_report", "lado:expectations"),
        )
    )
    for name, function, description in [
        (
            "referrals",
            computations.referrals,
            "Allegations referred to the designated officer and accepted, by the date referred; small numbers "
            "left out.",
        ),
        (
            "joint_evaluation_meetings",
            computations.joint_evaluation_meetings,
            "Joint evaluation meetings about referrals, by the date held; small numbers left out.",
        ),
        (
            "police_investigations",
            computations.police_investigations,
            "Referrals the police investigated, by the date referred; small numbers left out.",
        ),
        (
            "suspensions",
            computations.suspensions,
            "Referrals whose subject the employer suspended, by the date referred; small numbers left out.",
        ),
        (
            "resolved_within_month_percent",
            computations.resolved_within_month_percent,
            "Of the closed allegations, the percentage resolved within one month of the referral; left out when "
            "either count is small.",
        ),
        (
            "referred_within_one_working_day_percent",
            computations.referred_within_one_working_day_percent,
            "Of the referrals, the percentage made within one working day of the employer knowing; left out when "
            "either count is small.",
        ),
    ]:
        register_computation(f"lado.{name}", function, description)
