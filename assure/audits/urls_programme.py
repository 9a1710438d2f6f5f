"""URLs of the audit programme and its audits (included by urls.py under the app's namespace)."""

from django.urls import path

from .views import programme

urlpatterns: list = [
    path("", programme.programme, name="programme"),
    path("every-audit/", programme.register, name="audit_register"),
    path("programmes/add/", programme.programme_add, name="programme_add"),
    path("programmes/<int:pk>/edit/", programme.programme_edit, name="programme_edit"),
    path("plan/", programme.audit_create, name="audit_create"),
    path("<int:pk>/", programme.audit_detail, name="audit_detail"),
    path("<int:pk>/edit/", programme.audit_edit, name="audit_edit"),
    path("<int:pk>/cancel/", programme.audit_cancel_view, name="audit_cancel"),
]
