"""recommendations pages of case reviews."""

urlpatterns: list = []
