from django.urls import path

from . import views

app_name = "accounts"
urlpatterns = [
    path("", views.member_list, name="members"),
    path("add/", views.member_add_view, name="member_add"),
    path("<int:pk>/", views.member_detail, name="member_detail"),
    path("<int:pk>/role/", views.member_role_view, name="member_role"),
    path("<int:pk>/end/", views.member_end_view, name="member_end"),
    path("<int:pk>/grants/add/", views.grant_add_view, name="grant_add"),
    path("grants/<int:pk>/revoke/", views.grant_revoke_view, name="grant_revoke"),
    path("api/token/", views.api_token, name="api_token"),
    path("api/token/revoke/", views.api_token_revoke_view, name="api_token_revoke"),
]
