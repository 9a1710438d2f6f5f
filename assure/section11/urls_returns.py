"""URLs of Section 11: returns."""

urlpatterns: list = []
