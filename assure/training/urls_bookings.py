"""bookings"""

urlpatterns: list = []
