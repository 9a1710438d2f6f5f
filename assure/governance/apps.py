from django.apps import AppConfig


class GovernanceConfig(AppConfig):
    """How the board governs itself: the challenge log, the risk register, and the agendas,
    papers, decisions and minutes of its meetings."""

    name = "assure.governance"
    label = "governance"
    verbose_name = "Governance"

    def ready(self) -> None:
        from . import registrations

        registrations.register_all()
