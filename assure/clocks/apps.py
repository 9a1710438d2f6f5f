from django.apps import AppConfig


class ClocksConfig(AppConfig):
    """Statutory clocks counted in working days (weekends and England and Wales bank holidays
    left out), their states, and the list of every open clock the person may see, gathered from
    the apps that register a clock source."""

    name = "assure.clocks"
    label = "clocks"
    verbose_name = "Statutory clocks"
