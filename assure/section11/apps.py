from django.apps import AppConfig


class Section11Config(AppConfig):
    name = "assure.section11"
    label = "section11"
    verbose_name = "Section 11"

    def ready(self) -> None:
        from assure.core.daily import register_daily
        from assure.core.menu import Part, register

        from .selectors.cycles import section11_waiting

        register(
            Part(
                group="assurance",
                label="Section 11",
                url_name="section11:cycles",
                permission="section11.view",
                description="Agencies' Section 11 self-assessments of how they safeguard children, their "
                "moderation and analysis.",
                order=30,
                waiting=section11_waiting,
            )
        )
        register_daily("section11_reminders")
