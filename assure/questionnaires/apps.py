from django.apps import AppConfig


class QuestionnairesConfig(AppConfig):
    """The questionnaire engine: questionnaires of the library answered as responses about any
    record (a case-file audit, a conference, a training session), their results and charts.
    Tenant core: every system may use it; it imports none of them."""

    name = "assure.questionnaires"
    label = "questionnaires"
    verbose_name = "Questionnaires"

    def ready(self) -> None:
        from . import registrations

        registrations.register_all()
