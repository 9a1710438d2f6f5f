"""The partnership's public learning page: published learning briefings, without signing in."""

app_name = "learning"

urlpatterns: list = []
