"""incidents pages of case reviews."""

urlpatterns: list = []
