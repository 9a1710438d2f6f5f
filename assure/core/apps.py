from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "assure.core"
    label = "core"

    def ready(self) -> None:
        from .menu import Group, register_group

        # The groups of the service navigation; each app registers its parts in them. A group
        # is shown only to someone who may use one of its parts.
        for group in (
            Group("home", "Home", order=10, landing=False),
            Group(
                "board",
                "Board",
                order=20,
                description="The partnership's board and how it runs: its agencies, subgroups, meetings, budget "
                "and members, the actions it tracks and the trail of every change.",
            ),
            Group(
                "assurance",
                "Performance and assurance",
                order=30,
                description="How well the partnership's agencies keep children safe: the core dataset and its "
                "scorecard, the agencies' data returns, their Section 11 self-assessments and the multi-agency "
                "registers the board monitors.",
            ),
            Group(
                "reviews",
                "Reviews and panels",
                order=40,
                description="Case reviews, child deaths and allegations against people who work with children.",
            ),
            Group(
                "learning",
                "Learning",
                order=50,
                description="Training and engagement: how the partnership spreads what it has learnt.",
            ),
            Group("reports", "Reports", order=60, landing=False),
        ):
            register_group(group)
