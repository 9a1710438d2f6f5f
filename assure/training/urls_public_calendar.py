"""public_calendar"""

urlpatterns: list = []
