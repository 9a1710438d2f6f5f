from django.apps import AppConfig


class TrainingConfig(AppConfig):
    """Multi-agency training: the course catalogue and its sessions, practitioners who book them
    (a kind of user of their own, signed up with a verified work e-mail), managers' approval by a
    link, the waiting list, attendance and charges, evaluations before, after and three months
    on, certificates, e-learning completions, agencies' single-agency training returns, and the
    figures the board and the annual report read."""

    name = "assure.training"
    label = "training"
    verbose_name = "Multi-agency training"

    def ready(self) -> None:
        from . import registrations

        registrations.register_all()
