"""The public referral form of allegations for employers who are not members, confirmed by e-mail,
and the page where such a referrer follows their own referral's status (included by
urls_public.py at the root of the ``allegations`` namespace)."""

from django.urls import path

from .views import public_refer

urlpatterns: list = [
    path("", public_refer.form, name="form"),
    path("sent/", public_refer.sent, name="sent"),
    path("confirm/<str:token>/", public_refer.confirm, name="confirm"),
    path("status/<str:token>/", public_refer.status, name="status"),
]
