from django.apps import AppConfig


class PlansConfig(AppConfig):
    """The partnership's business plan: its priorities, the strategic objectives under each, and
    each year's review of every priority. Part of the tenant core, because every system hangs its
    work under a priority."""

    name = "assure.plans"
    label = "plans"
    verbose_name = "Business plan"

    def ready(self) -> None:
        from assure.core.menu import Part, register

        from .links import register_links

        register(
            Part(
                group="board",
                label="Business plan",
                url_name="plans:home",
                permission="plan.view",
                description="The board's plan: its priorities, the strategic objectives and actions under each, "
                "and each year's review of what was done and what difference it made.",
                order=5,
            )
        )
        # The plan's records other parts of Assure may point at (a challenge, a paper).
        register_links()
