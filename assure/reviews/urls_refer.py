"""The public case consideration form for practitioners who are not members, confirmed by e-mail,
and the page where such a referrer follows their own referral's status."""

app_name = "refer"

urlpatterns: list = []
