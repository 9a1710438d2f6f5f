from django.apps import AppConfig


class ReviewsConfig(AppConfig):
    """Case reviews and learning: case considerations and the chair's decisions, serious incidents
    and rapid reviews on statutory clocks, reviews with their action plans, and learning
    briefings on the partnership's public learning page."""

    name = "assure.reviews"
    label = "reviews"
    verbose_name = "Case reviews and learning"

    def ready(self) -> None:
        from . import registrations

        registrations.register_all()
