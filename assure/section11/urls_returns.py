"""URLs of Section 11: returns, criteria, evidence files and moderation."""

from django.urls import path

from .views import evidence, moderation, reminders, returns

urlpatterns = [
    path("returns/<int:pk>/", returns.return_detail, name="return_detail"),
    path("returns/<int:pk>/submit/", returns.return_submit_view, name="return_submit"),
    path("returns/<int:pk>/accept/", moderation.return_accept_view, name="return_accept"),
    path("returns/<int:pk>/reopen/", moderation.return_reopen_view, name="return_reopen"),
    path("returns/<int:pk>/remind/", reminders.return_remind_view, name="return_remind"),
    path("criteria/<int:pk>/", returns.response_edit, name="response_edit"),
    path("criteria/<int:pk>/action/", returns.response_action, name="response_action"),
    path("criteria/<int:pk>/moderate/", moderation.response_moderate_view, name="response_moderate"),
    path("criteria/<int:pk>/answer/", moderation.response_answer_view, name="response_answer"),
    path("evidence/<int:pk>/", evidence.evidence_download, name="evidence_download"),
    path("evidence/<int:pk>/delete/", evidence.evidence_delete_view, name="evidence_delete"),
]
