"""evaluations: a delegate's own evaluations and certificates, the results of the year, and the
quotes chosen for the annual report."""

from django.urls import path

from .views import evaluations

urlpatterns: list = [
    path("evaluations/", evaluations.evaluations, name="evaluations"),
    path("evaluations/<int:pk>/", evaluations.evaluate, name="evaluate"),
    path("evaluations/start/<int:pk>/<slug:stage>/", evaluations.evaluation_begin, name="evaluation_start"),
    path("evaluations/<int:pk>/quote/<slug:question>/", evaluations.quote_choose, name="quote_select"),
    path("evaluations/quotes/", evaluations.quotes, name="quotes"),
    path("evaluations/quotes/<int:pk>/remove/", evaluations.quote_delete, name="quote_remove"),
    path("evaluations/certificates/<int:pk>.pdf", evaluations.certificate_copy, name="certificate_copy"),
    path("bookings/<int:pk>/certificate.pdf", evaluations.certificate, name="certificate"),
]
