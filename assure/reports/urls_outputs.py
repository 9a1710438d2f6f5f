"""URLs of reports: outputs."""

urlpatterns: list = []
