from django.urls import path

from .views import figures

urlpatterns = [
    path("figures/", figures.figures, name="figures"),
    path("figures/report/", figures.report, name="panel_report"),
    path("figures/ncmd-export/", figures.ncmd_export, name="ncmd_export"),
]
