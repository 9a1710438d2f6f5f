"""URLs of voices: the register, a voice's pages, its review and its choice for the annual report
(included by urls.py in the app's namespace)."""

from django.urls import path

from .views import voices

urlpatterns: list = [
    path("voices/", voices.voice_list, name="voices"),
    path("voices/new/", voices.voice_create_view, name="voice_create"),
    path("voices/<int:pk>/", voices.voice_detail, name="voice_detail"),
    path("voices/<int:pk>/edit/", voices.voice_edit, name="voice_edit"),
    path("voices/<int:pk>/review/", voices.voice_review_view, name="voice_review"),
    path("voices/<int:pk>/choose/", voices.voice_choose_view, name="voice_choose"),
    path("voices/<int:pk>/unchoose/", voices.voice_unchoose_view, name="voice_unchoose"),
    path("voices/<int:pk>/remove/", voices.voice_delete_view, name="voice_delete"),
]
