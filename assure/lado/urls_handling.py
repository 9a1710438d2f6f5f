"""The handling of an open referral (mounted under ``referrals/``): the steps recorded, the
meetings, closing and reopening, and the updates asked of the employer."""

from django.urls import path

from .views import handling, updates

urlpatterns: list = [
    path("<int:pk>/consideration/", handling.consideration, name="referral_consideration"),
    path("<int:pk>/police/", handling.police, name="referral_police"),
    path("<int:pk>/employer/", handling.employer, name="referral_employer"),
    path("<int:pk>/onward/", handling.onward, name="referral_onward"),
    path("<int:pk>/close/", handling.close, name="referral_close"),
    path("<int:pk>/reopen/", handling.reopen, name="referral_reopen"),
    path("<int:pk>/meetings/add/", handling.meeting_add_view, name="meeting_add"),
    path("meetings/<int:pk>/", handling.meeting_edit, name="meeting_edit"),
    path("meetings/<int:pk>/remove/", handling.meeting_remove_view, name="meeting_remove"),
    path("<int:pk>/updates/ask/", updates.update_ask, name="update_ask"),
    path("updates/<int:pk>/remind/", updates.update_remind_view, name="update_remind"),
    path("updates/<int:pk>/withdraw/", updates.update_withdraw_view, name="update_withdraw"),
]
