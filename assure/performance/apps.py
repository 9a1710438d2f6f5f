from django.apps import AppConfig


class PerformanceConfig(AppConfig):
    name = "assure.performance"
    label = "performance"

    def ready(self) -> None:
        from assure.core.computations import on_records_changed
        from assure.core.daily import register_daily
        from assure.core.menu import LocalNavigation, Page, Part, register, register_installation_page
        from assure.library.hooks import after_load
        from assure.partnerships.hooks import (
            FirstStep,
            LocalAuthority,
            on_partnership_changed,
            provide_local_authorities,
            register_first_step,
        )

        from .areas import area_with_code, local_authorities
        from .cache import bump_partnership
        from .indicators import indicators_sync
        from .models import Observation, ScorecardLine
        from .selectors.returns import returns_waiting
        from .services.computed import records_recount

        after_load(indicators_sync)
        on_partnership_changed(bump_partnership)
        # Figures counted from other apps' records are counted again when those records change,
        # and once a day (a meeting whose day has come counts as held).
        on_records_changed(records_recount)
        register_daily("compute_indicators")
        provide_local_authorities(
            lambda: (
                LocalAuthority(
                    ons_code=area.code,
                    old_la_code=area.old_la_code,
                    name=area.name,
                    region=area.region.name if area.region_id else "",
                )
                for area in local_authorities()
            )
        )
        register_first_step(
            FirstStep(
                label="Load the published statistics",
                hint="The installation's operator imports the DfE's and the ONS's files for every partnership.",
                # By any code of the partnership's authority: it may have been re-coded since.
                is_done=lambda partnership: Observation.objects.filter(
                    area_id=getattr(area_with_code(partnership.ons_code), "pk", 0)
                ).exists(),
                order=30,
            ),
            FirstStep(
                label="Choose the scorecard's indicators",
                hint="The indicators the board watches, under the partnership's priorities, with their targets.",
                is_done=lambda partnership: ScorecardLine.objects.filter(partnership=partnership).exists(),
                order=40,
                url_name="performance:setup",
                permission="performance.manage",
            ),
        )

        core_dataset = LocalNavigation(
            "Core dataset",
            (
                Page("Scorecard", "performance:scorecard", "performance.view"),
                Page("Indicators", "performance:catalogue", "performance.view"),
                Page("The child's journey", "performance:journey", "performance.view"),
                Page("Exception reports", "performance:exceptions", "performance.view"),
                Page("Data returns", "performance:returns", "returns.view"),
                Page("Published statistics", "performance:imports", "performance.manage"),
                Page("Scorecard set-up", "performance:setup", "performance.manage"),
                Page("API", "performance:api_docs", "performance.view"),
            ),
        )
        register(
            Part(
                group="assurance",
                label="Scorecard",
                url_name="performance:scorecard",
                permission="performance.view",
                description="The core dataset: the partnership's indicators against their targets, the child's "
                "journey and exception reports.",
                order=10,
                local=core_dataset,
            ),
            Part(
                group="assurance",
                label="Data returns",
                url_name="performance:returns",
                permission="returns.view",
                description="The figures agencies send for the core dataset, round by round, and their validation.",
                order=20,
                waiting=returns_waiting,
                covers=("performance:return*", "performance:round*"),
                local=core_dataset,
            ),
        )
        # The operator's import of the published statistics, outside every partnership.
        register_installation_page(
            "Published statistics",
            "statistics:list",
            "statistics.import",
            description="Import the files the DfE and the ONS publish: the figures every partnership compares "
            "its own with.",
        )
        self._register_returns_waiting()
        self._register_commentary_waiting()
        # Records other parts of Assure may point at (a challenge's "about", a paper, evidence).
        from .links import register_links

        register_links()
        # The business plan keeps a priority while scorecard lines hang under it.
        from assure.plans.hooks import register_priority_holder

        from .selectors.catalogue import lines_by_priority

        register_priority_holder(lines_by_priority)

    def _register_commentary_waiting(self) -> None:
        """Exception-report commentary an agency lead is asked for, on their home page and in
        the scheduled reminders."""
        from assure.core.waiting import WaitingKind, register_waiting
        from assure.notifications.reminders import register_reminder_source

        from .selectors.exceptions import commentary_reminders_due, commentary_to_write, exception_reports_to_read

        register_waiting(
            WaitingKind(
                "performance.exception_commentary",
                "Commentary to write for the exception report",
                40,
                commentary_to_write,
            ),
            WaitingKind(
                "performance.exception_reports_to_read",
                "Exception reports for the next meetings",
                16,
                exception_reports_to_read,
            ),
        )
        register_reminder_source("exception-commentary", commentary_reminders_due)

    def _register_returns_waiting(self) -> None:
        """Data returns on each person's home page, and the returns the scheduled reminders chase."""
        from assure.core.waiting import WaitingKind, register_waiting
        from assure.notifications.reminders import register_reminder_source

        from .selectors.waiting import returns_overdue, returns_sent_back, returns_to_submit
        from .services.notices import returns_reminders_due

        register_waiting(
            WaitingKind("performance.returns_sent_back", "Data returns sent back to you", 10, returns_sent_back),
            WaitingKind("performance.returns_to_submit", "Data returns to submit", 11, returns_to_submit),
            WaitingKind("performance.returns_overdue", "Data returns overdue", 12, returns_overdue),
        )
        register_reminder_source("data-return", returns_reminders_due)
