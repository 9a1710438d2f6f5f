from django.apps import AppConfig


class ClocksConfig(AppConfig):
    """Statutory clocks counted in working days (weekends and England and Wales bank holidays
    left out), their states, and the list of every open clock the person may see, gathered from
    the apps that register a clock source."""

    name = "assure.clocks"
    label = "clocks"
    verbose_name = "Statutory clocks"

    def ready(self) -> None:
        from assure.core.menu import Part, register

        from .registry import clocks_waiting

        register(
            Part(
                group="reviews",
                label="Statutory clocks",
                url_name="clocks:open",
                permission="clocks.view",
                description="Every statutory deadline running: serious incidents notified to the national panel, "
                "rapid reviews and reviews' publication, counted in working days, with those due soon and "
                "overdue.",
                order=50,
                waiting=clocks_waiting,
            )
        )
