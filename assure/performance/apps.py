from django.apps import AppConfig


class PerformanceConfig(AppConfig):
    name = "assure.performance"
    label = "performance"

    def ready(self) -> None:
        from assure.library.hooks import after_load

        from .indicators import indicators_sync

        after_load(indicators_sync)
