from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "assure.demo"
    label = "demo"
    verbose_name = "Demo region"
