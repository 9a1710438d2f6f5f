"""URLs of providers (included by urls.py in the app's namespace): the business unit's list of
private providers and its check of one, and a provider's own notifications."""

from django.urls import path

from .views import providers

urlpatterns: list = [
    path("providers/", providers.providers, name="providers"),
    path("providers/<int:pk>/review/", providers.provider_review, name="provider_review"),
    path("notifications/", providers.notifications_mine, name="notifications_mine"),
    path("notifications/new/", providers.notify, name="notify"),
    path("notifications/<int:pk>/", providers.notification_detail, name="notification_detail"),
    path("notifications/<int:pk>/risk-assessment/", providers.notification_answers, name="notification_answers"),
]
