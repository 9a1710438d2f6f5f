"""Everything cdop offers the tenant core's registration points (the menu, what waits on the home
page, reminder sources, clocks, computed indicators), called once from ``CdopConfig.ready``. Each
part of cdop keeps its own function here."""


def register_all() -> None:
    panels()
    deaths()
    reports()
    analysis()
    figures()
    exchanges()


def panels() -> None:
    """Setting a panel up and joining one: the part "Child death panels" of Reviews and panels and
    the invitations waiting for a business unit. The clocks of child deaths are registered here
    too (the panels-and-clocks part owns them): the "Child deaths" clock source and the reviews
    due soon or overdue waiting for the manager."""
    from assure.clocks.registry import ClockSource, register_clock_source
    from assure.core.menu import Part, register
    from assure.core.waiting import WaitingKind, register_waiting

    from . import waiting_clocks, waiting_panels
    from .clocks import SOURCE, clock_source_items

    register(
        Part(
            group="reviews",
            label="Child death panels",
            url_name="cdop:panels",
            permission="cdop.setup",
            description="Set up a child death overview panel on one of your subgroups, invite other partnerships "
            "to share it, and answer the invitations to join theirs.",
            order=64,
            covers=("cdop:panel*",),
        )
    )
    register_waiting(
        WaitingKind(
            key=waiting_panels.TO_JOIN,
            label="Child death panels to join",
            order=64,
            items=waiting_panels.panels_to_join,
        ),
        WaitingKind(
            key=waiting_clocks.REVIEWS_DUE,
            label="Child death reviews due soon or overdue",
            order=60,
            items=waiting_clocks.reviews_due,
        ),
    )
    register_clock_source(ClockSource(key=SOURCE, label="Child deaths", items=clock_source_items))


def deaths() -> None:
    """Notifications, duplicates, passing on, pausing, and the clocks of each death."""
    from assure.core.menu import Part, register
    from assure.core.waiting import WaitingKind, register_waiting

    from . import waiting_deaths as waiting

    register(
        Part(
            group="reviews",
            label="Child deaths",
            url_name="cdop:deaths",
            permission="cdop.review",
            description="The deaths of children the child death overview panel reviews: notifications, "
            "duplicates, deaths passed to the home panel, and each death's page.",
            waiting=waiting.deaths_phrase,
            order=60,
            covers=(
                "cdop:deaths",
                "cdop:death_create",
                "cdop:death_detail",
                "cdop:death_edit",
                "cdop:death_confirm",
                "cdop:death_duplicate",
                "cdop:death_pass_on",
            ),
        ),
        Part(
            group="reviews",
            label="Notify a child’s death",
            url_name="cdop:notify",
            permission="cdop.notify",
            description="Tell the child death overview panel of the death of a child known to your agency.",
            order=61,
            covers=("cdop:notify", "cdop:notify_sent"),
        ),
    )
    register_waiting(
        WaitingKind(
            key=waiting.DRAFTS,
            label="Child death notifications from agencies to confirm",
            order=60,
            items=waiting.drafts_waiting,
        ),
        WaitingKind(
            key=waiting.DUPLICATES, label="Possible duplicate child deaths", order=61, items=waiting.duplicates_waiting
        ),
        WaitingKind(
            key=waiting.RECEIVED, label="Child deaths passed to your panel", order=62, items=waiting.received_waiting
        ),
    )


def reports() -> None:
    """Agency reports: what waits for agency leads and the manager, and their reminders."""
    from assure.core.menu import Part, register
    from assure.core.waiting import WaitingKind, register_waiting
    from assure.notifications.reminders import register_reminder_source

    from . import waiting_reports
    from .services.reports import REMINDER_RULE, reports_reminders_due

    register(
        Part(
            group="reviews",
            label="Child death reports",
            url_name="cdop:reports_mine",
            permission="cdop.report",
            description="The reports the child death overview panel has asked of your agency, named by the "
            "death's reference and your own record number, with their due dates: answer each here.",
            waiting=waiting_reports.reports_waiting,
            order=62,
            covers=("cdop:reports_mine", "cdop:report_answer"),
        )
    )
    register_waiting(
        WaitingKind(
            key=waiting_reports.REPORTS_TO_WRITE,
            label="Child death reports to write",
            order=32,
            items=waiting_reports.reports_to_write,
        ),
        WaitingKind(
            key=waiting_reports.REPORTS_OVERDUE,
            label="Child death reports overdue",
            order=69,
            items=waiting_reports.reports_overdue,
        ),
    )
    register_reminder_source(REMINDER_RULE, reports_reminders_due)


def analysis() -> None:
    """The review meeting and the panel's analysis: the deaths ready for the panel on the home page
    of its members and its manager."""
    from assure.core.waiting import WaitingKind, register_waiting

    from . import waiting_analysis

    register_waiting(
        WaitingKind(
            key=waiting_analysis.READY,
            label="Child deaths ready for the panel",
            order=63,
            items=waiting_analysis.ready_for_panel,
        )
    )


def figures() -> None:
    """The panel's figures, computed indicators and exports."""
    from assure.core.computations import register_computation
    from assure.core.menu import Part, register

    from . import computations

    register(
        Part(
            group="reviews",
            label="Child death figures",
            url_name="cdop:figures",
            permission="cdop.view",
            order=63,
            description="The child death overview panel's figures for a year, small numbers hidden.",
            covers=("cdop:figures", "cdop:panel_report", "cdop:ncmd_export"),
        )
    )
    for name, function, description in [
        ("panel_meetings", computations.panel_meetings, "Meetings of the partnership's child death overview panel."),
        (
            "deaths_notified",
            computations.deaths_notified,
            "Deaths of the partnership's children notified to the panel, by the date of death; small numbers left out.",
        ),
        (
            "reviews_completed",
            computations.reviews_completed,
            "Reviews of the partnership's children's deaths the panel completed; small numbers left out.",
        ),
        (
            "unexpected_deaths",
            computations.unexpected_deaths,
            "Reviews completed of unexpected deaths of the partnership's children; small numbers left out.",
        ),
        (
            "modifiable_percent",
            computations.modifiable_percent,
            "Of the reviews completed, the percentage with modifiable factors; left out when either count is small.",
        ),
        (
            "completed_within_six_months_percent",
            computations.within_six_months_percent,
            "Of the reviews completed, the percentage completed within six months of the death; left out when "
            "either count is small.",
        ),
    ]:
        register_computation(f"cdop.{name}", function, description)


def exchanges() -> None:
    """Peer assurance: the anonymised exchange of cases with another panel, the part "Scoring
    exchanges" of Reviews and panels."""
    from assure.core.menu import Part, register

    register(
        Part(
            group="reviews",
            label="Scoring exchanges",
            url_name="cdop:exchanges",
            permission="cdop.review",
            description="Send reviewed child deaths, stripped of anything that identifies the child, to another "
            "panel to score, and compare its scoring with the panel's own.",
            order=65,
            covers=("cdop:exchange*",),
        )
    )
