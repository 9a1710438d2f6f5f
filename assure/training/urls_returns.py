"""returns"""

urlpatterns: list = []
