"""URLs of campaigns and the year's engagement summary (included by urls.py in the app's
namespace)."""

from django.urls import path

from .views import campaigns, summary

urlpatterns: list = [
    path("campaigns/", campaigns.campaign_list, name="campaigns"),
    path("campaigns/new/", campaigns.campaign_create_view, name="campaign_create"),
    path("campaigns/<int:pk>/", campaigns.campaign_detail, name="campaign_detail"),
    path("campaigns/<int:pk>/edit/", campaigns.campaign_edit, name="campaign_edit"),
    path("campaigns/<int:pk>/delete/", campaigns.campaign_delete_view, name="campaign_delete"),
    path("campaigns/<int:pk>/activities/new/", campaigns.activity_add_view, name="activity_add"),
    path("campaigns/<int:pk>/activities/<int:activity>/edit/", campaigns.activity_edit, name="activity_edit"),
    path(
        "campaigns/<int:pk>/activities/<int:activity>/remove/",
        campaigns.activity_remove_view,
        name="activity_remove",
    ),
    path("campaigns/<int:pk>/measures/new/", campaigns.measure_add_view, name="measure_add"),
    path("campaigns/<int:pk>/measures/<int:measure>/remove/", campaigns.measure_remove_view, name="measure_remove"),
    path("summary/", summary.summary, name="summary"),
    path("summary/download/", summary.summary_download, name="summary_download"),
]
