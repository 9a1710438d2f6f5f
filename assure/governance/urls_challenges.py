"""URLs of governance's challenges (included by urls.py under the app's namespace)."""

from django.urls import path

from .views import challenges

urlpatterns: list = [
    path("", challenges.challenges_log, name="challenges"),
    path("new/", challenges.challenge_create, name="challenge_create"),
    path("<int:pk>/", challenges.challenge_detail, name="challenge_detail"),
    path("<int:pk>/respond/", challenges.challenge_respond_view, name="challenge_respond"),
    path("<int:pk>/assess/", challenges.challenge_assess_view, name="challenge_assess"),
    path("<int:pk>/escalate/", challenges.challenge_escalate_view, name="challenge_escalate"),
    path("<int:pk>/close/", challenges.challenge_close_view, name="challenge_close"),
    path("<int:pk>/reopen/", challenges.challenge_reopen_view, name="challenge_reopen"),
    path("<int:pk>/remind/", challenges.challenge_remind_view, name="challenge_remind"),
    path("<int:pk>/action/", challenges.challenge_action, name="challenge_action"),
]
