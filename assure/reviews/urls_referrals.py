"""Case considerations: the register, a member's form and own referrals, one referral and each
step of its handling (included by urls.py under the app's namespace, at referrals/)."""

from django.urls import path

from .views import referrals

urlpatterns: list = [
    path("", referrals.referrals, name="referrals"),
    path("refer/", referrals.referral_create, name="referral_create"),
    path("mine/", referrals.referrals_mine, name="referrals_mine"),
    path("<int:pk>/", referrals.referral_detail, name="referral_detail"),
    path("<int:pk>/acknowledge/", referrals.referral_acknowledge_view, name="referral_acknowledge"),
    path("<int:pk>/consider/", referrals.referral_consider_view, name="referral_consider"),
    path("<int:pk>/decide/", referrals.referral_decide_view, name="referral_decide"),
    path("<int:pk>/withdraw/", referrals.referral_withdraw_view, name="referral_withdraw"),
    path("<int:pk>/letter/", referrals.referral_letter, name="referral_letter"),
]
