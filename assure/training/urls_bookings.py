"""bookings: a practitioner books a session, reads, cancels and accepts their bookings and
downloads the session for their calendar; the business unit reads a session's bookings and
waiting list and cancels a booking."""

from django.urls import path

from .views import bookings

urlpatterns: list = [
    path("sessions/<int:pk>/book/", bookings.book, name="book"),
    path("sessions/<int:pk>/bookings/", bookings.session_bookings_view, name="session_bookings"),
    path("bookings/<int:pk>/", bookings.booking_detail, name="booking_detail"),
    path("bookings/<int:pk>/cancel/", bookings.booking_cancel_view, name="booking_cancel"),
    path("bookings/<int:pk>/accept/", bookings.offer_accept_view, name="offer_accept"),
    path("bookings/<int:pk>/calendar.ics", bookings.booking_ics, name="booking_ics"),
    path("bookings/<int:pk>/withdraw/", bookings.booking_withdraw, name="booking_withdraw"),
]
