from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "assure.reports"
    label = "reports"

    def ready(self) -> None:
        from assure.core.menu import Part, register

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
