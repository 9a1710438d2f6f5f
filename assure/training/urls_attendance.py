"""attendance"""

urlpatterns: list = []
