"""URLs of Section 11: frameworks."""

urlpatterns: list = []
