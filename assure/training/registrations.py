"""Everything training offers the tenant core's registration points (the menu, what waits on the
home page, reminder sources, computed indicators), called once from ``TrainingConfig.ready``. Each
part of training keeps its own function here."""


def register_all() -> None:
    practitioners()
    catalogue()
    bookings()
    attendance()
    evaluations()
    returns()
    figures()
    session_attendance()


def practitioners() -> None:
    """Practitioners: their own training page, the organisations waiting for the business unit to
    place."""
    from assure.core.menu import Part, register
    from assure.core.waiting import WaitingKind, register_waiting

    from . import waiting_practitioners

    register(
        Part(
            group="learning",
            label="Practitioners",
            url_name="training:practitioners",
            permission="training.manage",
            description="Everyone signed up to book the partnership's training, and the organisations waiting to "
            "be placed among its agencies.",
            waiting=waiting_practitioners.to_place_phrase,
            order=21,
            covers=("training:practitioner*",),
        ),
        Part(
            group="learning",
            label="My training",
            url_name="training:mine",
            permission="training.book",
            description="Your bookings, evaluations and certificates, and your details.",
            order=30,
            covers=(
                "training:mine*",
                "training:profile",
                "training:book",
                "training:booking_detail",
                "training:booking_cancel",
                "training:offer_accept",
                "training:evaluate",
                "training:evaluation_start",
                "training:certificate",
            ),
        ),
    )
    register_waiting(
        WaitingKind(
            key=waiting_practitioners.TO_PLACE,
            label="Practitioners' organisations to place",
            order=80,
            items=waiting_practitioners.to_place_waiting,
        )
    )


def catalogue() -> None:
    """The catalogue: courses and sessions, in the business unit's menu; the courses hung under the
    business plan's priorities."""
    from assure.core.menu import Part, register
    from assure.plans.hooks import register_priority_holder

    from .selectors.catalogue import courses_for_priorities

    register(
        Part(
            group="learning",
            label="Training courses",
            url_name="training:courses",
            permission="training.view",
            description="The multi-agency training catalogue: courses by level and the business plan's priority, "
            "their sessions to come and past, places, bookings and waiting lists, and conferences with workshops.",
            order=20,
            covers=("training:course*", "training:session*", "training:workshop*"),
        )
    )
    register_priority_holder(courses_for_priorities)


def bookings() -> None:
    """Bookings: offers waiting for a practitioner, the session and offer reminders, and the daily
    lapse of offers and approvals not answered in time."""
    from assure.core.daily import register_daily
    from assure.core.waiting import WaitingKind, register_waiting
    from assure.notifications.reminders import register_reminder_source

    from . import waiting_bookings

    register_waiting(
        WaitingKind(
            key=waiting_bookings.OFFERS,
            label="Places offered to you",
            order=81,
            items=waiting_bookings.offers_waiting,
        )
    )
    register_reminder_source("training-session", waiting_bookings.sessions_reminders_due)
    register_reminder_source("training-offer", waiting_bookings.offers_reminders_due)
    register_daily("training_offers_expire")


def attendance() -> None:
    """Attendance: registers waiting to be marked, charges by agency."""
    from assure.core.menu import Part, register
    from assure.core.waiting import WaitingKind, register_waiting

    from . import waiting_attendance

    register(
        Part(
            group="learning",
            label="Training charges",
            url_name="training:charges",
            permission="training.manage",
            description="Each agency's delegates who did not attend or cancelled late, what the training policy "
            "charges it and the charges waived, by year.",
            waiting=waiting_attendance.registers_phrase,
            order=24,
            covers=("training:charges*", "training:charge_waive"),
        )
    )
    register_waiting(
        WaitingKind(
            key=waiting_attendance.REGISTERS,
            label="Registers to mark",
            order=82,
            items=waiting_attendance.registers_to_mark,
        )
    )


