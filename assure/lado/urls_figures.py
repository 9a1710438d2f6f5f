from django.urls import path

from .views import figures

urlpatterns = [
    path("figures/", figures.figures, name="figures"),
    path("figures/annual-report/", figures.annual_report, name="annual_report"),
    path("figures/expectations/", figures.expectations, name="expectations"),
]
