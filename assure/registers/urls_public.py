"""The public pages of private providers: signing up with a work e-mail and the link that
confirms it."""

app_name = "providers"

urlpatterns: list = []
