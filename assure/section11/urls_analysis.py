"""URLs of Section 11: analysis of a cycle."""

from django.urls import path

from .views import analysis

urlpatterns: list = [
    path("analysis/", analysis.cycles_analysis, name="analysis_cycles"),
    path("cycles/<int:pk>/analysis/", analysis.cycle_analysis_view, name="analysis"),
]
