from django.apps import AppConfig


class ActionsConfig(AppConfig):
    name = "assure.actions"
    label = "actions"

    def ready(self) -> None:
        from assure.core.menu import Part, register

        from .selectors import actions_waiting

        register(
            Part(
                group="board",
                label="Actions",
                url_name="actions:tracker",
                permission="actions.view",
                description="Every action the partnership tracks, whatever raised it, with its owner, due date "
                "and progress.",
                order=70,
                waiting=actions_waiting,
            )
        )
