from django.apps import AppConfig


class PartnershipsConfig(AppConfig):
    name = "assure.partnerships"
    label = "partnerships"
