from django.apps import AppConfig


class CdopConfig(AppConfig):
    """Child death reviews: a panel shared by one or several partnerships, each death from its
    notification through agencies' reports and the review meeting to the panel's analysis, the
    panel's figures (small numbers suppressed outside the panel) and the exchange of anonymised
    cases with another panel."""

    name = "assure.cdop"
    label = "cdop"
    verbose_name = "Child death reviews"

    def ready(self) -> None:
        from . import registrations

        registrations.register_all()
