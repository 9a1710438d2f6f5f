"""The review meeting and the panel's analysis of a death (mounted under ``deaths/``)."""

from django.urls import path

from .views import analysis

urlpatterns = [
    path("<int:pk>/review-meeting/", analysis.review_meeting, name="review_meeting"),
    path("<int:pk>/analysis/", analysis.death_analysis, name="death_analysis"),
    path("<int:pk>/analysis/reopen/", analysis.analysis_reopen_view, name="analysis_reopen"),
    path("<int:pk>/factors/add/", analysis.factor_add_view, name="factor_add"),
    path("factors/<int:pk>/remove/", analysis.factor_remove_view, name="factor_remove"),
    path("<int:pk>/recommendations/add/", analysis.recommendation_add, name="recommendation_add"),
    path("<int:pk>/referral/", analysis.death_referral, name="death_referral"),
]
