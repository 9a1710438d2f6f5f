"""URLs of running a review: the register, commissioning, a review's page, its details and
pipeline, the restricted case file, agencies' contributions, practitioners' conversations, the
final report and publication (included by urls.py under the app's namespace)."""

from django.urls import path

from .views import reviews as views

urlpatterns: list = [
    # The app's own root is the "Reviews and panels" landing page of the menu.
    path("", views.register, name="reviews"),
    path("add/", views.review_create, name="review_create"),
    path("contributions/", views.contributions_mine, name="contributions_mine"),
    path("<int:pk>/", views.review_detail, name="review_detail"),
    path("<int:pk>/edit/", views.review_edit, name="review_edit"),
    path("<int:pk>/move/", views.review_move_view, name="review_move"),
    path("<int:pk>/case-file/", views.review_case, name="review_case"),
    path("<int:pk>/contributions/request/", views.contribution_request, name="contribution_request"),
    path("contributions/<int:pk>/upload/", views.contribution_upload_view, name="contribution_upload"),
    path("contributions/<int:pk>/download/", views.contribution_download, name="contribution_download"),
    path("contributions/<int:pk>/remind/", views.contribution_remind_view, name="contribution_remind"),
    path("<int:pk>/conversations/add/", views.conversation_add_view, name="conversation_add"),
    path("<int:pk>/report/", views.review_report, name="review_report"),
    path("<int:pk>/report/download/", views.review_report_download, name="review_report_download"),
    path("<int:pk>/publish/", views.review_publish_view, name="review_publish"),
]
