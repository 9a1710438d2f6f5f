"""The partnership's pages of learning briefings (the public learning page is urls_learning.py)."""

from django.urls import path

from .views import briefings

urlpatterns = [
    path("", briefings.register, name="briefings"),
    path("new/", briefings.create, name="briefing_create"),
    path("<int:pk>/", briefings.detail, name="briefing_detail"),
    path("<int:pk>/edit/", briefings.edit, name="briefing_edit"),
    path("<int:pk>/publish/", briefings.publish, name="briefing_publish"),
    path("<int:pk>/withdraw/", briefings.withdraw, name="briefing_withdraw"),
]
