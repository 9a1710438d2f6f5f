from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "assure.core"
    label = "core"
