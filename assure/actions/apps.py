from django.apps import AppConfig


class ActionsConfig(AppConfig):
    name = "assure.actions"
    label = "actions"
