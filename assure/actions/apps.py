from django.apps import AppConfig


class ActionsConfig(AppConfig):
    name = "assure.actions"
    label = "actions"

    def ready(self) -> None:
        from assure.core.menu import Part, register
        from assure.core.waiting import WaitingKind, register_waiting
        from assure.notifications.reminders import register_reminder_source

        from .selectors import actions_waiting
        from .waiting import actions_overdue, actions_owned, actions_reminders_due, cancellation_proposals

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
        register_waiting(
            WaitingKind(key="actions.owned", label="Actions you own", order=60, items=actions_owned),
            WaitingKind(key="actions.overdue", label="Actions overdue", order=62, items=actions_overdue),
            WaitingKind(
                key="actions.cancellation_proposals",
                label="Proposals to cancel an action",
                order=64,
                items=cancellation_proposals,
            ),
        )
        register_reminder_source("action", actions_reminders_due)
        # Actions other parts of Assure may point at (a business plan review's evidence).
        from .links import register_links

        register_links()
