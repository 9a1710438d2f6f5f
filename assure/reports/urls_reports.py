"""URLs of reports: reports."""

urlpatterns: list = []
