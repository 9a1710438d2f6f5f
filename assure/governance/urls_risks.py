"""URLs of governance's risks (included by urls.py under the app's namespace)."""

from django.urls import path

from .views import risks

urlpatterns: list = [
    path("", risks.register, name="risks"),
    path("add/", risks.create, name="risk_create"),
    path("heat-map/", risks.heat, name="risk_heat_map"),
    path("<int:pk>/", risks.detail, name="risk_detail"),
    path("<int:pk>/edit/", risks.edit, name="risk_edit"),
    path("<int:pk>/review/", risks.review, name="risk_review"),
    path("<int:pk>/close/", risks.close, name="risk_close"),
    path("<int:pk>/reopen/", risks.reopen, name="risk_reopen"),
    path("<int:pk>/action/", risks.action, name="risk_action"),
    path("<int:pk>/remind/", risks.remind, name="risk_remind"),
]
