from django.apps import AppConfig


class LadoConfig(AppConfig):
    """Allegations against people who work with children: the designated officer's case
    management, from an employer's referral through the joint evaluation meetings, the police's
    and the employer's actions to the outcome, on timescale clocks; the person the allegation is
    about as a restricted record with repeat referrals found; figures with small numbers
    suppressed outside the officer's view, and the officer's annual report."""

    name = "assure.lado"
    label = "lado"
    verbose_name = "Allegations against people who work with children"

    def ready(self) -> None:
        from . import registrations

        registrations.register_all()
