"""reviews pages of case reviews."""

urlpatterns: list = []
