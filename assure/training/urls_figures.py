"""figures"""

from django.urls import path

from .views import figures

urlpatterns = [
    path("figures/", figures.figures, name="figures"),
    path("figures/download/", figures.figures_download, name="figures_download"),
]