def evaluations() -> None:
    """Evaluations: those waiting for a practitioner, the follow-ups sent three months on, return
    rates and quotes."""
    from assure.core.daily import register_daily
    from assure.core.menu import Part, register
    from assure.core.waiting import WaitingKind, register_waiting
    from assure.notifications.reminders import register_reminder_source

    from . import waiting_evaluations

    register(
        Part(
            group="learning",
            label="Training evaluations",
            url_name="training:evaluations",
            permission="training.view",
            description="What delegates said of the year's training: return rates, the change in their confidence "
            "in each learning outcome, and the quotes chosen for the annual report.",
            order=25,
            covers=("training:evaluations", "training:quote*", "training:certificate_copy"),
        ),
    )
    register_waiting(
        WaitingKind(
            key=waiting_evaluations.TO_GIVE,
            label="Evaluations to give",
            order=83,
            items=waiting_evaluations.evaluations_waiting,
        )
    )
    register_reminder_source(waiting_evaluations.REMINDER_RULE, waiting_evaluations.evaluation_reminders_due)
    register_daily("training_follow_ups_send")


def returns() -> None:
    """E-learning completions, single-agency training returns waiting for an agency's lead, and
    representation."""
    from assure.core.menu import Part, register
    from assure.core.waiting import WaitingKind, register_waiting

    from . import waiting_returns

    register(
        Part(
            group="learning",
            label="Single-agency training returns",
            url_name="training:returns",
            permission="training.manage",
            description="Each agency's yearly return of its workforce and the staff who completed its own "
            "safeguarding training, with reminders for those not yet made.",
            waiting=waiting_returns.returns_phrase,
            order=26,
            covers=("training:returns", "training:return_detail", "training:return_reopen", "training:return_remind"),
        ),
        Part(
            group="learning",
            label="Your agency's training return",
            url_name="training:return_mine",
            permission="training.return",
            description="Your agency's yearly return of its workforce and the staff who completed its own "
            "safeguarding training.",
            order=26,
            covers=("training:return_mine", "training:return_upload", "training:return_template"),
        ),
        Part(
            group="learning",
            label="E-learning",
            url_name="training:elearning",
            permission="training.manage",
            description="Completions of the partnership's e-learning modules, imported from the platform's export.",
            order=27,
            covers=("training:elearning*",),
        ),
        Part(
            group="learning",
            label="Representation at training",
            url_name="training:representation",
            permission="training.view",
            description="Delegates at multi-agency training by agency and sector, against each agency's workforce.",
            order=28,
            covers=("training:representation",),
        ),
    )
    register_waiting(
        WaitingKind(
            key=waiting_returns.TO_MAKE,
            label="Training return to make",
            order=84,
            items=waiting_returns.returns_to_make,
        ),
        WaitingKind(
            key=waiting_returns.NOT_MADE,
            label="Training returns not yet made",
            order=85,
            items=waiting_returns.returns_not_made,
        ),
    )


def figures() -> None:
    """The figures, computed indicators."""
    from assure.core.computations import register_computation
    from assure.core.menu import Part, register

    from . import computations

    register(
        Part(
            group="learning",
            label="Training figures",
            url_name="training:figures",
            permission="training.view",
            order=29,
            description="Multi-agency training sessions and delegates by year against the year before, conference "
            "delegates, e-learning, delegates by agency, sector, level and priority, and single-agency returns made.",
            covers=("training:figures*",),
        )
    )
    for name, function, description in [
        (
            "sessions",
            computations.sessions,
            "Scheduled sessions of multi-agency courses starting in the year, not conferences or their workshops.",
        ),
        (
            "delegates",
            computations.delegates,
            "Delegates marked attended at the year's multi-agency sessions, plus the e-learning completions.",
        ),
        (
            "conference_delegates",
            computations.conference_delegates,
            "Delegates marked attended at the partnership's conferences in the year.",
        ),
        (
            "elearning_completions",
            computations.elearning_completions,
            "Completions of the partnership's e-learning modules in the year.",
        ),
    ]:
        register_computation(f"training.{name}", function, description)


def session_attendance() -> None:
    """A session's attendance, read by reference by apps that may not import training (an
    engagement event run as a conference)."""
    from assure.partnerships.session_attendance import register_session_attendance

    from .session_attendance import sessions_attendance

    register_session_attendance(sessions_attendance)
