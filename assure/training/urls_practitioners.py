"""practitioners"""

urlpatterns: list = []
