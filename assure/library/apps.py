from django.apps import AppConfig


class LibraryConfig(AppConfig):
    name = "assure.library"
    label = "library"
