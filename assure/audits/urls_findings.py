"""URLs of audits' findings, themed audits, re-audits and results (included by urls.py under the
app's namespace)."""

from django.urls import path

from .views import findings, results, themed

urlpatterns: list = [
    path("<int:audit>/findings/add/", findings.finding_create_view, name="finding_create"),
    path("findings/<int:pk>/", findings.finding_detail, name="finding_detail"),
    path("findings/<int:pk>/edit/", findings.finding_edit, name="finding_edit"),
    path("findings/<int:pk>/move/", findings.finding_move_view, name="finding_move"),
    path("findings/<int:pk>/delete/", findings.finding_delete_view, name="finding_delete"),
    path("findings/<int:pk>/action/", findings.finding_action, name="finding_action"),
    path("themed/commission/", themed.themed_create, name="themed_create"),
    path("<int:pk>/report/", themed.audit_report_view, name="audit_report"),
    path("<int:pk>/re-audit/", themed.audit_re_audit_view, name="audit_re_audit"),
    path("<int:pk>/compared/", themed.audit_compare, name="audit_compare"),
    path("results/", results.results, name="results"),
]
