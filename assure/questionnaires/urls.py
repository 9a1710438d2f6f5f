"""URLs of the questionnaire engine's own pages: the library's questionnaires, one in outline,
and checking a questionnaire file. Answering a questionnaire happens on the using app's pages."""

from django.urls import path

from .views import check, library

app_name = "questionnaires"

urlpatterns = [
    path("", library.questionnaires, name="list"),
    path("check/", check.check, name="check"),
    path("<str:code>/", library.outline, name="outline"),
]
