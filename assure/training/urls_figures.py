"""figures"""

urlpatterns: list = []
