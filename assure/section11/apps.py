from django.apps import AppConfig


class Section11Config(AppConfig):
    name = "assure.section11"
    label = "section11"
    verbose_name = "Section 11"
