"""URLs of surveys (included by urls.py in the app's namespace)."""

from django.urls import path

from .views import surveys

urlpatterns: list = [
    path("surveys/", surveys.survey_list, name="surveys"),
    path("surveys/add/", surveys.survey_create_view, name="survey_create"),
    path("surveys/<int:pk>/", surveys.survey_detail, name="survey_detail"),
    path("surveys/<int:pk>/change/", surveys.survey_edit, name="survey_edit"),
    path("surveys/<int:pk>/results/", surveys.survey_results_view, name="survey_results"),
    path("surveys/<int:pk>/compare/", surveys.survey_compare, name="survey_compare"),
    path("surveys/<int:pk>/free-text/", surveys.survey_free_text, name="survey_free_text"),
]
