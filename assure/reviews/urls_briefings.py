"""briefings pages of case reviews."""

urlpatterns: list = []
