from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "assure.reports"
    label = "reports"

    def ready(self) -> None:
        from assure.core.menu import Part, register
        from assure.core.waiting import WaitingKind, register_waiting
        from assure.notifications.reminders import register_reminder_source

        from .waiting import (
            board_papers,
            report_section_reminders_due,
            sections_overdue,
            sections_to_accept,
            sections_to_write,
        )

        register_waiting(
            WaitingKind(
                key="reports.sections_to_write", label="Report sections to write", order=40, items=sections_to_write
            ),
            WaitingKind(
                key="reports.sections_to_accept", label="Report sections to accept", order=45, items=sections_to_accept
            ),
            WaitingKind(
                key="reports.sections_overdue", label="Report sections overdue", order=46, items=sections_overdue
            ),
            WaitingKind(key="reports.board_papers", label="Board papers to read", order=15, items=board_papers),
        )
        register_reminder_source("report-section", report_section_reminders_due)
        # Reports other parts of Assure may point at (a meeting's paper, a review's evidence).
        from .links import register_links

        register_links()

        register(
            Part(
                group="reports",
                label="Reports",
                url_name="reports:reports",
                permission="reports.view",
                description="The annual report and the partnership's other reports, written with its agencies.",
                order=10,
            )
        )
