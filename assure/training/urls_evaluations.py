"""evaluations"""

urlpatterns: list = []
