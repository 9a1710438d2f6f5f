from django.apps import AppConfig


class AuditsConfig(AppConfig):
    """Multi-agency case-file audits, themed audits and the quality assurance of child
    protection conferences, answered on the questionnaire engine."""

    name = "assure.audits"
    label = "audits"
    verbose_name = "Audits"

    def ready(self) -> None:
        from . import registrations

        registrations.register_all()
