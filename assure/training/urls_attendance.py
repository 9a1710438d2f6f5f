"""attendance: the register of a session marked on the day, and the business unit's training
charges by agency, with waiving."""

from django.urls import path

from .views import attendance

urlpatterns: list = [
    path("sessions/<int:pk>/register/", attendance.register, name="register"),
    path("charges/", attendance.charges, name="charges"),
    path("charges/<int:agency_pk>/", attendance.charges_agency, name="charges_agency"),
    path("charges/other-organisations/", attendance.charges_other, name="charges_other"),
    path("charges/bookings/<int:pk>/waive/", attendance.charge_waive_view, name="charge_waive"),
]
