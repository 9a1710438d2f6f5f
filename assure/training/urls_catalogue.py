"""catalogue"""

urlpatterns: list = []
