"""URLs of figures (included by urls.py in the app's namespace)."""

from django.urls import path

from .views import figures

urlpatterns = [
    path("figures/", figures.figures, name="figures"),
    path("figures/<slug:kind>/", figures.kind_figures_view, name="kind_figures"),
    path("figures/<slug:kind>/download/", figures.kind_figures_download, name="kind_figures_download"),
    path("figures/<slug:kind>/priority/", figures.monitored_under_view, name="monitored_under"),
]
