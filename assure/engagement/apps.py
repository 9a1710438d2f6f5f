from django.apps import AppConfig


class EngagementConfig(AppConfig):
    """Engagement: how the board reaches people and hears them. Campaigns with their activities
    and measured reach, surveys answered anonymously on a public link and compared year on year,
    the voices of children, parents and practitioners with consent to quote, and the board's
    events with their attendance and feedback."""

    name = "assure.engagement"
    label = "engagement"
    verbose_name = "Engagement and communication"

    def ready(self) -> None:
        from . import registrations

        registrations.register_all()
