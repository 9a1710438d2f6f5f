"""The public case consideration form for practitioners who are not members, confirmed by e-mail,
and the page where such a referrer follows their own referral's status."""

from django.urls import path

from .views import refer

app_name = "refer"

urlpatterns: list = [
    path("", refer.form, name="form"),
    path("sent/", refer.sent, name="sent"),
    path("confirm/<str:token>/", refer.confirm, name="confirm"),
    path("status/<str:token>/", refer.status, name="status"),
]
