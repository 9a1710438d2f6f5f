"""Everything the registers offer the tenant core's registration points (the menu, what waits on
the home page, computed indicators, the scheduled retention job), called once from
``RegistersConfig.ready``. Each part of the registers keeps its own function here."""


def register_all() -> None:
    entries()
    uploads()
    providers()
    figures()
    retention()


def entries() -> None:
    """Entries: each register's list, an entry's form and page."""
    from assure.core.menu import Part, register

    register(
        Part(
            group="assurance",
            label="Registers",
            url_name="registers:index",
            permission="registers.record",
            description="The multi-agency registers you keep: record an entry, correct one, and see each register's "
            "entries.",
            order=60,
            covers=("registers:index", "registers:entr*"),
        )
    )


def uploads() -> None:
    """Monthly uploads of an agency's extract: the register of uploads in the menu, last month's
    extracts an agency's lead still owes on the home page, and their monthly reminder."""
    from assure.core.menu import Part, register
    from assure.core.waiting import WaitingKind, register_waiting
    from assure.notifications.reminders import register_reminder_source

    from . import waiting_uploads

    register(
        Part(
            group="assurance",
            label="Register uploads",
            url_name="registers:uploads",
            permission="registers.record",
            description="An agency's monthly extract of a register from its own system, each row checked as an "
            "entry, and the uploads made.",
            waiting=waiting_uploads.extracts_phrase,
            order=65,
            covers=("registers:upload*",),
        )
    )
    register_waiting(
        WaitingKind(
            key=waiting_uploads.TO_UPLOAD,
            label="Register extracts to upload",
            order=86,
            items=waiting_uploads.extracts_to_upload,
        )
    )
    register_reminder_source("register-upload", waiting_uploads.reminders_due)


def providers() -> None:
    """Private providers: their notifications, and those waiting for the business unit's check."""
    from assure.core.menu import Part, register
    from assure.core.waiting import WaitingKind, register_waiting

    from . import waiting_providers

    register(
        Part(
            group="assurance",
            label="Private providers",
            url_name="registers:providers",
            permission="registers.manage",
            description="The private providers of children's homes who notify placements, and those waiting for "
            "you to verify them.",
            waiting=waiting_providers.to_verify_phrase,
            order=66,
            covers=("registers:provider*",),
        ),
        Part(
            group="assurance",
            label="My notifications",
            url_name="registers:notifications_mine",
            permission="registers.notify",
            description="Your placement notifications to the local authority, each with its CSE risk assessment.",
            waiting=waiting_providers.drafts_phrase,
            order=67,
            covers=("registers:notification*", "registers:notify"),
        ),
    )
    register_waiting(
        WaitingKind(
            key=waiting_providers.TO_VERIFY,
            label="Providers to verify",
            order=90,
            items=waiting_providers.to_verify_waiting,
        ),
        WaitingKind(
            key=waiting_providers.DRAFTS,
            label="Placement notifications to finish",
            order=91,
            items=waiting_providers.drafts_waiting,
        ),
    )


def figures() -> None:
    """Figures: each register's by month and year, its timeliness, and the computed indicators;
    the registers hung under the business plan's priorities they are monitored under."""
    from assure.core.computations import Parameter, register_computation
    from assure.core.menu import Part, register
    from assure.plans.hooks import register_priority_holder

    from . import computations
    from .selectors.figures import registers_for_priorities

    register(
        Part(
            group="assurance",
            label="Registers’ figures",
            url_name="registers:figures",
            permission="registers.view",
            order=68,
            description="Each multi-agency register's figures this year against last year, by month, timeliness "
            "against the targets and breakdowns (small numbers hidden), and the priority each is monitored under.",
            covers=("registers:figures", "registers:kind_figures*", "registers:monitored_under"),
        )
    )
    register_computation(
        "registers.indicator",
        computations.indicator,
        "One indicator of a register kind, counted from its submitted entries per ended financial year (on-time "
        "indicators as the entries meeting the rule out of those counted).",
        parameters={
            "kind": Parameter("The register kind's code.", names="register-kind"),
            "indicator": Parameter("The code of one of the kind's indicators (not a breakdown)."),
        },
    )
    register_priority_holder(registers_for_priorities)


def retention() -> None:
    """Retention: the scheduled job and its log."""
    from assure.core.daily import register_daily
    from assure.core.menu import Part, register

    register(
        Part(
            group="assurance",
            label="Registers’ retention",
            url_name="registers:retention",
            permission="registers.manage",
            description="How long each register keeps its entries, the years kept as figures only once their "
            "entries were deleted, and the log of the daily retention job.",
            order=69,
            covers=("registers:retention",),
        )
    )
    register_daily("registers_retention")
