"""URLs of Section 11: analysis."""

urlpatterns: list = []
