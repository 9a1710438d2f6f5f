"""URLs of campaigns (included by urls.py in the app's namespace)."""

urlpatterns: list = []
