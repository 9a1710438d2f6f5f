"""URLs of referrals: the officer's register, their own record of a referral, the employer's form
for an agency lead, and the referral's page with its steps (included by urls.py under
``referrals/`` in the app's namespace)."""

from django.urls import path

from .views import refer, referrals

urlpatterns: list = [
    path("", referrals.register, name="referrals"),
    path("record/", referrals.create, name="referral_create"),
    path("refer/", refer.refer, name="refer"),
    path("refer/sent/", refer.sent, name="refer_sent"),
    path("<int:pk>/", referrals.detail, name="referral_detail"),
    path("<int:pk>/change/", referrals.edit, name="referral_edit"),
    path("<int:pk>/accept/", referrals.accept, name="referral_accept"),
    path("<int:pk>/decline/", referrals.decline, name="referral_decline"),
]
