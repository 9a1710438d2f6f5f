"""URLs of Section 11: cycles."""

urlpatterns: list = []
